"""Grow the method bank to a given number of pages, fast enough for tens of thousands.

Creating a page through Wagtail (``add_child``, revisions, wagtail-localize)
takes tens of milliseconds; 20,000 of them would take longer than the whole
benchmark may. This module writes the same rows Wagtail would, in bulk:

- one ``wagtailcore_page`` row per page, with a treebeard path under its
  language's method bank index, the right depth, a unique slug and url_path,
  and the parent's ``numchild`` brought up to date;
- the ``methodbankpage`` row and the row of the specific type (project, model,
  good practice), through the multi-table inheritance chain;
- the many-to-many rows (themes, target groups, regions, keywords, funding,
  partners, a model's projects).

A page's Swedish and English versions share its ``translation_key`` and, as a
wagtail-localize translation does, keep the source's vocabulary terms, project
and model links and synchronised slug. Revisions are not written: visitors,
search and the benchmark never read them.

The size counts method bank pages in all languages together, because each
language version is a page of its own that visitors open and search finds.
"""

import datetime
import io
import random
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from methodbank.models import (
    Evaluation,
    FundingSource,
    GoodPracticePage,
    ItemType,
    Keyword,
    MethodBankIndexPage,
    MethodBankPage,
    ModelPage,
    Organisation,
    ProjectPage,
    Region,
    Scope,
    TargetGroup,
    Theme,
)

from . import writer
from .vocabulary import FIRST_NAMES, LAST_NAMES, NOUNS, ORGANISATION_KINDS, TOWNS

LANGUAGES = ("fi", "sv", "en")
# Shares of the kinds of item, and how often a Finnish item is translated.
KIND_WEIGHTS = {ItemType.PROJECT: 15, ItemType.MODEL: 35, ItemType.PRACTICE: 50}
SWEDISH_ONLY_SHARE = 0.05
TRANSLATED_SHARE = {"sv": 0.7, "en": 0.6}
EVALUATION_WEIGHTS = {
    ItemType.PROJECT: {Evaluation.NONE: 1},
    ItemType.MODEL: {Evaluation.NONE: 40, Evaluation.PEER: 35, Evaluation.EXPERT: 25},
    ItemType.PRACTICE: {Evaluation.NONE: 60, Evaluation.PEER: 30, Evaluation.EXPERT: 10},
}
VIDEO_URLS = [
    "https://www.youtube.com/watch?v=benchmark01",
    "https://www.youtube.com/watch?v=benchmark02",
    "https://vimeo.com/100000001",
]
IMAGE_COUNT = 3
KEYWORD_COUNT = 40
# Groups written per transaction: bounds memory and keeps SQLite's journal small.
CHUNK = 400


@dataclass
class Vocabulary:
    """The terms, organisations and media pages point at, by language."""

    main_themes: dict
    sub_themes: dict
    target_groups: dict
    regions: dict
    national: dict
    keywords: dict
    funding: dict
    organisations: dict
    images: list
    projects: dict = field(default_factory=dict)  # source language -> [(page id, end year)]
    models: dict = field(default_factory=dict)  # source language -> [(page id, end year)]


def _terms_by_language(model, **filters):
    terms = {language: [] for language in LANGUAGES}
    for term in model.objects.filter(**filters).select_related("locale").order_by("pk"):
        terms.setdefault(term.locale.language_code, []).append(term)
    return terms


def _ensure_keywords(locales):
    if Keyword.objects.filter(code__startswith="bench-").exists():
        return
    rows = []
    for noun in NOUNS[:KEYWORD_COUNT]:
        key = uuid.uuid4()
        code = f"bench-{slugify(noun.en['sg'])}"[:40]
        names = {"fi": noun.fi["nom"], "sv": noun.sv["indef"], "en": noun.en["sg"]}
        rows += [
            Keyword(code=code, name=names[language], locale=locales[language], translation_key=key)
            for language in LANGUAGES
        ]
    Keyword.objects.bulk_create(rows)


def _ensure_organisations(locales):
    if Organisation.objects.filter(website__startswith="https://bench.example.fi/").exists():
        return
    rows = []
    for town in TOWNS:
        for kind in ORGANISATION_KINDS:
            key = uuid.uuid4()
            names = {"fi": town[0], "sv": town[1], "en": town[2]}
            website = f"https://bench.example.fi/{slugify(kind[0].format(fi=town[0]))}/"
            rows += [
                Organisation(
                    name=pattern.format(**{language: names[language]}),
                    website=website,
                    locale=locales[language],
                    translation_key=key,
                )
                for language, pattern in zip(LANGUAGES, kind, strict=True)
            ]
    Organisation.objects.bulk_create(rows)


