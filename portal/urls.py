from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as wagtaildocs_serve

from accounts.lockout import password_restriction_view
from home.sitemaps import TranslatedPagesSitemap
from home.views import favicon
from search import views as search_views

# The admin, documents and machine-readable files live outside the language prefix.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Same path as Wagtail's own form for a private collection's password, matched first:
    # wrong passwords count like wrong logins (accounts.lockout).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        password_restriction_view(wagtaildocs_serve.authenticate_with_password, "collection", "restriction_id"),
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedPagesSitemap}}, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("favicon.ico", favicon, name="favicon"),
    path("api/search/", search_views.api_search, name="api_search"),
    path("api/search/autocomplete/", search_views.api_autocomplete, name="api_search_autocomplete"),
    path("api/search/openapi.json", search_views.api_openapi, name="api_search_openapi"),
    path("api/open-data/", include("reports.urls")),
]

translated_urls = [path(_("search/"), search_views.search, name="search")]

if settings.STYLEGUIDE:
    from portal.styleguide import styleguide

    translated_urls.append(path("styleguide/<slug:name>/", styleguide, name="styleguide"))

urlpatterns += i18n_patterns(
    *translated_urls,
    path("", include("accounts.urls")),
    path("", include("translation_requests.urls")),
    path("", include("reports.page_urls")),
    path("", include("adoptions.urls")),
    # The same for a private page's password form.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        password_restriction_view(wagtail_views.authenticate_with_password, "page", "page_view_restriction_id"),
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = (
        staticfiles_urlpatterns() + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
    )
