"""The enrichment cache: raw answers per request and what was found per paper, kept apart.

``<data>/enrich/raw/<source>/<key>.json`` holds one answer as received (so a refresh is a
choice and ``--offline`` works); ``<data>/enrich/papers.json`` holds per paper and source
what was found, when, and how it was matched, plus doubtful matches kept as candidates.
Every file is written atomically, and ``papers.json`` after each batch, under a file lock,
merged with what is on disk: a killed run keeps what it fetched, two runs lose nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from papershelf.errors import LibraryError, WriteError
from papershelf.storage.atomic import atomic_write

VERSION = 1
_SAFE = re.compile(r"^[a-z_]+$")


@dataclass(frozen=True, slots=True)
class RawAnswer:
    """One answer as a source sent it."""

    url: str
    status: int
    fetched_at: str
    body: bytes


class EnrichCache:
    """The files under ``folder`` (``<data dir>/enrich``); nothing is created before a write."""

    def __init__(self, folder: Path, *, lock_timeout: float = 10.0) -> None:
        self.folder = folder
        self._lock_timeout = lock_timeout

    @property
    def papers_path(self) -> Path:
        return self.folder / "papers.json"

    def _raw_path(self, source: str, key: str) -> Path:
        if not _SAFE.match(source) or not key.isalnum():
            raise ValueError("bad cache name")
        return self.folder / "raw" / source / f"{key}.json"

    # raw answers -----------------------------------------------------------------------
    def get_raw(self, source: str, key: str) -> RawAnswer | None:
        """The cached answer, or None (missing, or unreadable: then it is simply asked again)."""
        try:
            data = json.loads(self._raw_path(source, key).read_text(encoding="utf-8"))
            return RawAnswer(
                str(data["url"]),
                int(data["status"]),
                str(data["fetched_at"]),
                str(data["body"]).encode("utf-8", "surrogateescape"),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put_raw(self, source: str, key: str, answer: RawAnswer) -> None:
        doc = {
            "url": answer.url,
            "status": answer.status,
            "fetched_at": answer.fetched_at,
            "body": answer.body.decode("utf-8", "replace"),
        }
        self._write(self._raw_path(source, key), doc)

    # per paper ---------------------------------------------------------------------------
    def load(self) -> dict[str, dict[str, Any]]:
        """Paper id -> its entry (``{"sources": {...}, "candidates": {...}}``); {} when none."""
        try:
            raw = self.papers_path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise LibraryError(f"{self.papers_path}: cannot read ({exc.strerror or exc})") from exc
        try:
            data = json.loads(raw)
        except ValueError:
            raise LibraryError(
                f"{self.papers_path}: not valid JSON; move it away and run enrich again"
            ) from None
        if not isinstance(data, dict) or not isinstance(data.get("papers"), dict):
            raise LibraryError(f"{self.papers_path}: not an enrichment cache")
        if int(data.get("version", 0)) > VERSION:
            raise LibraryError(f"{self.papers_path}: written by a newer papershelf")
        return {k: v for k, v in data["papers"].items() if isinstance(v, dict)}

    def update(
        self, change: Callable[[dict[str, dict[str, Any]]], None]
    ) -> dict[str, dict[str, Any]]:
        """Apply ``change`` to the entries as they are on disk now, and write them back."""
        from filelock import FileLock, Timeout  # on a write, not at every start

        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            with FileLock(str(self.folder / "papers.json.lock"), timeout=self._lock_timeout):
                papers = self.load()
                change(papers)
                self._write(self.papers_path, {"version": VERSION, "papers": papers})
                return papers
        except Timeout:
            raise LibraryError(f"{self.papers_path}: another enrich run holds the lock") from None

    def merge_entries(self, entries: Mapping[str, Mapping[str, Any]]) -> None:
        """Write per-source results and candidates of these papers, keeping everything else."""

        def apply(papers: dict[str, dict[str, Any]]) -> None:
            for pid, entry in entries.items():
                current = papers.setdefault(pid, {})
                for part in ("sources", "candidates"):
                    if part in entry:
                        current.setdefault(part, {}).update(entry[part])
                for source in entry.get("drop_candidates", ()):
                    current.get("candidates", {}).pop(source, None)

        self.update(apply)

    def _write(self, path: Path, doc: object) -> None:
        data = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        try:
            atomic_write(path, data)
        except OSError as exc:
            raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from exc
