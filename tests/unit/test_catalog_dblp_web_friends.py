"""Lines of a CV or a news list in DBLP's web shape, ``Label: Sentence. Place Year``.

``- Invited Talk: Scaling distributed training systems. Google 2023`` reads like
``Names: Title. Venue Year``; DBLP names a conference by its short name (``OSDI``,
``SIGMOD Conference``, ``EuroSys``) or gives its pages (``Middleware 2019: 1-13``), and a
season, a company or a university beside a year is neither.
"""

from __future__ import annotations

import pytest

from papershelf.catalog.markdown_list import parse_list
from papershelf.errors import ListError

from .excerpts import read_excerpt as _read

NEWS = (
    "# News\n\n"
    "- Invited Talk: Scaling distributed training systems. Google 2023\n"
    "- Teaching Assistant: Operating Systems course. Spring 2022\n"
    "- Summer Intern: Worked on storage systems. Microsoft Research 2021\n"
    "- Office Hours: Tuesdays and Thursdays in the lab. Fall 2023\n"
)


def test_a_news_list_of_talks_and_terms_holds_no_paper() -> None:
    with pytest.raises(ListError):
        parse_list(NEWS, source="x.md")


def test_talks_under_papers_stay_out() -> None:
    text = (
        "# Papers I read\n\n"
        "- [Paxos Made Simple](https://lamport.azurewebsites.net/pubs/paxos-simple.pdf)\n"
        "- [The Google File System](https://research.google/pubs/pub51/)\n\n"
        "## Talks\n\n"
        "- Invited Talk: Scaling distributed training systems. Google 2023\n"
        "- Guest Lecture: Consensus in practice. Stanford 2022\n"
    )
    papers, _ = _read(text)
    assert [t for t, _, _ in papers.values()] == ["Paxos Made Simple", "The Google File System"]


def test_a_one_word_venue_with_pages_is_dblps() -> None:
    text = "- Ann Bee, Cid Dee: Adaptive Event Routing in Practice. Middleware 2019: 1-13\n"
    papers, _ = _read(text)
    assert papers == {1: ("Adaptive Event Routing in Practice", "Middleware 2019", 2019)}
