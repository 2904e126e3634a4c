"""Typed changes to the user's data: frozen values that the session runs in order.

Each command says how it changes one paper's state (``preview``, for a screen that shows a
change before it is written) and how the Library carries it out (``run``). The user's own
changes (status, star, note, tags) are ``retried``: they are never dropped while the app runs and
are kept in the pending-changes file when they cannot be written before it stops.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from papershelf.domain import state_ops
from papershelf.domain.models import PaperState, Status
from papershelf.domain.tags import clean_tag
from papershelf.services.command_base import Command, Outcome
from papershelf.services.library import Library
from papershelf.services.library_commands import (
    Enrich,
    Export,
    FetchFollowed,
    FindDuplicates,
    Forget,
    Import,
    MergeCopies,
    Reload,
    ReplaceStates,
    Update,
)
from papershelf.services.results import HistoryEntry

__all__ = [
    "AddTags",
    "AppendNote",
    "Command",
    "Enrich",
    "Export",
    "FetchFollowed",
    "FindDuplicates",
    "Forget",
    "Import",
    "MergeCopies",
    "Outcome",
    "Redo",
    "Reload",
    "RemoveTags",
    "ReplaceStates",
    "SameAs",
    "SetNote",
    "SetStar",
    "SetStatus",
    "Undo",
    "Update",
    "command_from_json",
]


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
    """Undo the newest change; with ``only``, just when the newest is that change record.

    ``here`` (the app's ``u``): a change another window or command made while the app was
    open is left alone the first time (``undo_here``), then taken back when ``confirmed``
    names it. The log is the library's; taking back someone else's typing unasked is not.
    """

    only: int | None = None
    here: bool = False
    confirmed: int | None = None
    kind: ClassVar[str] = "undo"

    def run(self, library: Library) -> Outcome:
        version = library.catalog_version
        change = library.undo(only=self.only)  # undoing a same/different changes the catalog
        return Outcome(change, catalog_changed=library.catalog_version != version)


def undo_here(library: Library, undo: Undo, own: Collection[int], opened: str) -> Outcome:
    """``undo`` of the app that made the changes ``own`` and opened at ``opened``."""
    newest = library.newest_change()
    asks = newest is not None and newest.seq not in own and newest.at >= opened  # to the second
    return _offered(newest, undo.confirmed, asks, lambda seq: Undo(only=seq).run(library))


def _offered(
    record: HistoryEntry | None,
    confirmed: int | None,
    asks: bool,
    act: Callable[[int], Outcome],
) -> Outcome:
    """``act`` on ``record`` unless it ``asks`` first; a ``confirmed`` offer for it alone.

    An offer undone or outrun elsewhere meanwhile is never taken as another in its place.
    """
    if confirmed is not None and (record is None or record.seq != confirmed):
        return Outcome(offer_gone=True)
    if record is None:
        return Outcome()
    if asks and record.seq != confirmed:
        return Outcome(elsewhere=record)
    return act(record.seq)  # ``only``: unless another process changed the log meanwhile


@dataclass(frozen=True, slots=True)
class Redo(Command):
    """Redo the change undone last; ``only``, ``here`` and ``confirmed`` as ``Undo``'s.

    ``here`` (the app's ``U``): a change undone anywhere but in this app (another window or
    command, whoever made it) is left alone the first time, as ``u`` leaves one (``redo_here``).
    """

    only: int | None = None
    here: bool = False
    confirmed: int | None = None
    kind: ClassVar[str] = "redo"

    def run(self, library: Library) -> Outcome:
        version = library.catalog_version
        change = library.redo(only=self.only)
        return Outcome(change, catalog_changed=library.catalog_version != version)


def redo_here(library: Library, redo: Redo, undid: Mapping[int, str | None]) -> Outcome:
    """``redo`` of the app that undid the changes ``undid`` itself (and has not redone them).

    Who undid the change decides, not when it was made: one made before the app opened, or by
    the app itself, but undone by another process, is named first all the same; so is one
    the app undid that another process then redid and undid again (the undo's mark differs).
    """
    undone = library.next_redo()
    asks = undone is not None and (undone.seq not in undid or undid[undone.seq] != undone.undone_by)
    return _offered(undone, redo.confirmed, asks, lambda seq: Redo(only=seq).run(library))


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
