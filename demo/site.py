"""The site skeleton for the demo: locales, one home page per language and the content pages (data/site.yaml)."""

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from core.localization import needs_translation, publish_translation
from demo.data import load
from demo.factories import ContentPageFactory, HomePageFactory
from home.models import ContentPage, HomePage

LANGUAGES = ("fi", "sv", "en")
SITE = load("site")
HOME = SITE["home"]
CONTENT_PAGES = SITE["content_pages"]


def pairs(*texts_by_language, target):
    """Map each Finnish source string to its ``target`` language version."""
    return {texts["fi"]: texts[target] for texts in texts_by_language}


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def home_body():
    return [
        (
            "hero",
            {
                "heading": HOME["hero_heading"]["fi"],
                "text": HOME["hero_text"]["fi"],
                "search_placeholder": HOME["hero_placeholder"]["fi"],
            },
        ),
        ("intro", RichText(f"<p>{HOME['intro']['fi']}</p>")),
    ]


def ensure_home(locales):
    """Create the Finnish home page as the site root, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locales["fi"]).first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePageFactory(
            parent=root, title=HOME["title"]["fi"], slug="etusivu", locale=locales["fi"], body=home_body()
        )
    elif not home.body:  # the bare home page an import makes when it runs first
        home.body = home_body()
        home.save_revision().publish()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if not isinstance(old_root.specific, HomePage):
            old_root.delete()
    return home


def ensure_content_pages(home, locales):
    pages = []
    for spec in CONTENT_PAGES:
        page = ContentPage.objects.filter(locale=locales["fi"], slug=spec["slug"]).first()
        if page is None:
            page = ContentPageFactory(
                parent=home,
                slug=spec["slug"],
                title=spec["title"]["fi"],
                intro=spec["intro"]["fi"],
                body=[("text", RichText(f"<p>{spec['body']['fi']}</p>"))],
                locale=locales["fi"],
            )
        pages.append((page, spec))
    return pages


def add_link_list(home, content_pages):
    if any(block.block_type == "link_list" for block in home.body):
        return
    home.body.append(
        (
            "link_list",
            {
                "heading": HOME["links_heading"]["fi"],
                "links": [{"page": page, "url": "", "text": ""} for page, _spec in content_pages],
            },
        )
    )
    home.save_revision().publish()


def translate_once(page, locale, strings):
    """Translate a page unless an editor's translation already exists."""
    if needs_translation(page, locale):
        publish_translation(page, locale, strings)


def translate_site(home, content_pages, locales):
    for target in ("sv", "en"):
        home_strings = pairs(
            HOME["title"],
            HOME["hero_heading"],
            HOME["hero_text"],
            HOME["hero_placeholder"],
            HOME["intro"],
            HOME["links_heading"],
            target=target,
        )
        translate_once(home, locales[target], home_strings)
        for page, spec in content_pages:
            translate_once(page, locales[target], pairs(spec["title"], spec["intro"], spec["body"], target=target))
