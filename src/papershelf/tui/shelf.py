"""The main screen's view model, without Textual: which papers show, in what order, what counts.

Pure and synchronous so it tests in microseconds; the screen owns one and asks it for rows.
Counts change incrementally on a status key, so a keystroke never recounts 50,000 papers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import NamedTuple

from papershelf.domain.filtering import (
    PaperFilter,
    SearchIndex,
    SortKey,
    filter_papers,
    sort_key,
)
from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState, Status, Venue

EARLIER_QUERIES = 16
"""Search results kept for going back (backspace) or narrowing; each is a list of indices."""

STATUS_VIEWS: tuple[tuple[str, str], ...] = (
    ("to-read", "To read"),
    ("reading", "Reading"),
    ("read", "Read"),
    ("unread", "Unread"),
)


KINDS = ("all", "starred", "status", "withdrawn", "venue", "topic")


class NavKey(NamedTuple):
    """One node of the navigation tree: a view at the top, or a venue, or a topic of a venue.

    A named tuple, so hashing and comparing one (the counters do it for every node of every
    paper) runs in C.
    """

    kind: str
    """``all``, ``starred``, ``status``, ``withdrawn``, ``venue`` or ``topic``."""
    value: str = ""
    """The status for ``status``; the venue label for ``venue`` and ``topic``."""
    topic: str = ""
    """The topic path (``A > B``) for ``topic``."""

    @classmethod
    def from_json(cls, value: object) -> NavKey | None:
        """A node read back from ``settings.json`` (a list of three strings); None if not."""
        if (
            isinstance(value, list)
            and len(value) == 3
            and all(isinstance(part, str) for part in value)
            and value[0] in KINDS
        ):
            return cls(*value)
        return None

    @property
    def label(self) -> str:
        """What the scope is called in the status line and the triage counter."""
        if self.kind == "topic":
            return f"{self.value} / {self.topic.rsplit(' > ', 1)[-1]}"
        if self.kind in ("venue",):
            return self.value
        if self.kind == "status":
            return dict(STATUS_VIEWS)[self.value]
        return {"all": "All papers", "starred": "Starred", "withdrawn": "Withdrawn"}[self.kind]

    def narrow(self, flt: PaperFilter) -> PaperFilter:
        """``flt`` restricted to this node (keeps the search query and the status keys)."""
        base = replace(flt, starred=False, venue=None, topic=None, withdrawn=False)
        if self.kind == "starred":
            return replace(base, starred=True)
        if self.kind == "withdrawn":
            return replace(base, withdrawn=True)
        if self.kind == "status":
            return replace(base, statuses=frozenset({Status(self.value)}))
        if self.kind == "venue":
            return replace(base, venue=self.value)
        if self.kind == "topic":
            return replace(base, venue=self.value, topic=self.topic)
        return base


ALL = NavKey("all")
STARRED = NavKey("starred")
WITHDRAWN = NavKey("withdrawn")
TOP_VIEWS: tuple[NavKey, ...] = (
    ALL,
    STARRED,
    *(NavKey("status", value) for value, _ in STATUS_VIEWS),
    WITHDRAWN,
)
_STATUS_KEYS: dict[Status, NavKey] = {status: NavKey("status", status.value) for status in Status}


def topic_prefixes(topic: str) -> Iterator[str]:
    """``A > B > C`` -> ``A``, ``A > B``, ``A > B > C``: every tree node a topic sits under."""
    parts = topic.split(" > ")
    for end in range(1, len(parts) + 1):
        yield " > ".join(parts[:end])


def _keys_of(venue: str, topics: tuple[str, ...]) -> tuple[NavKey, ...]:
    """The non-view nodes a paper counts in (venue, and each topic node once)."""
    keys = [NavKey("venue", venue)]
    seen: set[str] = set()
    for topic in topics:
        for prefix in topic_prefixes(topic):
            if prefix not in seen:
                seen.add(prefix)
                keys.append(NavKey("topic", venue, prefix))
    return tuple(keys)


_place = attrgetter("withdrawn", "venue", "topics")
"""Everything about a paper that decides which tree nodes it counts in."""


@dataclass(frozen=True, slots=True)
class Outline:
    """The tree's shape: venues in catalog order, each with its topic paths in first-seen order."""

    venues: tuple[tuple[str, tuple[str, ...]], ...]

    @classmethod
    def build(cls, papers: Iterable[Paper], venues: Sequence[Venue] = ()) -> Outline:
        order: dict[str, dict[str, None]] = {v.label: {} for v in venues}
        # Papers share (venue, topics) pairs: 50,000 papers have a few thousand. A topic
        # whose only papers are withdrawn would be an empty node: it is left out.
        for withdrawn, venue, topic_list in dict.fromkeys(map(_place, papers)):
            topics = order.setdefault(venue, {})
            if withdrawn:
                continue
            for topic in topic_list:
                for prefix in topic_prefixes(topic):
                    topics.setdefault(prefix, None)
        return cls(tuple((venue, tuple(topics)) for venue, topics in order.items()))


