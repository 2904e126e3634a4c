"""The parsed catalog cache's rows, and the catalog merged from them.

``catalog.json`` keeps each list's papers as rows (fields in ``Paper`` order, links
flattened): smaller and faster to load than objects. ``build_catalog`` turns the rows of
every list back into papers and merges them by id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter, is_, is_not
from typing import Any

from papershelf.domain.combine import combine
from papershelf.domain.grouping import Spellings, group_catalog
from papershelf.domain.models import Link, Paper, Venue
from papershelf.domain.venues import split_venue


@dataclass(slots=True)
class Catalog:
    """Every paper of every list, each list's records of one paper combined, first-seen order."""

    papers: list[Paper]
    by_id: dict[str, Paper]
    venues: dict[str, Venue]
    members: dict[str, list[str]]
    """list name -> ids it contributes."""
    problems: dict[str, str] = field(default_factory=dict)
    """list name -> why its stored copy could not be read; its papers are left out."""
    shared: dict[str, list[tuple[str, Paper]]] = field(default_factory=dict)
    """id -> (list name, that list's own record) for each paper several lists hold."""
    own_ids: dict[tuple[str, str], str] = field(default_factory=dict)
    """(list name, id) -> the id the list's entry has on its own, where import matching
    gave it an existing paper's id (``ListRecord.id_map`` inverted)."""
    aliases: dict[str, str] = field(default_factory=dict)
    """id -> the id of the paper it became one with (the reader's ``same`` decisions)."""
    spellings: Spellings | None = None
    """How venues and topics were grouped (``domain.grouping``); an import matches with it."""

    def lists_of(self, pid: str) -> tuple[str, ...]:
        """The names of the lists that hold paper ``pid`` (oldest first)."""
        paper = self.by_id.get(self.aliases.get(pid, pid))
        return paper.lists if paper is not None else ()

    def records_of(self, pid: str) -> list[tuple[str, Paper]]:
        """(list name, record) of every list that holds ``pid``."""
        pid = self.aliases.get(pid, pid)
        if pid in self.shared:
            return self.shared[pid]
        paper = self.by_id.get(pid)
        lists = self.lists_of(pid)
        return [(lists[0], paper)] if paper is not None and lists else []


SEP = "\x1f"
"""Joins a row's text lists into one string (a control character: fields never hold one)."""


def pack(items: Sequence[str]) -> str | list[str] | None:
    """A list of text in a row: ``None`` when empty, else one string joined by ``SEP``.

    One string instead of a list of strings makes the cache about a third smaller in memory
    when read, and faster to read. A list holding ``SEP`` itself (never made by the parser)
    is kept as a list, so the row is always exact.
    """
    if not items:
        return None
    joined = SEP.join(items)
    if joined.count(SEP) != len(items) - 1:  # an item holds SEP itself
        return list(items)
    return joined


def unpack(value: str | list[str] | None) -> tuple[str, ...]:
    """The text list ``pack`` stored."""
    if value is None:
        return ()
    if type(value) is str:
        return tuple(value.split(SEP))
    return tuple(value)


def paper_row(paper: Paper, pid: str) -> list[Any]:
    """A paper in the cache: its fields in ``Paper`` order, text lists packed (``pack``).

    Links are flattened (kind, url, kind, url...) before they are packed.
    """
    return [
        pid,
        paper.title,
        paper.venue,
        paper.year,
        pack(paper.authors),
        pack(paper.topics),
        pack([part for link in paper.links for part in (link.kind, link.url)]),
        pack(paper.affiliations),
        pack(paper.awards),
        pack(paper.remarks),
        paper.withdrawn,
        paper.source,
        paper.line,
    ]


def as_row_paper(paper: Paper, pid: str, list_names: tuple[str, ...]) -> Paper:
    """The paper ``papers_of`` makes from ``paper_row(paper, pid)``, made without the row.

    An import's reload takes the papers it just parsed this way instead of unpacking the rows
    it made of them (equal values; only the sharing of repeated strings differs).
    """
    return Paper(
        pid,
        paper.title,
        paper.venue,
        paper.year,
        tuple(paper.authors),
        tuple(paper.topics),
        tuple(paper.links),
        tuple(paper.affiliations),
        tuple(paper.awards),
        tuple(paper.remarks),
        paper.withdrawn,
        paper.source,
        paper.line,
        (),
        list_names,
    )


