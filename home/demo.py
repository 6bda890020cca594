"""The site skeleton for the demo: locales, one home page per language and the content pages.

All text here is written for the portal; nothing is copied from the source report.
"""

from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from core.localization import needs_translation, publish_translation
from home.factories import ContentPageFactory, HomePageFactory
from home.models import ContentPage, HomePage

LANGUAGES = ("fi", "sv", "en")

HOME = {
    "title": {"fi": "Menetelmäpankki", "sv": "Metodbanken", "en": "Method bank"},
    "hero_heading": {
        "fi": "Löydä toimintamallit, jotka jo toimivat",
        "sv": "Hitta modeller som redan fungerar",
        "en": "Find models that already work",
    },
    "hero_text": {
        "fi": "Ammatillisen koulutuksen hankkeiden mallit ja hyvät käytännöt siirtymien sujuvoittamiseen.",
        "sv": "Modeller och goda exempel från yrkesutbildningens projekt för smidigare övergångar.",
        "en": "Models and good practices from vocational education projects that make transitions smoother.",
    },
    "hero_placeholder": {"fi": "esim. ohjaus, siirtymät", "sv": "t.ex. handledning", "en": "e.g. guidance"},
    "intro": {
        "fi": "Menetelmäpankki kokoaa Euroopan sosiaalirahaston hankkeissa kehitetyt mallit yhteen paikkaan. "
        "Jokainen malli on pilotoitu ja kuvattu niin, että toinen oppilaitos voi ottaa sen käyttöön.",
        "sv": "Metodbanken samlar modeller som utvecklats i projekt finansierade av Europeiska socialfonden. "
        "Varje modell är pilottestad och beskriven så att en annan läroanstalt kan ta den i bruk.",
        "en": "The method bank gathers models developed in projects funded by the European Social Fund. "
        "Each model has been piloted and documented so that another school can adopt it.",
    },
    "links_heading": {"fi": "Lue lisää", "sv": "Läs mer", "en": "Read more"},
}

