"""Typed changes to the user's data: frozen values that the session runs in order.

Each command says how it changes one paper's state (``preview``, for a screen that shows a
change before it is written) and how the Library carries it out (``run``). The user's own
changes (status, star, note, tags) are ``retried``: they are never dropped while the app runs and
are kept in the pending-changes file when they cannot be written before it stops.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from papershelf.domain import state_ops
from papershelf.domain.enrichment import Enrichment
from papershelf.domain.models import Paper, PaperState, Status
from papershelf.domain.tags import clean_tag
from papershelf.services.library import Change, ImportReport, Library

if TYPE_CHECKING:  # reports of commands a start does not run: their modules load with them
    from papershelf.services.enrich.report import EnrichReport
    from papershelf.services.forgetting import ForgetReport
    from papershelf.services.merging import MergeReport


@dataclass(frozen=True, slots=True)
class Outcome:
    """What running a command did: the state change, and for catalog commands their report."""

    change: Change | None = None
    reports: tuple[ImportReport, ...] = ()
    forgotten: ForgetReport | None = None
    catalog_changed: bool = False
    exported: int | None = None
    """Papers written by an ``Export``."""
    enriched: EnrichReport | None = None
    merged: tuple[MergeReport, ...] = ()
    """What merging conflict copies did (``MergeCopies``)."""
    duplicates: tuple[Paper, ...] | None = None
    """The papers a ``FindDuplicates`` found alike to its paper, most alike first."""
    enrichments: Mapping[str, Enrichment] | None = None
    """What is known now about the papers an ``Enrich`` looked up (for the screen)."""
    """What an ``Enrich`` found."""


@dataclass(frozen=True, slots=True)
class Command:
    """A request to the Library; subclasses are the only ways the data changes."""

    retried: ClassVar[bool] = False
    """True for the user's own changes: retried until written, never dropped."""
    kind: ClassVar[str] = "command"

    @property
    def paper_ids(self) -> tuple[str, ...]:
        return ()

    def preview(self, state: PaperState, at: str) -> PaperState:
        """The state as it will be once written; commands that touch no state return it."""
        return state

    def run(self, library: Library) -> Outcome:
        raise NotImplementedError

    def to_json(self) -> dict[str, Any]:
        """The pending-changes file's form of a retried command."""
        raise NotImplementedError(f"{self.kind} is not kept across restarts")


@dataclass(frozen=True, slots=True)
class SetStatus(Command):
    ids: tuple[str, ...]
    status: Status
    retried: ClassVar[bool] = True
    kind: ClassVar[str] = "status"

    @property
    def paper_ids(self) -> tuple[str, ...]:
        return self.ids

    def preview(self, state: PaperState, at: str) -> PaperState:
        return state_ops.with_status(state, self.status, at)

    def run(self, library: Library) -> Outcome:
        return Outcome(library.set_status(self.ids, self.status))

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "ids": list(self.ids), "status": self.status.value}


@dataclass(frozen=True, slots=True)
class SetStar(Command):
    ids: tuple[str, ...]
    starred: bool
    retried: ClassVar[bool] = True
    kind: ClassVar[str] = "star"

    @property
    def paper_ids(self) -> tuple[str, ...]:
        return self.ids

    def preview(self, state: PaperState, at: str) -> PaperState:
        return state_ops.with_star(state, self.starred)

    def run(self, library: Library) -> Outcome:
        return Outcome(library.set_starred(self.ids, self.starred))

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "ids": list(self.ids), "starred": self.starred}


@dataclass(frozen=True, slots=True)
class SetNote(Command):
    """Replace a note; ``base`` is the text the editor started from (changes since are merged)."""

    paper_id: str
    text: str
    base: str | None = None
    retried: ClassVar[bool] = True
    kind: ClassVar[str] = "note"

    @property
    def paper_ids(self) -> tuple[str, ...]:
        return (self.paper_id,)

    def preview(self, state: PaperState, at: str) -> PaperState:
        return state_ops.with_merged_note(state, self.text, self.base, at)

    def run(self, library: Library) -> Outcome:
        return Outcome(library.set_note(self.paper_id, self.text, base=self.base))

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.paper_id, "text": self.text, "base": self.base}


@dataclass(frozen=True, slots=True)
class _TagCommand(Command):
    """Tags on papers; cleaned when the command is made (``ValueError`` if one is unusable)."""

    ids: tuple[str, ...]
    tags: tuple[str, ...]
    retried: ClassVar[bool] = True

    def __post_init__(self) -> None:
        _clean_tags(self)

    @property
    def paper_ids(self) -> tuple[str, ...]:
        return self.ids

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "ids": list(self.ids), "tags": list(self.tags)}


