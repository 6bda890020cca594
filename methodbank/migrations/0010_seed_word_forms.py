"""Word forms and synonyms that recognise the vocabularies' terms, and the keywords the import introduces.

Imports tag items with a term where their text uses one of its word forms (``methodbank.importer.classify``),
and searches use them across languages. Matching compares base forms from the same Finnish and Swedish
analysis as search, so one form covers its inflections: "Lappi" also finds *Lapin*, *Lapissa* and
*lappilaisten*. The inflected place names the Zoomi report uses are listed all the same, so that a reader
of the admin sees what the import recognises.

Regions also list their main towns and a few schools whose names give no place (OSAO, WinNova,
Salpaus…): place names in a text, and in the lead organisation's name, tell where a project worked.

An area that spans several regions is a word form of every region it covers (``AREAS``). The wider
areas follow the large regions (suuralueet) of the ESF programme 2014–2020 that funded the report's
projects: Itä-Suomi is Etelä-Savo, Pohjois-Savo and Pohjois-Karjala; Pohjois-Suomi is Keski-Pohjanmaa,
Pohjois-Pohjanmaa, Kainuu and Lappi; Länsi-Suomi is Keski-Suomi, Etelä-Pohjanmaa, Pohjanmaa, Satakunta
and Pirkanmaa; Etelä-Suomi is the other six regions of the mainland.

Only empty word form fields are filled and only missing keywords created, so editors' changes survive.
The data and code are frozen here, as they were when this migration was written, and use historical
models only: later changes to the apps never change what it does.
"""

import uuid

from django.db import migrations

LANGUAGES = ("fi", "sv", "en")

