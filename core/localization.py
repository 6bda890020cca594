"""Create translations through wagtail-localize, as an editor would in the admin."""

from django.db import transaction
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


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
