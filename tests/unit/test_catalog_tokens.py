"""Tokens made directly equal markdown-it's constructor, field by field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it.token import Token

from papershelf.catalog import tokens
from papershelf.catalog.tokens import make_token

_TEXT = st.text(max_size=8)


@given(
    st.sampled_from(["text", "link_open", "strong_close", "inline"]),
    st.sampled_from(["", "a", "strong", "p"]),
    st.sampled_from([-1, 0, 1]),
    st.integers(0, 9),
    st.none() | st.lists(st.integers(0, 99), min_size=2, max_size=2),
    _TEXT,
    _TEXT,
    _TEXT,
    st.booleans(),
    st.none() | st.dictionaries(st.just("href"), _TEXT, max_size=1),
)
def test_a_direct_token_equals_the_constructors(
    type_: str,
    tag: str,
    nesting: int,
    level: int,
    map_: list[int] | None,
    content: str,
    markup: str,
    info: str,
    block: bool,
    attrs: dict[str, str | int | float] | None,
) -> None:
    expected = Token(
        type_,
        tag,
        nesting,  # type: ignore[arg-type]
        attrs=dict(attrs or {}),
        map=map_,
        level=level,
        content=content,
        markup=markup,
        info=info,
        block=block,
    )
    made = make_token(
        type_,
        tag,
        nesting,  # type: ignore[arg-type]
        level,
        map_=map_,
        content=content,
        markup=markup,
        info=info,
        block=block,
        attrs=attrs,
    )
    assert made == expected
    assert made.meta is not make_token("text", "", 0, 0).meta  # nothing shared between tokens


def test_other_token_fields_fall_back_to_the_constructor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "_DIRECT", False)
    made = make_token("link_open", "a", 1, 2, attrs={"href": "https://x.org"})
    assert made == Token("link_open", "a", 1, attrs={"href": "https://x.org"}, level=2)


@given(_TEXT)
def test_a_text_token_equals_the_constructors(content: str) -> None:
    made = tokens.text_token(content)
    assert made == Token("text", "", 0, content=content)
    assert made.attrs is not tokens.text_token(content).attrs  # nothing shared between tokens


def test_a_text_token_falls_back_to_the_constructor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "_DIRECT", False)
    assert tokens.text_token("x") == Token("text", "", 0, content="x")
