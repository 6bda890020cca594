"""Adoptions follow when a moderator merges two items (methodbank.merging sends the signals).

One organisation keeps one adoption per item: where both items have one from the same
organisation, the approved one wins, then the more recently updated; the other is deleted and the
merge's audit log says so.
"""

from django.db.models.functions import Lower
from django.utils.translation import gettext, ngettext

from search import documents

from .models import Adoption


def same_organisation(adoption, translation_key):
    others = Adoption.objects.filter(translation_key=translation_key)
    if adoption.organisation_id:
        return others.filter(organisation_id=adoption.organisation_id).first()
    return (
        others.filter(organisation__isnull=True)
        .annotate(name=Lower("proposed_organisation"))
        .filter(name=adoption.proposed_organisation.lower())
        .first()
    )


def preference(adoption):
    return (adoption.state == Adoption.State.APPROVED, adoption.updated_at)


def describe(sender, remaining, removed, **kwargs):
    count = Adoption.objects.filter(translation_key=removed.translation_key).count()
    if not count:
        return ""
    return ngettext(
        "%(count)d adoption moves over; where the same organisation has one on both items, one is kept.",
        "%(count)d adoptions move over; where the same organisation has one on both items, one is kept.",
        count,
    ) % {"count": count}


def move_adoptions(sender, remaining, removed_key, **kwargs):
    moved, dropped = 0, []
    for adoption in Adoption.objects.filter(translation_key=removed_key).select_related("organisation"):
        existing = same_organisation(adoption, remaining.translation_key)
        if existing is not None and preference(existing) >= preference(adoption):
            dropped.append(adoption.organisation_name)
            adoption.delete()
            continue
        if existing is not None:
            dropped.append(existing.organisation_name)
            existing.delete()
        # update(): save() would touch updated_at, and the adoption itself did not change.
        Adoption.objects.filter(pk=adoption.pk).update(translation_key=remaining.translation_key)
        moved += 1
    if moved:
        # update() sends no signal: the remaining item's documents count the adoptions that moved.
        documents.update_item(remaining.translation_key)
    if not moved and not dropped:
        return ""
    sentence = gettext("Adoptions moved over: %(count)d.") % {"count": moved}
    if dropped:
        sentence += " " + gettext("Kept one adoption each for: %(names)s.") % {"names": ", ".join(sorted(dropped))}
    return sentence
