"""Words for synthetic content in Finnish, Swedish and English, with their inflected forms.

Each entry is one concept in the three languages, so a sentence built from the
same concepts reads as a translation in every language. The lists are written
for the benchmark: the domain words of vocational education and guidance, with
the case forms a Finnish text really uses (search must cope with "ohjaus",
"ohjauksen", "ohjaukseen") and Swedish definite and plural forms.

Finnish nouns: nominative, genitive, partitive, inessive, elative, illative,
adessive, nominative plural, partitive plural.
Swedish nouns: gender (en/ett), indefinite, definite, indefinite plural, definite plural.
English nouns: singular, plural.
"""

from dataclasses import dataclass

FI_CASES = ("nom", "gen", "part", "ine", "ela", "ill", "ade", "pl", "part_pl")
SV_FORMS = ("indef", "def", "pl", "def_pl")


@dataclass(frozen=True)
class Noun:
    fi: dict
    sv: dict
    en: dict


@dataclass(frozen=True)
class Verb:
    fi: dict
    sv: dict
    en: dict


@dataclass(frozen=True)
class Adjective:
    fi: dict
    sv: dict
    en: str


def noun(fi, sv, en):
    fi_forms = dict(zip(FI_CASES, fi.split(), strict=True))
    gender, *sv_words = sv.split()
    sv_forms = dict(zip(SV_FORMS, sv_words, strict=True), gender=gender)
    singular, plural = en.split("|")
    return Noun(fi_forms, sv_forms, {"sg": singular, "pl": plural})


def verb(fi, sv, en):
    """fi: 3rd person singular, plural, passive; sv: present, passive; en: 3rd person, base, participle."""
    fi_forms = dict(zip(("sg", "pl", "pass"), fi.split(), strict=True))
    sv_forms = dict(zip(("pres", "pass"), sv.split("|"), strict=True))
    en_forms = dict(zip(("sg", "base", "pp"), en.split("|"), strict=True))
    return Verb(fi_forms, sv_forms, en_forms)


def adjective(fi, sv, en):
    """fi: nominative, genitive, partitive, inessive, plural; sv: common, neuter, plural."""
    fi_forms = dict(zip(("nom", "gen", "part", "ine", "pl"), fi.split(), strict=True))
    sv_forms = dict(zip(("en", "ett", "pl"), sv.split(), strict=True))
    return Adjective(fi_forms, sv_forms, en)


