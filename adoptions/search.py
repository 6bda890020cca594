"""What search reads from the adoptions, handed to ``search.registry`` (search imports nothing above it).

Each item's search documents carry the regions it is used in (facet ``used_in_region``, labelled with the
method bank's regions) and how many organisations use it (the sort "most adopted", the count on result cards
and in the API). Only approved adoptions that have not stopped count, as on the item's page; every change of
an adoption rebuilds its item's documents.
"""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from search import documents, registry

from .models import Adoption

FACET = "used_in_region"


def item_data(pages):
    """``{page pk: ({("used_in_region", region code)}, number of organisations)}`` for the adopted ``pages``."""
    keys = {page.translation_key for page in pages}
    rows = (
        Adoption.objects.filter(translation_key__in=keys, state=Adoption.State.APPROVED)
        .exclude(Adoption.stopped_filter())
        .values_list("translation_key", "organisation_id", "region__code")
    )
    regions, organisations = {}, {}
    for key, organisation, region in rows:
        regions.setdefault(key, set()).add((FACET, region))
        organisations.setdefault(key, set()).add(organisation)
    return {
        page.pk: (regions[page.translation_key], len(organisations[page.translation_key]))
        for page in pages
        if page.translation_key in regions
    }


def adoption_changed(sender, instance, raw=False, **kwargs):
    # Approved, withdrawn, rejected, stopped, deleted: what the item's documents say may have changed.
    if not raw:
        documents.update_item(instance.translation_key)


def register():
    registry.register_facet(
        FACET,
        _("Used in region"),
        description=(
            "Region code (as for region) of an organisation that uses the item: an approved adoption that has "
            "not stopped."
        ),
        values_of="region",
    )
    registry.register_item_data(
        item_data,
        name="adoptions",
        description="How many organisations use the item: approved adoptions that have not stopped.",
        sort="most_adopted",
        sort_label=_("Most adopted"),
    )
    post_save.connect(adoption_changed, sender=Adoption, dispatch_uid="adoptions.search.saved")
    post_delete.connect(adoption_changed, sender=Adoption, dispatch_uid="adoptions.search.deleted")
