"""The admin's report view: the whole bank, or chosen themes and periods, in a language and a format."""

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from methodbank.models import CoordinationPeriod, Theme
from search.analysis import LANGUAGES

from .models import StoredReport
from .selection import Selection, SelectionError
from .service import FORMATS, TooLarge, path_of, report_file

REPORT_PERMISSION = "wagtailadmin.access_admin"
LANGUAGE_NAMES = {"fi": gettext_lazy("Finnish"), "sv": gettext_lazy("Swedish"), "en": gettext_lazy("English")}


def theme_choices():
    themes = Theme.objects.filter(locale__language_code="fi").order_by("sort_order", "code")
    if not themes.exists():
        themes = Theme.objects.order_by("sort_order", "code")
    seen = {}
    for theme in themes:
        seen.setdefault(theme.code, f"{theme.code} {theme.name}")
    return list(seen.items())


class ReportForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Language"), choices=[(code, LANGUAGE_NAMES[code]) for code in LANGUAGES]
    )
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=[("pdf", "PDF"), ("docx", "DOCX (Word)")])
    themes = forms.MultipleChoiceField(
        label=gettext_lazy("Themes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None chosen: every theme. A main theme covers its sub-themes."),
    )
    periods = forms.MultipleChoiceField(
        label=gettext_lazy("Coordination periods"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=CoordinationPeriod.choices,
        help_text=gettext_lazy("None chosen: every period."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = theme_choices()


@permission_required(REPORT_PERMISSION)
def report_admin(request):
    form = ReportForm(request.GET or None)
    problems = []
    if form.is_valid():
        data = form.cleaned_data
        try:
            selection = Selection.from_choices(data["language"], data["themes"], data["periods"])
            stored = report_file(selection, data["format"])
        except SelectionError as error:
            problems = list(error.errors.values())
        except TooLarge as error:
            problems = [
                _(
                    "This selection has %(count)s models and good practices: too many to make while you wait. "
                    "It is made by the command shown below, and then offered here."
                )
                % {"count": error.count}
            ]
        else:
            _render, content_type, extension = FORMATS[data["format"]]
            return FileResponse(
                path_of(stored).open("rb"),
                content_type=content_type,
                as_attachment=True,
                filename=f"method-bank-report-{selection.language}.{extension}",
            )
    stored_reports = StoredReport.objects.order_by("-updated_at")[:50]
    return render(
        request,
        "reports/admin/report.html",
        {"form": form, "problems": problems, "stored_reports": stored_reports},
    )


@permission_required(REPORT_PERMISSION)
def stored_report_file(request, pk):
    stored = get_object_or_404(StoredReport, pk=pk, status=StoredReport.Status.READY)
    _render, content_type, extension = FORMATS[stored.format]
    return FileResponse(
        path_of(stored).open("rb"), content_type=content_type, as_attachment=True, filename=stored.file_name
    )
