"""Demo content for the method bank: a few projects, models and good practices in fi, sv and en.

Names, organisations and dates are facts from the 2020 Zoomi report and the
projects' own pages; every sentence is written for this demo. Stora Komet is
written in Swedish only, as a Swedish-speaking project would.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from wagtail.models import Locale

from home.localization import publish_translation
from methodbank.evaluation_demo import ensure_evaluations
from methodbank.factories import (
    GoodPracticePageFactory,
    MethodBankIndexPageFactory,
    ModelPageFactory,
    OrganisationFactory,
    ProjectPageFactory,
    rich_text,
)
from methodbank.models import (
    FundingSource,
    GoodPracticePage,
    MethodBankIndexPage,
    ModelPage,
    ProjectPage,
    Region,
    TargetGroup,
    Theme,
)
from methodbank.vocabularies import seed_vocabularies

INDEX = {
    "title": {"fi": "Menetelmäpankki", "sv": "Metodbanken", "en": "Method bank"},
    "intro": {
        "fi": "Hankkeet, mallit ja hyvät käytännöt, joilla siirtymiä koulutukseen, koulutuksen aikana ja "
        "työelämään on tehty sujuvammiksi.",
        "sv": "Projekt, modeller och goda exempel som har gjort övergångarna till, under och efter utbildningen "
        "smidigare.",
        "en": "Projects, models and good practices that have made transitions into, during and out of "
        "education smoother.",
    },
}

PROJECTS = [
    {
        "slug": "zoomi",
        "acronym": "ZOOMI",
        "project_code": "S21674",
        "lead": "Opetushallitus",
        "partners": ["Suomen ammatillisen koulutuksen kulttuuri- ja urheiluliitto SAKU ry"],
        "start": datetime.date(2019, 5, 1),
        "end": datetime.date(2021, 12, 31),
        "scope": "national",
        "funding": ["esf"],
        "regions": ["national"],
        "themes": ["A", "B", "C", "D"],
        "title": {
            "fi": "ZOOMI – sujuvia siirtymiä edistämässä",
            "sv": "ZOOMI – för smidiga övergångar",
            "en": "ZOOMI – promoting smooth transitions",
        },
        "summary": {
            "fi": "Koordinaatiohanke, joka kokosi sujuvien siirtymien hankkeet verkostoksi ja keräsi niiden "
            "tulokset yhteen.",
            "sv": "Ett koordineringsprojekt som förde samman projekten för smidiga övergångar i ett nätverk och "
            "samlade deras resultat.",
            "en": "A coordination project that brought the smooth-transition projects together as a network and "
            "collected their results.",
        },
        "goal": {
            "fi": "Verkosto jakaa osaamistaan, ja hyvät mallit leviävät oppilaitoksesta toiseen.",
            "sv": "Nätverket delar med sig av sitt kunnande och goda modeller sprids mellan läroanstalterna.",
            "en": "The network shares its know-how, and good models spread from one school to the next.",
        },
    },
    {
        "slug": "sopu",
        "acronym": "SOPU",
        "lead": "Keski-Uudenmaan koulutuskuntayhtymä Keuda",
        "start": datetime.date(2018, 9, 1),
        "end": datetime.date(2021, 8, 31),
        "scope": "national",
        "funding": ["esf", "oph"],
        "regions": ["national"],
        "themes": ["A", "A2", "B", "B4"],
        "budget": Decimal("1200000"),
        "title": {
            "fi": "SOPU – Sujuvat omat polut",
            "sv": "SOPU – Smidiga egna vägar",
            "en": "SOPU – Smooth personal pathways",
        },
        "summary": {
            "fi": "Hanke kehitti välineitä, joilla opiskelija pääsee tutustumaan alaan ennen hakua ja rakentaa "
            "oman opintopolkunsa.",
            "sv": "Projektet tog fram verktyg som låter den studerande pröva på en bransch före ansökan och "
            "bygga sin egen studieväg.",
            "en": "The project built tools that let a student try out a field before applying and then shape "
            "their own study path.",
        },
        "goal": {
            "fi": "Jokainen opiskelija löytää itselleen sopivan alan ja etenee opinnoissaan omaa polkuaan.",
            "sv": "Varje studerande hittar en bransch som passar och avancerar längs sin egen väg.",
            "en": "Every student finds a field that suits them and progresses along their own path.",
        },
    },
    {
        "slug": "vamos-2-aste",
        "acronym": "Vamos 2. aste",
        "lead": "Helsingin Diakonissalaitos",
        "start": datetime.date(2019, 1, 1),
        "end": datetime.date(2021, 12, 31),
        "scope": "national",
        "funding": ["esf"],
        "regions": ["fi-18", "fi-11", "fi-14"],
        "themes": ["C", "C1"],
        "title": {"fi": "Vamos 2. aste", "sv": "Vamos andra stadiet", "en": "Vamos upper secondary"},
        "summary": {
            "fi": "Hanke tuki opiskelijoita, joiden opinnot uhkasivat katketa, yksilö- ja ryhmävalmennuksella.",
            "sv": "Projektet stödde studerande vars studier höll på att avbrytas med individuell coachning och "
            "gruppcoachning.",
            "en": "The project supported students whose studies were about to break off, with individual and "
            "group coaching.",
        },
        "goal": {
            "fi": "Opiskelija kiinnittyy opintoihinsa, ja oppilaitos tunnistaa keskeyttämisen riskin ajoissa.",
            "sv": "Den studerande engagerar sig i studierna och läroanstalten upptäcker risken för avbrott i tid.",
            "en": "Students stay engaged in their studies, and schools notice the risk of dropping out in time.",
        },
    },
    {
        "slug": "yhessa",
        "acronym": "Yhessä",
        "lead": "Savon koulutuskuntayhtymä",
        "partners": ["Pohjois-Karjalan koulutuskuntayhtymä", "Etelä-Savon Koulutus Oy"],
        "start": datetime.date(2017, 12, 15),
        "end": datetime.date(2019, 12, 31),
        "scope": "regional",
        "funding": ["oph"],
        "regions": ["fi-15", "fi-04", "fi-13", "fi-05"],
        "themes": ["C", "C4"],
        "budget": Decimal("116000"),
        "title": {"fi": "Yhessä", "sv": "Yhessä – tillsammans", "en": "Yhessä – together"},
        "summary": {
            "fi": "Itäsuomalaiset oppilaitokset kehittivät yhdessä opiskelijoiden kanssa tapoja vahvistaa "
            "yhteisöllisyyttä ja opiskeluhuoltoa.",
            "sv": "Läroanstalter i östra Finland utvecklade tillsammans med de studerande sätt att stärka "
            "gemenskapen och elevvården.",
            "en": "Schools in eastern Finland worked with their students on ways to strengthen community and "
            "student welfare.",
        },
        "goal": {
            "fi": "Opiskelija kokee kuuluvansa ryhmään myös silloin, kun hän aloittaa kesken lukuvuoden.",
            "sv": "Den studerande känner sig som en del av gruppen även när hen börjar mitt under läsåret.",
            "en": "Students feel they belong to a group even when they start in the middle of the school year.",
        },
    },
]

MODELS = [
    {
        "slug": "koulutukseen-tutustuminen",
        "projects": ["sopu"],
        "period": "2019-2021",
        "themes": ["A", "A2"],
        "target_groups": ["applicants", "basic-education", "guidance-staff"],
        "regions": ["national"],
        "evaluation": "expert",
        "title": {
            "fi": "Koulutukseen tutustuminen",
            "sv": "Bekanta dig med utbildningen",
            "en": "Trying out vocational education",
        },
        "summary": {
            "fi": "Malli kertoo, miten oppilaitos järjestää tutustumisjakson, jolla nuori näkee alan arjen "
            "ennen hakua.",
            "sv": "Modellen visar hur en läroanstalt ordnar en prövoperiod där den unga ser branschens vardag "
            "före ansökan.",
            "en": "The model shows how a school arranges a taster period in which a young person sees the "
            "everyday work of a field before applying.",
        },
        "goal": {
            "fi": "Nuori tekee alavalintansa omien kokemustensa perusteella.",
            "sv": "Den unga väljer bransch utifrån egna erfarenheter.",
            "en": "Young people choose their field on the basis of their own experience.",
        },
        "implementation": {
            "fi": "Tutustuja saa etukäteen ohjeen, työparin ja tehtävät, ja jakso päättyy palautekeskusteluun.",
            "sv": "Den som provar på får i förväg en instruktion, en arbetskamrat och uppgifter, och perioden "
            "avslutas med ett samtal.",
            "en": "The visitor gets instructions, a buddy and tasks in advance, and the period ends with a "
            "feedback talk.",
        },
        "target_group": {
            "fi": "Perusopetuksen päättövaiheen oppilaat, jotka harkitsevat ammatillista koulutusta, ja heidän "
            "opinto-ohjaajansa.",
            "sv": "Elever i slutet av den grundläggande utbildningen som funderar på yrkesutbildning, och deras "
            "studiehandledare.",
            "en": "Pupils at the end of basic education who are considering vocational education, and their "
            "guidance counsellors.",
        },
        "results": {
            "fi": "Tutustujien palautteen mukaan jakso selkeytti alavalintaa ja madalsi kynnystä hakea.",
            "sv": "Enligt besökarnas respons gjorde perioden valet av bransch tydligare och tröskeln att söka lägre.",
            "en": "Visitors' feedback says the period made their choice of field clearer and applying less daunting.",
        },
    },
    {
        "slug": "henkilokohtaistamisen-muistilistat",
        "projects": ["sopu"],
        "period": "2019-2021",
        "themes": ["B", "B4"],
        "target_groups": ["guidance-staff", "vocational-students"],
        "regions": ["national"],
        "evaluation": "peer",
        "title": {
            "fi": "Henkilökohtaistamisen muistilistat",
            "sv": "Checklistor för individualisering",
            "en": "Checklists for personalised study plans",
        },
        "summary": {
            "fi": "Muistilistat auttavat opettajaa ja opiskelijaa laatimaan ja päivittämään henkilökohtaisen "
            "osaamisen kehittämissuunnitelman.",
            "sv": "Checklistorna hjälper lärare och studerande att göra upp och uppdatera den personliga "
            "utvecklingsplanen.",
            "en": "The checklists help teachers and students draw up and update the personal competence "
            "development plan.",
        },
        "goal": {
            "fi": "Suunnitelma pysyy ajan tasalla koko opintojen ajan.",
            "sv": "Planen hålls aktuell under hela studietiden.",
            "en": "The plan stays up to date throughout the studies.",
        },
        "implementation": {
            "fi": "Listat käydään läpi aloituskeskustelussa ja jokaisen tutkinnon osan alussa.",
            "sv": "Listorna gås igenom vid startsamtalet och i början av varje examensdel.",
            "en": "The lists are gone through in the first meeting and at the start of each unit.",
        },
        "target_group": {
            "fi": "Ammatillisen koulutuksen opettajat ja opinto-ohjaajat sekä opiskelijat, joiden suunnitelmaa "
            "laaditaan tai päivitetään.",
            "sv": "Lärare och studiehandledare inom yrkesutbildningen samt studerande vars plan görs upp eller "
            "uppdateras.",
            "en": "Vocational teachers and guidance counsellors, and the students whose plan is drawn up or updated.",
        },
        "results": {
            "fi": "Kokeiluissa opettajat kertoivat keskustelujen jäsentyneen ja suunnitelmien pysyneen ajan tasalla.",
            "sv": "I försöken berättade lärarna att samtalen blev mer strukturerade och att planerna hölls aktuella.",
            "en": "In the trials, teachers said the meetings became more structured and the plans stayed up to date.",
        },
    },
    {
        "slug": "opintoihin-kiinnittymisen-toimintamalli",
        "projects": ["vamos-2-aste"],
        "period": "2019-2021",
        "themes": ["C", "C1"],
        "target_groups": ["at-risk-students", "guidance-staff"],
        "regions": ["fi-18", "fi-11", "fi-14"],
        "evaluation": "none",
        "title": {
            "fi": "Toimintamalli opintoihin kiinnittymiseksi",
            "sv": "Modell för att hålla fast vid studierna",
            "en": "A model for staying engaged in studies",
        },
        "summary": {
            "fi": "Oppilaitos tunnistaa keskeyttämisen riskit, ja valmentaja tukee opiskelijaa takaisin "
            "opintojen pariin.",
            "sv": "Läroanstalten känner igen riskerna för avbrott och en coach stöder den studerande tillbaka "
            "till studierna.",
            "en": "The school recognises the risks of dropping out, and a coach helps the student back into "
            "their studies.",
        },
        "goal": {
            "fi": "Yhä useampi opiskelija suorittaa tutkintonsa loppuun.",
            "sv": "Allt fler studerande slutför sin examen.",
            "en": "More students complete their qualification.",
        },
        "implementation": {
            "fi": "Henkilöstö käy läpi opiskelijan tilanteen kuukausittain ja sopii tuesta yhdessä hänen kanssaan.",
            "sv": "Personalen går igenom den studerandes situation varje månad och kommer överens om stödet "
            "tillsammans med hen.",
            "en": "Staff review the student's situation every month and agree on support together with them.",
        },
    },
]

PRACTICES = [
    {
        "slug": "tutustujan-perehdytys",
        "project": "sopu",
        "model": "koulutukseen-tutustuminen",
        "period": "2019-2021",
        "themes": ["A", "A2"],
        "target_groups": ["applicants"],
        "regions": ["fi-18"],
        "title": {
            "fi": "Tutustujan perehdytys",
            "sv": "Introduktion för besökare",
            "en": "Induction for visiting pupils",
        },
        "summary": {
            "fi": "Keudassa tutustuja saa ensimmäisenä päivänä kierroksen, työparin ja turvallisuusohjeet.",
            "sv": "På Keuda får besökaren en rundtur, en arbetskamrat och säkerhetsanvisningar den första dagen.",
            "en": "At Keuda, a visiting pupil gets a tour, a buddy and safety instructions on the first day.",
        },
        "goal": {
            "fi": "Tutustuja tuntee olonsa tervetulleeksi ja turvalliseksi.",
            "sv": "Besökaren känner sig välkommen och trygg.",
            "en": "The visitor feels welcome and safe.",
        },
    },
    {
        "slug": "palautekyselyt",
        "project": "sopu",
        "model": "henkilokohtaistamisen-muistilistat",
        "period": "2019-2021",
        "themes": ["B", "B4"],
        "target_groups": ["vocational-students"],
        "regions": ["fi-18"],
        "title": {"fi": "Palautekyselyt", "sv": "Responsenkäter", "en": "Feedback surveys"},
        "summary": {
            "fi": "Lyhyet kyselyt kertovat, toimiiko opiskelijan suunnitelma käytännössä.",
            "sv": "Korta enkäter visar om den studerandes plan fungerar i praktiken.",
            "en": "Short surveys show whether a student's plan works in practice.",
        },
        "goal": {
            "fi": "Suunnitelmaa korjataan heti, kun se ei enää vastaa opiskelijan tilannetta.",
            "sv": "Planen justeras så fort den inte längre motsvarar den studerandes situation.",
            "en": "The plan is corrected as soon as it no longer matches the student's situation.",
        },
    },
    {
        "slug": "yksilovalmennus",
        "project": "vamos-2-aste",
        "model": "opintoihin-kiinnittymisen-toimintamalli",
        "period": "2019-2021",
        "themes": ["C", "C1"],
        "target_groups": ["at-risk-students"],
        "regions": ["fi-18"],
        "title": {"fi": "Yksilövalmennus", "sv": "Individuell coachning", "en": "One-to-one coaching"},
        "summary": {
            "fi": "Valmentaja tapaa opiskelijaa viikoittain ja auttaa häntä palaamaan opintoihin.",
            "sv": "En coach träffar den studerande varje vecka och hjälper hen tillbaka till studierna.",
            "en": "A coach meets the student every week and helps them return to their studies.",
        },
        "goal": {
            "fi": "Opiskelija palaa opintoihin ja tietää, keneltä kysyä apua.",
            "sv": "Den studerande återvänder till studierna och vet vem hen kan fråga om hjälp.",
            "en": "The student returns to their studies and knows whom to ask for help.",
        },
    },
    {
        "slug": "ryhmaytyminen-jatkuvassa-haussa",
        "project": "yhessa",
        "period": "2015-2019",
        "themes": ["C", "C4"],
        "target_groups": ["vocational-students"],
        "regions": ["fi-15"],
        "title": {
            "fi": "Ryhmäytyminen jatkuvassa haussa",
            "sv": "Gruppbildning vid kontinuerlig antagning",
            "en": "Group building with rolling admissions",
        },
        "summary": {
            "fi": "Kesken vuoden aloittava opiskelija pääsee mukaan ryhmään vertaisohjaajan avulla.",
            "sv": "Den som börjar mitt under året kommer in i gruppen med hjälp av en kamrathandledare.",
            "en": "A student who starts mid-year joins a group with the help of a peer tutor.",
        },
        "goal": {
            "fi": "Kukaan ei jää ilman ryhmää.",
            "sv": "Ingen blir utan grupp.",
            "en": "Nobody is left without a group.",
        },
    },
]

# Written in Swedish by the project itself; it has no Finnish version yet.
SWEDISH_PROJECT = {
    "slug": "stora-komet",
    "acronym": "Stora Komet",
    "lead": "Yrkeshögskolan Novia",
    "scope": "regional",
    "funding": ["esf"],
    "regions": ["fi-12", "fi-19"],
    "themes": ["D", "D1"],
    "start": datetime.date(2018, 1, 1),
    "end": datetime.date(2020, 12, 31),
    "title": "Stora Komet",
    "summary": "Projektet byggde smidiga vägar från yrkesutbildningen till yrkeshögskolan i Svenskfinland.",
    "goal": "Fler studerande går vidare till högre utbildning utan onödiga omvägar.",
}


def terms(model, codes):
    return list(model.objects.filter(code__in=codes, locale__language_code="fi"))


def texts(spec, target):
    """Map each Finnish string of a spec to its ``target`` translation."""
    return {value["fi"]: value[target] for value in spec.values() if isinstance(value, dict) and "fi" in value}


def ensure_index(home):
    index = MethodBankIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        index = MethodBankIndexPageFactory(
            parent=home, title=INDEX["title"]["fi"], intro=INDEX["intro"]["fi"], show_in_menus=True
        )
    return index


def sections(spec, *names):
    return [(name, {"text": rich_text(spec[name]["fi"])}) for name in names if name in spec]


def ensure_project(index, spec):
    page = ProjectPage.objects.filter(locale=index.locale, slug=spec["slug"]).first()
    if page is not None:
        return page
    lead = OrganisationFactory(name=spec["lead"], locale=index.locale)
    page = ProjectPageFactory(
        parent=index,
        slug=spec["slug"],
        title=spec["title"]["fi"],
        acronym=spec["acronym"],
        project_code=spec.get("project_code", ""),
        lead_organisation=lead,
        start_date=spec["start"],
        end_date=spec["end"],
        scope=spec["scope"],
        budget_eur=spec.get("budget"),
        summary=spec["summary"]["fi"],
        body=sections(spec, "goal"),
        themes=terms(Theme, spec["themes"]),
        regions=terms(Region, spec["regions"]),
        funding_sources=terms(FundingSource, spec["funding"]),
    )
    partners = [OrganisationFactory(name=name, locale=index.locale) for name in spec.get("partners", [])]
    if partners:
        page.partner_organisations.set(partners)
        page.save()
    return page


def ensure_model(index, spec, projects):
    page = ModelPage.objects.filter(locale=index.locale, slug=spec["slug"]).first()
    if page is None:
        page = ModelPageFactory(
            parent=index,
            slug=spec["slug"],
            title=spec["title"]["fi"],
            period=spec["period"],
            evaluation=spec["evaluation"],
            summary=spec["summary"]["fi"],
            body=sections(spec, "goal", "target_group", "implementation", "results"),
            projects=[projects[slug] for slug in spec["projects"]],
            themes=terms(Theme, spec["themes"]),
            target_groups=terms(TargetGroup, spec["target_groups"]),
            regions=terms(Region, spec["regions"]),
        )
    return page


def ensure_practice(index, spec, projects, models):
    page = GoodPracticePage.objects.filter(locale=index.locale, slug=spec["slug"]).first()
    if page is None:
        page = GoodPracticePageFactory(
            parent=index,
            slug=spec["slug"],
            title=spec["title"]["fi"],
            period=spec["period"],
            project=projects[spec["project"]],
            model=models.get(spec.get("model")),
            summary=spec["summary"]["fi"],
            body=sections(spec, "goal"),
            themes=terms(Theme, spec["themes"]),
            target_groups=terms(TargetGroup, spec["target_groups"]),
            regions=terms(Region, spec["regions"]),
        )
    return page


def ensure_swedish_project():
    """A project authored in Swedish: it lives in the Swedish tree only."""
    swedish = Locale.objects.get(language_code="sv")
    index = MethodBankIndexPage.objects.get(locale=swedish)
    if ProjectPage.objects.filter(locale=swedish, slug=SWEDISH_PROJECT["slug"]).exists():
        return
    spec = SWEDISH_PROJECT
    ProjectPageFactory(
        parent=index,
        slug=spec["slug"],
        title=spec["title"],
        acronym=spec["acronym"],
        lead_organisation=OrganisationFactory(name=spec["lead"], locale=swedish),
        start_date=spec["start"],
        end_date=spec["end"],
        scope=spec["scope"],
        summary=spec["summary"],
        body=[("goal", {"text": rich_text(spec["goal"])})],
        themes=list(Theme.objects.filter(code__in=spec["themes"], locale=swedish)),
        regions=list(Region.objects.filter(code__in=spec["regions"], locale=swedish)),
        funding_sources=list(FundingSource.objects.filter(code__in=spec["funding"], locale=swedish)),
    )


def translate_missing(page, spec):
    for target in ("sv", "en"):
        locale = Locale.objects.get(language_code=target)
        if page.get_translation_or_none(locale) is None:
            publish_translation(page, locale, texts(spec, target))


@transaction.atomic
def load_method_bank(home):
    """Build or refresh the demo method bank under ``home``; safe to run again."""
    from django.apps import apps

    seed_vocabularies(apps)
    index = ensure_index(home)
    translate_missing(index, INDEX)
    projects = {spec["slug"]: ensure_project(index, spec) for spec in PROJECTS}
    models = {spec["slug"]: ensure_model(index, spec, projects) for spec in MODELS}
    practices = [ensure_practice(index, spec, projects, models) for spec in PRACTICES]
    for page, spec in [
        *zip(projects.values(), PROJECTS, strict=True),
        *zip(models.values(), MODELS, strict=True),
        *zip(practices, PRACTICES, strict=True),
    ]:
        translate_missing(page, spec)
    ensure_swedish_project()
    ensure_evaluations(index)
    return index
