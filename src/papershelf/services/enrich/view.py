"""The merged enrichment of every paper, read from the cache and kept until the file changes."""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import Any

from papershelf.domain.enrichment import Enrichment, SourceRecord, merge
from papershelf.errors import LibraryError
from papershelf.paths import Paths
from papershelf.storage.enrich_cache import EnrichCache

log = logging.getLogger(__name__)


def enrichment_of(entry: Mapping[str, Any] | None) -> Enrichment:
    """The merged enrichment of one cache entry (see ``EnrichCache``)."""
    if not entry:
        return Enrichment()
    records: dict[str, tuple[SourceRecord, str]] = {}
    sources = entry.get("sources", {})
    for source, found in sources.items():
        if isinstance(found, dict) and isinstance(found.get("record"), dict):
            records[source] = (SourceRecord.from_json(found["record"]), str(found.get("at", "")))
    return merge(records, tuple(sources))


class EnrichmentView:
    """Paper id -> ``Enrichment``; read again when another process (or run) wrote the cache.

    Importing it loads no HTTP client: the app and every command can hold one cheaply.
    """

    def __init__(self, paths: Paths) -> None:
        self._cache = EnrichCache(paths.enrich)
        self._lock = threading.Lock()
        self._value: dict[str, Enrichment] | None = None
        self._stamp: tuple[int, int] | None = None
        self.problem: str | None = None
        """Why the cache could not be read (then papers show as not enriched; ``doctor`` says)."""

    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            st = self._cache.papers_path.stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    def get(self) -> Mapping[str, Enrichment]:
        stamp = self._file_stamp()
        with self._lock:
            if self._value is None or stamp != self._stamp:
                try:
                    entries = self._cache.load()
                    self.problem = None
                except LibraryError as exc:
                    # The cache is rebuilt by fetching again: a broken one must not stop
                    # `list`, the exports or the app.
                    log.warning("enrichment cache unreadable: %s", exc)
                    entries, self.problem = {}, str(exc)
                self._value = {pid: enrichment_of(e) for pid, e in entries.items()}
                self._stamp = stamp
            return self._value

    def forget(self) -> None:
        with self._lock:
            self._value = None
