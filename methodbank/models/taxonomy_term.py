from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """A term in one of the method bank's vocabularies.

    ``code`` is the same in every language, so filters and links that use it work
    whichever language the visitor reads. ``name`` is translated, and so are
    ``word_forms``: each language version lists the words that mean the term in
    that language.
    """

    code = models.SlugField(
        _("Code"),
        max_length=40,
        allow_unicode=False,
        help_text=_("A stable identifier used in links and filters; the same in every language."),
    )
    name = models.CharField(_("Name"), max_length=255)
    word_forms = models.TextField(
        _("Word forms and synonyms"),
        blank=True,
        help_text=_(
            "Words that mean this term in this language, one per line, such as maahanmuuttaja or "
            "maahanmuuttajataustainen. Imports tag items with the term where their text uses one of these words, "
            "and searches for them find the term's items in every language."
        ),
    )
    sort_order = models.PositiveIntegerField(_("Order"), default=0)

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("word_forms"),
        # Search facets filter by code in every language: translators may not override it.
        SynchronizedField("code", overridable=False),
        SynchronizedField("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("code"),
        index.AutocompleteField("name"),
        index.FilterField("code"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @classmethod
    def names_in_active_language(cls, translation_keys):
        """``{translation_key: name}`` of the given terms in the active language, where that version exists.

        Pages may point at a term in another language (translations keep the
        source's terms). One query for the page's own terms, however large
        the vocabulary grows.
        """
        if not translation_keys:
            return {}
        active = translation.get_language() or Locale.get_default().language_code
        return dict(
            cls.objects.filter(translation_key__in=translation_keys, locale__language_code=active)
            .order_by()
            .values_list("translation_key", "name")
        )
