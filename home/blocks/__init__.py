from .bank_figures import BankFiguresBlock
from .bank_themes import BankThemesBlock
from .contribute import ContributeBlock
from .featured_items import FeaturedItemsBlock
from .hero import HeroBlock
from .link_list import LinkListBlock
from .newest_items import NewestItemsBlock
from .recently_evaluated import RecentlyEvaluatedBlock

__all__ = [
    "BankFiguresBlock",
    "BankThemesBlock",
    "ContributeBlock",
    "FeaturedItemsBlock",
    "HeroBlock",
    "LinkListBlock",
    "NewestItemsBlock",
    "RecentlyEvaluatedBlock",
]
