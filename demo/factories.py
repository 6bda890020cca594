"""Factories for the site's and the method bank's pages, blocks and vocabularies, used by the demo and the tests."""

import factory
import wagtail_factories
from wagtail.models import Locale
from wagtail.rich_text import RichText

from home.blocks import HeroBlock, LinkListBlock
from home.models import ContentPage, HomePage
from methodbank import blocks
from methodbank.models import (
    GoodPracticePage,
    Keyword,
    MethodBankIndexPage,
    ModelPage,
    Organisation,
    ProjectPage,
)


class HeroBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Find models that already work"
    text = "Models and good practices from vocational education projects."
    search_placeholder = "guidance"

    class Meta:
        model = HeroBlock


class LinkListBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Links"

    class Meta:
        model = LinkListBlock


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Menetelmäpankki"
    slug = "home"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Content page {n}")
    intro = "A short introduction."
    show_in_menus = True

    class Meta:
        model = ContentPage


def many_to_many(field_name):
    """Set a parental many-to-many field from the factory call, e.g. ``themes=[theme]``."""

    @factory.post_generation
    def set_related(page, create, extracted, **kwargs):
        if extracted:
            getattr(page, field_name).set(extracted)
            if create:
                page.save()

    return set_related


def rich_text(text):
    return RichText(f"<p>{text}</p>")


class SectionBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.LazyFunction(lambda: rich_text("Students meet a counsellor every month."))

    class Meta:
        model = blocks.GoalBlock


class PersonContactBlockFactory(wagtail_factories.StructBlockFactory):
    name = "Maija Meikäläinen"
    title = "Project manager"
    organisation = "Example vocational college"
    email = "maija@example.fi"
    phone = "+358 40 123 4567"

    class Meta:
        model = blocks.PersonContactBlock


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Vocational college {n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Organisation
        django_get_or_create = ("name", "locale")


class KeywordFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"keyword {n}")
    code = factory.Sequence(lambda n: f"keyword-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Keyword
        django_get_or_create = ("code", "locale")


class MethodBankIndexPageFactory(wagtail_factories.PageFactory):
    title = "Menetelmäpankki"
    slug = "menetelmapankki"
    intro = "Projects, models and good practices."

    class Meta:
        model = MethodBankIndexPage


class MethodBankPageFactory(wagtail_factories.PageFactory):
    summary = factory.Faker("sentence", nb_words=16)
    body = wagtail_factories.StreamFieldFactory({"goal": factory.SubFactory(SectionBlockFactory)})
    contacts = wagtail_factories.StreamFieldFactory({"person": factory.SubFactory(PersonContactBlockFactory)})
    themes = many_to_many("themes")
    target_groups = many_to_many("target_groups")
    regions = many_to_many("regions")
    keywords = many_to_many("keywords")

    class Meta:
        abstract = True
        skip_postgeneration_save = True


class ProjectPageFactory(MethodBankPageFactory):
    title = factory.Sequence(lambda n: f"Project {n}")
    funding_sources = many_to_many("funding_sources")

    class Meta:
        model = ProjectPage


class ModelPageFactory(MethodBankPageFactory):
    title = factory.Sequence(lambda n: f"Model {n}")
    projects = many_to_many("projects")

    class Meta:
        model = ModelPage


class GoodPracticePageFactory(MethodBankPageFactory):
    title = factory.Sequence(lambda n: f"Good practice {n}")

    class Meta:
        model = GoodPracticePage
