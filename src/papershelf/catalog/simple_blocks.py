"""markdown-it's block tokens for a list of headings, paragraphs and tight bullets, built directly.

Most big lists are ATX headings, one-line bullets nested by indentation and plain
paragraphs. markdown-it's block parser tries its rules at every line and re-reads each nested
item, which was about a third of a large import. ``block_tokens`` gives exactly the tokens
that parser makes for such a text and None for anything else (quotes, code, HTML blocks,
tables, thematic breaks, setext headings, ordered lists, loose lists, lazy or multi-line
items, tabs), which then goes through markdown-it as before. A property test checks the two
agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.common.utils import mdTrim
from markdown_it.token import Token

from papershelf.catalog.tokens import make_token

MAX_DEPTH = 20
"""Deeper lists go to markdown-it, whose own nesting limit then applies."""

_BULLET = re.compile(r"( *)([*+-])(?: (.*))?")
_HEADING = re.compile(r"(#{1,6})(?: (.*))?")
_ORDERED = re.compile(r" *[0-9]{1,9}[.)](?: |$)")
# A thematic break is a line that ends in three or more of one of ``*-_`` (spaces between):
# without such a line end anywhere, the ``hr`` rule cannot match either.
# One pattern per mark, each starting with its character (searched for alone, which is many
# times quicker than a pattern starting with a set or a multiline ``^`` or ``$``).
BREAK_LINE_ENDS = tuple(
    re.compile(rf"{m}[ \t]*{m}[ \t]*{m}[ \t]*(?=\n|\Z)") for m in map(re.escape, "*_-")
)
# A setext heading's underline is a line (inside a quote or list item too) of ``=`` or ``-``
# alone. Without one the ``lheading`` rule only fails; what it leaves behind when it fails
# (the parent type "paragraph") is read only by rules that set it again first.
_MARKS_AT_LINE_END = tuple(re.compile(rf"{m}[ \t]*(?=\n|\Z)") for m in "=-")


def may_underline(src: str) -> bool:
    """Whether a line ends in a run of ``=`` or ``-`` that starts the line's text."""
    for mark_at_end in _MARKS_AT_LINE_END:
        for found in mark_at_end.finditer(src):
            start = found.start()
            while start > 0 and src[start - 1] == src[found.start()]:
                start -= 1
            if start == 0 or src[start - 1] in " \t>\n":
                return True
    return False


# What only markdown-it reads right, besides breaks and underlines: tabs and other line
# controls, definitions, quotes, HTML, fences and table delimiter rows. The later lines'
# pattern starts with a newline, which the regex engine looks for alone (much quicker than
# ``^`` in multiline mode); the first line has its own.
_CONTROLS = "\t\r\x0b\x0c\x00"
_LINE_START = r" *(?:[><]|```|~~~)|[ :-]*\|[ |:-]*(?=\n|\Z)"
_FIRST_LINE = re.compile(_LINE_START)
_LATER_LINE = re.compile(r"\n(?:" + _LINE_START + ")")


def _plain(src: str) -> bool:
    """No line of ``src`` can start a block this parser does not make."""
    if "]:" in src or any(control in src for control in _CONTROLS):
        return False
    if _FIRST_LINE.match(src) is not None or _LATER_LINE.search(src) is not None:
        return False
    return not may_underline(src) and all(end.search(src) is None for end in BREAK_LINE_ENDS)


@dataclass(slots=True)
class _List:
    indent: int
    marker: str
    content: int  # where the current item's text starts: deeper bullets nest in it
    open: Token
    item: Token


def block_tokens(src: str) -> list[Token] | None:
    """The block tokens markdown-it makes of ``src``, or None if it is not that simple."""
    if not _plain(src):
        return None
    try:
        return _tokens(src)
    except _Unsure:
        return None


def _tokens(src: str) -> list[Token] | None:
    lines = src.split("\n")
    if src.endswith("\n"):
        lines.pop()  # markdown-it's last line is the one the final newline ends
    elif not lines[-1].strip(" "):
        return None  # spaces after the last newline: markdown-it counts that line oddly
    out: list[Token] = []
    lists: list[_List] = []
    n = 0
    count = len(lines)
    seen_at, seen = -1, None  # the bullet match of line ``seen_at``, made for the item above
    while n < count:
        line = lines[n]
        text = line.lstrip(" ")
        if not text:
            n += 1
            continue
        if n != seen_at:
            seen = _BULLET.fullmatch(line) if text[0] in "*+-" else None
        bullet = seen
        if bullet is not None and bullet.group(3) is not None:
            if not _item(out, lists, bullet, n):
                return None
            n += 1
            nxt = n
            while nxt < count and not lines[nxt].strip(" "):
                nxt += 1
            if nxt < count:
                seen_at, seen = nxt, _BULLET.fullmatch(lines[nxt])
                if nxt > n and seen:
                    return None  # a blank line inside a list: loose, markdown-it decides
                if not _ends_item(lines[nxt], seen, lists, blank=nxt > n):
                    return None
            continue
        if len(text) != len(line) or _ORDERED.match(line) or bullet is not None:
            return None  # an indented line, an ordered or an empty item
        _close_lists(out, lists, n)  # after a heading or a blank line (``_ends_item``)
        heading = _HEADING.fullmatch(line)
        if heading is not None:
            content = mdTrim(heading.group(2) or "")
            if content.endswith("#"):
                return None  # a closing sequence: markdown-it's rule trims it
            _heading(out, heading.group(1), content, n)
            n += 1
            continue
        end = n + 1
        while end < count and _continues_paragraph(lines[end]):
            end += 1
        _paragraph(out, "\n".join(lines[n:end]), n, end, level=0, hidden=False)
        n = end
    _close_lists(out, lists, count)
    return out


