"""What the paper keys do besides changing state: clipboard text, $EDITOR, export files.

Kept out of the screen so each can be tested without a terminal.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from papershelf.domain.models import Paper, PaperState
from papershelf.errors import UsageError, WriteError
from papershelf.export import render
from papershelf.tui.display import clean, openable_url


def title_and_link(paper: Paper) -> str:
    """Title and main link on two lines, for ``y``; a link no browser should open is left out."""
    title = clean(paper.title)
    link = paper.main_link
    url = openable_url(link.url) if link else None
    return f"{title}\n{url}" if url else title


def editor_command() -> list[str]:
    """``$VISUAL``, then ``$EDITOR``, then ``vi``; split like a shell would."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            return shlex.split(value)
    return ["vi"]


def edit_in_editor(text: str, paper: Paper) -> str | None:
    """Run the editor on a temp copy of ``text``; the edited text, or None when it failed.

    The caller suspends the app around this. A non-zero exit or an unreadable file keeps the
    old note (None): an editor crash never empties a note.
    """
    folder = Path(tempfile.mkdtemp(prefix="papershelf-note-"))
    path = folder / f"{paper.id[:16]}.md"
    try:
        path.write_text(text, encoding="utf-8")
        try:
            result = subprocess.run([*editor_command(), str(path)], check=False)
        except OSError as exc:
            raise UsageError(f"cannot run the editor {editor_command()[0]!r}: {exc}") from exc
        if result.returncode != 0:
            return None
        try:
            edited = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
    finally:
        path.unlink(missing_ok=True)
        folder.rmdir()
    # Editors add a final newline; it is not a change.
    if edited.rstrip("\n") == text.rstrip("\n"):
        return text
    return edited.rstrip("\n")


def export_file(
    path: Path, fmt: str, papers: Sequence[Paper], states: Mapping[str, PaperState]
) -> int:
    """Write an export to a new file (never over an existing one); returns papers written."""
    at = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    text = render(fmt, papers, states, exported_at=at)
    try:
        with path.open("x", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except FileExistsError as exc:
        raise WriteError(f"{path} exists: nothing was overwritten") from exc
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return len(papers)