@dataclass(frozen=True, slots=True)
class View:
    """What the list shows: the tree node, the status keys, the search and the order.

    One value, so the screen holds it in a reactive and one watcher redraws on any change.
    """

    scope: NavKey = ALL
    statuses: frozenset[Status] = frozenset()
    query: str = ""
    sort: SortKey = SortKey.CATALOG

    @property
    def filter(self) -> PaperFilter:
        flt = self.scope.narrow(PaperFilter(query=self.query))
        if self.statuses:
            flt = replace(flt, statuses=self.statuses)
        return flt

    def why_empty(self, catalog_empty: bool) -> str:
        """What an empty list says: why nothing shows here, and the key that changes it."""
        if catalog_empty:
            return "No papers yet: ctrl+p then “import a list…”."
        if self.query:
            return f"No paper matches “{self.query}” here: escape clears the search."
        if self.statuses or self.scope.kind == "status":
            wanted = ", ".join(sorted(s.value for s in self.filter.statuses))
            return f"No papers with status {wanted} here: 1 shows every status."
        if self.scope.kind == "starred":
            return "No starred papers yet: s stars the paper under the cursor."
        if self.scope.kind == "withdrawn":
            return "No withdrawn papers."
        return "No papers here."

    def describe(self) -> str:
        text = self.filter.describe()
        if self.sort is not SortKey.CATALOG:
            text += f" · sorted by {self.sort.value}"
        return text

    def to_json(self) -> dict[str, object]:
        """What ``settings.json`` keeps of the view (the search is left out: it is a moment)."""
        return {
            "scope": list(self.scope),
            "statuses": sorted(s.value for s in self.statuses),
            "sort": self.sort.value,
        }

    @classmethod
    def from_json(cls, data: object) -> View:
        """The remembered view; anything unreadable falls back to the default."""
        if not isinstance(data, dict):
            return cls()
        view = cls()
        key = NavKey.from_json(data.get("scope"))
        if key is not None and (key.kind != "status" or key.value in {s.value for s in Status}):
            view = replace(view, scope=key)
        statuses = data.get("statuses")
        if isinstance(statuses, list):
            known = {s.value: s for s in Status}
            view = replace(view, statuses=frozenset(known[s] for s in statuses if s in known))
        sort = data.get("sort")
        if isinstance(sort, str) and sort in {k.value for k in SortKey}:
            view = replace(view, sort=SortKey(sort))
        return view

    def next_sort(self) -> View:
        keys = list(SortKey)
        return replace(self, sort=keys[(keys.index(self.sort) + 1) % len(keys)])


class Counts:
    """Read and total per tree node; kept current by deltas when states change."""

    def __init__(self) -> None:
        self.read: Counter[NavKey] = Counter()
        self.total: Counter[NavKey] = Counter()
        self._keys: dict[tuple[str, tuple[str, ...]], tuple[NavKey, ...]] = {}

    @classmethod
    def build(cls, papers: Iterable[Paper], states: Mapping[str, PaperState]) -> Counts:
        """Count papers by place and state first, then add each group to its nodes once.

        50,000 papers fall into a few thousand groups, so the counters see thousands of
        updates instead of half a million.
        """
        counts = cls()
        papers = papers if isinstance(papers, list) else list(papers)
        untouched: Counter[tuple[bool, str, tuple[str, ...]]] = Counter(map(_place, papers))
        touched: Counter[tuple[tuple[bool, str, tuple[str, ...]], Status, bool]] = Counter()
        if states:
            for paper in papers:
                state = states.get(paper.id)
                if state is None or (state.status is Status.UNREAD and not state.starred):
                    continue
                place = _place(paper)
                untouched[place] -= 1
                touched[place, state.status, state.starred] += 1
        for place, n in untouched.items():
            if n:
                counts._add(*place, Status.UNREAD, False, n)
        for (place, status, starred), n in touched.items():
            counts._add(*place, status, starred, n)
        return counts

    def _add(
        self,
        withdrawn: bool,
        venue: str,
        topics: tuple[str, ...],
        status: Status,
        starred: bool,
        n: int,
    ) -> list[NavKey]:
        """Add ``n`` papers of this place and state to their nodes (``n`` < 0 takes away)."""
        if withdrawn:
            keys = [WITHDRAWN]
        else:
            nodes = self._keys.get((venue, topics))
            if nodes is None:
                nodes = self._keys[venue, topics] = _keys_of(venue, topics)
            keys = [ALL, _STATUS_KEYS[status], *nodes]
            if starred:
                keys.append(STARRED)
        total = self.total
        for key in keys:
            total[key] += n
        if status is Status.READ:
            read = self.read
            for key in keys:
                read[key] += n
        return keys

    def change(self, paper: Paper, old: PaperState, new: PaperState) -> set[NavKey]:
        """Move one paper from ``old`` to ``new``; returns the nodes whose figures changed."""
        if old.status is new.status and old.starred == new.starred:
            return set()
        place = _place(paper)
        return set(self._add(*place, old.status, old.starred, -1)) | set(
            self._add(*place, new.status, new.starred, 1)
        )

    def of(self, key: NavKey) -> tuple[int, int]:
        return self.read[key], self.total[key]


