"""``web_url``: its shortcut for plain http(s) links answers as the full rule does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.domain.links import split_web_url as _full_rule
from papershelf.domain.links import web_url


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("https://dl.acm.org/doi/10.1145/3.4", "https://dl.acm.org/doi/10.1145/3.4"),
        ("HTTP://Example.org?q=1#f", "http://Example.org?q=1#f"),
        (" https://x.org ", "https://x.org"),
        ("https:///path", None),
        ("https://", None),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("doi:10.1/x", "https://doi.org/10.1/x"),
        ("https://user@host.org:8080/p", "https://user@host.org:8080/p"),
        ("https://[::1]/p", "https://[::1]/p"),
        ("https://[bad/p", None),
    ],
)
def test_links_kept_and_refused(text: str, kept: str | None) -> None:
    assert web_url(text) == kept


_PARTS = st.sampled_from(
    [
        *("http", "https", "HTTPS", "hTTp", "ftp", "doi", ":", "//", "/", "?", "#", "@", "."),
        *("-", "[", "]", "::1", "x.org", "ſ", "K", "é", "%41", " ", "\t", "\n", "\x00", "a1"),
    ]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(_PARTS, max_size=10).map("".join))
def test_the_shortcut_answers_as_the_full_rule(text: str) -> None:
    assert web_url(text) == _full_rule(text)
