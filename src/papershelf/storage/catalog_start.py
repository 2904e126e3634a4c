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

from papershelf.storage import catalog_cache
from papershelf.storage.catalog_checks import cache_entry_ok
from papershelf.storage.catalog_rows import Catalog
from papershelf.storage.list_record import ListRecord


class CatalogStore(Protocol):
    """What a start reads through (``catalog_store.CatalogStore``, which calls in here)."""

    cache_path: Path
    venue_aliases: dict[str, str]

    def records(self) -> list[ListRecord]: ...
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


def quick(store: CatalogStore) -> tuple[Catalog, int, int] | None:
    """The catalog as far as the cache holds it cheaply, without parsing: for a start.

    (catalog, lists in it, lists in all): every list when the cache is small and holds them
    all as they are, else the catalog's first papers from the cache's head, lists in it 0;
    None otherwise, and ``CatalogStore.load`` does the rest.
    """
    records, path = store.records(), store.cache_path
    try:
        whole = path.stat().st_size <= catalog_cache.SMALL_BYTES
    except OSError:
        return None
    if not whole:
        key = first_key(store, records) or ""
        found = catalog_cache.first_catalog(catalog_cache.read_first(path) or {}, key)
        return None if found is None else (found, 0, len(records))
    cache, fresh = catalog_cache.read(path)[0], {}
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
