r"""markdown-it's inline tokens for the common simple line, built without its inline parser.

Most lines of a big list are plain text, backslash escapes (``\[tag]``), inline links
``[label](url)``, bracketed text (``[ACM OSDI 2000]``) and plain emphasis (``**Title**``,
``_OSDI'24_``); markdown-it's inline parser tries every rule at every bracket and marker of
them, which was about a third of an import. ``simple_children`` gives exactly the tokens that
parser leaves (after its ``text_join`` step) for such a line, and None for anything else
(code, HTML, entities, images, strikes, reference links, line breaks, emphasis whose
pairing is not plain), which then goes through markdown-it as before. A property test
checks the two agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace, unescapeAll
from markdown_it.token import Token

from papershelf.catalog.tokens import make_token, text_token

# Runs of characters that start no inline rule here: not a backslash, backtick, emphasis or
# strike marker, ``[``, ``<``, newline, nor ``!`` before ``[`` (an image) or ``&`` starting an
# entity. ``]`` on its own is text to markdown-it as well (not in a link's label).
_ENTITY = r"(?:#(?:[xX][0-9a-fA-F]{1,6}|[0-9]{1,7});|[A-Za-z][A-Za-z0-9]{1,31};)"
_RULE_CHARS = r"\\`*_~\[<&!\n"
# Atomic groups: a run is taken whole, never split again, so no line can make it backtrack.
_TEXT = re.compile(rf"(?>(?:[^{_RULE_CHARS}]+|!(?!\[)|&(?!{_ENTITY}))+)")
# Exactly the characters markdown-it's escape rule turns into themselves.
_ESCAPABLE = frozenset("""!"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~""")
# A link destination without spaces, controls, parentheses, ``<`` or backslashes: one
# markdown-it reads up to the ``)`` as it stands, with no title after it.
_DESTINATION = re.compile(r"\(([^\s()<>\\\x00-\x1f\x7f]+)\)")

Normalize = Callable[[str], str]
Validate = Callable[[str], bool]


@dataclass(slots=True)
class _Delim:
    """A run of ``*`` or ``_`` (one scope's emphasis marker), before it is paired."""

    marker: str
    length: int
    opens: bool
    closes: bool


@dataclass(slots=True)
class _Link:
    href: str
    label: list[_Item]


_Item = str | tuple[str, str] | _Delim | _Link
"""Text, an escape (``(character, markup)``), an emphasis run or a link."""


def simple_children(
    content: str, normalize: Normalize, validate: Validate, *, references: bool = False
) -> list[Token] | None:
    """The inline children markdown-it gives ``content``, or None if it is not simple.

    ``normalize`` and ``validate``: the parser's ``normalizeLink`` and ``validateLink``;
    ``references``: whether the document defines link references (``[x]`` may be a link).
    """
    items = _scope(content, 0, len(content), normalize, validate, references)
    if items is None:
        return None
    out: list[Token] = []
    _emit(items, out)
    level = 0
    for made in out:  # as markdown-it's fragments_join leaves them
        level -= made.nesting < 0
        made.level = level
        level += made.nesting > 0
    return out


def _scope(
    src: str, pos: int, end: int, normalize: Normalize, validate: Validate, refs: bool
) -> list[_Item] | None:
    """The items of ``src[pos:end]`` (the line, or a link's label) with emphasis paired."""
    items: list[_Item] = []
    open_runs: list[_Delim] = []
    while pos < end:
        char = src[pos]
        if char == "\\":
            escaped = src[pos + 1] if pos + 1 < end else ""
            if escaped not in _ESCAPABLE:
                return None
            items.append((escaped, "\\" + escaped))
            pos += 2
        elif char in "*_":
            run = _delim(src, pos, end)
            if run is None:
                return None
            pos += run.length
            if run.closes:  # plain pairing only: the innermost open run, same marker and size
                if not open_runs or open_runs[-1].marker != run.marker:
                    return None
                if open_runs.pop().length != run.length:
                    return None
            elif run.opens:
                open_runs.append(run)
            items.append(run)
        elif char == "[":
            link = _link(src, pos, end, normalize, validate, refs)
            if link is None:
                return None
            if isinstance(link, int):
                items.append("[")  # bracketed text: its inside is read in this scope
                pos += 1
            else:
                items.append(link[0])
                pos = link[1]
        else:
            m = _TEXT.match(src, pos, end)
            if m is None:
                return None
            items.append(m.group())
            pos = m.end()
    return None if open_runs else items


