"""What an item's page shows of its adoptions, in a constant number of queries (three), whatever their number."""

from dataclasses import dataclass, field

from django.utils.text import capfirst
from django.utils.translation import get_language_info
from wagtail.models import Locale

from methodbank.models import Organisation, Region

from . import region_map
from .models import Adoption


@dataclass
class RegionRow:
    code: str
    name: str
    organisations: list = field(default_factory=list)

    outline: str = ""
    level: int = 0

    @property
    def count(self):
        return len(self.organisations)


@dataclass
class Summary:
    using: int
    stopped: list
    regions: list
    experiences: list

    view_box: str = ""


@dataclass
class Entry:
    organisation: str
    region: str
    adoption: Adoption
    language_name: str = ""


def item_summary(page):
    """The approved adoptions of ``page``'s item, named in the active language."""
    locale = Locale.get_active()
    adoptions = list(
        Adoption.objects.filter(translation_key=page.translation_key, state=Adoption.State.APPROVED)
        .select_related("organisation", "region")
        .order_by("-started_on", "pk")
    )
    org_keys = {adoption.organisation.translation_key for adoption in adoptions}
    names = dict(
        Organisation.objects.filter(translation_key__in=org_keys, locale=locale).values_list("translation_key", "name")
    )
    rows = {
        code: RegionRow(code, name)
        for code, name in Region.objects.filter(locale=locale, is_national=False)
        .order_by("sort_order", "name")
        .values_list("code", "name")
    }
    using, stopped, experiences = 0, [], []
    for adoption in adoptions:
        row = rows.get(adoption.region.code)
        entry = Entry(
            names.get(adoption.organisation.translation_key, adoption.organisation.name),
            row.name if row else adoption.region.name,
            adoption,
            capfirst(get_language_info(adoption.language)["name_translated"]),
        )
        if adoption.status == Adoption.Status.STOPPED:
            stopped.append(entry)
        else:
            using += 1
            if row is not None:
                row.organisations.append(entry.organisation)
        if adoption.experience:
            experiences.append(entry)
    outlines = region_map.outlines()
    most = max((row.count for row in rows.values()), default=0)
    for row in rows.values():
        row.outline = outlines["regions"].get(row.code, "")
        row.level = region_map.shade(row.count, most)
    return Summary(using, stopped, list(rows.values()), experiences, outlines["viewBox"])
