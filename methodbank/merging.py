"""Merging two items that describe the same thing: one remains, the other redirects to it.

An item is every language version of one page (their ``translation_key``). For each version of the
removed item:

- if the remaining item has a version in the same language, the removed one is unpublished and its
  address redirects (301, Wagtail's redirects app) to that version; the unpublished page stays in the
  tree with its revisions, so nothing written is lost and a moderator can still read or restore it;
- otherwise the version moves over and becomes the remaining item's version in that language: it
  is the only text in that language, and a redirect would send its readers to another language.

Evaluations and link records follow to the remaining item's version in the same language (or its
Finnish one), reviews stay with the item that was reviewed, and apps above the method bank move
their own records in a receiver of ``items_merged`` (adoptions do). Both items' audit logs say
what happened.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import gettext
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail_localize.models import Translation

from methodbank.duplicates import MERGED_LOG_ACTION
from methodbank.models import MethodBankPage, PageLink
from methodbank.models.evaluation import EvaluationRecord, sync_evaluation_state
from search.documents import update_document

RECEIVED_LOG_ACTION = "methodbank.merged_from"

# Sent inside the merge's transaction, after the pages changed: ``remaining`` and ``removed`` are
# the chosen versions, ``removed_key`` the removed item's former translation key, ``user`` the
# moderator. A receiver moves its records and returns a short description of what it did, for the log.
items_merged = Signal()
# Sent before a merge to describe it: receivers return a sentence, or "" when nothing of theirs moves.
describe_merge = Signal()


class MergeError(Exception):
    """A merge that must not happen; the message says why, in the active language."""


@dataclass
class MergePlan:
    remaining: MethodBankPage
    removed: MethodBankPage
    redirected: list = field(default_factory=list)  # (removed version, remaining version it redirects to)
    moved: list = field(default_factory=list)  # removed versions that become the remaining item's
    evaluations: int = 0
    links: int = 0
    others: list = field(default_factory=list)  # sentences of the apps above


def merge_problem(removed, remaining, user):
    """Why ``removed`` cannot be merged into ``remaining`` by ``user``, or None."""
    if removed.pk == remaining.pk:
        return gettext("An item cannot be merged into itself. Choose the other item.")
    if removed.translation_key == remaining.translation_key:
        return gettext("“%(title)s” is a language version of the same item. Choose a different item.") % {
            "title": remaining.title
        }
    if removed.item_type != remaining.item_type:
        return gettext(
            "Only items of the same kind can be merged: “%(removed)s” (%(kind)s) and “%(remaining)s” (%(other)s)."
        ) % {
            "removed": removed.title,
            "kind": removed.get_item_type_display_plain(),
            "remaining": remaining.title,
            "other": remaining.get_item_type_display_plain(),
        }
    if not remaining.live:
        # Its address would redirect to a page visitors cannot see.
        return gettext("“%(title)s” is not published. Publish it first, or merge it into this item instead.") % {
            "title": remaining.title
        }
    if not may_merge(user, removed, remaining):
        return gettext("Only moderators can merge items.")
    return None


def may_merge(user, removed, remaining):
    """Moderators may: a merge unpublishes every version of one item and publishes into the other.

    Wagtail's page permissions decide (accounts.roles gives moderators publishing on the method bank);
    translators, who may publish translations, still cannot unpublish.
    """
    versions = MethodBankPage.objects.filter(translation_key=removed.translation_key)
    return remaining.permissions_for_user(user).can_publish() and all(
        version.permissions_for_user(user).can_unpublish() for version in versions
    )


def versions_by_locale(translation_key):
    return {page.locale_id: page for page in MethodBankPage.objects.filter(translation_key=translation_key)}


def fallback_version(remaining, versions):
    """The remaining item's version for a language it lacks: the Finnish (default) one, or the chosen one."""
    return versions.get(Locale.get_default().pk, remaining)


