"""Calendar helpers for month-precision dates ("12/2020" in the report, "10/2018-08/2020" on pages)."""

from datetime import date, timedelta


def month_end(year: int, month: int) -> date:
    """Last day of the month."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)
