"""Many-to-many links of many modelcluster objects at once."""

from collections import defaultdict

from modelcluster.fields import ParentalManyToManyField


def load_many_to_many(pages):
    """Load the pages' many-to-many links with two queries per relation and keep them on the pages.

    modelcluster's relations ignore Django's prefetch cache, so without this
    every page would cost a query per vocabulary; the links are handed over as
    the pages' in-memory relations instead. Each term is loaded once however
    many pages use it.
    """
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, group in by_model.items():
        for field in model._meta.get_fields():
            if not isinstance(field, ParentalManyToManyField):
                continue
            source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            links = list(
                field.remote_field.through.objects.filter(**{f"{source}__in": [page.pk for page in group]})
                .order_by("pk")
                .values_list(source, target)
            )
            terms = field.related_model._default_manager.in_bulk({term_id for _page_id, term_id in links})
            linked = defaultdict(list)
            for page_id, term_id in links:
                linked[page_id].append(terms[term_id])
            for page in group:
                getattr(page, field.name).set(linked[page.pk])
