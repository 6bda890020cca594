"""New pages are created when their editor saves them, never by autosave.

Wagtail 8 autosaves the new-page form by creating the page as a draft. A form the
editor abandoned thus left a stray draft behind, and its slug made the next attempt
at the same page fail with "slug already in use". The create view here neither
autosaves nor accepts an autosave; the "unsaved changes" warning still guards the
form, and once the page exists its edit view autosaves (WAGTAIL_AUTOSAVE_INTERVAL).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet


class CreateWithoutAutosaveView(CreateView):
    def post(self, request):
        if self.expects_json_response and self.action_name == "save":
            return self.json_error_response(
                "autosave_on_create", _("A new page is saved only when you save it yourself.")
            )
        return super().post(request)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "autosave_enabled": False}


class PortalPageViewSet(PageViewSet):
    add_view_class = CreateWithoutAutosaveView


def page_viewsets(*models):
    """One viewset per page type family: Wagtail looks a page's viewset up by its class and ancestors."""
    return [
        PortalPageViewSet(f"{model._meta.app_label}_{model._meta.model_name}_pages", model=model) for model in models
    ]
