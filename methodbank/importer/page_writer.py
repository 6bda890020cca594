"""Write parsed records into the method bank: create, update or leave each page unchanged.

The importer owns some fields of the pages it writes (title, classification,
links, where the item comes from, and one "imported description" block in the
body, with the summary while no editor has written one); editors own the rest,
and a re-import leaves their changes alone. The callers pass only what their
source states, so a fact the source leaves out never clears an editor's value.
Each item is written in its own transaction, so a failing item leaves no
half-written page behind. Translations of a changed page are brought up to date
with it, their translated text kept.
"""

import calendar
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from wagtail.log_actions import log
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from core.localization import publish_translation
from methodbank.models import (
    MethodBankIndexPage,
    Organisation,
    Theme,
)
from methodbank.models.method_bank_page import IMPORT_LOG_ACTION

from .description import (
    fit_imported_description,
    imported_body,
    imported_text,
    split_description,
    summary_is_imported,
)


def last_day_of_month(day):
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def ensure_index(language):
    """The method bank index in ``language``, creating what is missing of the site on the way."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    index = MethodBankIndexPage.objects.filter(locale=locale).first()
    if index is not None:
        return index
    existing = MethodBankIndexPage.objects.first()
    if existing is not None:
        return publish_translation(existing, locale, {})
    home_model = MethodBankIndexPage.allowed_parent_page_models()[0]
    home = home_model.objects.filter(locale=locale).first() or _home_page(home_model, locale)
    index = MethodBankIndexPage(title="Menetelmäpankki", slug="menetelmapankki", locale=locale, show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _home_page(home_model, locale):
    """The site's home page in ``locale``: ``home_model`` is the page type the index goes under (its
    ``parent_page_types``), so that the importer needs no other app's models."""
    other = home_model.objects.first()
    if other is not None:
        return publish_translation(other, locale, {})
    home = home_model(title="Menetelmäpankki", slug="etusivu", locale=locale)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif not isinstance(site.root_page.specific, home_model):
        replaced, site.root_page = site.root_page, home
        site.save()
        if type(replaced.specific) is Page and not replaced.get_children().exists():
            replaced.delete()  # Wagtail's welcome page, as load_demo removes it too
    return home


@dataclass
class ImportOutcome:
    """What an import did, for the summary a person reads at the end."""

    actions: Counter = field(default_factory=Counter)  # (item type, created|updated|unchanged)
    per_theme: Counter = field(default_factory=Counter)  # main theme code -> models and practices
    problems: list = field(default_factory=list)  # (line, message)

    def record(self, item_type, action):
        self.actions[(item_type, action)] += 1