@dataclass(frozen=True, slots=True)
class AddTags(_TagCommand):
    """Tag papers.

    ``preview`` shows the tags as given: the app spells them by ``domain.tags.tags_to_write``,
    the Library's own rule (a known tag in its known case), so its view matches the write.
    """

    kind: ClassVar[str] = "add-tags"

    def preview(self, state: PaperState, at: str) -> PaperState:
        return state_ops.with_tags_added(state, self.tags)

    def run(self, library: Library) -> Outcome:
        return Outcome(library.add_tags(self.ids, self.tags))


@dataclass(frozen=True, slots=True)
class RemoveTags(_TagCommand):
    """Take tags off papers, in any case."""

    kind: ClassVar[str] = "remove-tags"

    def preview(self, state: PaperState, at: str) -> PaperState:
        return state_ops.with_tags_removed(state, self.tags)

    def run(self, library: Library) -> Outcome:
        return Outcome(library.remove_tags(self.ids, self.tags))


def _clean_tags(command: _TagCommand) -> None:
    """Clean a tag command's tags as it is made; ``ValueError`` when one is unusable.

    A retried command is retried until written, so one that could never succeed (an empty
    or overlong tag) must not be made at all: the prompt shows the error instead.
    """
    if not command.tags:
        raise ValueError("no tag given")
    object.__setattr__(command, "tags", tuple(clean_tag(t) for t in command.tags))


@dataclass(frozen=True, slots=True)
class AppendNote(Command):
    paper_id: str
    text: str
    kind: ClassVar[str] = "append-note"

    @property
    def paper_ids(self) -> tuple[str, ...]:
        return (self.paper_id,)

    def preview(self, state: PaperState, at: str) -> PaperState:
        sep = "" if not state.note or state.note.endswith("\n") else "\n"
        return state_ops.with_note(state, state.note + sep + self.text, at)

    def run(self, library: Library) -> Outcome:
        return Outcome(library.append_note(self.paper_id, self.text))


@dataclass(frozen=True, slots=True)
class Undo(Command):
    """Undo the newest change; with ``only``, just when the newest is that change record."""

    only: int | None = None
    kind: ClassVar[str] = "undo"

    def run(self, library: Library) -> Outcome:
        version = library.catalog_version
        change = library.undo(only=self.only)  # undoing a same/different changes the catalog
        return Outcome(change, catalog_changed=library.catalog_version != version)


@dataclass(frozen=True, slots=True)
class Redo(Command):
    kind: ClassVar[str] = "redo"

    def run(self, library: Library) -> Outcome:
        version = library.catalog_version
        change = library.redo()
        return Outcome(change, catalog_changed=library.catalog_version != version)


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
class Forget(Command):
    name: str
    kind: ClassVar[str] = "forget"

    def run(self, library: Library) -> Outcome:
        return Outcome(forgotten=library.forget(self.name), catalog_changed=True)


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
        reports = tuple(library.merge(copy, archive=True) for copy in self.copies)
        return Outcome(merged=reports)


@dataclass(frozen=True, slots=True)
class Reload(Command):
    """Read the states again (after another screen or process changed them); writes nothing."""

    kind: ClassVar[str] = "reload"

    def run(self, library: Library) -> Outcome:
        return Outcome()


@dataclass(frozen=True, slots=True)
class SameAs(Command):
    """The reader says two ids are one paper; the older id answers for both (undoable)."""

    a: str
    b: str
    kind: ClassVar[str] = "same"

    @property
    def paper_ids(self) -> tuple[str, ...]:
        return (self.a, self.b)

    def run(self, library: Library) -> Outcome:
        return Outcome(library.same(self.a, self.b), catalog_changed=True)


@dataclass(frozen=True, slots=True)
class FindDuplicates(Command):
    """Which papers look like this one (the detail pane's "possible duplicate"); reads only."""

    paper_id: str
    kind: ClassVar[str] = "find duplicates"

    def run(self, library: Library) -> Outcome:
        return Outcome(duplicates=tuple(d.b for d in library.duplicates_of(self.paper_id)))


def command_from_json(data: Mapping[str, Any]) -> Command:
    """A retried command read back from the pending-changes file; ``ValueError`` if malformed."""
    try:
        kind = data["kind"]
        if kind == SetStatus.kind:
            return SetStatus(_ids(data["ids"]), Status(data["status"]))
        if kind == SetStar.kind:
            return SetStar(_ids(data["ids"]), bool(data["starred"]))
        if kind == AddTags.kind:
            return AddTags(_ids(data["ids"]), _ids(data["tags"]))
        if kind == RemoveTags.kind:
            return RemoveTags(_ids(data["ids"]), _ids(data["tags"]))
        if kind == SetNote.kind:
            base = data.get("base")
            return SetNote(
                _text(data["id"]), _text(data["text"]), None if base is None else _text(base)
            )
    except (KeyError, TypeError) as exc:
        raise ValueError(f"malformed change: {exc}") from None
    raise ValueError(f"unknown change kind {data.get('kind')!r}")


def _ids(value: object) -> tuple[str, ...]:
    """A list of strings (paper ids, tags) as a tuple."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of strings")
    return tuple(value)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("expected text")
    return value
