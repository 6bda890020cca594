"""Who may publish a method bank page: Wagtail's rules, plus translators for translations.

A translator may publish a page that wagtail-localize keeps as a translation of a
published page, and nothing else. Everything else (unpublishing, deleting, moving,
view restrictions, workflow approvals) stays as Wagtail's page permissions decide.
"""

from django.utils.functional import cached_property
from wagtail.models import Page, PagePermissionTester

PUBLISH_TRANSLATION = "methodbank.publish_translation"


def translates_published_source(page):
    """Whether ``page`` is a synchronised translation of a page whose published text it was made from.

    The translation's text comes from the snapshot wagtail-localize took of its
    source. The snapshot must be younger than the source's last publication: a
    snapshot of a draft (which moderation has not seen) does not count, however
    the source stands now.
    """
    from wagtail_localize.models import Translation

    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .select_related("source")
        .first()
    )
    if translation is None:
        return False
    source = translation.source
    original = Page.objects.filter(translation_key=page.translation_key, locale_id=source.locale_id).first()
    if original is None or not original.live:
        return False
    return original.last_published_at is None or source.last_updated_at >= original.last_published_at


class TranslatorPermissionTester(PagePermissionTester):
    def can_publish(self):
        return super().can_publish() or self.may_publish_translation

    @cached_property
    def may_publish_translation(self):
        """Translators publish, where they may edit, the translations of published pages.

        Cached: the editor's menus ask several times per request, and the answer costs two queries.
        """
        return (
            self.user.is_active
            and not self.user.is_superuser
            and "change" in self.permissions
            and self.user.has_perm(PUBLISH_TRANSLATION)
            and translates_published_source(self.page)
        )

    def can_set_view_restrictions(self):
        # wagtail-localize copies view restrictions from the source; publishing a translation does not
        # make a translator the judge of who may see it.
        return super().can_publish()


class TranslatorPublishing:
    """Mixin for the method bank's page types: their permissions come from TranslatorPermissionTester."""

    def permissions_for_user(self, user):
        return TranslatorPermissionTester(user, self)
