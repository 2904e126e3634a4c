"""Which papers a view shows: filters, incremental search and sort orders, all pure."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import compress, repeat
from operator import contains

from papershelf.domain.grouping import in_series, topic_key
from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState, Status
from papershelf.domain.tags import has_tags
from papershelf.domain.text import fold as fold  # where search folding was first defined


class SortKey(StrEnum):
    """The orders a list can take; ``CATALOG`` keeps list order."""

    CATALOG = "catalog"
    VENUE = "venue"
    TITLE = "title"
    STATUS = "status"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class PaperFilter:
    """Everything that narrows a list; the empty filter shows every non-withdrawn paper."""

    statuses: frozenset[Status] = frozenset()
    starred: bool = False
    has_note: bool = False
    venue: str | None = None
    series: str | None = None
    """A venue series (``OSDI``): every year of it, as ``domain.grouping`` spells venues."""
    topic: str | None = None
    """A topic string; also matches deeper paths (``A`` matches ``A > B``); any case,
    punctuation and spacing (``llm serving`` matches ``LLM-Serving``)."""
    query: str = ""
    withdrawn: bool | None = False
    """False hides withdrawn papers, True shows only them, None shows both."""
    tags: tuple[str, ...] = ()
    """Papers carrying every one of these tags (compared without case)."""

    def describe(self) -> str:
        """A short line for the status bar and CLI: what is narrowing the list now."""
        parts: list[str] = []
        if self.venue is not None:  # "" is a scope too: the papers of no venue
            parts.append(f"venue: {self.venue or 'unknown venue'}")
        elif self.series:
            parts.append(f"venue: {self.series}")
        if self.topic:
            parts.append(f"topic: {self.topic}")
        if self.tags:
            parts.append("tags: " + ", ".join(self.tags))
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


def topic_matches(topics: Iterable[str], wanted: str) -> bool:
    """Whether ``wanted`` is one of ``topics`` or above one (``A`` matches ``A > B``)."""
    prefix = wanted + " > "
    if any(t == wanted or t.startswith(prefix) for t in topics):
        return True  # the tree's topics are spelled as the catalog spells them: no folding
    key = topic_key(wanted)
    prefix = key + " > "
    return any((k := topic_key(t)) == key or k.startswith(prefix) for t in topics)


@dataclass(slots=True)
class SearchIndex:
    """Folded search text per paper, computed once so a keystroke only scans strings.

    ``haystacks[i]`` belongs to ``papers[i]``: the catalog text, then the paper's tags, then
    its note. When the user changes one paper, ``update_state`` (or ``update_note``,
    ``update_tags``) refreshes that paper's text alone.
    """

    papers: Sequence[Paper]
    haystacks: list[str] = field(default_factory=list)
    _base: list[str] = field(default_factory=list)
    _position: dict[str, int] | None = None
    """Paper id -> its position, made when a paper's text first changes (4 MB at 50,000
    papers that a session which changes no note, tag or abstract never needs)."""
    _tags: dict[int, str] = field(default_factory=dict)
    """The folded tag line of each tagged paper, as it sits after ``_base[i]``."""
    scanned: int = 0
    """How many texts the searches have looked at so far (what a test counts as work)."""
    _among: tuple[Sequence[int], list[str]] | None = None
    """The positions last searched ``among`` and their texts, in order; dropped whenever a
    text changes."""

    @classmethod
    def build(
        cls,
        papers: Sequence[Paper],
        states: Mapping[str, PaperState],
        abstracts: Mapping[str, str] | None = None,
    ) -> SearchIndex:
        """``abstracts`` (paper id -> text) are what the enrichment sources found."""
        base = [_catalog_text(p) for p in papers]
        index = cls(papers, [], base)
        for paper_id, text in (abstracts or {}).items():
            i = index.position(paper_id)
            if i is not None and text:
                base[i] += "\n" + fold(text)
        index.haystacks = list(base)
        for paper_id, state in states.items():
            if state.tags or state.note:
                index.update_state(paper_id, state)
        return index

    def update_state(self, paper_id: str, state: PaperState) -> None:
        """Refresh one paper's searchable tags and note (after any change to its state)."""
        i = self.position(paper_id)
        if i is not None:
            self._set_tags(i, state.tags)
            self._set_note(i, state.note)

    def update_abstract(self, paper_id: str, abstract: str) -> None:
        """An abstract found by enrichment becomes searchable at once."""
        i = self.position(paper_id)
        if i is None:
            return
        rest = self.haystacks[i][len(self._base[i]) :]
        extra = "\n" + fold(abstract) if abstract else ""
        self._base[i] = _catalog_text(self.papers[i]) + extra
        self.haystacks[i] = self._base[i] + rest
        self._among = None

    def update_note(self, paper_id: str, note: str) -> None:
        i = self.position(paper_id)
        if i is not None:
            self._set_note(i, note)

    def update_tags(self, paper_id: str, tags: Sequence[str]) -> None:
        i = self.position(paper_id)
        if i is not None:
            self._set_tags(i, tags)

    def _set_note(self, i: int, note: str) -> None:
        head = self._base[i] + self._tags.get(i, "")
        self.haystacks[i] = head + ("\n" + fold(note) if note else "")
        self._among = None

    def _set_tags(self, i: int, tags: Sequence[str]) -> None:
        old_head = len(self._base[i]) + len(self._tags.get(i, ""))
        note_part = self.haystacks[i][old_head:]
        part = "\n" + fold(" ".join(tags)) if tags else ""
        if part:
            self._tags[i] = part
        else:
            self._tags.pop(i, None)
        self.haystacks[i] = self._base[i] + part + note_part
        self._among = None

    def position(self, paper_id: str) -> int | None:
        if self._position is None:
            self._position = {p.id: i for i, p in enumerate(self.papers)}
        return self._position.get(paper_id)

    def search(
        self,
        query: str,
        within: Iterable[int] | None = None,
        among: Sequence[int] | None = None,
    ) -> list[int]:
        """Indices whose text holds every word of ``query``, in index order.

        ``within`` narrows an earlier result: typing one more letter only rescans the hits of
        the previous keystroke (the app's ``Shelf`` keeps those results). ``among`` is what
        ``within`` was found in (every hit of ``query`` in it is in ``within``): when
        ``within`` is most of it, ``among`` is scanned instead, as a list of its texts kept
        from one search to the next (``t`` then ``tr`` over 50,000 papers: a lookup per
        text cost more than the texts it skipped).
        """
        texts = None
        if within is not None and not isinstance(within, Sequence):
            within = list(within)
        if among is not None and within is not None and 2 * len(within) > len(among):
            within, texts = among, self.texts_among(among)
        return self._scan(query_words(query), within, texts)

    def texts_among(self, among: Sequence[int]) -> list[str]:
        """The texts of ``among``, in order; kept for the next search among the same."""
        if self._among is None or self._among[0] is not among:
            self._among = (among, list(map(self.haystacks.__getitem__, among)))
        return self._among[1]

    def _scan(
        self, words: tuple[str, ...], within: Sequence[int] | None, texts: list[str] | None
    ) -> list[int]:
        """The positions of ``within`` (every paper when None) whose text holds each word.

        Each word is looked for without a Python step per paper (``compress`` over
        ``contains``): the first letters of a query test most of the catalog. ``texts`` are
        the texts of ``within`` when they are at hand.
        """
        hay = self.haystacks
        found: Sequence[int] = range(len(hay)) if within is None else within
        first: Iterable[str] | None = hay if within is None else texts
        for word in sorted(words, key=len, reverse=True):  # the longest rules out most first
            self.scanned += len(found)
            scanned = first if first is not None else map(hay.__getitem__, found)
            found = list(compress(found, map(contains, scanned, repeat(word))))
            first = None
        return found if isinstance(found, list) else list(found)


