"""Suggested terms: an import applies them, editors confirm or remove them, and imports respect that.

Pages are written by the importer's own ``PageWriter``, as an import of the report would; editors act
through the admin over HTTP.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from methodbank.importer.classify import KEYWORDS, REGIONS, TARGET_GROUPS, Classification, Evidence
from methodbank.importer.page_writer import PageWriter
from methodbank.importer.suggested_terms import SuggestedTerms, TermCatalogue
from methodbank.models import ModelPage, TargetGroup, TermSuggestion

pytestmark = pytest.mark.django_db
SOURCE = "raportti.txt"
FIRST_IMPORT = {
    TARGET_GROUPS: {"immigrants": (812, "maahanmuuttajataustaisten"), "applicants": (813, "hakijan")},
    REGIONS: {"fi-10": (814, "Lapissa")},
    KEYWORDS: {"mentoring": (815, "mentorointi")},
}


def run_import(proposals, source=SOURCE):
    """Import one model page with these proposals: ``{vocabulary: {code: (line, words)}}``."""
    classification = Classification()
    for vocabulary, terms in proposals.items():
        for code, (line, text) in terms.items():
            classification.add(vocabulary, code, Evidence(line, text))
    writer = PageWriter(source=source)
    page = writer.write(
        ModelPage,
        key="model:opintopolku",
        language="fi",
        line=800,
        values={"title": "Opintopolku maahanmuuttajille"},
        description="Malli ohjaa maahanmuuttajataustaisia opiskelijoita Lapissa.",
        suggestions=SuggestedTerms(classification, source, TermCatalogue()),
    )
    assert writer.outcome.problems == []
    return ModelPage.objects.get(pk=page.pk)


def terms(page, vocabulary):
    page = ModelPage.objects.get(pk=page.pk)  # a page object keeps its many-to-many values in memory
    return {term.code for term in getattr(page, vocabulary).all()}


def suggestion(page, code):
    return TermSuggestion.objects.get(page=page, code=code)


def speaking(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def moderator(client):
    user = get_user_model().objects.create_superuser("moderator", "moderator@example.fi", "pw")
    client.force_login(speaking(user, "en"))
    return user


def decide(client, page, code, action):
    url = reverse("methodbank_term_suggestion", args=[suggestion(page, code).pk, action])
    return client.post(url)


def test_an_import_applies_its_suggestions_so_that_filters_find_the_page():
    page = run_import(FIRST_IMPORT)
    assert terms(page, TARGET_GROUPS) == {"immigrants", "applicants"}
    assert terms(page, REGIONS) == {"fi-10"}
    assert terms(page, KEYWORDS) == {"mentoring"}
    assert ModelPage.objects.live().filter(regions__code="fi-10").get() == page
    immigrants = suggestion(page, "immigrants")
    assert immigrants.status == TermSuggestion.Status.SUGGESTED
    assert immigrants.evidence == [{"source": SOURCE, "line": 812, "text": "maahanmuuttajataustaisten", "via": "text"}]
    # The terms are in the page's language, so that its translations synchronise them.
    assert {term.locale.language_code for term in ModelPage.objects.get(pk=page.pk).target_groups.all()} == {"fi"}


def test_the_editor_panel_shows_each_suggestion_with_its_provenance(client, moderator):
    page = run_import(FIRST_IMPORT)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Suggested by the import" in html
    assert "Students with an immigrant background" in html  # named in the editor's language
    assert "from line 812: “maahanmuuttajataustaisten”" in html
    assert reverse("methodbank_term_suggestion", args=[suggestion(page, "immigrants").pk, "confirm"]) in html

    speaking(moderator, "fi")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Tuonnin ehdottamat" in html
    assert "Maahanmuuttajataustaiset opiskelijat" in html
    assert "rivillä 812: “maahanmuuttajataustaisten”" in html


def test_confirming_asks_first_then_records_who_decided(client, moderator):
    page = run_import(FIRST_IMPORT)
    url = reverse("methodbank_term_suggestion", args=[suggestion(page, "fi-10").pk, "confirm"])
    question = client.get(url)
    assert question.status_code == 200
    assert "Keep “Lappi” on “Opintopolku maahanmuuttajille”?" in question.content.decode()
    assert "from line 814: “Lapissa”" in question.content.decode()
    assert suggestion(page, "fi-10").status == TermSuggestion.Status.SUGGESTED  # a GET changes nothing

    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/pages/{page.pk}/edit/#tab-classification")
    decided = suggestion(page, "fi-10")
    assert (decided.status, decided.decided_by) == (TermSuggestion.Status.CONFIRMED, moderator)
    assert terms(page, REGIONS) == {"fi-10"}
    assert "“Lappi” is confirmed." in client.get(response["Location"]).content.decode()


def test_removing_takes_the_term_off_the_live_page_and_adding_back_restores_it(client, moderator):
    page = run_import(FIRST_IMPORT)
    assert decide(client, page, "immigrants", "remove").status_code == 302
    assert terms(page, TARGET_GROUPS) == {"applicants"}
    assert not ModelPage.objects.live().filter(target_groups__code="immigrants").exists()
    assert suggestion(page, "immigrants").status == TermSuggestion.Status.REMOVED
    assert ModelPage.objects.get(pk=page.pk).latest_revision.user == moderator

    decide(client, page, "immigrants", "restore")
    assert terms(page, TARGET_GROUPS) == {"applicants", "immigrants"}
    assert suggestion(page, "immigrants").status == TermSuggestion.Status.CONFIRMED


def test_a_removal_on_a_page_with_a_draft_goes_into_the_draft(client, moderator):
    page = run_import(FIRST_IMPORT)
    draft = ModelPage.objects.get(pk=page.pk)
    draft.summary = "An editor's unfinished summary."
    draft.save_revision(user=moderator)
    response = decide(client, page, "applicants", "remove")
    assert "saved as a draft" in client.get(response["Location"]).content.decode()
    assert terms(page, TARGET_GROUPS) == {"immigrants", "applicants"}  # the live page is unchanged
    latest = ModelPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert {term.code for term in latest.target_groups.all()} == {"immigrants"}
    assert latest.summary == "An editor's unfinished summary."


def test_a_reimport_never_overrides_an_editors_decision(client, moderator):
    page = run_import(FIRST_IMPORT)
    decide(client, page, "immigrants", "remove")
    decide(client, page, "fi-10", "confirm")
    # The editor adds a target group of their own, and unticks the keyword in the page editor.
    edited = ModelPage.objects.get(pk=page.pk)
    edited.target_groups.add(TargetGroup.objects.get(code="adult-learners", locale=page.locale))
    edited.keywords.set([])
    edited.save_revision(user=moderator).publish()

    # The source changed: Lappi and hakija are no longer named, nuorisotakuu is new.
    run_import(
        {
            TARGET_GROUPS: {"immigrants": (812, "maahanmuuttajataustaisten"), "neet-youth": (820, "nuorisotakuu")},
            KEYWORDS: {"mentoring": (815, "mentorointi")},
        }
    )
    assert terms(page, TARGET_GROUPS) == {"adult-learners", "neet-youth"}  # removed stays removed, own stays
    assert terms(page, REGIONS) == {"fi-10"}  # confirmed, though the source no longer names it
    assert terms(page, KEYWORDS) == set()  # unticked by the editor: not added again
    assert suggestion(page, "mentoring").status == TermSuggestion.Status.REMOVED
    assert not TermSuggestion.objects.filter(page=page, code="applicants").exists()  # undecided: withdrawn
    assert not TermSuggestion.objects.filter(page=page, code="adult-learners").exists()  # the editor's own
    assert suggestion(page, "fi-10").evidence == [{"source": SOURCE, "line": 814, "text": "Lapissa", "via": "text"}]


def test_importing_twice_changes_nothing():
    page = run_import(FIRST_IMPORT)
    revisions = page.revisions.count()
    run_import(FIRST_IMPORT)
    assert page.revisions.count() == revisions
    assert TermSuggestion.objects.filter(page=page).count() == 4


def test_another_source_does_not_withdraw_what_the_first_one_suggested():
    page = run_import(FIRST_IMPORT)
    run_import({REGIONS: {"fi-10": (3, "Lappi")}}, source="hankesivu.txt")
    assert terms(page, TARGET_GROUPS) == {"immigrants", "applicants"}
    assert [item["source"] for item in suggestion(page, "fi-10").evidence] == [SOURCE, "hankesivu.txt"]


def test_only_editors_of_the_page_may_decide(client):
    page = run_import(FIRST_IMPORT)
    visitors = Group.objects.create(name="Admin without pages")
    visitors.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("reader", "reader@example.fi", "pw")
    user.groups.add(visitors)
    client.force_login(speaking(user, "en"))
    refused = decide(client, page, "immigrants", "remove")
    assert refused["Location"] == reverse("wagtailadmin_home")  # Wagtail's answer to PermissionDenied
    assert [message.level_tag for message in client.get(refused["Location"]).context["messages"]] == ["error"]
    assert terms(page, TARGET_GROUPS) == {"immigrants", "applicants"}
    assert suggestion(page, "immigrants").status == TermSuggestion.Status.SUGGESTED

    editors = Group.objects.create(name="Page editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=editors, page=page.get_parent(), permission=Permission.objects.get(codename="change_page")
    )
    user.groups.add(editors)
    response = decide(client, page, "immigrants", "remove")
    assert "saved as a draft" in client.get(response["Location"]).content.decode()  # may edit, not publish
    assert terms(page, TARGET_GROUPS) == {"immigrants", "applicants"}


def test_an_unknown_action_or_suggestion_is_not_found(client, moderator):
    page = run_import(FIRST_IMPORT)
    unknown_action = reverse("methodbank_term_suggestion", args=[suggestion(page, "fi-10").pk, "delete"])
    assert client.get(unknown_action, follow=True).status_code == 404
    unknown_suggestion = reverse("methodbank_term_suggestion", args=[999999, "confirm"])
    assert client.post(unknown_suggestion, follow=True).status_code == 404
