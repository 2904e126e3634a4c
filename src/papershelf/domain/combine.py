"""The paper a reader sees, made from what every list says of it.

Each list keeps its own record of a paper; none overwrites another. Combining them keeps
every list's links, topics, awards and remarks, the authors of the list that names the
most, and the title in its most complete spelling, so importing a second list can only add.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from papershelf.domain.identity import normalize_url, title_key
from papershelf.domain.models import Link, Paper

_T = TypeVar("_T")
_PREPRINT_VENUES = ("arxiv", "corr", "biorxiv", "openreview", "ssrn")


def _union(parts: Iterable[Sequence[_T]]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(item for part in parts for item in part))


def _links(records: Sequence[Paper]) -> tuple[Link, ...]:
    """Every list's links, the same page once (the first list's kind kept)."""
    seen: dict[str, Link] = {}
    for record in records:
        for link in record.links:
            seen.setdefault(normalize_url(link.url), link)
    return tuple(seen.values())


def is_preprint(venue: str) -> bool:
    """``arXiv 2024`` and the like: a venue a proceedings version outranks."""
    return venue.casefold().startswith(_PREPRINT_VENUES)


def _title(records: Sequence[Paper]) -> str:
    """The most complete spelling, whatever the lists' order.

    One with a short name ("Frugal: ..."), then the one most lists use (a placeholder name
    loses), then the longest, then the first in sort order.
    """
    uses = Counter(r.title for r in records)
    return min(uses, key=lambda t: (":" not in t[:42], -uses[t], -len(title_key(t)), t))


def _main(records: Sequence[Paper]) -> Paper:
    """The record whose venue names the paper: a proceedings version over a preprint."""
    for record in records:
        if record.venue and not is_preprint(record.venue):
            return record
    return next((r for r in records if r.venue), records[0])


def combine(pid: str, records: Sequence[Paper], lists: Sequence[str] = ()) -> Paper:
    """One paper from the records of several lists (oldest list first), named in ``lists``."""
    if len(records) == 1:
        only = records[0]
        return only if only.id == pid else replace(only, id=pid)
    main = _main(records)
    venues = dict.fromkeys(r.venue for r in records if r.venue)
    venues.pop(main.venue, None)
    first = records[0]
    return Paper(
        id=pid,
        title=_title(records),
        venue=main.venue,
        year=main.year,
        authors=max((r.authors for r in records), key=lambda a: (len(a), a)),
        topics=_union(r.topics for r in records),
        links=_links(records),
        affiliations=_union(r.affiliations for r in records),
        awards=_union(r.awards for r in records),
        remarks=_union(r.remarks for r in records),
        withdrawn=any(r.withdrawn for r in records),
        source=first.source,
        line=first.line,
        also_venues=tuple(venues),
        lists=tuple(dict.fromkeys(lists)),
    )