def drained(rows: list[list[Any]]) -> Iterator[list[Any]]:
    """The rows in order, each let go of as it is taken (the list ends empty).

    A load then never holds every row and every paper at once: each row's memory is
    free for the papers that follow (about 15 MB less at the peak of a 50,000-paper load).
    """
    rows.reverse()
    take = rows.pop
    while rows:
        yield take()


def papers_of(
    rows: Iterable[list[Any]],
    list_names: tuple[str, ...] = (),
    memo: dict[Any, Any] | None = None,
) -> Iterator[Paper]:
    """Papers from cache rows; repeated values (venue, source, topics...) share one object.

    Sharing matters at 50,000 papers: tens of MB of identical strings and tuples otherwise.
    Author and affiliation names repeat across papers too (one person, many papers): each
    name is kept once. ``memo`` shares them across the lists of one catalog.
    """
    memo = {} if memo is None else memo
    share: Callable[[Any, Any], Any] = memo.setdefault
    lists: dict[Any, tuple[str, ...]] = {None: ()}

    def shared_names(value: str | list[str]) -> tuple[str, ...]:
        names = value.split(SEP) if type(value) is str else value
        return tuple(map(share, names, names))

    # Written for speed (about a microsecond a paper matters at 50,000): no call per field
    # but the C ones; a packed string is split in place (``unpack``).
    for (
        pid,
        title,
        venue,
        year,
        authors,
        topics,
        links,
        affiliations,
        awards,
        remarks,
        withdrawn,
        source,
        line,
    ) in rows:
        # A repeated topic or affiliation list is split once, kept once: the packed string
        # is the key (a list, kept as a list by ``pack``, is not hashable).
        try:
            shared_topics = lists[topics]
        except KeyError:
            shared_topics = lists[topics] = shared_names(topics)
        except TypeError:
            shared_topics = tuple(topics)
        try:
            places = lists[affiliations]
        except KeyError:
            places = lists[affiliations] = shared_names(affiliations)
        except TypeError:
            places = tuple(affiliations)
        if links is None:
            paper_links: tuple[Link, ...] = ()
        else:
            parts = links.split(SEP) if type(links) is str else links
            kinds = parts[::2]
            paper_links = tuple(map(Link, map(share, kinds, kinds), parts[1::2]))
        # Positional arguments, in Paper's field order: about twice as fast as keywords.
        yield Paper(
            pid,
            title,
            share(venue, venue),
            share(year, year),  # an int above 256 is an object per row otherwise
            () if authors is None else shared_names(authors),
            shared_topics,
            paper_links,
            places,
            () if awards is None else unpack(awards),
            () if remarks is None else unpack(remarks),
            withdrawn,
            share(source, source),
            share(line, line),
            (),
            list_names,
        )


class KnownPapers(dict[str, tuple[list[list[Any]], list[Paper]]]):
    """list name -> (its cache rows, the papers made from them): the same rows, the same papers.

    ``combined`` keeps each paper several lists hold as combined from their records: an
    import's reload combines the very records again (600 papers, some 20 ms at 50,000).
    """

    combined: dict[str, tuple[list[Paper], list[str], Paper]]

    def __init__(self) -> None:
        super().__init__()
        self.combined = {}

    def combine(self, pid: str, records: list[Paper], names: list[str]) -> Paper:
        """``combine(pid, records, names)``, kept while the records are the same objects."""
        kept = self.combined.get(pid)
        if (
            kept is not None
            and kept[1] == names
            and len(kept[0]) == len(records)
            and all(map(is_, kept[0], records))
        ):
            return kept[2]
        paper = combine(pid, records, names)
        self.combined[pid] = (records, names, paper)
        return paper


def venue_json(v: Venue) -> dict[str, Any]:
    return {
        "name": v.name,
        "year": v.year,
        "homepage": v.homepage,
        "paper_list": v.paper_list,
        "acceptance_rate": v.acceptance_rate,
    }


