from django.core.management.base import BaseCommand

from core.progress import TerminalProgress
from search.documents import rebuild_all


class Command(BaseCommand):
    help = (
        "Rebuild every page's search document (analysed text and filter values) and send it to the search "
        "backends. Run after renaming vocabulary terms or organisations, or after changing search.analysis."
    )

    def handle(self, *args, **options):
        bar = TerminalProgress("Search documents", unit="page", verbosity=options["verbosity"])
        try:
            count = rebuild_all(progress=bar)
        finally:
            bar.close()
        self.stdout.write(f"Rebuilt {count} search document(s)")
