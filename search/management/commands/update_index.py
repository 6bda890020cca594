"""``manage.py update_index`` with a progress bar (tqdm) per model when run in a terminal.

Wagtail's command (modelsearch's ``rebuild_modelsearch_index``) prints a dot per chunk. This app comes before
``wagtail.search`` in INSTALLED_APPS, so its command of the same name is the one ``manage.py`` runs. Output that
goes to a file or a pipe (cron, the benchmark's parsing) stays as it was; ``--progress`` shows the bar on
stderr anyway, ``--no-progress`` never.
"""

import sys

from modelsearch.management.commands.rebuild_modelsearch_index import Command as ModelsearchCommand
from tqdm import tqdm


class Command(ModelsearchCommand):
    help = "Rebuild the search backends' indexes of every indexed model, with a progress bar in a terminal."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--progress",
            action="store_true",
            default=None,
            help="show a progress bar on stderr (default: only when stdout is a terminal)",
        )
        parser.add_argument("--no-progress", action="store_false", dest="progress", help="never show a bar")

    def handle(self, **options):
        progress = options.get("progress")
        self.progress = self.stdout.isatty() if progress is None else progress
        self.label = ""
        super().handle(**options)

    def write(self, *args, ending=None, **kwargs):
        # The parent writes "backend: app.Model" without a line end before its dots; with a bar, that is its label.
        if self.progress and ending == "":
            self.label = " ".join(str(arg) for arg in args).strip()
            return
        super().write(*args, ending=ending, **kwargs)

    def print_newline(self):
        if not self.progress:
            super().print_newline()

    def print_iter_progress(self, iterable):
        return iterable if self.progress else super().print_iter_progress(iterable)

    def queryset_chunks(self, qs, chunk_size=1000):
        chunks = super().queryset_chunks(qs, chunk_size)
        if not self.progress or self.verbosity == 0:
            yield from chunks
            return
        with tqdm(total=qs.count(), desc=self.label, unit=" objects", file=sys.stderr, dynamic_ncols=True) as bar:
            for chunk in chunks:
                yield chunk
                bar.update(len(chunk))
