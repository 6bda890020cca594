"""The Content-Security-Policy: the site's own, and a looser one for the Wagtail admin.

django-csp sends ``CONTENT_SECURITY_POLICY`` with every response. The admin cannot live with it:
Wagtail 8 and wagtail-localize still print inline ``<script>`` elements (date choosers, inline
panels, the translation editor) and inline styles, so responses under ``/admin/`` get
``ADMIN_CONTENT_SECURITY_POLICY`` instead (see portal/settings/base.py for what it adds and why).

Previews are the exception: Wagtail renders a preview by passing a request for the page's own URL
through the whole middleware stack, so it gets the site's policy, as a visitor would. Only its
``frame-ancestors`` opens up to the site itself, since the editor shows the preview in an iframe.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under ``/admin/``."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view's own @csp_override still wins; report-only policies are not used.
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        if not report_only and getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