def _ensure_images():
    """A few pictures for image blocks; renditions are made on first view, as in production."""
    from PIL import Image as PillowImage

    Image = get_image_model()
    existing = list(Image.objects.filter(title__startswith="Bench picture"))
    for number in range(len(existing), IMAGE_COUNT):
        buffer = io.BytesIO()
        PillowImage.new("RGB", (1200, 800), color=(40 + 60 * number, 110, 160)).save(buffer, "PNG")
        existing.append(
            Image.objects.create(
                title=f"Bench picture {number + 1}", file=ImageFile(buffer, name=f"bench-{number + 1}.png")
            )
        )
    return [image.pk for image in existing]


def _ensure_embeds():
    """Stored embeds for the video blocks, so rendering never asks a video provider over the network."""
    for number, url in enumerate(VIDEO_URLS, start=1):
        Embed.objects.get_or_create(
            hash=get_embed_hash(url),
            defaults={
                "url": url,
                "type": "video",
                "html": f'<iframe title="Video {number}" src="{url}" width="640" height="360"></iframe>',
                "title": f"Video {number}",
                "provider_name": "Bench",
                "width": 640,
                "height": 360,
            },
        )


def load_vocabulary():
    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=LANGUAGES)}
    _ensure_keywords(locales)
    _ensure_organisations(locales)
    _ensure_embeds()
    vocabulary = Vocabulary(
        main_themes=_terms_by_language(Theme, parent__isnull=True),
        sub_themes=_terms_by_language(Theme, parent__isnull=False),
        target_groups=_terms_by_language(TargetGroup),
        regions=_terms_by_language(Region, is_national=False),
        national=_terms_by_language(Region, is_national=True),
        keywords=_terms_by_language(Keyword, code__startswith="bench-"),
        funding=_terms_by_language(FundingSource),
        organisations=_terms_by_language(Organisation, website__startswith="https://bench.example.fi/"),
        images=_ensure_images(),
    )
    for language in LANGUAGES:
        vocabulary.projects[language] = [
            (page.pk, page.end_date.year if page.end_date else None)
            for page in ProjectPage.objects.filter(locale__language_code=language, alias_of__isnull=True)
            .exclude(translation_key__in=_translated_keys(language))
            .only("pk", "end_date")
        ]
        vocabulary.models[language] = list(
            ModelPage.objects.filter(locale__language_code=language)
            .exclude(translation_key__in=_translated_keys(language))
            .values_list("pk", "end_year")
        )
    return vocabulary


def _translated_keys(language):
    """Translation keys whose source is in another language: only sources are linked to."""
    if language == "fi":
        return []
    return Page.objects.filter(locale__language_code="fi").values("translation_key")


class TreeSlots:
    """Hands out the next treebeard path under each language's method bank index."""

    def __init__(self):
        self.indexes = {
            index.locale.language_code: index for index in MethodBankIndexPage.objects.select_related("locale")
        }
        missing = set(LANGUAGES) - set(self.indexes)
        if missing:
            raise RuntimeError(f"No method bank index in {', '.join(sorted(missing))}: load the demo site first.")
        self.next_step = {}
        self.added = dict.fromkeys(self.indexes, 0)
        for language, index in self.indexes.items():
            last = (
                Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            self.next_step[language] = int(last[-Page.steplen :], 36) + 1 if last else 1

    def take(self, language):
        index = self.indexes[language]
        step = self.next_step[language]
        self.next_step[language] += 1
        self.added[language] += 1
        return index, Page._get_path(index.path, index.depth + 1, step)

    def save_numchild(self):
        for index in self.indexes.values():
            count = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).count()
            Page.objects.filter(pk=index.pk).update(numchild=count)


def _weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _block(kind, value, block_id=None):
    return {"type": kind, "value": value, "id": block_id or str(uuid.uuid4())}


def _person(rng, organisation_name):
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    email_name = slugify(f"{first}.{last}").replace("-", ".")
    return {
        "name": f"{first} {last}",
        "title": rng.choice(["Projektipäällikkö", "Projektikoordinaattori", "Opinto-ohjaaja", "Kehittäjä"]),
        "organisation": organisation_name,
        "email": f"{email_name}@example.fi",
        "phone": f"+358 40 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
    }


