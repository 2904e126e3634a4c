"""What a start reads of the catalog cache before its first frame, without parsing anything.

The whole cache when it is small (the bundled lists); else the catalog's first papers from
the cache's head (``catalog_cache``), used only when the key of everything they were built
from still matches.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import orjson

from papershelf import __version__
from papershelf.errors import ListError
from papershelf.paths import seeds_dir
from papershelf.storage import catalog_cache
from papershelf.storage.cache_file import CACHE_FORMAT
from papershelf.storage.catalog_checks import cache_entry_ok
from papershelf.storage.catalog_rows import Catalog
from papershelf.storage.list_index import ListIndex
from papershelf.storage.list_record import ListRecord, copy_stamp


class CatalogStore(Protocol):
    """What a start reads through (``catalog_store.CatalogStore``, which calls in here)."""

    cache_path: Path
    venue_aliases: dict[str, str]
    index: ListIndex

    def records(self) -> list[ListRecord]: ...
    def copy_path(self, record: ListRecord) -> Path: ...
    def copy_stamp(self, record: ListRecord) -> str: ...
    def build(
        self, records: Sequence[ListRecord], fresh: Mapping[str, Any], problems: dict[str, str]
    ) -> Catalog: ...


def first_key(store: CatalogStore, records: Sequence[ListRecord]) -> str | None:
    """What the catalog is built from: every list copy (by stamp), its options, aliases."""
    try:
        stamps = [store.copy_stamp(r) for r in records]
    except OSError:
        return None
    parts = [
        f"{r.name}:{st}:{catalog_cache.options_key(r)}"
        for r, st in zip(records, stamps, strict=True)
    ]
    aliases = orjson.dumps(store.venue_aliases, option=orjson.OPT_SORT_KEYS).decode()
    return catalog_cache.digest("\n".join([*parts, aliases]))


def _unchanged_key(store: CatalogStore, index_stamp: str, copies: Sequence[str]) -> str | None:
    """The head's cheap key: the index file and every list copy by stamp, and the aliases.

    Both are replaced whole when they change (a new inode), so equal stamps mean the records
    the first papers were built from are those of now, without parsing the index (6 MB at
    50,000 papers: most of what a start read before its first frame).
    """
    try:
        stamps = [copy_stamp(Path(copy)) for copy in copies]
        seeds = seeds_dir()  # this install's bundled lists: another install reads others
        parts = [__version__, str(CACHE_FORMAT), str(seeds), copy_stamp(seeds), index_stamp]
    except OSError:
        return None
    aliases = orjson.dumps(store.venue_aliases, option=orjson.OPT_SORT_KEYS).decode()
    return catalog_cache.digest("\n".join([*parts, *copies, *stamps, aliases]))


def _cheap_key(store: CatalogStore, records: Sequence[ListRecord]) -> tuple[str, list[str]] | None:
    """(cheap key, list copies) of the index as ``records`` were just read from it."""
    index_stamp = store.index.read_stamp()
    copies = [str(store.copy_path(r)) for r in records]
    unchanged = None if index_stamp is None else _unchanged_key(store, index_stamp, copies)
    return None if unchanged is None else (unchanged, copies)


def stamped(store: CatalogStore, first: Mapping[str, Any]) -> dict[str, Any]:
    """``first`` with its cheap key, when the index as it is now still gives ``first``'s key.

    Asked when the head is written, not when it was made: an import writes the index again
    after its reload (the papers it added), and another process may have changed it.
    """
    plain = {k: v for k, v in first.items() if k not in ("unchanged", "copies")}
    if "papers" not in first:
        return plain
    try:
        records = store.records()
    except ListError:
        return plain
    cheap = _cheap_key(store, records)
    if cheap is None or first_key(store, records) != first.get("key"):
        return plain
    return {**plain, "unchanged": cheap[0], "copies": cheap[1]}


def head_stale(store: CatalogStore, records: Sequence[ListRecord], key: str) -> bool:
    """Whether a start should write the cache's head again (its key or its cheap key is off)."""
    head = catalog_cache.read_first(store.cache_path) or {}
    if head.get("key") != key:
        return True
    if "papers" not in head:
        return False
    cheap = _cheap_key(store, records)
    return cheap is not None and head.get("unchanged") != cheap[0]


def _quick_unchanged(store: CatalogStore, head: Mapping[str, Any]) -> Catalog | None:
    """The head's first papers when neither the index nor a list copy changed since."""
    unchanged, copies, key = head.get("unchanged"), head.get("copies"), head.get("key")
    if not (isinstance(unchanged, str) and isinstance(key, str) and isinstance(copies, list)):
        return None
    if not all(isinstance(copy, str) for copy in copies):
        return None
    try:
        index_stamp = copy_stamp(store.index.path)
    except OSError:
        return None
    if _unchanged_key(store, index_stamp, copies) != unchanged:
        return None
    return catalog_cache.first_catalog(head, key)


def quick(store: CatalogStore) -> tuple[Catalog, int, int] | None:
    """The catalog as far as the cache holds it cheaply, without parsing: for a start.

    (catalog, lists in it, lists in all): every list when the cache is small and holds them
    all as they are, else the catalog's first papers from the cache's head, lists in it 0;
    None otherwise, and ``CatalogStore.load`` does the rest.
    """
    path = store.cache_path
    try:
        whole = path.stat().st_size <= catalog_cache.SMALL_BYTES
    except OSError:
        return None
    if not whole:
        head = catalog_cache.read_first(path) or {}
        found = _quick_unchanged(store, head)
        if found is not None:
            return found, 0, len(head["copies"])
        records = store.records()
        found = catalog_cache.first_catalog(head, first_key(store, records) or "")
        return None if found is None else (found, 0, len(records))
    records, cache, fresh = store.records(), catalog_cache.read(path)[0], {}
    for record in records:
        entry: Any = cache.get(record.name)
        try:
            stamp = store.copy_stamp(record)
        except OSError:
            return None
        if entry is None or not cache_entry_ok(entry):
            return None
        if not catalog_cache.unchanged(entry, record, stamp):
            return None
        fresh[record.name] = entry
    if not fresh or set(fresh) != set(cache):
        return None
    return store.build(records, fresh, {}), len(records), len(records)
