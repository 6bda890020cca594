"""Admin for records that arrive from the public and change only through a moderator's decision."""

from django.urls import path
from wagtail.admin.viewsets.model import ModelViewSet


class DecisionOnlyViewSet(ModelViewSet):
    """A model's listing, inspect view and history, without the add, edit, delete and usage views.

    The inspect view (a subclass's ``inspect_view_class``) is where a moderator decides; sign-up requests and
    adoptions are both moderated this way.
    """

    read_only_views = {"add", "edit", "delete", "usage"}

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for view in self.read_only_views:
            view_kwargs[f"{view}_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{conv}:pk>/", self.inspect_view, name="inspect"),
            path(f"history/<{conv}:pk>/", self.history_view, name="history"),
            path(f"history-results/<{conv}:pk>/", self.history_results_view, name="history_results"),
        ]
