"""The public side: a signed-in person records that their organisation uses an item.

The item pages are cached for anonymous visitors (core.page_cache), so they carry
only a link to this page, which is never cached and holds the form. Anyone not
signed in is invited to sign in or to ask for an account (the sign-up flow).
"""

from urllib.parse import urlencode

from django.core import signing
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from methodbank.models import MethodBankIndexPage

from . import contacts, records
from .forms import AdoptionForm
from .models import ContactOptOut


def method_bank_url():
    """The method bank's front page in the visitor's language, for a way on from every answer."""
    index = MethodBankIndexPage.objects.live().public().filter(locale=Locale.get_active()).first()
    return index.url if index else f"/{translation.get_language()}/"


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def record_adoption(request, page_id):
    item = records.adoptable_item(page_id)
    context = {"item": item, "method_bank_url": method_bank_url()}
    if item is None:
        return TemplateResponse(request, "adoptions/not_found.html", context, status=404)
    if not request.user.is_authenticated:
        context["login_url"] = reverse("wagtailadmin_login") + "?" + urlencode({"next": request.get_full_path()})
        status = 403 if request.method == "POST" else 200
        return TemplateResponse(request, "adoptions/sign_in.html", context, status=status)
    status = 200
    if request.method == "POST":
        form = AdoptionForm(request.POST)
        if form.is_valid():
            try:
                context["adoption"], context["outcome"] = records.submit(item, form.cleaned_data, request.user)
            except records.TakenError:
                context["taken"] = True
                status = 409
            else:
                return TemplateResponse(request, "adoptions/sent.html", context)
        else:
            status = 400
    else:
        form = AdoptionForm()
    context["form"] = form
    return TemplateResponse(request, "adoptions/record.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def opt_out(request, token):
    """An item's contact person stops the adoption e-mails: the link shows a button, the button records it.

    A button rather than the link itself, so that a mail filter that opens links opts nobody out.
    """
    context = {"method_bank_url": method_bank_url()}
    try:
        address = contacts.address_in(token)
    except signing.BadSignature:
        return TemplateResponse(request, "adoptions/opt_out.html", {**context, "invalid": True}, status=400)
    if request.method == "POST":
        ContactOptOut.objects.get_or_create(email=address)
    context.update(address=address, done=ContactOptOut.objects.filter(email=address).exists())
    return TemplateResponse(request, "adoptions/opt_out.html", context)
