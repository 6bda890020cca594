"""check_links against a local server: results per address, the broken-links report, and the mark on
public pages for a link gone over 30 days."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from accounts.tests.fixtures import homes, index, login, make_model, make_user, users
from core.models import LinkStatus
from core.tests.link_server import start, stop
from demo.factories import rich_text
from methodbank.models import ModelPage, PageLink

__all__ = ["homes", "index", "login", "users"]
pytestmark = pytest.mark.django_db
QUICK = ["--timeout", "1", "--retries", "1", "--retry-delay", "0.05", "--host-interval", "0"]


@pytest.fixture
def server():
    server = start()
    yield server
    stop(server)


@pytest.fixture
def linked(index, users, server):
    """A model linking to the server in every way an item can: original entry, link block, rich text."""
    steward = make_user("stewardess")
    page = make_model(index, owner=users["moderator"], title="Linkkimalli")
    page = ModelPage.objects.get(pk=page.pk)
    page.original_url = server.url("/removed")
    page.steward = steward
    page.body = [
        ("links", {"links": [("link", {"url": server.url("/missing"), "title": "Workbook"})]}),
        (
            "text",
            rich_text(
                f'<p>See <a href="{server.url("/moved")}">this</a>, <a href="{server.url("/ok")}">that</a> and '
                f'<a href="{server.url("/removed")}">the old page</a>.</p>'
            ),
        ),
        ("text", rich_text('<p>A <a href="http://exa mple.fi/">broken address</a>.</p>')),
    ]
    page.save_revision().publish()
    return ModelPage.objects.get(pk=page.pk)


def status_of(url):
    return LinkStatus.objects.get(url=url).status


def test_every_external_link_is_checked_and_stored(linked, server):
    output = StringIO()
    call_command("check_links", *QUICK, stdout=output)
    assert set(PageLink.objects.filter(page=linked).values_list("url", flat=True)) == {
        server.url(path) for path in ("/removed", "/missing", "/moved", "/ok")
    }
    assert status_of(server.url("/removed")) == "gone"
    assert status_of(server.url("/missing")) == "gone"
    assert status_of(server.url("/moved")) == "redirected"
    assert status_of(server.url("/ok")) == "ok"
    assert "Not a web address, not checked: “http://exa mple.fi/” on “Linkkimalli”" in output.getvalue()

    requests = len(server.requests)
    call_command("check_links", *QUICK, stdout=(again := StringIO()))
    assert len(server.requests) == requests  # idempotent: nothing is due again so soon
    assert "Nothing was due." in again.getvalue()


def test_an_invalid_address_given_by_hand_is_refused_and_nothing_is_stored(server):
    with pytest.raises(CommandError, match="Not a web address"):
        call_command("check_links", "--url", "htp:/nowhere", "--url", server.url("/ok"), stdout=StringIO())
    assert not LinkStatus.objects.exists()
    assert server.requests == []


def test_a_link_gone_over_30_days_is_marked_with_its_archived_copy(client, linked, server):
    call_command("check_links", *QUICK, stdout=StringIO())
    with translation.override("fi"):
        notice = translation.gettext("this link no longer works")
    assert notice not in client.get(linked.url).content.decode()  # gone a day is no reason to mark it

    LinkStatus.objects.filter(status="gone").update(status_since=timezone.now() - datetime.timedelta(days=31))
    LinkStatus.objects.filter(url=server.url("/missing")).update(archived_url="https://web.archive.org/web/2020/x")
    html = client.get(linked.url).content.decode()
    assert html.count(notice) == 3  # the original entry, the link block and the link in the rich text
    assert 'href="https://web.archive.org/web/2020/x"' in html
    assert f'<a href="{server.url("/removed")}">the old page</a> <span class="link-gone">' in html


def test_the_report_lists_broken_links_by_item_and_steward(login, users, linked, server):
    call_command("check_links", *QUICK, stdout=StringIO())
    html = login(users["moderator"]).get(reverse("methodbank_reviews:broken_links")).content.decode()
    assert "Linkkimalli" in html
    assert "stewardess@example.fi" in html
    assert server.url("/missing") in html
    assert server.url("/removed") in html
    assert server.url("/ok") not in html
    assert server.url("/moved") not in html


def test_a_moderator_records_an_archived_copy_and_nobody_adds_a_check_by_hand(login, users, linked, server):
    call_command("check_links", *QUICK, stdout=StringIO())
    client = login(users["admin"])
    gone = LinkStatus.objects.get(url=server.url("/missing"))
    report = client.get(reverse("methodbank_reviews:broken_links")).content.decode()
    assert reverse("link_checks:edit", args=[gone.pk]) in report

    response = client.post(
        reverse("link_checks:edit", args=[gone.pk]), {"archived_url": "https://web.archive.org/web/2020/workbook"}
    )
    assert response.status_code == 302
    gone.refresh_from_db()
    assert (gone.archived_url, gone.status) == ("https://web.archive.org/web/2020/workbook", "gone")

    response = client.post(reverse("link_checks:edit", args=[gone.pk]), {"archived_url": "not an address"})
    assert response.status_code == 200
    gone.refresh_from_db()
    assert gone.archived_url == "https://web.archive.org/web/2020/workbook"

    count = LinkStatus.objects.count()
    assert client.post(reverse("link_checks:add"), {"archived_url": "https://example.fi/"}).status_code in (302, 403)
    assert LinkStatus.objects.count() == count
