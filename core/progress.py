"""A progress bar for long management commands: tqdm's in a terminal, nothing when output goes elsewhere.

Tests, CI and logs get the commands' plain summaries only; a person at a terminal sees how far an import or a
reindex of 20,000 pages has come.
"""

import sys

from tqdm import tqdm


class TerminalProgress:
    """``progress(done, total)``, as the importer and ``search.documents.rebuild_all`` call it."""

    def __init__(self, description, unit="item", verbosity=1, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = verbosity > 0 and self.stream.isatty()
        self.description, self.unit = description, unit
        self.bar = None

    def __call__(self, done, total):
        if not self.enabled:
            return
        if self.bar is None:
            self.bar = tqdm(total=total, desc=self.description, unit=self.unit, file=self.stream)
        self.bar.update(done - self.bar.n)

    def close(self):
        if self.bar is not None:
            self.bar.close()
