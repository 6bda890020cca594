"""The portal's own 404 page in development, where DEBUG would show Django's technical one.

Django answers a 404 with its debug page whenever DEBUG is on, and offers no setting to choose otherwise. The
dev settings add this middleware last, so that a view's Http404 (Wagtail's for a missing page, ours for a
missing item) gets templates/404.html through Django's own ``page_not_found``, exactly as in production.
An address that matches no URL pattern still gets the debug page, which lists the patterns; that is rare,
since Wagtail serves every path under a language prefix.
"""

from django.http import Http404
from django.views.defaults import page_not_found


class PortalNotFoundPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None
