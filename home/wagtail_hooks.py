from wagtail import hooks

from core.page_admin import page_viewsets
from home.models import ContentPage, HomePage


@hooks.register("register_admin_viewset")
def register_page_viewsets():
    return page_viewsets(HomePage, ContentPage)