NOUNS = [
    noun(
        "ohjaus ohjauksen ohjausta ohjauksessa ohjauksesta ohjaukseen ohjauksella ohjaukset ohjauksia",
        "en handledning handledningen handledningar handledningarna",
        "guidance|guidance",
    ),
    noun(
        "opiskelija opiskelijan opiskelijaa opiskelijassa opiskelijasta opiskelijaan opiskelijalla opiskelijat "
        "opiskelijoita",
        "en studerande studeranden studerande studerandena",
        "student|students",
    ),
    noun(
        "oppilaitos oppilaitoksen oppilaitosta oppilaitoksessa oppilaitoksesta oppilaitokseen oppilaitoksella "
        "oppilaitokset oppilaitoksia",
        "en läroanstalt läroanstalten läroanstalter läroanstalterna",
        "school|schools",
    ),
    noun(
        "koulutus koulutuksen koulutusta koulutuksessa koulutuksesta koulutukseen koulutuksella koulutukset "
        "koulutuksia",
        "en utbildning utbildningen utbildningar utbildningarna",
        "education|education",
    ),
    noun(
        "työelämä työelämän työelämää työelämässä työelämästä työelämään työelämällä työelämät työelämiä",
        "ett arbetsliv arbetslivet arbetsliv arbetsliven",
        "working life|working life",
    ),
    noun(
        "siirtymä siirtymän siirtymää siirtymässä siirtymästä siirtymään siirtymällä siirtymät siirtymiä",
        "en övergång övergången övergångar övergångarna",
        "transition|transitions",
    ),
    noun(
        "opettaja opettajan opettajaa opettajassa opettajasta opettajaan opettajalla opettajat opettajia",
        "en lärare läraren lärare lärarna",
        "teacher|teachers",
    ),
    noun(
        "malli mallin mallia mallissa mallista malliin mallilla mallit malleja",
        "en modell modellen modeller modellerna",
        "model|models",
    ),
    noun(
        "käytäntö käytännön käytäntöä käytännössä käytännöstä käytäntöön käytännöllä käytännöt käytäntöjä",
        "ett förfarande förfarandet förfaranden förfarandena",
        "practice|practices",
    ),
    noun(
        "hanke hankkeen hanketta hankkeessa hankkeesta hankkeeseen hankkeella hankkeet hankkeita",
        "ett projekt projektet projekt projekten",
        "project|projects",
    ),
    noun(
        "työpaikka työpaikan työpaikkaa työpaikassa työpaikasta työpaikkaan työpaikalla työpaikat työpaikkoja",
        "en arbetsplats arbetsplatsen arbetsplatser arbetsplatserna",
        "workplace|workplaces",
    ),
    noun(
        "nuori nuoren nuorta nuoressa nuoresta nuoreen nuorella nuoret nuoria",
        "en ungdom ungdomen ungdomar ungdomarna",
        "young person|young people",
    ),
    noun(
        "osaaminen osaamisen osaamista osaamisessa osaamisesta osaamiseen osaamisella osaamiset osaamisia",
        "ett kunnande kunnandet kunnanden kunnandena",
        "competence|competences",
    ),
    noun(
        "tutkinto tutkinnon tutkintoa tutkinnossa tutkinnosta tutkintoon tutkinnolla tutkinnot tutkintoja",
        "en examen examen examina examina",
        "qualification|qualifications",
    ),
    noun(
        "valmennus valmennuksen valmennusta valmennuksessa valmennuksesta valmennukseen valmennuksella "
        "valmennukset valmennuksia",
        "en coachning coachningen coachningar coachningarna",
        "coaching|coaching",
    ),
    noun(
        "opintopolku opintopolun opintopolkua opintopolussa opintopolusta opintopolkuun opintopolulla opintopolut "
        "opintopolkuja",
        "en studieväg studievägen studievägar studievägarna",
        "study path|study paths",
    ),
    noun(
        "ryhmä ryhmän ryhmää ryhmässä ryhmästä ryhmään ryhmällä ryhmät ryhmiä",
        "en grupp gruppen grupper grupperna",
        "group|groups",
    ),
    noun(
        "yhteistyö yhteistyön yhteistyötä yhteistyössä yhteistyöstä yhteistyöhön yhteistyöllä yhteistyöt yhteistöitä",
        "ett samarbete samarbetet samarbeten samarbetena",
        "cooperation|cooperation",
    ),
    noun(
        "arviointi arvioinnin arviointia arvioinnissa arvioinnista arviointiin arvioinnilla arvioinnit arviointeja",
        "en bedömning bedömningen bedömningar bedömningarna",
        "assessment|assessments",
    ),
    noun(
        "palaute palautteen palautetta palautteessa palautteesta palautteeseen palautteella palautteet palautteita",
        "en respons responsen responser responserna",
        "feedback|feedback",
    ),
    noun(
        "tuki tuen tukea tuessa tuesta tukeen tuella tuet tukia",
        "ett stöd stödet stöd stöden",
        "support|support",
    ),
    noun(
        "huoltaja huoltajan huoltajaa huoltajassa huoltajasta huoltajaan huoltajalla huoltajat huoltajia",
        "en vårdnadshavare vårdnadshavaren vårdnadshavare vårdnadshavarna",
        "guardian|guardians",
    ),
    noun(
        "kunta kunnan kuntaa kunnassa kunnasta kuntaan kunnalla kunnat kuntia",
        "en kommun kommunen kommuner kommunerna",
        "municipality|municipalities",
    ),
    noun(
        "verkosto verkoston verkostoa verkostossa verkostosta verkostoon verkostolla verkostot verkostoja",
        "ett nätverk nätverket nätverk nätverken",
        "network|networks",
    ),
    noun(
        "suunnitelma suunnitelman suunnitelmaa suunnitelmassa suunnitelmasta suunnitelmaan suunnitelmalla "
        "suunnitelmat suunnitelmia",
        "en plan planen planer planerna",
        "plan|plans",
    ),
    noun(
        "oppiminen oppimisen oppimista oppimisessa oppimisesta oppimiseen oppimisella oppimiset oppimisia",
        "ett lärande lärandet läranden lärandena",
        "learning|learning",
    ),
    noun(
        "keskustelu keskustelun keskustelua keskustelussa keskustelusta keskusteluun keskustelulla keskustelut "
        "keskusteluja",
        "ett samtal samtalet samtal samtalen",
        "conversation|conversations",
    ),
    noun(
        "työkalu työkalun työkalua työkalussa työkalusta työkaluun työkalulla työkalut työkaluja",
        "ett verktyg verktyget verktyg verktygen",
        "tool|tools",
    ),
    noun(
        "menetelmä menetelmän menetelmää menetelmässä menetelmästä menetelmään menetelmällä menetelmät menetelmiä",
        "en metod metoden metoder metoderna",
        "method|methods",
    ),
    noun(
        "opinto-ohjaaja opinto-ohjaajan opinto-ohjaajaa opinto-ohjaajassa opinto-ohjaajasta opinto-ohjaajaan "
        "opinto-ohjaajalla opinto-ohjaajat opinto-ohjaajia",
        "en studiehandledare studiehandledaren studiehandledare studiehandledarna",
        "guidance counsellor|guidance counsellors",
    ),
    noun(
        "harjoittelu harjoittelun harjoittelua harjoittelussa harjoittelusta harjoitteluun harjoittelulla "
        "harjoittelut harjoitteluja",
        "en praktik praktiken praktiker praktikerna",
        "work placement|work placements",
    ),
    noun(
        "alue alueen aluetta alueessa alueesta alueeseen alueella alueet alueita",
        "en region regionen regioner regionerna",
        "region|regions",
    ),
    noun(
        "toimintatapa toimintatavan toimintatapaa toimintatavassa toimintatavasta toimintatapaan toimintatavalla "
        "toimintatavat toimintatapoja",
        "ett arbetssätt arbetssättet arbetssätt arbetssätten",
        "way of working|ways of working",
    ),
    noun(
        "hyvinvointi hyvinvoinnin hyvinvointia hyvinvoinnissa hyvinvoinnista hyvinvointiin hyvinvoinnilla "
        "hyvinvoinnit hyvinvointeja",
        "ett välbefinnande välbefinnandet välbefinnanden välbefinnandena",
        "wellbeing|wellbeing",
    ),
    noun(
        "kieli kielen kieltä kielessä kielestä kieleen kielellä kielet kieliä",
        "ett språk språket språk språken",
        "language|languages",
    ),
    noun(
        "jakso jakson jaksoa jaksossa jaksosta jaksoon jaksolla jaksot jaksoja",
        "en period perioden perioder perioderna",
        "period|periods",
    ),
    noun(
        "työnantaja työnantajan työnantajaa työnantajassa työnantajasta työnantajaan työnantajalla työnantajat "
        "työnantajia",
        "en arbetsgivare arbetsgivaren arbetsgivare arbetsgivarna",
        "employer|employers",
    ),
    noun(
        "keskeyttäminen keskeyttämisen keskeyttämistä keskeyttämisessä keskeyttämisestä keskeyttämiseen "
        "keskeyttämisellä keskeyttämiset keskeyttämisiä",
        "ett avbrott avbrottet avbrott avbrotten",
        "dropping out|dropping out",
    ),
    noun(
        "ammattitaito ammattitaidon ammattitaitoa ammattitaidossa ammattitaidosta ammattitaitoon ammattitaidolla "
        "ammattitaidot ammattitaitoja",
        "en yrkesskicklighet yrkesskickligheten yrkesskickligheter yrkesskickligheterna",
        "vocational skill|vocational skills",
    ),
    noun(
        "oppisopimus oppisopimuksen oppisopimusta oppisopimuksessa oppisopimuksesta oppisopimukseen "
        "oppisopimuksella oppisopimukset oppisopimuksia",
        "ett läroavtal läroavtalet läroavtal läroavtalen",
        "apprenticeship|apprenticeships",
    ),
    noun(
        "kokeilu kokeilun kokeilua kokeilussa kokeilusta kokeiluun kokeilulla kokeilut kokeiluja",
        "ett försök försöket försök försöken",
        "pilot|pilots",
    ),
    noun(
        "mentori mentorin mentoria mentorissa mentorista mentoriin mentorilla mentorit mentoreita",
        "en mentor mentorn mentorer mentorerna",
        "mentor|mentors",
    ),
    noun(
        "perehdytys perehdytyksen perehdytystä perehdytyksessä perehdytyksestä perehdytykseen perehdytyksellä "
        "perehdytykset perehdytyksiä",
        "en introduktion introduktionen introduktioner introduktionerna",
        "induction|inductions",
    ),
    noun(
        "maahanmuuttaja maahanmuuttajan maahanmuuttajaa maahanmuuttajassa maahanmuuttajasta maahanmuuttajaan "
        "maahanmuuttajalla maahanmuuttajat maahanmuuttajia",
        "en invandrare invandraren invandrare invandrarna",
        "immigrant|immigrants",
    ),
    noun(
        "yritys yrityksen yritystä yrityksessä yrityksestä yritykseen yrityksellä yritykset yrityksiä",
        "ett företag företaget företag företagen",
        "company|companies",
    ),
    noun(
        "tavoite tavoitteen tavoitetta tavoitteessa tavoitteesta tavoitteeseen tavoitteella tavoitteet tavoitteita",
        "ett mål målet mål målen",
        "goal|goals",
    ),
    noun(
        "tulos tuloksen tulosta tuloksessa tuloksesta tulokseen tuloksella tulokset tuloksia",
        "ett resultat resultatet resultat resultaten",
        "result|results",
    ),
    noun(
        "materiaali materiaalin materiaalia materiaalissa materiaalista materiaaliin materiaalilla materiaalit "
        "materiaaleja",
        "ett material materialet material materialen",
        "material|materials",
    ),
    noun(
        "verkkokurssi verkkokurssin verkkokurssia verkkokurssissa verkkokurssista verkkokurssiin verkkokurssilla "
        "verkkokurssit verkkokursseja",
        "en webbkurs webbkursen webbkurser webbkurserna",
        "online course|online courses",
    ),
    noun(
        "opiskeluhuolto opiskeluhuollon opiskeluhuoltoa opiskeluhuollossa opiskeluhuollosta opiskeluhuoltoon "
        "opiskeluhuollolla opiskeluhuollot opiskeluhuoltoja",
        "en elevvård elevvården elevvård elevvården",
        "student welfare|student welfare",
    ),
    noun(
        "työssäoppiminen työssäoppimisen työssäoppimista työssäoppimisessa työssäoppimisesta työssäoppimiseen "
        "työssäoppimisella työssäoppimiset työssäoppimisia",
        "ett arbetsplatslärande arbetsplatslärandet arbetsplatsläranden arbetsplatslärandena",
        "on-the-job learning|on-the-job learning",
    ),
    noun(
        "lukuvuosi lukuvuoden lukuvuotta lukuvuodessa lukuvuodesta lukuvuoteen lukuvuodella lukuvuodet lukuvuosia",
        "ett läsår läsåret läsår läsåren",
        "school year|school years",
    ),
]

