"""Each language has addresses of its own (/sv/metodbanken/, /en/method-bank/), and an address once given
keeps working: a changed slug answers with a permanent redirect to the new one."""

import importlib

import pytest
from django.apps import apps
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, TranslationSource

from core.localization import publish_translation
from demo.content import demo_page
from demo.factories import ContentPageFactory
from home.models import ContentPage
from methodbank.models import MethodBankIndexPage, ModelPage, ProjectPage

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/sv/metodbanken/", "Metodbanken"),
        ("/en/method-bank/", "Method bank"),
        ("/sv/tillganglighetsutlatande/", "Tillgänglighetsutlåtande"),
        ("/en/accessibility-statement/", "Accessibility statement"),
        ("/sv/metodbanken/bekanta-dig-med-utbildningen/", "Bekanta dig med utbildningen"),
        ("/en/method-bank/trying-out-vocational-education/", "Trying out vocational education"),
        ("/sv/metodbanken/stora-komet/", "Stora Komet"),
    ],
)
def test_swedish_and_english_pages_have_addresses_in_their_own_language(client, method_bank, path, heading):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<h1 class="page-title">{heading}</h1>' in response.content.decode()


def test_a_translation_without_a_slug_of_its_own_gets_one_from_its_title_unique_among_its_siblings(site):
    first = ContentPageFactory(parent=site, title="Yhteystiedot", slug="yhteystiedot")
    second = ContentPageFactory(parent=site, title="Ota yhteyttä", slug="ota-yhteytta")
    # Two Finnish pages whose Swedish titles are the same.
    swedish_first = publish_translation(first, locale("sv"), {"Yhteystiedot": "Kontakt"})
    swedish_second = publish_translation(second, locale("sv"), {"Ota yhteyttä": "Kontakt"})
    assert swedish_first.url == "/sv/kontakt/"
    assert swedish_second.url == "/sv/kontakt-1/"


def test_a_slug_the_translator_writes_is_kept_as_a_valid_slug(site):
    page = ContentPageFactory(parent=site, title="Yhteystiedot", slug="yhteystiedot")
    english = publish_translation(
        page, locale("en"), {"Yhteystiedot": "Contact details", "yhteystiedot": "Contact us!"}
    )
    assert english.slug == "contact-us"


def test_an_address_stays_when_the_translated_title_changes(site):
    page = ContentPageFactory(parent=site, title="Yhteystiedot", slug="yhteystiedot")
    english = publish_translation(page, locale("en"), {"Yhteystiedot": "Contact"})
    assert english.slug == "contact"
    page.title = "Yhteystiedot ja palaute"
    page.save_revision().publish()
    english = publish_translation(page, locale("en"), {"Yhteystiedot ja palaute": "Contact and feedback"})
    assert english.title == "Contact and feedback"
    assert english.slug == "contact"


def test_an_untitled_translation_of_an_item_keeps_the_items_title_as_its_address(method_bank):
    # Stora Komet is written in Swedish; its Finnish version has the same title, so the same slug.
    komet = ProjectPage.objects.get(slug="stora-komet", locale__language_code="sv")
    finnish = publish_translation(komet, locale("fi"), {})
    assert finnish.url == "/fi/menetelmapankki/stora-komet/"


def test_a_translator_changing_a_slug_leaves_a_permanent_redirect(
    client, method_bank, django_capture_on_commit_callbacks
):
    english = demo_page(ModelPage, "koulutukseen-tutustuminen", "en")
    old_url = english.url
    finnish = english.get_translation(locale("fi"))
    source = TranslationSource.objects.get_for_instance(finnish)
    source.update_from_db()  # the slug became a translatable string
    slug = source.stringsegment_set.get(context__path="slug")
    with django_capture_on_commit_callbacks(execute=True):
        StringTranslation.objects.create(
            translation_of=slug.string, locale=locale("en"), context=slug.context, data="taster-period"
        )
        source.create_or_update_translation(locale("en"), publish=False, fallback=True)
    english.refresh_from_db()
    assert english.url == "/en/method-bank/taster-period/"
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/en/method-bank/taster-period/"


