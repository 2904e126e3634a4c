"""Commands on the catalog and the library: import, update, forget, export, enrich, merge.

None is one of the user's own state changes (``commands``): none is retried or kept across
restarts; each reports what it did in its ``Outcome``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from papershelf.domain.models import PaperState
from papershelf.services.command_base import Command, Outcome
from papershelf.services.library import Library

if TYPE_CHECKING:
    from papershelf.services.url_lists import FetchedList


@dataclass(frozen=True, slots=True)
class Import(Command):
    """Import list files and lists at URLs (fetched first: a network failure stores nothing)."""

    files: tuple[Path, ...] = ()
    venue: str | None = None
    urls: tuple[str, ...] = ()
    kind: ClassVar[str] = "import"

    def run(self, library: Library) -> Outcome:
        from papershelf.services.url_lists import import_urls

        reports = library.import_lists(list(self.files), venue=self.venue) if self.files else []
        if self.urls:
            reports += import_urls(library, self.urls, venue=self.venue, dry_run=False).strict()
        return Outcome(reports=tuple(reports), catalog_changed=True)


@dataclass(frozen=True, slots=True)
class FetchFollowed(Command):
    """Fetch the lists imported from URLs: the network half of an update.

    The app runs it beside the ordered writer, so the user's changes never wait for a server.
    """

    names: tuple[str, ...] = ()
    kind: ClassVar[str] = "fetch"

    def run(self, library: Library) -> Outcome:
        from papershelf.services.url_lists import fetch_followed

        return Outcome(fetched=tuple(fetch_followed(library, self.names)))


@dataclass(frozen=True, slots=True)
class Update(Command):
    """Re-import the followed lists whose text changed (``papershelf update``'s work).

    ``fetched``: what a ``FetchFollowed`` brought (else this fetches them first). A list that
    cannot be fetched or read now is kept as it was, and the others are updated all the same.
    """

    names: tuple[str, ...] = ()
    fetched: tuple[FetchedList, ...] | None = None
    kind: ClassVar[str] = "update"

    def run(self, library: Library) -> Outcome:
        from papershelf.services.url_lists import fetch_followed, import_followed

        fetched = self.fetched
        if fetched is None:
            fetched = tuple(fetch_followed(library, self.names))
        updates = tuple(import_followed(library, fetched, dry_run=False))
        changed = any(u.report is not None for u in updates)
        return Outcome(updates=updates, catalog_changed=changed)


@dataclass(frozen=True, slots=True)
class Forget(Command):
    """``exact``: the app's, naming a list it showed (``forgetting.find_list``)."""

    name: str
    exact: bool = False
    kind: ClassVar[str] = "forget"

    def run(self, library: Library) -> Outcome:
        forgotten = library.forget(self.name, exact=self.exact)
        return Outcome(forgotten=forgotten, catalog_changed=True)


@dataclass(frozen=True, slots=True)
class ReplaceStates(Command):
    """Restore states read from a JSON export, as one undoable change."""

    states: Mapping[str, PaperState] = field(default_factory=dict)
    kind: ClassVar[str] = "import-state"

    @property
    def paper_ids(self) -> tuple[str, ...]:
        return tuple(self.states)

    def run(self, library: Library) -> Outcome:
        return Outcome(library.replace_states(self.states))


@dataclass(frozen=True, slots=True)
class Export(Command):
    """Write the given papers to a file, after every change submitted before it."""

    fmt: str
    path: Path
    ids: tuple[str, ...]
    overwrite: bool = False
    kind: ClassVar[str] = "export"

    def run(self, library: Library) -> Outcome:
        papers = [library.paper(pid) for pid in self.ids]
        count = library.export(self.fmt, papers, self.path, overwrite=self.overwrite)
        return Outcome(exported=int(count))


@dataclass(frozen=True, slots=True)
class Enrich(Command):
    """Look papers up in the enrichment sources; touches no state (network: a worker's job).

    Not retried and not kept across restarts: a failed lookup is reported, and the next
    run resumes from the cache.
    """

    ids: tuple[str, ...]
    sources: tuple[str, ...] | None = None
    refresh: bool = False
    offline: bool = False
    kind: ClassVar[str] = "enrich"

    def run(self, library: Library) -> Outcome:
        report = library.enrich(
            self.ids, sources=self.sources, refresh=self.refresh, offline=self.offline
        )
        found = library.enrichments()
        return Outcome(enriched=report, enrichments={i: found[i] for i in self.ids if i in found})


@dataclass(frozen=True, slots=True)
class MergeCopies(Command):
    """Merge sync-folder conflict copies of the library, each as one undoable change."""

    copies: tuple[Path, ...] = ()
    kind: ClassVar[str] = "merge"

    def run(self, library: Library) -> Outcome:
        from papershelf.services.merging import MergeReport  # with the merge, not at start

        done = library.merge_copies(self.copies)
        reports = tuple(d for d in done if isinstance(d, MergeReport))
        failed = tuple(d for d in done if not isinstance(d, MergeReport))
        return Outcome(merged=reports, merge_failures=failed)


@dataclass(frozen=True, slots=True)
class Reload(Command):
    """Read the states again (after another screen or process changed them); writes nothing."""

    kind: ClassVar[str] = "reload"

    def run(self, library: Library) -> Outcome:
        return Outcome()


@dataclass(frozen=True, slots=True)
class FindDuplicates(Command):
    """Which papers look like this one (the detail pane's "possible duplicate"); reads only."""

    paper_id: str
    kind: ClassVar[str] = "find duplicates"

    def run(self, library: Library) -> Outcome:
        return Outcome(duplicates=tuple(d.b for d in library.duplicates_of(self.paper_id)))
