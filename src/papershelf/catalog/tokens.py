"""markdown-it ``Token`` objects made without the dataclass constructor.

The shortcuts in ``simple_blocks`` and ``simple_inline`` make a few hundred thousand tokens
for a large list; the generated ``__init__`` (keyword handling, ``__post_init__``) was the
largest single cost of making them. ``token`` sets the same fields directly. Should a
markdown-it-py release change the fields, the constructor is used instead.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

from markdown_it.token import Token

_FIELDS = (
    *("type", "tag", "nesting", "attrs", "map", "level", "children"),
    *("content", "markup", "info", "meta", "block", "hidden"),
)
_DIRECT = tuple(f.name for f in dataclasses.fields(Token)) == _FIELDS
_new = object.__new__


def make_token(
    type_: str,
    tag: str,
    nesting: Literal[-1, 0, 1],
    level: int,
    *,
    map_: list[int] | None = None,
    content: str = "",
    markup: str = "",
    info: str = "",
    block: bool = False,
    attrs: dict[str, str | int | float] | None = None,
) -> Token:
    """``Token(type_, tag, nesting, level=level, ...)``, equal to it field by field."""
    if not _DIRECT:
        return Token(
            type_,
            tag,
            nesting,
            attrs=dict(attrs or {}),
            map=map_,
            level=level,
            content=content,
            markup=markup,
            info=info,
            block=block,
        )
    made: Token = _new(Token)
    made.type = type_
    made.tag = tag
    made.nesting = nesting
    made.attrs = attrs if attrs is not None else {}
    made.map = map_
    made.level = level
    made.children = None
    made.content = content
    made.markup = markup
    made.info = info
    made.meta = {}
    made.block = block
    made.hidden = False
    return made


def text_token(content: str) -> Token:
    """``make_token("text", "", 0, 0, content=content)``: the most made token, without keywords."""
    if not _DIRECT:
        return make_token("text", "", 0, 0, content=content)
    made: Token = _new(Token)
    made.type = "text"
    made.tag = ""
    made.nesting = 0
    made.attrs = {}
    made.map = None
    made.level = 0
    made.children = None
    made.content = content
    made.markup = ""
    made.info = ""
    made.meta = {}
    made.block = False
    made.hidden = False
    return made
