"""Shapes met in a fifth round of real lists outside the shared corpora, from short excerpts.

Every excerpt names the repository and file it comes from (or the search index's stored id
when the index gives no repository); the expectations are what a careful reader of that
excerpt would write down.
"""

from __future__ import annotations

import pytest

from papershelf.catalog.decide import is_slides
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import NON_PAPERS, UNREADABLE
from papershelf.catalog.venue_text import parse_venue
from papershelf.errors import ListError

from .excerpts import read_excerpt as _read

# A public project README (stored id 46856443655): under "Papers", lines that are only a URL.
# Nothing names the paper, so no title can be written down: each is a skip, not a paper
# titled with its address.
BARE_URLS = """\
## Papers
- https://jamanetwork.com/journals/jamanetworkopen/fullarticle/2822296#editorial-comment-tab
- https://arxiv.org/abs/2310.16427
"""


def test_a_line_that_is_only_a_url_is_no_title() -> None:
    with pytest.raises(ListError, match=r"no papers found; skipped 2: 2 unreadable"):
        parse_list(BARE_URLS, source="excerpt.md")
    papers, skipped = _read(
        BARE_URLS + "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n"
    )
    assert list(papers) == [4]
    assert skipped == {2: UNREADABLE, 3: UNREADABLE}


# Two public READMEs (stored ids 56480806333 and 60372952993): the link names the paper by
# its arXiv id and the title follows it; the id gives the year.
ID_THEN_TITLE = """\
## References

- [arXiv:2406.10215](https://arxiv.org/abs/2406.10215) Recency Bias Injection: End-of-Context Instruction Override
- [arXiv:1706.03762](https://arxiv.org/abs/1706.03762) Attention Is All You Need
"""  # noqa: E501


def test_the_title_after_an_arxiv_id_link_is_the_title() -> None:
    papers, _ = _read(ID_THEN_TITLE)
    assert papers == {
        3: ("Recency Bias Injection: End-of-Context Instruction Override", "", 2024),
        4: ("Attention Is All You Need", "", 2017),
    }
    # under a "Papers" heading (the sectioned reading) too
    papers, _ = _read(ID_THEN_TITLE.replace("References", "Papers"))
    assert [title for title, _, _ in papers.values()] == [
        "Recency Bias Injection: End-of-Context Instruction Override",
        "Attention Is All You Need",
    ]


# Titles copied from ACM Digital Library pages keep the page's " | Proceedings of ..." tail
# (stored ids 28198203520 and 13595306845): the tail is where the paper appeared.
ACM_PAGE_TITLES = """\
# Reading notes

- [vAttention: Dynamic Memory Management for Serving LLMs without PagedAttention | Proceedings of the 30th ACM International Conference on Architectural Support for Programming Languages and Operating Systems, Volume 1](https://dl.acm.org/doi/10.1145/3669940.3707256)
- [Bringing the web up to speed with WebAssembly | Proceedings of the 38th ACM SIGPLAN Conference on Programming Language Design and Implementation](https://dl.acm.org/doi/10.1145/3062341.3062363)
"""  # noqa: E501


def test_a_library_page_tail_is_the_venue_not_the_title() -> None:
    papers, _ = _read(ACM_PAGE_TITLES)
    assert papers == {
        3: (
            "vAttention: Dynamic Memory Management for Serving LLMs without PagedAttention",
            "ACM International Conference on Architectural Support for Programming Languages "
            "and Operating Systems",
            None,
        ),
        4: (
            "Bringing the web up to speed with WebAssembly",
            "ACM SIGPLAN Conference on Programming Language Design and Implementation",
            None,
        ),
    }


# mimicji/Security-Papers-in-WebAssembly, README.md: MDPI journals named by ordinary words.
MDPI = """\
## SoK, Empirical Study, and Survey
- Harnes, Håkon, and Donn Morrison. ["SoK: Analysis Techniques for WebAssembly."](https://www.mdpi.com/1999-5903/16/3/84/pdf), Future Internet, 2024.
- Han, Jideng, et al. ["ESFuzzer: An Efficient Way to Fuzz WebAssembly Interpreter."](https://www.mdpi.com/2079-9292/13/8/1498), Electronics, 2024
- Lehmann, Daniel, Johannes Kinder, and Michael Pradel. ["Everything old is new again: Binary security of WebAssembly."](https://www.usenix.org/system/files/sec20-lehmann.pdf), USENIX Security, 2020.
"""  # noqa: E501


def test_journals_named_by_ordinary_words_are_venues() -> None:
    papers, _ = _read(MDPI)
    assert {line: venue for line, (_, venue, _) in papers.items()} == {
        2: "Future Internet 2024",
        3: "Electronics 2024",
        4: "USENIX Security 2020",
    }
    found = parse_venue("Sensors, 2023")
    assert found is not None and (found.name, found.year) == ("Sensors", 2023)
    assert parse_venue("Future Internet") is None  # a name alone, no year: a phrase
    assert parse_venue("Neural Networks and Deep Learning 2020") is None


# dbarrosop/awesome-networking-papers-presos, README.md: "papers and presentations"; the
# NANOG talks are slides shown at an operators' meeting, the others papers.
NANOG = """\
# awesome-networking-papers-presos
Awesome papers and presentations related to networking

# Load Balancing

* [Ananta: Cloud Scale Load Balancing](http://conferences.sigcomm.org/sigcomm/2013/papers/sigcomm/p207.pdf)
* [Hashing on broken assumptions](https://archive.nanog.org/sites/default/files/1_Saino_Hashing_On_Broken_Assumptions.pdf)
* [Maglev: A Fast and Reliable Software Network Load Balancer](https://www.usenix.org/system/files/conference/nsdi16/nsdi16-paper-eisenbud.pdf)
"""


def test_an_operators_meeting_talk_is_a_presentation() -> None:
    papers, skipped = _read(NANOG)
    assert sorted(papers) == [6, 8]
    assert skipped[7] == NON_PAPERS
    assert is_slides("https://ripe76.ripe.net/presentations/10-ripe76.pdf")
    assert is_slides("https://www.slideshare.net/someone/a-talk")
    assert not is_slides("https://www.usenix.org/conference/osdi24/presentation/shu")
