"""Make and store reports (PDF, DOCX) of the whole bank or of themes and periods, showing the progress."""

import time

from django.core.management.base import BaseCommand, CommandError

from reports.selection import Selection, SelectionError
from reports.service import FORMATS, fresh, path_of, produce
from search.analysis import LANGUAGES


class Command(BaseCommand):
    help = "Make the report of the whole method bank, or of chosen themes and periods, and store it for reuse."

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", choices=LANGUAGES, help="fi, sv or en (default: all three)")
        parser.add_argument("--format", action="append", choices=sorted(FORMATS), help="pdf or docx (default: both)")
        parser.add_argument("--theme", action="append", default=[], help="a theme code such as B or B4; repeatable")
        parser.add_argument("--period", action="append", default=[], help="2015-2019 or 2019-2021; repeatable")
        parser.add_argument("--force", action="store_true", help="make it again even if the stored one is current")

    def handle(self, *args, **options):
        for language in options["language"] or LANGUAGES:
            for file_format in options["format"] or sorted(FORMATS):
                try:
                    selection = Selection.from_choices(language, options["theme"], options["period"])
                    stored = None if options["force"] else fresh(selection, file_format)
                    if stored is not None:
                        self.stdout.write(f"{language} {file_format}: current, kept: {path_of(stored)}")
                        continue
                    started = time.monotonic()
                    stored = produce(selection, file_format, progress=self.progress(language, file_format))
                except SelectionError as error:
                    raise CommandError("; ".join(error.errors.values())) from error
                self.stdout.write(
                    f"{language} {file_format}: {stored.total} items in {time.monotonic() - started:.1f} s: {path_of(stored)}"
                )

    def progress(self, language, file_format):
        def show(done, total):
            self.stdout.write(f"{language} {file_format}: {done}/{total} items read")

        return show
