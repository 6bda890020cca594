"""Import the Zoomi report: projects from its appendices, models and practices from its theme sections."""

from collections import Counter

from methodbank.models import GoodPracticePage, ModelPage, ProjectPage, Source
from search.documents import deferred_updates

from .classify import Classifier
from .page_writer import PageWriter, last_day_of_month
from .report_parser import parse_report
from .source import read_lines
from .suggested_terms import SuggestedTerms, TermCatalogue


def web_links(links):
    return [link for link in links if link.startswith(("http://", "https://"))]


class ReportImporter:
    """Create or update the pages for one report; ``progress(done, total)`` is called after each item."""

    def __init__(self, *, language="fi", dry_run=False, progress=None, source="report"):
        self.language = language
        self.writer = PageWriter(dry_run=dry_run, source=source)
        self.progress = progress or (lambda done, total: None)
        self.terms = TermCatalogue()

    def run(self, path):
        with deferred_updates():
            return self._run(path)

    def _run(self, path):
        report = parse_report(path)
        self.report = report
        self.classifier = Classifier(read_lines(path)[0])
        self.classified = {}  # project key -> its Classification, which its items' regions start from
        languages = Counter(item.language for item in [*report.projects, *report.entries])
        self.main_language = languages.most_common(1)[0][0] if languages else self.language
        outcome = self.writer.outcome
        outcome.problems.extend((problem.line, problem.message) for problem in report.problems)
        total, done = len(report.projects) + len(report.entries), 0
        projects = {}
        for record in report.projects:
            self.classified[record.key] = self.classifier.project(record)
            projects[record.key] = self.import_project(record)
            done += 1
            self.progress(done, total)
        for entry in report.entries:
            if self.import_entry(entry, projects.get(entry.project_key)) is not None or self.writer.dry_run:
                outcome.per_theme.update(entry.main_theme_codes)
            done += 1
            self.progress(done, total)
        return report, outcome

    def language_for(self, item):
        """The report's own language goes to the locale asked for; an item written in another
        language (Stora Komet, in Swedish) goes to that language's tree."""
        return self.language if item.language == self.main_language else item.language

    def provenance(self, language):
        return {"source": Source.REPORT, "source_year": self.report.year, "source_language": language}

    def import_project(self, record):
        """Write what the report states about a project; what it leaves out keeps an editor's value."""
        language = self.language_for(record)
        values = {"title": record.name, **self.provenance(language)}
        if record.acronym:
            values["acronym"] = record.acronym
        if record.scope:
            values["scope"] = record.scope
        if record.end_month:
            # The project list gives the month a project ends, and never its start.
            values.update(end_date=last_day_of_month(record.end_month), dates_by_month=True)
        if lead := self.writer.organisation(record.lead_organisation, language):
            values["lead_organisation"] = lead
        return self.writer.write(
            ProjectPage,
            key=f"project:{record.key}",
            language=language,
            line=record.lines[0] if record.lines else 0,
            values=values,
            relations={"themes": self.writer.themes(language, record.theme_codes)},
            description=record.description,
            suggestions=self.suggestions(self.classified[record.key]),
        )

    def import_entry(self, entry, project):
        model = ModelPage if entry.kind == "model" else GoodPracticePage
        language = self.language_for(entry)
        values = {"title": entry.title, **self.provenance(language)}
        if entry.period:
            values["period"] = entry.period
        if links := web_links(entry.links):
            values["original_url"] = links[0]
        relations = {"themes": self.writer.themes(language, entry.theme_codes)}
        # An unmatched reference leaves the link as it is: never a wrong link, and never an editor's undone.
        if project is not None and model is ModelPage:
            relations["projects"] = [project]
        elif project is not None:
            values["project"] = project
        classification = self.classifier.entry(entry, self.classified.get(entry.project_key))
        return self.writer.write(
            model,
            key=f"{entry.kind}:{entry.key}",
            language=language,
            line=entry.line,
            values=values,
            relations=relations,
            description=entry.description,
            suggestions=self.suggestions(classification),
        )

    def suggestions(self, classification):
        return SuggestedTerms(classification, self.writer.source, self.terms)
