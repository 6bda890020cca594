"""Translations get slugs from their own titles (/sv/metodbanken/, /en/accessibility-statement/).

Until now slugs were synchronised, so every translation carried its source's slug
(/sv/menetelmapankki/stora-komet/). Each translation that still does gets a slug from its translated
title, unique among its siblings, and every address that changes, its descendants' included, answers
with a permanent redirect to the new one on each site, so nothing bookmarked breaks. The page types and
the slug rule are frozen copies of those in home/models, methodbank/models and core/localization.py.
"""

import time

from django.core.cache import cache
from django.db import migrations
from django.utils.text import slugify

TRANSLATED_SLUG_TYPES = [
    ("home", "contentpage"),
    ("methodbank", "methodbankindexpage"),
    ("methodbank", "projectpage"),
    ("methodbank", "modelpage"),
    ("methodbank", "goodpracticepage"),
]
SLUG_MAX_LENGTH = 70
STEP_LENGTH = 4  # treebeard's path step: a page's parent has the path without its last step
PAGE_CACHE_GENERATION_KEY = "page-cache:generation"


def slug_from_title(title):
    slug = slugify(title)
    if len(slug) > SLUG_MAX_LENGTH:
        cut = slug[: SLUG_MAX_LENGTH + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:SLUG_MAX_LENGTH]
    return slug


def free_slug(Page, page, requested):
    siblings = Page.objects.filter(path__startswith=page.path[:-STEP_LENGTH], depth=page.depth).exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=requested).values_list("slug", flat=True))
    slug, number = requested, 1
    while slug in taken:
        slug, number = f"{requested}-{number}", number + 1
    return slug


def site_prefixes(apps):
    """``[(site, url_path of the root in a language, "/<language>/")]``: how a url_path becomes an address."""
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    prefixes = []
    for site in Site.objects.select_related("root_page"):
        roots = Page.objects.filter(translation_key=site.root_page.translation_key).select_related("locale")
        prefixes.extend((site, root.url_path, f"/{root.locale.language_code}/") for root in roots)
    return prefixes


def old_addresses(prefixes, url_path):
    for site, root_path, prefix in prefixes:
        if url_path.startswith(root_path) and url_path != root_path:
            yield site, (prefix + url_path[len(root_path) :]).rstrip("/")


def give_translations_slugs_of_their_own(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    Translation = apps.get_model("wagtail_localize", "Translation")

    content_types = [
        content_type.pk
        for content_type in ContentType.objects.all()
        if (content_type.app_label, content_type.model) in TRANSLATED_SLUG_TYPES
    ]
    translated = set(Translation.objects.values_list("source__object_id", "target_locale_id"))
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    prefixes = site_prefixes(apps)
    changed = False
    # Parents first, so that a page's url_path already has its parent's new slug.
    for page_id in Page.objects.filter(content_type__in=content_types).order_by("depth").values_list("pk", flat=True):
        page = Page.objects.get(pk=page_id)
        if (page.translation_key, page.locale_id) not in translated:
            continue  # an original, or a page copied some other way
        source_slugs = set(
            Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk).values_list("slug", flat=True)
        )
        requested = slug_from_title(page.title)
        if page.slug not in source_slugs or not requested or requested == page.slug:
            continue
        slug = free_slug(Page, page, requested)
        old_url_path = page.url_path
        new_url_path = old_url_path[: -len(page.slug) - 1] + slug + "/"
        moved = [page, *Page.objects.filter(path__startswith=page.path, depth__gt=page.depth)]
        for moved_page in moved:
            new_path = new_url_path + moved_page.url_path[len(old_url_path) :]
            for site, old_path in old_addresses(prefixes, moved_page.url_path):
                if moved_page.live:
                    Redirect.objects.get_or_create(
                        old_path=old_path,
                        site=site,
                        defaults={"redirect_page": moved_page, "is_permanent": True, "automatically_created": True},
                    )
            Page.objects.filter(pk=moved_page.pk).update(url_path=new_path)
        Page.objects.filter(pk=page.pk).update(slug=slug)
        # Publishing a revision takes its slug: the revisions must not bring the old address back.
        if page_type is not None:
            for revision in Revision.objects.filter(base_content_type=page_type, object_id=str(page.pk)):
                if revision.content.get("slug") == page.slug:
                    revision.content["slug"] = slug
                    revision.save(update_fields=["content"])
        changed = True
    if changed:
        # The page cache (core/page_cache.py) may hold pages under the old addresses: start a new generation.
        cache.set(PAGE_CACHE_GENERATION_KEY, time.time_ns(), timeout=None)


class Migration(migrations.Migration):
    dependencies = [
        ("methodbank", "0011_honest_imports"),
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(give_translations_slugs_of_their_own, migrations.RunPython.noop)]
