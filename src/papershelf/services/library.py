"""The one API the CLI and the app call: every use case of papershelf is a method here."""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from papershelf.catalog import parse_stored
from papershelf.domain import state_ops
from papershelf.domain.ids import paper_id
from papershelf.domain.models import Link, Paper, PaperState, Status, Venue
from papershelf.domain.notes import merge_notes
from papershelf.domain.text import sanitize
from papershelf.domain.venues import split_venue
from papershelf.errors import ListError, UsageError
from papershelf.paths import Paths
from papershelf.storage.catalog_store import Catalog, CatalogStore, ListRecord, list_name, sha256
from papershelf.storage.state_store import ChangeRecord, StateStore

MANUAL_LIST = "added-by-hand"
# The parser (markdown-it-py) and the re-import matcher are imported by ``import_lists``
# only: every other command starts without them.


def _require_utf8_name(path: Path) -> None:
    """The catalog records where a list came from as text: a name that is not UTF-8 can't be."""
    try:
        str(path.resolve()).encode("utf-8")
    except UnicodeEncodeError:
        raise ListError(
            f"{path}: the file name is not valid UTF-8; rename the file and import it again"
        ) from None


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)
class ImportReport:
    """One line of ``papershelf import``: what a list gave and what changed in the catalog."""

    source: str
    name: str
    venues: tuple[str, ...]
    found: int
    new: int
    updated: int
    unchanged: int
    withdrawn: int
    no_longer_listed: int
    renamed: tuple[tuple[str, str], ...]
    """(old title, new title) of papers an updated list renamed; they keep id and state."""
    skipped: tuple[tuple[int, str], ...]
    """(line, reason) of entries that looked like papers but could not be read."""
    papers: tuple[Paper, ...]
    """As parsed, withdrawn included, with the ids they keep (for ``--dry-run``)."""


@dataclass(frozen=True, slots=True)
class ListInfo:
    name: str
    """What ``forget`` takes."""
    source: str
    venues: tuple[str, ...]
    papers: int
    imported_at: str
    bundled: bool
    problem: str | None = None
    """Why the stored copy could not be read (its papers are then left out), else None."""


@dataclass(frozen=True, slots=True)
class Change:
    """What one state change did, for the CLI's one-line answer and the app's notification."""

    label: str
    paper_ids: tuple[str, ...]

    @classmethod
    def of(cls, record: ChangeRecord | None, label: str, ids: Sequence[str]) -> Change:
        if record is None:
            return cls(f"{label} (no change)", tuple(ids))
        return cls(record.label, tuple(record.after) or tuple(ids))