# code: {language: [word forms]}
REGION_WORD_FORMS = {
    "fi-01": {
        "fi": ["Ahvenanmaa", "Ahvenanmaalla", "Maarianhamina"],
        "sv": ["Åland", "åländsk", "Mariehamn"],
        "en": ["Åland", "Aland Islands", "Mariehamn"],
    },
    "fi-02": {
        "fi": [
            "Etelä-Karjala",
            "Etelä-Karjalan",
            "eteläkarjalainen",
            "Lappeenranta",
            "Imatra",
            "Saimaan ammattiopisto",
        ],
        "sv": ["Södra Karelen", "Villmanstrand", "Imatra"],
        "en": ["South Karelia", "Lappeenranta", "Imatra"],
    },
    "fi-03": {
        "fi": ["Etelä-Pohjanmaa", "eteläpohjalainen", "Seinäjoki", "Seinäjoen", "Ähtäri", "Lapua", "Kauhajoki", "Sedu"],
        "sv": ["Södra Österbotten", "sydösterbottnisk", "Seinäjoki"],
        "en": ["South Ostrobothnia", "Seinäjoki"],
    },
    "fi-04": {
        "fi": ["Etelä-Savo", "Etelä-Savon", "Etelä-Savossa", "Itä-Savo", "Mikkeli", "Mikkelin", "Mikkelissä"]
        + ["Savonlinna", "Pieksämäki", "Pieksämäen", "Esedu"],
        "sv": ["Södra Savolax", "S:t Michel", "Nyslott", "Pieksämäki"],
        "en": ["South Savo", "Southern Savonia", "Mikkeli", "Savonlinna"],
    },
    "fi-05": {
        "fi": ["Kainuu", "Kainuun", "kainuulainen", "Kajaani", "Kajaanin", "Sotkamo", "Kuhmo", "Suomussalmi"],
        "sv": ["Kajanaland", "Kajana"],
        "en": ["Kainuu", "Kajaani"],
    },
    "fi-06": {
        "fi": ["Kanta-Häme", "kantahämäläinen", "Hämeenlinna", "Riihimäki", "Forssa", "Janakkala"]
        + ["Hämeen ammattikorkeakoulu", "HAMK"],
        "sv": ["Egentliga Tavastland", "Tavastehus", "Riihimäki", "Forssa"],
        "en": ["Tavastia Proper", "Kanta-Häme", "Hämeenlinna", "HAMK University of Applied Sciences"],
    },
    "fi-07": {
        "fi": ["Keski-Pohjanmaa", "Keski-Pohjanmaan", "keskipohjalainen", "Kokkola", "Kannus", "Centria"],
        "sv": ["Mellersta Österbotten", "Karleby", "Centria"],
        "en": ["Central Ostrobothnia", "Kokkola", "Centria"],
    },
    "fi-08": {
        "fi": ["Keski-Suomi", "Keski-Suomessa", "keskisuomalainen", "Jyväskylä", "Jyväskylän", "Jyväskylässä"]
        + ["Jämsä", "Jämsän", "Äänekoski", "Saarijärvi", "Viitasaari"],
        "sv": ["Mellersta Finland", "Jyväskylä"],
        "en": ["Central Finland", "Jyväskylä"],
    },
    "fi-09": {
        "fi": ["Kymenlaakso", "Kymenlaakson", "Kymenlaaksossa", "kymenlaaksolainen", "Kotka", "Kotkan", "Hamina"]
        + ["Haminan", "Kouvola"],
        "sv": ["Kymmenedalen", "Kotka", "Fredrikshamn", "Kouvola"],
        "en": ["Kymenlaakso", "Kotka", "Hamina", "Kouvola"],
    },
    "fi-10": {
        "fi": ["Lappi", "Lapin", "Lapissa", "Lappia", "lappilainen", "Rovaniemi", "Rovaniemen", "Rovaniemellä"]
        + ["Kemi", "Tornio", "Kemi-Tornionlaakso", "Kemijärvi", "Kittilä", "Sodankylä", "Inari"],
        "sv": ["Lappland", "Rovaniemi", "Torneå", "Kemi"],
        "en": ["Lapland", "Rovaniemi", "Tornio", "Kemi"],
    },
    "fi-11": {
        "fi": ["Pirkanmaa", "Pirkanmaalla", "pirkanmaalainen", "Tampere", "Tampereen", "Nokia", "Nokian"]
        + ["Valkeakoski", "Valkeakosken", "Ylöjärvi", "Kangasala", "Sastamala", "Tredu"],
        "sv": ["Birkaland", "Tammerfors", "Nokia", "Valkeakoski"],
        "en": ["Pirkanmaa", "Tampere", "Tampere region", "Nokia", "Valkeakoski"],
    },
    "fi-12": {
        "fi": ["Pohjanmaa", "Vaasa", "Pietarsaari", "Närpiö", "Kristiinankaupunki", "Uusikaarlepyy"],
        "sv": ["Österbotten", "österbottnisk", "Vasa", "Jakobstad", "Närpes", "Kristinestad", "Nykarleby"],
        "en": ["Ostrobothnia", "Vaasa", "Jakobstad"],
    },
    "fi-13": {
        "fi": ["Pohjois-Karjala", "Pohjois-Karjalan", "Pohjois-Karjalassa", "pohjoiskarjalainen", "Joensuu"]
        + ["Lieksa", "Nurmes", "Kitee", "Karelia-ammattikorkeakoulu"],
        "sv": ["Norra Karelen", "Joensuu"],
        "en": ["North Karelia", "Joensuu", "Karelia University of Applied Sciences"],
    },
    "fi-14": {
        "fi": ["Pohjois-Pohjanmaa", "Pohjois-Pohjanmaan", "Pohjois-Pohjanmaalla", "pohjoispohjalainen", "Oulu"]
        + ["Oulun", "Oulussa", "Raahe", "Ylivieska", "Kempele", "Tyrnävä", "Tyrnävän", "Kuusamo", "Nivala", "OSAO"],
        "sv": ["Norra Österbotten", "Uleåborg", "Brahestad"],
        "en": ["North Ostrobothnia", "Northern Ostrobothnia", "Oulu"],
    },
    "fi-15": {
        "fi": ["Pohjois-Savo", "pohjoissavolainen", "Ylä-Savo", "Kuopio", "Iisalmi", "Varkaus", "Siilinjärvi"]
        + ["Savonia", "Sakky", "Savon koulutuskuntayhtymä"],
        "sv": ["Norra Savolax", "Kuopio", "Idensalmi"],
        "en": ["North Savo", "Northern Savonia", "Kuopio"],
    },
    "fi-16": {
        "fi": ["Päijät-Häme", "Päijät-Hämeen", "Päijät-Hämeessä", "päijäthämäläinen", "Lahti", "Heinola"]
        + ["Hollola", "Orimattila", "Salpaus"],
        "sv": ["Päijänne-Tavastland", "Lahtis", "Heinola"],
        "en": ["Päijät-Häme", "Lahti"],
    },
    "fi-17": {
        "fi": ["Satakunta", "Satakunnan", "Satakunnassa", "satakuntalainen", "Pori", "Rauma", "Kankaanpää"]
        + ["Kankaanpään", "Huittinen", "Harjavalta", "WinNova", "Länsirannikon Koulutus"],
        "sv": ["Satakunda", "Björneborg", "Raumo"],
        "en": ["Satakunta", "Pori", "Rauma"],
    },
    "fi-18": {
        "fi": ["Uusimaa", "Uudenmaan", "Uudellemaalle", "uusimaalainen", "pääkaupunkiseutu", "Helsinki"]
        + ["Helsingin", "Espoo", "Vantaa", "Vantaan", "Kauniainen", "Porvoo", "Lohja", "Hyvinkää", "Järvenpää"]
        + ["Kerava", "Tuusula", "Kirkkonummi", "Raasepori", "Loviisa", "Luksia", "Hyria", "Keuda", "Omnia"],
        "sv": ["Nyland", "nyländsk", "huvudstadsregionen", "Helsingfors", "Esbo", "Vanda", "Grankulla", "Borgå"]
        + ["Lojo", "Raseborg", "Ekenäs", "Lovisa", "Kyrkslätt"],
        "en": ["Uusimaa", "Helsinki region", "capital region", "Helsinki", "Espoo", "Vantaa"],
    },
    "fi-19": {
        "fi": ["Varsinais-Suomi", "Varsinais-Suomessa", "varsinaissuomalainen", "Turku", "Turun", "Salo"]
        + ["Raisio", "Naantali", "Uusikaupunki", "Loimaa", "Parainen", "Turunmaa"],
        "sv": ["Egentliga Finland", "Åbo", "Åboland", "Salo", "Reso", "S:t Karins", "Nådendal", "Nystad", "Pargas"],
        "en": ["Southwest Finland", "Finland Proper", "Turku"],
    },
}

