"""The demo's adoptions (data/adoptions.yaml): approved records of organisations using the demo's items.

``load_demo`` adds them after the method bank; the tests' shared demo has none, so that each test of
adoptions starts from items nobody uses yet. Running it again adds nothing.
"""

from wagtail.log_actions import log
from wagtail.models import Locale

from adoptions.models import Adoption
from adoptions.records import canonical
from demo.data import load
from demo.factories import OrganisationFactory
from demo.method_bank import MODELS, PRACTICES
from methodbank.models import MethodBankPage, Region

ADOPTIONS = load("adoptions")
IMPORT_KEYS = {spec["slug"]: spec.get("import_key", "") for spec in [*MODELS, *PRACTICES]}


def demo_item(slug, locale):
    """The Finnish version of the demo's item, found as the demo found it: by its import key, else its slug."""
    pages = MethodBankPage.objects.filter(locale=locale)
    key = IMPORT_KEYS[slug]
    return (pages.filter(import_key=key).first() if key else None) or pages.filter(slug=slug).first()


def ensure_adoptions():
    """Add the demo adoptions that are not there yet; returns how many were added."""
    locale = Locale.get_default()
    added = 0
    for spec in ADOPTIONS:
        item = demo_item(spec["item"], locale)
        organisation = canonical(OrganisationFactory(name=spec["organisation"], locale=locale))
        if Adoption.objects.filter(translation_key=item.translation_key, organisation=organisation).exists():
            continue
        adoption = Adoption.objects.create(
            translation_key=item.translation_key,
            organisation=organisation,
            region=canonical(Region.objects.get(code=spec["region"], locale=locale)),
            started_on=spec["started"],
            status=spec["status"],
            stop_reason=spec.get("stop_reason", ""),
            experience=spec["experience"],
            language=spec["language"],
            contact_name=spec.get("contact_name", ""),
            contact_email=spec.get("contact_email", ""),
            state=Adoption.State.APPROVED,
        )
        # As a moderator's approval is logged: a later change approved again tells the item's contacts nothing.
        log(adoption, "adoptions.adoption.approve")
        added += 1
    return added
