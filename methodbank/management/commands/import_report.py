from pathlib import Path

from django.core.management import BaseCommand, CommandError
from django.utils import translation

from core.progress import TerminalProgress
from methodbank.duplicates import duplicate_pairs
from methodbank.importer.report_import import ReportImporter
from methodbank.models import ItemType, MethodBankPage


class Command(BaseCommand):
    help = "Import the Zoomi report's projects, models and good practices into the method bank; safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The report as text, e.g. ../shared/seeds/001_f7e6e7ab4c746c8c.txt")
        parser.add_argument("--locale", default="fi", choices=["fi", "sv", "en"], help="Language of the report.")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; write nothing.")

    def handle(self, *args, path, locale, dry_run, **options):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        bar = TerminalProgress("Importing", verbosity=options["verbosity"])
        importer = ReportImporter(language=locale, dry_run=dry_run, progress=bar, source=path.name)
        try:
            report, outcome = importer.run(path)
        finally:
            bar.close()
        # The summary is English prose; keep the type labels in English too, whatever the active language.
        with translation.override("en"):
            self.print_summary(report, outcome, dry_run)
            if not dry_run:
                self.print_duplicates(locale)

    def print_summary(self, report, outcome, dry_run):
        write = self.stdout.write
        write(self.style.MIGRATE_HEADING("Dry run: nothing was written." if dry_run else "Import finished."))
        would = "would be " if dry_run else ""
        for item_type in ItemType:
            counts = {
                action: outcome.actions[(item_type.value, action)] for action in ("created", "updated", "unchanged")
            }
            write(
                f"  {str(item_type.label) + ':':<15} {counts['created']} {would}created, {counts['updated']} "
                f"{would}updated, {counts['unchanged']} unchanged"
            )
        themes = ", ".join(f"{code} {outcome.per_theme[code]}" for code in sorted(outcome.per_theme))
        write(f"  Models and practices per main theme: {themes}")
        if report.stated_counts:
            stated = ", ".join(f"{code} {count}" for code, count in sorted(report.stated_counts.items()))
            write(f"  The report's own figures:            {stated}")
        if report.unmatched_refs:
            write(self.style.WARNING(f"Project references left unlinked ({len(report.unmatched_refs)}):"))
            for ref, lines in sorted(report.unmatched_refs.items()):
                write(f"  “{ref}” (line {', '.join(map(str, lines))})")
        if outcome.problems:
            write(self.style.WARNING(f"Problems ({len(outcome.problems)}); everything else was imported:"))
            for line, message in sorted(outcome.problems):
                write(f"  line {line}: {message}")

    def print_duplicates(self, locale):
        """Pairs of items in the import's language that look alike, at least one of them imported."""
        pages = MethodBankPage.objects.filter(locale__language_code=locale)
        pairs = duplicate_pairs(pages, involving=pages.exclude(import_key=""))
        if pairs:
            self.stdout.write(self.style.WARNING(f"Likely duplicates ({len(pairs)}); an editor may merge them:"))
        for first, second, why in pairs:
            self.stdout.write(f"  “{first.title}” ({first.pk}) and “{second.title}” ({second.pk}): {', '.join(why)}")
