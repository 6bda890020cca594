"""Translators translate words, not contact details: phone numbers, e-mail addresses and links stay the source's."""

import pytest
from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

from demo.factories import ModelPageFactory, rich_text
from methodbank.models import Organisation, ProjectPage, Theme

pytestmark = pytest.mark.django_db

PHONE, ORGANISATION_PHONE = "+358 40 123 4567", "+358 9 123 456"
EMAIL, ORGANISATION_EMAIL = "maija@example.fi", "info@example.fi"
WEB_ADDRESS = "https://www.oph.fi/fi/koulutus"


@pytest.fixture
def page_with_contacts(method_bank):
    organisation = Organisation.objects.filter(locale__language_code="fi").first()
    page = ModelPageFactory(
        parent=method_bank,
        title="Yhteystietojen malli",
        body=[
            ("goal", {"text": rich_text("Opiskelijat löytävät ohjaajansa.")}),
            ("links", {"links": [("link", {"url": WEB_ADDRESS, "title": "Opetushallituksen sivu"})]}),
        ],
        contacts=[
            (
                "person",
                {
                    "name": "Maija Meikäläinen",
                    "title": "Projektipäällikkö",
                    "organisation": "",
                    "email": EMAIL,
                    "phone": PHONE,
                },
            ),
            ("organisation", {"organisation": organisation, "email": ORGANISATION_EMAIL, "phone": ORGANISATION_PHONE}),
        ],
    )
    page.save_revision().publish()
    return page


def translate_everything(page, language_code):
    """Send the page for translation and translate every offered string, as a careless translator (or machine) would."""
    locale = Locale.objects.get(language_code=language_code)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_object(page, [locale])
    source = TranslationSource.objects.get(object_id=page.translation_key, locale_id=page.locale_id)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    for segment in segments:
        StringTranslation.objects.create(
            translation_of=segment.string, locale=locale, context=segment.context, data=f"ENsegment{segment.pk}"
        )
    with TestCase.captureOnCommitCallbacks(execute=True):
        Translation.objects.get(source=source, target_locale=locale).save_target(publish=True)
    return [segment.string.data for segment in segments], page.get_translation(locale)


def test_contact_details_are_not_offered_for_translation(page_with_contacts):
    offered, _translated = translate_everything(page_with_contacts, "en")
    assert "Projektipäällikkö" in offered  # the words are offered
    for detail in (PHONE, ORGANISATION_PHONE, EMAIL, ORGANISATION_EMAIL, WEB_ADDRESS):
        assert not any(detail in text for text in offered), detail


def test_translated_page_links_to_the_sources_contact_details(client, page_with_contacts):
    _offered, translated = translate_everything(page_with_contacts, "en")
    html = client.get(translated.url).content.decode()
    assert 'href="tel:+358401234567"' in html
    assert 'href="tel:+3589123456"' in html
    assert f'href="mailto:{EMAIL}"' in html
    assert f'href="mailto:{ORGANISATION_EMAIL}"' in html
    assert f'href="{WEB_ADDRESS}"' in html
    assert "ENsegment" in html  # the translation itself was published


def overridable_fields(instance):
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    return set(OverridableSegment.objects.filter(source=source).values_list("context__path", flat=True))


def test_translators_cannot_override_codes_or_web_addresses(method_bank):
    project = ProjectPage.objects.get(slug="zoomi", locale__language_code="fi")
    assert not overridable_fields(project) & {"project_code", "website", "original_url", "import_key"}
    organisation = Organisation.objects.filter(locale__language_code="fi").first()
    assert not overridable_fields(organisation) & {"business_id", "website"}
    theme = Theme.objects.filter(locale__language_code="fi").first()
    assert "code" not in overridable_fields(theme)
