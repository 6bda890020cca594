"""Create translations through wagtail-localize, as an editor would in the admin."""

from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

# Long enough for a title's first words, short enough for an address someone can read aloud.
SLUG_MAX_LENGTH = 70


def needs_translation(page, locale):
    """Whether ``page`` lacks a translation into ``locale``, or has only a copy with nothing translated
    (such as the parent pages copied to hold a page written in another language)."""
    if page.get_translation_or_none(locale) is None:
        return True
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return False  # translated some other way than through wagtail-localize
    return not StringTranslation.objects.filter(locale=locale, translation_of__segments__source=source).exists()


@transaction.atomic
def publish_translation(instance, locale, strings):
    """Translate ``instance`` into ``locale`` and publish it.

    ``strings`` maps each source string to its translation. Strings missing from
    the map keep the source text, which is what wagtail-localize does for an
    untranslated segment. The result stays linked to its source, so later edits
    show up in the admin's "Sync translated pages".
    """
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    # wagtail-localize publishes on commit; publish now so the page is live
    # within this transaction too (tests, and callers that read it back).
    target, _created = source.create_or_update_translation(locale, publish=False, fallback=True, copy_parent_pages=True)
    revision = target.get_latest_revision() if hasattr(target, "get_latest_revision") else None
    if revision is not None:
        revision.publish()
        target.refresh_from_db()
    return target


def slug_from_title(title):
    """An ASCII slug of ``title`` (ä -> a, as the importer writes them), cut at a word boundary."""
    slug = slugify(title)
    if len(slug) > SLUG_MAX_LENGTH:
        cut = slug[: SLUG_MAX_LENGTH + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:SLUG_MAX_LENGTH]
    return slug


class OwnSlugInEachLanguage:
    """A mixin for page types whose translations get an address of their own.

    The slug is a ``TranslatableField``: a translator may write it, and wagtail-localize then
    slugifies it and makes it unique among the siblings. Most leave it untranslated, and
    wagtail-localize falls back to the source's slug (``/sv/menetelmapankki/``). Here, when a
    translation would carry its source's slug, it keeps the address it already has, or gets one
    from its translated title (``/sv/metodbanken/``), so an address never changes by itself.
    A changed slug makes Wagtail create a redirect from the old address (WAGTAILREDIRECTS_AUTO_CREATE).
    """

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk is not None and (update_fields is None or "slug" in update_fields):
            self.slug = self._own_slug()
        return super().save(*args, **kwargs)

    def _own_slug(self):
        translation = (
            Translation.objects.filter(source__object_id=self.translation_key, target_locale_id=self.locale_id)
            .select_related("source")
            .first()
        )
        if translation is None:
            return self.slug  # an original, or a copy made some other way than translating
        source_page = self.get_translation_or_none(translation.source.locale_id)
        if source_page is None or source_page.slug != self.slug:
            return self.slug  # the translator wrote a slug of their own
        stored = type(self).objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        if stored and stored != source_page.slug:
            return stored
        base = slug_from_title(self.title) or self.slug
        return find_available_slug(self.get_parent(), base, ignore_page_id=self.pk)
