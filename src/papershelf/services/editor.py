"""Editing a note in the user's own editor, the same way from the CLI and from the app."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path
from shutil import which

from papershelf.errors import UsageError

EDITOR_FAILED = "the editor exited with an error; note left unchanged"
"""What ``note --edit`` and the app's ``e`` say when the editor exits non-zero."""


def editor_command() -> list[str]:
    """``$VISUAL``, then ``$EDITOR``, then ``vi`` (``nano`` where vi is absent)."""
    for var in ("VISUAL", "EDITOR"):
        value = os.environ.get(var, "").strip()
        if value:
            return shlex.split(value)
    return [next((e for e in ("vi", "nano") if which(e)), "vi")]


def keep_unsaved(data: bytes) -> Path:
    """A copy of text the user typed that could not be saved, so it is never lost."""
    fd, name = tempfile.mkstemp(prefix="papershelf-note-unsaved-", suffix=".md")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return Path(name)


def edit_text(initial: str) -> str | None:
    """Run the editor on a temp copy of ``initial``; the edited text, or None if it failed.

    The temp file ends with a newline, so a line an editor or script appends never joins the
    note's last line; the trailing newlines editors add are not kept. A non-zero exit keeps
    the old note (None). An edit that is not UTF-8 is kept in a file the error names.
    """
    fd, name = tempfile.mkstemp(prefix="papershelf-note-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(initial if not initial or initial.endswith("\n") else initial + "\n")
        command = editor_command()
        try:
            code = subprocess.call([*command, str(path)])
        except OSError as exc:
            raise UsageError(f"cannot start the editor {command[0]!r}: {exc}") from exc
        if code != 0:
            return None
        raw = path.read_bytes()
        try:
            edited = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            kept = keep_unsaved(raw)
            raise UsageError(
                f"the edited note is not UTF-8 text (byte {exc.start}); note left unchanged, "
                f"your text is kept in {kept}"
            ) from None
    finally:
        path.unlink(missing_ok=True)
    if edited.rstrip("\n") == initial.rstrip("\n"):
        return initial
    return edited.rstrip("\n")
