"""Entries that made a pattern of the reader backtrack without end: read in linear time.

A regular expression with two ways to split the same run of text (``(?: [^()]+)+``) tries
every split when what follows fails: 2^n for n words. Such loops are inside the regex
engine, so no call count sees them: two sizes in one run, best of three, in this thread's
CPU time (another process keeping the cores busy does not count), as
``test_catalog_hostile`` does for brackets.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest

from papershelf.catalog.markdown_list import parse_list
from papershelf.errors import ListError

KEPT = "* [Kept Entry](https://example.org/kept) OSDI 2020\n"


def _cpu(text: str) -> float:
    times = []
    for _ in range(3):
        started = time.thread_time()
        with contextlib.suppress(ListError):
            parse_list(text, source="x.md")
        times.append(time.thread_time() - started)
    return min(times)


CASES: dict[str, tuple[Callable[[int], str], int, int]] = {
    # "[Title](a path with spaces", no ".pdf)" to close it: each word doubled the work
    "a path with spaces and no end": (lambda n: f"* [Title here](x{' y' * n}\n", 14, 24),
    # a full-width colon, then ASCII words, then a character that is not ASCII
    "a subtitle after a full-width colon": (
        lambda n: f"* [MapReduce：Simplified{' b' * n} 中](https://example.org/t)\n",
        12,
        22,
    ),
    # a citation's tail ending in a year, its last name run on with "_": each "_" could
    # start a publisher's place name that ran to the end of the line
    "a long word after a citation's names": (
        lambda n: f"- [Title of a paper](https://e.org/p). Pan Xinglin, Shi S{'_Queri' * n} 2024\n",
        1_000,
        3_000,
    ),
    # a run of spaces before the entry's closing bracket: a leading "\s*" of the patterns for
    # empty link brackets and a citation count was tried from every space of the run
    "a long run of spaces before a closing bracket": (
        lambda n: f"- [Title of a paper](https://e.org/p) — notes{' ' * n}x)\n",
        4_000,
        16_000,
    ),
    # "by" names after a title, then long runs of spaces between capitals: the pattern for
    # the venue after the names was tried from every space and split each run every way
    "runs of spaces in a byline": (
        lambda n: f"- [Title of a paper](https://e.org/p) by A B{' ' * n}C{' ' * n}y\n",
        200,
        800,
    ),
    # initials after a quoted title ("A. A. A. ..."): each stop was tried as the end of a
    # title followed by names, and the text before it scanned again
    "a run of initials after a title": (
        lambda n: f'- Ann Lee, "Title of a paper", {("A. " * n)[:n]}\n',
        1_000,
        8_000,
    ),
    # an HTML block of "<t  <t  <t ...": each "<" that closes no tag rescanned the block
    "unclosed tags in an HTML block": (
        lambda n: "<table><tr><td>\n" + ("Paper " + "<t  " * 500 + "\n") * n,
        2,
        8,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_entry_costs_no_more_than_its_length(case: str) -> None:
    entry, small, big = CASES[case]
    assert parse_list(KEPT + entry(small), source="x.md").papers[0].title == "Kept Entry"
    small_cost, big_cost = _cpu(KEPT + entry(small)), _cpu(KEPT + entry(big))
    ratio = big / small
    assert big_cost < 1.5 * ratio * small_cost + 0.05, (small_cost, big_cost)


def test_an_unclosed_tag_in_an_html_block_leaves_its_comments_comments() -> None:
    """The unclosed ``<`` is read as text; a commented-out entry stays out."""
    text = (
        "<ul>\n"
        '<li><a href="https://example.org/1">Real Paper Title Here</a> OSDI 2020</li>\n'
        '<!-- <li><a href="https://example.org/2">Old Paper Title Here</a></li> -->\n'
        '<li><a href="https://example.org/3">Another Paper Title</a> OSDI 2021, a <b c</li>\n'
        "</ul>\n"
    )
    titles = [p.title for p in parse_list(text, source="x.md").papers]
    assert titles == ["Real Paper Title Here", "Another Paper Title"]


def test_a_less_than_sign_in_an_attribute_leaves_its_tag_a_tag() -> None:
    """``<a title="x<y" href=...>``: the quoted ``<`` opens no tag; the link is kept."""
    text = (
        "<ul>\n"
        '<li><a title="Fast x<y comparisons" href="https://example.org/a.pdf">Paper Alpha'
        " About Sorting Things</a> OSDI 2020</li>\n"
        '<li><a href="https://example.org/b.pdf">Paper Beta with 2<3 Rules</a> SOSP 2021</li>\n'
        "</ul>\n"
    )
    titles = [p.title for p in parse_list(text, source="x.md").papers]
    assert titles == ["Paper Alpha About Sorting Things", "Paper Beta with 2<3 Rules"]
