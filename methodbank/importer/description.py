"""An imported description split between the page's summary and its body, so that no text is shown twice.

The summary is the description's first sentence, or its first two when the first is short; the imported
block of the body holds the rest. When an editor has written a summary of their own, the block holds
the whole description, since the summary then says something else.
"""

import html
import re
from functools import lru_cache

import libvoikko
from django.utils.html import strip_tags
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from methodbank.models.method_bank_page import IMPORTED_BLOCK_ID

# A first sentence shorter than this takes the next one along into the summary.
SHORT_SENTENCE = 120
SUMMARY_MAX_LENGTH = 1000  # MethodBankPage.summary's limit


@lru_cache(maxsize=1)
def _voikko():
    # Voikko is already the search's Finnish analyser. Its sentence splitter knows abbreviations such as
    # "mm." and "esim." and ordinals such as "2. aste", which a full stop followed by a space does not.
    return libvoikko.Voikko("fi")


def sentences(paragraph):
    """The sentences of one paragraph, whitespace flattened; joined with spaces they give the paragraph back."""
    flat = " ".join(paragraph.split())
    found, current = [], ""
    for sentence in _voikko().sentences(flat):
        current += sentence.sentenceText
        if sentence.nextStartType in (libvoikko.Sentence.PROBABLE, libvoikko.Sentence.NONE):
            found.append(current.strip())
            current = ""
    if current.strip():
        found.append(current.strip())
    # A sentence starts with a capital: what follows an abbreviation Voikko does not know
    # (Swedish "t.ex. unga") continues the sentence before it.
    merged = []
    for sentence in found:
        if merged and sentence[0].islower():
            merged[-1] = f"{merged[-1]} {sentence}"
        else:
            merged.append(sentence)
    return merged


def paragraphs_of(text):
    return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]


def split_description(text):
    """(summary, rest): the opening sentence or two of the first paragraph, and every word after them."""
    paragraphs = paragraphs_of(text)
    if not paragraphs:
        return "", ""
    first = sentences(paragraphs[0])
    taken = 2 if len(first) > 1 and len(first[0]) < SHORT_SENTENCE else 1
    lead = " ".join(first[:taken])
    if len(lead) > SUMMARY_MAX_LENGTH:
        # No sentence end early enough: cut, and leave the whole description to the body.
        return lead[: SUMMARY_MAX_LENGTH - 1].rsplit(" ", 1)[0] + "…", "\n\n".join(paragraphs)
    rest_of_first = " ".join(first[taken:])
    return lead, "\n\n".join([rest_of_first, *paragraphs[1:]] if rest_of_first else paragraphs[1:])


def summary_is_imported(summary, title, descriptions):
    """Whether ``summary`` is what an import wrote rather than an editor's own words.

    An import writes the description's opening (earlier versions cut it at 400 characters and added "…"),
    or the title when there is no description; an editor's summary is none of these.
    """
    flat = " ".join(summary.split())
    if not flat or flat == " ".join(title.split()):
        return True
    opening = flat.removesuffix("…").rstrip()
    return any(" ".join(text.split()).startswith(opening) for text in descriptions if text)


def imported_text(page):
    """The text of the page's imported block, paragraphs separated by blank lines ("" when it has none)."""
    for child in page.body:
        if child.id == IMPORTED_BLOCK_ID:
            paragraphs = re.findall(r"<p[^>]*>(.*?)</p>", child.value.source, re.DOTALL)
            return "\n\n".join(html.unescape(strip_tags(paragraph)) for paragraph in paragraphs)
    return ""


def paragraphs_as_rich_text(text):
    return RichText("".join(f"<p>{html.escape(part)}</p>" for part in paragraphs_of(text)))


def imported_body(model, text):
    # A StreamValue keeps the block id that later imports look for; a plain list could not carry it.
    stream_block = model._meta.get_field("body").stream_block
    blocks = [("text", paragraphs_as_rich_text(text), IMPORTED_BLOCK_ID)] if text.strip() else []
    return StreamValue(stream_block, blocks)


def fit_imported_description(page):
    """Make the imported block hold what the summary does not already say; True when the body changed."""
    if not page.imported_description:
        return False  # nothing imported, or imported before the description was kept: leave the body alone
    lead, rest = split_description(page.imported_description)
    own_summary = " ".join(page.summary.split()) != lead
    text = page.imported_description if own_summary else rest
    position = next((index for index, child in enumerate(page.body) if child.id == IMPORTED_BLOCK_ID), None)
    if not text.strip():
        if position is None:
            return False
        del page.body[position]
        return True
    value = paragraphs_as_rich_text(text)
    if position is None:
        page.body.insert(0, ("text", value, IMPORTED_BLOCK_ID))
        return True
    if page.body[position].value.source == value.source:
        return False
    page.body[position] = ("text", value, IMPORTED_BLOCK_ID)
    return True
