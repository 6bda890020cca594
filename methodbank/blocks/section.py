from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import RichTextBlock


def section_anchor(block, block_id=None):
    """The fragment a section is reachable at; the table of contents links to it."""
    base = slugify(block.name or str(block.meta.label)) or "section"
    return f"{base}-{block_id[:8]}" if block_id else base


class TitledSection:
    """Gives a block's template its heading (the label, in the visitor's language) and anchor."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading"] = self.meta.label
        context["anchor"] = section_anchor(self, (parent_context or {}).get("id"))
        return context


class SectionBlock(TitledSection, blocks.StructBlock):
    """A titled part of a model description, such as the goal or the resources.

    The heading is the block's label in the visitor's language, so every page
    reads the same way and the table of contents can list the sections. The
    subclasses only name the section; they share ``templates/blocks/section.html``.
    """

    text = RichTextBlock(label=_("Text"))

    class Meta:
        template = "blocks/section.html"
