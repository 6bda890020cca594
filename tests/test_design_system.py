"""The shared look: page frame, landmarks, SEO metadata, self-hosted styles, colour contrast and the includes."""

import colorsys
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django import forms
from django.core.paginator import Paginator
from django.template.loader import get_template, render_to_string
from django.test import RequestFactory
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
STYLESHEET = ROOT / "static" / "dist" / "portal.css"


class Elements(HTMLParser):
    """Every start tag in document order as (tag, attributes), plus the text of each element by tag."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.text = []
        self._open = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._open.append((tag, len(self.text)))
        self.text.append([tag, dict(attrs), ""])

    def handle_endtag(self, tag):
        while self._open:
            name, _ = self._open.pop()
            if name == tag:
                break

    def handle_data(self, data):
        for _name, index in self._open:
            self.text[index][2] += data

    def find(self, tag, **attrs):
        return [
            (found_attrs, " ".join(text.split()))
            for name, found_attrs, text in self.text
            if name == tag and all(found_attrs.get(key.rstrip("_")) == value for key, value in attrs.items())
        ]


@pytest.fixture(autouse=True)
def english():
    """Includes render in English unless a test asks otherwise; requests pick their own language."""
    with translation.override("en"):
        yield


def json_ld(html):
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


# (path, status): every kind of page, the not-found page too.
PAGES = [
    ("/fi/", 200),
    ("/sv/om-tjansten/", 200),
    ("/en/accessibility-statement/", 200),
    ("/en/search/?q=model", 200),
    ("/sv/finns-inte/", 404),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "status"), PAGES)
def test_every_page_has_skip_link_landmarks_and_one_main_heading(client, site, path, status):
    page = Elements(get(client, path, status))
    body_tags = page.tags[[t for t, _ in page.tags].index("body") :]
    first_link = next(attrs for tag, attrs in body_tags if tag == "a")
    assert first_link == {"class": "skip-link", "href": "#main"}
    assert [attrs.get("id") for tag, attrs in page.tags if tag == "main"] == ["main"]
    assert [tag for tag, _ in page.tags].count("header") >= 1
    assert [tag for tag, _ in page.tags].count("footer") == 1
    navs = [attrs for tag, attrs in page.tags if tag == "nav"]
    assert {"site-nav", "language-switcher"} <= {attrs.get("class") for attrs in navs}
    assert len(navs) >= 3
    assert all(attrs.get("aria-label") for attrs in navs)
    assert len(page.find("h1")) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "about", "statement"),
    [
        ("fi", ("/fi/tietoa/", "Tietoa palvelusta"), ("/fi/saavutettavuusseloste/", "Saavutettavuusseloste")),
        ("sv", ("/sv/om-tjansten/", "Om tjänsten"), ("/sv/tillganglighetsutlatande/", "Tillgänglighetsutlåtande")),
        (
            "en",
            ("/en/about-the-service/", "About the service"),
            ("/en/accessibility-statement/", "Accessibility statement"),
        ),
    ],
)
def test_footer_links_to_about_and_accessibility_statement(client, site, language, about, statement):
    html = get(client, f"/{language}/")
    footer = html[html.index('<footer class="site-footer">') :]
    links = Elements(footer).find("a")
    for href, text in (about, statement):
        assert ({"href": href}, text) in links


@pytest.mark.django_db
def test_current_page_is_marked_in_the_main_navigation(client, site):
    page = Elements(get(client, "/en/about-the-service/"))
    current = [attrs["href"] for tag, attrs in page.tags if tag == "a" and attrs.get("aria-current") == "page"]
    assert current == ["/en/about-the-service/"]


@pytest.mark.django_db
def test_pages_carry_title_description_and_open_graph(client, site):
    page = Elements(get(client, "/sv/om-tjansten/"))
    assert page.find("title")[0][1] == "Om tjänsten | Metodbanken"
    metas = {
        attrs.get("property") or attrs.get("name"): attrs.get("content") for tag, attrs in page.tags if tag == "meta"
    }
    assert metas["description"]
    assert metas["og:title"] == "Om tjänsten"
    assert metas["og:site_name"] == "Metodbanken"
    assert metas["og:url"] == "http://testserver/sv/om-tjansten/"
    assert metas["og:locale"] == "sv_FI"
    assert metas["og:type"] == "website"
    canonical = [attrs["href"] for tag, attrs in page.tags if tag == "link" and attrs.get("rel") == "canonical"]
    assert canonical == ["http://testserver/sv/om-tjansten/"]


@pytest.mark.django_db
def test_not_found_page_is_not_indexed_and_offers_search(client, site):
    response = client.get("/en/no-such-page/")
    page = Elements(response.content.decode())
    assert response.status_code == 404
    assert page.find("title")[0][1] == "Page not found | Method bank"
    assert ({"name": "robots", "content": "noindex"}) in [attrs for tag, attrs in page.tags if tag == "meta"]
    search_form = [attrs for tag, attrs in page.tags if tag == "form"]
    assert search_form[0]["action"] == "/en/search/"


@pytest.mark.django_db
def test_home_page_describes_the_site_with_a_search_action(client, site):
    (website,) = json_ld(get(client, "/sv/"))
    assert website["@type"] == "WebSite"
    assert website["name"] == "Metodbanken"
    assert website["url"] == "http://testserver/sv/"
    assert website["potentialAction"]["target"]["urlTemplate"] == "http://testserver/sv/sok/?q={search_term_string}"


@pytest.mark.django_db
def test_breadcrumb_structured_data_matches_the_visible_trail(client, site):
    html = get(client, "/en/about-the-service/")
    (breadcrumbs,) = json_ld(html)
    assert breadcrumbs["@type"] == "BreadcrumbList"
    assert [(item["position"], item["name"], item["item"]) for item in breadcrumbs["itemListElement"]] == [
        (1, "Home", "http://testserver/en/"),
        (2, "About the service", "http://testserver/en/about-the-service/"),
    ]
    trail = html[html.index('<nav class="breadcrumbs"') :]
    trail = trail[: trail.index("</nav>")]
    assert [text for _, text in Elements(trail).find("li")] == ["Home", "About the service"]


@pytest.mark.django_db
def test_titles_with_quotes_stay_valid_structured_data(client, site):
    from demo.factories import ContentPageFactory

    page = ContentPageFactory(parent=site, title='The "first" </script> step', slug="first-step")
    (breadcrumbs,) = json_ld(get(client, page.url))
    assert breadcrumbs["itemListElement"][-1]["name"] == 'The "first" </script> step'


def test_robots_txt_keeps_crawlers_out_of_admin_and_search_results(client, db):
    text = client.get("/robots.txt").content.decode()
    lines = set(text.splitlines())
    assert {"Disallow: /admin/", "Disallow: /fi/haku/", "Disallow: /sv/sok/", "Disallow: /en/search/"} <= lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


# ---- Static files: built from the pinned packages and served by the portal itself ----


def test_stylesheet_and_fonts_are_built_and_self_hosted():
    css = STYLESHEET.read_text()
    font_urls = re.findall(r"url\(([^)]+)\)", css)
    assert len(font_urls) == 4
    for url in font_urls:
        assert not url.startswith(("http:", "https:", "//"))
        assert (STYLESHEET.parent / url).is_file(), url
    assert "font-family: 'Source Sans 3'" in css
    assert "--fi-color-brand-base:" in css


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "status"), PAGES)
def test_pages_load_nothing_from_other_hosts(client, site, path, status):
    page = Elements(get(client, path, status))
    external = [
        attrs
        for tag, attrs in page.tags
        if (tag == "link" and attrs.get("rel") == "stylesheet" and not attrs["href"].startswith("/static/"))
        or (tag in ("script", "img", "iframe") and attrs.get("src", "/").startswith(("http", "//")))
    ]
    assert external == []
    assert ("link", {"rel": "stylesheet", "href": "/static/dist/portal.css"}) in page.tags


def test_server_error_page_stands_alone_with_the_stylesheet():
    html = get_template("500.html").render({})
    page = Elements(html)
    assert ("link", {"rel": "stylesheet", "href": "/static/dist/portal.css"}) in page.tags
    assert page.find("h1")[0][1] == "Palvelussa on tilapäinen häiriö"
    assert {attrs.get("lang") for tag, attrs in page.tags if tag == "h2"} == {"sv", "en"}


# ---- Colour contrast of the colour pairs the stylesheet uses for text ----


def custom_properties(css):
    """The screen colours: print.css, built last, swaps them for black on white."""
    screen = css[: css.index("/* ---- static/src/print.css ---- */")]
    root = "".join(re.findall(r":root\s*\{([^}]*)\}", screen))
    return dict(re.findall(r"(--[\w-]+):\s*([^;]+);", root))


def resolve(value, properties):
    while value.startswith("var("):
        value = properties[value[4:-1].strip()]
    return value


def luminance(colour):
    h, s, lightness = (float(part.strip().rstrip("%")) for part in colour[4:-1].split(","))
    channels = colorsys.hls_to_rgb(h / 360, lightness / 100, s / 100)
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


TEXT_PAIRS = [
    ("--colour-text", "--colour-background"),
    ("--colour-text", "--colour-surface"),
    ("--colour-muted", "--colour-background"),
    ("--colour-muted", "--colour-surface"),
    ("--colour-link", "--colour-background"),
    ("--colour-link", "--colour-surface"),
    ("--colour-link", "--colour-surface-blue"),
    ("--colour-brand", "--colour-surface-blue"),
    ("--colour-on-dark", "--colour-brand"),
    ("--colour-on-dark", "--colour-button"),
    ("--colour-on-dark", "--colour-button-hover"),
    ("--colour-error", "--colour-background"),
    ("--colour-text", "--colour-error-surface"),
    ("--colour-text", "--colour-warning-surface"),
    ("--colour-text", "--colour-info-surface"),
    ("--colour-text", "--colour-success-surface"),
    ("--colour-text", "--colour-badge-none"),
    ("--colour-brand", "--colour-badge-peer"),
    ("--colour-text", "--colour-badge-expert"),
]


@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS)
def test_text_colours_meet_wcag_aa_contrast(text, background):
    properties = custom_properties(STYLESHEET.read_text())
    ratio = contrast(resolve(properties[text], properties), resolve(properties[background], properties))
    assert ratio >= 4.5, f"{text} on {background}: {ratio:.2f}:1"


def test_focus_outline_stands_out_from_the_page():
    properties = custom_properties(STYLESHEET.read_text())
    focus = resolve(properties["--colour-focus"], properties)
    for background in ("--colour-background", "--colour-surface", "--colour-surface-blue"):
        assert contrast(focus, resolve(properties[background], properties)) >= 3


# ---- The includes teammates build pages with ----


THEMES = {
    "name": "theme",
    "legend": "Theme",
    "options": [
        {"value": "guidance", "label": "Guidance", "count": 14, "selected": True},
        {
            "value": "transitions",
            "label": "Transitions",
            "count": 9,
            "selected": False,
            "children": [{"value": "work", "label": "To work", "count": 0, "selected": False}],
        },
        {"value": 7, "label": "No count", "count": None, "selected": False},
    ],
}


def test_facet_fieldset_has_legend_checkboxes_and_counts_in_labels():
    page = Elements(render_to_string("includes/facet_fieldset.html", {"facet": THEMES}))
    assert page.find("legend")[0][1] == "Theme"
    checkboxes = [attrs for tag, attrs in page.tags if tag == "input"]
    assert [(box["name"], box["value"], "checked" in box) for box in checkboxes] == [
        ("theme", "guidance", True),
        ("theme", "transitions", False),
        ("theme", "work", False),
        ("theme", "7", False),
    ]
    labels = {attrs["for"]: text for attrs, text in page.find("label")}
    assert [labels[box["id"]] for box in checkboxes] == ["Guidance (14)", "Transitions (9)", "To work (0)", "No count"]
    assert len({box["id"] for box in checkboxes}) == 4
    nested = [attrs for tag, attrs in page.tags if tag == "ul"]
    assert len(nested) == 2


def test_facet_panel_keeps_the_query_and_folds_on_phones():
    html = render_to_string(
        "includes/facet_panel.html",
        {"facets": [THEMES], "keep": [("q", "mentor"), ("sort", "")], "clear_url": "?q=mentor"},
    )
    page = Elements(html)
    assert [attrs for tag, attrs in page.tags if tag == "details"] == [{"class": "facet-panel"}]
    # No action: it submits to the page it is on (an empty action is invalid HTML).
    assert "action" not in next(attrs for tag, attrs in page.tags if tag == "form")
    assert ("input", {"type": "hidden", "name": "q", "value": "mentor"}) in page.tags
    assert not [attrs for tag, attrs in page.tags if tag == "input" and attrs.get("name") == "sort"]
    assert page.find("button")[0][1] == "Apply filters"
    assert page.find("a") == [({"href": "?q=mentor"}, "Clear filters")]
    # An empty action is invalid HTML; without one the form goes to the current address.
    assert [attrs.get("action", "none") for tag, attrs in page.tags if tag == "form"] == ["none"]


class ContactForm(forms.Form):
    name = forms.CharField(label="Name")
    email = forms.EmailField(label="E-mail", help_text="We answer here.")
    role = forms.ChoiceField(label="Role", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    consent = forms.BooleanField(label="I agree")
    token = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("Something about the whole form.")


def test_error_summary_links_each_error_to_its_field():
    form = ContactForm({"email": "nope"})
    form.is_valid()
    summary = Elements(render_to_string("includes/form_errors.html", {"form": form}))
    fields = Elements("".join(render_to_string("includes/form_field.html", {"field": field}) for field in form))
    field_ids = {attrs["id"] for tag, attrs in fields.tags if "id" in attrs}
    links = summary.find("a")
    assert [text.split(":")[0] for _, text in links] == ["Name", "E-mail", "Role", "I agree"]
    for attrs, _text in links:
        assert attrs["href"].lstrip("#") in field_ids
    items = [text for _, text in summary.find("li")]
    assert "Something about the whole form." in items
    assert "This field is required." in items  # the hidden field's error, with nothing to link to
    assert summary.find("div")[0][0]["role"] == "alert"


def test_form_without_errors_has_no_summary():
    assert render_to_string("includes/form_errors.html", {"form": ContactForm()}).strip() == ""


def test_form_field_connects_label_hint_and_error():
    form = ContactForm({"email": "nope"})
    form.is_valid()
    page = Elements(render_to_string("includes/form_field.html", {"field": form["email"]}))
    field = next(attrs for tag, attrs in page.tags if tag == "input")
    assert page.find("label")[0][0]["for"] == field["id"]
    assert field["aria-invalid"] == "true"
    assert field["aria-describedby"] == "id_email_helptext id_email_error"
    assert page.find("div", id="id_email_error")[0][1] == "Error: Enter a valid email address."
    assert page.find("p", id="id_email_helptext")[0][1] == "We answer here."
    assert "Error: Enter a valid email address." in [text for _, text in page.find("p")]


def test_choice_list_field_becomes_a_fieldset_with_legend():
    page = Elements(render_to_string("includes/form_field.html", {"field": ContactForm()["role"]}))
    assert page.find("legend")[0][1] == "Role (required)"
    assert [attrs["value"] for tag, attrs in page.tags if tag == "input"] == ["a", "b"]


@pytest.mark.parametrize(
    ("state", "text"),
    [("none", "Not evaluated"), ("peer", "Peer reviewed"), ("expert", "Expert evaluated"), ("", "Not evaluated")],
)
def test_evaluation_badge_says_its_state_in_words(state, text):
    page = Elements(render_to_string("includes/evaluation_badge.html", {"state": state}))
    badge_attrs, badge_text = page.find("span")[0]
    assert badge_text == text
    assert badge_attrs["class"] == f"badge badge--{state or 'none'}"
    assert all(attrs.get("aria-hidden") == "true" for tag, attrs in page.tags if tag == "svg")


def test_summary_box_lists_facts_and_skips_empty_ones():
    page = Elements(
        render_to_string(
            "includes/summary_box.html",
            {"rows": [("Target group", "Students"), ("Costs", ""), ("Duration", "A year")], "title": "In brief"},
        )
    )
    assert [text for _, text in page.find("dt")] == ["Target group", "Duration"]
    assert [text for _, text in page.find("dd")] == ["Students", "A year"]
    assert page.find("h2")[0][1] == "In brief"


def test_result_card_shows_title_link_type_meta_and_badge():
    html = render_to_string(
        "includes/result_card.html",
        {
            "title": "Mentoring",
            "url": "/en/models/mentoring/",
            "type_label": "Model",
            "summary": "A mentor for each student.",
            "meta": [("Project", "Example"), ("Region", "")],
            "badge": "expert",
        },
    )
    page = Elements(html)
    assert page.find("h3")[0][1] == "Mentoring"
    assert page.find("a") == [({"href": "/en/models/mentoring/"}, "Mentoring")]
    assert page.find("p", class_="result-card__type")[0][1] == "Model"
    assert [text for _, text in page.find("dt")] == ["Project"]
    assert "Expert evaluated" in page.find("p", class_="result-card__badge")[0][1]


def pagination(page, pages=17, query=None):
    request = RequestFactory().get("/en/search/", {**(query or {}), "page": str(page)})
    page_obj = Paginator(range(pages * 10), 10).page(page)
    return Elements(render_to_string("includes/pagination.html", {"page_obj": page_obj}, request=request))


def page_numbers(nav):
    """The numbers and gaps a visitor sees, the current page in brackets."""
    items = [text for _attrs, text in nav.find("li")]
    current = [text for attrs, text in nav.find("a") if attrs.get("aria-current") == "page"]
    return [f"[{item}]" if [item] == current else item for item in items]


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        (1, ["[1]", "2", "…", "17"]),
        (3, ["1", "2", "[3]", "4", "…", "17"]),
        (9, ["1", "…", "8", "[9]", "10", "…", "17"]),
        (16, ["1", "…", "15", "[16]", "17"]),
        (17, ["1", "…", "16", "[17]"]),
    ],
)
def test_pagination_numbers_the_pages_around_the_current_one_and_the_first_and_last(page, shown):
    assert page_numbers(pagination(page)) == shown


def accessible_names(nav):
    # The arrows are aria-hidden: screen readers hear only the words.
    return [attrs.get("aria-label") or text.strip("‹› ") for attrs, text in nav.find("a")]


def test_pagination_links_keep_the_other_query_parameters_and_have_names():
    nav = pagination(2, pages=5, query={"q": "mentor", "theme": ["a", "b"]})
    links = list(zip(accessible_names(nav), [attrs["href"] for attrs, _ in nav.find("a")], strict=True))
    assert links == [
        ("Previous page", "?q=mentor&theme=a&theme=b&page=1"),
        ("Page 1", "?q=mentor&theme=a&theme=b&page=1"),
        ("Page 2", "?q=mentor&theme=a&theme=b&page=2"),
        ("Page 3", "?q=mentor&theme=a&theme=b&page=3"),
        ("Page 4", "?q=mentor&theme=a&theme=b&page=4"),
        ("Page 5", "?q=mentor&theme=a&theme=b&page=5"),
        ("Next page", "?q=mentor&theme=a&theme=b&page=3"),
    ]
    assert [attrs.get("rel") for attrs, _ in nav.find("a")] == ["prev", None, None, None, None, None, "next"]
    assert [attrs.get("aria-label") for attrs, _ in nav.find("nav")] == ["Pagination"]


def test_pagination_has_no_previous_on_the_first_page_nor_next_on_the_last():
    assert [attrs.get("rel") for attrs, _ in pagination(1, pages=3).find("a") if attrs.get("rel")] == ["next"]
    assert [attrs.get("rel") for attrs, _ in pagination(3, pages=3).find("a") if attrs.get("rel")] == ["prev"]


def test_pagination_speaks_the_visitors_language():
    with translation.override("fi"):
        nav = pagination(2, pages=3)
    assert accessible_names(nav) == ["Edellinen sivu", "Sivu 1", "Sivu 2", "Sivu 3", "Seuraava sivu"]


def test_pagination_is_left_out_for_a_single_page():
    request = RequestFactory().get("/en/search/")
    page_obj = Paginator(range(5), 10).page(1)
    assert render_to_string("includes/pagination.html", {"page_obj": page_obj}, request=request).strip() == ""


def test_notice_names_its_level_for_screen_readers():
    page = Elements(render_to_string("includes/notice.html", {"level": "warning", "text": "Slow today."}))
    assert page.find("div")[0][1].startswith("Warning: Slow today.")


def test_table_of_contents_links_to_sections():
    page = Elements(render_to_string("includes/toc.html", {"items": [("goal", "Goal"), ("results", "Results")]}))
    assert page.find("a") == [({"href": "#goal"}, "Goal"), ({"href": "#results"}, "Results")]
    assert page.find("h2")[0][1] == "Contents"


# ---- The example pages put the includes together ----


@pytest.mark.django_db
def test_example_form_page_has_error_title_summary_and_linked_fields(site):
    from portal.styleguide import styleguide

    request = RequestFactory().get("/en/styleguide/form/")
    with translation.override("en"):
        html = styleguide(request, "form").render().content.decode()
    page = Elements(html)
    assert page.find("title")[0][1] == "Error: Example form | Method bank"
    ids = {attrs["id"] for tag, attrs in page.tags if "id" in attrs}
    summary_links = [attrs["href"] for attrs, _ in page.find("a") if attrs["href"].startswith("#id_")]
    assert len(summary_links) == 4
    assert all(link[1:] in ids for link in summary_links)


@pytest.mark.django_db
def test_example_listing_page_has_one_fieldset_per_facet(site):
    from portal.styleguide import styleguide

    request = RequestFactory().get("/en/styleguide/listing/")
    with translation.override("en"):
        html = styleguide(request, "listing").render().content.decode()
    page = Elements(html)
    assert [text for _, text in page.find("legend")] == ["Theme", "Region"]
    assert len(page.find("article", class_="result-card")) == 10
    # 45 examples, 10 a page, page 2 by default.
    nav = Elements(re.search(r'<nav class="pagination".*?</nav>', html, re.S).group(0))
    assert page_numbers(nav) == ["1", "[2]", "3", "4", "5"]
