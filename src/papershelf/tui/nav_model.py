"""The tree's nodes and the read/total counts per node, kept current by deltas.

Pure and synchronous: a status key recounts a handful of nodes, never 50,000 papers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from papershelf.domain.filtering import PaperFilter
from papershelf.domain.models import Paper, PaperState, Status, Venue
from papershelf.domain.venues import split_venue

STATUS_VIEWS: tuple[tuple[str, str], ...] = (
    ("to-read", "To read"),
    ("reading", "Reading"),
    ("read", "Read"),
    ("unread", "Unread"),
)


KINDS = ("all", "new", "starred", "status", "withdrawn", "tag", "series", "venue", "topic")
UNKNOWN_VENUE = "Unknown venue"
"""What the tree calls the papers whose list names no venue (their venue is "")."""


class NavKey(NamedTuple):
    """One node of the navigation tree: a view at the top, or a venue, or a topic of a venue.

    A named tuple, so hashing and comparing one (the counters do it for every node of every
    paper) runs in C.
    """

    kind: str
    """``all``, ``new``, ``starred``, ``status``, ``withdrawn``, ``tag``, ``series``,
    ``venue`` or ``topic``."""
    value: str = ""
    """The status for ``status``; the series (``OSDI``) for ``series``; the venue label for
    ``venue`` and ``topic``."""
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
            return f"{self.value or UNKNOWN_VENUE} / {self.topic.rsplit(' > ', 1)[-1]}"
        if self.kind in ("venue", "series"):
            return self.value or UNKNOWN_VENUE
        if self.kind == "tag":
            return f"#{self.value}"
        if self.kind == "status":
            return dict(STATUS_VIEWS)[self.value]
        names = {"all": "All papers", "new": "New", "starred": "Starred", "withdrawn": "Withdrawn"}
        return names[self.kind]

    def narrow(self, flt: PaperFilter) -> PaperFilter:
        """``flt`` restricted to this node (keeps the search query and the status keys)."""
        base = replace(flt, starred=False, venue=None, topic=None, withdrawn=False, tags=())
        if self.kind == "new":  # which papers are new is the shelf's to say (``Shelf.view``)
            return replace(base, statuses=frozenset({Status.UNREAD}))
        if self.kind == "starred":
            return replace(base, starred=True)
        if self.kind == "withdrawn":
            return replace(base, withdrawn=True)
        if self.kind == "status":
            return replace(base, statuses=frozenset({Status(self.value)}))
        if self.kind == "venue":
            return replace(base, venue=self.value)
        if self.kind == "series":
            return replace(base, series=self.value)
        if self.kind == "topic":
            return replace(base, venue=self.value, topic=self.topic)
        if self.kind == "tag":
            return replace(base, tags=(self.value,))
        return base


ALL = NavKey("all")
NEW = NavKey("new")
"""What the last import added, until the user triages it (gives it a status)."""
STARRED = NavKey("starred")
WITHDRAWN = NavKey("withdrawn")
TOP_VIEWS: tuple[NavKey, ...] = (
    ALL,
    NEW,
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


def series_of(venue: str) -> str:
    """The series a (grouped) venue label belongs to: ``OSDI 2024`` -> ``OSDI``."""
    name, year = split_venue(venue)
    return name if year is not None else venue


@lru_cache(maxsize=8192)
def _prefixes(topic: str) -> tuple[str, ...]:
    """``topic_prefixes``, remembered: hundreds of topics, shared by thousands of groups."""
    return tuple(topic_prefixes(topic))


def _keys_of(venue: str, topics: tuple[str, ...], also: tuple[str, ...] = ()) -> tuple[NavKey, ...]:
    """The non-view nodes a paper counts in (series, venue, and each topic node once).

    Every venue counts in its series, even one with a single year that the tree shows
    without a series node: a few more counter entries, and no catalog-wide knowledge here.
    A paper also counts in the other venues lists give it (``also``), as selecting one of
    them shows it (``PaperFilter.venue``); its topics stay under its own venue.
    """
    keys = list(dict.fromkeys(NavKey("venue", v) for v in (venue, *also)))
    keys.extend(dict.fromkeys(NavKey("series", series_of(v)) for v in (venue, *also) if v))
    seen: set[str] = set()
    for topic in topics:
        for prefix in _prefixes(topic):
            if prefix not in seen:
                seen.add(prefix)
                keys.append(NavKey("topic", venue, prefix))
    return tuple(keys)


def _untriaged(state: PaperState | None) -> int:
    """1 while a paper waits for its first status (what keeps it in ``NEW``), else 0."""
    return int(state is None or state.status is Status.UNREAD)


_place = attrgetter("withdrawn", "venue", "topics")
"""What decides where a paper sits in the tree's outline."""
_counted = attrgetter("withdrawn", "venue", "topics", "also_venues")
"""Everything about a paper that decides which tree nodes it counts in."""


