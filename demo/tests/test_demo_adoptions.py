"""The demo's adoptions: approved, on real items, in several regions, once however often the demo loads."""

import html
import re

import pytest

from adoptions.models import Adoption
from demo.adoptions import ADOPTIONS, ensure_adoptions
from demo.content import demo_page
from methodbank.models import ModelPage

pytestmark = pytest.mark.django_db


def test_the_demo_adoptions_are_added_once_and_shown_on_the_items(client, method_bank):
    assert ensure_adoptions() == len(ADOPTIONS)
    assert ensure_adoptions() == 0

    adoptions = list(Adoption.objects.select_related("region"))
    assert len(adoptions) == len(ADOPTIONS) >= 5
    assert {adoption.state for adoption in adoptions} == {Adoption.State.APPROVED}
    assert len({adoption.region.code for adoption in adoptions}) >= 4
    assert {adoption.language for adoption in adoptions} == {"fi", "sv"}
    stopped = [adoption for adoption in adoptions if adoption.status == Adoption.Status.STOPPED]
    assert len(stopped) == 1
    assert stopped[0].stop_reason

    page = client.get(demo_page(ModelPage, "koulutukseen-tutustuminen", "en").url).content.decode()
    shown = html.unescape(" ".join(re.sub(r"<[^>]+>", " ", page).split()))
    assert "2 organisations use it." in shown
    assert '<blockquote lang="sv"><p>Vi översatte materialet till svenska' in page
