"""The general reader skips work whose answer is known: counted calls, never wall-clock time.

A title without digits names no venue with a year, so it is never parsed as one; an entry
that names its venue is a paper whatever its link's host, so its URL is never split.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog import decide, engine, venue_text
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import TOOLS


def _bullets(n: int) -> str:
    lines = ["# Reading", "", "## Systems", ""]
    lines += [
        f"- [Scaling the quiet storage of things {chr(97 + i % 26)}{chr(97 + i // 26)}]"
        f"(https://example.org/p/{i}.html) by Ana Gomez et al., OSDI 2015"
        for i in range(n)
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    venue_text._parse_venue.cache_clear()
    decide._split.cache_clear()


def test_a_title_without_digits_is_not_parsed_as_a_venue() -> None:
    parsed = parse_list(_bullets(200), source="x.md")
    assert len(parsed.papers) == 200
    assert {p.venue for p in parsed.papers} == {"OSDI 2015"}
    # The venue text and its parts, a few times over: never one look-up per title.
    assert venue_text._parse_venue.cache_info().misses < 20


def test_a_paper_naming_its_venue_has_its_link_split_never() -> None:
    parse_list(_bullets(200), source="x.md")
    assert decide._split.cache_info().misses == 0


def test_a_link_without_a_venue_is_still_judged_by_its_host() -> None:
    text = "# Reading\n\n- [A quiet storage system for things](https://github.com/a/b)\n"
    found = engine.read_list(text)
    assert not found.entries
    assert [why.split(":")[0] for _, why in found.skipped] == [TOOLS]
    assert decide._split.cache_info().misses >= 1


def test_parse_venue_without_digits_needs_no_year() -> None:
    assert venue_text.parse_venue("Scaling things", need_year=True) is None
    assert venue_text.parse_venue("ACM Computing Surveys") is not None
    assert venue_text.parse_venue("OSDI '24", need_year=True) == venue_text.VenueGuess("OSDI", 2024)


_VENUE_ALPHABET = st.sampled_from(
    [
        *"aZ .,'’-/&",
        *(" 2019", " 19", " '24", "24", "ICML", "Osdi", "journal", "Conf", "Best Paper"),
        *("Storage", "SC", "ß", "ı", "ſ", "Learning", "vldb", "May 12,", "Proc.", "IEEE"),
    ]
)


@given(st.lists(_VENUE_ALPHABET, max_size=8).map("".join))
def test_the_quick_venue_test_never_turns_a_venue_away(text: str) -> None:
    venue_text._parse_venue.cache_clear()
    quick = venue_text._parse_venue(text, True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(venue_text, "_may_look_like_venue", lambda _core: True)
        venue_text._parse_venue.cache_clear()
        full = venue_text._parse_venue(text, True)
    venue_text._parse_venue.cache_clear()
    assert quick == full