# Areas that span several regions: {language: [word forms]} and the regions they cover.
AREAS = [
    (
        {"fi": ["Itä-Suomi", "Itä-Suomessa", "itäsuomalainen"], "sv": ["Östra Finland"], "en": ["Eastern Finland"]},
        ["fi-04", "fi-13", "fi-15"],
    ),
    (
        {"fi": ["Pohjois-Suomi", "pohjoissuomalainen"], "sv": ["Norra Finland"], "en": ["Northern Finland"]},
        ["fi-05", "fi-07", "fi-10", "fi-14"],
    ),
    (
        {"fi": ["Länsi-Suomi", "länsisuomalainen"], "sv": ["Västra Finland"], "en": ["Western Finland"]},
        ["fi-03", "fi-08", "fi-11", "fi-12", "fi-17"],
    ),
    (
        {"fi": ["Etelä-Suomi", "eteläsuomalainen"], "sv": ["Södra Finland"], "en": ["Southern Finland"]},
        ["fi-02", "fi-06", "fi-09", "fi-16", "fi-18", "fi-19"],
    ),
    (
        {"fi": ["Kaakkois-Suomi", "kaakkoissuomalainen"], "sv": ["Sydöstra Finland"], "en": ["South-Eastern Finland"]},
        ["fi-02", "fi-09"],
    ),
    # In English, "Southwest Finland" is Varsinais-Suomi alone (its official name).
    ({"fi": ["Lounais-Suomi", "Lounais-Suomessa"], "sv": ["Sydvästra Finland"], "en": []}, ["fi-17", "fi-19"]),
    (
        {"fi": ["ruotsinkielinen Suomi"], "sv": ["Svenskfinland"], "en": ["Swedish-speaking Finland"]},
        ["fi-12", "fi-18", "fi-19"],
    ),
]

