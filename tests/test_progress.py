"""Long commands (import_report, rebuild_search_documents) show a progress bar at a terminal, nothing elsewhere."""

import io

from core.progress import TerminalProgress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_terminal_sees_the_bar_fill_up():
    terminal = Terminal()
    progress = TerminalProgress("Importing", stream=terminal)
    for done in (100, 250, 300):
        progress(done, 300)
    progress.close()
    assert "Importing" in terminal.getvalue()
    assert "300/300" in terminal.getvalue()


def test_a_pipe_or_a_log_gets_no_bar():
    pipe = io.StringIO()
    progress = TerminalProgress("Importing", stream=pipe)
    progress(1, 3)
    progress.close()
    assert pipe.getvalue() == ""


def test_quiet_verbosity_gets_no_bar_even_at_a_terminal():
    terminal = Terminal()
    progress = TerminalProgress("Importing", verbosity=0, stream=terminal)
    progress(1, 3)
    progress.close()
    assert terminal.getvalue() == ""
