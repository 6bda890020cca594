from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static


def favicon(request):
    """/favicon.ico, which browsers ask for on their own (for JSON and other pages without icon links too)."""
    return HttpResponsePermanentRedirect(static("icons/favicon.ico"))
