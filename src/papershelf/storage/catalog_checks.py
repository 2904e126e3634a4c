"""Checks of the catalog's side files: a cache entry's shape, and the hand-added papers file.

``catalog.json`` is a cache: an entry that does not check out is rebuilt from its list.
``lists/added-by-hand.json`` is the user's own data: a damaged one is one line naming it, and
links it holds go through the same rule as imported ones.
"""

from __future__ import annotations

import re
from functools import partial
from itertools import product, repeat
from operator import is_not, itemgetter
from typing import Any

import orjson

from papershelf.domain.links import web_url
from papershelf.domain.models import Link, Paper
from papershelf.errors import ListError
from papershelf.storage.catalog_rows import unpack

_VENUE_KEYS = frozenset({"name", "year", "homepage", "paper_list", "acceptance_rate"})
_WEB = ("http://", "https://")
_NONE = type(None)
_ROW_TYPES = frozenset(
    (str, str, str, year, *packed, bool, str, int)
    for year in (int, _NONE)
    for packed in product((str, _NONE), repeat=6)
)
"""The field types of every row ``paper_row`` makes whose text lists are each one string."""
_LINKS = re.compile("[^\x1f]*\x1fhttps?://[^\x1f]*(?:\x1f[^\x1f]*\x1fhttps?://[^\x1f]*)*")
"""Packed links (``kind SEP url SEP kind SEP url...``): pairs, every url a web address."""
_links_of = itemgetter(6)
_given = partial(is_not, None)


def _strs(value: object) -> bool:
    return type(value) is list and all(type(v) is str for v in value)


def _packed_ok(value: object) -> bool:
    """A packed text list (``catalog_rows.pack``): None, one string, or a list of strings."""
    if value is None or type(value) is str:
        return True
    if type(value) is not list:
        return False
    try:
        "".join(value)  # raises TypeError unless every item is text (at C speed)
    except TypeError:
        return False
    return True


def _row_ok(row: object) -> bool:
    """One cache row (``catalog_rows.paper_row``): 13 fields of the right types, web links.

    Runs for every paper at every start, so it is written for speed.
    """
    if type(row) is not list or len(row) != 13:
        return False
    pid, title, venue, year, authors, topics, links, places, awards, remarks, gone, src, line = row
    if not (
        type(pid) is str
        and type(title) is str
        and type(venue) is str
        and (year is None or type(year) is int)
        and type(gone) is bool
        and type(src) is str
        and type(line) is int
        and _packed_ok(authors)
        and _packed_ok(topics)
        and _packed_ok(links)
        and _packed_ok(places)
        and _packed_ok(awards)
        and _packed_ok(remarks)
    ):
        return False
    if links is None:
        return True
    parts = unpack(links)
    return len(parts) % 2 == 0 and all(url.startswith(_WEB) for url in parts[1::2])


def _rows_ok(rows: list[Any]) -> bool:
    """``all(map(_row_ok, rows))``, at C speed for the usual rows (the others by ``_row_ok``).

    Every row's field types are looked up at once among those of ``_ROW_TYPES``, and every
    packed links string is matched by ``_LINKS``: no Python call per row. A row of another
    shape (a text list kept as a list, or damaged) sends the whole entry to ``_row_ok``.
    """
    if set(map(type, rows)) <= {list} and _ROW_TYPES.issuperset(
        map(tuple, map(map, repeat(type), rows))
    ):
        return all(map(_LINKS.fullmatch, filter(_given, map(_links_of, rows))))
    return all(map(_row_ok, rows))


def _venue_ok(venue: object) -> bool:
    return (
        type(venue) is dict
        and set(venue) == _VENUE_KEYS
        and type(venue["name"]) is str
        and (venue["year"] is None or type(venue["year"]) is int)
        and all(venue[k] is None or type(venue[k]) is str for k in _VENUE_KEYS - {"name", "year"})
    )


def cache_entry_ok(entry: object) -> bool:
    """Whether a ``catalog.json`` entry can be loaded as it is."""
    if type(entry) is not dict:
        return False
    papers, venues = entry.get("papers"), entry.get("venues")
    return (
        type(papers) is list
        and type(venues) is list
        and _rows_ok(papers)
        and all(_venue_ok(v) for v in venues)
    )


def _paper(data: object) -> Paper | None:
    if type(data) is not dict:
        return None
    fields_ok = (
        all(type(data.get(key)) is str and data[key] for key in ("id", "title", "venue"))
        and (data.get("year") is None or type(data.get("year")) is int)
        and all(_strs(data.get(key, [])) for key in ("authors", "topics", "affiliations"))
        and all(_strs(data.get(key, [])) for key in ("awards", "remarks"))
        and type(data.get("withdrawn", False)) is bool
        and type(data.get("source", "")) is str
        and type(data.get("line", 0)) is int
        and type(data.get("links", [])) is list
    )
    if not fields_ok:
        return None
    links: list[Link] = []
    for link in data.get("links", []):
        if type(link) is not dict or type(link.get("kind")) is not str:
            return None
        url = web_url(str(link.get("url", ""))) if type(link.get("url")) is str else None
        if url is not None:  # javascript:, file:, data: and the like are left out
            links.append(Link(link["kind"], url))
    return Paper.from_json({**data, "links": [{"kind": k.kind, "url": k.url} for k in links]})


def manual_papers(text: str, where: str) -> list[Paper]:
    """The papers of the hand-added list; ``ListError`` naming ``where`` when it is damaged."""
    try:
        data: Any = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise ListError(f"{where}: the hand-added papers file is not valid JSON ({exc})") from None
    if type(data) is not list:
        raise ListError(f"{where}: the hand-added papers file is not a JSON list")
    papers = []
    for n, item in enumerate(data, 1):
        paper = _paper(item)
        if paper is None:
            raise ListError(
                f"{where}: entry {n} of the hand-added papers is damaged (fix or remove it)"
            )
        papers.append(paper)
    return papers