def test_an_editor_changing_a_slug_leaves_a_permanent_redirect(client, site, django_capture_on_commit_callbacks):
    statement = ContentPage.objects.get(locale__language_code="sv", url_path__endswith="/tillganglighetsutlatande/")
    statement.slug = "tillganglighet"
    with django_capture_on_commit_callbacks(execute=True):
        statement.save_revision().publish()
    redirect = Redirect.objects.get(old_path="/sv/tillganglighetsutlatande")
    assert redirect.is_permanent
    response = client.get("/sv/tillganglighetsutlatande/")
    assert response.status_code == 301
    assert response["Location"] == "/sv/tillganglighet/"
    assert client.get("/sv/tillganglighet/").status_code == 200


def test_the_method_bank_index_is_translated_with_its_own_slug(method_bank):
    assert {page.locale.language_code: page.slug for page in MethodBankIndexPage.objects.select_related("locale")} == {
        "fi": "menetelmapankki",
        "sv": "metodbanken",
        "en": "method-bank",
    }


def synchronise_slugs_as_before(language):
    """Put the ``language`` pages back as they were before the migration: each with its source's slug."""
    translations = Page.objects.filter(locale__language_code=language, depth__gt=2).exclude(
        content_type__model="homepage"
    )
    for page in translations.order_by("depth"):
        source = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk).order_by("pk").first()
        if source is not None and TranslationSource.objects.filter(object_id=page.translation_key).exists():
            Page.objects.filter(pk=page.pk).update(slug=source.slug)
            revision = page.latest_revision
            revision.content["slug"] = source.slug
            revision.save(update_fields=["content"])
    for page in Page.objects.filter(locale__language_code=language, depth__gt=2).order_by("depth"):
        parent = page.get_parent()
        Page.objects.filter(pk=page.pk).update(url_path=f"{parent.url_path}{page.slug}/")


def migrate_slugs():
    importlib.import_module("methodbank.migrations.0012_translated_slugs").give_translations_slugs_of_their_own(
        apps, None
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/sv/menetelmapankki/stora-komet/", "/sv/metodbanken/stora-komet/"),
        ("/sv/menetelmapankki/", "/sv/metodbanken/"),
        ("/en/menetelmapankki/sopu/", "/en/method-bank/sopu-smooth-personal-pathways/"),
        ("/en/saavutettavuusseloste/", "/en/accessibility-statement/"),
        ("/sv/tietoa/", "/sv/om-tjansten/"),
    ],
)
def test_the_migration_gives_existing_translations_their_own_slugs_and_old_addresses_redirect(
    client, method_bank, old, new
):
    for language in ("sv", "en"):
        synchronise_slugs_as_before(language)
    assert client.get(old).status_code == 200

    migrate_slugs()

    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200
    # The Finnish addresses stay as they were.
    assert client.get("/fi/menetelmapankki/sopu/").status_code == 200


def test_after_the_migration_publishing_the_latest_revision_keeps_the_new_address(client, method_bank):
    synchronise_slugs_as_before("sv")
    migrate_slugs()
    index = MethodBankIndexPage.objects.get(locale__language_code="sv")
    index.get_latest_revision().publish()
    index.refresh_from_db()
    assert index.url == "/sv/metodbanken/"
    assert Redirect.objects.filter(old_path="/sv/menetelmapankki", redirect_page=index, is_permanent=True).exists()


def test_the_migration_leaves_pages_with_their_own_slugs_alone(method_bank):
    slugs = dict(Page.objects.values_list("pk", "slug"))
    migrate_slugs()
    assert dict(Page.objects.values_list("pk", "slug")) == slugs
    assert not Redirect.objects.exists()
