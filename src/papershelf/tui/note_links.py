"""The links written in a note, for the keyboard: ``O`` offers them beside the paper's own.

A rendered note's links open with the mouse; a keyboard-first app must reach them too. They
are read by the parser the note is rendered with (markdown-it's ``gfm-like``, as Textual's
Markdown widget), so what counts as a link is what the note shows as one: ``[text](url)``,
``<url>`` and bare addresses.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt

from papershelf.domain.models import Link

NOTE_KIND = "note"
"""The kind the picker shows for a note's link."""


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("gfm-like")


def note_links(note: str) -> list[Link]:
    """Each distinct link target of ``note``, in order, as a ``note`` link."""
    found: dict[str, None] = {}
    for block in _parser().parse(note):
        for token in block.children or ():
            href = token.attrGet("href") if token.type == "link_open" else None
            if isinstance(href, str) and href:
                found.setdefault(href, None)
    return [Link(NOTE_KIND, href) for href in found]
