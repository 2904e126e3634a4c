"""Switch one protection off, to see the hardening test that guards it fail.

``PAPERSHELF_SABOTAGE=<name> pytest tests/hardening`` runs the suite with the protection
``<name>`` replaced by the naive behaviour it guards against; children started through
``child.py`` inherit the variable and the sabotage. Nothing here runs in a normal test run.
docs/reliability.md lists which tests each name breaks.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

ENV = "PAPERSHELF_SABOTAGE"

SetAttr = Callable[[Any, str, Any], None]


def _forgiving_load(set_attr: SetAttr) -> None:
    """A damaged or newer file reads as an empty library, as naive storage does."""
    from papershelf.storage import json_storage, schema

    real = schema.load_document

    def load(raw: bytes) -> tuple[schema.Tables, int]:
        try:
            return real(raw)
        except (schema.CorruptError, schema.NewerSchemaError):
            return {}, schema.SCHEMA

    set_attr(json_storage, "load_document", load)


def _truncating_write(set_attr: SetAttr) -> None:
    """Truncate the file, then write it in pieces: TinyDB's default JSONStorage, slowed down."""
    from papershelf.storage import json_storage

    def write(path: Path, data: bytes, *, keep_open: bool = False) -> tuple[os.stat_result, int]:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.fsync(fd)
            for start in range(0, len(data), 16384):
                os.write(fd, data[start : start + 16384])
                os.fsync(fd)
            written = os.fstat(fd)
        finally:
            os.close(fd)
        return written, os.open(path, os.O_RDONLY) if keep_open else -1

    set_attr(json_storage, "atomic_write", write)


def _ignore_read_only(set_attr: SetAttr) -> None:
    """``os.replace`` swaps a read-only file happily (and root writes anything)."""
    from papershelf.storage import json_storage

    set_attr(json_storage, "is_read_only", lambda _path: False)


def _no_sanitize(set_attr: SetAttr) -> None:
    """Text from lists and notes reaches the terminal as it is."""
    from papershelf.cli import output
    from papershelf.domain import text

    never = re.compile(r"(?!)")
    set_attr(text, "_ESCAPE_SEQUENCE", never)
    set_attr(text, "_INVISIBLE", never)
    set_attr(output, "_json_escape", lambda match: match.group())


def _keep_all_links(set_attr: SetAttr) -> None:
    """Every link of a list is kept, whatever its scheme."""
    from papershelf.catalog import family_a, family_b, links, meta

    def keep(href: str) -> str | None:
        return href.strip() or None

    for module in (links, family_a, family_b, meta):
        set_attr(module, "normalize_url", keep)


def _no_size_cap(set_attr: SetAttr) -> None:
    """Read a list of any size."""
    from papershelf.catalog import source

    set_attr(source, "MAX_LIST_BYTES", 1 << 29)


def _lenient_decode(set_attr: SetAttr) -> None:
    """Decode anything: bad bytes become U+FFFD, NULs and BOM-less UTF-16 pass through."""
    from papershelf.catalog import source

    set_attr(source, "_decode", lambda _path, data: data.decode("utf-8", "replace"))


def _no_line_cap(set_attr: SetAttr) -> None:
    """Hand lines of any length to the markdown parser."""
    from papershelf.catalog import markdown_list

    set_attr(markdown_list, "MAX_LINE", 1 << 40)


def _no_link_cap(set_attr: SetAttr) -> None:
    """Keep every link of an entry."""
    from papershelf.catalog import links

    set_attr(links, "MAX_LINKS", 1 << 40)


def _no_lock(set_attr: SetAttr) -> None:
    """Writers do not wait for each other."""
    from papershelf.storage import lock

    set_attr(lock.WriteLock, "acquire", lambda self: None)
    set_attr(lock.WriteLock, "release", lambda self: None)


def _append_outside_lock(set_attr: SetAttr) -> None:
    """``note --append`` reads the note, then writes note + text: a read-modify-write race."""
    from papershelf.services.library import Library
    from papershelf.services.results import Change

    def append(self: Library, pid: str, text: str) -> Change:
        current = self.state(pid).note
        sep = "" if not current or current.endswith("\n") else "\n"
        return self.set_note(pid, current + sep + text)

    set_attr(Library, "append_note", append)


def _no_refresh(set_attr: SetAttr) -> None:
    """A process never re-reads the file once it has read it."""
    from papershelf.storage.json_storage import AtomicJSONStorage

    real = AtomicJSONStorage.refresh

    def refresh(self: AtomicJSONStorage) -> bool:
        if getattr(self, "_loaded", False):
            return False
        return bool(real(self))

    set_attr(AtomicJSONStorage, "refresh", refresh)


def _no_autosave(set_attr: SetAttr) -> None:
    """The note editor saves only when the user leaves it (or quits)."""
    from papershelf.tui.widgets import note_editor

    real_init = note_editor.NoteEditor.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        kwargs["autosave_seconds"] = 3600.0
        real_init(self, *args, **kwargs)

    set_attr(note_editor.NoteEditor, "__init__", init)


