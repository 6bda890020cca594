"""The outlines of Finland's 19 regions, for the map on an item's page.

Built once by ``scripts/region_map.py`` from Natural Earth's admin-1 boundaries (public domain) and kept
in ``adoptions/data/finland_regions.json``; read once per process.
"""

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "finland_regions.json"
LEVELS = 4


@cache
def outlines():
    return json.loads(DATA.read_text())


def shade(count, most):
    """0 for none, else 1…LEVELS, in proportion to the region with the most."""
    if not count or not most:
        return 0
    return max(1, -(-count * LEVELS // most))