def _merge_venue(old: Venue | None, new: Venue) -> Venue:
    if old is None:
        return new
    return Venue(
        name=old.name,
        year=old.year,
        homepage=new.homepage or old.homepage,
        paper_list=new.paper_list or old.paper_list,
        acceptance_rate=new.acceptance_rate or old.acceptance_rate,
    )


_id_of = attrgetter("id")
_venue_of = attrgetter("venue")


def _add_papers(
    name: str,
    papers: list[Paper],
    by_id: dict[str, Paper],
    first_list: dict[str, str],
    shared: dict[str, list[tuple[str, Paper]]],
) -> None:
    """A list's papers into ``by_id``; one already there is recorded in ``shared``."""
    for paper in papers:
        pid = paper.id
        old = by_id.get(pid)
        if old is None:
            by_id[pid] = paper
            first_list[pid] = name
        else:
            records = shared.get(pid)
            if records is None:
                records = shared[pid] = [(first_list[pid], old)]
            records.append((name, paper))


def build_catalog(
    names: Sequence[str],
    entries: Mapping[str, Any],
    id_maps: Mapping[str, Mapping[str, str]] | None = None,
    venue_aliases: Mapping[str, str] | None = None,
    known: KnownPapers | None = None,
    *,
    drain: bool = False,
) -> Catalog:
    """The lists' cache entries, in ``names`` order, combined into one catalog.

    A paper several lists hold is combined from every list's record (``domain.combine``):
    no list overwrites what another says. ``id_maps`` are the lists' recorded renames.
    Venues and topics are then grouped as people mean them (``domain.grouping``): rows keep
    each list's own spelling, the catalog shows each group's most common one. ``known``:
    papers already made from a list's very rows (reused), and where to keep new ones.
    With ``drain`` (and no ``known``), each entry's rows are emptied as they become papers
    (``drained``).
    """
    by_id: dict[str, Paper] = {}
    shared: dict[str, list[tuple[str, Paper]]] = {}
    first_list: dict[str, str] = {}
    venues: dict[str, Venue] = {}
    members: dict[str, list[str]] = {}
    memo: dict[Any, Any] = {}
    for name in names:
        entry = entries.get(name)
        if entry is None:
            continue
        rows = entry["papers"]
        made = known.get(name) if known is not None else None
        if made is not None and made[0] is rows:
            papers_made: list[Paper] = made[1]
        else:
            papers_made = list(papers_of(drained(rows) if drain else rows, (name,), memo))
            if known is not None:
                known[name] = (rows, papers_made)
        ids = list(map(_id_of, papers_made))
        alone = dict(zip(ids, papers_made, strict=True))
        if len(alone) == len(ids) and by_id.keys().isdisjoint(alone):
            by_id |= alone  # the usual list: no paper another list (or itself) holds too
            first_list |= dict.fromkeys(ids, name)
        else:
            _add_papers(name, papers_made, by_id, first_list, shared)
        members[name] = ids
        for v in entry["venues"]:
            venue = Venue(**v)
            venues[venue.label] = _merge_venue(venues.get(venue.label), venue)
    combined = combine if known is None else known.combine
    for pid, records in shared.items():
        by_id[pid] = combined(pid, [r for _, r in records], [name for name, _ in records])
    papers = list(by_id.values())
    for label in dict.fromkeys(map(_venue_of, papers)):  # first seen first, at C speed
        if label not in venues:
            name, year = split_venue(label)
            venues[label] = Venue(name=name, year=year)
    own_ids = {
        (name, kept): own
        for name, renames in (id_maps or {}).items()
        for own, kept in renames.items()
        if own != kept
    }
    grouped = group_catalog(papers, venues, venue_aliases)
    by_id.update(
        (new.id, new) for new in compress(grouped.papers, map(is_not, papers, grouped.papers))
    )
    return Catalog(
        papers=grouped.papers,
        by_id=by_id,
        venues=grouped.venues,
        members=members,
        shared=shared,
        own_ids=own_ids,
        spellings=grouped.spellings,
    )