# Imports take the whole country from a project's scope (the report's project list), not from text.
NATIONAL_WORD_FORMS = {
    "fi": ["koko Suomi", "koko maa", "valtakunnallinen"],
    "sv": ["hela Finland", "hela landet", "riksomfattande", "nationell"],
    "en": ["all of Finland", "nationwide", "national"],
}

TARGET_GROUP_WORD_FORMS = {
    "applicants": {
        "fi": ["hakija", "hakeutuja", "hakeutumisvaihe", "koulutukseen hakeutuminen", "koulutukseen hakeutuva"]
        + ["opintoihin hakeutuminen", "alalle hakeutuva", "hakeutumisen ohjaus", "koulutukseen tutustuja", "tutustuja"]
        + ["hakuaika"]
        + ["jatkuva haku"],
        "sv": ["sökande", "ansökan", "ansökningsskede", "kontinuerlig ansökan"],
        "en": ["applicant", "applicants", "applying", "application stage"],
    },
    "basic-education": {
        "fi": ["peruskoulu", "peruskoululainen", "perusopetus", "perusopetuksen oppilas", "yläkoulu"]
        + ["yläkoululainen", "yläkouluikäinen", "oppilas", "oppilaanohjaus", "yhdeksäsluokkalainen"],
        "sv": ["grundskola", "grundläggande utbildning", "elev", "högstadium", "högstadieelev"],
        "en": ["basic education", "comprehensive school", "lower secondary", "pupil", "pupils"],
    },
    "vocational-students": {
        # Items come from vocational education: a student (opiskelija) there is a vocational student.
        "fi": ["opiskelija", "ammattiopiskelija", "ammatillinen opiskelija", "ammatillisen koulutuksen opiskelija"]
        + ["toisen asteen opiskelija", "ammattiin opiskeleva", "amis", "amislainen", "ammattiopisto"]
        + ["ammatillinen perustutkinto"],
        "sv": ["yrkesstuderande", "studerande i yrkesutbildning", "yrkesinstitut", "yrkesutbildning"],
        "en": ["vocational student", "vocational students", "vocational school", "vocational college"],
    },
    "at-risk-students": {
        "fi": ["keskeyttämisvaara", "keskeyttämisuhka", "keskeyttäminen", "keskeyttää", "keskeytys", "keskeyttäjä"]
        + ["keskeyttämistilanne", "pudokas", "pudokkuus", "putoamisvaara", "läpäisy", "riskitekijä", "riskipiste"]
        + ["etenemätön", "varhainen puuttuminen"],
        "sv": ["avbryta", "studieavbrott", "avbrott", "avhopp", "avhoppare", "risk att avbryta"],
        "en": ["drop out", "dropout", "dropping out", "at risk", "retention"],
    },
    "special-support": {
        "fi": ["erityinen tuki", "vaativa erityinen tuki", "erityisopiskelija", "erityisoppija", "erityisopetus"]
        + ["erityisammattiopisto", "osatyökykyinen", "oppimisvaikeus", "kehitysvamma", "kehitysvammainen"]
        + ["tuettu oppiminen"],
        "sv": ["särskilt stöd", "specialundervisning", "specialstöd", "inlärningssvårigheter", "funktionsnedsättning"],
        "en": ["special support", "special needs", "special educational needs", "learning difficulties"],
    },
    "immigrants": {
        "fi": ["maahanmuuttaja", "maahanmuuttajat", "maahanmuuttajataustainen", "maahanmuuttajataustaisten"]
        + ["maahanmuutto", "kotoutuminen", "kotoutuja", "vieraskielinen", "turvapaikanhakija", "pakolainen"]
        + ["suomi toisena kielenä", "monikulttuurinen opiskelija", "monikulttuurinen nuori"],
        "sv": ["invandrare", "invandrarbakgrund", "invandring", "nyanländ", "nyanlända", "flykting"]
        + ["utländsk bakgrund", "integration"],
        "en": ["immigrant", "immigrants", "immigrant background", "migrant", "migrants", "refugee", "newcomer"],
    },
    "neet-youth": {
        "fi": ["syrjäytyminen", "syrjäytynyt", "syrjäytymisvaara", "etsivä nuorisotyö", "nuorisotakuu"]
        + ["koulutustakuu", "koulutuspaikkaa vaille", "koulutuksen ulkopuolella", "työn ulkopuolella"]
        + ["NEET"],
        "sv": ["utanför utbildning", "utanför arbetslivet", "marginalisering", "uppsökande ungdomsarbete"]
        + ["ungdomsgaranti", "NEET"],
        "en": ["NEET", "not in education", "outreach youth work", "youth guarantee", "social exclusion"],
    },
    "adult-learners": {
        "fi": ["aikuinen", "aikuisopiskelija", "aikuiskoulutus", "aikuisopisto", "aikuisopiskelu", "alanvaihtaja"]
        + ["alan vaihtaja", "työikäinen", "jatkuva oppiminen"],
        "sv": ["vuxen", "vuxna", "vuxenstuderande", "vuxenutbildning", "kontinuerligt lärande"],
        "en": ["adult", "adults", "adult learner", "adult education", "continuous learning", "lifelong learning"],
    },
    "guidance-staff": {
        "fi": ["opinto-ohjaaja", "opo", "opettaja", "ope", "opettajuus", "ohjaava opettaja", "ohjaushenkilöstö"]
        + ["opetushenkilöstö", "opetus- ja ohjaushenkilöstö", "ohjaustyötä tekevä", "ohjausta tekevä"]
        + ["vastuuopettaja", "ryhmänohjaaja", "koulutuksen järjestäjä"],
        "sv": ["studiehandledare", "lärare", "lärarskap", "handledande lärarskap", "personal"],
        "en": ["guidance counsellor", "counsellors", "teacher", "teachers", "teaching staff", "staff"],
    },
    "workplaces": {
        "fi": ["työpaikka", "työpaikkaohjaaja", "työnantaja", "yritys", "työelämän edustaja", "kummiyritys"],
        "sv": ["arbetsplats", "arbetsplatshandledare", "arbetsgivare", "företag"],
        "en": ["workplace", "workplaces", "workplace instructor", "employer", "employers", "company", "companies"],
    },
    "graduates": {
        "fi": ["valmistuva", "valmistunut", "valmistuminen", "vastavalmistunut", "jatko-opinto", "jatko-opinnot"]
        + ["jatko-opiskelu", "väyläopinto", "korkeakouluopinto", "ammattikorkeakouluopinto", "AMK-opinnot"]
        + ["AMK-opiskelu", "siirtymä ammattikorkeakouluun", "siirtyminen ammattikorkeakouluun"]
        + ["ammattikorkeakouluun siirtyminen", "korkeakouluvalmius", "loppuvaihe"],
        "sv": ["utexaminerad", "examen", "fortsatta studier", "yrkeshögskola", "bryggstudier"],
        "en": ["graduate", "graduates", "graduating", "further studies", "university of applied sciences"],
    },
}

