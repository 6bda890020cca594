"""Check every external link of the published items and store what each address answered.

Run it nightly from cron or a systemd timer (docs/operations.md). Each run first records which page
links to which address (``PageLink``), then checks the addresses not checked within ``--older-than``
hours, in batches whose results are saved as each batch ends: an interrupted run loses at most one
batch, and running it again goes on where it stopped. A link that is gone over 30 days is marked on
the public page (core's ``LinkStatus.objects.long_gone()``).
"""

from collections import Counter
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from core.link_checker import LinkChecker, is_checkable
from core.models import LinkStatus
from core.page_cache import invalidate
from methodbank.links import external_links
from methodbank.models import MethodBankPage, PageLink

BATCH = 50


class Command(BaseCommand):
    help = "Check the external links of published items and record whether they still work."

    def add_arguments(self, parser):
        parser.add_argument("--url", action="append", default=[], help="Check only this address (repeatable).")
        parser.add_argument(
            "--older-than", type=float, default=20, help="Recheck addresses last checked this many hours ago."
        )
        parser.add_argument("--all", action="store_true", help="Check every address, however recently checked.")
        parser.add_argument("--concurrency", type=int, default=8, help="Requests at once, over all hosts.")
        parser.add_argument("--timeout", type=float, default=10, help="Seconds to wait for an answer.")
        parser.add_argument("--retries", type=int, default=2, help="Further tries after a timeout or a busy server.")
        parser.add_argument(
            "--host-interval", type=float, default=1, help="Seconds between two requests to the same host."
        )
        parser.add_argument("--retry-delay", type=float, default=2, help="Seconds before the first retry.")

    def handle(self, *args, **options):
        checker = LinkChecker(
            concurrency=options["concurrency"],
            timeout=options["timeout"],
            retries=options["retries"],
            host_interval=options["host_interval"],
            retry_delay=options["retry_delay"],
        )
        if options["url"]:
            invalid = [url for url in options["url"] if not is_checkable(url)]
            if invalid:
                raise CommandError(
                    "Not a web address (http:// or https:// and a host name): "
                    + ", ".join(invalid)
                    + ". Nothing checked."
                )
            urls = options["url"]
        else:
            self.record_page_links()
            urls = self.due_urls(None if options["all"] else timedelta(hours=options["older_than"]))
        counts, changed = Counter(), 0
        for start in range(0, len(urls), BATCH):
            results = checker.check(urls[start : start + BATCH])
            changed += self.store(results.values(), counts)
        if changed:
            invalidate()
        summary = ", ".join(f"{LinkStatus.Status(status).label}: {count}" for status, count in sorted(counts.items()))
        self.stdout.write(f"Checked {len(urls)} address(es). {summary or 'Nothing was due.'}")

    def record_page_links(self):
        """Refresh which published page links to which address; malformed addresses are named, never stored."""
        pages = MethodBankPage.objects.live().specific().order_by("pk")
        for page in pages.iterator(chunk_size=100):
            checkable, invalid = external_links(page)
            for url in invalid:
                self.stdout.write(f"Not a web address, not checked: “{url}” on “{page.title}” (id {page.pk})")
            with transaction.atomic():
                PageLink.objects.filter(page=page).exclude(url__in=checkable).delete()
                known = set(PageLink.objects.filter(page=page).values_list("url", flat=True))
                PageLink.objects.bulk_create(PageLink(page=page, url=url) for url in checkable if url not in known)
        PageLink.objects.exclude(page__live=True).delete()

    def due_urls(self, older_than):
        urls = PageLink.objects.values_list("url", flat=True).distinct().order_by("url")
        if older_than is not None:
            recent = LinkStatus.objects.filter(checked_at__gte=timezone.now() - older_than).values("url")
            urls = urls.exclude(url__in=recent)
        return list(urls)

    def store(self, results, counts):
        """Save one batch; the number of addresses whose status changed."""
        changed = 0
        now = timezone.now()
        with transaction.atomic():
            existing = LinkStatus.objects.select_for_update().in_bulk([r.url for r in results], field_name="url")
            for result in results:
                link = existing.get(result.url) or LinkStatus(url=result.url)
                before = link.status
                link.record(result.status, result.http_status, result.final_url, result.error, now=now)
                link.save()
                changed += before != link.status
                counts[result.status] += 1
        return changed
