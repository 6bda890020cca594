from wagtail import hooks

from home import admin_dates
from home.models import ContentPage, HomePage
from home.page_admin import PortalPageViewSet
from methodbank.models import MethodBankIndexPage, MethodBankPage

# Before any admin form is built: forms read the overrides when their class is made.
admin_dates.register()


@hooks.register("register_admin_viewset")
def register_page_viewsets():
    # One per page type family: Wagtail looks a page's viewset up by its class and ancestors.
    return [
        PortalPageViewSet(f"{model._meta.app_label}_{model._meta.model_name}_pages", model=model)
        for model in (HomePage, ContentPage, MethodBankIndexPage, MethodBankPage)
    ]
