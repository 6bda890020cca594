"""Demo evaluation records, so the demo's badges show their reasoning.

The evaluators' names are placeholders; the organisations are projects' lead
organisations from the demo. The assessments are written for this demo, in
Finnish, as a workshop would write them.
"""

import datetime

from methodbank.models.evaluation import EvaluationRecord, Evaluator, Outcome, Status, missing_sections

EVALUATIONS = [
    {
        "model": "koulutukseen-tutustuminen",
        "phase": "peer",
        "date": datetime.date(2020, 2, 13),
        "evaluators": [
            ("Maija Meikäläinen", "Helsingin Diakonissalaitos"),
            ("Teemu Testaaja", "Savon koulutuskuntayhtymä"),
        ],
        "lights": {
            "spreadability": ("green", "Malli ei ole sidottu mihinkään alaan tai alueeseen."),
            "documentation": ("yellow", "Vaiheet on kuvattu selvästi; tarvittavat resurssit voisi kertoa tarkemmin."),
            "pilot_evidence": ("green", "Tutustumisjaksoja on kokeiltu useilla aloilla."),
            "results": ("yellow", "Palaute on myönteistä, mutta seurattavat mittarit puuttuvat vielä."),
        },
        "summary": "Vertaisryhmä piti mallia selkeänä ja kevyenä ottaa käyttöön. Ennen asiantuntija-arviointia "
        "kuvaukseen kannattaa lisätä resurssit ja mittarit.",
    },
    {
        "model": "koulutukseen-tutustuminen",
        "phase": "expert",
        "date": datetime.date(2020, 5, 20),
        "evaluators": [("Matti Meikäläinen", "Opetushallitus")],
        "lights": {
            "spreadability": ("green", "Ratkaisee ongelman, joka on yhteinen kaikille oppilaitoksille."),
            "documentation": ("green", "Kuvauksen avulla toinen oppilaitos voi toistaa jakson."),
            "pilot_evidence": ("green", "Kokeiluja on tehty eri puolilla maata."),
            "results": ("yellow", "Vaikutusta alavalintoihin kannattaa seurata pidempään."),
        },
        "summary": "Asiantuntijat suosittelevat mallia levitettäväksi koko maahan. Se on kevyt ottaa käyttöön, "
        "ja sen vaiheet on kuvattu niin, että toinen oppilaitos voi seurata niitä.",
    },
    {
        "model": "henkilokohtaistamisen-muistilistat",
        "phase": "peer",
        "date": datetime.date(2020, 9, 24),
        "evaluators": [("Maija Meikäläinen", "Helsingin Diakonissalaitos")],
        "lights": {
            "spreadability": ("green", "Jokainen ammatillinen oppilaitos laatii samat suunnitelmat."),
            "documentation": ("green", "Listat ovat valmiita käytettäviksi sellaisinaan."),
            "pilot_evidence": ("yellow", "Kokeiluja on toistaiseksi yhdessä oppilaitoksessa."),
            "results": ("yellow", "Opettajien palaute on hyvää; opiskelijoiden kokemuksia ei ole vielä koottu."),
        },
        "summary": "Vertaisryhmän mielestä muistilistat helpottavat suunnitelman laatimista. Laajempi kokeilu "
        "vahvistaisi näyttöä ennen asiantuntija-arviointia.",
    },
]


def ensure_evaluations(models):
    """Add the demo evaluations once to ``models`` (demo slug -> page); a model whose description lacks
    required sections is left out."""
    for spec in EVALUATIONS:
        page = models.get(spec["model"])
        if page is None or missing_sections(page):
            continue
        if EvaluationRecord.objects.filter(page__translation_key=page.translation_key, phase=spec["phase"]).exists():
            continue
        record = EvaluationRecord(
            page=page,
            phase=spec["phase"],
            evaluated_on=spec["date"],
            summary=spec["summary"],
            language="fi",
            outcome=Outcome.PASSED,
            status=Status.COMPLETED,
        )
        for name, (light, note) in spec["lights"].items():
            setattr(record, name, light)
            setattr(record, f"{name}_note", note)
        record.full_clean()
        record.save()
        for order, (name, organisation) in enumerate(spec["evaluators"]):
            Evaluator.objects.create(evaluation=record, name=name, organisation=organisation, sort_order=order)