class ItemWriter:
    """Builds one translation group (a source page and its translations) as unsaved model instances."""

    def __init__(self, rng, vocabulary, slots, content_types, first_id):
        self.rng = rng
        self.vocabulary = vocabulary
        self.slots = slots
        self.content_types = content_types
        self.next_id = first_id
        self.pages = {ProjectPage: [], ModelPage: [], GoodPracticePage: []}
        self.relations = []  # (through model, row kwargs)

    def _new_id(self):
        page_id = self.next_id
        self.next_id += 1
        return page_id

    def _languages(self):
        if self.rng.random() < SWEDISH_ONLY_SHARE:
            return "sv", ["sv"]
        languages = ["fi"]
        languages += [language for language, share in TRANSLATED_SHARE.items() if self.rng.random() < share]
        return "fi", languages

    def _sections(self, kind):
        rng = self.rng
        names = {
            ItemType.PROJECT: ["goal", "text", "results", "links"],
            ItemType.MODEL: ["goal", "target_group", "implementation", "deployment", "resources", "results", "links"],
            ItemType.PRACTICE: ["goal", "implementation", "results"],
        }[kind]
        sections = []
        for name in names:
            if name in {"results", "links"} and rng.random() < 0.3:
                continue
            sections.append(name)
        if rng.random() < 0.2:
            sections.insert(rng.randint(1, len(sections)), "quote")
        if rng.random() < 0.1:
            sections.insert(rng.randint(1, len(sections)), "image")
        if rng.random() < 0.05:
            sections.append("video")
        return sections

    def _body(self, kind, slug):
        """The description in every language, with block ids shared across translations."""
        rng = self.rng
        blocks = {language: [] for language in LANGUAGES}
        for name in self._sections(kind):
            block_id = str(uuid.uuid4())
            if name in {"goal", "target_group", "implementation", "resources"}:
                text = writer.rich_text(rng)
                values = {language: {"text": text[language]} for language in LANGUAGES}
            elif name == "text":
                text = writer.rich_text(rng, paragraphs=(2, 4))
                values = text
            elif name == "deployment":
                parts = [writer.rich_text(rng, paragraphs=(1, 1)) for _ in range(3)]
                values = {
                    language: dict(zip(("text", "marketing", "materials"), (p[language] for p in parts), strict=True))
                    for language in LANGUAGES
                }
            elif name == "results":
                text = writer.rich_text(rng, paragraphs=(1, 2))
                metrics = [(writer.title(rng), f"{rng.randint(5, 95)} %") for _ in range(rng.randint(0, 3))]
                metric_ids = [str(uuid.uuid4()) for _ in metrics]
                values = {
                    language: {
                        "text": text[language],
                        "metrics": [
                            {"type": "item", "value": {"name": name_[language], "value": value}, "id": metric_id}
                            for (name_, value), metric_id in zip(metrics, metric_ids, strict=True)
                        ],
                    }
                    for language in LANGUAGES
                }
            elif name == "links":
                titles = [writer.title(rng) for _ in range(rng.randint(1, 3))]
                link_ids = [str(uuid.uuid4()) for _ in titles]
                values = {
                    language: {
                        "links": [
                            _block(
                                "link",
                                {"url": f"https://www.example.fi/{slug}/{number}/", "title": link_title[language]},
                                link_id,
                            )
                            for number, (link_title, link_id) in enumerate(zip(titles, link_ids, strict=True), 1)
                        ]
                    }
                    for language in LANGUAGES
                }
            elif name == "quote":
                quote = writer.sentence(rng)
                person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                values = {language: {"quote": quote[language], "attribution": person} for language in LANGUAGES}
            elif name == "image":
                caption = writer.title(rng)
                image = rng.choice(self.vocabulary.images)
                values = {
                    language: {"image": image, "alt_text": caption[language], "caption": caption[language]}
                    for language in LANGUAGES
                }
            else:  # video
                video_title = writer.title(rng)
                transcript = writer.paragraph(rng)
                url = rng.choice(VIDEO_URLS)
                values = {
                    language: {"video": url, "title": video_title[language], "transcript": transcript[language]}
                    for language in LANGUAGES
                }
            for language in LANGUAGES:
                blocks[language].append(_block(name, values[language], block_id))
        return blocks

    def _contacts(self, source):
        rng = self.rng
        organisations = self.vocabulary.organisations[source]
        contacts = []
        for _ in range(rng.randint(1, 2)):
            contacts.append(_block("person", _person(rng, rng.choice(organisations).name)))
        if rng.random() < 0.3:
            contacts.append(
                _block(
                    "organisation",
                    {"organisation": rng.choice(organisations).pk, "email": "info@example.fi", "phone": ""},
                )
            )
        return contacts

    def _terms(self, source):
        rng, vocabulary = self.rng, self.vocabulary
        main = rng.choice(vocabulary.main_themes[source])
        subs = [term for term in vocabulary.sub_themes[source] if term.parent_id == main.pk]
        themes = [main, *rng.sample(subs, k=min(len(subs), rng.randint(1, 2)))]
        if rng.random() < 0.3:
            regions = list(vocabulary.national[source])
        else:
            regions = rng.sample(vocabulary.regions[source], k=rng.randint(1, 3))
        return {
            "themes": themes,
            "target_groups": rng.sample(vocabulary.target_groups[source], k=rng.randint(1, 3)),
            "regions": regions,
            "keywords": rng.sample(vocabulary.keywords[source], k=rng.randint(0, 4)),
        }

    def write_group(self, number, room):
        """Write one item in up to ``room`` languages; returns the number of pages written."""
        rng = self.rng
        kind = _weighted(rng, KIND_WEIGHTS)
        source, languages = self._languages()
        languages = languages[:room]
        if kind != ItemType.PROJECT and not self.vocabulary.projects[source]:
            kind = ItemType.PROJECT
        titles = writer.title(rng)
        if kind == ItemType.PROJECT:
            acronym = "".join(rng.choice("ABDEHIJKLMNOPRSTUVY") for _ in range(rng.randint(3, 6)))
            titles = {language: f"{acronym} – {text}" for language, text in titles.items()}
        slug = f"{slugify(titles[source])[:60]}-{number}"
        summary = writer.paragraph(rng, sentences=(2, 3))
        body = self._body(kind, slug)
        contacts = self._contacts(source)
        terms = self._terms(source)
        published = timezone.make_aware(datetime.datetime(2016, 1, 1)) + datetime.timedelta(
            days=rng.randint(0, 3300), minutes=rng.randint(0, 1439)
        )
        evaluation = _weighted(rng, EVALUATION_WEIGHTS[kind])
        key = uuid.uuid4()
        specific = self._specific_fields(kind, source, number, acronym if kind == ItemType.PROJECT else "")
        model_class = {ItemType.PROJECT: ProjectPage, ItemType.MODEL: ModelPage, ItemType.PRACTICE: GoodPracticePage}[
            kind
        ]
        source_id = None
        for language in languages:
            index, path = self.slots.take(language)
            page_id = self._new_id()
            source_id = source_id or page_id
            page = model_class(
                id=page_id,
                page_ptr_id=page_id,
                methodbankpage_ptr_id=page_id,
                path=path,
                depth=index.depth + 1,
                numchild=0,
                title=titles[language],
                draft_title=titles[language],
                slug=slug,
                url_path=f"{index.url_path}{slug}/",
                content_type_id=self.content_types[model_class],
                locale_id=index.locale_id,
                translation_key=key,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=published,
                item_type=kind,
                summary=summary[language],
                body=body[language],
                contacts=contacts,
                evaluation=evaluation,
                **specific["fields"],
            )
            self.pages[model_class].append(page)
            for name, chosen in terms.items():
                through = getattr(MethodBankPage, name).through
                self.relations += [
                    (through, {"methodbankpage_id": page_id, f"{through_target(name)}_id": term.pk}) for term in chosen
                ]
            for through, rows in specific["relations"]:
                self.relations += [(through, {**row, owner_column(through): page_id}) for row in rows]
        if kind == ItemType.PROJECT:
            self.vocabulary.projects[source].append((source_id, specific["end_year"]))
        elif kind == ItemType.MODEL:
            self.vocabulary.models[source].append((source_id, specific["fields"]["end_year"]))
        return len(languages)

    def _specific_fields(self, kind, source, number, acronym):
        rng, vocabulary = self.rng, self.vocabulary
        if kind == ItemType.PROJECT:
            start = datetime.date(rng.randint(2014, 2021), rng.choice([1, 3, 5, 8, 9]), 1)
            # ESF projects of the 2014–2020 programme ended by 2023.
            end = min(start + datetime.timedelta(days=rng.randint(360, 1200)), datetime.date(2023, 12, 31))
            lead, *partners = rng.sample(vocabulary.organisations[source], k=rng.randint(1, 4))
            funding = rng.sample(vocabulary.funding[source], k=rng.randint(1, 2))
            return {
                "end_year": end.year,
                "fields": {
                    "acronym": acronym,
                    "project_code": f"S{20000 + number}",
                    "lead_organisation_id": lead.pk,
                    "start_date": start,
                    "end_date": end,
                    "scope": rng.choice([Scope.NATIONAL, Scope.REGIONAL]),
                    "programme": "Kestävää kasvua ja työtä 2014–2020",
                    "budget_eur": Decimal(rng.randint(50, 2000) * 1000),
                    "website": f"https://www.example.fi/hanke-{number}/",
                    "end_year": end.year,
                },
                "relations": [
                    (ProjectPage.partner_organisations.through, [{"organisation_id": o.pk} for o in partners]),
                    (ProjectPage.funding_sources.through, [{"fundingsource_id": f.pk} for f in funding]),
                ],
            }
        projects = rng.sample(vocabulary.projects[source], k=min(len(vocabulary.projects[source]), rng.randint(1, 2)))
        end_year = max((year for _pk, year in projects if year), default=None)
        period = "2015-2019" if end_year and end_year <= 2019 else "2019-2021"
        if kind == ItemType.MODEL:
            return {
                "fields": {"period": period, "end_year": end_year},
                "relations": [(ModelPage.projects.through, [{"projectpage_id": pk} for pk, _year in projects])],
            }
        project_id, project_year = projects[0]
        models = vocabulary.models[source]
        model_id = rng.choice(models)[0] if models and rng.random() < 0.7 else None
        return {
            "fields": {"period": period, "project_id": project_id, "model_id": model_id, "end_year": project_year},
            "relations": [],
        }


