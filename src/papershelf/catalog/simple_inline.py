r"""markdown-it's inline tokens for the common simple line, built without its inline parser.

Most lines of a big list are plain text, backslash escapes (``\[tag]``) and inline links
``[label](url)``; markdown-it's inline parser tries every rule at every bracket of them,
which was about a third of an import. ``simple_children`` gives exactly the tokens that
parser leaves (after its ``text_join`` step) for such a line, and None for anything else
(emphasis, code, HTML, entities, images, reference links, line breaks), which then goes
through markdown-it as before. A property test checks the two agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it.common.utils import unescapeAll
from markdown_it.token import Token

# Runs of characters that start no inline rule here: not a backslash, backtick, emphasis or
# strike marker, ``[``, ``<``, newline, nor ``!`` before ``[`` (an image) or ``&`` starting an
# entity. ``]`` on its own is text to markdown-it as well (not in a link's label).
_ENTITY = r"(?:#(?:[xX][0-9a-fA-F]{1,6}|[0-9]{1,7});|[A-Za-z][A-Za-z0-9]{1,31};)"
_RULE_CHARS = r"\\`*_~\[<&!\n"
# Atomic groups: a run is taken whole, never split again, so no line can make them backtrack.
_TEXT = rf"(?>(?:[^{_RULE_CHARS}]+|!(?!\[)|&(?!{_ENTITY}))+)"
_LABEL = rf"(?>(?:[^{_RULE_CHARS}\]]+|!(?!\[)|&(?!{_ENTITY}))+)"
# Exactly the characters markdown-it's escape rule turns into themselves.
_ESCAPABLE = r"""!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~"""
_PIECE = re.compile(
    rf"(?P<text>{_TEXT})"
    rf"|\\(?P<esc>[{_ESCAPABLE}])"
    # A link destination without spaces, controls, parentheses, ``<`` or backslashes: one
    # markdown-it reads up to the ``)`` as it stands, with no title after it.
    rf"|\[(?P<label>{_LABEL})\]\((?P<url>[^\s()<>\\\x00-\x1f\x7f]+)\)"
)


def simple_children(
    content: str, normalize: Callable[[str], str], validate: Callable[[str], bool]
) -> list[Token] | None:
    """The inline children markdown-it gives ``content``, or None if it is not simple.

    ``normalize`` and ``validate``: the parser's ``normalizeLink`` and ``validateLink``.
    """
    out: list[Token] = []
    run: list[str] = []
    run_escape = ""  # the markup of the escape a run of text starts with, if it does
    pos = 0
    end = len(content)
    match = _PIECE.match
    while pos < end:
        m = match(content, pos)
        if m is None:
            return None
        pos = m.end()
        text = m.group("text")
        if text is not None:
            run.append(text)
            continue
        escaped = m.group("esc")
        if escaped is not None:
            if not run:
                run_escape = "\\" + escaped
            run.append(escaped)
            continue
        href = normalize(unescapeAll(m.group("url")))
        if not validate(href):
            return None
        if run:
            out.append(_text(run, run_escape, 0))
            run, run_escape = [], ""
        out.append(Token("link_open", "a", 1, attrs={"href": href}))
        out.append(Token("text", "", 0, content=m.group("label"), level=1))
        out.append(Token("link_close", "a", -1))
    if run:
        out.append(_text(run, run_escape, 0))
    return out


def _text(run: list[str], escape: str, level: int) -> Token:
    """One text token for a run, as ``text_join`` leaves it: an escape's markup if it starts it."""
    if escape:
        return Token("text", "", 0, content="".join(run), markup=escape, info="escape", level=level)
    return Token("text", "", 0, content="".join(run), level=level)