def _editor_opens_empty(set_attr: SetAttr) -> None:
    """The note editor shows a blank page before the note arrives, and saves the blank."""
    from papershelf.tui.widgets import note_editor

    real_open = note_editor.NoteEditor.open_note

    def open_note(self: Any, paper_id: str, text: str) -> None:
        real_open(self, paper_id, text)
        self.load_text("")

    set_attr(note_editor.NoteEditor, "open_note", open_note)


def _no_mkdir(set_attr: SetAttr) -> None:
    """Folders are never created: a fresh install has nowhere to write."""

    def mkdir(self: Path, mode: int = 0o777, parents: bool = False, exist_ok: bool = False) -> None:
        if not self.is_dir():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(self))

    set_attr(Path, "mkdir", mkdir)


def _whole_notes_in_log(set_attr: SetAttr) -> None:
    """Every undo record keeps the whole note before and after, as schema 1 did."""
    from papershelf.storage import state_store
    from papershelf.storage.deltas import state_delta

    def whole(before: Any, after: Any) -> dict[str, Any]:
        delta = state_delta(before, after)
        delta["note"] = [[0, before.note, after.note]]
        return delta

    set_attr(state_store, "state_delta", whole)


def _trust_cache(set_attr: SetAttr) -> None:
    """A ``catalog.json`` entry is used as it is, whatever its rows hold."""
    from papershelf.storage import catalog_store

    set_attr(catalog_store, "cache_entry_ok", lambda _entry: True)


def _raw_hand_added(set_attr: SetAttr) -> None:
    """The hand-added papers file is loaded as it is: no shape check, every link kept."""
    import orjson

    from papershelf.domain.models import Paper
    from papershelf.storage import catalog_store

    def raw(text: str, _where: str) -> list[Paper]:
        return [Paper.from_json(data) for data in orjson.loads(text)]

    set_attr(catalog_store, "manual_papers", raw)


def _raw_list_writes(set_attr: SetAttr) -> None:
    """Writes to ``lists/`` raise whatever the OS raises (an unexpected error, exit 1)."""
    from papershelf.storage import catalog_store
    from papershelf.storage.atomic import atomic_write_bytes

    def save(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)

    set_attr(catalog_store, "_save", save)


def _silent_nesting(set_attr: SetAttr) -> None:
    """Past markdown-it's nesting limit the rest of the list is dropped without a word."""
    from papershelf.catalog import blocks

    set_attr(blocks, "_text_after_nest", lambda _text, _line: False)


def _strict_link_parse(set_attr: SetAttr) -> None:
    """markdown-it's own link check: a ``javascript:`` link is text, and its entry vanishes."""
    from markdown_it import MarkdownIt

    from papershelf.catalog import blocks

    set_attr(blocks.ListMarkdown, "validateLink", MarkdownIt.validateLink)


def _keep_note_controls(set_attr: SetAttr) -> None:
    """Notes are stored as given: NUL, escapes and CR included."""
    from papershelf.services import library

    set_attr(library, "clean_note", lambda text: text)


def _no_note_merge(set_attr: SetAttr) -> None:
    """Saving a note replaces it, whatever was written elsewhere since the editor opened."""
    from papershelf.services import library

    set_attr(library, "merge_notes", lambda _base, _theirs, mine: mine)


def _markup_rendering(set_attr: SetAttr) -> None:
    """The detail pane hands titles and details to Rich as markup, not as plain Text."""
    from rich.text import Text

    from papershelf.tui.widgets import detail_pane

    def as_markup(text: str = "", style: str = "", **kwargs: Any) -> Text:
        return Text.from_markup(text, style=style, end=kwargs.get("end", "\n"))

    set_attr(detail_pane, "Text", as_markup)


SABOTAGES: dict[str, Callable[[SetAttr], None]] = {
    "forgiving-load": _forgiving_load,
    "truncating-write": _truncating_write,
    "ignore-read-only": _ignore_read_only,
    "no-sanitize": _no_sanitize,
    "keep-all-links": _keep_all_links,
    "no-size-cap": _no_size_cap,
    "lenient-decode": _lenient_decode,
    "no-line-cap": _no_line_cap,
    "no-link-cap": _no_link_cap,
    "no-lock": _no_lock,
    "append-outside-lock": _append_outside_lock,
    "no-refresh": _no_refresh,
    "no-autosave": _no_autosave,
    "editor-opens-empty": _editor_opens_empty,
    "no-mkdir": _no_mkdir,
    "whole-notes-in-log": _whole_notes_in_log,
    "trust-cache": _trust_cache,
    "raw-hand-added": _raw_hand_added,
    "raw-list-writes": _raw_list_writes,
    "silent-nesting": _silent_nesting,
    "strict-link-parse": _strict_link_parse,
    "keep-note-controls": _keep_note_controls,
    "no-note-merge": _no_note_merge,
    "markup-rendering": _markup_rendering,
}


def apply_from_env(set_attr: SetAttr) -> str | None:
    """Apply the sabotage ``$PAPERSHELF_SABOTAGE`` names (if any); return its name."""
    name = os.environ.get(ENV, "").strip()
    if not name:
        return None
    if name not in SABOTAGES:
        raise SystemExit(f"{ENV}={name!r}: unknown (known: {', '.join(SABOTAGES)})")
    SABOTAGES[name](set_attr)
    return name
