"""The projects of many items at once, in two queries whatever their number.

The page models are looked up by name: the editor panels of those models use this module
(through ``methodbank.duplicates``)."""

from django.apps import apps


def item_projects(page_ids):
    """``{page pk: [translation keys of its projects]}`` for the models and good practices among ``page_ids``
    (a list or a queryset of primary keys)."""
    model_page = apps.get_model("methodbank", "ModelPage")
    practice_page = apps.get_model("methodbank", "GoodPracticePage")
    projects = {}
    links = model_page.projects.through.objects.filter(modelpage_id__in=page_ids).order_by("pk")
    for model_id, key in links.values_list("modelpage_id", "projectpage__translation_key"):
        projects.setdefault(model_id, []).append(key)
    practices = practice_page.objects.filter(pk__in=page_ids, project__isnull=False)
    for practice_id, key in practices.values_list("pk", "project__translation_key"):
        projects[practice_id] = [key]
    return projects
