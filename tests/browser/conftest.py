"""Browser tests: Playwright drives Debian's Chromium against a live server holding the demo content.

They run on their own, as `pytest -m browser` (`make test` does so after the other tests): the demo is
loaded once and committed to a database file of their own, which the server's threads share, and the
tests build on it (an editor's new page stays for the next test). Everything runs in this process,
so the tests can also look at the database.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import build_demo

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "browser-test password 4 the portal"  # noqa: S105 - test users in a throwaway database
HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, tmp_path_factory):
    """A test database of the browser tests' own, in a file so that each server thread has its own connection.

    pytest-django would set up databases only for tests marked django_db, whose transactions would hide
    the demo from the server's threads or flush it after each test.
    """
    from django.conf import settings
    from django.test.utils import setup_databases, teardown_databases

    others = [item.nodeid for item in request.session.items if item.get_closest_marker("browser") is None]
    if others:
        raise pytest.UsageError(f"run the browser tests on their own (pytest -m browser), not with {others[0]}")
    database = settings.DATABASES["default"]
    own_database = database["NAME"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("browser") / "db.sqlite3")
        # A throwaway file: no need to wait for the disk (migrating and loading the demo take half the time).
        database.setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous=OFF;"
    with django_db_blocker.unblock():
        databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    # The tests commit what they write: never to the developer's own database.
    assert database["NAME"] != own_database
    yield
    with django_db_blocker.unblock():
        teardown_databases(databases, verbosity=0)


@dataclass
class Portal:
    url: str
    index: object  # the Finnish method bank index page


@pytest.fixture(scope="session")
def portal(request, django_db_setup, django_db_blocker):
    """The demo site and its users, committed, and a live server answering on localhost."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        from accounts.roles import MODERATORS, TRANSLATORS

        index = build_demo()
        make_user("moderator", MODERATORS)
        make_user("translator", TRANSLATORS)
        server = LiveServer("localhost")
        try:
            yield Portal(url=server.url, index=index)
        finally:
            server.stop()


def make_user(username, group):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_user(
        username, f"{username}@example.fi", PASSWORD, first_name=username.title(), last_name="Tester"
    )
    user.groups.add(Group.objects.get(name=group))
    # The tests read the admin in English.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture(scope="session")
def browser():
    # A missing browser fails the run (it never skips): make test installs Debian's chromium.
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: install Debian's chromium (make test does)"
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in the test thread, where Django's ORM would refuse to run.
    # Set only while the browser runs, so that nothing else (such as `check --deploy`) sees it.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # Playwright starts it with a fresh temporary profile each time.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def new_page(browser, portal, width=1280, height=900):
    context = browser.new_context(base_url=portal.url, viewport={"width": width, "height": height})
    context.set_default_timeout(15_000)
    return context.new_page()


@pytest.fixture
def page(browser, portal):
    """A desktop-sized tab with its own cookies."""
    tab = new_page(browser, portal)
    yield tab
    tab.context.close()


@pytest.fixture
def phone(browser, portal):
    """A phone-sized tab (360 × 740) with its own cookies."""
    tab = new_page(browser, portal, width=360, height=740)
    yield tab
    tab.context.close()


def sign_in(page, username):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
