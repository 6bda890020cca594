"""A visitor asks, by HTTP and without an account, to read an item in their language.

Every answer is checked as the visitor sees it (status, language, message) together with what was
counted: one request per item, language and connection, whatever the visitor does.
"""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from accounts.tests.fixtures import make_model
from demo.content import demo_page
from translation_requests.models import TranslationRequest

pytestmark = pytest.mark.django_db

THANKS = {
    "fi": "Olemme kirjanneet pyyntösi.",
    "sv": "Vi har registrerat din begäran.",
    "en": "We have recorded your request.",
}
ALREADY_ASKED = {
    "fi": "Tästä yhteydestä on jo pyydetty tätä sisältöä tällä kielellä.",
    "sv": "En begäran om det här innehållet på det här språket har redan registrerats från din anslutning.",
    "en": "A request for this item in this language has already been recorded from your connection.",
}
TOO_MANY = {
    "fi": "Yhteydestäsi on tullut paljon käännöspyyntöjä. Pyyntöäsi ei kirjattu: yritä uudelleen 60 minuutin kuluttua.",
    "sv": "Vi har fått många översättningsbegäranden från din anslutning. Din begäran registrerades inte: "
    "försök igen om 60 minuter.",
    "en": "We have received many translation requests from your connection. Your request was not recorded: "
    "please try again in 60 minutes.",
}


def request_url(page, language):
    """The request page for ``page`` in the interface ``language``."""
    with translation.override(language):
        return reverse("translation_requests:request", args=[page.pk])


def ask(client, page, language, chosen=None, address="10.0.0.1", **extra):
    return client.post(request_url(page, language), {"language": chosen or language}, REMOTE_ADDR=address, **extra)


def counts():
    """``{(translation key, language): requests}``."""
    result = {}
    for request in TranslationRequest.objects.select_related("locale"):
        key = (request.translation_key, request.locale.language_code)
        result[key] = result.get(key, 0) + 1
    return result


