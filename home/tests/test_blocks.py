"""Every block an editor can place on the home page has an icon, a template and a preview that renders."""

import pytest

from home.models import HomePage

BLOCKS = list(HomePage._meta.get_field("body").stream_block.child_blocks.items())


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "block"), BLOCKS, ids=[name for name, _block in BLOCKS])
def test_every_home_block_has_an_icon_a_template_and_a_preview(site, name, block):
    assert block.meta.icon and block.meta.icon != "placeholder"
    if name != "intro":
        assert block.meta.template.startswith("blocks/")
    html = block.render(block.get_preview_value())
    assert html.strip()
