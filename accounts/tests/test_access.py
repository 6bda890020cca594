"""Drafts, previews and the admin are out of reach for visitors, and for contributors who do not own them."""

import pytest
from django.urls import reverse

from accounts import registration
from accounts.tests.fixtures import make_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(index, users):
    return make_model(index, owner=users["other_contributor"], title="Unpublished model", live=False)


def admin_urls(page):
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, page.latest_revision_id]),
        reverse("evaluations:index"),
        reverse(f"{registration.ADMIN_NAMESPACE}:index"),
        reverse("wagtailusers_users:index"),
    ]


def test_visitors_get_no_draft(client, draft):
    assert draft.url
    assert client.get(draft.url).status_code == 404


def test_visitors_see_the_live_version_not_the_latest_draft(client, index, users):
    page = make_model(index, owner=users["contributor"], title="Published title")
    revision = page.get_latest_revision_as_object()
    revision.title = "Draft title"
    revision.save_revision(user=users["contributor"])
    html = client.get(page.url).content.decode()
    assert "Published title" in html
    assert "Draft title" not in html


def test_visitors_are_sent_to_sign_in_from_every_admin_page(client, draft):
    for url in admin_urls(draft):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url


def test_a_contributor_cannot_preview_someone_elses_draft(client, draft, users):
    client.force_login(users["contributor"])
    for url in (
        reverse("wagtailadmin_pages:view_draft", args=[draft.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Unpublished model" not in response.content
