"""A conference's page of notes whose headings are its events, not its papers.

``# ICML 2023`` / ``## Day 1`` / ``### Keynote by Yann LeCun``: a trip report keeps a heading
per talk, session or meal, in the same shape as a page with a heading per paper heard. The
importer took each for a paper of ICML 2023.
"""

from __future__ import annotations

import pytest

from papershelf.catalog.markdown_list import parse_list
from papershelf.errors import ListError

from .excerpts import read_excerpt as _read

TRIP_REPORT = (
    "# ICML 2023\n\n## Day 1\n\n"
    "### Keynote by Yann LeCun\n\nHe talked about world models.\n\n"
    "### Poster session highlights\n\nLots of diffusion work.\n\n"
    "## Day 2\n\n"
    "### Panel on AI safety\n\nA debate.\n\n"
    "### Dinner with the lab\n\nFun.\n"
)

LOGISTICS = (
    "# SOSP 2023 notes\n\n## Logistics\n\n"
    "### Travel and hotel booking\n\nBook early.\n\n"
    "### Registration and visa letters\n\nAsk the chairs.\n\n"
    "### Opening remarks and welcome\n\nShort.\n\n"
    "## Papers\n\n"
    "- [Paper One Title Here](https://dl.acm.org/doi/10.1145/1)\n"
    "- [Paper Two Title Here](https://dl.acm.org/doi/10.1145/2)\n"
)


def test_a_trip_reports_talks_and_meals_are_no_papers() -> None:
    with pytest.raises(ListError):
        parse_list(TRIP_REPORT, source="x.md")


def test_logistics_headings_beside_the_papers_are_no_papers() -> None:
    papers, _ = _read(LOGISTICS)
    assert [title for title, _, _ in papers.values()] == [
        "Paper One Title Here",
        "Paper Two Title Here",
    ]


def test_a_paper_heading_that_opens_like_an_event_word_elsewhere_stays() -> None:
    text = (
        "# PLDI 2017\n\n## Session\n\n"
        "### Opening the Black Box of Compilers\n\n"
        "### Closing the Gap Between Types and Tests\n"
        "### Registration of Brain Scans with Deep Networks\n"
        "### Travel Time Estimation with Graph Networks\n"
    )
    papers, _ = _read(text)
    assert [title for title, _, _ in papers.values()] == [
        "Opening the Black Box of Compilers",
        "Closing the Gap Between Types and Tests",
        "Registration of Brain Scans with Deep Networks",
        "Travel Time Estimation with Graph Networks",
    ]
