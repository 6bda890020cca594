"""The site skeleton for the demo: locales, one home page per language and the content pages (data/site.yaml)."""

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from core.localization import needs_translation, publish_translation
from demo.data import load
from demo.factories import ContentPageFactory, HomePageFactory
from home.models import ContentPage, FooterLink, HomePage, SiteNavigation
from methodbank.models import ItemType

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


def front_door_blocks(instructions):
    """The blocks that read the bank live, and the invitation to contribute (the featured items come with the
    method bank: ``feature_items``)."""
    return [
        ("themes", {"heading": HOME["themes_heading"]["fi"], "text": HOME["themes_text"]["fi"]}),
        ("newest_items", {"heading": HOME["newest_heading"]["fi"], "item_type": ItemType.MODEL, "count": 3}),
        ("recently_evaluated", {"heading": HOME["evaluated_heading"]["fi"], "count": 3}),
        ("figures", {"heading": HOME["figures_heading"]["fi"]}),
        (
            "contribute",
            {
                "heading": HOME["contribute_heading"]["fi"],
                "text": HOME["contribute_text"]["fi"],
                "link_text": HOME["contribute_link"]["fi"],
                "instructions": instructions,
            },
        ),
    ]


def home_strings(target):
    """The home page's Finnish texts mapped to their ``target`` language versions."""
    texts = [value for value in HOME.values() if isinstance(value, dict) and "fi" in value]
    return pairs(*texts, target=target)


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


def add_front_door(home, content_pages):
    """Give the home page the bank's blocks unless it has them; returns whether it changed.

    The demo's earlier home pages listed the content pages in a link list: the footer links them now.
    """
    if any(block.block_type == "themes" for block in home.body):
        return False
    instructions = next((page for page, spec in content_pages if spec.get("instructions")), None)
    kept = [(block.block_type, block.value) for block in home.body if block.block_type != "link_list"]
    home.body = kept + front_door_blocks(instructions)
    home.save_revision().publish()
    return True


def set_footer(home, content_pages):
    """Name the content pages the demo marks ``footer`` in the site's navigation setting, unless it has some."""
    site = Site.objects.get(root_page=home)
    navigation = SiteNavigation.for_site(site)
    if navigation.footer_links.exists():
        return
    for order, (page, _spec) in enumerate((page, spec) for page, spec in content_pages if spec.get("footer")):
        FooterLink.objects.create(navigation=navigation, page=page, sort_order=order)


def feature_items(home, pages):
    """Add the featured items block with ``pages`` after the themes, unless the home page has one; returns whether
    it changed."""
    if any(block.block_type == "featured_items" for block in home.body):
        return False
    blocks = [(block.block_type, block.value) for block in home.body]
    after = next((index + 1 for index, (kind, _value) in enumerate(blocks) if kind == "themes"), len(blocks))
    blocks.insert(after, ("featured_items", {"heading": HOME["featured_heading"]["fi"], "pages": pages}))
    home.body = blocks
    home.save_revision().publish()
    return True


def retranslate_home(home, locales):
    """Bring the Swedish and English home pages up to date with new blocks of the Finnish one."""
    for target in ("sv", "en"):
        publish_translation(home, locales[target], home_strings(target))


def translate_once(page, locale, strings):
    """Translate a page unless an editor's translation already exists."""
    if needs_translation(page, locale):
        publish_translation(page, locale, strings)


def translate_site(home, content_pages, locales, refresh_home=False):
    """Translate the home and content pages that have no translation yet; ``refresh_home`` brings the home page's
    translations up to date with blocks just added."""
    for target in ("sv", "en"):
        if refresh_home:
            publish_translation(home, locales[target], home_strings(target))
        else:
            translate_once(home, locales[target], home_strings(target))
        for page, spec in content_pages:
            translate_once(page, locales[target], pairs(spec["title"], spec["intro"], spec["body"], target=target))
