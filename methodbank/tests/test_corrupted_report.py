"""Damaged copies of the real report: the parser must report, not crash, and keep what it can."""

import random

from methodbank.importer.report_parser import parse_report

INVALID_BYTES = b"\xff\xfe"


def seeded(seed: int) -> random.Random:
    """Fixed seeds make every damaged copy reproducible; nothing here needs unpredictability."""
    return random.Random(seed)  # noqa: S311


def assert_problems_point_at_lines(report, line_count):
    assert report.problems
    assert all(1 <= problem.line <= line_count for problem in report.problems)


def test_truncated_copies_parse_and_say_what_is_missing(report, report_bytes):
    rng = seeded(2020)
    appendix = report_bytes.index(b"## LIITE")
    for cut in sorted(rng.randrange(len(report_bytes) // 10, appendix) for _ in range(5)):
        damaged = report_bytes[:cut]
        truncated = parse_report(damaged)
        assert_problems_point_at_lines(truncated, damaged.count(b"\n") + 1)
        assert len(truncated.entries) <= len(report.entries)
        assert any("no project tables" in problem.message for problem in truncated.problems), cut


def test_truncation_inside_a_character_reports_the_invalid_bytes(report_bytes):
    cut = report_bytes.index("Tšetanes".encode()) + 2  # between the two bytes of "š"
    truncated = parse_report(report_bytes[:cut])
    invalid = [problem.line for problem in truncated.problems if problem.message.startswith("invalid UTF-8")]
    assert invalid == [report_bytes[:cut].count(b"\n") + 1]


def test_shuffled_lines_parse_and_report_with_line_numbers(report_bytes):
    lines = report_bytes.split(b"\n")
    seeded(7).shuffle(lines)
    shuffled = parse_report(b"\n".join(lines))
    assert_problems_point_at_lines(shuffled, len(lines))


def test_invalid_utf8_is_replaced_and_reported_on_its_line(report, report_bytes):
    rng = seeded(1191)
    damaged = bytearray(report_bytes)
    positions = sorted(rng.sample(range(len(report_bytes)), 5), reverse=True)
    for position in positions:
        damaged[position:position] = INVALID_BYTES
    expected_lines = sorted({bytes(report_bytes[:position]).count(b"\n") + 1 for position in positions})

    parsed = parse_report(bytes(damaged))

    reported = [problem.line for problem in parsed.problems if problem.message.startswith("invalid UTF-8")]
    assert reported == expected_lines
    assert len(parsed.entries) >= len(report.entries) - len(positions)
    assert len(parsed.projects) >= len(report.projects) - len(positions)


def test_an_entry_without_a_project_is_reported_and_the_rest_parses(report, report_bytes):
    text = report_bytes.decode()
    broken = text.replace(
        "- [Toimintatapa oppilaitosyhteistyöhön](#) (Suunnitelma B)", "- [Toimintatapa oppilaitosyhteistyöhön](#)"
    )
    parsed = parse_report(broken)
    line = text[: text.index("Toimintatapa oppilaitosyhteistyöhön")].count("\n") + 1
    assert any(problem.line == line and "no project" in problem.message for problem in parsed.problems)
    assert len(parsed.entries) == len(report.entries)
    entry = next(entry for entry in parsed.entries if entry.title == "Toimintatapa oppilaitosyhteistyöhön")
    assert entry.project_ref is None and entry.project_key is None and entry.description


def test_a_broken_table_row_is_reported_and_the_other_rows_parse(report, report_bytes):
    text = report_bytes.decode()
    broken = text.replace("Stora Komet\tYrkeshögskolan Novia\t2/2019", "Stora Komet Yrkeshögskolan Novia 2/2019")
    broken = broken.replace(
        "Urahaku\tOulun seudun koulutuskuntayhtymä\t7/2022", "Urahaku\tOulun seudun koulutuskuntayhtymä\t13/2022"
    )
    parsed = parse_report(broken)
    messages = {problem.line: problem.message for problem in parsed.problems}
    assert messages[1155] == "text outside any table row in the appendix ignored"
    assert messages[1177] == "end month “13/2022” is not M/YYYY"
    assert len(parsed.projects) == len(report.projects)
    stora_komet = next(project for project in parsed.projects if project.name == "Stora Komet")
    assert stora_komet.end_month is None and stora_komet.language == "sv"
