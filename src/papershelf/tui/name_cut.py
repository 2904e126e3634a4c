"""Names cut to fit the tree: the start and the end kept, so siblings stay told apart.

A name cut at its end loses what often tells siblings apart (``Synthetic A1 2030``,
``Synthetic A3 2030`` all read ``Synthetic A…``). Here a name too long keeps its start and a
short last number (a year); names that would still read alike keep their start and end around
a ``…`` placed where they differ. Pure, so it tests without a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

ELLIPSIS = "…"


def _head(text: str, cells: int) -> str:
    """The longest start of ``text`` that takes at most ``cells`` cells."""
    used = 0
    for i, char in enumerate(text):
        used += cell_len(char)
        if used > cells:
            return text[:i]
    return text


def _tail(text: str, cells: int) -> str:
    """The longest end of ``text`` that takes at most ``cells`` cells."""
    return _head(text[::-1], cells)[::-1]


def cut_middle(name: str, room: int, tail: int) -> str:
    """``name`` whole when it fits ``room`` cells, else its start, ``…`` and ``tail`` end cells."""
    if cell_len(name) <= room:
        return name
    if room < 1:
        return ""
    tail = max(0, min(tail, room - 1))
    return _head(name, room - 1 - tail) + ELLIPSIS + _tail(name, tail)


def default_tail(name: str, room: int) -> int:
    """End cells a name keeps alone: its last word when a short number (a year), else none.

    ``ASPLOS 2025`` in 8 cells reads ``ASP…2025``; ``quantization 8`` in 12 ``quantizat… 8``.
    A word of letters is cut off with the end (``Unknown ven…``): kept after a cut in the
    middle it read as two broken words (``Unkno… venue``).
    """
    _, space, last = name.rpartition(" ")
    if not space or not any(c.isdigit() for c in last) or cell_len(last) > room // 2:
        return 0
    return min(room // 2, cell_len(last) + 1)


def _clashes(names: Sequence[str], rooms: Sequence[int], tail: int) -> int:
    cut = [cut_middle(name, room, tail) for name, room in zip(names, rooms, strict=True)]
    return len(cut) - len(set(cut))


def shared_tail(names: Sequence[str], rooms: Sequence[int]) -> int:
    """End cells that keep ``names`` apart when each keeps that many: half a room if it can.

    Else the nearest split (the end's side first) that keeps them apart, or failing that the
    one that merges the fewest.
    """
    if not rooms:
        return 0
    middle = min(rooms) // 2  # an odd cell goes to the end: years and numbers sit there
    best, fewest = middle, _clashes(names, rooms, middle)
    for tail in sorted(range(max(rooms)), key=lambda t: (abs(t - middle), -t)):
        if not fewest:
            break
        clashes = _clashes(names, rooms, tail)
        if clashes < fewest:
            best, fewest = tail, clashes
    return best


def cut_siblings(names: Sequence[str], rooms: Sequence[int]) -> list[str]:
    """Each name of one group (a node's children) cut to its room, told apart where possible.

    Alone, a name keeps its start and a short last word (``default_tail``). Names that would
    read alike keep their start and end halves instead, the cut moved to where they differ
    (``shared_tail``); the others keep theirs. Should two such moves meet, the whole group
    shares one cut.
    """
    cut = [
        cut_middle(name, room, default_tail(name, room))
        for name, room in zip(names, rooms, strict=True)
    ]
    alike: dict[str, list[int]] = {}
    for i, shown in enumerate(cut):
        alike.setdefault(shown, []).append(i)
    for group in (g for g in alike.values() if len(g) > 1):
        tail = shared_tail([names[i] for i in group], [rooms[i] for i in group])
        for i in group:
            cut[i] = cut_middle(names[i], rooms[i], tail)
    if len(set(cut)) < len(cut):
        tail = shared_tail(names, rooms)
        cut = [cut_middle(name, room, tail) for name, room in zip(names, rooms, strict=True)]
    return cut
