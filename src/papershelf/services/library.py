"""The one API the CLI and the app call: every use case of papershelf is a method here."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from papershelf.catalog import parse_stored
from papershelf.deferred import deferred
from papershelf.domain import state_ops
from papershelf.domain.clock import now_iso
from papershelf.domain.filtering import PaperFilter, SortKey
from papershelf.domain.ids import start_alone
from papershelf.domain.models import Link, Paper, PaperState, Venue
from papershelf.domain.progress import READ_WEEKS
from papershelf.errors import UsageError
from papershelf.paths import Paths
from papershelf.services import (
    newness,
    orphans,
    queries,
    sameness,
    settings,
)
from papershelf.services.enrich.use_cases import EnrichmentUseCases
from papershelf.services.enrich.view import EnrichmentView
from papershelf.services.import_use_cases import ImportUseCases
from papershelf.services.parse_child import ChildParser
from papershelf.services.sameness_use_cases import SamenessUseCases
from papershelf.services.state_writes import StateWrites
from papershelf.services.undo_log import UndoLog
from papershelf.storage import catalog_start
from papershelf.storage.catalog_stages import PartialFn
from papershelf.storage.catalog_store import Catalog, CatalogStore
from papershelf.storage.state_store import StateStore

if TYPE_CHECKING:  # forgetting, merging and importing load with their commands, not at start
    from papershelf.services import duplicates as sameness_find
    from papershelf.services import import_batch, importing, results
    from papershelf.services.forgetting import ForgetReport
    from papershelf.services.merging import CopyFailure, MergeReport
    from papershelf.services.results import Change, ListInfo, Stats
else:
    results = deferred("papershelf.services.results")
    import_batch = deferred("papershelf.services.import_batch")
    importing = deferred("papershelf.services.importing")

Papers = Sequence[Paper] | None


class Library(StateWrites, EnrichmentUseCases, ImportUseCases, SamenessUseCases, UndoLog):
    """The catalog (rebuildable from lists) plus the user's state (irreplaceable).

    Thread-safe: the app calls it from worker threads. Across processes the state store's
    file lock keeps writers apart, and ``refresh`` picks up other processes' changes.
    """

    def __init__(
        self, paths: Paths, *, lock_timeout: float = 5.0, parse: ChildParser | None = None
    ) -> None:
        """``parse``: where stored lists are parsed again (the app's child process)."""
        self.paths = paths
        self._child = parse
        self._mutex = threading.RLock()
        aliases, problems = settings.load_venue_aliases(paths.config)  # problems: notices
        self._catalog_store = CatalogStore(
            paths, parse=parse or parse_stored, venue_aliases=aliases
        )
        self._catalog_store.notices.extend(problems)
        self._catalog: Catalog | None = None
        self._decided: tuple[tuple[str, ...], ...] = ()
        self._duplicates: tuple[Catalog, sameness_find.DuplicateIndex] | None = None
        self._foreign_seen = 0
        self.catalog_version = 0
        """Counts catalog loads: a command that changed the papers is told by it."""
        self._index_seen: tuple[int, int, int] | None = None
        self._enrichments = EnrichmentView(paths)
        self.left_to_exit: list[object] | None = None
        """Set by a process that ends without freeing (``cli.main.run``): the last import
        leaves its working objects here (matching's keys and index) rather than free them."""
        self._sorted_ids: list[str] | None = None
        self._store = StateStore(
            paths.library,
            lock_path=paths.lock,
            backups_dir=paths.backups,
            lock_timeout=lock_timeout,
            clock=now_iso,
        )

    def close(self) -> None:
        """Let go of the library file's descriptor (kept open to know the file unchanged).

        For a caller that lives on after the library: a process that ends lets the OS close it.
        The library may still be used after: it then reads the file again.
        """
        with self._mutex:
            self._store.close()

    # catalog -----------------------------------------------------------------
    @property
    def catalog(self) -> Catalog:
        return self.load_catalog()

    def load_catalog(self, partial: PartialFn | None = None) -> Catalog:
        """The catalog, loaded now if not yet; ``partial`` sees the lists parsed until then."""
        with self._mutex:
            if self._catalog is None:
                states, decide = self._store.states(), sameness.apply_decisions
                show = partial and (lambda c, n, of: partial(decide(c, states), n, of))
                try:
                    self._set_catalog(self._catalog_store.load(partial=show))
                finally:
                    if self._child is not None:
                        self._child.close()  # its memory back: a later parse starts another
            return self._catalog  # type: ignore[return-value]  # set just above

    def quick_catalog(self) -> tuple[Catalog, int, int] | None:
        """At start: (catalog, lists in it, lists in all) the cache holds cheaply, or None."""
        with self._mutex:
            found = catalog_start.quick(self._catalog_store) if self._catalog is None else None
            if found is not None and found[1] == found[2]:
                self._set_catalog(found[0])
            elif found is not None and not sameness.decision_key(self._store.states()):
                return found  # the first papers: exact when the reader decided nothing
            return None if self._catalog is None else (self._catalog, 1, 1)

    def _set_catalog(self, catalog: Catalog) -> None:
        self.catalog_version += 1
        states = self._store.states()
        self._decided = sameness.decision_key(states)
        self._catalog = sameness.apply_decisions(catalog, states)
        self._sorted_ids = None  # sorted on the first prefix lookup, not at every start
        self._index_seen = self._index_stamp()

    def _index_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = self._catalog_store.index.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def settle(self) -> None:
        """After a load: let go of what only a load or an import reads (the list index)."""
        self._catalog_store.index.let_go()

    def refresh_catalog(self) -> bool:
        """Reload the catalog if another process imported or forgot a list (one cheap ``stat``)."""
        with self._mutex:
            if self._catalog is None or self._index_stamp() == self._index_seen:
                return False
            self._set_catalog(self._catalog_store.load())
            return True

    def papers(self) -> Sequence[Paper]:
        """Every catalog paper, withdrawn included, in catalog order."""
        return self.catalog.papers

    def paper(self, pid: str) -> Paper:
        """The catalog paper (or the one an alias names), else the orphan of that id."""
        catalog = self.catalog
        pid = catalog.aliases.get(pid, pid)
        found = catalog.by_id.get(pid)
        if found is None and pid in self.states():
            found = orphans.retired_paper(pid, self._catalog_store.retired().get(pid))
        if found is None:
            raise UsageError(f"no paper with id {pid!r}")
        return found

    def resolve(self, text: str) -> Paper:
        """An id or unique id prefix -> the paper (or orphan); ``UsageError`` naming candidates.

        An id a table cut (``nipsproceedings2014-generative-adversarial-nets…``) is the
        prefix it shows: ``papershelf list | awk '{print $1}'`` hands such ids on.
        """
        catalog = self.catalog
        text = text.strip()
        cut = text.endswith("…")
        text = text.removesuffix("…")
        text = catalog.aliases.get(text, text)
        if self._sorted_ids is None:
            self._sorted_ids = sorted(catalog.by_id)
        retired = self._catalog_store.retired
        return orphans.resolve(text, catalog.by_id, self._sorted_ids, self.states, retired, cut=cut)

    def venues(self) -> Sequence[Venue]:
        return list(self.catalog.venues.values())

    # queries -------------------------------------------------------------------
    def venue_scope(self, text: str, also: Sequence[Paper] = ()) -> queries.VenueScope:
        """(label, series) ``text`` names in any spelling (``OSDI`` is every year of it).

        ``also``: papers besides the catalog the command selects from (the orphans).
        """
        return queries.venue_scope(self.catalog, text, also)

    def select(
        self, flt: PaperFilter, sort: SortKey = SortKey.CATALOG, among: Papers = None
    ) -> list[Paper]:
        """What ``flt`` selects of the catalog (or of ``among``), sorted: ``list``, ``export``."""
        return queries.select(self.papers() if among is None else among, self.states(), flt, sort)

    def stats(
        self, by: str = "venue", *, weeks: int = READ_WEEKS, today: date | None = None
    ) -> Stats:
        """Progress per venue or topic, and reads per week (``stats`` and the progress screen)."""
        return queries.stats(self.papers(), self.states(), by, weeks=weeks, today=today)

    def export(
        self,
        fmt: str,
        papers: Sequence[Paper],
        path: Path | None = None,
        *,
        overwrite: bool = False,
    ) -> str | int:
        """The export as text (no ``path``), or written to ``path``: the number of papers."""
        if path is not None and self.paths.keeps(path):
            raise UsageError(
                f"{path}: papershelf keeps its data in this file; nothing was exported"
            )
        found, states, every = self.enrichments(), self.states(), self.papers()
        return queries.export(fmt, papers, states, found, path, overwrite, catalog=every)

    def lists(self) -> list[ListInfo]:
        return importing.list_infos(self._catalog_store, self.catalog)

    def forget(self, name: str, *, exact: bool = False) -> ForgetReport:
        """Take a list (its name or a unique start of it) out; the state stays, as orphans."""
        from papershelf.services import forgetting  # with the command, not at start

        with self._mutex:
            store, before = self._catalog_store, self.catalog
            record = forgetting.find_list(store.records(), name, exact=exact)
            info = next(i for i in self.lists() if i.name == record.name)
            store.remove_list(record)
            self._set_catalog(store.load())
            return forgetting.settle(info, store, before, self.catalog, self.states())

    def new_papers(self, since: str | None = None) -> newness.NewPapers:
        """What joined the catalog since ``since`` (``parse_since``), else with the last import."""
        return newness.new_papers(self._catalog_store.records(), self.catalog, since)

    def add_paper(
        self, title: str, venue: str, *, url: str | None = None, authors: Sequence[str] = ()
    ) -> Paper:
        """One paper by hand, kept in a list of its own so a rebuild keeps it too."""
        paper = importing.manual_paper(title, venue, url=url, authors=authors)
        with self._mutex:
            if paper.id in self.catalog.by_id:
                raise UsageError(f"{paper.venue} already has this paper: {paper.id}")
            self._catalog_store.add_manual(paper, now_iso())
            self._set_catalog(self._catalog_store.load())
            return self.catalog.by_id[paper.id]

    # state: reads and writes in StateWrites, the undo log in UndoLog -------------
    def _answering(self, pid: str) -> str:
        catalog = self._catalog
        return pid if catalog is None else catalog.aliases.get(pid, pid)

    def _recheck_decisions(self) -> None:
        """Rebuild the catalog's paper set when a same/different decision came or went."""
        if self._catalog is not None and sameness.decision_key(self.states()) != self._decided:
            self._set_catalog(self._catalog_store.load())

    def replace_states(
        self, states: Mapping[str, PaperState], named: Mapping[str, Paper] | None = None
    ) -> Change:
        """Restore states read from a JSON export (undoable); ``named``: its papers' titles.

        The decisions it keeps are read under the write's lock (read before, a ``different``
        another process wrote meanwhile was lost).
        """
        given = dict(states)
        with self._mutex:
            restore = state_ops.restoring(given)  # each paper's decisions read as it is written
            record = self._store.update(list(given), restore, label="import state")
            if named:  # papers no list holds here keep the names the export gives them
                orphans.remember(self._catalog_store, self.catalog.by_id, named, now_iso())
        return results.Change.of(record, "import state", list(given))

    def merge(
        self, other: Path, *, base: Path | None = None, dry_run: bool = False, archive: bool = False
    ) -> MergeReport:
        """Merge another copy in as one undoable change; ``archive`` then moves it to backups/."""
        from papershelf.services import merging  # with the command, not at start

        return merging.merge_into(self._store, other, base=base, dry_run=dry_run, archive=archive)

    def merge_copies(
        self, copies: Sequence[Path], *, dry_run: bool = False
    ) -> list[MergeReport | CopyFailure]:
        """Merge conflict copies in turn; one that is no library is said, the rest merged."""
        from papershelf.services import merged_copies, merging

        done = merging.merge_copies(self._store, copies, dry_run=dry_run)
        stuck = [Path(d.other) for d in done if isinstance(d, merging.MergeReport) and d.not_moved]
        if stuck:  # merged, but left beside the library: not offered at the next start
            with contextlib.suppress(OSError):  # only costs an offer of what is merged already
                merged_copies.remember(self.paths.settings, stuck)
        return done

    def conflict_copies(self) -> list[Path]:
        """Sync-folder conflict copies next to the library (Syncthing, Dropbox), to merge."""
        from papershelf.services import merging  # after the first frame, on the session's thread

        return merging.conflict_copies(self.paths.library)

    def copies_to_offer(self) -> list[Path]:
        """The conflict copies the app offers to merge: those not merged here already."""
        from papershelf.services import merged_copies

        return merged_copies.not_merged(self.paths.settings, self.conflict_copies())

    def orphans(self) -> list[str]:
        """Ids with state but no paper in the catalog (kept, never dropped)."""
        return orphans.orphan_ids(self.catalog.by_id, self.states())

    def orphan_papers(self) -> list[Paper]:
        """The orphans as last known (``(title unknown)`` for a state from another machine)."""
        retired = self._catalog_store.retired()
        return orphans.orphan_papers(self.catalog.by_id, self.states(), retired)

    def id_start_alone(self, ids: Iterable[str]) -> int:
        """Characters of each of ``ids`` that name it alone when cut with ``…`` (``resolve``)."""
        everyone = sorted({*self.catalog.by_id, *self.states()})  # the catalog and the orphans
        return start_alone(ids, everyone)

    def notices(self) -> list[str]:
        """What the library repaired on its own since the last call (say each once)."""
        with self._mutex:
            said, self._catalog_store.notices = self._catalog_store.notices, []
            return said

    def check(self) -> list[str]:
        """Problems ``papershelf doctor`` reports; [] when the library is sound."""
        return self._store.check()


__all__ = ["Library", "Link"]
