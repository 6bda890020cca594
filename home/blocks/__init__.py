from .featured_items import FeaturedItemsBlock
from .hero import HeroBlock
from .link_list import LinkListBlock

__all__ = ["FeaturedItemsBlock", "HeroBlock", "LinkListBlock"]
