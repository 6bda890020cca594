"""sitemap.xml: every live public page in every language, each with hreflang links to its translations."""

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class TranslatedPagesSitemap(Sitemap):
    """Wagtail's sitemap lists one language's tree; this one lists the trees of all the site root's translations.

    Each URL carries ``<xhtml:link rel="alternate" hreflang>`` for every live translation of its page
    (itself included) and ``x-default`` for the default language, as the pages' own <head> does.

    Addresses are on the host the sitemap was asked from, as Django's own sitemaps do without the sites
    framework: the Site's hostname (``localhost`` in the demo) need not be the one visitors use.
    ALLOWED_HOSTS limits which hosts those can be.
    """

    def live_pages(self):
        root = self.get_wagtail_site().root_page
        pages = Page.objects.none()
        for translated_root in root.get_translations(inclusive=True):
            pages |= translated_root.get_descendants(inclusive=True)
        return pages.live().public().order_by("path")

    def items(self):
        return self.live_pages().defer_streamfields().specific()

    def _alternates(self, pages):
        """``{translation_key: [{"lang_code", "location"}, ...]}`` in the order of settings.LANGUAGES."""
        order = [code for code, _name in settings.LANGUAGES]
        by_key = {}
        for page in pages:
            language = page.locale.language_code
            if language in order:
                by_key.setdefault(page.translation_key, []).append(
                    {"lang_code": language, "location": self._location(page)}
                )
        for alternates in by_key.values():
            alternates.sort(key=lambda alternate: order.index(alternate["lang_code"]))
            default = next(
                (alternate for alternate in alternates if alternate["lang_code"] == settings.LANGUAGE_CODE), None
            )
            if default is not None and len(alternates) > 1:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
        return by_key

    def _location(self, page):
        # get_url gives a path for a page of the requested site, and a full URL for one of another site.
        return self.request.build_absolute_uri(page.get_url(self.request))

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        # Translations may fall on another sitemap page, so look them up across the whole site.
        translations = list(self.live_pages().filter(translation_key__in={item.translation_key for item in pages}))
        # Each page's URL needs its locale: one query for all of them instead of one per page.
        locales = {locale.pk: locale for locale in Locale.objects.all()}
        for item in [*pages, *translations]:
            item.locale = locales[item.locale_id]
        alternates = self._alternates(translations)
        urls = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                url_info = {**url_info, "location": self._location(item)}
                if len(alternates.get(item.translation_key, [])) > 1:
                    url_info = {**url_info, "alternates": alternates[item.translation_key]}
                urls.append(url_info)
        lastmods = [url_info.get("lastmod") for url_info in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
