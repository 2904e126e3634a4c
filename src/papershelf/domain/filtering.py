"""Which papers a view shows: filters, incremental search and sort orders, all pure."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState, Status


class SortKey(StrEnum):
    """The orders a list can take; ``CATALOG`` keeps list order."""

    CATALOG = "catalog"
    VENUE = "venue"
    TITLE = "title"
    STATUS = "status"
    CHANGED = "changed"


class _NoCombining(dict[int, int | None]):
    """``str.translate`` table that drops combining marks, filled in as characters are met."""

    def __missing__(self, codepoint: int) -> int | None:
        kept = None if unicodedata.combining(chr(codepoint)) else codepoint
        self[codepoint] = kept
        return kept


_NO_COMBINING = _NoCombining()


def fold(text: str) -> str:
    """Case- and accent-insensitive form used on both sides of a search."""
    folded = text.casefold()
    if folded.isascii():  # most text: ASCII has nothing to decompose (and is 10x faster)
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return decomposed if decomposed.isascii() else decomposed.translate(_NO_COMBINING)


@dataclass(frozen=True, slots=True)
class PaperFilter:
    """Everything that narrows a list; the empty filter shows every non-withdrawn paper."""

    statuses: frozenset[Status] = frozenset()
    starred: bool = False
    has_note: bool = False
    venue: str | None = None
    topic: str | None = None
    """A topic string; also matches deeper paths (``A`` matches ``A > B``)."""
    query: str = ""
    withdrawn: bool | None = False
    """False hides withdrawn papers, True shows only them, None shows both."""

    def describe(self) -> str:
        """A short line for the status bar and CLI: what is narrowing the list now."""
        parts: list[str] = []
        if self.venue:
            parts.append(f"venue: {self.venue}")
        if self.topic:
            parts.append(f"topic: {self.topic}")
        if self.statuses:
            parts.append("status: " + ", ".join(sorted(s.value for s in self.statuses)))
        if self.starred:
            parts.append("starred")
        if self.has_note:
            parts.append("with notes")
        if self.withdrawn:
            parts.append("withdrawn")
        if self.query:
            parts.append(f"search: {self.query}")
        return " · ".join(parts) or "all papers"


def _topic_matches(topics: Iterable[str], wanted: str) -> bool:
    prefix = wanted + " > "
    return any(t == wanted or t.startswith(prefix) for t in topics)


@dataclass(slots=True)
class SearchIndex:
    """Folded search text per paper, computed once so a keystroke only scans strings.

    ``haystacks[i]`` belongs to ``papers[i]``; notes are part of it and refreshed with
    ``update_note`` when the user edits one.
    """

    papers: Sequence[Paper]
    haystacks: list[str] = field(default_factory=list)
    _base: list[str] = field(default_factory=list)
    _position: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, papers: Sequence[Paper], states: Mapping[str, PaperState]) -> SearchIndex:
        base = [
            fold(
                "\n".join(
                    (
                        p.title,
                        "; ".join(p.authors),
                        " ".join(p.topics),
                        " ".join(p.affiliations),
                        p.venue,
                    )
                )
            )
            for p in papers
        ]
        index = cls(papers, [], base, {p.id: i for i, p in enumerate(papers)})
        index.haystacks = list(base)
        for paper_id, state in states.items():
            if state.note:
                index.update_note(paper_id, state.note)
        return index

    def update_note(self, paper_id: str, note: str) -> None:
        i = self._position.get(paper_id)
        if i is not None:
            self.haystacks[i] = self._base[i] + ("\n" + fold(note) if note else "")

    def position(self, paper_id: str) -> int | None:
        return self._position.get(paper_id)

    def search(self, query: str, within: Iterable[int] | None = None) -> list[int]:
        """Indices whose text holds every word of ``query``.

        ``within`` narrows an earlier result: typing one more letter only rescans the hits of
        the previous keystroke.
        """
        words = fold(query).split()
        candidates = range(len(self.haystacks)) if within is None else within
        if not words:
            return list(candidates)
        hay = self.haystacks
        if len(words) == 1:
            word = words[0]
            return [i for i in candidates if word in hay[i]]
        return [i for i in candidates if all(w in hay[i] for w in words)]


def matches(paper: Paper, state: PaperState, flt: PaperFilter) -> bool:
    """Every non-search part of the filter (search goes through ``SearchIndex``)."""
    if flt.withdrawn is not None and paper.withdrawn != flt.withdrawn:
        return False
    if flt.statuses and state.status not in flt.statuses:
        return False
    if flt.starred and not state.starred:
        return False
    if flt.has_note and not state.note.strip():
        return False
    if flt.venue is not None and paper.venue != flt.venue:
        return False
    return flt.topic is None or _topic_matches(paper.topics, flt.topic)


def apply_filter(
    index: SearchIndex,
    states: Mapping[str, PaperState],
    flt: PaperFilter,
    within: Iterable[int] | None = None,
) -> list[int]:
    """Indices into ``index.papers`` that pass ``flt``, in catalog order."""
    hits = (
        index.search(flt.query, within)
        if flt.query
        else (range(len(index.papers)) if within is None else within)
    )
    papers = index.papers
    get = states.get
    return [i for i in hits if matches(papers[i], get(papers[i].id, DEFAULT_STATE), flt)]


_STATUS_ORDER = {Status.READING: 0, Status.TO_READ: 1, Status.UNREAD: 2, Status.READ: 3}


def sort_key(
    key: SortKey, states: Mapping[str, PaperState]
) -> Callable[[Paper], tuple[object, ...]]:
    """A key function for ``sorted``; ties keep catalog order because sorting is stable."""
    get = states.get
    if key is SortKey.VENUE:
        return lambda p: (p.venue.casefold(), -(p.year or 0))
    if key is SortKey.TITLE:
        return lambda p: (fold(p.title),)
    if key is SortKey.STATUS:
        return lambda p: (_STATUS_ORDER[get(p.id, DEFAULT_STATE).status],)
    if key is SortKey.CHANGED:
        # Most recently changed first; untouched papers last.
        return lambda p: _changed_key(get(p.id, DEFAULT_STATE))
    return lambda p: ()


def _changed_key(state: PaperState) -> tuple[object, ...]:
    at = max(filter(None, (state.status_changed, state.note_changed)), default="")
    # Invert the ISO string so a plain ascending sort puts the newest first.
    return (at == "", tuple(-ord(c) for c in at))


def sort_papers(
    papers: Sequence[Paper], key: SortKey, states: Mapping[str, PaperState]
) -> list[Paper]:
    if key is SortKey.CATALOG:
        return list(papers)
    return sorted(papers, key=sort_key(key, states))
