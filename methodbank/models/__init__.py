from .choices import CoordinationPeriod, Evaluation, ItemType, Scope, Source
from .evaluation import EvaluationRecord, Evaluator
from .funding_source import FundingSource
from .good_practice_page import GoodPracticePage
from .keyword import Keyword
from .method_bank_index_page import MethodBankIndexPage
from .method_bank_page import MethodBankPage
from .model_page import ModelPage
from .organisation import Organisation
from .project_page import ProjectPage
from .region import Region
from .stewardship import ItemReview, PageLink, ReviewReminder
from .target_group import TargetGroup
from .term_suggestion import TermSuggestion
from .theme import Theme

__all__ = [
    "CoordinationPeriod",
    "Evaluation",
    "EvaluationRecord",
    "Evaluator",
    "FundingSource",
    "GoodPracticePage",
    "ItemReview",
    "ItemType",
    "Keyword",
    "MethodBankIndexPage",
    "MethodBankPage",
    "ModelPage",
    "Organisation",
    "PageLink",
    "ProjectPage",
    "Region",
    "ReviewReminder",
    "Scope",
    "Source",
    "TargetGroup",
    "TermSuggestion",
    "Theme",
]
