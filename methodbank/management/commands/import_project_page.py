from pathlib import Path

from django.core.management import BaseCommand, CommandError

from methodbank.importer.project_page_import import import_project_page


class Command(BaseCommand):
    help = "Read a project's own web page (period, area, funder, budget, implementers, contacts) into its project page."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Project pages as text files.")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; write nothing.")

    def handle(self, *args, paths, dry_run, **options):
        missing = [str(path) for path in paths if not path.is_file()]
        if missing:
            raise CommandError(f"No such file: {', '.join(missing)}")
        for path in paths:
            facts, page, outcome = import_project_page(path, dry_run=dry_run)
            actions = [action for (_type, action), count in outcome.actions.items() if count]
            what = actions[0] if actions else "not imported"
            if dry_run and actions:
                what = f"would be {what}"
            self.stdout.write(f"{path.name}: {facts.name or '?'} – {what}" + (f" ({page.url_path})" if page else ""))
            for line, message in sorted(outcome.problems):
                self.stdout.write(self.style.WARNING(f"  line {line}: {message}"))
