"""The method bank's starting vocabularies in Finnish, Swedish and English.

Themes follow the table of contents of the 2020 Zoomi report (four main themes,
A–D, and their sub-themes); the Swedish and English names are our translations.
Regions are Finland's regions with their ISO 3166-2:FI codes and official names.
Only what is missing is added, so editors' changes survive.

The data and code are frozen here, as they were when this migration was written,
and use historical models only: later changes to the apps never change what it does.
"""

import uuid

from django.db import migrations

LANGUAGES = ("fi", "sv", "en")

# code, parent code, {language: name}
THEMES = [
    (
        "A",
        None,
        ("Sujuva siirtyminen koulutukseen", "Smidig övergång till utbildning", "Smooth transition into education"),
    ),
    ("A1", "A", ("Hakeutumisen ohjauspalvelut", "Vägledningstjänster för sökande", "Guidance services for applicants")),
    (
        "A2",
        "A",
        (
            "Hakeutumisvaiheen henkilökohtaistaminen, koulutustutustuminen ja perehdyttäminen",
            "Individualisering, studiebesök och introduktion i ansökningsskedet",
            "Personalisation, taster visits and induction when applying",
        ),
    ),
    ("A3", "A", ("Avoimet oppimisympäristöt", "Öppna lärmiljöer", "Open learning environments")),
    (
        "A4",
        "A",
        ("Hakeutumisvaiheen yhteistyö", "Samarbete i ansökningsskedet", "Cooperation at the application stage"),
    ),
    (
        "A5",
        "A",
        (
            "Ammatillisen koulutuksen vetovoimaisuus",
            "Yrkesutbildningens attraktionskraft",
            "Attractiveness of vocational education",
        ),
    ),
    (
        "B",
        None,
        (
            "Sujuvien siirtymien ohjaus koulutuksen aikana",
            "Vägledning för smidiga övergångar under utbildningen",
            "Guidance for smooth transitions during education",
        ),
    ),
    ("B1", "B", ("Ohjausta tukevat työkalut", "Verktyg som stöder vägledningen", "Tools that support guidance")),
    (
        "B2",
        "B",
        (
            "Ohjauspalvelut sekä ohjausta kehittävät uudet toimintatavat",
            "Vägledningstjänster och nya arbetssätt som utvecklar vägledningen",
            "Guidance services and new ways of developing guidance",
        ),
    ),
    (
        "B3",
        "B",
        (
            "Ohjaavan opettajuuden kehittyminen",
            "Utveckling av det handledande lärarskapet",
            "Developing teachers' guidance role",
        ),
    ),
    (
        "B4",
        "B",
        (
            "HOKS ja henkilökohtaistaminen",
            "PUK och individualisering",
            "Personal competence development plans (HOKS) and personalisation",
        ),
    ),
    (
        "B5",
        "B",
        (
            "Oppimisanalytiikka ja opiskelijan digijalanjälki",
            "Lärandeanalytik och studerandens digitala fotspår",
            "Learning analytics and the student's digital footprint",
        ),
    ),
    (
        "B6",
        "B",
        (
            "Työelämälähtöisyyttä tukevat toimintatavat",
            "Arbetssätt som stöder arbetslivsorientering",
            "Practices that bring working life into education",
        ),
    ),
    (
        "B7",
        "B",
        (
            "Muut uudet oppimisympäristöt ja digitaalisuus",
            "Andra nya lärmiljöer och digitalisering",
            "Other new learning environments and digitalisation",
        ),
    ),
    (
        "B8",
        "B",
        (
            "Osaamisen tunnistaminen ja yksilöllisten opintopolkujen tukeminen",
            "Erkännande av kunnande och stöd för individuella studievägar",
            "Recognising competence and supporting individual study paths",
        ),
    ),
    (
        "C",
        None,
        (
            "Varhainen puuttuminen, keskeyttämisen tuki sekä jatkuva hakeutuminen",
            "Tidigt ingripande, stöd vid studieavbrott och kontinuerlig ansökan",
            "Early intervention, support against dropping out and continuous application",
        ),
    ),
    (
        "C1",
        "C",
        (
            "Keskeyttämistilanteessa olevien opiskelijoiden tunnistaminen ja ohjaus",
            "Att identifiera och vägleda studerande som överväger att avbryta",
            "Identifying and guiding students who are about to drop out",
        ),
    ),
    (
        "C2",
        "C",
        (
            "Opiskeluvalmiuksien sekä osallisuuden vahvistaminen",
            "Att stärka studiefärdigheter och delaktighet",
            "Strengthening study skills and inclusion",
        ),
    ),
    ("C3", "C", ("Työvaltaiset oppimisympäristöt", "Arbetsbaserade lärmiljöer", "Work-based learning environments")),
    (
        "C4",
        "C",
        (
            "Opiskeluhuoltoa tukevat käytännöt ja mallit",
            "Praxis och modeller som stöder elevvården",
            "Practices and models that support student welfare",
        ),
    ),
    (
        "C5",
        "C",
        (
            "Sisäisiä siirtymiä tukevat käytännöt",
            "Praxis som stöder interna övergångar",
            "Practices that support transfers within a school",
        ),
    ),
    (
        "C6",
        "C",
        ("Jatkuvan hakeutumisen ohjaus", "Vägledning vid kontinuerlig ansökan", "Guidance for continuous application"),
    ),
    (
        "D",
        None,
        (
            "Sujuva siirtyminen työelämään ja jatko-opintoihin",
            "Smidig övergång till arbetslivet och fortsatta studier",
            "Smooth transition to working life and further studies",
        ),
    ),
    (
        "D1",
        "D",
        (
            "Väyläopinnot ammatillisesta koulutuksesta ammattikorkeakouluun",
            "Bryggstudier från yrkesutbildning till yrkeshögskola",
            "Pathway studies from vocational education to universities of applied sciences",
        ),
    ),
    (
        "D2",
        "D",
        (
            "Muut jatko-opintoihin siirtymistä tukevat mallit",
            "Andra modeller som stöder övergången till fortsatta studier",
            "Other models that support moving on to further studies",
        ),
    ),
    (
        "D3",
        "D",
        (
            "Ammatillisten oppilaitosten ja ammattikorkeakoulujen yhteistyötä edistävät mallit",
            "Modeller som främjar samarbete mellan yrkesläroanstalter och yrkeshögskolor",
            "Models for cooperation between vocational schools and universities of applied sciences",
        ),
    ),
    (
        "D4",
        "D",
        (
            "Uraohjaus ja työnhakutaitojen vahvistaminen",
            "Karriärvägledning och färdigheter i att söka jobb",
            "Career guidance and job-seeking skills",
        ),
    ),
    ("D5", "D", ("Työllistymisen tukeminen", "Stöd för sysselsättning", "Supporting employment")),
]

