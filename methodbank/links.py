"""The external addresses an item links to: its original entry, project website, link blocks and the
links inside its rich text, wherever they sit in the body or the contacts."""

from html.parser import HTMLParser

from core.link_checker import is_checkable


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def hrefs_in(html):
    parser = _Anchors()
    parser.feed(html)
    return parser.hrefs


def _walk(value, found):
    """Every web address in a StreamField's raw data: values that are addresses, and links in rich text."""
    if isinstance(value, dict):
        for item in value.values():
            _walk(item, found)
    elif isinstance(value, list):
        for item in value:
            _walk(item, found)
    elif isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith(("http://", "https://")) and not any(char.isspace() for char in stripped):
            found.append(stripped)
        elif "<a " in value:
            found.extend(href.strip() for href in hrefs_in(value) if href.strip().startswith(("http:", "https:")))


def external_links(page):
    """The item's external addresses in order, each once; ``(checkable, invalid)``: malformed ones apart."""
    found = []
    for field in ("original_url", "website"):
        address = getattr(page, field, "")
        if address:
            found.append(address)
    for field in ("body", "contacts"):
        _walk(list(getattr(page, field).raw_data), found)
    unique = list(dict.fromkeys(found))
    return [url for url in unique if is_checkable(url)], [url for url in unique if not is_checkable(url)]
