"""The catalog on disk: copies of imported lists, their index, and a parsed cache.

The catalog can always be rebuilt from the list copies; the cache only saves start-up from
re-parsing lists that have not changed (each list is keyed by its text, options and the
parser version).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import orjson

from papershelf.domain.models import Paper, ParsedList
from papershelf.errors import ListError, WriteError
from papershelf.paths import Paths, seeds_dir
from papershelf.storage import catalog_cache, catalog_start
from papershelf.storage.atomic import atomic_write, put_back
from papershelf.storage.cache_file import CACHE_FORMAT
from papershelf.storage.catalog_cache import digest as sha256
from papershelf.storage.catalog_checks import cache_entry_ok, manual_papers
from papershelf.storage.catalog_rows import (
    Catalog,
    KnownPapers,
    as_row_paper,
    build_catalog,
    paper_row,
    venue_json,
)
from papershelf.storage.catalog_stages import PartialFn, Stages, rows_of
from papershelf.storage.kept_rows import KeptRows
from papershelf.storage.list_index import ListIndex
from papershelf.storage.list_record import Addition, ListRecord, records_of, stat_stamp
from papershelf.storage.list_record import copy_stamp as _stamp

__all__ = ["CACHE_FORMAT", "Addition", "Catalog", "CatalogStore", "ListParser", "ListRecord"]

_log = logging.getLogger(__name__)


class ListParser(Protocol):
    """Markdown list text -> papers; raises ``ListError`` when the text holds no paper.

    Storage keeps texts and the cache; the parser lives in ``catalog`` and ``services``
    hands it in, so a start-up with a fresh cache never imports it.
    """

    def __call__(self, text: str, *, source: str, venue: str | None) -> ParsedList: ...


def _save(path: Path, data: bytes) -> str:
    """Write a file of ``lists/`` atomically (its stamp); a failure says nothing changed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return stat_stamp(atomic_write(path, data)[0])
    except OSError as exc:
        raise WriteError(
            f"cannot write {path} ({exc.strerror or exc}); nothing was changed"
        ) from None


class CatalogStore:
    """Reads and writes ``lists/`` (copies + ``index.json``) and ``catalog.json`` (cache)."""

    def __init__(
        self, paths: Paths, parse: ListParser, venue_aliases: Mapping[str, str] | None = None
    ) -> None:
        self._paths = paths
        self.cache_path = paths.catalog
        self._parse = parse
        self.venue_aliases = dict(venue_aliases or {})
        """``config.toml``'s ``[venue_aliases]``, on top of the built-in ones."""
        self._just_parsed: dict[str, tuple[str, ParsedList, str]] = {}
        """list name -> (cache key, what the import parsed, the copy's stamp as saved): the
        next load need not parse, nor read the copy while it is still the one saved."""
        self.notices: list[str] = []
        """What a load repaired on its own (a damaged cache rebuilt), for the user to hear once."""
        self._kept: KeptRows | None = None
        """While ``keeping_rows``: the cache as last read or written, and its lists' papers."""
        # ``_save`` looked up at each write, as for the list copies.
        self.index = ListIndex(paths.lists / "index.json", lambda path, data: _save(path, data))

    # index ---------------------------------------------------------------------------
    def records(self) -> list[ListRecord]:
        """Bundled lists first (unless forgotten), then imported ones in import order."""
        return records_of(self.index.read())

    def copy_path(self, record: ListRecord) -> Path:
        if record.bundled:
            return seeds_dir() / f"{record.name}.md"
        suffix = ".json" if record.manual else ".md"
        return self._paths.lists / f"{record.name}{suffix}"

    def text_of(self, record: ListRecord) -> str:
        path = self.copy_path(record)
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ListError(f"{path}: the list copy is not UTF-8 text (damaged?)") from None

    def add_manual(self, paper: Paper, when: str, name: str = "added-by-hand") -> None:
        """Append one hand-made paper to the manual list (created on first use).

        Under the index's lock from the read to the write: two papers added at once by two
        processes both stay.
        """
        with self.index.lock:
            record = next((r for r in self.records() if r.name == name), None)
            where = str(self._paths.lists / f"{name}.json")
            held = manual_papers(self.text_of(record), where) if record else []
            papers = [p.to_json() for p in held]
            papers.append(paper.to_json())
            text = orjson.dumps(papers, option=orjson.OPT_INDENT_2).decode()
            record = ListRecord(
                name=name,
                source=str(self._paths.lists / f"{name}.json"),
                sha256=sha256(text),
                imported_at=when,
                manual=True,
                ids=[p["id"] for p in papers],
                added=record.added if record else [],
            )
            self.save_list(record, text)

    def save_list(
        self, record: ListRecord, text: str, parsed: ParsedList | None = None, digest: str = ""
    ) -> None:
        """Keep a copy of the list and its record; replaces a record of the same name.

        ``parsed`` is the list as the import parsed it (same text, source name and venue):
        the next ``load`` caches it instead of parsing the text a second time. ``digest``:
        the text's, when the caller has just worked it out (a long list's is not free).
        """
        key = catalog_cache.entry_key(record, digest or sha256(text)) if parsed is not None else ""
        kind = "bundled" if record.bundled else "lists"
        saved: tuple[Path, bytes | None] | None = None
        try:
            with self.index.changing() as index:
                records = index.get(kind, [])
                row = record.to_json()
                # What ``new`` recorded of this list meanwhile (another process) is kept.
                row["added"] = next(
                    (r.get("added", []) for r in records if r["name"] == record.name),
                    row["added"],
                )
                index[kind] = [r for r in records if r["name"] != record.name] + [row]
                if record.bundled:  # no copy is kept: its seed file is read again
                    if parsed is not None:
                        self._just_parsed[record.name] = (key, parsed, "")
                    return
                forgotten = set(index.get("bundled_forgotten", [])) - {record.name}
                index["bundled_forgotten"] = sorted(forgotten)
                copy = self.copy_path(record)
                try:
                    previous: bytes | None = copy.read_bytes()
                except OSError:
                    previous = None
                stamp = _save(copy, text.encode("utf-8"))
                saved = (copy, previous)
        except WriteError:
            if saved is not None:  # the index was not written: the copies must agree with it
                put_back(*saved)
            raise
        if parsed is not None:
            self._just_parsed[record.name] = (key, parsed, stamp)

    def remove_list(self, record: ListRecord) -> None:
        with self.index.changing() as index:
            if record.bundled:
                forgotten = {*index.get("bundled_forgotten", []), record.name}
                index["bundled_forgotten"] = sorted(forgotten)
            else:
                index["lists"] = [r for r in index.get("lists", []) if r["name"] != record.name]
        if not record.bundled:
            with contextlib.suppress(OSError):  # no longer listed: a leftover copy is harmless
                self.copy_path(record).unlink(missing_ok=True)

    def retired(self) -> dict[str, Any]:
        """Paper id -> what the index remembers of a paper that left the catalog."""
        retired = self.index.read().get("retired", {})
        return dict(retired) if isinstance(retired, dict) else {}

    def note_changes(
        self,
        name: str | None,
        addition: Addition | None,
        retire: Mapping[str, Any],
        unretire: Iterable[str],
    ) -> None:
        """Record what the catalog gained (on list ``name``) and lost, in one index write.

        Written after the change itself: a failure between the two costs the titles of the
        papers that left (``(title unknown)``) or a "new" entry, never a list or a paper.
        """
        with self.index.changing() as index:
            retired = {**index.get("retired", {}), **retire}
            for pid in unretire:
                retired.pop(pid, None)
            index["retired"] = retired
            if addition is not None and addition.ids and name is not None:
                for key in ("lists", "bundled"):
                    for rec in index.get(key, []):
                        if rec["name"] == name:
                            rec["added"] = [*rec.get("added", []), addition.to_json()]

    # catalog -------------------------------------------------------------------------
    @contextlib.contextmanager
    def keeping_rows(self) -> Iterator[None]:
        """Loads within remember the cache and its papers (an import's reload reads no more).

        The cache is written once, at the end (``KeptRows.pending``), unless another
        process wrote it meanwhile.
        """
        if self._kept is not None:  # already kept by an outer caller
            yield
            return
        self._kept = kept = KeptRows()
        try:
            yield
        finally:
            self._kept = None
            if kept.pending is not None and kept.current(self._paths.catalog):
                lists, first = kept.pending
                self._write_cache(lists, first, kept.lines_for(lists))

    def load(
        self, records: Sequence[ListRecord] | None = None, *, partial: PartialFn | None = None
    ) -> Catalog:
        """The merged catalog; parses only the lists whose cache entry is missing or stale.

        A stored copy that no longer parses is not cached: its papers are left out and
        ``Catalog.problems`` says why, until the copy is fixed, re-imported or forgotten.
        ``partial`` (the app's start) is handed the catalog of the lists loaded so far while
        lists are parsed (``catalog_stages``), in the caller's thread; it also has the
        cache's first papers written again when they are missing or stale.
        """
        records = self.records() if records is None else records
        fresh: dict[str, Any] = {}
        problems: dict[str, str] = {}
        dirty = damaged = unreadable = False
        kept = self._kept
        cache = kept.lists(self._paths.catalog) if kept is not None else None
        checked = cache is not None  # kept from this process's last load: checked then
        if cache is None:
            lines: dict[str, bytes] | None = None if kept is None else {}
            cache, unreadable, lined = catalog_cache.read(self._paths.catalog, lines)
            dirty = not lined  # an older layout: written again a list a line
            if kept is not None and lines is not None:
                kept.read(cache, lines)
        stages, rows = Stages(records, cache), 0
        for done, record in enumerate(records, 1):
            parsed, bad = self._load_one(record, cache, fresh, problems, checked)
            dirty, damaged = dirty or parsed, damaged or bad
            rows += rows_of(fresh.get(record.name))
            if partial is not None and stages.due(done, rows, parsed):
                partial(self.build(records[:done], fresh, problems), done, len(records))
        if damaged or unreadable:
            self.notices.append(
                f"{self._paths.catalog}: the catalog cache was damaged; rebuilt from the lists"
            )
        known = kept.papers if kept is not None else None
        key = catalog_start.first_key(self, records)
        if partial is not None and not dirty and key:  # a start: are the first papers there?
            dirty = catalog_start.head_stale(self, records, key)
        dirty = dirty or set(fresh) != set(cache)
        # Rows neither kept nor written are read once: let go of as they become papers.
        catalog = self.build(records, fresh, problems, known, drain=not dirty and kept is None)
        written = True
        if dirty:
            first = catalog_cache.first_of(catalog, key) if key else {}
            if kept is not None:  # written once, when the rows are let go of
                kept.pending = (fresh, first)
            else:
                written = self._write_cache(fresh, first)
        if kept is not None:
            kept.remember(self._paths.catalog, fresh if written else None)
        return catalog

    def copy_stamp(self, record: ListRecord) -> str:
        """The list copy's identity on disk (``OSError`` when it is gone)."""
        return _stamp(self.copy_path(record))

    def _load_one(
        self,
        record: ListRecord,
        cache: Mapping[str, Any],
        fresh: dict[str, Any],
        problems: dict[str, str],
        checked: bool = False,
    ) -> tuple[bool, bool]:
        """Put ``record``'s entry in ``fresh``, parsed when stale: (read again, damaged)."""
        entry = cache.get(record.name)
        damaged = entry is not None and not checked and not cache_entry_ok(entry)
        if damaged:
            entry = None  # a damaged cache entry is rebuilt from its list
        path = self.copy_path(record)
        try:
            stamp = _stamp(path)
            if catalog_cache.unchanged(entry, record, stamp):
                fresh[record.name] = entry  # same file, same options: no need to read it
                return False, damaged
            if isinstance(entry, dict) and catalog_cache.same_text(entry, record, path):
                entry["stamp"] = stamp  # the same text in a new file (copied): not parsed again
                fresh[record.name] = entry
                return True, damaged
            text, key = self._text_and_key(record, stamp)
        except OSError as exc:  # a list copy deleted by hand: its papers leave the catalog
            why = "is gone" if isinstance(exc, FileNotFoundError) else f"cannot be read ({exc})"
            back = f"its papers are left out until `papershelf import {record.source}`"
            problems[record.name] = f"{path}: the list's copy {why}; {back} brings it back"
            return False, damaged
        if not isinstance(entry, dict) or entry.get("key") != key:
            try:
                entry = self._parse_entry(record, text, key)
            except ListError as exc:
                problems[record.name] = str(exc)
                _log.warning("list %s left out of the catalog: %s", record.name, exc)
                return False, damaged
        entry["stamp"] = stamp
        fresh[record.name] = entry
        return True, damaged

    def _text_and_key(self, record: ListRecord, stamp: str) -> tuple[str, str]:
        """The copy's text and entry key; "" for the text of the copy an import just saved.

        That copy is not read again: its parse is at hand (``_papers_of_copy``).
        """
        known = self._just_parsed.get(record.name)
        if known is not None and known[2] == stamp:
            return "", known[0]
        text = self.text_of(record)
        return text, catalog_cache.entry_key(record, sha256(text))

    def build(
        self,
        records: Sequence[ListRecord],
        fresh: Mapping[str, Any],
        problems: dict[str, str],
        known: KnownPapers | None = None,
        *,
        drain: bool = False,
    ) -> Catalog:
        """The catalog of ``records`` from their cache entries (``known``: papers kept).

        With ``drain``, the entries' rows are emptied as they become papers (``drained``).
        """
        id_maps = {r.name: r.id_map for r in records if r.id_map}
        names = [r.name for r in records]
        catalog = build_catalog(names, fresh, id_maps, self.venue_aliases, known, drain=drain)
        catalog.problems = dict(problems)
        return catalog

    def _parse_entry(self, record: ListRecord, text: str, key: str) -> dict[str, Any]:
        try:
            papers, venues = self._papers_of_copy(record, text, key)
        except ListError as exc:
            reason = str(exc)
        except (ValueError, TypeError, KeyError) as exc:  # a hand-edited copy of hand-added papers
            reason = f"not a list of papers: {type(exc).__name__}: {exc}"
        else:
            return {"key": key, "papers": papers, "venues": venues}
        raise ListError(
            f"{self.copy_path(record)}: the stored copy of list {record.name!r} cannot be read "
            f"({reason}); import the original again or `papershelf forget {record.name}`"
        )

    def _papers_of_copy(
        self, record: ListRecord, text: str, key: str
    ) -> tuple[list[list[Any]], list[dict[str, Any]]]:
        if record.manual:
            manual = manual_papers(text, str(self.copy_path(record)))
            return [paper_row(p, p.id) for p in manual], []
        known = self._just_parsed.pop(record.name, None)
        if known is not None and known[0] == key:
            parsed = known[1]
        else:
            source = record.source.rsplit("/", 1)[-1]
            parsed = self._parse(text, source=source, venue=record.venue)
        ids = [record.id_map.get(p.id, p.id) for p in parsed.papers]
        papers = [paper_row(p, pid) for p, pid in zip(parsed.papers, ids, strict=True)]
        if self._kept is not None:  # kept papers (an import's reload): made without the rows
            names = (record.name,)
            made = [as_row_paper(p, pid, names) for p, pid in zip(parsed.papers, ids, strict=True)]
            self._kept.papers[record.name] = (papers, made)
        return papers, [venue_json(v) for v in parsed.venues]

    def _write_cache(
        self, lists: dict[str, Any], first: dict[str, Any], lines: Mapping[str, bytes] | None = None
    ) -> bool:
        try:
            self._paths.data_dir.mkdir(parents=True, exist_ok=True)
            first = catalog_start.stamped(self, first)  # the index now gives the same key?
            catalog_cache.write(self._paths.catalog, lists, first, lines)
        except OSError:
            return False  # a cache: a read-only data dir just means parsing again next time
        return True
