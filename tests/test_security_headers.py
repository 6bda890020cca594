"""Security headers: a Content-Security-Policy without inline scripts or styles, and a Permissions-Policy.

The site's pages allow scripts and styles from the site alone; the Wagtail admin, which still prints
inline scripts, gets its own looser policy under /admin/ (portal/content_security.py). Production
settings must send both (checked in a subprocess, as tests/test_production_settings.py does).
"""

import json
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.urls import reverse
from test_production_settings import PRODUCTION_ENV, run_manage
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.finders import get_finders
from wagtail.embeds.models import Embed
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import ContentPage
from methodbank.models import ModelPage, ProjectPage

pytestmark = pytest.mark.django_db

VIDEO_HOSTS = ["https://www.youtube.com", "https://player.vimeo.com"]
# Features no page may use; the header lists more (portal/settings/base.py).
DENIED_FEATURES = ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]


def parse(header):
    """A Content-Security-Policy as {directive: [sources]}."""
    return {name: sources for name, *sources in (part.split() for part in header.split(";"))}


def policy(response):
    return parse(response["Content-Security-Policy"])


class Markup(HTMLParser):
    """What a strict policy would block in a page: inline scripts, event handler attributes and inline styles."""

    DATA_TYPES = {"application/ld+json", "application/json"}

    def __init__(self, html):
        super().__init__()
        self.blocked = []
        self.scripts = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes)
            if "src" not in attributes and attributes.get("type") not in self.DATA_TYPES:
                self.blocked.append(f"inline <script> {attributes}")
        if tag == "style":
            self.blocked.append("<style> element")
        self.blocked += [f"{name}= on <{tag}>" for name in attributes if name == "style" or name.startswith("on")]


@pytest.fixture
def public_paths(method_bank):
    model = ModelPage.objects.live().get(locale__language_code="fi", slug="opintoihin-kiinnittymisen-toimintamalli")
    project = ProjectPage.objects.live().filter(locale__language_code="fi").first()
    return {
        "home": "/fi/",
        "method bank, filtered": f"{method_bank.url}?type=model",
        "model": model.url,
        "project": project.url,
        "search": "/sv/sok/?q=studerande",
        "content page": "/en/about-the-service/",
        "sign-up": reverse("register"),
    }


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.fi", "a-long-password"))
    return client


PUBLIC_PAGES = ["home", "method bank, filtered", "model", "project", "search", "content page", "sign-up"]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_allow_scripts_and_styles_from_the_site_only(client, public_paths, name):
    response = client.get(public_paths[name])

    assert response.status_code == 200
    csp = policy(response)
    assert csp["default-src"] == csp["script-src"] == csp["style-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["font-src"] == csp["connect-src"] == csp["form-action"] == csp["base-uri"] == ["'self'"]
    assert csp["object-src"] == csp["frame-ancestors"] == ["'none'"]
    assert csp["frame-src"] == VIDEO_HOSTS
    permissions = response["Permissions-Policy"].split(", ")
    assert set(DENIED_FEATURES) <= set(permissions)


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_hold_nothing_that_the_policy_blocks(client, public_paths, name):
    markup = Markup(client.get(public_paths[name]).content.decode())

    assert markup.blocked == []


@pytest.mark.parametrize("path", ["/fi/", "/fi/menetelmapankki/"])
def test_pages_from_the_page_cache_carry_the_headers_too(client, method_bank, settings, path):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    client.get(path)
    cached = client.get(path)
    cache.clear()

    assert cached["X-Page-Cache"] == "hit"
    assert policy(cached)["script-src"] == ["'self'"]
    assert "camera=()" in cached["Permissions-Policy"]


def test_filter_panel_script_is_a_static_file(client, method_bank):
    markup = Markup(client.get(method_bank.url).content.decode())

    assert {"src": "/static/js/facet-panel.js", "defer": None} in markup.scripts
    assert finders.find("js/facet-panel.js")


def test_admin_gets_its_own_policy_with_inline_scripts(editor, method_bank):
    model = ModelPage.objects.get(locale__language_code="fi", slug="opintoihin-kiinnittymisen-toimintamalli")
    for path in ["/admin/", reverse("wagtailadmin_pages:edit", args=[model.pk])]:
        response = editor.get(path)
        assert response.status_code == 200
        csp = policy(response)
        assert csp["script-src"] == csp["style-src"] == ["'self'", "'unsafe-inline'"], path
        assert csp["frame-src"] == ["'self'", *VIDEO_HOSTS]
        assert csp["frame-ancestors"] == ["'self'"]
        assert csp["object-src"] == ["'none'"]
        assert csp["img-src"] == ["'self'", "data:", "blob:"]
        assert "camera=()" in response["Permissions-Policy"]


def test_preview_has_the_sites_policy_and_may_be_shown_in_the_editor(editor, method_bank):
    about = ContentPage.objects.get(locale__language_code="fi", slug="tietoa")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[about.pk])
    form = nested_form_data(
        {"title": "Esikatseltava otsikko", "slug": about.slug, "intro": "", "body": streamfield([])}
    )

    stored = editor.post(preview_url, form)
    preview = editor.get(preview_url)

    assert json.loads(stored.content) == {"is_valid": True, "is_available": True}
    assert preview.status_code == 200
    assert "Esikatseltava otsikko" in preview.content.decode()
    csp = policy(preview)
    assert csp["script-src"] == csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"]


