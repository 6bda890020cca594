"""``manage.py update_index`` shows a progress bar in a terminal and keeps its plain output elsewhere."""

import io
import re

from django.core.management import call_command

from methodbank.models import ModelPage


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_in_a_terminal_update_index_shows_a_bar_per_model(method_bank, capsys):
    output = Terminal()
    call_command("update_index", stdout=output)
    bar = capsys.readouterr().err
    done, total = re.search(r"default: methodbank\.ModelPage: 100%\|[^|]*\| (\d+)/(\d+)", bar).groups()
    assert done == total == str(ModelPage.get_indexed_objects().count())
    # The totals stay on stdout, without the dots the bar replaces.
    assert "default: indexed" in output.getvalue()
    assert "." * 3 not in output.getvalue()


def test_piped_update_index_prints_what_it_always_did(method_bank, capsys):
    output = io.StringIO()
    call_command("update_index", stdout=output)
    assert capsys.readouterr().err == ""
    assert "default: methodbank.MethodBankPage" in output.getvalue()
    assert "default: indexed" in output.getvalue()


def test_progress_can_be_asked_for_or_turned_off(method_bank, capsys):
    call_command("update_index", "--progress", stdout=io.StringIO())
    assert "100%" in capsys.readouterr().err
    call_command("update_index", "--no-progress", stdout=Terminal())
    assert capsys.readouterr().err == ""
