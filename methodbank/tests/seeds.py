"""Where the seed documents are: ../shared/seeds beside the repository, in CI as on a developer's machine."""

from pathlib import Path

from django.conf import settings

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
REPORT_FILE = "001_f7e6e7ab4c746c8c.txt"


def seed_path(name: str) -> Path:
    """A seed document; a missing seed fails the test, it never skips it."""
    path = SEEDS / name
    assert path.is_file(), f"seed document missing: {path}"
    return path
