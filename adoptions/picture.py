"""The coordinators' picture of the whole bank: approved adoptions per quarter of their start, and the items
most organisations use. Four queries (the counts, the active locale and the titles), however many adoptions
there are: the database counts.

The bar chart is drawn here as numbers for an SVG in the template (``Bar``), so the admin page needs no
chart library; the template's table gives the same numbers to those who cannot see the chart.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils.translation import gettext

from .models import Adoption
from .records import item_titles

TOP_ITEMS = 10
# The chart's drawing units: the SVG scales to the page's width.
SLOT = 40
BAR = 28
PLOT_HEIGHT = 160
TOP_MARGIN = 20
LEFT_MARGIN = 36
BOTTOM_MARGIN = 36


@dataclass
class Bar:
    year: int
    quarter: int
    count: int
    x: float = 0
    y: float = 0
    height: float = 0

    @property
    def label(self):
        return gettext("Q%(quarter)s %(year)s") % {"quarter": self.quarter, "year": self.year}

    @property
    def first_of_year(self):
        return self.quarter == 1

    @property
    def centre(self):
        return self.x + BAR / 2


@dataclass
class ItemRow:
    title: str
    organisations: int
    stopped: int


@dataclass
class Picture:
    bars: list
    items: list
    highest: int = 0
    width: int = 0
    height: int = PLOT_HEIGHT + TOP_MARGIN + BOTTOM_MARGIN
    axis_y: int = PLOT_HEIGHT + TOP_MARGIN
    left: int = LEFT_MARGIN
    top: int = TOP_MARGIN

    @property
    def total(self):
        return sum(bar.count for bar in self.bars)


def quarters(approved):
    """A bar for every quarter from the first start to the last, the empty ones too."""
    counts = {
        (row["year"], row["quarter"]): row["count"]
        for row in approved.annotate(year=ExtractYear("started_on"), quarter=ExtractQuarter("started_on"))
        .values("year", "quarter")
        .annotate(count=Count("pk"))
        .order_by()
    }
    if not counts:
        return []
    (year, quarter), last = min(counts), max(counts)
    bars = []
    while (year, quarter) <= last:
        bars.append(Bar(year, quarter, counts.get((year, quarter), 0)))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return bars


def most_used(approved):
    """The items most organisations use now (those that stopped are counted apart), titled in the active language."""
    stopped = Adoption.stopped_filter()
    rows = list(
        approved.values("translation_key")
        .annotate(
            organisations=Count("organisation", filter=~stopped, distinct=True), stopped=Count("pk", filter=stopped)
        )
        .filter(organisations__gt=0)
        .order_by("-organisations", "stopped", "translation_key")[:TOP_ITEMS]
    )
    titles = item_titles({row["translation_key"] for row in rows})
    return [
        ItemRow(titles.get(row["translation_key"], str(row["translation_key"])), row["organisations"], row["stopped"])
        for row in rows
    ]


def build():
    approved = Adoption.objects.filter(state=Adoption.State.APPROVED)
    picture = Picture(quarters(approved), most_used(approved))
    picture.highest = max((bar.count for bar in picture.bars), default=0)
    picture.width = LEFT_MARGIN + SLOT * max(len(picture.bars), 1)
    for number, bar in enumerate(picture.bars):
        bar.height = round(PLOT_HEIGHT * bar.count / picture.highest, 1) if picture.highest else 0
        bar.x = LEFT_MARGIN + SLOT * number + (SLOT - BAR) / 2
        bar.y = TOP_MARGIN + PLOT_HEIGHT - bar.height
    return picture
