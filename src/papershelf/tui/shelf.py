"""The main screen's view model, without Textual: which papers show, in what order, what counts.

Pure and synchronous so it tests in microseconds; the screen owns one and asks it for rows.
Counts change incrementally on a status key, so a keystroke never recounts 50,000 papers.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeAlias

from papershelf.domain.filtering import (
    PaperFilter,
    SearchIndex,
    SortKey,
    depends_on_states,
    filter_positions,
    narrows,
    sort_key,
)
from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState, Status, Venue
from papershelf.tui.display import clean
from papershelf.tui.nav_model import (
    ALL,
    NEW,
    STARRED,
    TOP_VIEWS,
    WITHDRAWN,
    Counts,
    NavKey,
    Outline,
    topic_prefixes,
)

__all__ = [
    "ALL",
    "NEW",
    "STARRED",
    "TOP_VIEWS",
    "WITHDRAWN",
    "Counts",
    "NavKey",
    "Outline",
    "Shelf",
    "View",
    "topic_prefixes",
]

EARLIER_QUERIES = 16
"""Search results kept for going back (backspace) or narrowing; each is an array of positions."""

Positions: TypeAlias = "array[int] | list[int]"
"""Positions in ``Shelf.papers``, in catalog order (kept as 4-byte ints: ``array("i")``)."""


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

    def why_empty(self, catalog_empty: bool, key: Callable[[str], str]) -> str:
        """What an empty list says: why nothing shows here, and the key that changes it.

        ``key`` names a binding's key by its id as the user mapped it (``key_hints``).
        """
        if catalog_empty:
            return f"No papers yet: {key('command-palette')} then “import a list…”."
        if self.query:
            return f"No paper matches “{self.query}” here: {key('clear')} clears the search."
        if self.statuses or self.scope.kind == "status":
            wanted = ", ".join(sorted(s.value for s in self.filter.statuses))
            return f"No papers with status {wanted} here: {key('filter-all')} shows every status."
        if self.scope.kind == "starred":
            return f"No starred papers yet: {key('toggle-star')} stars the paper under the cursor."
        if self.scope.kind == "withdrawn":
            return "No withdrawn papers."
        if self.scope.kind == "new":
            return "Nothing new: every paper the last import added has a status."
        return "No papers here."

    def label(self) -> str:
        """The view in what triage says: the node, then the status keys and the search.

        Not the node alone: "nothing unread in All papers" with a search that matched none.
        """
        text = self.scope.label
        if self.statuses:
            text += f" ({', '.join(sorted(s.value for s in self.statuses))})"
        return f"{text} matching “{clean(self.query)}”" if self.query else text

    def describe(self) -> str:
        text = self.filter.describe()
        if self.scope.kind == "new":
            text = f"new from the last import · {text}"
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


class Shelf:
    """Papers, states and the current filter; answers "which papers, in which order"."""

    def __init__(
        self,
        papers: Sequence[Paper],
        states: Mapping[str, PaperState],
        venues: Sequence[Venue] = (),
        index: SearchIndex | None = None,
        new_ids: frozenset[str] = frozenset(),
    ) -> None:
        self.papers = list(papers)
        self.states: dict[str, PaperState] = dict(states)
        self.by_id = {p.id: p for p in self.papers}
        self._venues = venues
        self.new_ids = new_ids
        """What the last import added (the ``NEW`` node shows those still unread)."""
        self._outline: Outline | None = None
        self._counts: Counts | None = None
        self._index = index
        self._scope: tuple[tuple[PaperFilter, bool], Positions] | None = None
        """The view's papers before its search, as positions: what a keystroke searches.
        Kept while only the query changes; a state change drops it when the view's filter
        looks at states (``depends_on_states``)."""
        self._hits: tuple[str, Positions] | None = None
        self._earlier: dict[str, Positions] = {}
        """Hits of recent queries within ``_scope``, oldest first (at most
        ``EARLIER_QUERIES``)."""
        self._ranks: dict[SortKey, dict[str, int]] = {}

    # -- data --------------------------------------------------------------------------
    @property
    def outline(self) -> Outline:
        """The tree's shape, worked out when first asked (the list is drawn before the tree)."""
        if self._outline is None:
            self._outline = Outline.build(self.papers, self._venues)
        return self._outline

    @property
    def counts(self) -> Counts:
        """Read and total per tree node, counted when first asked, then kept by deltas."""
        if self._counts is None:
            self._counts = Counts.build(self.papers, self.states, self.new_ids, self.by_id)
        return self._counts

    @property
    def counted(self) -> bool:
        return self._counts is not None

    def count_apart(self) -> Callable[[], tuple[Outline, Counts]]:
        """The tree's outline and counts, worked out on another thread from a copy of the states.

        ``adopt_counts`` takes them back on this one. Every state change counts here first
        (``update``, ``replace_states``), so counts made apart never miss one.
        """
        papers, states, new_ids, by_id = self.papers, dict(self.states), self.new_ids, self.by_id
        venues = self._venues
        return lambda: (Outline.build(papers, venues), Counts.build(papers, states, new_ids, by_id))

    def adopt_counts(self, outline: Outline, counts: Counts) -> None:
        """What ``count_apart`` worked out, unless this shelf has counted since (a state key)."""
        if self._outline is None:
            self._outline = outline
        if self._counts is None:
            self._counts = counts

    def all_figures(self) -> tuple[int, int]:
        """(read, total) of all papers, without counting every tree node when not done yet."""
        if self._counts is not None:
            return self._counts.of(ALL)
        total = sum(not p.withdrawn for p in self.papers)
        by_id = self.by_id
        read = 0
        for paper_id, state in self.states.items():
            paper = by_id.get(paper_id)
            if state.status is Status.READ and paper is not None and not paper.withdrawn:
                read += 1
        return read, total

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

    def found_abstract(self, paper_id: str, abstract: str) -> None:
        """An abstract the sources found: searchable from the next keystroke."""
        if self._index is not None:
            self._index.update_abstract(paper_id, abstract)
            self._forget_hits()

    def state(self, paper_id: str) -> PaperState:
        return self.states.get(paper_id, DEFAULT_STATE)

    def update(
        self, paper_ids: Iterable[str], change: Callable[[PaperState], PaperState]
    ) -> set[NavKey]:
        """Apply ``change`` to each paper's state; returns the tree nodes whose counts moved."""
        counts = self.counts  # counted before any state moves: the deltas go on top
        touched: set[NavKey] = set()
        for paper_id in paper_ids:
            old = self.state(paper_id)
            new = change(old)
            if new is old:
                continue
            self.states[paper_id] = new
            self._states_changed()
            paper = self.by_id.get(paper_id)
            if paper is None:
                continue
            touched |= counts.change(paper, old, new)
            if (new.note, new.tags) != (old.note, old.tags) and self._index is not None:
                self._index.update_state(paper_id, new)
                self._forget_hits()
        return touched

    def replace_states(self, states: Mapping[str, PaperState]) -> set[NavKey]:
        """Adopt states read from disk (another process changed them, or an undo).

        Only the papers whose state differs are recounted and reindexed (an undo touches a
        few; a recount of 50,000 papers would freeze the screen); returns the tree nodes
        whose counts moved.
        """
        counts = self.counts  # counted on the old states: the deltas go on top
        old, new = self.states, dict(states)
        self.states = new
        touched: set[NavKey] = set()
        for paper_id in old.keys() | new.keys():
            before, after = old.get(paper_id, DEFAULT_STATE), new.get(paper_id, DEFAULT_STATE)
            if before is after or before == after:
                continue
            self._states_changed()
            paper = self.by_id.get(paper_id)
            if paper is not None:
                touched |= counts.change(paper, before, after)
            if (before.note, before.tags) != (after.note, after.tags) and self._index is not None:
                self._index.update_state(paper_id, after)
                self._forget_hits()  # search results depend on the text: notes and tags too
        return touched

    # -- the view ----------------------------------------------------------------------
    def _states_changed(self) -> None:
        if self._scope is not None and (self._scope[0][1] or depends_on_states(self._scope[0][0])):
            self._scope = None
            self._forget_hits()

    def _scope_positions(self, view: View) -> Positions:
        """Positions of the papers ``view`` shows before its search, worked out once.

        Typing only changes the query: each keystroke then searches these, and neither
        filters nor lists every paper again.
        """
        flt = replace(view.filter, query="")
        key = (flt, view.scope.kind == "new")
        if self._scope is not None and self._scope[0] == key:
            return self._scope[1]
        positions = filter_positions(self.papers, self.states, flt)
        if key[1]:  # the filter can't know which ids are new: the shelf does
            new, papers = self.new_ids, self.papers
            positions = [i for i in positions if papers[i].id in new]
        found = array("i", positions)
        self._forget_hits()
        self._scope = (key, found)
        return found

    def prepare_search(self, view: View) -> None:
        """Ready what the first letter of a search scans (the search box just opened)."""
        if self._index is not None:
            self._index.texts_among(self._scope_positions(view))

    def _search_hits(self, query: str, scope: Positions) -> Positions:
        """Positions of ``scope`` matching the query; narrows an earlier result it extends.

        The results of the last few queries are kept: a backspace goes back to one of them
        without a scan, and typing on narrows from the smallest one it ``narrows``.
        """
        if not query.strip():
            return scope
        if self._hits is not None and self._hits[0] == query:
            return self._hits[1]
        hits = self._earlier.get(query)
        if hits is None:
            within: Positions = scope
            for previous, previous_hits in self._earlier.items():
                # Any earlier query whose hits hold this one's (tra -> tran): the fewest win.
                if len(previous_hits) < len(within) and narrows(previous, query):
                    within = previous_hits
            hits = array("i", self.index.search(query, within, among=scope))
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
        hits = self._search_hits(view.query, self._scope_positions(view))
        return self._sorted(list(map(self.papers.__getitem__, hits)), view.sort)

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
