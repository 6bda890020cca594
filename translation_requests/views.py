"""The visitor's side: ask for an item in another language.

The item pages are cached for anonymous visitors (core.page_cache), so they
carry no form and no CSRF token, only a link per missing language to this page,
which is never cached: it holds the form, with its token.
"""

from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from accounts import throttle
from methodbank.models import MethodBankIndexPage

from . import demand
from .forms import AVAILABLE, TranslationRequestForm

THROTTLE_SCOPE = "translation-request-ip"
THROTTLE_LIMIT = "TRANSLATION_REQUESTS_PER_IP"


def method_bank_url():
    """The method bank's front page in the visitor's language, for a way on from every answer."""
    index = MethodBankIndexPage.objects.live().public().filter(locale=Locale.get_active()).first()
    return index.url if index else f"/{translation.get_language()}/"


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def request_translation(request, page_id):
    item = demand.public_item(page_id)
    if item is None:
        return TemplateResponse(
            request, "translation_requests/not_found.html", {"method_bank_url": method_bank_url()}, status=404
        )
    versions = demand.public_versions(item)
    context = {
        "item": item,
        "available": [(demand.language_name(code), page) for code, page in versions.items()],
        "method_bank_url": method_bank_url(),
    }
    status = 200
    if request.method == "POST":
        # The portal's own limiter, as for sign-ups: the same client address, counts shared by all workers.
        # Every POST counts, whatever its answer, so a flood of junk is stopped as well.
        if not throttle.hit(THROTTLE_SCOPE, throttle.client_ip(request), THROTTLE_LIMIT):
            seconds = throttle.limit(THROTTLE_LIMIT)[1]
            context["wait_minutes"] = seconds // 60
            response = TemplateResponse(request, "translation_requests/too_many.html", context, status=429)
            response["Retry-After"] = str(seconds)
            return response
        form = TranslationRequestForm(request.POST, versions=versions)
        if form.is_valid():
            language = form.cleaned_data["language"]
            context["counted"] = demand.record(item, language, request)
            context["language"] = demand.language_name(language)
            return TemplateResponse(request, "translation_requests/sent.html", context)
        if form.has_error("language", AVAILABLE):
            # Not the visitor's mistake: the item was translated after they opened the form.
            context["already"], context["chosen"] = versions[form.data["language"]], True
            form = TranslationRequestForm(versions=versions)
        else:
            status = 400
    else:
        current = translation.get_language()
        context["already"] = versions.get(current)
        form = TranslationRequestForm(versions=versions, initial={"language": current})
    context["form"] = form
    return TemplateResponse(request, "translation_requests/request.html", context, status=status)