CONTENT_PAGES = [
    {
        "slug": "tietoa",
        "title": {"fi": "Tietoa palvelusta", "sv": "Om tjänsten", "en": "About the service"},
        "intro": {
            "fi": "Menetelmäpankki auttaa oppilaitoksia, ohjaajia ja rahoittajia löytämään toimivat ratkaisut.",
            "sv": "Metodbanken hjälper läroanstalter, handledare och finansiärer att hitta lösningar som fungerar.",
            "en": "The method bank helps schools, counsellors and funders find solutions that work.",
        },
        "body": {
            "fi": "Malli on hankkeessa kehitetty ja pilotoitu toimintatapa, joka on kuvattu levitettäväksi koko maahan. "
            "Hyvä käytäntö on mallin paikallinen sovellus, ja se liitetään malliin esimerkiksi.",
            "sv": "En modell är ett arbetssätt som utvecklats och pilottestats i ett projekt och beskrivits för "
            "spridning i hela landet. Ett gott exempel är en lokal tillämpning som kopplas till en modell.",
            "en": "A model is a way of working that a project developed, piloted and documented for use across "
            "the country. A good practice is a local application of a model and is attached to it as an example.",
        },
    },
    {
        "slug": "ohje-mallin-kuvaamiseen",
        "title": {
            "fi": "Ohje: näin kuvaat mallin",
            "sv": "Anvisning: så beskriver du en modell",
            "en": "Instructions: how to document a model",
        },
        "intro": {
            "fi": "Hyvä kuvaus kertoo, mitä malli tavoittelee, kenelle se on tehty ja miten sen voi ottaa käyttöön.",
            "sv": "En bra beskrivning berättar vad modellen vill uppnå, för vem den är gjord och hur den tas i bruk.",
            "en": "A good description says what the model aims at, who it is for and how to put it into use.",
        },
        "body": {
            "fi": "Kirjoita kuvaukseen tavoite ja kohderyhmä, sisältö ja toimenpiteet, käyttöönotto, tarvittavat "
            "resurssit, tulokset ja mittarit sekä yhteystiedot. Liitä mukaan materiaalit ja linkit.",
            "sv": "Beskriv mål och målgrupp, innehåll och åtgärder, ibruktagande, resurser som behövs, resultat och "
            "mätare samt kontaktuppgifter. Bifoga material och länkar.",
            "en": "Describe the goal and target group, the content and actions, deployment, the resources needed, "
            "results and metrics, and contacts. Attach materials and links.",
        },
    },
    {
        "slug": "tietosuojaseloste",
        "title": {"fi": "Tietosuojaseloste", "sv": "Dataskyddsbeskrivning", "en": "Privacy notice"},
        "intro": {
            "fi": "Kerromme, mitä tietoja käsittelemme, kun rekisteröidyt menetelmäpankkiin, ja miksi.",
            "sv": "Vi berättar vilka uppgifter vi behandlar när du registrerar dig i metodbanken, och varför.",
            "en": "What we do with your details when you register for the method bank, and why.",
        },
        "body": {
            "fi": "Tallennamme nimesi, sähköpostiosoitteesi, organisaatiosi ja hankkeesi, jotta moderaattori voi "
            "hyväksyä tunnuksesi ja jotta kuvaustesi yhteystiedot pysyvät ajan tasalla. Emme luovuta tietoja "
            "eteenpäin. Voit pyytää tietojesi poistamista milloin tahansa.",
            "sv": "Vi sparar ditt namn, din e-postadress, din organisation och ditt projekt så att en moderator kan "
            "godkänna ditt konto och kontaktuppgifterna i dina beskrivningar hålls aktuella. Vi lämnar inte ut "
            "uppgifterna. Du kan när som helst be att de raderas.",
            "en": "We keep your name, e-mail address, organisation and project so that a moderator can approve "
            "your account and the contact details in your descriptions stay current. We do not pass them on. "
            "You can ask for them to be deleted at any time.",
        },
    },
    {
        "slug": "saavutettavuusseloste",
        "title": {
            "fi": "Saavutettavuusseloste",
            "sv": "Tillgänglighetsutlåtande",
            "en": "Accessibility statement",
        },
        "intro": {
            "fi": "Tavoitteemme on, että jokainen voi käyttää menetelmäpankkia myös puhelimella, näppäimistöllä "
            "ja ruudunlukijalla. Palvelu täyttää WCAG 2.1 -ohjeiden A- ja AA-tason vaatimukset osittain: "
            "tunnetut poikkeukset kerrotaan alla.",
            "sv": "Vårt mål är att alla ska kunna använda metodbanken, också med telefon, tangentbord och "
            "skärmläsare. Tjänsten uppfyller delvis kraven på nivå A och AA i WCAG 2.1: de kända undantagen "
            "beskrivs nedan.",
            "en": "Our aim is that everyone can use the method bank, also with a phone, a keyboard or a screen "
            "reader. The service partially meets levels A and AA of WCAG 2.1: the known exceptions are listed below.",
        },
        "body": {
            "fi": "Arvioimme saavutettavuuden itse. Jokainen sivutyyppi (etusivu, sisältösivu, menetelmäpankin "
            "haku suodattimineen, hanke, malli, hyvä käytäntö, hakutulokset, rekisteröityminen ja virhesivut) "
            "tarkistetaan suomeksi, ruotsiksi ja englanniksi automaattisella axe-core-tarkistuksella, eikä se "
            "löydä A- tai AA-tason virheitä. Haun suodattimia käytetään testeissä myös pelkällä näppäimistöllä. "
            "Poikkeukset: hankkeiden liittämät asiakirjat, kuten PDF-tiedostot, ja muiden palvelujen upotetut "
            "videot eivät välttämättä ole saavutettavia, koska ne on tehty menetelmäpankin ulkopuolella; "
            "pyydä niistä tarvittaessa saavutettava versio. Vanhasta menetelmäpankista siirretyissä kuvauksissa "
            "voi olla puuttuvia kuvien tekstivastineita, joita täydennämme. "
            "Jos huomaat saavutettavuusongelman, kerro siitä meille palautelomakkeella tai sähköpostilla. "
            "Vastaamme kahden viikon kuluessa. Jos et ole tyytyväinen vastaukseen, voit tehdä ilmoituksen "
            "valvontaviranomaiselle (saavutettavuusvaatimukset.fi).",
            "sv": "Vi bedömer tillgängligheten själva. Varje sidtyp (startsidan, innehållssidor, metodbankens "
            "sökning med filter, projekt, modeller, goda exempel, sökresultat, registrering och felsidor) "
            "kontrolleras på finska, svenska och engelska med det automatiska verktyget axe-core, som inte "
            "hittar några fel på nivå A eller AA. Sökningens filter testas också med enbart tangentbord. "
            "Undantag: dokument som projekten bifogat, till exempel PDF-filer, och inbäddade videor från andra "
            "tjänster är inte nödvändigtvis tillgängliga, eftersom de har gjorts utanför metodbanken; be oss om "
            "en tillgänglig version vid behov. Beskrivningar som flyttats från den tidigare metodbanken kan "
            "sakna textalternativ för bilder, som vi kompletterar. "
            "Om du märker ett tillgänglighetsproblem, berätta det för oss via responsformuläret eller e-post. "
            "Vi svarar inom två veckor. Om du inte är nöjd med svaret kan du anmäla saken till "
            "tillsynsmyndigheten (tillganglighetskrav.fi).",
            "en": "We assess accessibility ourselves. Every page type (home, content pages, the method bank's "
            "search with filters, projects, models, good practices, search results, sign-up and error pages) "
            "is checked in Finnish, Swedish and English with the automated axe-core checker, which finds no "
            "level A or AA failures. The search filters are also tested with a keyboard alone. "
            "Exceptions: documents that projects attach, such as PDF files, and videos embedded from other "
            "services may not be accessible, because they were made outside the method bank; ask us for an "
            "accessible version if you need one. Descriptions moved from the earlier method bank may lack text "
            "alternatives for images, which we are adding. "
            "If you notice an accessibility problem, tell us through the feedback form or by e-mail. "
            "We answer within two weeks. If you are not satisfied with the answer, you can notify the "
            "supervisory authority (webaccessibility.fi).",
        },
    },
]