def text(response):
    """The visible text of ``<main>``, with whitespace collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def offers(response):
    """``[(lang, href)]`` of the "ask for a translation" links on an item page."""
    html = response.content.decode()
    return re.findall(r'<li lang="(\w+)">[^<]*<a href="([^"]+)" hreflang="\1" rel="nofollow">', html)


# The item page


def test_a_finnish_only_item_offers_each_missing_language_in_that_language(client, finnish_only):
    response = client.get(finnish_only.url)

    assert response.status_code == 200
    assert offers(response) == [
        ("sv", f"/sv/oversattningsbegaran/{finnish_only.pk}/"),
        ("en", f"/en/translation-request/{finnish_only.pk}/"),
    ]
    page = text(response)
    assert "Finns inte på svenska ännu. Be om en översättning" in page
    assert "Not available in English yet. Ask for a translation" in page


def test_items_offer_only_what_they_lack(client, in_finnish_and_swedish, stora_komet, method_bank):
    finnish, swedish = in_finnish_and_swedish
    translated_everywhere = Page.objects.get(slug="koulutukseen-tutustuminen", locale__language_code="fi")

    assert [lang for lang, _url in offers(client.get(finnish.url))] == ["en"]
    assert [lang for lang, _url in offers(client.get(swedish.url))] == ["en"]
    assert [lang for lang, _url in offers(client.get(stora_komet.url))] == ["fi", "en"]
    assert "Ei vielä suomeksi." in text(client.get(stora_komet.url))
    assert offers(client.get(translated_everywhere.url)) == []


def test_the_item_page_stays_cached_and_the_request_page_is_never_cached(client, finnish_only, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    try:
        first, second = client.get(finnish_only.url), client.get(finnish_only.url)
        form = client.get(request_url(finnish_only, "sv"))
        again = client.get(request_url(finnish_only, "sv"))
    finally:
        cache.clear()

    # The item page holds no form and no token: it is cached, with its offers.
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "csrfmiddlewaretoken" not in second.content.decode()
    assert len(offers(second)) == 2
    # The request page has a token of its own for every visitor.
    assert "X-Page-Cache" not in form and "X-Page-Cache" not in again
    assert "no-cache" in form["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in form.content.decode()


# The request page


@pytest.mark.parametrize(
    ("language", "title", "checked"),
    [("fi", "Pyydä käännöstä", None), ("sv", "Be om en översättning", "sv"), ("en", "Ask for a translation", "en")],
)
def test_the_request_page_speaks_the_visitors_language_and_offers_the_missing_ones(
    client, finnish_only, language, title, checked
):
    response = client.get(request_url(finnish_only, language))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert f'<h1 class="page-title">{title}</h1>' in html
    assert re.findall(r'name="language" value="(\w+)"', html) == ["sv", "en"]
    assert re.findall(r'value="(\w+)"[^>]* checked', html) == ([checked] if checked else [])
    assert f'lang="fi" hreflang="fi">{finnish_only.title}</a>' in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_request_is_confirmed_in_the_visitors_language_and_counted_once(client, stora_komet, language):
    chosen = "fi" if language == "sv" else language
    first = ask(client, stora_komet, language, chosen)
    second = ask(client, stora_komet, language, chosen)

    assert first.status_code == second.status_code == 200
    assert f'<html lang="{language}">' in first.content.decode()
    assert THANKS[language] in text(first)
    assert ALREADY_ASKED[language] in text(second)
    assert THANKS[language] not in text(second)
    assert counts() == {(stora_komet.translation_key, chosen): 1}


def test_requests_count_per_item_and_language_whichever_version_they_come_from(client, in_finnish_and_swedish):
    finnish, swedish = in_finnish_and_swedish

    ask(client, finnish, "en", address="10.0.0.1")
    ask(client, swedish, "en", address="10.0.0.1")  # the same visitor, from the Swedish version
    ask(client, swedish, "en", address="10.0.0.2")
    ask(client, finnish, "en", address="2001:db8::7")

    assert counts() == {(finnish.translation_key, "en"): 3}


def test_the_table_keeps_no_address(client, finnish_only):
    ask(client, finnish_only, "sv", address="192.0.2.44")

    (row,) = TranslationRequest.objects.all()
    assert "192.0.2.44" not in row.visitor
    assert len(row.visitor) == 64


def test_behind_a_proxy_each_forwarded_address_is_a_visitor_only_when_configured(client, finnish_only, settings):
    forwarded = [{"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}"} for n in (1, 2, 3)]
    for headers in forwarded:
        ask(client, finnish_only, "sv", address="10.0.0.9", **headers)
    # Without the setting the header is anyone's to write: one connection, one request.
    assert counts() == {(finnish_only.translation_key, "sv"): 1}

    settings.THROTTLE_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    for headers in forwarded:
        ask(client, finnish_only, "en", address="10.0.0.9", **headers)
    assert counts()[(finnish_only.translation_key, "en")] == 3


def test_the_form_needs_its_csrf_token(finnish_only):
    visitor = Client(enforce_csrf_checks=True)
    url = request_url(finnish_only, "sv")

    refused = visitor.post(url, {"language": "sv"})
    form = visitor.get(url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode()).group(1)
    accepted = visitor.post(url, {"language": "sv", "csrfmiddlewaretoken": token})

    assert refused.status_code == 403
    assert accepted.status_code == 200
    assert THANKS["sv"] in text(accepted)
    assert counts() == {(finnish_only.translation_key, "sv"): 1}


# Bad input


@pytest.mark.parametrize(
    ("value", "language", "message"),
    [
        ("de", "en", "The method bank has no such language. Choose one of the languages listed."),
        ("klingon" * 50, "sv", "Metodbanken har inget sådant språk. Välj ett av språken i listan."),
        ("", "fi", "Valitse kieli, jolla haluat lukea tämän sisällön."),
    ],
    ids=["unknown-language", "junk", "no-language"],
)
def test_an_unknown_or_missing_language_is_explained_and_not_counted(client, finnish_only, value, language, message):
    response = client.post(request_url(finnish_only, language), {"language": value})

    assert response.status_code == 400
    assert f'<html lang="{language}">' in response.content.decode()
    assert 'class="error-summary"' in response.content.decode()
    assert message in text(response)
    assert counts() == {}


def test_a_language_the_item_already_has_leads_to_it_and_is_not_counted(client, in_finnish_and_swedish):
    finnish, swedish = in_finnish_and_swedish

    response = ask(client, finnish, "sv")

    assert response.status_code == 200
    assert "Goda nyheter: det här innehållet finns redan på det språk du valde." in text(response)
    assert f'href="{swedish.url}"' in response.content.decode()
    # English is still missing and still offered.
    assert re.findall(r'name="language" value="(\w+)"', response.content.decode()) == ["en"]
    assert counts() == {}


def test_an_item_in_every_language_says_so(client, method_bank):
    everywhere = demo_page(Page, "koulutukseen-tutustuminen", "en")

    response = client.get(request_url(everywhere, "en"))

    assert response.status_code == 200
    assert "This item is already available in this language." in text(response)
    assert "This item is available in every language of the method bank." in text(response)
    assert 'name="language"' not in response.content.decode()


def unpublished(method_bank):
    return make_model(method_bank, title="Luonnos", live=False)


def private(method_bank):
    page = make_model(method_bank, title="Vain kirjautuneille")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def home_page(method_bank):
    return method_bank.get_parent()


@pytest.mark.parametrize("make", [unpublished, private, home_page], ids=["draft", "private", "not-an-item"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_item_visitors_cannot_see_is_not_found_and_nothing_is_counted(client, method_bank, make, method):
    page = make(method_bank)
    url = request_url(page, "sv")

    response = client.get(url) if method == "get" else client.post(url, {"language": "sv"})

    assert response.status_code == 404
    assert '<html lang="sv">' in response.content.decode()
    assert "Innehållet hittades inte" in text(response)
    assert counts() == {}


@pytest.mark.parametrize("page_id", ["987654", "9" * 30], ids=["unknown", "beyond-any-id"])
def test_an_item_that_never_existed_is_not_found(client, method_bank, page_id):
    response = client.post(f"/en/translation-request/{page_id}/", {"language": "en"})

    assert response.status_code == 404
    assert "There is no published item in the method bank that could be translated at this address." in text(response)
    assert counts() == {}


def test_other_methods_are_refused(client, finnish_only):
    assert client.head(request_url(finnish_only, "en")).status_code == 200
    assert client.put(request_url(finnish_only, "en")).status_code == 405


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_flood_gets_429_in_the_visitors_language_and_counts_nothing_more(client, finnish_only, stora_komet, language):
    answers = [ask(client, finnish_only, language, "sv").status_code for _ in range(20)]
    flooded = ask(client, stora_komet, language, "en")

    assert answers == [200] * 20
    assert flooded.status_code == 429
    assert flooded["Retry-After"] == "3600"
    assert f'<html lang="{language}">' in flooded.content.decode()
    assert TOO_MANY[language] in text(flooded)
    assert counts() == {(finnish_only.translation_key, "sv"): 1}
    # Another connection is not held up.
    assert ask(client, stora_komet, language, "en", address="10.0.0.2").status_code == 200