def through_target(field_name):
    return {"themes": "theme", "target_groups": "targetgroup", "regions": "region", "keywords": "keyword"}[field_name]


def owner_column(through):
    return {
        ProjectPage.partner_organisations.through: "projectpage_id",
        ProjectPage.funding_sources.through: "projectpage_id",
        ModelPage.projects.through: "modelpage_id",
    }[through]


def _batch_size(fields):
    limit = 30_000 if connection.vendor == "sqlite" else 60_000
    return max(1, limit // len(fields))


def _insert(model, objects, fields):
    """Insert rows of one table of the inheritance chain, in batches the database accepts."""
    size = _batch_size(fields)
    for start in range(0, len(objects), size):
        model._base_manager._insert(objects[start : start + size], fields=fields, using=connection.alias)


def _flush(item_writer):
    chain = [Page, MethodBankPage]
    for model_class, pages in item_writer.pages.items():
        if not pages:
            continue
        for table in [*chain, model_class]:
            _insert(table, pages, table._meta.local_concrete_fields)
        pages.clear()
    by_through = {}
    for through, row in item_writer.relations:
        by_through.setdefault(through, []).append(through(**row))
    for through, rows in by_through.items():
        through.objects.bulk_create(rows, batch_size=_batch_size(through._meta.concrete_fields))
    item_writer.relations.clear()


def grow(size, seed=2020, progress=None):
    """Add method bank pages until there are ``size`` of them; returns how many were added."""
    existing = MethodBankPage.objects.count()
    if existing >= size:
        return 0
    rng = random.Random(f"{seed}-{existing}")  # noqa: S311 - reproducible content, not secrets
    vocabulary = load_vocabulary()
    slots = TreeSlots()
    content_types = {
        model: ContentType.objects.get_for_model(model).pk for model in (ProjectPage, ModelPage, GoodPracticePage)
    }
    first_id = (Page.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    item_writer = ItemWriter(rng, vocabulary, slots, content_types, first_id)
    number = existing
    created = 0
    while existing + created < size:
        with transaction.atomic():
            for _ in range(CHUNK):
                if existing + created >= size:
                    break
                number += 1
                created += item_writer.write_group(number, size - existing - created)
            _flush(item_writer)
        if progress:
            progress(existing + created)
    with transaction.atomic():
        slots.save_numchild()
        _reset_sequences()
    return created


def _reset_sequences():
    """Page ids were given explicitly; PostgreSQL's sequence must continue after them."""
    statements = connection.ops.sequence_reset_sql(no_style(), [Page])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
