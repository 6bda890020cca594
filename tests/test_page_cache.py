"""The page cache: visitors get cached pages, see a published change at once, and editors never see stale pages."""

import pytest
import redis
from django.core.cache import cache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core import page_cache
from demo.factories import ContentPageFactory
from home.models import ContentPage
from portal.settings.base import cache_settings


@pytest.fixture
def cached_site(site, settings):
    """The demo site with the page cache on, as in production."""
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield site
    cache.clear()


@pytest.fixture
def about_page(cached_site):
    return ContentPage.objects.get(locale__language_code="fi", slug="tietoa")


@pytest.fixture
def editor(django_user_model, cached_site):
    user = django_user_model.objects.create_superuser("editor", "editor@example.fi", "a-long-password")
    editor = Client()
    editor.force_login(user)
    return editor


def change_title_behind_the_cache(page, title):
    """Change the title without any of the signals that publishing sends."""
    ContentPage.objects.filter(pk=page.pk).update(title=title)


def test_anonymous_visitor_gets_the_page_from_the_cache(client, about_page):
    first = client.get(about_page.url)
    change_title_behind_the_cache(about_page, "Muutettu välimuistin ohi")
    second = client.get(about_page.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Muutettu välimuistin ohi" not in second.content.decode()


def test_published_change_is_shown_to_visitors_at_once(client, about_page):
    client.get(about_page.url)
    about_page.title = "Tietoa palvelusta – päivitetty"
    about_page.save_revision().publish()

    response = client.get(about_page.url)

    assert response["X-Page-Cache"] == "miss"
    assert "Tietoa palvelusta – päivitetty" in response.content.decode()


def test_unpublished_page_disappears_for_visitors_at_once(client, about_page):
    assert client.get(about_page.url).status_code == 200
    about_page.unpublish()

    assert client.get(about_page.url).status_code == 404


def test_a_change_to_one_page_refreshes_the_pages_that_show_it(client, about_page, cached_site):
    """Menus and link lists show other pages' titles, so publishing empties the whole cache."""
    home = cached_site.get_translation(about_page.locale)
    client.get(home.url)
    about_page.title = "Palvelun esittely"
    about_page.save_revision().publish()

    assert "Palvelun esittely" in client.get(home.url).content.decode()


def test_signed_in_editor_never_gets_a_cached_page(client, editor, about_page):
    client.get(about_page.url)
    change_title_behind_the_cache(about_page, "Toimittajan näkemä otsikko")

    response = editor.get(about_page.url)

    assert "X-Page-Cache" not in response
    assert "Toimittajan näkemä otsikko" in response.content.decode()
    # What the editor was shown is not kept for visitors either.
    assert "Toimittajan näkemä otsikko" not in client.get(about_page.url).content.decode()


def test_editor_sees_the_draft_while_visitors_keep_the_published_page(client, editor, about_page):
    client.get(about_page.url)
    about_page.title = "Luonnos, ei vielä julkaistu"
    about_page.save_revision()

    draft = editor.get(reverse("wagtailadmin_pages:view_draft", args=[about_page.pk]))
    public = client.get(about_page.url)

    assert "Luonnos, ei vielä julkaistu" in draft.content.decode()
    assert "Luonnos, ei vielä julkaistu" not in public.content.decode()


def test_responses_that_set_a_cookie_are_not_cached(cached_site):
    calls = []

    def view_with_a_form(request):
        calls.append(request)
        response = HttpResponse("<form>…</form>")
        response.set_cookie("csrftoken", "secret-for-one-visitor")
        return response

    middleware = page_cache.AnonymousPageCacheMiddleware(view_with_a_form)
    for _ in range(2):
        response = middleware(RequestFactory().get("/fi/lomake/"))

    assert len(calls) == 2
    assert "X-Page-Cache" not in response


def test_a_publish_reaches_every_server_process_through_a_shared_cache(client, about_page, settings, tmp_path):
    """gunicorn's workers share the file cache (or Redis): one worker's publish empties it for all."""
    location = tmp_path / "cache"
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": location}
    }
    client.get(about_page.url)
    other_worker = FileBasedCache(str(location), {})
    before = other_worker.get(page_cache.GENERATION_KEY)

    about_page.save_revision().publish()

    assert before is not None
    assert other_worker.get(page_cache.GENERATION_KEY) != before


