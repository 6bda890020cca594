"""The demo's content as YAML files beside this module; demo.site and demo.method_bank turn it into pages."""

from pathlib import Path

import yaml

HERE = Path(__file__).parent


def load(name):
    """The parsed ``<name>.yaml``."""
    return yaml.safe_load((HERE / f"{name}.yaml").read_text(encoding="utf-8"))
