"""Tolerant, cautious matching of project names as the report writes them to project records.

A reference such as "SOPU", "Siirtymät sujuviksi SISU" or "Tsetanes Naal" is compared with every way a project
can be named: its full name, the parts of a "NAME - Long name" title, parenthesised or capitalised acronyms and
every spelling the appendix tables use. A match must be close (THRESHOLD) and clearly better than the best
other project (MARGIN); anything less stays unmatched, because a missing link can be added later and a wrong
one misleads.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .normalise import GENERIC_WORDS, compact, coverage, dice, tokens
from .records import ProjectRecord

THRESHOLD = 0.85
MARGIN = 0.1
# Score for a reference that holds every word of a multi-word project name plus more ("... Varsinais-Suomessa").
CONTAINED_SCORE = 0.88

_DASH_SEPARATOR = re.compile(r"\s+[-–—]\s*|\s*[-–—]\s+")
_CLAUSE_SEPARATOR = re.compile(r",\s+|\.\s+(?=[A-ZÅÄÖŠ#])")
_PARENTHESISED = re.compile(r"\(([^()]*)\)")
_WORD_OR_HYPHEN = re.compile(r"[\s\-–—/]+")


@dataclass(frozen=True)
class MatchResult:
    project: ProjectRecord | None
    score: float
    reason: str


def name_variants(name: str) -> set[str]:
    """Every way a title can refer to the project it names."""
    variants = {name, _PARENTHESISED.sub(" ", name)}
    variants.update(_PARENTHESISED.findall(name))
    for part in list(variants):
        pieces = _DASH_SEPARATOR.split(part)
        variants.update(pieces)
        for piece in [part, *pieces]:
            variants.update(_CLAUSE_SEPARATOR.split(piece))
    variants.update(capital_runs(name))
    # Parts shorter than two letters say nothing ("B" of "Suunnitelma B"); the whole name always counts.
    return {variant.strip() for variant in variants if len(compact(variant)) >= 2} | (
        {name.strip()} if compact(name) else set()
    )


def capital_runs(name: str) -> list[str]:
    """Runs of all-capital words: "PURE STEEL", "SOPU", "K2K"."""
    runs: list[list[str]] = [[]]
    for word in _WORD_OR_HYPHEN.split(name):
        bare = re.sub(r"[^\w]", "", word)
        if _is_capital_word(bare):
            runs[-1].append(bare)
        elif runs[-1]:
            runs.append([])
    return [" ".join(run) for run in runs if run]


def acronym_of(name: str) -> str | None:
    """The short capital form a project goes by ("SOPU", "PURE STEEL"), when its name has other words too."""
    for inside in _PARENTHESISED.findall(name):
        if _is_capital_word(inside.strip()):
            return inside.strip()
    words = [re.sub(r"[^\w]", "", word) for word in _WORD_OR_HYPHEN.split(name)]
    words = [word for word in words if any(char.isalpha() for char in word) and word.casefold() not in GENERIC_WORDS]
    if all(_is_capital_word(word) for word in words):
        return None  # a name written all in capitals is not an acronym of itself
    for run in (_leading_capitals(words), _leading_capitals(words[::-1])[::-1]):
        if run:
            return " ".join(run)
    return None


def _leading_capitals(words: list[str]) -> list[str]:
    run = []
    for word in words:
        if not _is_capital_word(word):
            break
        run.append(word)
    return run


def _is_capital_word(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters) and word.replace(" ", "").isalnum()


class ProjectMatcher:
    def __init__(self, projects: Iterable[ProjectRecord]):
        self._variants = [
            (project, variant)
            for project in projects
            for variant in _unique_variants([project.name, *project.aliases, project.acronym or ""])
        ]

    def match(self, ref: str) -> ProjectRecord | None:
        return self.explain(ref).project

    def explain(self, ref: str) -> MatchResult:
        """The matched project (or None) with the score and a sentence saying why."""
        ranked = self._ranked(ref)
        if not ranked:
            return MatchResult(None, 0.0, "no projects to match against")
        (score, project, variant, how) = ranked[0]
        if score < THRESHOLD:
            return MatchResult(None, score, f"no project close enough: best was {project.name!r} at {score:.2f}")
        runner_up = ranked[1] if len(ranked) > 1 else None
        if runner_up and score - runner_up[0] < MARGIN:
            return MatchResult(
                None,
                score,
                f"ambiguous: {project.name!r} ({score:.2f}) and {runner_up[1].name!r} ({runner_up[0]:.2f})",
            )
        return MatchResult(project, score, f"{how} {variant!r} ({score:.2f})")

    def _ranked(self, ref: str) -> list[tuple[float, ProjectRecord, str, str]]:
        """Best score per project, best first."""
        ref_variants = [tokens(variant) for variant in name_variants(ref)] or [tokens(ref)]
        best: dict[int, tuple[float, ProjectRecord, str, str]] = {}
        for project, variant in self._variants:
            score, how = _score(ref_variants, variant)
            if id(project) not in best or score > best[id(project)][0]:
                best[id(project)] = (score, project, variant, how)
        return sorted(best.values(), key=lambda item: item[0], reverse=True)


def _unique_variants(names: list[str]) -> list[str]:
    variants: set[str] = set()
    for name in names:
        if name:
            variants.update(name_variants(name))
    return sorted(variants)


def _score(ref_variants: list[tuple[str, ...]], variant: str) -> tuple[float, str]:
    target = tokens(variant)
    best, how = 0.0, "similar to"
    for ref_tokens in ref_variants:
        if ref_tokens == target or "".join(ref_tokens) == "".join(target):
            return 1.0, "same as"
        similarity = dice(ref_tokens, target)
        if similarity > best:
            best, how = similarity, "similar to"
        if len(target) >= 2 and set(target) <= set(ref_tokens) and CONTAINED_SCORE > best:
            best, how = CONTAINED_SCORE, "contains every word of"
    return best, how


def same_project_score(name: str, other: str) -> float:
    """How surely two full names in different tables are one project: every word must appear on both sides."""
    left, right = tokens(name), tokens(other)
    if left == right or compact(name) == compact(other):
        return 1.0
    return min(coverage(left, right), coverage(right, left))


def find_same_project(name: str, candidates: Iterable[ProjectRecord]) -> ProjectRecord | None:
    """The one candidate whose names clearly name the same project as `name`, or None."""
    scored = sorted(
        (
            (max(same_project_score(name, known) for known in [candidate.name, *candidate.aliases]), index, candidate)
            for index, candidate in enumerate(candidates)
        ),
        key=lambda item: (-item[0], item[1]),
    )
    if not scored or scored[0][0] < THRESHOLD:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
        return None
    return scored[0][2]
