"""The admin's date picker keeps what an editor types: it used to put today's date in its place on leaving the field."""

from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from methodbank.models import ProjectPage

from .conftest import sign_in


def test_a_typed_date_stays_when_the_field_loses_focus(page, portal):
    profile = UserProfile.objects.get(user__username="moderator")
    profile.preferred_language = "fi"
    profile.save()
    try:
        sign_in(page, "moderator")
        project = ProjectPage.objects.get(slug="zoomi", locale__language_code="fi")
        page.goto(f"/admin/pages/{project.pk}/edit/")
        start = page.locator("#id_start_date")
        # A Finnish date, and one that does not exist: the form, not the picker, judges the second.
        for typed in ("31.12.2021", "31.2.2021"):
            start.fill(typed)
            start.press("Tab")
            expect(start).to_have_value(typed)
    finally:
        profile.preferred_language = "en"
        profile.save()
