"""The report of a selection for visitors, the open data page and the open data files."""

from django.conf import settings
from django.http import FileResponse, Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import open_data
from .selection import Selection, SelectionError, check_language
from .service import FORMATS, TooLarge, path_of, report_file


def refusal(request, title, errors, status=400):
    """The page a visitor sees instead of a report: what was wrong and how to go on, in their language."""
    return render(request, "reports/refused.html", {"title": title, "errors": errors}, status=status)


@require_GET
def report_download(request):
    """``?format=pdf|docx`` with the method bank listing's filters and query; ``lang`` chooses another language."""
    file_format = request.GET.get("format", "pdf")
    try:
        if file_format not in FORMATS:
            raise SelectionError({"format": _("Choose the format pdf or docx.")})
        language = check_language(request.GET.get("lang") or translation.get_language())
        selection = Selection.from_bank(request.GET, language)
        stored = report_file(selection, file_format)
    except SelectionError as error:
        return refusal(request, _("The report could not be made"), list(error.errors.values()))
    except TooLarge as error:
        message = _(
            "This selection has %(count)s models and good practices, more than a report made while you wait can "
            "hold. Narrow the selection with the filters, or ask the method bank's editors for the report."
        ) % {"count": error.count}
        return refusal(request, _("The selection is too large for a report made now"), [message], status=413)
    _render, content_type, extension = FORMATS[file_format]
    response = FileResponse(
        path_of(stored).open("rb"),
        content_type=content_type,
        as_attachment=True,
        filename=f"method-bank-report-{selection.language}.{extension}",
    )
    return response


@require_GET
def open_data_page(request):
    return render(request, "reports/open_data.html", open_data.page_context(request))


def _origin(request):
    return f"{request.scheme}://{request.get_host()}"


def _licence_link(response):
    # The licence travels with every file: in its content and as a link the client can read without parsing it.
    response["Link"] = f'<{settings.OPEN_DATA_LICENCE_URL}>; rel="license"'
    return response


@require_GET
def open_data_dataset(request, extension):
    """The whole bank (no parameters) or a selection (the method bank's filters and query), streamed."""
    selection_params = [name for name in request.GET if name not in {"lang"}]
    try:
        language = check_language(request.GET.get("lang") or settings.LANGUAGE_CODE)
        keys = None
        if selection_params:
            keys = Selection.from_bank(request.GET, language, with_projects=True).translation_keys()
    except SelectionError as error:
        # The search API's error body (the Error schema of the OpenAPI document): a sentence and one per parameter.
        body = {"error": _("The selection could not be exported."), "errors": error.errors}
        return JsonResponse(body, status=400)
    pages = open_data.selected_pages(keys)
    content_type, filename = open_data.DATASETS[extension]
    lines = (
        open_data.csv_lines(pages, _origin(request))
        if extension == "csv"
        else open_data.jsonld_chunks(pages, _origin(request))
    )
    response = StreamingHttpResponse(lines, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _licence_link(response)


@require_GET
def open_data_catalogue(request):
    response = JsonResponse(open_data.catalogue(_origin(request)), json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/ld+json"
    return _licence_link(response)


@require_GET
def open_data_item(request, key, language):
    item = open_data.one_item(key, language, _origin(request))
    if item is None:
        raise Http404
    response = JsonResponse(item, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/ld+json"
    return _licence_link(response)
