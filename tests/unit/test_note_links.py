"""The links a note holds, as the rendered note shows them: what ``O`` offers beside the paper's."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.tui.note_links import NOTE_KIND, note_links


def _urls(note: str) -> list[str]:
    links = note_links(note)
    assert all(link.kind == NOTE_KIND for link in links)
    return [link.url for link in links]


def test_every_written_form_of_a_link_in_order_once() -> None:
    note = (
        "Compare [the talk](https://talks.example.org/a) with <https://b.example.org/x>,\n"
        "then www.example.com/p and https://c.example.net/d. Again [it](https://talks.example.org/a)"
        " and [by reference][r].\n\n[r]: https://ref.example.io/z\n"
    )
    assert _urls(note) == [
        "https://talks.example.org/a",
        "https://b.example.org/x",
        "http://www.example.com/p",
        "https://c.example.net/d",
        "https://ref.example.io/z",
    ]


def test_what_is_not_a_link_is_not_offered() -> None:
    note = (
        "[bold] is text, `https://in.code/span` is code, and so is\n\n    https://indented.code\n"
    )
    assert _urls(note) == []
    assert _urls("") == []


def test_only_links_the_rendered_note_makes_are_listed() -> None:
    # markdown-it's own check drops javascript:, file: and data: targets; another scheme is
    # listed, and the picker shows it "(will not open)" and refuses it, as a paper's own.
    note = "[run](javascript:alert(1)) [f](file:///etc/passwd) [d](data:text/html,x) [g](ftp://g.example)"
    assert _urls(note) == ["ftp://g.example"]


@given(st.text(max_size=200))
def test_any_note_gives_distinct_links_and_never_fails(note: str) -> None:
    urls = _urls(note)
    assert len(urls) == len(set(urls))
    assert all(url for url in urls)