FUNDING_WORD_FORMS = {
    "esf": {
        "fi": ["ESR", "Euroopan sosiaalirahasto", "sosiaalirahasto", "ESR-hanke", "ESR-rahoitus"],
        "sv": ["ESF", "Europeiska socialfonden", "socialfonden", "ESF-projekt"],
        "en": ["ESF", "European Social Fund"],
    },
    "oph": {
        "fi": ["Opetushallitus", "OPH"],
        "sv": ["Utbildningsstyrelsen"],
        "en": ["Finnish National Agency for Education", "EDUFI"],
    },
    "okm": {
        "fi": ["opetus- ja kulttuuriministeriö", "OKM"],
        "sv": ["undervisnings- och kulturministeriet", "UKM"],
        "en": ["Ministry of Education and Culture"],
    },
    "ely": {
        "fi": ["ELY-keskus", "elinkeino-, liikenne- ja ympäristökeskus"],
        "sv": ["NTM-central", "NTM-centralen"],
        "en": ["ELY Centre", "Centre for Economic Development, Transport and the Environment"],
    },
}

# code, (fi, sv, en names), {language: [word forms]}
KEYWORDS = [
    (
        "ohjaamo",
        ("Ohjaamo", "Navigatorn", "Ohjaamo one-stop guidance centres"),
        {"fi": ["Ohjaamo", "ohjaamotyö"], "sv": ["Navigatorn", "Ohjaamo"], "en": ["Ohjaamo", "one-stop guidance"]},
    ),
    (
        "roma",
        ("Romanit", "Romer", "Roma"),
        {
            "fi": ["romani", "romanit", "romaninuori", "romanitaustainen", "romaniväestö"],
            "sv": ["rom", "romer", "romsk", "romska"],
            "en": ["Roma", "Romani"],
        },
    ),
    (
        "apprenticeship",
        ("Oppisopimus", "Läroavtal", "Apprenticeship"),
        {
            "fi": ["oppisopimus", "oppisopimuskoulutus", "oppisopimuspaikka"],
            "sv": ["läroavtal", "läroavtalsutbildning"],
            "en": ["apprenticeship", "apprenticeships", "apprentice"],
        },
    ),
    (
        "work-based-learning",
        ("Työpaikalla oppiminen", "Lärande i arbetet", "Work-based learning"),
        {
            "fi": ["työpaikalla oppiminen", "työssäoppiminen", "työpaikalla tapahtuva oppiminen", "työelämäjakso"]
            + ["työvaltainen oppiminen", "työvaltainen oppimisympäristö"],
            "sv": ["lärande i arbetet", "arbetsplatsförlagt lärande", "inlärning i arbetet"],
            "en": ["work-based learning", "workplace learning", "on-the-job learning"],
        },
    ),
    (
        "peer-support",
        ("Vertaistuki", "Kamratstöd", "Peer support"),
        {
            "fi": ["vertaistuki", "vertaisryhmä", "vertaisryhmätoiminta", "vertaisohjaus", "vertaisvalmennus"]
            + ["vertaismentorointi"],
            "sv": ["kamratstöd", "kamratgrupp", "kamrathandledning"],
            "en": ["peer support", "peer group", "peer groups", "peer mentoring"],
        },
    ),
    (
        "mentoring",
        ("Mentorointi", "Mentorskap", "Mentoring"),
        {
            "fi": ["mentorointi", "mentori", "mentoritoiminta", "mentorivalmennus"],
            "sv": ["mentor", "mentorskap"],
            "en": ["mentoring", "mentor", "mentors"],
        },
    ),
    (
        "gamification",
        ("Pelillisyys", "Spelifiering", "Gamification"),
        {
            "fi": ["pelillistäminen", "pelillinen", "pelillisyys", "oppimispeli", "mobiilipeli"],
            "sv": ["spelifiering", "lärspel"],
            "en": ["gamification", "game-based learning"],
        },
    ),
    (
        "entrepreneurship",
        ("Yrittäjyys", "Företagsamhet", "Entrepreneurship"),
        {
            "fi": ["yrittäjyys", "yrittäjyyskasvatus", "yrittäjämäinen", "yrittäjä"],
            "sv": ["företagsamhet", "entreprenörskap", "företagare"],
            "en": ["entrepreneurship", "entrepreneurial", "entrepreneur"],
        },
    ),
    (
        "mobile-apps",
        ("Mobiilisovellukset", "Mobilappar", "Mobile apps"),
        {
            "fi": ["sovellus", "mobiilisovellus", "mobiili", "applikaatio"],
            "sv": ["app", "mobilapp", "applikation"],
            "en": ["app", "apps", "mobile app", "application"],
        },
    ),
    (
        "wellbeing",
        ("Opiskeluhyvinvointi", "Studerandes välbefinnande", "Student well-being"),
        {
            "fi": ["hyvinvointi", "opiskeluhyvinvointi", "kouluhyvinvointi", "jaksaminen", "mielenterveys"]
            + ["opiskeluhuolto", "hyvinvointivalmennus"],
            "sv": ["välbefinnande", "välmående", "elevvård", "psykisk hälsa"],
            "en": ["well-being", "wellbeing", "student welfare", "mental health"],
        },
    ),
    (
        "preparatory-education",
        ("Valmentava koulutus (VALMA, TELMA)", "Handledande utbildning (VALMA, TELMA)", "Preparatory education"),
        {
            "fi": ["valma", "telma", "valmentava koulutus", "tutkintoon valmentava koulutus"],
            "sv": ["handledande utbildning", "valma", "telma"],
            "en": ["preparatory education", "preparatory training"],
        },
    ),
    (
        "athletes",
        ("Urheilijat", "Idrottare", "Athletes"),
        {
            "fi": ["urheilija", "urheileva", "urheilu", "kaksoisura", "urheiluakatemia"],
            "sv": ["idrottare", "idrott", "dubbelkarriär"],
            "en": ["athlete", "athletes", "sport", "dual career"],
        },
    ),
    (
        "criminal-sanctions",
        ("Rikosseuraamusasiakkaat", "Klienter inom brottspåföljder", "Clients of criminal sanctions"),
        {
            "fi": ["rikosseuraamusasiakas", "rikosseuraamus", "vanki", "vankila", "koevapaus", "vankilaopetus"],
            "sv": ["fånge", "fängelse", "brottspåföljd"],
            "en": ["prisoner", "prisoners", "prison", "criminal sanctions"],
        },
    ),
    (
        "multiprofessional",
        ("Moniammatillinen yhteistyö", "Multiprofessionellt samarbete", "Multi-professional cooperation"),
        {
            "fi": ["moniammatillinen", "moniammatillisuus", "monialainen", "monitoimijuus", "monitoimijainen"],
            "sv": ["multiprofessionell", "sektorsöverskridande", "yrkesöverskridande"],
            "en": ["multi-professional", "multiprofessional", "multidisciplinary", "cross-sector"],
        },
    ),
    (
        "language-awareness",
        ("Kielitietoisuus ja kielituki", "Språkmedvetenhet och språkstöd", "Language awareness and support"),
        {
            "fi": ["kielitietoinen", "kielitietoisuus", "kielituki", "omakielinen", "selkokieli", "selkokielinen"],
            "sv": ["språkmedvetenhet", "språkmedveten", "språkstöd", "lättläst"],
            "en": ["language awareness", "language support", "plain language"],
        },
    ),
]