class Shelf:
    """Papers, states and the current filter; answers "which papers, in which order"."""

    def __init__(
        self,
        papers: Sequence[Paper],
        states: Mapping[str, PaperState],
        venues: Sequence[Venue] = (),
        index: SearchIndex | None = None,
    ) -> None:
        self.papers = list(papers)
        self.states: dict[str, PaperState] = dict(states)
        self.by_id = {p.id: p for p in self.papers}
        self.outline = Outline.build(self.papers, venues)
        self.counts = Counts.build(self.papers, self.states)
        self._index = index
        self._hits: tuple[str, list[int]] | None = None
        self._earlier: dict[str, list[int]] = {}
        """Hits of recent queries, oldest first (at most ``EARLIER_QUERIES``)."""
        self._ranks: dict[SortKey, dict[str, int]] = {}

    # -- data --------------------------------------------------------------------------
    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            self._index = SearchIndex.build(self.papers, self.states)
        return self._index

    def set_index(self, index: SearchIndex) -> None:
        """Adopt an index built off the UI thread (if it is for these papers)."""
        if index.papers is self.papers or list(index.papers) == self.papers:
            self._index = index
            self._forget_hits()

    def state(self, paper_id: str) -> PaperState:
        return self.states.get(paper_id, DEFAULT_STATE)

    def update(
        self, paper_ids: Iterable[str], change: Callable[[PaperState], PaperState]
    ) -> set[NavKey]:
        """Apply ``change`` to each paper's state; returns the tree nodes whose counts moved."""
        touched: set[NavKey] = set()
        for paper_id in paper_ids:
            old = self.state(paper_id)
            new = change(old)
            if new is old:
                continue
            self.states[paper_id] = new
            paper = self.by_id.get(paper_id)
            if paper is None:
                continue
            touched |= self.counts.change(paper, old, new)
            if new.note != old.note and self._index is not None:
                self._index.update_note(paper_id, new.note)
                self._forget_hits()
        return touched

    def replace_states(self, states: Mapping[str, PaperState]) -> set[NavKey]:
        """Adopt states read from disk (another process changed them, or an undo).

        Only the papers whose state differs are recounted and reindexed (an undo touches a
        few; a recount of 50,000 papers would freeze the screen); returns the tree nodes
        whose counts moved.
        """
        old, new = self.states, dict(states)
        self.states = new
        touched: set[NavKey] = set()
        for paper_id in old.keys() | new.keys():
            before, after = old.get(paper_id, DEFAULT_STATE), new.get(paper_id, DEFAULT_STATE)
            if before is after or before == after:
                continue
            paper = self.by_id.get(paper_id)
            if paper is not None:
                touched |= self.counts.change(paper, before, after)
            if before.note != after.note and self._index is not None:
                self._index.update_note(paper_id, after.note)
                self._forget_hits()  # search results depend on the text, notes included
        return touched

    # -- the view ----------------------------------------------------------------------
    def _search_hits(self, query: str) -> list[int] | None:
        """Indices matching the query; narrows from an earlier result the query extends.

        The results of the last few queries are kept: a backspace goes back to one of them
        without a scan, and typing on narrows from the longest one the query starts with.
        """
        if not query.strip():
            return None
        if self._hits is not None and self._hits[0] == query:
            return self._hits[1]
        hits = self._earlier.get(query)
        if hits is None:
            within: list[int] | None = None
            longest = 0
            for previous, previous_hits in self._earlier.items():
                if len(previous) > longest and query.startswith(previous) and previous.strip():
                    within, longest = previous_hits, len(previous)
            hits = self.index.search(query, within)
            self._earlier[query] = hits
            if len(self._earlier) > EARLIER_QUERIES:
                del self._earlier[next(iter(self._earlier))]
        self._hits = (query, hits)
        return hits

    def _forget_hits(self) -> None:
        self._hits = None
        self._earlier.clear()

    def view(self, view: View) -> list[Paper]:
        """The papers the list shows for ``view``."""
        hits = self._search_hits(view.query)
        papers = self.papers
        candidates: Iterable[Paper] = papers if hits is None else (papers[i] for i in hits)
        return self._sorted(filter_papers(candidates, self.states, view.filter), view.sort)

    def _sorted(self, shown: list[Paper], sort: SortKey) -> list[Paper]:
        if sort is SortKey.CATALOG:
            return shown
        if sort in (SortKey.TITLE, SortKey.VENUE):
            # Catalog-only orders: rank every paper once, then each view sorts by an int.
            ranks = self._ranks.get(sort)
            if ranks is None:
                ordered = sorted(self.papers, key=sort_key(sort, self.states))
                ranks = self._ranks[sort] = {p.id: i for i, p in enumerate(ordered)}
            return sorted(shown, key=lambda p: ranks[p.id])
        return sorted(shown, key=sort_key(sort, self.states))
