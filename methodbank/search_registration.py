"""What the site search reads from the method bank, handed to ``search.registry`` (search imports nothing above it)."""

from search import registry

from .models import FundingSource, GoodPracticePage, Keyword, ModelPage, Region, TargetGroup, Theme


def item_projects(pages):
    """``{page pk: [translation keys of its projects]}`` for the models and good practices among ``pages``."""
    projects = {}
    model_ids = [page.pk for page in pages if isinstance(page, ModelPage)]
    links = ModelPage.projects.through.objects.filter(modelpage_id__in=model_ids).order_by("pk")
    for model_id, key in links.values_list("modelpage_id", "projectpage__translation_key"):
        projects.setdefault(model_id, []).append(key)
    practices = [page for page in pages if isinstance(page, GoodPracticePage) and page.project_id]
    rows = GoodPracticePage.objects.filter(pk__in=[page.pk for page in practices]).values_list(
        "pk", "project__translation_key"
    )
    for practice_id, key in rows:
        projects[practice_id] = [key]
    return projects


def register():
    for facet, model in (
        ("theme", Theme),
        ("target_group", TargetGroup),
        ("region", Region),
        ("funding", FundingSource),
        ("keyword", Keyword),
    ):
        registry.register_vocabulary(facet, model)
    registry.register_projects(item_projects)
