"""The two ways to load the demo: the site skeleton, and the method bank on top of it.

``load_demo`` runs both; tests and the benchmark call them directly. Both are safe to run again, and the
method bank gives the same pages whether an import of the report ran before it or runs after it.
"""

from django.db import transaction

from demo import method_bank, site
from demo.factories import GoodPracticePageFactory, ModelPageFactory, ProjectPageFactory
from methodbank.models import MethodBankIndexPage


@transaction.atomic
def load_site():
    """Build or refresh the site skeleton (fi, sv and en home and content pages); returns the Finnish home page."""
    locales = site.ensure_locales()
    home = site.ensure_home(locales)
    content_pages = site.ensure_content_pages(home, locales)
    changed = site.add_front_door(home, content_pages)
    site.set_footer(home, content_pages)
    site.translate_site(home, content_pages, locales, refresh_home=changed)
    return home


@transaction.atomic
def load_method_bank(home):
    """Build or refresh the demo method bank under ``home``; returns its Finnish index page.

    The vocabularies it tags pages with come from the data migrations."""
    index = method_bank.ensure_index(home)
    method_bank.translate(index, method_bank.INDEX)
    locale = index.locale
    projects = {
        spec["slug"]: method_bank.ensure_item(
            ProjectPageFactory, index, spec, method_bank.project_contents(spec, locale)
        )
        for spec in method_bank.PROJECTS
    }
    models = {
        spec["slug"]: method_bank.ensure_item(
            ModelPageFactory, index, spec, method_bank.model_contents(spec, locale, projects)
        )
        for spec in method_bank.MODELS
    }
    practices = [
        method_bank.ensure_item(
            GoodPracticePageFactory, index, spec, method_bank.practice_contents(spec, locale, projects, models)
        )
        for spec in method_bank.PRACTICES
    ]
    for page, spec in [
        *zip(projects.values(), method_bank.PROJECTS, strict=True),
        *zip(models.values(), method_bank.MODELS, strict=True),
        *zip(practices, method_bank.PRACTICES, strict=True),
    ]:
        method_bank.translate(page, spec)
    swedish_index = MethodBankIndexPage.objects.get(locale__language_code="sv")
    swedish = method_bank.SWEDISH_PROJECT
    method_bank.ensure_item(
        ProjectPageFactory, swedish_index, swedish, method_bank.project_contents(swedish, swedish_index.locale)
    )
    method_bank.ensure_evaluations(models)
    items = {**models, **{spec["slug"]: page for page, spec in zip(practices, method_bank.PRACTICES, strict=True)}}
    if site.feature_items(home, [items[slug] for slug in site.HOME["featured"]]):
        site.retranslate_home(home, site.ensure_locales())
    return index


def demo_page(model, finnish_slug, language):
    """The ``language`` version of the demo's page whose Finnish slug is ``finnish_slug``: each language has
    slugs of its own (``/sv/metodbanken/``), so tests name a page by its Finnish address."""
    finnish = model.objects.get(slug=finnish_slug, locale__language_code="fi")
    return model.objects.get(translation_key=finnish.translation_key, locale__language_code=language)