def test_the_cache_is_emptied_again_when_the_publish_commits(about_page, django_capture_on_commit_callbacks):
    """A page rendered from the old content while the publish was still uncommitted is never served after it."""
    with django_capture_on_commit_callbacks(execute=True):
        about_page.save_revision().publish()
        generation_before_commit = page_cache.current_generation()

    assert page_cache.current_generation() != generation_before_commit


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("", "django.core.cache.backends.filebased.FileBasedCache"),
        ("redis://cache:6379/1", "django.core.cache.backends.redis.RedisCache"),
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache"),
    ],
)
def test_cache_url_chooses_the_cache(url, backend):
    assert cache_settings(url)["default"]["BACKEND"] == backend


def test_unknown_cache_url_is_refused_with_a_clear_message():
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL must be redis://"):
        cache_settings("memcached://cache:11211")


def test_a_redis_cache_url_gives_a_usable_cache_client():
    """The Redis client library is installed, so CACHE_URL=redis://… fails only if Redis itself is unreachable."""
    from django.core.cache.backends.redis import RedisCache

    settings = cache_settings("redis://127.0.0.1:9/0")["default"]
    cache = RedisCache(settings["LOCATION"], {})
    with pytest.raises(redis.exceptions.ConnectionError):
        cache.get("anything")


def set_privacy(editor, page, restriction_type, password=""):
    """The admin's privacy dialog, as an editor submits it."""
    response = editor.post(
        reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
        {"restriction_type": restriction_type, "password": password},
    )
    assert response.status_code == 200
    assert response.json()["step"] == "set_privacy_done"


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, editor, about_page):
    assert client.get(about_page.url)["X-Page-Cache"] == "miss"

    set_privacy(editor, about_page, "login")
    response = client.get(about_page.url)

    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def test_a_password_protected_page_asks_for_the_password_at_once(client, editor, about_page):
    assert about_page.intro in client.get(about_page.url).content.decode()

    set_privacy(editor, about_page, "password", password="salasana-vain-jasenille")
    response = client.get(about_page.url)

    assert response.get("X-Page-Cache") != "hit"
    assert about_page.intro not in response.content.decode()


def test_a_page_under_a_page_made_private_is_no_longer_served_from_the_cache(client, editor, about_page):
    child = ContentPageFactory(parent=about_page, title="Yhteystiedot", intro="Soita meille arkisin.")
    child.save_revision().publish()
    assert "Soita meille arkisin." in client.get(child.url).content.decode()

    set_privacy(editor, about_page, "login")
    response = client.get(child.url)

    assert response.status_code == 302
    assert "Soita meille arkisin." not in response.content.decode()


def test_a_page_made_public_again_is_found_by_the_cached_search_at_once(client, editor, about_page):
    set_privacy(editor, about_page, "login")
    search_url = reverse("search") + "?q=menetelmäpankki+auttaa"
    # The result shows the page's introduction.
    assert about_page.intro not in client.get(search_url).content.decode()

    set_privacy(editor, about_page, "none")
    response = client.get(search_url)

    assert response["X-Page-Cache"] == "miss"
    assert about_page.intro in response.content.decode()


def test_saving_a_draft_keeps_the_cache(client, about_page):
    """The editor saves a draft about once a second while typing; visitors see none of it."""
    client.get(about_page.url)
    about_page.title = "Keskeneräinen otsikko"
    about_page.save_revision()

    response = client.get(about_page.url)

    assert response["X-Page-Cache"] == "hit"
    assert "Keskeneräinen otsikko" not in response.content.decode()


def test_the_editors_autosave_keeps_the_cache(client, editor, about_page):
    client.get(about_page.url)
    autosave = editor.post(
        reverse("wagtailadmin_pages:edit", args=[about_page.pk]),
        nested_form_data(
            {
                "title": "Kirjoitetaan vielä",
                "slug": about_page.slug,
                "intro": about_page.intro,
                "body": streamfield([]),
                "seo_title": "",
                "search_description": "",
                "comments": inline_formset([]),
            }
        ),
        headers={"Accept": "application/json"},
    )
    assert autosave.json()["success"] is True

    assert client.get(about_page.url)["X-Page-Cache"] == "hit"


def test_a_new_draft_page_keeps_the_cache(client, about_page):
    client.get(about_page.url)
    ContentPageFactory(parent=about_page, title="Vasta luonnos", live=False).save_revision()

    assert client.get(about_page.url)["X-Page-Cache"] == "hit"


def test_a_cached_search_is_counted_as_a_popular_search(client, cached_site):
    search_url = reverse("search") + "?q=tietosuoja"
    first = client.get(search_url)
    second = client.get(search_url)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert Query.get("tietosuoja").hits == 2
