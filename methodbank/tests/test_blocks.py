import pytest
from django.utils import translation

from methodbank.models.method_bank_page import BODY_BLOCKS, CONTACT_BLOCKS

# Blocks with links and rich text ask core.LinkStatus whether an address is long gone: rendering reads the database.
pytestmark = pytest.mark.django_db
ALL_BLOCKS = BODY_BLOCKS + CONTACT_BLOCKS
SECTION_HEADINGS = {
    "goal": "Goal",
    "target_group": "Target group",
    "implementation": "Content and actions",
    "deployment": "Deployment",
    "resources": "Resources",
    "results": "Results and metrics",
    "links": "Links and attachments",
}


@pytest.mark.parametrize(("name", "block"), ALL_BLOCKS, ids=[name for name, _block in ALL_BLOCKS])
def test_every_block_has_an_icon_a_template_and_a_preview(name, block):
    block.set_name(name)
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.template.startswith("blocks/")
    html = block.render(block.get_preview_value())
    assert html.strip()


@pytest.mark.parametrize("name", SECTION_HEADINGS)
def test_sections_render_a_heading_and_an_anchor(name):
    block = dict(BODY_BLOCKS)[name]
    block.set_name(name)
    with translation.override("en"):
        html = block.render(block.get_preview_value(), context={"id": "0123456789abcdef"})
    assert f'<section class="stream-section" id="{name}-01234567"' in html
    assert f">{SECTION_HEADINGS[name]}</h2>" in html


def test_results_render_metrics_as_a_table():
    block = dict(BODY_BLOCKS)["results"]
    html = block.render(block.get_preview_value())
    assert '<th scope="row">Students who dropped out</th>' in html


def test_person_contact_links_email_and_phone():
    block = dict(CONTACT_BLOCKS)["person"]
    html = block.render(block.get_preview_value())
    assert 'href="mailto:maija.meikalainen@example.fi"' in html
    assert 'href="tel:+358401234567"' in html


def test_section_heading_follows_the_visitors_language():
    block = dict(BODY_BLOCKS)["goal"]
    block.set_name("goal")
    with translation.override("fi"):
        finnish = block.render(block.get_preview_value())
    with translation.override("sv"):
        swedish = block.render(block.get_preview_value())
    assert ">Tavoite</h2>" in finnish
    assert ">Mål</h2>" in swedish
