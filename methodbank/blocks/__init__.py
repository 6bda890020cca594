from .contact import PersonContactBlock
from .deployment import DeploymentBlock
from .goal import GoalBlock
from .implementation import ImplementationBlock
from .link import LinksBlock
from .organisation_contact import OrganisationContactBlock
from .resources import ResourcesBlock
from .results import ResultsBlock
from .target_group import TargetGroupBlock

__all__ = [
    "DeploymentBlock",
    "GoalBlock",
    "ImplementationBlock",
    "LinksBlock",
    "OrganisationContactBlock",
    "PersonContactBlock",
    "ResourcesBlock",
    "ResultsBlock",
    "TargetGroupBlock",
]
