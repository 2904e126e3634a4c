"""Text that wraps at spaces and after hyphens and slashes: ids, DOIs and list names.

Rich wraps only at spaces and folds a longer word wherever the width ends, so a narrow pane
showed ``asplos2025-conce`` / ``rto-automatic-2a``. An id reads (and is copied by eye) far
better as ``asplos2025-concerto-`` / ``automatic-2a0a``; only a run with no break in it that
is wider than the column is still folded.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

_PIECE = re.compile(r"[^ \t\n/-]*[/-]*[ \t\n]*")
"""A word up to and with its trailing hyphens or slashes, then spaces: what a line may end on.

A no-break space is part of a word: ``line\u00a011`` stays on one line."""


_AT_NO_BREAK_SPACE = re.compile(r"[^\u00a0]*\u00a0*")
"""A run up to and with its no-break spaces: where a run too wide for the line may break."""


def pieces(plain: str) -> list[str]:
    """``plain`` cut where a line may break; the pieces join back to ``plain``."""
    return [piece for piece in _PIECE.findall(plain) if piece]


def _fitting(plain: str, width: int) -> list[tuple[str, bool]]:
    """``pieces``, each with whether it must start a line.

    A piece wider than ``width`` with no-break spaces in it (a person's name too long for the
    column) starts a line of its own and breaks between its words, not inside one.
    """
    cut: list[tuple[str, bool]] = []
    for piece in pieces(plain):
        if "\u00a0" in piece and cell_len(piece.rstrip()) > width:
            parts = [part for part in _AT_NO_BREAK_SPACE.findall(piece) if part]
            cut.extend((part, at == 0) for at, part in enumerate(parts))
        else:
            cut.append((piece, False))
    return cut


def _fold(piece: str, width: int) -> list[int]:
    """Lengths of the chunks of ``piece`` (no break in it) that each fit in ``width`` cells."""
    chunks: list[int] = []
    start = used = 0
    for index, char in enumerate(piece):
        size = get_character_cell_size(char)
        if used + size > width and index > start:
            chunks.append(index - start)
            start, used = index, 0
        used += size
    chunks.append(len(piece) - start)
    return chunks


def break_offsets(plain: str, width: int) -> list[int]:
    """Where the lines of ``plain`` start (after the first), filling each line greedily.

    A line ends after a space, a hyphen or a slash; a piece wider than ``width`` on its own
    is folded. Spaces at a line's end do not count against its width.
    """
    width = max(1, width)
    offsets: list[int] = []
    position = used = 0
    for piece, starts_line in _fitting(plain, width):
        shown = cell_len(piece.rstrip())
        if used and (starts_line or used + shown > width):
            offsets.append(position)
            used = 0
        if shown > width:
            chunks = _fold(piece.rstrip(), width)
            for chunk in chunks[:-1]:
                position += chunk
                offsets.append(position)
            last = piece[sum(chunks[:-1]) :]
            used = cell_len(last)
            position += len(last)
            continue
        used += cell_len(piece)
        position += len(piece)
    return offsets


class BreakingText:
    """A ``Text`` (its styles kept) wrapped by ``break_offsets`` at the width it is given."""

    def __init__(self, text: Text | str) -> None:
        self.text = text if isinstance(text, Text) else Text(text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        offsets = break_offsets(self.text.plain, options.max_width)
        for line in self.text.divide(offsets):
            line.rstrip()
            # Shown and copied as a plain space: it only kept the words together.
            line.plain = line.plain.replace("\u00a0", " ")
            line.end = "\n"
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        widest = max((cell_len(piece.rstrip()) for piece in pieces(plain)), default=0)
        return Measurement(min(widest, options.max_width), cell_len(plain))
