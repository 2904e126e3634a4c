"""A quote opened before a title and never closed is no part of the title."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.inline import clean_title
from papershelf.catalog.markdown_list import parse_list


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            'A. Author. "Unclosed quote title about systems. OSDI 2018.',
            "Unclosed quote title about systems",
        ),
        ("“Unclosed Curly Title About Systems, SOSP 2019", "Unclosed Curly Title About Systems"),
        ('"Quoted" Title About Things, OSDI 2018', '"Quoted" Title About Things'),  # closed: kept
    ],
)
def test_an_unclosed_opening_quote_is_dropped(line: str, title: str) -> None:
    assert [p.title for p in parse_list(f"# L\n\n- {line}\n", source="x.md").papers] == [title]


_WORDS = st.lists(st.sampled_from(["Fast", "graph", "Storage", "of", "LLM", "2.0"]), min_size=2)


_PAIRS = {'"': '"', "“": "”", "«": "»"}


@given(_WORDS, st.sampled_from(sorted(_PAIRS)))
def test_a_lone_opening_quote_never_stays(words: list[str], quote: str) -> None:
    title = " ".join(words)
    assert clean_title(quote + title) == title
    closed = quote + title + _PAIRS[quote]
    assert clean_title(closed) == closed  # closed: the quote is the writer's, left to the reader
