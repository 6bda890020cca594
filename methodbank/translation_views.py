"""wagtail-localize's views that publish, checked against what the user may publish.

wagtail-localize lets anyone who may submit translations publish through two of its
views, whatever the page and snippet permissions say: "Sync translated pages" with
"Publish immediately" publishes every translation of the source, and translating a
snippet that has no drafts saves the untranslated copy, live. These subclasses,
served at the same addresses (methodbank/wagtail_hooks.py), check first.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.views.submit_translations import SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def may_publish(user, translation):
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        # Syncing creates the missing translation from the source: only someone who may publish the
        # source publishes such a copy.
        target = translation.source.get_source_instance()
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    return user.has_perm(f"{target._meta.app_label}.change_{target._meta.model_name}")


class CheckedUpdateTranslationsView(UpdateTranslationsView):
    def form_valid(self, form):
        if form.cleaned_data["publish_translations"]:
            with transaction.atomic():
                # Decide on the text the sync would publish, then put the old snapshot back.
                self.object.update_from_db()
                refused = [
                    translation.target_locale.get_display_name()
                    for translation in self.object.translations.filter(enabled=True).select_related("target_locale")
                    if not may_publish(self.request.user, translation)
                ]
                transaction.set_rollback(True)
            self.object.refresh_from_db()
            if refused:
                # wagtail-localize's template shows no field errors: say it above the form.
                messages.error(
                    self.request,
                    _("You may not publish the translations into %(languages)s. Sync them without publishing.")
                    % {"languages": get_text_list(refused, _("and"))},
                )
                return self.render_to_response(self.get_context_data())
        return super().form_valid(form)


class CheckedSubmitSnippetTranslationView(SubmitSnippetTranslationView):
    def get_object(self):
        snippet = super().get_object()
        model = type(snippet)
        # Without drafts, the copy in the new language is live at once: only those who may add such
        # objects create one.
        if not issubclass(model, DraftStateMixin) and not self.request.user.has_perm(
            f"{model._meta.app_label}.add_{model._meta.model_name}"
        ):
            raise PermissionDenied
        return snippet
