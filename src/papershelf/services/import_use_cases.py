"""The Library's use cases of importing lists: files, and the text of each fetched list.

A base class, so the Library module stays one read; ``Library`` inherits them and they rely
on its lock, catalog store, catalog and states, and the app's ``ChildParser``.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from papershelf.deferred import deferred
from papershelf.domain.clock import now_exact
from papershelf.domain.models import PaperState, ParsedList
from papershelf.services import sameness
from papershelf.services.parse_child import ChildParser
from papershelf.storage.catalog_store import Catalog, CatalogStore

if TYPE_CHECKING:  # with the command, not at start
    from papershelf.catalog.match_keys import ShareSource
    from papershelf.services import import_batch, importing
    from papershelf.services.importing import ImportProgressFn, StageFn
    from papershelf.services.parse_ahead import Ahead
    from papershelf.services.results import ImportReport
else:
    import_batch = deferred("papershelf.services.import_batch")
    importing = deferred("papershelf.services.importing")

Origin = tuple[str, str] | None
"""(URL, list name) of a list fetched by ``url_lists``; the path is then its file name."""


class ImportUseCases:
    """``import_lists``, ``import_files`` and the import of one list's text."""

    _mutex: threading.RLock
    _catalog_store: CatalogStore
    _child: ChildParser | None
    left_to_exit: list[object] | None

    @property
    def catalog(self) -> Catalog:
        raise NotImplementedError

    def states(self) -> Mapping[str, PaperState]:
        raise NotImplementedError

    def _set_catalog(self, catalog: Catalog) -> None:
        raise NotImplementedError

    def import_lists(
        self,
        files: Sequence[Path],
        *,
        venue: str | None = None,
        dry_run: bool = False,
        progress: ImportProgressFn | None = None,
    ) -> list[ImportReport]:
        """The reports, or ``ListError`` naming each file that was no list (after the others)."""
        batch = self.import_files(files, venue=venue, dry_run=dry_run, progress=progress)
        return batch.strict(dry_run=dry_run)

    def import_files(
        self,
        files: Sequence[Path],
        *,
        venue: str | None = None,
        dry_run: bool = False,
        progress: ImportProgressFn | None = None,
        parse_ahead: bool = False,
        started: dict[str, Ahead] | None = None,
    ) -> import_batch.ImportBatch:
        """Import (or re-import) each file; one that is no list is skipped, with its reason.

        The others are imported, each list whole or not at all.

        ``progress(done, total, label)`` is called as each step of each list starts.
        ``parse_ahead`` (the command line's): a big list is parsed on another core while the
        catalog loads (``services.parse_ahead``), never from the app's worker threads (the
        app's lists are parsed in its ``ChildParser`` instead, when it has one).
        ``started``: those parses the command began before the library loaded, by path (each
        is taken once, and its text is the one imported).
        """
        from papershelf.catalog.source import read_list_file
        from papershelf.services import parse_ahead as ahead_of

        paths = [Path(f) for f in files]
        names = [p.name for p in paths]  # what the parser and the progress bar call each list
        with self._mutex, self._catalog_store.keeping_rows():
            stages, at = importing.stage_reporters(progress, names), now_exact()

            def one(n: int) -> ImportReport:
                path = paths[n]
                importing.require_utf8_name(path)
                ahead = (started or {}).pop(str(path), None)
                if ahead is None:
                    text = read_list_file(path)
                    ahead = ahead_of.parse_ahead(
                        text, source=path.name, venue=venue, start=parse_ahead
                    )
                parse = ahead.result
                if not ahead.started:  # the app's lists parse in its child process
                    parse = self.parse_elsewhere(ahead.text, path.name, venue) or parse
                try:
                    return self._import_one(
                        path,
                        ahead.text,
                        venue=venue,
                        dry_run=dry_run,
                        stage=stages[n],
                        at=at,
                        parse=parse,
                        prepare=ahead.ready if ahead.started else None,
                        share=ahead if ahead.started else None,
                    )
                finally:
                    ahead.close()

            try:
                batch = import_batch.import_each([str(p) for p in paths], one, names)
            finally:
                self.parsed_elsewhere_done()
            importing.report_done(progress, len(paths))
            return batch

    def parse_elsewhere(
        self, text: str, name: str, venue: str | None
    ) -> Callable[[], ParsedList] | None:
        """The app's parse of a list, in its child process: None where there is none.

        A parse holds the interpreter a second per 10,000 entries; in the app's own process
        (a worker thread) it would stall the screen and the keys as long.
        """
        if self._child is None:
            return None
        return functools.partial(self._child, text, source=name, venue=venue)

    def parsed_elsewhere_done(self) -> None:
        """Imports are rare: the child's memory back until the next (which starts another)."""
        if self._child is not None:
            self._child.close()

    def _import_one(
        self,
        path: Path,
        text: str,
        *,
        venue: str | None,
        dry_run: bool,
        origin: Origin = None,
        stage: StageFn | None = None,
        at: str | None = None,
        parse: Callable[[], ParsedList] | None = None,
        prepare: Callable[[], bool] | None = None,
        share: ShareSource | None = None,
    ) -> ImportReport:
        """One list's text (``url_lists`` fetches them), its ``parse`` maybe begun; reloads."""
        store = self._catalog_store
        with self._mutex, store.keeping_rows():
            before = self.catalog
            report = importing.import_one(
                store,
                self.catalog,
                path,
                text,
                venue=venue,
                dry_run=dry_run,
                origin=origin,
                stage=stage,
                different=sameness.different_pairs(self.states()),
                parse=parse,
                prepare=prepare,
                keep=self.left_to_exit,
                share=share,
            )
            if not dry_run:
                if stage is not None:
                    stage(importing.IMPORT_STAGES.index("loading"), "loading")
                self._set_catalog(store.load())
                report = importing.settle(report, store, before, self.catalog, self.states(), at)
            return report