def query_words(query: str) -> tuple[str, ...]:
    """The folded words a search looks for (every one must be in a paper's text).

    Words in double quotes are one phrase (``"large language"``), a quote left open runs to
    the end: the quotes were looked for as letters, and a quoted search found nothing.
    """
    words: list[str] = []
    for i, part in enumerate(fold(query).replace("“", '"').replace("”", '"').split('"')):
        words.extend([" ".join(part.split())] if i % 2 else part.split())
    return tuple(word for word in words if word)


def narrows(earlier: str, query: str) -> bool:
    """Whether every paper matching ``query`` also matches ``earlier``.

    True when each word of ``earlier`` is inside some word of ``query`` (``tr`` -> ``tra``,
    ``tra`` -> ``tra x``): then ``query``'s hits are among ``earlier``'s, so a search can
    scan just those. Compared after folding, so accents and case cannot break it.
    """
    words = query_words(query)
    return all(any(old in new for new in words) for old in query_words(earlier))


def _catalog_text(p: Paper) -> str:
    """What the lists say of a paper, folded for search."""
    return fold(
        "\n".join(
            (p.title, "; ".join(p.authors), " ".join(p.topics), " ".join(p.affiliations), p.venue)
        )
    )


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
    # A paper counts in every venue a list gives it (a preprint's arXiv and its proceedings).
    if flt.venue is not None and flt.venue != paper.venue and flt.venue not in paper.also_venues:
        return False
    if flt.series is not None and not any(
        in_series(v, flt.series) for v in (paper.venue, *paper.also_venues)
    ):
        return False
    if flt.tags and not has_tags(state, flt.tags):
        return False
    return flt.topic is None or topic_matches(paper.topics, flt.topic)


