"""``catalog.json``: every list's parsed entry, and the catalog's first papers readable alone.

The file is one JSON object, ``{"format", "head", "first", "lists"}`` (its bytes:
``cache_file``). ``lists`` is the cache
(list name -> entry). ``first`` holds the whole catalog's first papers, exactly as the
catalog built from every list shows them (spellings grouped, papers several lists hold
combined), and the key of everything they were built from: each list copy's stamp and
options, the venue aliases, the version. ``head`` gives the byte range of ``first``, at a
fixed place near the start: a start reads those few kilobytes and draws the first papers
before it reads (at 50,000 papers) 20 MB. The key is checked first, so a list changed,
added or forgotten since, or other aliases, mean the first papers are not used at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson

from papershelf import __version__
from papershelf.domain.models import Paper, Venue
from papershelf.storage.atomic import atomic_write_bytes, remove_stale_temps
from papershelf.storage.cache_file import (
    CACHE_FORMAT,
    HEAD,
    HEAD_BYTES,
    cache_chunks,
    read_cache_file,
)
from papershelf.storage.catalog_rows import Catalog, venue_json
from papershelf.storage.list_record import ListRecord

SMALL_BYTES = 256 * 1024
"""A cache this small (the bundled lists are 31 kB) is read whole before the first frame."""
HEAD_FROM_PAPERS = 2_000
"""A catalog this big keeps its first papers in the head (a smaller one loads at once)."""
HEAD_PAPERS = 200
"""The first papers kept: a screenful and some scrolling."""
STALE_TEMP_SECONDS = 600.0
"""A temp file of the cache this old is a killed write's, not another process's in progress."""


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def options_key(record: ListRecord) -> str:
    """Everything but the text that changes what a list parses to."""
    ids = orjson.dumps(record.id_map, option=orjson.OPT_SORT_KEYS).decode()
    return "|".join((record.venue or "", ids, __version__, str(CACHE_FORMAT)))


def entry_key(record: ListRecord, digest: str) -> str:
    """An entry's key: the list text's digest and the options it was parsed with."""
    return digest + "|" + options_key(record)


def unchanged(entry: object, record: ListRecord, stamp: str) -> bool:
    """The entry was made from this very file (by its stamp) with the same options."""
    if not isinstance(entry, dict) or entry.get("stamp") != stamp:
        return False
    return str(entry.get("key", "")).partition("|")[2] == options_key(record)


def read(path: Path, lines: dict[str, bytes] | None = None) -> tuple[dict[str, Any], bool, bool]:
    """(list name -> entry, damaged, in lines): {} for a missing file or another version's.

    A cache not in lines (an older papershelf's) is worth writing again. ``lines`` is given
    each entry's line as read (``read_cache_file``).
    """
    try:
        with path.open("rb") as file:
            data, lined = read_cache_file(file, lines)
    except OSError:
        return {}, False, True
    except orjson.JSONDecodeError:
        data, lined = None, True
    if isinstance(data, dict) and data.get("format") != CACHE_FORMAT:
        return {}, False, True  # another version's cache: replaced without a word
    lists = data.get("lists") if isinstance(data, dict) else None
    if not isinstance(lists, dict):
        return {}, True, True
    return lists, False, lined


def read_first(path: Path) -> dict[str, Any] | None:
    """The catalog's first papers and their key ({} when there are none); None: no head.

    A cache without a head (written before there were heads) is worth writing again.
    """
    try:
        with path.open("rb") as f:
            found = HEAD.match(f.read(HEAD_BYTES))
            if found is None or int(found[1]) != CACHE_FORMAT:
                return None
            start, end = int(found[2]), int(found[3])
            f.seek(start)
            first = orjson.loads(f.read(max(0, end - start)))
    except FileNotFoundError:
        return {}
    except (OSError, orjson.JSONDecodeError):
        return None
    return first if isinstance(first, dict) else None


def first_of(catalog: Catalog, key: str) -> dict[str, Any]:
    """What ``first`` holds for ``catalog``: its first papers, their venues and ``key``."""
    if len(catalog.papers) < HEAD_FROM_PAPERS:
        return {"key": key}  # no papers: read whole in a moment anyway
    papers = catalog.papers[:HEAD_PAPERS]
    venues = {p.venue: catalog.venues[p.venue] for p in papers if p.venue in catalog.venues}
    return {
        "key": key,
        "papers": [p.to_json() for p in papers],
        "venues": {label: venue_json(v) for label, v in venues.items()},
    }


def first_catalog(first: Mapping[str, Any], key: str) -> Catalog | None:
    """The catalog of the first papers ``first`` holds, when its key is ``key``; else None."""
    if not first or first.get("key") != key:
        return None
    try:
        papers = [Paper.from_json(item) for item in first["papers"]]
        venues = {label: Venue(**v) for label, v in first["venues"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # damaged by hand: the load reads the rest as usual
    return Catalog(papers=papers, by_id={p.id: p for p in papers}, venues=venues, members={})


def write(
    path: Path,
    lists: dict[str, Any],
    first: Mapping[str, Any],
    lines: Mapping[str, bytes] | None = None,
) -> None:
    """Write the cache: ``lists`` and the first papers (``first_of``), a list at a time.

    ``lines``: entries written from their line as read (``KeptRows.lines_for``).
    """
    # A start left before its cache was written (the app does not wait for it) leaves a temp.
    remove_stale_temps(path, older_than=STALE_TEMP_SECONDS)
    atomic_write_bytes(path, cache_chunks(lists, first, lines))


def copy_digest(path: Path) -> str | None:
    """``digest`` of a list copy's text, hashed from its bytes (a re-stamp: no decode).

    A copy with a new inode and the same text is then neither decoded nor encoded. None
    when reading it as text would change it (a carriage return becomes a newline). Bytes
    that are not UTF-8 are hashed as they are: no key, made from text, holds their digest,
    so the caller reads the text, which says what is wrong.
    """
    data = path.read_bytes()
    return None if b"\r" in data else hashlib.sha256(data).hexdigest()


def same_text(entry: Mapping[str, Any], record: ListRecord, path: Path) -> bool:
    """Whether the copy at ``path`` holds the text ``entry`` was parsed from (by its key)."""
    found = copy_digest(path)
    return found is not None and entry.get("key") == entry_key(record, found)