VERBS = [
    verb("tukee tukevat tuetaan", "stöder|stöds", "supports|support|supported"),
    verb("vahvistaa vahvistavat vahvistetaan", "stärker|stärks", "strengthens|strengthen|strengthened"),
    verb("kehittää kehittävät kehitetään", "utvecklar|utvecklas", "develops|develop|developed"),
    verb("edistää edistävät edistetään", "främjar|främjas", "promotes|promote|promoted"),
    verb("helpottaa helpottavat helpotetaan", "underlättar|underlättas", "eases|ease|eased"),
    verb("ohjaa ohjaavat ohjataan", "handleder|handleds", "guides|guide|guided"),
    verb("suunnittelee suunnittelevat suunnitellaan", "planerar|planeras", "plans|plan|planned"),
    verb("parantaa parantavat parannetaan", "förbättrar|förbättras", "improves|improve|improved"),
    verb("lisää lisäävät lisätään", "ökar|ökas", "increases|increase|increased"),
    verb("selkeyttää selkeyttävät selkeytetään", "förtydligar|förtydligas", "clarifies|clarify|clarified"),
    verb("tunnistaa tunnistavat tunnistetaan", "identifierar|identifieras", "recognises|recognise|recognised"),
    verb("arvioi arvioivat arvioidaan", "bedömer|bedöms", "assesses|assess|assessed"),
    verb("yhdistää yhdistävät yhdistetään", "förenar|förenas", "combines|combine|combined"),
    verb("sujuvoittaa sujuvoittavat sujuvoitetaan", "smidiggör|smidiggörs", "smooths|smooth|smoothed"),
    verb("hyödyntää hyödyntävät hyödynnetään", "utnyttjar|utnyttjas", "uses|use|used"),
    verb("jakaa jakavat jaetaan", "delar|delas", "shares|share|shared"),
    verb("kokeilee kokeilevat kokeillaan", "prövar|prövas", "tries out|try out|tried out"),
    verb("toteuttaa toteuttavat toteutetaan", "genomför|genomförs", "carries out|carry out|carried out"),
    verb("seuraa seuraavat seurataan", "följer|följs", "follows|follow|followed"),
    verb("kartoittaa kartoittavat kartoitetaan", "kartlägger|kartläggs", "maps|map|mapped"),
    verb("ennaltaehkäisee ennaltaehkäisevät ennaltaehkäistään", "förebygger|förebyggs", "prevents|prevent|prevented"),
    verb("kannustaa kannustavat kannustetaan", "uppmuntrar|uppmuntras", "encourages|encourage|encouraged"),
    verb("mahdollistaa mahdollistavat mahdollistetaan", "möjliggör|möjliggörs", "enables|enable|enabled"),
    verb("räätälöi räätälöivät räätälöidään", "skräddarsyr|skräddarsys", "tailors|tailor|tailored"),
]

