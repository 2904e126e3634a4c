"""``Title. Names. Venue Year.``: a reference that puts the title before its authors.

A title of capitalised words (``The Google File System``) reads like names to a loose test,
so the sentence after it, a list of people, used to become the title. A list of two or more
people by name is never a title; the words before it are.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list


def _one(line: str) -> tuple[str, str, int | None, tuple[str, ...]]:
    paper = parse_list(f"# Reading\n\n- {line}\n", source="x.md").papers[0]
    return paper.title, paper.venue, paper.year, paper.authors


@pytest.mark.parametrize(
    ("line", "read"),
    [
        (
            "The Google File System. Sanjay Ghemawat, Howard Gobioff, Shun-Tak Leung. SOSP 2003.",
            (
                "The Google File System",
                "SOSP 2003",
                2003,
                ("Sanjay Ghemawat", "Howard Gobioff", "Shun-Tak Leung"),
            ),
        ),
        (
            "Spanner: Google's Globally-Distributed Database. James C. Corbett, Jeffrey Dean."
            " 2012. OSDI.",
            (
                "Spanner: Google's Globally-Distributed Database",
                "OSDI 2012",
                2012,
                ("James C. Corbett", "Jeffrey Dean"),
            ),
        ),
        (
            "A Fast File System for UNIX. Marshall K. McKusick, William N. Joy. TOCS 1984.",
            (
                "A Fast File System for UNIX",
                "TOCS 1984",
                1984,
                ("Marshall K. McKusick", "William N. Joy"),
            ),
        ),
        (  # robodd/robodd.github.io resource.md: Google Scholar's export, a year sentence first
            "You Only Live Once: Single-Life Reinforcement Learning. A Chen, A Sharma, S Levine,"
            " C Finn. 2022. Advances in Neural Information Processing Systems 35, 14784-14797",
            (
                "You Only Live Once: Single-Life Reinforcement Learning",
                "Advances in Neural Information Processing Systems 2022",
                2022,
                ("A Chen", "A Sharma", "S Levine", "C Finn"),
            ),
        ),
        (  # names first, as most references: unchanged
            "Ion Stoica, Robert Morris, David Karger. Chord: A Scalable Peer-to-peer Lookup"
            " Service. SIGCOMM 2001.",
            (
                "Chord: A Scalable Peer-to-peer Lookup Service",
                "SIGCOMM 2001",
                2001,
                ("Ion Stoica", "Robert Morris", "David Karger"),
            ),
        ),
    ],
)
def test_a_title_before_a_list_of_names_is_the_title(
    line: str, read: tuple[str, str, int | None, tuple[str, ...]]
) -> None:
    assert _one(line) == read


_CAPITAL = st.sampled_from(["Fast", "Distributed", "Scalable", "Storage", "Consensus", "Graph"])
_MINOR = st.sampled_from(["for", "of", "with", "in"])
_GIVEN = st.sampled_from(
    ["Ann", "Bo", "Chen", "Dana", "Wei", "Mary K."]
)  # "J. Lee" after a name reads as "Lee, J."
_FAMILY = st.sampled_from(["Lee", "Smith", "Zhang", "O'Neil", "McKusick", "van Rossum"])


@given(
    st.lists(st.one_of(_CAPITAL, _MINOR), min_size=3, max_size=8),
    st.lists(st.tuples(_GIVEN, _FAMILY), min_size=2, max_size=5),
    st.sampled_from(["OSDI", "SOSP", "NSDI"]),
    st.integers(1975, 2030),
)
def test_titles_and_names_in_either_order_read_alike(
    words: list[str], people: list[tuple[str, str]], series: str, year: int
) -> None:
    title = " ".join(["The", *words])  # a title opens with a capital, as people write them
    names = ", ".join(f"{given} {family}" for given, family in people)
    first = _one(f"{title}. {names}. {series} {year}.")
    second = _one(f"{names}. {title}. {series} {year}.")
    assert first == second
    assert first[:3] == (title, f"{series} {year}", year)


@pytest.mark.parametrize(
    ("line", "title", "first"),
    [
        # ", et al." closing the names, the usual way to write it
        (
            "Attention Is All You Need. Ashish Vaswani, Noam Shazeer, et al. NeurIPS 2017.",
            "Attention Is All You Need",
            "Ashish Vaswani",
        ),
        # a name opening with a capital outside A-Z
        (
            "Adversarial Examples Revisited. Łukasz Kaiser, Ilya Sutskever. ICLR 2016.",
            "Adversarial Examples Revisited",
            "Łukasz Kaiser",
        ),
    ],
)
def test_names_closed_by_et_al_or_written_in_other_alphabets_are_the_authors(
    line: str, title: str, first: str
) -> None:
    read_title, venue, _year, authors = _one(line)
    assert (read_title, authors[0]) == (title, first)
    assert venue.endswith(("2017", "2016"))
