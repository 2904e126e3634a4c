"""How papers look on screen: glyphs, bars and cleaned text, shared by every widget.

User data (titles, authors, notes) only ever reaches the screen through ``clean`` and rich
``Text`` objects, never through markup, so ``[bold]`` or an escape sequence shows as typed.
"""

from __future__ import annotations

from papershelf.domain.links import web_url
from papershelf.domain.text import sanitize

NO_STAR = " "
BAR_FULL = "▰"
BAR_EMPTY = "▱"


def clean(text: str) -> str:
    """One line, no controls, no escapes: safe to hand to a Text object."""
    return " ".join(sanitize(text).split())


def clean_block(text: str) -> str:
    """Like ``clean`` but keeps line breaks (notes)."""
    return sanitize(text, multiline=True)


def bar(done: int, total: int, width: int = 6) -> str:
    """A thin text progress bar; glyph shapes, not colour, carry it (works with NO_COLOR)."""
    if total <= 0:
        return BAR_EMPTY * width
    filled = round(width * done / total)
    if done and not filled:
        filled = 1
    return BAR_FULL * filled + BAR_EMPTY * (width - filled)


def openable_url(url: str) -> str | None:
    """The URL to hand to a browser: http(s) only, ``doi:`` mapped to https; else None."""
    web = web_url(url)
    if web is None or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in web):
        return None
    return web