ADJECTIVES = [
    adjective("uusi uuden uutta uudessa uudet", "ny nytt nya", "new"),
    adjective("yhteinen yhteisen yhteistä yhteisessä yhteiset", "gemensam gemensamt gemensamma", "shared"),
    adjective("joustava joustavan joustavaa joustavassa joustavat", "flexibel flexibelt flexibla", "flexible"),
    adjective("sujuva sujuvan sujuvaa sujuvassa sujuvat", "smidig smidigt smidiga", "smooth"),
    adjective(
        "henkilökohtainen henkilökohtaisen henkilökohtaista henkilökohtaisessa henkilökohtaiset",
        "personlig personligt personliga",
        "personal",
    ),
    adjective(
        "ammatillinen ammatillisen ammatillista ammatillisessa ammatilliset",
        "yrkesinriktad yrkesinriktat yrkesinriktade",
        "vocational",
    ),
    adjective(
        "alueellinen alueellisen alueellista alueellisessa alueelliset", "regional regionalt regionala", "regional"
    ),
    adjective(
        "valtakunnallinen valtakunnallisen valtakunnallista valtakunnallisessa valtakunnalliset",
        "nationell nationellt nationella",
        "national",
    ),
    adjective(
        "monialainen monialaisen monialaista monialaisessa monialaiset",
        "sektorsövergripande sektorsövergripande sektorsövergripande",
        "multidisciplinary",
    ),
    adjective(
        "digitaalinen digitaalisen digitaalista digitaalisessa digitaaliset", "digital digitalt digitala", "digital"
    ),
    adjective(
        "käytännöllinen käytännöllisen käytännöllistä käytännöllisessä käytännölliset",
        "praktisk praktiskt praktiska",
        "practical",
    ),
    adjective("toimiva toimivan toimivaa toimivassa toimivat", "fungerande fungerande fungerande", "working"),
    adjective("selkeä selkeän selkeää selkeässä selkeät", "tydlig tydligt tydliga", "clear"),
    adjective("nopea nopean nopeaa nopeassa nopeat", "snabb snabbt snabba", "quick"),
    adjective("laaja laajan laajaa laajassa laajat", "bred brett breda", "broad"),
    adjective(
        "tasa-arvoinen tasa-arvoisen tasa-arvoista tasa-arvoisessa tasa-arvoiset", "jämlik jämlikt jämlika", "equal"
    ),
    adjective(
        "osallistava osallistavan osallistavaa osallistavassa osallistavat", "delaktig delaktigt delaktiga", "inclusive"
    ),
    adjective("kestävä kestävän kestävää kestävässä kestävät", "hållbar hållbart hållbara", "sustainable"),
]

