"""The general reader's quick tests agree with the slow ones they stand in front of.

Each shortcut (a cheap look before a pattern, a pattern reordered to start with a literal,
title keys worked out only when a heading asks) must give the answer the full work gives:
checked against the full work on generated text, and by counting calls, never by time.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it.token import Token

from papershelf.catalog import (
    citation,
    engine,
    fields,
    inline,
    plain_lead,
    titles,
    venue_text,
)
from papershelf.catalog.markdown_list import parse_list

_VENUE_PIECES = st.sampled_from(
    [
        *"aZ .,'’-/&|*_()[];:\t\n",
        *("\u200b", "\x1b", "\u3000", "–", "—", "2019", "19", "'24", "7", "0", "ICML", "Osdi"),
        *("Best Paper", "Spotlight", "oral", "Workshop", "Findings", "papers", "Award", "demo"),
        *("2025.06", "May 12,", "Proc.", "IEEE", "Journal", "things", "ſ", "ı", "ß", "\u0661"),
    ]
)


_VENUE_SHAPED = st.tuples(
    st.sampled_from(["ICML", "Osdi", "MLSys", "IEEE Journal", "things", "Study number 12"]),
    st.sampled_from([" ", "'", " '", ", ", "-", ""]),
    st.sampled_from(["2019", "19", "2025.06", "7", "2019\u200b"]),
    st.sampled_from(["", " Spotlight", ", Oral", " Best Paper Award", " paperſ", ", PAPERS"]),
    st.sampled_from(["", ")", " |", ".", "\t", " \u3000", "\x1b"]),
).map("".join)


@given(st.one_of(st.lists(_VENUE_PIECES, max_size=10).map("".join), _VENUE_SHAPED))
def test_the_year_end_test_never_turns_a_venue_away(text: str) -> None:
    venue_text._parse_venue.cache_clear()
    assert venue_text.parse_venue(text, need_year=True) == venue_text._parse_venue(text, True)


def test_a_title_ending_in_a_word_is_not_parsed_as_a_venue() -> None:
    lines = ["# Reading", ""]
    lines += [
        f"- [Study number {i} of distributed things](https://example.org/{i}.pdf) (OSDI 2015)"
        for i in range(200)
    ]
    venue_text._parse_venue.cache_clear()
    parsed = parse_list("\n".join(lines) + "\n", source="x.md")
    assert len(parsed.papers) == 200
    assert {p.venue for p in parsed.papers} == {"OSDI 2015"}
    # "Study number 12 of ..." has digits but no year at its end: never looked up.
    assert venue_text._parse_venue.cache_info().misses < 20


_WORDY = st.text(
    alphabet=st.sampled_from([*"ab_ -,.é\u0661\u2003\n\t\x1c²🔥:/>", "\u00a0"]), max_size=24
)


@given(_WORDY)
def test_word_count_counts_what_the_word_pattern_finds(text: str) -> None:
    assert fields.word_count(text) == len(re.findall(r"\S*?[^\W_]\S*", text))


_URLISH = st.lists(
    st.sampled_from(["://", "www.", "WWW.", "wWw.", "HTTP", "httpſ", "ww.", "w", "x", " ", "."]),
    max_size=8,
).map("".join)


@given(_URLISH)
def test_no_url_is_missed_by_the_quick_look(text: str) -> None:
    if not fields.may_hold_url(text):
        assert fields.URL.search(text) is None
        assert fields.bare_urls(text) == []
        assert fields.strip_urls(text) == text


# The patterns as first written, opening with their look-behind: the reordered ones must
# split and find exactly what these do.
_AS_WRITTEN = [
    (citation._SENTENCE, r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])\.\s+"),
    (citation._ANY_YEAR, r"(?<![\d.:/])((?:19|20)\d{2})(?![\d]|\.\d)"),
    (plain_lead._SENTENCE_END, r"(?<=[a-z0-9?)])\.\s+(?=[A-Za-z])"),
    (venue_text._ENTRY_PARTS, r"(?<!\b[A-Z])[.;|]\s+|,\s+(?!(?:19|20)\d{2}\b)"),
    (venue_text._YEAR, r"(?<![\d.])((?:19|20)\d{2})(?![\d])"),
    (titles._SECOND_NAME, r"(?<=[\w)])\s+(?=(?:[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*):\s)"),
]
_PROSE = st.lists(
    st.sampled_from(
        [
            *"Ab. ;|,:)?1é_\n",
            *("  ", "C. J.", "Mr. ", "É. ", "2019", "19", "20", "2020.5", ", 2019", "/2021"),
            *("CMC: ", "GeMM:  x", "x.  y", "Zh. "),
        ]
    ),
    max_size=10,
).map("".join)


@pytest.mark.parametrize(("quick", "written"), _AS_WRITTEN)
@given(text=_PROSE)
def test_a_reordered_pattern_matches_as_written(
    quick: re.Pattern[str], written: str, text: str
) -> None:
    slow = re.compile(written)
    assert quick.split(text) == slow.split(text)
    assert [m.span() for m in quick.finditer(text)] == [m.span() for m in slow.finditer(text)]


def test_title_keys_are_worked_out_only_when_a_heading_asks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    real = engine._key

    def counted(title: str) -> str:
        calls.append(title)
        return real(title)

    monkeypatch.setattr(engine, "_key", counted)
    bullets = "\n".join(
        f"- [Scaling the quiet storage of things {i}](https://example.org/{i}.pdf) (OSDI 2015)"
        for i in range(100)
    )
    found = engine.read_list(f"# Reading\n\n## Systems\n\n{bullets}\n")
    assert len(found.entries) == 100
    assert len(calls) <= 2  # the headings' own texts, never one per paper
    # A heading after the papers that names one of them still reads as notes on it.
    calls.clear()
    text = f"# Reading\n\n{bullets}\n\n### Scaling the quiet storage of things 7\n\nnotes\n"
    found = engine.read_list(text)
    assert len(found.entries) == 101
    assert len(calls) == 102  # the list's title, each paper's once, then the heading's


def test_every_qualifier_ends_in_a_letter_the_year_end_test_knows() -> None:
    pattern = venue_text._QUALIFIER_END.pattern
    alternatives = pattern.removeprefix("(?:").removesuffix(")$").split("|")
    assert all(re.fullmatch(r"[a-z]+s?\??", a) for a in alternatives), pattern
    last = {a[-1] for a in alternatives if not a.endswith("?")}
    last |= {c for a in alternatives if a.endswith("?") for c in (a[-2], a[-3])}
    any_case = re.compile("[" + "".join(sorted(last)) + "]", re.IGNORECASE)
    for code in range(0x110000):
        char = chr(code)
        if any_case.fullmatch(char):
            assert char.casefold() in venue_text._QUALIFIER_LAST, char


@given(st.text(alphabet=st.sampled_from([*"*_~`\\ab "]), max_size=12))
def test_a_title_without_marker_text_holds_no_marker(text: str) -> None:
    if not any(marker in text for marker in inline._MARKER_TEXTS):
        assert inline._MARKERS.search(text) is None


@given(
    st.lists(
        st.sampled_from(["Springer", "Publishing", "Publishers", "Press", "Verlag", "Media"])
        | st.sampled_from(["Company", "Incorporated", "ACM", "In", " ", ",", ".", "x", "MIT"]),
        max_size=6,
    ).map(" ".join)
)
def test_a_container_without_a_house_word_is_no_publisher(text: str) -> None:
    if not any(word in text for word in citation._HOUSE_WORDS):
        assert citation._PUBLISHER_HOUSE.search(text) is None


def test_a_heading_is_read_as_a_venue_only_when_a_tagged_entry_needs_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from papershelf.catalog import family_a
    from papershelf.catalog.blocks import parse_blocks
    from papershelf.catalog.candidates import parse_markdown

    calls: list[str] = []
    real = family_a._heading_venue

    def counted(text: str) -> tuple[str, int | None] | None:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(family_a, "_heading_venue", counted)
    # A heading per paper, its details in bullets: no tagged entry, so no heading is read.
    papers = "\n\n".join(f"### Study {i} of things\n* **Source:** OSDI'15" for i in range(50))
    text = f"# List\n\n{papers}\n"
    assert not family_a.parse(parse_blocks(text, parse_markdown(text).tokens)).entries
    assert calls == []
    # Tagless entries under a venue heading take its venue, reading it once.
    text = "# List\n\n## OSDI '24\n\n" + "\n".join(
        f"* [Title number {i}](https://example.org/{i}.pdf). A, B." for i in range(5)
    )
    found = family_a.parse(parse_blocks(text, parse_markdown(text).tokens))
    assert [entry.venue for entry in found.entries] == [("OSDI", 2024)] * 5
    assert calls == ["OSDI '24"]


def test_an_inline_is_flattened_once_whichever_readers_ask(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A sectioned list's items are read by both seed readers: each inline flattens once."""
    calls: list[int] = []
    real = inline._pieces

    def counted(children: list[Token]) -> list[inline.Piece]:
        calls.append(id(children))
        return real(children)

    monkeypatch.setattr(inline, "_pieces", counted)
    bullets = "\n".join(
        f"* Title number {i} \\[[Paper](https://example.org/{i})]\n  * Some University"
        for i in range(40)
    )
    parsed = parse_list(f"# MLSys 2025\n\n## Papers\n\n### Area\n\n{bullets}\n", source="b.md")
    assert len(parsed.papers) == 40
    assert len(calls) == len(set(calls))  # no inline flattened twice
    assert len(calls) <= 2 * 40 + 5  # each bullet and its detail line, and the headings
