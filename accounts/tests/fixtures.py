"""Fixtures shared by the role, workflow and evaluation tests: a small site, users in each role, pages."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.test.utils.form_data import rich_text as editor_html
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from accounts.roles import CONTRIBUTORS, EXPERTS, MODERATORS, PEER_REVIEWERS, TRANSLATORS
from demo.factories import MethodBankIndexPageFactory, ModelPageFactory, rich_text
from methodbank.models.evaluation import CRITERIA, EvaluationRecord, Evaluator

ROLES = {
    "contributor": CONTRIBUTORS,
    "moderator": MODERATORS,
    "peer_reviewer": PEER_REVIEWERS,
    "expert": EXPERTS,
    "translator": TRANSLATORS,
}
COMPLETE_SECTIONS = ("goal", "target_group", "implementation", "results")


def make_user(username, group=None, **extra):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.fi",
        password="correct horse battery staple",
        first_name=username.replace("_", " ").title(),
        last_name="Tester",
        **extra,
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def sections(*names):
    return [(name, {"text": rich_text(f"The {name.replace('_', ' ')} of this model.")}) for name in names]


def make_model(index, owner=None, title=None, body_sections=COMPLETE_SECTIONS, live=True):
    """A model page owned by ``owner``, published through a revision as the admin would."""
    kwargs = {"title": title} if title else {}
    page = ModelPageFactory(parent=index, owner=owner, body=sections(*body_sections), live=live, **kwargs)
    revision = page.save_revision(user=owner)
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def section_data(child):
    data = {"text": editor_html(child.value["text"].source)}
    if child.block_type == "results":
        data["metrics"] = {"count": 0}
    return data


def model_form_data(page, **changes):
    """What the admin's edit form posts for ``page``, with ``changes`` applied (``action-publish`` etc.)."""
    page = page.get_latest_revision_as_object()
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "seo_title": "",
        "search_description": "",
        "original_url": "",
        "period": "",
        "evaluation": page.evaluation,
        "body": streamfield([(child.block_type, section_data(child)) for child in page.body]),
        "contacts": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def evaluation_form_data(page, phase, **changes):
    """A complete evaluation as the admin form posts it; ``changes`` override single fields."""
    data = {
        "page": page.pk,
        "phase": phase,
        "evaluated_on": "2024-05-02",
        "evaluators": inline_formset([{"name": "Maija Meikäläinen", "organisation": "Keuda"}]),
        "summary": "Clear, piloted and ready for other schools.",
        "language": "en",
        "outcome": "passed",
        "status": "completed",
    }
    for name, _label, _help in CRITERIA:
        data[name] = "green"
        data[f"{name}_note"] = f"What the workshop saw about {name}."
    data.update(changes)
    return nested_form_data(data)


def make_evaluation(page, phase, outcome="passed", status="completed", light="green"):
    record = EvaluationRecord(
        page=page,
        phase=phase,
        summary=f"A {phase} evaluation.",
        outcome=outcome,
        status=status,
        **{name: light for name, _label, _help in CRITERIA},
    )
    record.full_clean()
    record.save()
    Evaluator.objects.create(evaluation=record, name="Teemu Testaaja", organisation="Opetushallitus")
    return record


def start_translation(page, language_code, strings, user=None):
    """Send ``page`` for translation as wagtail-localize's form does, and translate ``strings`` in its editor.

    The translated text is saved as a draft, as syncing does. On-commit callbacks run, as they would
    outside a test: wagtail-localize publishes through them.
    """
    locale = Locale.objects.get(language_code=language_code)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_object(page.specific, [locale], user=user)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale_id=page.locale_id)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data]},
            )
    Translation.objects.get(source=source, target_locale=locale).save_target(user=user, publish=False)
    return page.get_translation(locale).specific


def publish_in_translation_editor(client, translated):
    """The "Publish in <language>" button of wagtail-localize's editor (which replaces the page editor)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("wagtailadmin_pages:edit", args=[translated.pk]), {"action": "publish"})


@pytest.fixture
def homes(db):
    """A home page per language, the Finnish one as the site root, without the demo's content pages."""
    root = Page.get_first_root_node()
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("fi", "sv", "en")}
    from home.models import HomePage

    fi_home = root.add_child(instance=HomePage(title="Etusivu", slug="etusivu", locale=locales["fi"]))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": fi_home, "hostname": "localhost"})
    return {"fi": fi_home, "locales": locales}


@pytest.fixture
def index(homes):
    """The Finnish method bank index; creating it gives the roles their rights and the Moderation workflow."""
    return MethodBankIndexPageFactory(parent=homes["fi"])


@pytest.fixture
def users(db):
    people = {role: make_user(role, group) for role, group in ROLES.items()}
    people["other_contributor"] = make_user("other_contributor", CONTRIBUTORS)
    people["admin"] = make_user("admin", is_superuser=True)
    return people


@pytest.fixture
def login(client):
    def log_in(user):
        client.force_login(user)
        return client

    return log_in


@pytest.fixture
def swedish_index(homes, index):
    """The Swedish home and method bank index, translations of the Finnish ones."""
    swedish = homes["locales"]["sv"]
    homes["fi"].copy_for_translation(swedish)
    return index.copy_for_translation(swedish)


__all__ = ["homes", "index", "login", "swedish_index", "users"]
