import factory
import wagtail_factories

from home.blocks import HeroBlock, LinkListBlock
from home.models import ContentPage, HomePage


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
