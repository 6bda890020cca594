"""Apply an import's classification to a page as suggestions that editors decide on.

``PageWriter`` calls ``apply`` while it brings a page up to date (in memory, also in a dry run) and
``store`` once the page is saved. The rules that keep editors' decisions:

* a new proposal adds the term to the page and records a suggestion with its evidence;
* a term the page already had before any suggestion is the editor's: nothing is recorded or changed;
* a removed suggestion is never added again; a suggested or confirmed term that an editor took off the
  page (by unticking it) counts as removed;
* a confirmed suggestion stays, even when the source no longer proposes it;
* a suggestion nobody decided on and no source proposes any more is withdrawn from the page.

Evidence is kept per source file, so importing a project's own page does not withdraw what the report
proposed, and the other way round.
"""

from django.utils import timezone

from methodbank.models import TermSuggestion

Status = TermSuggestion.Status


class TermCatalogue:
    """Vocabulary terms by (vocabulary, locale, code), each vocabulary and language read once per import."""

    def __init__(self):
        self._terms = {}

    def term(self, vocabulary, code, locale_id):
        key = (vocabulary, locale_id)
        if key not in self._terms:
            model = TermSuggestion.TERM_MODELS[vocabulary]
            self._terms[key] = {term.code: term for term in model.objects.filter(locale_id=locale_id)}
        return self._terms[key].get(code)


class SuggestedTerms:
    def __init__(self, classification, source, catalogue):
        self.source = source
        self.catalogue = catalogue
        self.proposals = {key: [item.as_dict(source) for item in evidence] for key, evidence in classification.items()}
        self._save, self._delete = [], []

    def apply(self, page):
        """Bring the page's terms in line with the proposals and earlier decisions; True when a term changed."""
        self._save, self._delete = [], []
        existing = {(s.vocabulary, s.code): s for s in page.term_suggestions.all()} if page.pk else {}
        keys = sorted(key for key in set(self.proposals) | set(existing) if hasattr(page, key[0]))
        changed = False
        for vocabulary in dict.fromkeys(vocabulary for vocabulary, _code in keys):
            manager = getattr(page, vocabulary)
            # A page not saved yet has no terms; asking its manager would query by a missing id.
            terms = {term.code: term for term in manager.all()} if page.pk else {}
            before = set(terms)
            for key in keys:
                if key[0] == vocabulary:
                    self._apply_one(page, key, existing.get(key), terms)
            if set(terms) != before:
                manager.set(list(terms.values()))
                changed = True
        return changed

    def _apply_one(self, page, key, suggestion, terms):
        """Decide one term: add it to or drop it from ``terms`` (code -> term) and note what to store."""
        vocabulary, code = key
        evidence = [item for item in suggestion.evidence if item.get("source") != self.source] if suggestion else []
        evidence += self.proposals.get(key, [])
        if suggestion is None:
            term = self.catalogue.term(vocabulary, code, page.locale_id)
            if code not in terms and term is not None:
                terms[code] = term
                self._save.append(TermSuggestion(vocabulary=vocabulary, code=code, evidence=evidence))
            return
        status_before = suggestion.status
        if suggestion.status != Status.REMOVED and code not in terms:
            suggestion.status, suggestion.decided_at = Status.REMOVED, timezone.now()
        if not evidence and suggestion.status == Status.SUGGESTED:
            terms.pop(code, None)
            self._delete.append(suggestion)
            return
        evidence = evidence or suggestion.evidence
        if evidence != suggestion.evidence or suggestion.status != status_before:
            suggestion.evidence = evidence
            self._save.append(suggestion)

    def store(self, page):
        """Write the suggestions ``apply`` decided on; the page must be saved."""
        for suggestion in self._save:
            suggestion.page_id = page.pk
            suggestion.save()
        for suggestion in self._delete:
            suggestion.delete()
