from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods
from wagtail.admin.views.account import LoginView

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


class ThrottledLoginView(LoginView):
    """Wagtail's sign-in, refusing further tries after repeated failures for a user name or an address."""

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")
        if throttle.is_blocked("login-user", username, "LOGIN_FAILURES_PER_USERNAME") or throttle.is_blocked(
            "login-ip", throttle.client_ip(request), "LOGIN_FAILURES_PER_IP"
        ):
            _attempts, seconds = throttle.limit("LOGIN_FAILURES_PER_USERNAME")
            minutes = max(1, seconds // 60)
            messages.error(
                request,
                ngettext(
                    "Too many failed sign-in attempts. Wait up to %(minutes)s minute and try again.",
                    "Too many failed sign-in attempts. Wait up to %(minutes)s minutes and try again.",
                    minutes,
                )
                % {"minutes": minutes},
            )
            return self.render_to_response(self.get_context_data(form=self.get_form_class()(request)), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        throttle.hit("login-user", self.request.POST.get("username", ""), "LOGIN_FAILURES_PER_USERNAME")
        throttle.hit("login-ip", throttle.client_ip(self.request), "LOGIN_FAILURES_PER_IP")
        return super().form_invalid(form)

    def form_valid(self, form):
        throttle.reset("login-user", form.get_user().get_username())
        return super().form_valid(form)
