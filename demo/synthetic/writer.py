"""Sentences, paragraphs and titles in Finnish, Swedish and English from the benchmark vocabulary.

Every function returns ``{"fi": ..., "sv": ..., "en": ...}`` built from the
same randomly chosen concepts, so the Swedish and English versions of a page
read as translations of the Finnish one.
"""

from .vocabulary import ADJECTIVES, ADVERBIALS, NOUNS, VERBS


def _cap(text):
    return text[:1].upper() + text[1:]


def _sv_genitive(word):
    return word if word.endswith(("s", "x", "z")) else f"{word}s"


def _sv_adjective(adjective, noun):
    return adjective.sv[noun.sv["gender"]]


def _subject_object(rng):
    adjective, subject, verb, owner, thing = (
        rng.choice(ADJECTIVES),
        rng.choice(NOUNS),
        rng.choice(VERBS),
        rng.choice(NOUNS),
        rng.choice(NOUNS),
    )
    return {
        "fi": f"{_cap(adjective.fi['nom'])} {subject.fi['nom']} {verb.fi['sg']} {owner.fi['gen']} {thing.fi['part']}.",
        "sv": f"{_cap(_sv_adjective(adjective, subject))} {subject.sv['indef']} {verb.sv['pres']} "
        f"{_sv_genitive(owner.sv['def'])} {thing.sv['indef']}.",
        "en": f"{_cap(adjective.en)} {subject.en['sg']} {verb.en['sg']} the {owner.en['sg']}'s {thing.en['sg']}.",
    }


def _place_agents(rng):
    place, agents, verb, adjective, thing, adverbial = (
        rng.choice(NOUNS),
        rng.choice(NOUNS),
        rng.choice(VERBS),
        rng.choice(ADJECTIVES),
        rng.choice(NOUNS),
        rng.choice(ADVERBIALS),
    )
    return {
        "fi": f"{_cap(place.fi['ine'])} {agents.fi['pl']} {verb.fi['pl']} {adjective.fi['part']} {thing.fi['part']} "
        f"{adverbial['fi']}.",
        "sv": f"I {place.sv['def']} {verb.sv['pres']} {agents.sv['def_pl']} {adjective.sv['pl']} {thing.sv['pl']} "
        f"{adverbial['sv']}.",
        "en": f"In the {place.en['sg']}, {agents.en['pl']} {verb.en['base']} {adjective.en} {thing.en['pl']} "
        f"{adverbial['en']}.",
    }


def _passive(rng):
    adverbial, thing, verb, place, partner = (
        rng.choice(ADVERBIALS),
        rng.choice(NOUNS),
        rng.choice(VERBS),
        rng.choice(NOUNS),
        rng.choice(NOUNS),
    )
    return {
        "fi": f"{_cap(adverbial['fi'])} {thing.fi['part']} {verb.fi['pass']} {place.fi['ine']} "
        f"{partner.fi['gen']} kanssa.",
        "sv": f"{_cap(adverbial['sv'])} {verb.sv['pass']} {thing.sv['indef']} i {place.sv['def']} "
        f"tillsammans med {partner.sv['def']}.",
        "en": f"{_cap(adverbial['en'])}, {thing.en['sg']} is {verb.en['pp']} in the {place.en['sg']} "
        f"together with the {partner.en['sg']}.",
    }


def _direction(rng):
    subject, verb, objects, goal = rng.choice(NOUNS), rng.choice(VERBS), rng.choice(NOUNS), rng.choice(NOUNS)
    return {
        "fi": f"{_cap(subject.fi['nom'])} {verb.fi['sg']} {objects.fi['part_pl']} {goal.fi['ill']}.",
        "sv": f"{_cap(subject.sv['def'])} {verb.sv['pres']} {objects.sv['pl']} mot {goal.sv['def']}.",
        "en": f"The {subject.en['sg']} {verb.en['sg']} {objects.en['pl']} towards the {goal.en['sg']}.",
    }


def _plural_subjects(rng):
    adjective, subjects, verb, owner, first, second = (
        rng.choice(ADJECTIVES),
        rng.choice(NOUNS),
        rng.choice(VERBS),
        rng.choice(NOUNS),
        rng.choice(NOUNS),
        rng.choice(NOUNS),
    )
    return {
        "fi": f"{_cap(adjective.fi['pl'])} {subjects.fi['pl']} {verb.fi['pl']} {owner.fi['gen']} "
        f"{first.fi['part']} ja {second.fi['part']}.",
        "sv": f"{_cap(adjective.sv['pl'])} {subjects.sv['pl']} {verb.sv['pres']} {_sv_genitive(owner.sv['def'])} "
        f"{first.sv['indef']} och {second.sv['indef']}.",
        "en": f"{_cap(adjective.en)} {subjects.en['pl']} {verb.en['base']} the {owner.en['sg']}'s {first.en['sg']} "
        f"and {second.en['sg']}.",
    }


