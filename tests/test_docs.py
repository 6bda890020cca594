"""The documents people read stay true: their links resolve, and every setting the code reads is documented and
deployed."""

import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_DIRECTORIES = {".git", ".venv", "node_modules", "var"}


def markdown_files():
    for directory, subdirectories, files in os.walk(ROOT):
        subdirectories[:] = sorted(name for name in subdirectories if name not in SKIPPED_DIRECTORIES)
        for name in sorted(files):
            if name.endswith(".md"):
                yield Path(directory) / name


def tokens(path):
    return MarkdownIt("commonmark").enable("table").parse(path.read_text(encoding="utf-8"))


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path):
    found, seen = set(), {}
    stream = tokens(path)
    for opening, inline in zip(stream, stream[1:], strict=False):
        if opening.type == "heading_open":
            base = slug("".join(child.content for child in inline.children))
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(path):
    for token in tokens(path):
        for child in token.children or ():
            if child.type == "link_open":
                yield child.attrs["href"]
            elif child.type == "image":
                yield child.attrs["src"]


DOCUMENTS = list(markdown_files())


def test_the_documents_are_found():
    names = {str(path.relative_to(ROOT)) for path in DOCUMENTS}
    assert {
        "README.md",
        "CONTRIBUTING.md",
        "docs/search.md",
        "docs/architecture.md",
        "docs/testing.md",
        "docker/README.md",
        "bench/README.md",
    } <= names


@pytest.mark.parametrize("path", DOCUMENTS, ids=[str(path.relative_to(ROOT)) for path in DOCUMENTS])
def test_every_relative_link_resolves(path):
    broken = []
    for href in links(path):
        if re.match(r"^[a-z][a-z0-9+.-]*:", href):  # http:, https:, mailto: leave the repository
            continue
        target, _hash, anchor = unquote(href).partition("#")
        file = (path.parent / target).resolve() if target else path
        if not file.exists():
            broken.append(f"{href}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            broken.append(f"{href}: no heading with that anchor in {file.relative_to(ROOT)}")
    assert broken == [], f"{path.relative_to(ROOT)} has broken links"


def settings_variables():
    """Every environment variable that portal/settings reads, bar the test settings' (pytest sets those)."""
    pattern = re.compile(r"""(?:environ\.get|env_list|env_bool)\(\s*["']([A-Z][A-Z0-9_]*)["']""")
    names = {"DATABASE_URL"}  # read by dj_database_url.config()
    for module in (ROOT / "portal" / "settings").glob("*.py"):
        if module.name == "test.py":
            continue
        names.update(pattern.findall(module.read_text(encoding="utf-8")))
    return names


def env_example_variables():
    """The variables .env.example names, set or commented out."""
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^(?:# )?([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE))


def test_settings_variables_are_found():
    assert {"SECRET_KEY", "SEARCH_URL", "PAGE_CACHE_SECONDS", "SECURE_HSTS_SECONDS"} <= settings_variables()


def test_every_settings_variable_is_in_env_example_and_operations_doc():
    operations = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    variables = settings_variables()
    assert sorted(variables - env_example_variables()) == [], "add these to .env.example"
    assert sorted(name for name in variables if f"`{name}`" not in operations) == [], "add these to docs/operations.md"


def test_compose_passes_every_variable_of_env_example():
    web = yaml.safe_load((ROOT / "docker" / "compose.yml").read_text(encoding="utf-8"))["services"]["web"]
    dockerfile = (ROOT / "docker" / "Dockerfile").read_text(encoding="utf-8")
    # POSTGRES_PASSWORD goes into DATABASE_URL; the image sets the paths; VAR_DIR serves deployments without Docker;
    # COMPOSE_PROFILES tells compose which engine to run.
    set_elsewhere = {"POSTGRES_PASSWORD", "MEDIA_ROOT", "STATIC_ROOT", "VAR_DIR", "COMPOSE_PROFILES"}
    assert "MEDIA_ROOT=" in dockerfile and "STATIC_ROOT=" in dockerfile
    assert sorted(env_example_variables() - set(web["environment"]) - set_elsewhere) == []