@dataclass(frozen=True, slots=True)
class Outline:
    """The tree's shape: venues in catalog order, each with its topic paths in first-seen order.

    ``years`` holds the series that have several venues (OSDI 2024, OSDI 2023): the tree
    shows a series node there, with one child per year, newest first (no year last).
    """

    venues: tuple[tuple[str, tuple[str, ...]], ...]
    years: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Series -> its venue labels, newest first; only series with more than one venue."""

    def series_of(self, venue: str) -> str | None:
        """The series node ``venue`` sits under, or None when it stands alone."""
        series = series_of(venue) if venue else ""
        return series if series in self.years else None

    def knows(self, key: NavKey) -> bool:
        """Whether the tree has a node for this venue, topic's venue or series."""
        if key.kind == "series":
            return key.value in self.years
        return any(venue == key.value for venue, _ in self.venues)

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
                for prefix in _prefixes(topic):
                    topics.setdefault(prefix, None)
        members: dict[str, list[str]] = {}
        for venue in order:
            if venue:
                members.setdefault(series_of(venue), []).append(venue)
        years = {
            series: tuple(sorted(labels, key=lambda v: -(split_venue(v)[1] or 0)))
            for series, labels in members.items()
            if len(labels) > 1
        }
        return cls(tuple((venue, tuple(topics)) for venue, topics in order.items()), years)


class Counts:
    """Read and total per tree node; kept current by deltas when states change."""

    def __init__(self, new_ids: frozenset[str] = frozenset()) -> None:
        self.read: Counter[NavKey] = Counter()
        self.total: Counter[NavKey] = Counter()
        self._keys: dict[tuple[str, tuple[str, ...], tuple[str, ...]], tuple[NavKey, ...]] = {}
        self._one: dict[NavKey, NavKey] = {}
        """Each node's one key object: the places of 50,000 papers name a few hundred nodes
        some 65,000 times (5 MB of equal keys, each scanned by every full collection)."""
        self.new_ids = new_ids
        """The papers the last import added: ``NEW`` counts those still unread."""

    @classmethod
    def build(
        cls,
        papers: Iterable[Paper],
        states: Mapping[str, PaperState],
        new_ids: frozenset[str] = frozenset(),
        by_id: Mapping[str, Paper] | None = None,
    ) -> Counts:
        """Count papers by place and state first, then add each group to its nodes at once.

        Papers fall into groups of one place and state (at 50,000 papers, about 15,000);
        each group's nodes go into one list that the counters take in a single C call. With
        ``by_id``, only the papers that have a state are looked at a second time.
        """
        counts = cls(new_ids)
        papers = papers if isinstance(papers, list) else list(papers)
        if new_ids:
            counts.total[NEW] = sum(
                _untriaged(states.get(p.id)) for p in papers if p.id in new_ids and not p.withdrawn
            )
        untouched: Counter[tuple[bool, str, tuple[str, ...], tuple[str, ...]]] = Counter(
            map(_counted, papers)
        )
        touched: Counter[
            tuple[tuple[bool, str, tuple[str, ...], tuple[str, ...]], Status, bool, tuple[str, ...]]
        ] = Counter()
        having: Iterable[tuple[Paper | None, PaperState | None]]
        if by_id is not None:
            having = ((by_id.get(paper_id), state) for paper_id, state in states.items())
        else:
            having = ((paper, states.get(paper.id)) for paper in papers) if states else ()
        for paper, state in having:
            if paper is None or state is None:
                continue
            if state.status is Status.UNREAD and not state.starred and not state.tags:
                continue
            place = _counted(paper)
            untouched[place] -= 1
            touched[place, state.status, state.starred, state.tags] += 1
        every: list[NavKey] = []
        read: list[NavKey] = []
        for place, n in untouched.items():
            if n > 0:
                every.extend(counts._nodes(*place, Status.UNREAD, False, ()) * n)
        for (place, status, starred, tags), n in touched.items():
            keys = counts._nodes(*place, status, starred, tags) * n
            every.extend(keys)
            if status is Status.READ:
                read.extend(keys)
        counts.total.update(every)
        counts.read.update(read)
        return counts

    def _nodes(
        self,
        withdrawn: bool,
        venue: str,
        topics: tuple[str, ...],
        also: tuple[str, ...],
        status: Status,
        starred: bool,
        tags: tuple[str, ...],
    ) -> list[NavKey]:
        """The nodes a paper of this place and state counts in."""
        if withdrawn:
            return [WITHDRAWN]
        nodes = self._keys.get((venue, topics, also))
        if nodes is None:
            made = _keys_of(venue, topics, also)
            nodes = self._keys[venue, topics, also] = tuple(map(self._one.setdefault, made, made))
        keys = [ALL, _STATUS_KEYS[status], *nodes]
        if starred:
            keys.append(STARRED)
        keys.extend(NavKey("tag", tag) for tag in tags)
        return keys

    def _add(
        self,
        withdrawn: bool,
        venue: str,
        topics: tuple[str, ...],
        also: tuple[str, ...],
        status: Status,
        starred: bool,
        tags: tuple[str, ...],
        n: int,
    ) -> list[NavKey]:
        """Add ``n`` papers of this place and state to their nodes (``n`` < 0 takes away)."""
        keys = self._nodes(withdrawn, venue, topics, also, status, starred, tags)
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
        if old.status is new.status and old.starred == new.starred and old.tags == new.tags:
            return set()
        place = _counted(paper)
        touched = set(self._add(*place, old.status, old.starred, old.tags, -1)) | set(
            self._add(*place, new.status, new.starred, new.tags, 1)
        )
        if paper.id in self.new_ids and not paper.withdrawn:
            moved = _untriaged(new) - _untriaged(old)
            if moved:
                self.total[NEW] += moved
                touched.add(NEW)
        return touched

    def tags(self) -> list[str]:
        """The tags some paper carries now, ignoring case in the order."""
        return sorted(
            (key.value for key, n in self.total.items() if key.kind == "tag" and n > 0),
            key=str.casefold,
        )

    def of(self, key: NavKey) -> tuple[int, int]:
        return self.read[key], self.total[key]