def test_admin_shows_no_pictures_from_gravatar(editor, method_bank):
    html = editor.get("/admin/").content.decode()

    assert "gravatar" not in html


@pytest.mark.parametrize(
    ("url", "offered"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", True),
        ("https://youtu.be/dQw4w9WgXcQ", True),
        ("https://vimeo.com/76979871", True),
        ("https://www.slideshare.net/someone/some-slides", False),
        ("https://www.dailymotion.com/video/x7tgad0", False),
    ],
)
def test_videos_can_be_embedded_only_from_hosts_the_policy_frames(url, offered):
    assert any(finder.accept(url) for finder in get_finders()) is offered


def test_content_page_with_a_video_frames_only_a_video_host(client, method_bank):
    url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        type="video",
        html='<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" title="Video"></iframe>',
    )
    about = ContentPage.objects.get(locale__language_code="fi", slug="tietoa")
    about.body = [("video", {"video": url, "title": "Esittely", "transcript": ""})]
    about.save_revision().publish()

    response = client.get(about.url)

    assert 'src="https://www.youtube.com/embed/' in response.content.decode()
    assert "https://www.youtube.com" in policy(response)["frame-src"]


PRODUCTION_HEADERS = """
import json
from django.test import Client
visitor = Client(HTTP_HOST="menetelmapankki.example.fi")
responses = {path: visitor.get(path, secure=True) for path in ("/robots.txt", "/admin/")}
print(json.dumps({path: [r.status_code, r.get("Content-Security-Policy"), r.get("Permissions-Policy")]
                  for path, r in responses.items()}))
"""


def test_production_settings_send_both_policies(tmp_path):
    # Neither response touches the database: robots.txt is a template, /admin/ redirects to the login.
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"}
    result = run_manage("shell", "--verbosity=0", "--command", PRODUCTION_HEADERS, env=env)
    assert result.returncode == 0, result.stderr

    headers = json.loads(result.stdout.strip().splitlines()[-1])
    (site_status, site_csp, site_permissions) = headers["/robots.txt"]
    (admin_status, admin_csp, admin_permissions) = headers["/admin/"]
    assert (site_status, admin_status) == (200, 302)
    site, admin = parse(site_csp), parse(admin_csp)
    assert site["script-src"] == site["style-src"] == ["'self'"]
    assert site["frame-ancestors"] == site["object-src"] == ["'none'"]
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["object-src"] == ["'none'"]
    for permissions in (site_permissions, admin_permissions):
        assert set(DENIED_FEATURES) <= set(permissions.split(", "))
