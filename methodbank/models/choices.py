"""Fixed vocabularies whose values are stored on pages and used as filter values."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemType(models.TextChoices):
    PROJECT = "project", _("Project")
    MODEL = "model", _("Model")
    PRACTICE = "practice", _("Good practice")


class Evaluation(models.TextChoices):
    """The report's two-phase evaluation: a peer review first, then an expert review."""

    NONE = "none", _("Not evaluated")
    PEER = "peer", _("Peer-reviewed")
    EXPERT = "expert", _("Expert-reviewed")


class Scope(models.TextChoices):
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")


class CoordinationPeriod(models.TextChoices):
    """The two coordination projects under which the report collected results."""

    ZOOMI_2015 = "2015-2019", _("2015–2019 national coordination")
    ZOOMI_2019 = "2019-2021", _("2019–2021 coordination")


class Source(models.TextChoices):
    """The documents the importers read; an item shows which one it comes from."""

    REPORT = "report", _("Zoomi report")
    PROJECT_PAGE = "project-page", _("the project's own web page")
