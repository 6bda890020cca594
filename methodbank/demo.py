"""Demo content for the method bank: a few projects, models and good practices in fi, sv and en.

Names, organisations and dates are facts from the 2020 Zoomi report and the
projects' own pages; every sentence is written for this demo. Stora Komet is
written in Swedish only, as a Swedish-speaking project would.

Every item but one is a real item of the report or of a project's own page,
named by the ``import_key`` the import gives it and titled as the source titles
it. When the item is already there (imported), the demo adds its writing to it:
a summary unless an editor wrote one, the sections, fields and terms the page
has none of, the translations and the evaluations. Otherwise the demo creates
the page under that key, and a later import adds its own fields to it. Either
way there is one page per item, and the same one whatever runs first.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from wagtail.models import Locale

from home.localization import needs_translation, publish_translation
from methodbank.evaluation_demo import ensure_evaluations
from methodbank.factories import (
    GoodPracticePageFactory,
    MethodBankIndexPageFactory,
    ModelPageFactory,
    OrganisationFactory,
    ProjectPageFactory,
    rich_text,
)
from methodbank.importer.description import fit_imported_description, imported_text, summary_is_imported
from methodbank.models import (
    FundingSource,
    MethodBankIndexPage,
    Region,
    TargetGroup,
    Theme,
)

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
        "import_key": "project-page:zoomi - sujuvia siirtymia edistamassa",
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
            "fi": "ZOOMI - sujuvia siirtymiä edistämässä",
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
        "import_key": "project:sopu-sujuvat-omat-polut",
        "acronym": "SOPU",
        "lead": "Oulun seudun koulutuskuntayhtymä",
        "start": datetime.date(2018, 9, 1),
        "end": datetime.date(2021, 8, 31),
        "scope": "national",
        "funding": ["esf"],
        "regions": ["national"],
        "themes": ["A", "A2", "B", "B4"],
        "budget": Decimal("1200000"),
        "title": {
            "fi": "SOPU - Sujuvat omat polut",
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
        "import_key": "project:vamos-2-aste-opintoihin-kiinnittyminen-lapaisy-ja",
        "acronym": "Vamos 2. aste",
        "lead": "Helsingin Diakonissalaitos",
        "start": datetime.date(2019, 1, 1),
        "end": datetime.date(2021, 12, 31),
        "scope": "national",
        "funding": ["esf"],
        "regions": ["fi-18", "fi-11", "fi-14"],
        "themes": ["C", "C1"],
        "title": {
            "fi": "Vamos 2. aste – opintoihin kiinnittyminen, läpäisy ja pudokkuuden ehkäisy",
            "sv": "Vamos andra stadiet",
            "en": "Vamos upper secondary",
        },
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
        "import_key": "project-page:yhessa",
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
        "import_key": "model:koulutukseen-tutustuminen-tutustujan-perehdytys-ja-tervetuloa-tutustumaan",
        "projects": ["sopu"],
        "period": "2019-2021",
        "themes": ["A", "A2"],
        "target_groups": ["applicants", "basic-education", "guidance-staff"],
        "regions": ["national"],
        "evaluation": "expert",
        "title": {
            "fi": "KOULUTUKSEEN TUTUSTUMINEN - Tutustujan perehdytys ja Tervetuloa tutustumaan koulutukseen -ohje",
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
        "import_key": "model:henkilokohtaistaminen-muistilistat",
        "projects": ["sopu"],
        "period": "2019-2021",
        "themes": ["B", "B4"],
        "target_groups": ["guidance-staff", "vocational-students"],
        "regions": ["national"],
        "evaluation": "peer",
        "title": {
            "fi": "HENKILÖKOHTAISTAMINEN - Muistilistat",
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
        "import_key": "model:valtakunnallinen-toimintamalli-2-asteen-opintoihin-kiinnittymiseksi",
        "projects": ["vamos-2-aste"],
        "period": "2019-2021",
        "themes": ["C", "C1"],
        "target_groups": ["at-risk-students", "guidance-staff"],
        "regions": ["fi-18", "fi-11", "fi-14"],
        "evaluation": "none",
        "title": {
            "fi": "Valtakunnallinen toimintamalli 2. asteen opintoihin kiinnittymiseksi, läpäisemiseksi ja "
            "pudokkuuden ehkäisemiseksi",
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
        "import_key": "practice:koulutukseen-tutustuminen-tutustujan-perehdytys",
        "project": "sopu",
        "model": "koulutukseen-tutustuminen",
        "period": "2019-2021",
        "themes": ["A", "A2"],
        "target_groups": ["applicants"],
        "regions": ["fi-18"],
        "title": {
            "fi": "KOULUTUKSEEN TUTUSTUMINEN - Tutustujan perehdytys",
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
        "import_key": "practice:henkilokohtaistamisen-kehittaminen-palautekyselyt",
        "project": "sopu",
        "model": "henkilokohtaistamisen-muistilistat",
        "period": "2019-2021",
        "themes": ["B", "B4"],
        "target_groups": ["vocational-students"],
        "regions": ["fi-18"],
        "title": {
            "fi": "HENKILÖKOHTAISTAMISEN KEHITTÄMINEN - Palautekyselyt",
            "sv": "Responsenkäter",
            "en": "Feedback surveys",
        },
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
        "import_key": "practice:yksilovalmennus",
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
        # Yhessä's page describes group building for students who start mid-year; no source lists it as an
        # item of its own, so it stays the demo's.
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
    "import_key": "project:stora-komet",
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


def terms(model, codes, locale):
    return list(model.objects.filter(code__in=codes, locale=locale))


def texts(spec, target):
    """Map each Finnish string of a spec to its ``target`` translation."""
    return {value["fi"]: value[target] for value in spec.values() if isinstance(value, dict) and "fi" in value}


def ensure_index(home):
    index = MethodBankIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        return MethodBankIndexPageFactory(
            parent=home, title=INDEX["title"]["fi"], intro=INDEX["intro"]["fi"], show_in_menus=True
        )
    if not index.intro:  # the bare index an import makes when it runs first
        index.intro = INDEX["intro"]["fi"]
        index.save_revision().publish()
    return index


def sections(spec, *names, language="fi"):
    return [(name, {"text": rich_text(spec[name][language])}) for name in names if name in spec]


def project_contents(spec, locale):
    text = (lambda value: value) if locale.language_code == "sv" else (lambda value: value["fi"])
    lead = OrganisationFactory(name=spec["lead"], locale=locale)
    partners = [OrganisationFactory(name=name, locale=locale) for name in spec.get("partners", [])]
    return {
        "fields": {
            "acronym": spec["acronym"],
            "project_code": spec.get("project_code", ""),
            "lead_organisation": lead,
            "start_date": spec["start"],
            "end_date": spec["end"],
            "scope": spec["scope"],
            "budget_eur": spec.get("budget"),
        },
        "relations": {
            "themes": terms(Theme, spec["themes"], locale),
            "regions": terms(Region, spec["regions"], locale),
            "funding_sources": terms(FundingSource, spec["funding"], locale),
            "partner_organisations": partners,
        },
        "summary": text(spec["summary"]),
        "body": [("goal", {"text": rich_text(text(spec["goal"]))})],
    }


def model_contents(spec, locale, projects):
    return {
        "fields": {"period": spec["period"], "evaluation": spec["evaluation"]},
        "relations": {
            "projects": [projects[slug] for slug in spec["projects"]],
            "themes": terms(Theme, spec["themes"], locale),
            "target_groups": terms(TargetGroup, spec["target_groups"], locale),
            "regions": terms(Region, spec["regions"], locale),
        },
        "summary": spec["summary"]["fi"],
        "body": sections(spec, "goal", "target_group", "implementation", "results"),
    }


def practice_contents(spec, locale, projects, models):
    return {
        "fields": {
            "period": spec["period"],
            "project": projects[spec["project"]],
            "model": models.get(spec.get("model")),
        },
        "relations": {
            "themes": terms(Theme, spec["themes"], locale),
            "target_groups": terms(TargetGroup, spec["target_groups"], locale),
            "regions": terms(Region, spec["regions"], locale),
        },
        "summary": spec["summary"]["fi"],
        "body": sections(spec, "goal"),
    }


def ensure_item(factory, index, spec, contents):
    """The page for one spec: the item as imported with the demo's writing added, or the demo's own page."""
    model = factory._meta.model
    key = spec.get("import_key", "")
    page = model.objects.filter(locale=index.locale, import_key=key).first() if key else None
    own = model.objects.filter(locale=index.locale, slug=spec["slug"], import_key="").first()
    if page is not None and own is not None:
        # A copy this demo made before it knew the item's key: the item itself now carries its writing.
        for version in own.get_translations(inclusive=True):
            version.delete()
        own = None
    page = page or own
    if page is None:
        page = factory(
            parent=index,
            slug=spec["slug"],
            title=spec["title"] if isinstance(spec["title"], str) else spec["title"]["fi"],
            import_key=key,
            summary=contents["summary"],
            body=contents["body"],
            # A real item gets no placeholder contact; its sources give the real ones.
            **({"contacts": []} if key else {}),
            **{name: value for name, value in contents["fields"].items() if value is not None},
        )
        for name, items in contents["relations"].items():
            getattr(page, name).set(items)
        page.save_revision().publish()
        return page
    changed = add_writing(page, spec["slug"], contents)
    if key and not page.import_key:
        page.import_key = key  # the demo's page from before it knew the key: the import now finds it
        changed = True
    if changed:
        page.save_revision().publish()
    return page


def add_writing(page, slug, contents):
    """Give an existing page what the demo wrote for it and it lacks; True when anything changed.

    Fields and terms are filled only where the page has none, so whatever the import or an editor
    set stays; sections are added when the page has no section of that kind; the summary replaces
    the import's opening sentences but never an editor's summary.
    """
    changed = False
    for name, value in contents["fields"].items():
        field = page._meta.get_field(name)
        if value is not None and getattr(page, field.attname) in (None, "", field.get_default()):
            setattr(page, name, value)
            changed = True
    for name, items in contents["relations"].items():
        manager = getattr(page, name)
        if items and not manager.all():
            manager.set(items)
            changed = True
    present = {child.block_type for child in page.body}
    for block_type, value in contents["body"]:
        if block_type not in present:
            page.body.append((block_type, value))
            changed = True
    if summary_is_imported(page.summary, page.title, [page.imported_description, imported_text(page)]):
        page.summary = contents["summary"]
        changed = True
    changed = fit_imported_description(page) or changed
    if page.slug != slug and not page.get_parent().get_children().filter(slug=slug).exists():
        page.slug = slug  # the demo's short address, whichever created the page
        changed = True
    return changed


def translate(page, spec):
    """Publish the demo's translations, unless someone has translated the page already."""
    for target in ("sv", "en"):
        locale = Locale.objects.get(language_code=target)
        if needs_translation(page, locale):
            publish_translation(page, locale, texts(spec, target))


@transaction.atomic
def load_method_bank(home):
    """Build or refresh the demo method bank under ``home``; safe to run again, before or after an import.

    The vocabularies it tags pages with come from the data migrations."""
    index = ensure_index(home)
    translate(index, INDEX)
    locale = index.locale
    projects = {
        spec["slug"]: ensure_item(ProjectPageFactory, index, spec, project_contents(spec, locale)) for spec in PROJECTS
    }
    models = {
        spec["slug"]: ensure_item(ModelPageFactory, index, spec, model_contents(spec, locale, projects))
        for spec in MODELS
    }
    practices = [
        ensure_item(GoodPracticePageFactory, index, spec, practice_contents(spec, locale, projects, models))
        for spec in PRACTICES
    ]
    for page, spec in [
        *zip(projects.values(), PROJECTS, strict=True),
        *zip(models.values(), MODELS, strict=True),
        *zip(practices, PRACTICES, strict=True),
    ]:
        translate(page, spec)
    swedish_index = MethodBankIndexPage.objects.get(locale__language_code="sv")
    ensure_item(
        ProjectPageFactory, swedish_index, SWEDISH_PROJECT, project_contents(SWEDISH_PROJECT, swedish_index.locale)
    )
    ensure_evaluations(models)
    return index