def _item(out: list[Token], lists: list[_List], bullet: re.Match[str], n: int) -> bool:
    """Open the item of a bullet line (and its list); False where markdown-it must decide."""
    spaces, marker, content = bullet.groups()
    indent = len(spaces)
    if not content.strip(" ") or content[0] == " " or _starts_block(content):
        return False
    popped = False
    while lists and indent < lists[-1].content:
        top = lists[-1]
        if indent == top.indent:
            if marker != top.marker:
                return False  # another marker starts another list: markdown-it decides
            _close_item(out, top, n)
            break
        if indent > top.indent:
            return False  # between a list's items and their text
        _close_item(out, top, n)
        _close_list(out, lists.pop(), n)
        popped = True
    else:
        if popped:
            return False  # less indented than a nested list, more than its parent's items
        if lists and indent > lists[-1].content + 3:
            return False
        if not lists and indent > 3:
            return False  # four spaces make a code block
        if len(lists) >= MAX_DEPTH:
            return False
        level = 2 * len(lists)
        opened = make_token(
            "bullet_list_open", "ul", 1, level, map_=[n, n], markup=marker, block=True
        )
        out.append(opened)
        lists.append(_List(indent, marker, 0, opened, opened))
    top = lists[-1]
    top.content = indent + 2
    level = 2 * len(lists) - 1
    item = make_token("list_item_open", "li", 1, level, map_=[n, n], markup=marker, block=True)
    out.append(item)
    top.item = item
    _paragraph(out, content, n, n + 1, level=2 * len(lists), hidden=True)
    return True


def _starts_block(content: str) -> bool:
    """Item text that would open a block of its own (a heading, list, quote, HTML, fence).

    ``content`` does not start with a space (``_item`` leaves such an item to markdown-it).
    """
    first = content[0]
    if first == "#":
        return _HEADING.fullmatch(content) is not None
    if first in "*+-":
        return _BULLET.fullmatch(content) is not None
    if first in "<>" or content.startswith(("```", "~~~")):
        return True
    return "0" <= first <= "9" and _ORDERED.match(content) is not None


def _ends_item(line: str, bullet: re.Match[str] | None, lists: list[_List], *, blank: bool) -> bool:
    """Whether the line after an item is one this parser reads: a bullet or a top-level block.

    ``bullet``: the line's ``_BULLET`` match (made once, for this and the line's own turn).
    """
    flush = len(line.lstrip(" ")) == len(line)
    if flush and _HEADING.fullmatch(line) is not None:
        return True  # a heading ends the lists, blank line or not
    if blank:
        return flush  # a paragraph after a blank line (a bullet was refused above)
    return bullet is not None and bool(lists)


def _continues_paragraph(line: str) -> bool:
    """The next line of a top-level paragraph: text that no heading or bullet interrupts."""
    text = line.lstrip(" ")
    if not text:
        return False
    if len(text) != len(line):
        raise _Unsure
    if _HEADING.fullmatch(line) is not None:
        return False
    if text[0] in "*+-" and (bullet := _BULLET.fullmatch(line)) is not None:
        if bullet.group(3) is not None and bullet.group(3).strip(" "):
            return False
        raise _Unsure  # an empty item: it does not interrupt a paragraph
    if _ORDERED.match(line):
        raise _Unsure
    return True


class _Unsure(Exception):
    """A line only markdown-it reads right; the caller falls back to it."""


def _heading(out: list[Token], marks: str, content: str, n: int) -> None:
    tag = f"h{len(marks)}"
    opened = make_token("heading_open", tag, 1, 0, map_=[n, n + 1], markup=marks, block=True)
    inline = make_token("inline", "", 0, 1, map_=[n, n + 1], content=content, block=True)
    inline.children = []
    closed = make_token("heading_close", tag, -1, 0, markup=marks, block=True)
    out.extend((opened, inline, closed))


def _paragraph(
    out: list[Token], text: str, start: int, end: int, *, level: int, hidden: bool
) -> None:
    opened = make_token("paragraph_open", "p", 1, level, map_=[start, end], block=True)
    opened.hidden = hidden
    content = mdTrim(text)
    inline = make_token("inline", "", 0, level + 1, map_=[start, end], content=content, block=True)
    inline.children = []
    closed = make_token("paragraph_close", "p", -1, level, block=True)
    closed.hidden = hidden
    out.extend((opened, inline, closed))


def _close_item(out: list[Token], top: _List, n: int) -> None:
    assert top.item.map is not None
    top.item.map[1] = n
    level = top.item.level
    out.append(make_token("list_item_close", "li", -1, level, markup=top.marker, block=True))


def _close_list(out: list[Token], top: _List, n: int) -> None:
    assert top.open.map is not None
    top.open.map[1] = n
    level = top.open.level
    out.append(make_token("bullet_list_close", "ul", -1, level, markup=top.marker, block=True))


def _close_lists(out: list[Token], lists: list[_List], n: int) -> None:
    while lists:
        top = lists.pop()
        _close_item(out, top, n)
        _close_list(out, top, n)
