from django.core.management.base import BaseCommand
from wagtail.search.backends import get_search_backends_with_name

from search import engine_circuit
from search.documents import is_database_backend, retry_pending
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = "Send the search engine the page updates it missed while it was unreachable."

    def handle(self, *args, **options):
        failed = False
        for name, backend in get_search_backends_with_name():
            if is_database_backend(backend):
                continue
            # Someone asks to resend now: try the engine even if its circuit is still open.
            engine_circuit.reset(backend)
            sent, left = retry_pending(name, backend)
            self.stdout.write(f"{name}: sent {sent} update(s), {left} still pending")
            failed = failed or bool(left)
        orphans = PendingIndexUpdate.objects.exclude(backend__in=[name for name, _b in get_search_backends_with_name()])
        if orphans.exists():
            self.stdout.write(f"Dropping {orphans.count()} update(s) for backends no longer configured")
            orphans.delete()
        if failed:
            self.stderr.write("The search engine is still not taking updates; run this again when it answers.")
            raise SystemExit(1)