def pairs(*texts_by_language, target):
    """Map each Finnish source string to its ``target`` language version."""
    return {texts["fi"]: texts[target] for texts in texts_by_language}


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def home_body():
    return [
        (
            "hero",
            {
                "heading": HOME["hero_heading"]["fi"],
                "text": HOME["hero_text"]["fi"],
                "search_placeholder": HOME["hero_placeholder"]["fi"],
            },
        ),
        ("intro", RichText(f"<p>{HOME['intro']['fi']}</p>")),
    ]


def ensure_home(locales):
    """Create the Finnish home page as the site root, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locales["fi"]).first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePageFactory(
            parent=root, title=HOME["title"]["fi"], slug="etusivu", locale=locales["fi"], body=home_body()
        )
    elif not home.body:  # the bare home page an import makes when it runs first
        home.body = home_body()
        home.save_revision().publish()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if not isinstance(old_root.specific, HomePage):
            old_root.delete()
    return home


def ensure_content_pages(home, locales):
    pages = []
    for spec in CONTENT_PAGES:
        page = ContentPage.objects.filter(locale=locales["fi"], slug=spec["slug"]).first()
        if page is None:
            page = ContentPageFactory(
                parent=home,
                slug=spec["slug"],
                title=spec["title"]["fi"],
                intro=spec["intro"]["fi"],
                body=[("text", RichText(f"<p>{spec['body']['fi']}</p>"))],
                locale=locales["fi"],
            )
        pages.append((page, spec))
    return pages


def add_link_list(home, content_pages):
    if any(block.block_type == "link_list" for block in home.body):
        return
    home.body.append(
        (
            "link_list",
            {
                "heading": HOME["links_heading"]["fi"],
                "links": [{"page": page, "url": "", "text": ""} for page, _spec in content_pages],
            },
        )
    )
    home.save_revision().publish()


def translate_once(page, locale, strings):
    """Translate a page unless an editor's translation already exists."""
    if needs_translation(page, locale):
        publish_translation(page, locale, strings)


@transaction.atomic
def load_site():
    """Build or refresh the site skeleton; safe to run again."""
    locales = ensure_locales()
    home = ensure_home(locales)
    content_pages = ensure_content_pages(home, locales)
    add_link_list(home, content_pages)
    for target in ("sv", "en"):
        home_strings = pairs(
            HOME["title"],
            HOME["hero_heading"],
            HOME["hero_text"],
            HOME["hero_placeholder"],
            HOME["intro"],
            HOME["links_heading"],
            target=target,
        )
        translate_once(home, locales[target], home_strings)
        for page, spec in content_pages:
            translate_once(page, locales[target], pairs(spec["title"], spec["intro"], spec["body"], target=target))
    return home