def filter_papers(
    candidates: Iterable[Paper], states: Mapping[str, PaperState], flt: PaperFilter
) -> list[Paper]:
    """The candidates that pass every non-search part of ``flt``, in their order.

    The one filter of the CLI, the exports and the app's list.
    """
    if flt == replace(PaperFilter(), query=flt.query, withdrawn=flt.withdrawn):
        # Only the withdrawn rule narrows: the same answer without a state lookup per paper.
        if flt.withdrawn is None:
            return list(candidates)
        withdrawn = flt.withdrawn
        return [p for p in candidates if p.withdrawn == withdrawn]
    get = states.get
    return [p for p in candidates if matches(p, get(p.id, DEFAULT_STATE), flt)]


def depends_on_states(flt: PaperFilter) -> bool:
    """Whether a paper's state can change the answer of ``flt``'s non-search parts."""
    return bool(flt.statuses or flt.starred or flt.has_note or flt.tags)


def filter_positions(
    papers: Sequence[Paper], states: Mapping[str, PaperState], flt: PaperFilter
) -> list[int]:
    """Positions in ``papers`` of those passing every non-search part of ``flt``, in order.

    ``filter_papers`` as positions, so a search can scan just these (``SearchIndex.search``).
    """
    if flt == replace(PaperFilter(), query=flt.query, withdrawn=flt.withdrawn):
        if flt.withdrawn is None:
            return list(range(len(papers)))
        withdrawn = flt.withdrawn
        return [i for i, p in enumerate(papers) if p.withdrawn == withdrawn]
    get = states.get
    return [i for i, p in enumerate(papers) if matches(p, get(p.id, DEFAULT_STATE), flt)]


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
    if flt == replace(PaperFilter(), query=flt.query, withdrawn=flt.withdrawn):
        # Only the withdrawn rule narrows (a plain search): no state lookup per hit.
        if flt.withdrawn is None:
            return list(hits)
        withdrawn = flt.withdrawn
        return [i for i in hits if papers[i].withdrawn == withdrawn]
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