def plan_merge(removed, remaining):
    plan = MergePlan(remaining=remaining, removed=removed)
    kept = versions_by_locale(remaining.translation_key)
    for version in MethodBankPage.objects.filter(translation_key=removed.translation_key).select_related("locale"):
        # An alias has no text of its own to move; it redirects like a version the remaining item has.
        if version.locale_id in kept or version.alias_of_id:
            target = kept.get(version.locale_id) or fallback_version(remaining, kept)
            plan.redirected.append((version, target))
        else:
            plan.moved.append(version)
    redirected = [version for version, _target in plan.redirected]
    plan.evaluations = EvaluationRecord.objects.filter(page__in=redirected).count()
    plan.links = PageLink.objects.filter(page__in=redirected).count()
    responses = describe_merge.send(sender=MethodBankPage, remaining=remaining, removed=removed)
    plan.others = [sentence for _receiver, sentence in responses if sentence]
    return plan


@transaction.atomic
def merge_items(removed, remaining, user):
    """Merge ``removed`` (all its versions) into ``remaining``; raises MergeError and changes nothing if it must not."""
    problem = merge_problem(removed, remaining, user)
    if problem:
        raise MergeError(problem)
    removed_key = removed.translation_key
    plan = plan_merge(removed, remaining)

    for version in plan.moved:
        version.translation_key = remaining.translation_key
        version.save(update_fields=["translation_key"])
        # The text is no longer wagtail-localize's translation of the removed item: editors edit it as it is.
        Translation.objects.filter(source__object_id=removed_key, target_locale_id=version.locale_id).update(
            enabled=False
        )
        log(instance=version, action=RECEIVED_LOG_ACTION, user=user, data=log_data(plan, removed_key))
        # Its search document names the item it belongs to.
        update_document(version.specific)

    for version, target in plan.redirected:
        redirect_to(version, target)
        EvaluationRecord.objects.filter(page=version).update(page=target)
        move_links(version, target)
        if version.live:
            version.unpublish(user=user)
        log(instance=version, action=MERGED_LOG_ACTION, user=user, data=log_data(plan, removed_key))

    responses = items_merged.send(
        sender=MethodBankPage, remaining=remaining, removed=removed, removed_key=removed_key, user=user
    )
    plan.others = [sentence for _receiver, sentence in responses if sentence]
    log(instance=remaining, action=RECEIVED_LOG_ACTION, user=user, data=log_data(plan, removed_key))
    sync_evaluation_state(remaining.translation_key)
    if plan.evaluations:
        # Only when records left: a state set by hand on the removed item stays in its unpublished pages.
        sync_evaluation_state(removed_key, records_removed=True)
    return plan


def redirect_to(version, target):
    """A permanent redirect from the version's address to ``target``; older redirects to it follow along."""
    Redirect.objects.filter(redirect_page=version).update(redirect_page=target)
    url_parts = version.get_url_parts()
    if url_parts is None:
        return  # not routable (outside any site): no address to keep
    site_id, _root_url, path = url_parts
    Redirect.objects.update_or_create(
        old_path=Redirect.normalise_path(path),
        site_id=site_id,
        defaults={"redirect_page": target, "redirect_link": "", "is_permanent": True},
    )


def move_links(version, target):
    # A link the remaining version already records is dropped: check_links keeps one row per page and address.
    known = PageLink.objects.filter(page=target).values("url")
    PageLink.objects.filter(page=version).exclude(url__in=known).update(page=target)
    PageLink.objects.filter(page=version).delete()


def log_data(plan, removed_key):
    return {
        "remaining": {"id": plan.remaining.pk, "title": plan.remaining.title},
        "removed": {"id": plan.removed.pk, "title": plan.removed.title, "translation_key": str(removed_key)},
        "redirected": [[version.pk, target.pk] for version, target in plan.redirected],
        "moved": [version.pk for version in plan.moved],
        "evaluations": plan.evaluations,
        "links": plan.links,
        "others": [str(sentence) for sentence in plan.others],
    }