def _delim(src: str, pos: int, end: int) -> _Delim | None:
    """markdown-it's ``scanDelims``: a run that can only open, only close, or neither."""
    marker = src[pos]
    stop = pos
    while stop < end and src[stop] == marker:
        stop += 1
    length = stop - pos
    if length > 2:
        return None
    last = src[pos - 1] if pos > 0 else " "  # the source before it, even outside a label
    after = src[stop] if stop < end else " "  # the end of a label counts as a space
    last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
    next_punct = isMdAsciiPunct(ord(after)) or isPunctChar(after)
    last_space, next_space = isWhiteSpace(ord(last)), isWhiteSpace(ord(after))
    left = not (next_space or (next_punct and not (last_space or last_punct)))
    right = not (last_space or (last_punct and not (next_space or next_punct)))
    if marker == "*":
        opens, closes = left, right
    else:
        opens = left and (not right or last_punct)
        closes = right and (not left or next_punct)
    if opens and closes:
        return None  # pairing then depends on the rule of three: markdown-it decides
    return _Delim(marker, length, opens, closes)


def _link(
    src: str, pos: int, end: int, normalize: Normalize, validate: Validate, refs: bool
) -> tuple[_Link, int] | int | None:
    """At ``[``: a link and where it ends, ``pos`` when the bracket is text, None if unsure."""
    close = _label_end(src, pos, end)
    if close < 0:
        return pos  # no closing bracket: markdown-it's link rule fails, the ``[`` is text
    if close + 1 < end and src[close + 1] == "(":
        dest = _DESTINATION.match(src, close + 1, end)
        inside = src[pos + 1 : close]
        if dest is None or not inside or "](" in inside or (refs and "[" in inside):
            return None
        href = normalize(unescapeAll(dest.group(1)))
        if not validate(href):
            return None
        label = _scope(src, pos + 1, close, normalize, validate, refs)
        if label is None or _Link in map(type, label):  # no generator: asked of every link
            return None
        return _Link(href, label), dest.end()
    return None if refs else pos  # ``[text]`` is a reference link only where one is defined


def _label_end(src: str, pos: int, end: int) -> int:
    """The ``]`` closing the label opened at ``pos`` (escapes skipped), else -1."""
    close = src.find("]", pos + 1, end)
    if close < 0:
        return -1
    if src.find("[", pos + 1, close) < 0 and src.find("\\", pos, close) < 0:
        return close  # most labels: no bracket or escape before the first ``]``
    match = _matching(src).get(pos, -1)  # "[[[...]": a scan from each ``[`` was quadratic
    return match if match < end else -1


@lru_cache(maxsize=4)
def _matching(src: str) -> dict[int, int]:
    """Each ``[`` of ``src`` -> the ``]`` closing it (escapes skipped), in one pass.

    The first ``]`` at which the brackets opened since a ``[`` are all closed, as a scan
    from that ``[`` finds it, wherever the scope that asks ends (a later one is past it).
    """
    found: dict[int, int] = {}
    opened: list[int] = []
    at, end = 0, len(src)
    while at < end:
        char = src[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            opened.append(at)
        elif char == "]" and opened:
            found[opened.pop()] = at
        at += 1
    return found


def _emit(items: list[_Item], out: list[Token]) -> None:
    """Tokens as markdown-it's emphasis, fragments_join and text_join steps leave them.

    Every run that opens or closes was paired by ``_scope``; one that does neither is text.
    """
    run: list[str] = []
    escape = ""  # the markup of the escape a run of text starts with, if it does
    started = False  # a run has begun (an empty piece counts: strong leaves one)
    for item in items:
        if isinstance(item, str):
            run.append(item)
            started = True
            continue
        if isinstance(item, tuple):
            if not started:
                escape = item[1]
            run.append(item[0])
            started = True
            continue
        delim = item if isinstance(item, _Delim) else None
        if delim is not None and not delim.opens and not delim.closes:
            run.append(delim.marker * delim.length)
            started = True
            continue
        strong = delim is not None and delim.length == 2
        if strong and delim is not None and delim.opens:
            started = True  # strong leaves an empty text before its opener
        if started:
            out.append(_text("".join(run), escape))
            run, escape, started = [], "", False
        if delim is None:
            assert isinstance(item, _Link)
            out.append(make_token("link_open", "a", 1, 0, attrs={"href": item.href}))
            _emit(item.label, out)
            out.append(make_token("link_close", "a", -1, 0))
            continue
        tag, markup = ("strong", delim.marker * 2) if strong else ("em", delim.marker)
        if delim.opens:
            out.append(make_token(f"{tag}_open", tag, 1, 0, markup=markup))
        else:
            out.append(make_token(f"{tag}_close", tag, -1, 0, markup=markup))
            started = strong  # and an empty text after its closer
    if started:
        out.append(_text("".join(run), escape))


def _text(content: str, escape: str) -> Token:
    """One text token for a run, as ``text_join`` leaves it: an escape's markup if it starts it."""
    if escape:
        return make_token("text", "", 0, 0, content=content, markup=escape, info="escape")
    return text_token(content)
