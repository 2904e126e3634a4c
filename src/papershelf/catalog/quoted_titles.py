"""A plain title in quotation marks: ``**"Support-Vector Networks" (1995)**``.

Lists of classics write each title in quotes, bold, with its year after it. The quotes are
the writer's way of saying "this is a work's title", not part of it: a careful reader drops
them and takes even a two-word title (``"Mask R-CNN"``) for a paper's, not a topic's.
"""

from __future__ import annotations

_PAIRS = {'"': '"', "“": "”", "«": "»"}


def unquoted(text: str) -> str | None:
    """The words inside the quotes that wrap all of ``text``, else None."""
    close = _PAIRS.get(text[:1])
    if close is None or len(text) < 3 or text[-1] != close:
        return None
    inner = text[1:-1]
    if '"' in inner or "“" in inner or "”" in inner or not inner.strip():
        return None  # '"A" and "B"': two quoted names, not one title
    return inner.strip()
