from .contact import PersonContactBlock
from .deployment import DeploymentBlock
from .goal import GoalBlock
from .image import ImageBlock
from .implementation import ImplementationBlock
from .link import LinksBlock
from .organisation_contact import OrganisationContactBlock
from .quote import QuoteBlock
from .resources import ResourcesBlock
from .results import ResultsBlock
from .rich_text import RichTextBlock
from .target_group import TargetGroupBlock
from .video import VideoBlock

__all__ = [
    "DeploymentBlock",
    "GoalBlock",
    "ImageBlock",
    "ImplementationBlock",
    "LinksBlock",
    "OrganisationContactBlock",
    "PersonContactBlock",
    "QuoteBlock",
    "ResourcesBlock",
    "ResultsBlock",
    "RichTextBlock",
    "TargetGroupBlock",
    "VideoBlock",
]
