"""The parsed catalog cache's rows, and the catalog merged from them.

``catalog.json`` keeps each list's papers as rows (fields in ``Paper`` order, links
flattened): smaller and faster to load than objects. ``build_catalog`` turns the rows of
every list back into papers and merges them by id.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from papershelf.domain.models import Link, Paper, Venue
from papershelf.domain.venues import split_venue


@dataclass(slots=True)
class Catalog:
    """Every paper of every list, merged by id, in first-seen order."""

    papers: list[Paper]
    by_id: dict[str, Paper]
    venues: dict[str, Venue]
    members: dict[str, list[str]]
    """list name -> ids it contributes."""
    problems: dict[str, str] = field(default_factory=dict)
    """list name -> why its stored copy could not be read; its papers are left out."""


def paper_row(paper: Paper, pid: str) -> list[Any]:
    """A paper in the cache: its fields in ``Paper`` order, links flattened (kind, url, ...)."""
    return [
        pid,
        paper.title,
        paper.venue,
        paper.year,
        list(paper.authors),
        list(paper.topics),
        [part for link in paper.links for part in (link.kind, link.url)],
        list(paper.affiliations),
        list(paper.awards),
        list(paper.remarks),
        paper.withdrawn,
        paper.source,
        paper.line,
    ]


def papers_of(rows: list[list[Any]]) -> Iterator[Paper]:
    """Papers from cache rows; repeated values (venue, source, topics...) share one object.

    Sharing matters at 50,000 papers: tens of MB of identical strings and tuples otherwise.
    """
    memo: dict[Any, Any] = {}
    share = memo.setdefault
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
        topic_tuple = tuple(topics)
        places = tuple(affiliations)
        # Positional arguments, in Paper's field order: about twice as fast as keywords.
        yield Paper(
            pid,
            title,
            share(venue, venue),
            year,
            tuple(authors),
            share(topic_tuple, topic_tuple),
            tuple([Link(share(k, k), u) for k, u in zip(links[::2], links[1::2], strict=True)]),
            share(places, places),
            tuple(awards),
            tuple(remarks),
            withdrawn,
            share(source, source),
            line,
        )


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


def build_catalog(names: Sequence[str], entries: Mapping[str, Any]) -> Catalog:
    """The lists' cache entries, in ``names`` order, merged into one catalog."""
    by_id: dict[str, Paper] = {}
    venues: dict[str, Venue] = {}
    members: dict[str, list[str]] = {}
    for name in names:
        entry = entries.get(name)
        if entry is None:
            continue
        ids: list[str] = []
        for paper in papers_of(entry["papers"]):
            # A later list (an updated version) wins the data; the first keeps the place.
            by_id[paper.id] = paper
            ids.append(paper.id)
        members[name] = ids
        for v in entry["venues"]:
            venue = Venue(**v)
            venues[venue.label] = _merge_venue(venues.get(venue.label), venue)
    papers = list(by_id.values())
    for paper in papers:
        if paper.venue not in venues:
            name, year = split_venue(paper.venue)
            venues[paper.venue] = Venue(name=name, year=year)
    return Catalog(papers=papers, by_id=by_id, venues=venues, members=members)