# Time and manner phrases that open or close a sentence.
ADVERBIALS = [
    {"fi": "kuukausittain", "sv": "varje månad", "en": "every month"},
    {"fi": "viikoittain", "sv": "varje vecka", "en": "every week"},
    {"fi": "syksyllä", "sv": "på hösten", "en": "in the autumn"},
    {"fi": "keväällä", "sv": "på våren", "en": "in the spring"},
    {"fi": "ensimmäisen vuoden aikana", "sv": "under det första året", "en": "during the first year"},
    {"fi": "yhdessä", "sv": "tillsammans", "en": "together"},
    {"fi": "vähitellen", "sv": "gradvis", "en": "step by step"},
    {"fi": "jatkuvasti", "sv": "kontinuerligt", "en": "continuously"},
    {"fi": "tarvittaessa", "sv": "vid behov", "en": "when needed"},
    {"fi": "verkossa", "sv": "på nätet", "en": "online"},
    {"fi": "lähiopetuksessa", "sv": "i närundervisningen", "en": "in contact teaching"},
]

# People and places for names, organisations and contacts.
FIRST_NAMES = [
    "Aino",
    "Anna",
    "Eero",
    "Elina",
    "Emma",
    "Heikki",
    "Hanna",
    "Jussi",
    "Johanna",
    "Kaisa",
    "Kari",
    "Laura",
    "Leena",
    "Marja",
    "Matti",
    "Mikko",
    "Minna",
    "Oskari",
    "Paula",
    "Pekka",
    "Riikka",
    "Sanna",
    "Satu",
    "Timo",
    "Tuula",
    "Veera",
    "Ville",
    "Anders",
    "Britt",
    "Camilla",
    "Henrik",
    "Ida",
    "Johan",
    "Karin",
    "Linnea",
    "Mikael",
    "Sofia",
    "Ulla",
]
LAST_NAMES = [
    "Aaltonen",
    "Heikkinen",
    "Hämäläinen",
    "Järvinen",
    "Karjalainen",
    "Koskinen",
    "Laine",
    "Lehtonen",
    "Lindqvist",
    "Mäkelä",
    "Mäkinen",
    "Nieminen",
    "Niemi",
    "Ojala",
    "Peltonen",
    "Rantanen",
    "Salminen",
    "Salonen",
    "Tuominen",
    "Virtanen",
    "Björklund",
    "Eriksson",
    "Holmström",
    "Lindholm",
    "Sundström",
    "Wikström",
]
# Finnish genitive of the town, the Swedish name, the English name.
TOWNS = [
    ("Helsingin", "Helsingfors", "Helsinki"),
    ("Espoon", "Esbo", "Espoo"),
    ("Vantaan", "Vanda", "Vantaa"),
    ("Tampereen", "Tammerfors", "Tampere"),
    ("Turun", "Åbo", "Turku"),
    ("Oulun", "Uleåborg", "Oulu"),
    ("Jyväskylän", "Jyväskylä", "Jyväskylä"),
    ("Lahden", "Lahtis", "Lahti"),
    ("Kuopion", "Kuopio", "Kuopio"),
    ("Porin", "Björneborg", "Pori"),
    ("Joensuun", "Joensuu", "Joensuu"),
    ("Lappeenrannan", "Villmanstrand", "Lappeenranta"),
    ("Hämeenlinnan", "Tavastehus", "Hämeenlinna"),
    ("Vaasan", "Vasa", "Vaasa"),
    ("Seinäjoen", "Seinäjoki", "Seinäjoki"),
    ("Rovaniemen", "Rovaniemi", "Rovaniemi"),
    ("Mikkelin", "S:t Michel", "Mikkeli"),
    ("Kotkan", "Kotka", "Kotka"),
    ("Porvoon", "Borgå", "Porvoo"),
    ("Kokkolan", "Karleby", "Kokkola"),
    ("Kajaanin", "Kajana", "Kajaani"),
    ("Raaseporin", "Raseborg", "Raasepori"),
    ("Pietarsaaren", "Jakobstad", "Pietarsaari"),
    ("Savonlinnan", "Nyslott", "Savonlinna"),
]
# Kinds of organisation: Finnish, Swedish and English patterns around a town.
ORGANISATION_KINDS = [
    ("{fi} ammattiopisto", "Yrkesinstitutet i {sv}", "{en} Vocational College"),
    ("{fi} koulutuskuntayhtymä", "Samkommunen för utbildning i {sv}", "{en} Joint Education Authority"),
    ("{fi} aikuisopisto", "Vuxeninstitutet i {sv}", "{en} Adult Education Centre"),
    ("{fi} kaupungin nuorisopalvelut", "Ungdomstjänsterna i {sv} stad", "{en} City Youth Services"),
    ("{fi} seudun työllisyyspalvelut", "Sysselsättningstjänsterna i {sv}regionen", "{en} Region Employment Services"),
    ("{fi} ammattikorkeakoulu", "Yrkeshögskolan i {sv}", "{en} University of Applied Sciences"),
]