# ISO 3166-2:FI code (lower case, as a slug), official names in fi, sv and en.
REGIONS = [
    ("fi-01", ("Ahvenanmaa", "Åland", "Åland")),
    ("fi-02", ("Etelä-Karjala", "Södra Karelen", "South Karelia")),
    ("fi-03", ("Etelä-Pohjanmaa", "Södra Österbotten", "South Ostrobothnia")),
    ("fi-04", ("Etelä-Savo", "Södra Savolax", "South Savo")),
    ("fi-05", ("Kainuu", "Kajanaland", "Kainuu")),
    ("fi-06", ("Kanta-Häme", "Egentliga Tavastland", "Tavastia Proper")),
    ("fi-07", ("Keski-Pohjanmaa", "Mellersta Österbotten", "Central Ostrobothnia")),
    ("fi-08", ("Keski-Suomi", "Mellersta Finland", "Central Finland")),
    ("fi-09", ("Kymenlaakso", "Kymmenedalen", "Kymenlaakso")),
    ("fi-10", ("Lappi", "Lappland", "Lapland")),
    ("fi-11", ("Pirkanmaa", "Birkaland", "Pirkanmaa")),
    ("fi-12", ("Pohjanmaa", "Österbotten", "Ostrobothnia")),
    ("fi-13", ("Pohjois-Karjala", "Norra Karelen", "North Karelia")),
    ("fi-14", ("Pohjois-Pohjanmaa", "Norra Österbotten", "North Ostrobothnia")),
    ("fi-15", ("Pohjois-Savo", "Norra Savolax", "North Savo")),
    ("fi-16", ("Päijät-Häme", "Päijänne-Tavastland", "Päijät-Häme")),
    ("fi-17", ("Satakunta", "Satakunta", "Satakunta")),
    ("fi-18", ("Uusimaa", "Nyland", "Uusimaa")),
    ("fi-19", ("Varsinais-Suomi", "Egentliga Finland", "Southwest Finland")),
]
NATIONAL_REGION = ("national", ("Koko Suomi", "Hela Finland", "All of Finland"))