def region_word_forms():
    """``{code: {language: [word forms]}}`` of every region, areas included."""
    forms = {}
    for code, by_language in REGION_WORD_FORMS.items():
        forms[code] = {language: list(words) for language, words in by_language.items()}
    for by_language, codes in AREAS:
        for code in codes:
            for language, words in by_language.items():
                forms[code][language].extend(words)
    forms["national"] = NATIONAL_WORD_FORMS
    return forms


def _fill_empty(model, forms):
    for code, by_language in forms.items():
        for term in model.objects.filter(code=code, word_forms="").select_related("locale"):
            words = by_language.get(term.locale.language_code)
            if words:
                term.word_forms = "\n".join(dict.fromkeys(words))
                term.save(update_fields=["word_forms"])


def seed(apps, schema_editor):
    """Give every target group, region and funding source its word forms, and add the keywords."""
    Locale = apps.get_model("wagtailcore", "Locale")
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    Keyword = apps.get_model("methodbank", "Keyword")
    for order, (code, names, _forms) in enumerate(KEYWORDS):
        _ensure_term(Keyword, locales, code, names, order)
    for model_name, forms in (
        ("TargetGroup", TARGET_GROUP_WORD_FORMS),
        ("Region", region_word_forms()),
        ("FundingSource", FUNDING_WORD_FORMS),
        ("Keyword", {code: forms for code, _names, forms in KEYWORDS}),
    ):
        _fill_empty(apps.get_model("methodbank", model_name), forms)


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


class Migration(migrations.Migration):
    dependencies = [
        ("methodbank", "0009_term_suggestions"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
