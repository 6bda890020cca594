"""Example pages that show the shared templates and styles with made-up content.

Served only where settings.STYLEGUIDE is on (dev and screenshots settings), under /<language>/styleguide/.

They let designers and `make screenshots` see every component before real pages use them, and show
teammates the context each include in templates/includes/ expects.
"""

from django import forms
from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse

THEMES = [
    {"value": "guidance", "label": "Guidance", "count": 14, "selected": True, "children": []},
    {
        "value": "transitions",
        "label": "Transitions",
        "count": 9,
        "selected": False,
        "children": [
            {"value": "transitions-work", "label": "From school to work", "count": 5, "selected": False},
            {"value": "transitions-further", "label": "To further studies", "count": 4, "selected": True},
        ],
    },
    {"value": "wellbeing", "label": "Wellbeing", "count": 0, "selected": False},
]
REGIONS = [
    {"value": "uusimaa", "label": "Uusimaa", "count": 11, "selected": False},
    {"value": "pirkanmaa", "label": "Pirkanmaa", "count": 6, "selected": False},
    {"value": "lappi", "label": "Lapland", "count": 3, "selected": False},
]
EVALUATIONS = ["expert", "peer", "none"]


def example_results():
    return [
        {
            "title": f"Example model {number}: a mentor for every first-year student",
            "url": "#",
            "type_label": "Model" if number % 3 else "Good practice",
            "summary": "Each new student meets a named mentor during the first weeks. The mentor follows up on "
            "study progress and helps the student find support before problems grow.",
            "meta": [("Project", "Example project"), ("Region", "Uusimaa"), ("Updated", "3.4.2025")],
            "badge": EVALUATIONS[number % 3],
        }
        for number in range(1, 46)
    ]


class ExampleSignUpForm(forms.Form):
    name = forms.CharField(label="Name", max_length=100)
    email = forms.EmailField(label="E-mail address", help_text="We send the confirmation link here.")
    organisation = forms.CharField(label="Organisation", required=False)
    role = forms.ChoiceField(
        label="Your role",
        choices=[("counsellor", "Guidance counsellor"), ("teacher", "Teacher"), ("other", "Other")],
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(label="I agree that my details are stored for this purpose.")


def styleguide(request, name):
    if name == "listing":
        paginator = Paginator(example_results(), 10)
        context = {
            "facets": [
                {"name": "theme", "legend": "Theme", "options": THEMES},
                {"name": "region", "legend": "Region", "options": REGIONS},
            ],
            "page_obj": paginator.get_page(request.GET.get("page", 2)),
        }
    elif name == "model":
        context = {
            "summary_rows": [
                ("Target group", "First-year students in vocational education"),
                ("Duration", "One school year"),
                ("Costs", "About two hours of staff time a week per 20 students"),
                ("Project", "Example project (2021–2023)"),
                ("Not given", ""),
            ],
            "toc_items": [
                ("goal", "Goal and target group"),
                ("actions", "Content and actions"),
                ("deployment", "Deployment"),
                ("results", "Results and metrics"),
            ],
        }
    elif name == "form":
        form = ExampleSignUpForm(request.GET if "name" in request.GET else {"email": "not-an-address"})
        form.is_valid()
        context = {"form": form}
    else:
        raise Http404
    return TemplateResponse(request, f"styleguide/{name}.html", context)
