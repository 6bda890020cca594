"""In development (DEBUG on) a missing page shows the portal's own 404 page, not Django's debug page."""

import pytest
from django.test import override_settings

from portal.settings import dev

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "heading"), [("/fi/ei-tallaista/", "Sivua ei löytynyt"), ("/en/nowhere/", "Page not found")]
)
def test_the_dev_server_shows_the_portals_404_page(client, site, path, heading):
    with override_settings(DEBUG=True, MIDDLEWARE=dev.MIDDLEWARE):
        response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<h1 class="page-title">{heading}</h1>' in html
    assert "Django tried these URL patterns" not in html
    assert "technical_404" not in html