TARGET_GROUPS = [
    ("applicants", ("Koulutukseen hakeutuvat", "Sökande till utbildning", "People applying to education")),
    ("basic-education", ("Perusopetuksen oppilaat", "Elever i grundläggande utbildning", "Pupils in basic education")),
    (
        "vocational-students",
        ("Ammatillisen koulutuksen opiskelijat", "Studerande i yrkesutbildning", "Vocational students"),
    ),
    (
        "at-risk-students",
        (
            "Keskeyttämisvaarassa olevat opiskelijat",
            "Studerande som riskerar att avbryta studierna",
            "Students at risk of dropping out",
        ),
    ),
    (
        "special-support",
        (
            "Erityistä tukea tarvitsevat opiskelijat",
            "Studerande i behov av särskilt stöd",
            "Students who need special support",
        ),
    ),
    (
        "immigrants",
        (
            "Maahanmuuttajataustaiset opiskelijat",
            "Studerande med invandrarbakgrund",
            "Students with an immigrant background",
        ),
    ),
    (
        "neet-youth",
        (
            "Koulutuksen ja työn ulkopuolella olevat nuoret",
            "Unga utanför utbildning och arbetsliv",
            "Young people not in education or work",
        ),
    ),
    ("adult-learners", ("Aikuisopiskelijat", "Vuxenstuderande", "Adult learners")),
    (
        "guidance-staff",
        ("Opinto-ohjaajat ja opettajat", "Studiehandledare och lärare", "Guidance counsellors and teachers"),
    ),
    (
        "workplaces",
        (
            "Työpaikat ja työpaikkaohjaajat",
            "Arbetsplatser och arbetsplatshandledare",
            "Workplaces and workplace instructors",
        ),
    ),
    (
        "graduates",
        (
            "Valmistuvat ja jatko-opintoihin siirtyvät",
            "Studerande som utexamineras eller går vidare till fortsatta studier",
            "Graduates and students moving on to further studies",
        ),
    ),
]

FUNDING_SOURCES = [
    ("esf", ("Euroopan sosiaalirahasto (ESR)", "Europeiska socialfonden (ESF)", "European Social Fund (ESF)")),
    ("oph", ("Opetushallitus", "Utbildningsstyrelsen", "Finnish National Agency for Education")),
    (
        "okm",
        ("Opetus- ja kulttuuriministeriö", "Undervisnings- och kulturministeriet", "Ministry of Education and Culture"),
    ),
    ("ely", ("ELY-keskus", "NTM-centralen", "ELY Centre")),
    ("other", ("Muu rahoitus", "Annan finansiering", "Other funding")),
]


def _ensure_term(model, locales, code, names, order, **extra):
    """Create the missing language versions of one term, all sharing a translation key."""
    existing = {term.locale_id: term for term in model.objects.filter(code=code)}
    key = next((term.translation_key for term in existing.values()), uuid.uuid4())
    terms = {}
    for language, name in zip(LANGUAGES, names, strict=True):
        locale = locales[language]
        term = existing.get(locale.pk)
        if term is None:
            resolved = {field: value[language] if isinstance(value, dict) else value for field, value in extra.items()}
            term = model.objects.create(
                code=code, name=name, sort_order=order, locale=locale, translation_key=key, **resolved
            )
        terms[language] = term
    return terms


def seed(apps, schema_editor):
    """Add any missing theme, region, target group and funding source in fi, sv and en."""
    Locale = apps.get_model("wagtailcore", "Locale")
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}

    Theme = apps.get_model("methodbank", "Theme")
    main_themes = {}
    for order, (code, parent_code, names) in enumerate(THEMES):
        parent = main_themes.get(parent_code)
        extra = {"parent": parent} if parent else {}
        terms = _ensure_term(Theme, locales, code, names, order, **extra)
        if parent_code is None:
            main_themes[code] = terms

    Region = apps.get_model("methodbank", "Region")
    for order, (code, names) in enumerate([*REGIONS, NATIONAL_REGION]):
        _ensure_term(Region, locales, code, names, order, is_national=code == NATIONAL_REGION[0])

    for model_name, rows in (("TargetGroup", TARGET_GROUPS), ("FundingSource", FUNDING_SOURCES)):
        model = apps.get_model("methodbank", model_name)
        for order, (code, names) in enumerate(rows):
            _ensure_term(model, locales, code, names, order)


class Migration(migrations.Migration):
    dependencies = [
        ("methodbank", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