class Library:
    """The catalog (rebuildable from lists) plus the user's state (irreplaceable).

    Thread-safe: the app calls it from worker threads. Across processes the state store's
    file lock keeps writers apart, and ``refresh`` picks up other processes' changes.
    """

    def __init__(self, paths: Paths, *, lock_timeout: float = 5.0) -> None:
        self.paths = paths
        self._mutex = threading.RLock()
        self._catalog_store = CatalogStore(paths, parse=parse_stored)
        self._catalog: Catalog | None = None
        self._sorted_ids: list[str] | None = None
        self._store = StateStore(
            paths.library,
            lock_path=paths.lock,
            backups_dir=paths.backups,
            lock_timeout=lock_timeout,
            clock=now_iso,
        )

    # catalog -----------------------------------------------------------------
    @property
    def catalog(self) -> Catalog:
        with self._mutex:
            if self._catalog is None:
                self._set_catalog(self._catalog_store.load())
            assert self._catalog is not None
            return self._catalog

    def _set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._sorted_ids = None  # sorted on the first prefix lookup, not at every start

    def papers(self) -> Sequence[Paper]:
        """Every catalog paper, withdrawn included, in catalog order."""
        return self.catalog.papers

    def paper(self, pid: str) -> Paper:
        try:
            return self.catalog.by_id[pid]
        except KeyError:
            raise UsageError(f"no paper with id {pid!r}") from None

    def resolve(self, text: str) -> Paper:
        """An id or unique id prefix -> the paper; ``UsageError`` naming candidates otherwise."""
        catalog = self.catalog
        text = text.strip()
        if text in catalog.by_id:
            return catalog.by_id[text]
        ids = self._sorted_ids
        if ids is None:
            ids = self._sorted_ids = sorted(catalog.by_id)
        start = bisect.bisect_left(ids, text)
        hits: list[str] = []
        for pid in ids[start:]:
            if not pid.startswith(text) or len(hits) > 10:
                break
            hits.append(pid)
        if not text or not hits:
            raise UsageError(f"no paper id starts with {text!r} (see `papershelf list`)")
        if len(hits) > 1:
            shown = ", ".join(hits[:5]) + (", ..." if len(hits) > 5 else "")
            raise UsageError(f"id prefix {text!r} is ambiguous: {shown}")
        return catalog.by_id[hits[0]]

    def venues(self) -> Sequence[Venue]:
        return list(self.catalog.venues.values())

    def import_lists(
        self, files: Sequence[Path], *, venue: str | None = None, dry_run: bool = False
    ) -> list[ImportReport]:
        """Import (or re-import) each file; all files are read before anything is stored."""
        from papershelf.catalog.source import read_list_file

        with self._mutex:
            for f in files:
                _require_utf8_name(Path(f))
            texts = [(Path(f), read_list_file(Path(f))) for f in files]
            reports = []
            for path, text in texts:
                reports.append(self._import_one(path, text, venue=venue, dry_run=dry_run))
            return reports

    def _import_one(
        self, path: Path, text: str, *, venue: str | None, dry_run: bool
    ) -> ImportReport:
        from papershelf.catalog.markdown_list import parse_list
        from papershelf.catalog.merge import reconcile

        parsed = parse_list(text, source=path.name, venue=venue)
        records = self._catalog_store.records()
        source = str(path.resolve())
        name = list_name(path)
        previous = next((r for r in records if r.source == source), None) or next(
            (r for r in records if r.name == name and not r.bundled), None
        )
        if previous is not None:
            name = previous.name
        rec = reconcile(
            parsed.papers,
            self._reconcile_scope(parsed.papers, previous.id_map if previous else {}),
            previous.ids if previous else (),
            previous.id_map if previous else None,
        )
        venues = tuple(dict.fromkeys(p.venue for p in rec.papers))
        if not dry_run:
            record = ListRecord(
                name=name,
                source=source,
                sha256=sha256(text),
                imported_at=now_iso(),
                venue=venue,
                id_map={k: v for k, v in rec.id_map.items() if k != v},
                ids=[p.id for p in rec.papers],
                venues=list(venues),
            )
            # The cache can take the papers as parsed when the load would parse the same way.
            same = source.rsplit("/", 1)[-1] == path.name
            self._catalog_store.save_list(record, text, parsed if same else None)
            self._set_catalog(self._catalog_store.load())
        return ImportReport(
            source=str(path),
            name=name,
            venues=venues,
            found=len(rec.papers),
            new=rec.new,
            updated=rec.updated,
            unchanged=rec.unchanged,
            withdrawn=sum(p.withdrawn for p in rec.papers),
            no_longer_listed=len(rec.no_longer_listed),
            renamed=rec.renamed,
            skipped=parsed.skipped,
            papers=rec.papers,
        )

    def _reconcile_scope(
        self, parsed: Sequence[Paper], id_map: Mapping[str, str]
    ) -> dict[str, Paper]:
        """The catalog papers ``reconcile`` can match: the list's venues, plus kept ids.

        Papers of other venues can never match (matching is within a venue), and leaving them
        out keeps an import from scanning the whole catalog for every new paper: the same
        answer, linear instead of quadratic in the catalog size.
        """
        by_id = self.catalog.by_id
        venues = {p.venue for p in parsed}
        kept = {p.id for p in parsed} | {id_map.get(p.id, p.id) for p in parsed}
        scope = {pid: p for pid, p in by_id.items() if p.venue in venues}
        scope.update((pid, by_id[pid]) for pid in kept if pid in by_id)
        return scope

    def lists(self) -> list[ListInfo]:
        catalog = self.catalog
        out = []
        for record in self._catalog_store.records():
            ids = catalog.members.get(record.name, [])
            venues = tuple(dict.fromkeys(catalog.by_id[i].venue for i in ids if i in catalog.by_id))
            out.append(
                ListInfo(
                    name=record.name,
                    source=record.source,
                    venues=venues,
                    papers=len(ids),
                    imported_at=record.imported_at,
                    bundled=record.bundled,
                    problem=catalog.problems.get(record.name),
                )
            )
        return out

    def forget(self, name: str) -> ListInfo:
        """Take a list's papers out of the catalog; their state stays, shown as orphaned."""
        with self._mutex:
            infos = {i.name: i for i in self.lists()}
            if name not in infos:
                known = ", ".join(infos) or "none"
                raise UsageError(f"no imported list named {name!r} (lists: {known})")
            record = next(r for r in self._catalog_store.records() if r.name == name)
            self._catalog_store.remove_list(record)
            self._set_catalog(self._catalog_store.load())
            return infos[name]

    def add_paper(
        self, title: str, venue: str, *, url: str | None = None, authors: Sequence[str] = ()
    ) -> Paper:
        """One paper by hand, kept in a list of its own so a rebuild keeps it too."""
        title, venue = sanitize(title).strip(), sanitize(venue).strip()
        url = None if url is None else sanitize(url).strip()
        if not title or not venue:
            raise UsageError("add needs a non-empty --title and --venue")
        if url is not None and not url.startswith(("http://", "https://")):
            raise UsageError(f"--url must be an http or https link, not {url!r}")
        name, year = split_venue(venue)
        label = Venue(name, year).label
        paper = Paper(
            id=paper_id(label, title),
            title=title,
            venue=label,
            year=year,
            authors=tuple(sanitize(a).strip() for a in authors if a.strip()),
            links=(Link("paper", url),) if url else (),
            source=MANUAL_LIST,
        )
        with self._mutex:
            if paper.id in self.catalog.by_id:
                raise UsageError(f"{label} already has this paper: {paper.id}")
            self._catalog_store.add_manual(paper, now_iso())
            self._set_catalog(self._catalog_store.load())
            return self.catalog.by_id[paper.id]

    # state -------------------------------------------------------------------
    def state(self, pid: str) -> PaperState:
        return self._store.get(pid)

    def states(self) -> Mapping[str, PaperState]:
        """State of every touched paper (orphans included); untouched papers are absent."""
        return self._store.states()

    def _ids(self, paper_ids: Iterable[str]) -> list[str]:
        ids = list(dict.fromkeys(paper_ids))
        if not ids:
            raise UsageError("no paper given")
        return ids

    def set_status(self, paper_ids: Iterable[str], status: Status) -> Change:
        ids = self._ids(paper_ids)
        label = f"mark {status.value}"
        with self._mutex:
            at = now_iso()
            record = self._store.update(
                ids, lambda _id, s: state_ops.with_status(s, status, at), label=label
            )
        return Change.of(record, label, ids)

    def set_starred(self, paper_ids: Iterable[str], starred: bool) -> Change:
        ids = self._ids(paper_ids)
        label = "star" if starred else "unstar"
        with self._mutex:
            record = self._store.update(
                ids, lambda _id, s: state_ops.with_star(s, starred), label=label
            )
        return Change.of(record, label, ids)

    def set_note(self, pid: str, text: str, *, base: str | None = None) -> Change:
        """Replace the note, merging in what changed elsewhere since ``base``.

        ``base`` is the text the editor started from; the merge runs under the write lock,
        so a note changed by another window or command meanwhile is never overwritten.
        """

        def write(_id: str, state: PaperState) -> PaperState:
            new = text if base is None else merge_notes(base, state.note, text)
            return state_ops.with_note(state, new, at)

        with self._mutex:
            at = now_iso()
            record = self._store.update([pid], write, label="note")
        return Change.of(record, "note", [pid])

    def append_note(self, pid: str, text: str) -> Change:
        """Append to the note as it is under the write lock, so no other writer's text is lost."""

        def append(_id: str, state: PaperState) -> PaperState:
            sep = "" if not state.note or state.note.endswith("\n") else "\n"
            return state_ops.with_note(state, state.note + sep + text, at)

        with self._mutex:
            at = now_iso()
            record = self._store.update([pid], append, label="note")
        return Change.of(record, "note", [pid])

    def undo(self) -> Change | None:
        # Everything the command reports with is loaded before the write: a command that
        # fails must not have changed the library.
        self.catalog  # noqa: B018
        with self._mutex:
            record = self._store.undo()
        return None if record is None else Change(f"undo {record.label}", tuple(record.before))

    def redo(self) -> Change | None:
        self.catalog  # noqa: B018 - loaded before the write, as in undo
        with self._mutex:
            record = self._store.redo()
        return None if record is None else Change(f"redo {record.label}", tuple(record.after))

    def refresh(self) -> bool:
        """Re-read the state file if another process changed it; True when it did."""
        with self._mutex:
            return self._store.refresh()

    def replace_states(self, states: Mapping[str, PaperState]) -> Change:
        """Restore states read from a JSON export (undoable)."""
        with self._mutex:
            record = self._store.replace_states(states, label="import state")
        return Change.of(record, "import state", list(states))

    def orphans(self) -> list[str]:
        """Ids with state but no paper in the catalog (kept, never dropped)."""
        by_id = self.catalog.by_id
        return sorted(pid for pid in self.states() if pid not in by_id)

    def check(self) -> list[str]:
        """Problems ``papershelf doctor`` reports; [] when the library is sound."""
        return self._store.check()


__all__ = ["Change", "ImportReport", "Library", "Link", "ListInfo"]
