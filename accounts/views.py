from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.http import require_http_methods

from . import registration, throttle
from .forms import RegistrationForm


def privacy_notice_url():
    return settings.PRIVACY_NOTICE_URL.format(language=translation.get_language())


@require_http_methods(["GET", "POST"])
def register(request):
    """The public sign-up page. A valid request always ends on the same "check your e-mail" page."""
    form = RegistrationForm(request.POST or None)
    context = {"form": form, "privacy_notice_url": privacy_notice_url()}
    if request.method == "POST" and form.is_valid():
        if not throttle.hit("signup-ip", throttle.client_ip(request), "SIGNUPS_PER_IP"):
            context["wait_minutes"] = throttle.limit("SIGNUPS_PER_IP")[1] // 60
            return TemplateResponse(request, "accounts/register.html", context, status=429)
        registration.submit(form.cleaned_data, translation.get_language())
        return redirect("register_sent")
    return TemplateResponse(request, "accounts/register.html", context, status=400 if form.errors else 200)


def register_sent(request):
    return TemplateResponse(request, "accounts/register_sent.html", {})