class PageWriter:
    """Create or update one page per record, keyed by the record's import key and language."""

    def __init__(self, *, dry_run=False, source="report"):
        self.dry_run = dry_run
        self.source = source
        self.outcome = ImportOutcome()
        self._themes = {}

    def index(self, language):
        # Not cached: an index created inside an item's transaction is gone if that item fails.
        return ensure_index(language)

    def themes(self, language, codes):
        """Theme snippets for ``codes`` (sub-themes and their main themes) in ``language``."""
        if language not in self._themes:
            self._themes[language] = {
                theme.code: theme for theme in Theme.objects.filter(locale__language_code=language)
            }
        wanted = set(codes) | {code[0] for code in codes}
        return sorted((self._themes[language][code] for code in wanted if code in self._themes[language]), key=str)

    def organisation(self, name, language):
        name = " ".join(name.split())
        if not name or self.dry_run:
            return None
        locale = Locale.objects.get(language_code=language)
        return Organisation.objects.get_or_create(name=name, locale=locale)[0]

    def write(
        self,
        model,
        *,
        key,
        language,
        line,
        values,
        relations=None,
        description="",
        contacts=None,
        page=None,
        suggestions=None,
    ):
        """Create, update or leave alone one page; returns the page (None in a dry run of a new page).

        ``values`` are plain fields the import owns; ``relations`` are many-to-many
        fields it owns; ``description`` is split
        between the summary and the imported body block; ``contacts``, when given,
        replace the page's contacts. ``page`` is the page to update when the caller
        found it some other way than by ``key``. ``suggestions`` (``SuggestedTerms``)
        adds classified terms without overriding editors' decisions.
        """
        owned = {
            "values": values,
            "relations": relations or {},
            "description": description,
            "contacts": contacts,
            "suggestions": suggestions,
        }
        item_type = model.item_kind
        try:
            with transaction.atomic():
                page, action = self._write(model, key, language, owned, page)
        except Exception as error:  # noqa: BLE001 - one bad item must not stop the import
            self.outcome.problems.append((line, f"{values.get('title', key)}: {error}"))
            return None
        self.outcome.record(item_type, action)
        return page

    def _write(self, model, key, language, owned, page):
        if page is None:
            page = model.objects.filter(import_key=key, locale__language_code=language).first()
        if page is None:
            if self.dry_run:
                return None, "created"
            return self._create(model, key, language, owned), "created"
        changed = self._apply(page, owned)
        changed = self._apply_suggestions(page, owned) or changed
        self._store_suggestions(page, owned)
        if not changed:
            return page, "unchanged"
        if not self.dry_run:
            self._publish(page, "updated")
            self._update_translations(page)
        return page, "updated"

    def _create(self, model, key, language, owned):
        index = self.index(language)
        description, values = owned["description"], owned["values"]
        lead, rest = split_description(description)
        page = model(
            import_key=key,
            locale=index.locale,
            slug=self._free_slug(index, values["title"]),
            summary=lead or values["title"],
            imported_description=description,
            body=imported_body(model, rest),
            contacts=owned["contacts"] or [],
            **values,
        )
        for name, items in owned["relations"].items():
            getattr(page, name).set(items)
        self._apply_suggestions(page, owned)
        index.add_child(instance=page)
        self._store_suggestions(page, owned)
        self._publish(page, "created")
        return page

    @staticmethod
    def _apply_suggestions(page, owned):
        """Classified terms, in memory; True when the page's terms changed."""
        return owned["suggestions"].apply(page) if owned["suggestions"] is not None else False

    def _store_suggestions(self, page, owned):
        """The suggestions behind the classified terms, once the page is saved; also when nothing else changed."""
        if owned["suggestions"] is not None and not self.dry_run:
            owned["suggestions"].store(page)

    def _apply(self, page, owned):
        """Bring the owned fields up to date in memory; True when anything differed."""
        changed = False
        # Read before the title changes: a summary that is the old title was the import's too.
        summary_is_ours = summary_is_imported(
            page.summary, page.title, [page.imported_description, imported_text(page), owned["description"]]
        )
        for name, value in owned["values"].items():
            if getattr(page, name) != value:
                setattr(page, name, value)
                changed = True
        for name, items in owned["relations"].items():
            manager = getattr(page, name)
            if {item.pk for item in manager.all()} != {item.pk for item in items}:
                manager.set(items)
                changed = True
        if owned["contacts"] is not None and self._contacts_differ(page, owned["contacts"]):
            page.contacts = owned["contacts"]
            changed = True
        return self._apply_description(page, owned["description"], summary_is_ours) or changed

    @staticmethod
    def _contacts_differ(page, contacts):
        current = [
            (child.block_type, page.contacts.stream_block.child_blocks[child.block_type].get_prep_value(child.value))
            for child in page.contacts
        ]
        return current != [(kind, dict(value)) for kind, value in contacts]

    @staticmethod
    def _apply_description(page, description, summary_is_ours):
        """Keep the description, and the summary while it is the import's, and fit the body around them."""
        if not description:
            return False  # a source without a description leaves the page's text alone
        changed = page.imported_description != description
        page.imported_description = description
        if summary_is_ours:
            lead = split_description(description)[0] or page.title
            if page.summary != lead:
                page.summary = lead
                changed = True
        return fit_imported_description(page) or changed

    def _publish(self, page, action, revision=None):
        revision = revision or page.save_revision(log_action=False)
        log(instance=page, action=IMPORT_LOG_ACTION, revision=revision, data={"source": self.source, "result": action})
        revision.publish(log_action=False)

    def _update_translations(self, page):
        """Give the page's translations what the import changed: fields it synchronises, new text as the
        source wrote it until a translator translates it, and every string already translated kept."""
        source = TranslationSource.objects.get_for_instance_or_none(page)
        if source is None:
            return  # never translated, or translated from another language's version
        source.update_from_db()
        for translation in Translation.objects.filter(source=source, enabled=True).select_related("target_locale"):
            current = page.get_translation_or_none(translation.target_locale)
            if current is None or not current.live or current.has_unpublished_changes:
                continue  # a draft is the translator's work in progress: they publish it
            # publish=False: wagtail-localize would publish on commit, after the item's transaction.
            target, _created = source.create_or_update_translation(
                translation.target_locale, publish=False, fallback=True
            )
            self._publish(target, "translation updated", revision=target.get_latest_revision())

    def _free_slug(self, parent, title):
        base = slugify(title)[:70].strip("-") or "item"
        taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug
