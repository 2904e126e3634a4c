"""The catalog on disk: copies of imported lists, their index, and a parsed cache.

The catalog can always be rebuilt from the list copies; the cache only saves start-up from
re-parsing lists that have not changed (each list is keyed by its text, options and the
parser version).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from papershelf import __version__
from papershelf.domain.models import Link, Paper, ParsedList, Venue
from papershelf.domain.venues import split_venue
from papershelf.errors import ListError, WriteError
from papershelf.paths import Paths, seeds_dir
from papershelf.storage.atomic import atomic_write_bytes
from papershelf.storage.catalog_checks import cache_entry_ok, manual_papers
from papershelf.storage.index_shape import index_problem

CACHE_FORMAT = 2
"""2: papers as rows (``_row``), smaller and faster to load than objects; 1: objects."""
# The parser (and markdown-it-py under it) is imported only when a list must be parsed: a
# start-up with a fresh cache never needs it.


@dataclass(slots=True)
class ListRecord:
    """One imported list: where it came from and how to rebuild its papers."""

    name: str
    source: str
    sha256: str
    imported_at: str
    venue: str | None = None
    bundled: bool = False
    manual: bool = False
    """Papers added by hand: the copy holds JSON paper objects, not markdown."""
    id_map: dict[str, str] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)
    venues: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "source": self.source,
            "sha256": self.sha256,
            "imported_at": self.imported_at,
            "venue": self.venue,
            "manual": self.manual,
            "id_map": self.id_map,
            "ids": self.ids,
            "venues": self.venues,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ListRecord:
        return cls(
            name=data["name"],
            source=data["source"],
            sha256=data["sha256"],
            imported_at=data["imported_at"],
            venue=data.get("venue"),
            manual=bool(data.get("manual", False)),
            id_map=dict(data.get("id_map", {})),
            ids=list(data.get("ids", [])),
            venues=list(data.get("venues", [])),
        )


@dataclass(slots=True)
class Catalog:
    """Every paper of every list, merged by id, in first-seen order."""

    papers: list[Paper]
    by_id: dict[str, Paper]
    venues: dict[str, Venue]
    members: dict[str, list[str]]
    """list name -> ids it contributes."""


def list_name(path: Path) -> str:
    """The name a list is stored and forgotten under: its file stem, slugged."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-.") or "list"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Load many small objects without the cyclic GC, then keep it from scanning them.

    None of them form cycles. Without the pause the collector runs hundreds of times during
    a large load; without the freeze it scans every new object again (three generations)
    soon after. Frozen objects are still freed by reference counting when dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _save(path: Path, data: bytes) -> None:
    """Write a file of ``lists/`` atomically; a failure is one line saying nothing changed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise WriteError(
            f"cannot write {path} ({exc.strerror or exc}); nothing was changed"
        ) from None


def _stamp(path: Path) -> str:
    """Identity of a list copy on disk: copies are replaced atomically (a new inode)."""
    st = path.stat()
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


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


def _row(paper: Paper, pid: str) -> list[Any]:
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


def _papers_of(rows: list[list[Any]]) -> Iterator[Paper]:
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


def _venue_json(v: Venue) -> dict[str, Any]:
    return {
        "name": v.name,
        "year": v.year,
        "homepage": v.homepage,
        "paper_list": v.paper_list,
        "acceptance_rate": v.acceptance_rate,
    }


class CatalogStore:
    """Reads and writes ``lists/`` (copies + ``index.json``) and ``catalog.json`` (cache)."""

    def __init__(self, paths: Paths) -> None:
        self._paths = paths
        self._just_parsed: dict[str, tuple[str, ParsedList]] = {}
        """list name -> (cache key, what the import parsed): the next load need not parse."""
        self.notices: list[str] = []
        self._cache_damaged = False
        """What a load repaired on its own (a damaged cache rebuilt), for the user to hear once."""

    @property
    def index_path(self) -> Path:
        return self._paths.lists / "index.json"

    # index ---------------------------------------------------------------------------
    def _read_index(self) -> dict[str, Any]:
        try:
            data = orjson.loads(self.index_path.read_bytes())
        except FileNotFoundError:
            return {"lists": [], "bundled_forgotten": []}
        except (OSError, orjson.JSONDecodeError) as exc:
            raise ListError(f"{self.index_path}: cannot read the list index ({exc})") from exc
        if not isinstance(data, dict):
            raise ListError(f"{self.index_path}: the list index is not a JSON object")
        problem = index_problem(data)
        if problem is not None:
            raise ListError(f"{self.index_path}: the list index is damaged ({problem})")
        return data

    def _write_index(self, data: dict[str, Any]) -> None:
        _save(
            self.index_path, orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
        )

    def records(self) -> list[ListRecord]:
        """Bundled lists first (unless forgotten), then imported ones in import order."""
        index = self._read_index()
        forgotten = set(index.get("bundled_forgotten", []))
        bundled_meta = {r["name"]: r for r in index.get("bundled", [])}
        out: list[ListRecord] = []
        for seed in sorted(seeds_dir().glob("*.md")):
            name = list_name(seed)
            if name in forgotten:
                continue
            meta = bundled_meta.get(name, {})
            out.append(
                ListRecord(
                    name=name,
                    source=f"bundled:{seed.name}",
                    sha256="",
                    imported_at=meta.get("imported_at", ""),
                    bundled=True,
                    id_map=dict(meta.get("id_map", {})),
                    ids=list(meta.get("ids", [])),
                    venues=list(meta.get("venues", [])),
                )
            )
        out.extend(ListRecord.from_json(r) for r in index.get("lists", []))
        return out

    def _copy_path(self, record: ListRecord) -> Path:
        if record.bundled:
            return seeds_dir() / f"{record.name}.md"
        suffix = ".json" if record.manual else ".md"
        return self._paths.lists / f"{record.name}{suffix}"

    def text_of(self, record: ListRecord) -> str:
        path = self._copy_path(record)
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ListError(f"{path}: the list copy is not UTF-8 text (damaged?)") from None

    def add_manual(self, paper: Paper, when: str, name: str = "added-by-hand") -> None:
        """Append one hand-made paper to the manual list (created on first use)."""
        record = next((r for r in self.records() if r.name == name), None)
        where = str(self._paths.lists / f"{name}.json")
        papers = [p.to_json() for p in manual_papers(self.text_of(record), where)] if record else []
        papers.append(paper.to_json())
        text = orjson.dumps(papers, option=orjson.OPT_INDENT_2).decode()
        record = ListRecord(
            name=name,
            source=str(self._paths.lists / f"{name}.json"),
            sha256=sha256(text),
            imported_at=when,
            manual=True,
            ids=[p["id"] for p in papers],
        )
        self.save_list(record, text)

    def save_list(self, record: ListRecord, text: str, parsed: ParsedList | None = None) -> None:
        """Keep a copy of the list and its record; replaces a record of the same name.

        ``parsed`` is the list as the import parsed it (same text, source name and venue):
        the next ``load`` caches it instead of parsing the text a second time.
        """
        if parsed is not None:
            self._just_parsed[record.name] = (self._cache_key(record, text), parsed)
        index = self._read_index()
        if record.bundled:
            bundled = [r for r in index.get("bundled", []) if r["name"] != record.name]
            bundled.append(record.to_json())
            index["bundled"] = bundled
            self._write_index(index)
            return
        copy = self._copy_path(record)
        try:
            previous: bytes | None = copy.read_bytes()
        except OSError:
            previous = None
        _save(copy, text.encode("utf-8"))
        lists = [r for r in index.get("lists", []) if r["name"] != record.name]
        lists.append(record.to_json())
        index["lists"] = lists
        forgotten = set(index.get("bundled_forgotten", [])) - {record.name}
        index["bundled_forgotten"] = sorted(forgotten)
        try:
            self._write_index(index)
        except WriteError:
            # Put the copy back as it was, so the index and the copies still agree.
            with contextlib.suppress(OSError):
                if previous is None:
                    copy.unlink()
                else:
                    atomic_write_bytes(copy, previous)
            raise

    def remove_list(self, record: ListRecord) -> None:
        index = self._read_index()
        if record.bundled:
            index["bundled_forgotten"] = sorted({*index.get("bundled_forgotten", []), record.name})
        else:
            index["lists"] = [r for r in index.get("lists", []) if r["name"] != record.name]
        self._write_index(index)
        if not record.bundled:
            with contextlib.suppress(OSError):  # no longer listed: a leftover copy is harmless
                self._copy_path(record).unlink(missing_ok=True)

    # catalog -------------------------------------------------------------------------
    def _cache_key(self, record: ListRecord, text: str) -> str:
        return sha256(text) + "|" + self._options_key(record)

    @staticmethod
    def _options_key(record: ListRecord) -> str:
        """Everything but the text that changes what a list parses to."""
        return "|".join(
            (
                record.venue or "",
                orjson.dumps(record.id_map, option=orjson.OPT_SORT_KEYS).decode(),
                __version__,
                str(CACHE_FORMAT),
            )
        )

    def _unchanged(self, entry: object, record: ListRecord, stamp: str) -> bool:
        """The entry was made from this very file (by its stamp) with the same options."""
        if not isinstance(entry, dict) or entry.get("stamp") != stamp:
            return False
        return str(entry.get("key", "")).partition("|")[2] == self._options_key(record)

    def _read_cache(self) -> dict[str, Any]:
        try:
            data = orjson.loads(self._paths.catalog.read_bytes())
        except OSError:
            return {}
        except orjson.JSONDecodeError:
            data = None
        if isinstance(data, dict) and data.get("format") != CACHE_FORMAT:
            return {}  # another version's cache: replaced without a word
        lists = data.get("lists") if isinstance(data, dict) else None
        if not isinstance(lists, dict):
            self._cache_damaged = True
            return {}
        return lists

    def load(self, records: Sequence[ListRecord] | None = None) -> Catalog:
        """The merged catalog; parses only the lists whose cache entry is missing or stale."""
        records = self.records() if records is None else records
        with _gc_paused():
            cache = self._read_cache()
            fresh: dict[str, Any] = {}
            dirty = damaged = False
            for record in records:
                entry = cache.get(record.name)
                if entry is not None and not cache_entry_ok(entry):
                    entry = None  # a damaged cache entry is rebuilt from its list
                    damaged = True
                try:
                    stamp = _stamp(self._copy_path(record))
                    if self._unchanged(entry, record, stamp):
                        fresh[record.name] = entry  # same file, same options: no need to read it
                        continue
                    text = self.text_of(record)
                except OSError:
                    continue  # a list copy deleted by hand: its papers leave the catalog
                key = self._cache_key(record, text)
                if not isinstance(entry, dict) or entry.get("key") != key:
                    entry = self._parse_entry(record, text, key)
                entry["stamp"] = stamp
                dirty = True
                fresh[record.name] = entry
            if damaged or self._cache_damaged:
                self._cache_damaged = False
                self.notices.append(
                    f"{self._paths.catalog}: the catalog cache was damaged; rebuilt from the lists"
                )
            if dirty or set(fresh) != set(cache):
                self._write_cache(fresh)
            return self._merge(records, fresh)

    def _parse_entry(self, record: ListRecord, text: str, key: str) -> dict[str, Any]:
        if record.manual:
            manual = manual_papers(text, str(self._copy_path(record)))
            return {"key": key, "papers": [_row(p, p.id) for p in manual], "venues": []}
        known = self._just_parsed.pop(record.name, None)
        if known is not None and known[0] == key:
            parsed = known[1]
        else:
            from papershelf.catalog.markdown_list import parse_list

            try:
                source = record.source.rsplit("/", 1)[-1]
                parsed = parse_list(text, source=source, venue=record.venue)
            except ListError:
                return {"key": key, "papers": [], "venues": []}
        papers = [_row(p, record.id_map.get(p.id, p.id)) for p in parsed.papers]
        return {"key": key, "papers": papers, "venues": [_venue_json(v) for v in parsed.venues]}

    def _write_cache(self, lists: dict[str, Any]) -> None:
        try:
            self._paths.data_dir.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(
                self._paths.catalog, orjson.dumps({"format": CACHE_FORMAT, "lists": lists})
            )
        except OSError:
            pass  # a cache: a read-only data dir just means parsing again next time

    @staticmethod
    def _merge(records: Sequence[ListRecord], entries: dict[str, Any]) -> Catalog:
        by_id: dict[str, Paper] = {}
        venues: dict[str, Venue] = {}
        members: dict[str, list[str]] = {}
        for record in records:
            entry = entries.get(record.name)
            if entry is None:
                continue
            ids: list[str] = []
            for paper in _papers_of(entry["papers"]):
                # A later list (an updated version) wins the data; the first keeps the place.
                by_id[paper.id] = paper
                ids.append(paper.id)
            members[record.name] = ids
            for v in entry["venues"]:
                venue = Venue(**v)
                venues[venue.label] = _merge_venue(venues.get(venue.label), venue)
        papers = list(by_id.values())
        for paper in papers:
            if paper.venue not in venues:
                name, year = split_venue(paper.venue)
                venues[paper.venue] = Venue(name=name, year=year)
        return Catalog(papers=papers, by_id=by_id, venues=venues, members=members)