def _aim(rng):
    place, subject, verb, thing = rng.choice(NOUNS), rng.choice(NOUNS), rng.choice(VERBS), rng.choice(NOUNS)
    return {
        "fi": f"Tavoitteena on, että {subject.fi['nom']} {verb.fi['sg']} {thing.fi['part']} {place.fi['ine']}.",
        "sv": f"Målet är att {subject.sv['def']} {verb.sv['pres']} {thing.sv['indef']} i {place.sv['def']}.",
        "en": f"The aim is that the {subject.en['sg']} {verb.en['sg']} {thing.en['sg']} in the {place.en['sg']}.",
    }


def _source(rng):
    source, subject, verb, thing = rng.choice(NOUNS), rng.choice(NOUNS), rng.choice(VERBS), rng.choice(NOUNS)
    return {
        "fi": f"{_cap(source.fi['ela'])} saadun palautteen avulla {subject.fi['nom']} {verb.fi['sg']} "
        f"{thing.fi['part']} {source.fi['ade']}.",
        "sv": f"Med hjälp av responsen från {source.sv['def']} {verb.sv['pres']} {subject.sv['def']} "
        f"{thing.sv['indef']}.",
        "en": f"With feedback from the {source.en['sg']}, the {subject.en['sg']} {verb.en['sg']} {thing.en['sg']}.",
    }


SENTENCES = (_subject_object, _place_agents, _passive, _direction, _plural_subjects, _aim, _source)


def join(parts, separator=" "):
    return {language: separator.join(part[language] for part in parts) for language in ("fi", "sv", "en")}


def sentence(rng):
    return rng.choice(SENTENCES)(rng)


def paragraph(rng, sentences=(2, 4)):
    return join([sentence(rng) for _ in range(rng.randint(*sentences))])


def rich_text(rng, paragraphs=(1, 3)):
    """A few paragraphs as rich text HTML, sometimes with a bulleted list."""
    parts = [{key: f"<p>{value}</p>" for key, value in paragraph(rng).items()} for _ in range(rng.randint(*paragraphs))]
    if rng.random() < 0.3:
        items = [sentence(rng) for _ in range(rng.randint(2, 4))]
        parts.append({key: "<ul>" + "".join(f"<li>{item[key]}</li>" for item in items) + "</ul>" for key in items[0]})
    return join(parts, "")


def title(rng):
    """A short name for a model or practice, such as "Joustava ohjaus" or "Opiskelijan polku työelämään"."""
    adjective, first, second = rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(NOUNS)
    shapes = [
        {
            "fi": f"{_cap(adjective.fi['nom'])} {first.fi['nom']}",
            "sv": f"{_cap(_sv_adjective(adjective, first))} {first.sv['indef']}",
            "en": f"{_cap(adjective.en)} {first.en['sg']}",
        },
        {
            "fi": f"{_cap(first.fi['gen'])} {second.fi['nom']}",
            "sv": f"{_cap(_sv_genitive(first.sv['def']))} {second.sv['indef']}",
            "en": f"The {first.en['sg']}'s {second.en['sg']}",
        },
        {
            "fi": f"{_cap(first.fi['nom'])} {second.fi['ill']}",
            "sv": f"{_cap(first.sv['indef'])} till {second.sv['def']}",
            "en": f"{_cap(first.en['sg'])} into {second.en['sg']}",
        },
        {
            "fi": f"{_cap(adjective.fi['nom'])} {first.fi['nom']} {second.fi['ine']}",
            "sv": f"{_cap(_sv_adjective(adjective, first))} {first.sv['indef']} i {second.sv['def']}",
            "en": f"{_cap(adjective.en)} {first.en['sg']} in the {second.en['sg']}",
        },
        {
            "fi": f"{_cap(first.fi['nom'])} {second.fi['part_pl']} varten",
            "sv": f"{_cap(first.sv['indef'])} för {second.sv['pl']}",
            "en": f"{_cap(first.en['sg'])} for {second.en['pl']}",
        },
    ]
    return rng.choice(shapes)


def query_words(language):
    """Single words a visitor might type: base forms and inflected forms of the vocabulary."""
    if language == "fi":
        return [form for noun in NOUNS for form in (noun.fi["nom"], noun.fi["gen"], noun.fi["ine"])]
    if language == "sv":
        return [form for noun in NOUNS for form in (noun.sv["indef"], noun.sv["def"])]
    return [noun.en["sg"] for noun in NOUNS]
