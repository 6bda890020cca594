from django.core.management.base import BaseCommand

from search.documents import rebuild_all


class Command(BaseCommand):
    help = (
        "Rebuild every page's search document (analysed text and filter values) and send it to the search "
        "backends. Run after renaming vocabulary terms or organisations, or after changing search.analysis."
    )

    def handle(self, *args, **options):
        count = rebuild_all()
        self.stdout.write(f"Rebuilt {count} search document(s)")
