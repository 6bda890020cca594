from pathlib import Path

import pytest

from methodbank.importer.report_parser import parse_report

from .seeds import REPORT_FILE, seed_path


@pytest.fixture(scope="session")
def report_path() -> Path:
    return seed_path(REPORT_FILE)


@pytest.fixture(scope="session")
def report_bytes(report_path) -> bytes:
    return report_path.read_bytes()


@pytest.fixture(scope="session")
def report(report_path):
    return parse_report(report_path)
