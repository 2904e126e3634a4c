"""The twenty-first round of real lists: titles alone under venue headings, tilde bylines,
venues led by a double dash, bullets indented too far to be list items.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen21/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.entry_text import mend
from papershelf.catalog.lead_marks import dash_marked
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.spans import Span
from papershelf.catalog.venue_text import parse_venue
from papershelf.errors import ListError

from .excerpts import read_excerpt as _read

_TITLE_WORD = st.sampled_from(
    ["Efficient", "Graph", "Query", "Processing", "for", "Large", "Stream", "Indexes", "with"]
)
_SERIES = st.sampled_from(["SIGMOD", "VLDB", "OSDI", "NSDI", "SoCC", "EuroSys", "HotCloud"])
_NAME = st.sampled_from(["Mike Burrows", "Leslie Lamport", "Diego Ongaro", "Fay Chang"])

# EdwardTex/references_for_my_phd confread/confread_sigmod.md
# @ 23f927a3ea8c9b83aa1ccc7c67a708e483c88038
VENUE_YEAR_PARAGRAPHS = """\
# SIGMOD

## 2022

### Graph

- [x] A Convex-Programming Approach for Efficient Directed Densest Subgraph Discovery

  > - relate DDS with network flow and bipartitie matching;
  > - formualte set of LP, utilizing duality;

Efficient Algorithms for Maximal $k$-Biplex Enumeration

Anchored Densest Subgraph

### Sys

Ad Hoc Transactions in Web Applications: The Good, the Bad, and the Ugly

## 2021

### Graph

[Accelerating Triangle Counting on GPU](https://dl.acm.org/doi/pdf/10.1145/3448016.3452815)

Incrementalizing Graph Algorithms
"""


def test_a_title_alone_on_a_paragraph_under_a_venue_heading_is_its_paper() -> None:
    papers, skipped = _read(VENUE_YEAR_PARAGRAPHS)
    ugly = "Ad Hoc Transactions in Web Applications: The Good, the Bad, and the Ugly"
    assert papers == {
        7: (
            "A Convex-Programming Approach for Efficient Directed Densest Subgraph Discovery",
            "SIGMOD 2022",
            2022,
        ),
        12: ("Efficient Algorithms for Maximal $k$-Biplex Enumeration", "SIGMOD 2022", 2022),
        14: ("Anchored Densest Subgraph", "SIGMOD 2022", 2022),
        18: (ugly, "SIGMOD 2022", 2022),
        24: ("Accelerating Triangle Counting on GPU", "SIGMOD 2021", 2021),
        26: ("Incrementalizing Graph Algorithms", "SIGMOD 2021", 2021),
    }
    assert not skipped  # the quoted bullets are notes on the paper above, no entries


NOT_TITLES = """\
# NSDI 2025

## Meta Info

Fall: 13.7% (= 55 / 401)

227 papers accepted.

> IoT Security

This list is kept by hand. Pull requests are welcome.
"""


def test_a_venue_heading_does_not_make_its_sentences_or_figures_titles() -> None:
    with pytest.raises(ListError, match="skipped 3: 3 text without a paper link"):
        parse_list(NOT_TITLES, source="x.md")  # lines 5, 7 and 11; the quote is no candidate


@given(_SERIES, st.integers(1990, 2030), st.lists(_TITLE_WORD, min_size=2, max_size=9))
def test_a_title_paragraph_under_a_venue_and_year_is_that_venue_s(
    series: str, year: int, words: list[str]
) -> None:
    title = " ".join(["Towards", *words])
    text = f"# {series}\n\n## {year}\n\n{title}\n\nWe read these papers in {year}.\n"
    papers, _ = _read(text)
    assert papers == {5: (title, f"{series} {year}", year)}


# indianwolverine/aditya-blog-site content/papers.md @ fbfed5881e928ac89131c86c28c4d36497da582c
TILDE_BYLINES = """\
### Queue
- The Chubby lock service for loosely-coupled distributed systems ~ Mike Burrows
- MyRocks: LSM-Tree Database Storage Engine Serving Facebook's Social Graph ~ Yoshinori Matsunobu

### Reviews
- [The UNIX Time-Sharing System](/docs/unix-time-sharing-system.html) ~ Dennis M. Richie and Ken Thompson
- [Paxos Made Simple](/docs/paxos.html) ~ Leslie Lamport
- [Borg, Omega, and Kubernetes](/docs/k8s.html) ~ Burns et al.
"""  # noqa: E501


def test_names_after_a_tilde_are_the_authors_of_the_paper_before_them() -> None:
    parsed = parse_list(TILDE_BYLINES, source="x.md")
    got = {p.line: (p.title, p.authors) for p in parsed.papers}
    assert got == {
        2: (
            "The Chubby lock service for loosely-coupled distributed systems",
            ("Mike Burrows",),
        ),
        3: (
            "MyRocks: LSM-Tree Database Storage Engine Serving Facebook's Social Graph",
            ("Yoshinori Matsunobu",),
        ),
        6: ("The UNIX Time-Sharing System", ("Dennis M. Richie", "Ken Thompson")),
        7: ("Paxos Made Simple", ("Leslie Lamport",)),
        8: ("Borg, Omega, and Kubernetes", ("Burns et al",)),
    }
    assert not parsed.skipped


@given(st.lists(_TITLE_WORD, min_size=3, max_size=9), _NAME)
def test_a_plain_title_credited_after_a_tilde_is_a_paper(words: list[str], name: str) -> None:
    title = " ".join(["Designing", *words])
    parsed = parse_list(f"## Queue\n- {title} ~ {name}\n", source="x.md")
    assert [(p.title, p.authors) for p in parsed.papers] == [(title, (name,))]


# beitong95/paper-list-cloud-iot List-of-Conf-Paper.md @ 0844a7643448e531091eb9451d906b793413d312
DASHED_VENUES = """\
BigData
------

  99. Papers
    - Exdcuting Big Data Framework on Transient Resources (a.k.a spot?) -- similarities and differences.
      - Eurosys 2017 -- Pado: A Data Processing Engine for Harnessing Transient Resources in Datacenters
      - Eurosys 2017 --  `BigData processing + Resource Management` -- Proteus: agile ML elasticity through tiered reliability in dynamic resource markets
      
    - OSDI 16 -- TensorFlow: A system for large-scale machine learning
  100. Candidates
    - SoCC 2016 -- [ReStream: Accelerating Backtesting and Stream Replay with Serial-Equivalent Parallel Processing](http://dl.acm.org/authorize?N12970)
    - SoCC 2016 -- [STYX: Stream Processing with Trustworthy Cloud-based Execution](http://dl.acm.org/authorize?N12971)
    - NSDI 17 -- CherryPick: Adaptively Unearthing the Best Cloud Configurations for Big Data Analytics

Cloud Functions
-------------
- HotCloud '17 -- Paracloud: Bringing Application Insight into Cloud Operations -- not PDF released yet.
- SoCC 16 -- `Cloud + AI` -- Watcharapichat et al, [Ako: Decentralised Deep Learning with Partial Gradient Exchange](http://dl.acm.org/authorize?N12952)
- ISCA 15, Hauswald et al, [DjiNN and Tonic: DNN as a service and its implications for future warehouse scale computers](http://dl.acm.org/citation.cfm?id=2749472)
- arXiv -- Jonas et al, [Occupy the Cloud: Distributed Computing for the 99%](https://arxiv.org/abs/1702.04024) -- Seems like it was submitted to HotCloud and rejected, but worthwhile to read.
"""  # noqa: E501, W293


def test_a_venue_led_by_a_double_dash_and_bullets_indented_too_far() -> None:
    papers, _ = _read(DASHED_VENUES)
    proteus = "Proteus: agile ML elasticity through tiered reliability in dynamic resource markets"
    restream = (
        "ReStream: Accelerating Backtesting and Stream Replay with Serial-Equivalent "
        "Parallel Processing"
    )
    cherry = (
        "CherryPick: Adaptively Unearthing the Best Cloud Configurations for Big Data Analytics"
    )
    djinn = (
        "DjiNN and Tonic: DNN as a service and its implications for future warehouse "
        "scale computers"
    )
    assert papers == {
        6: (
            "Pado: A Data Processing Engine for Harnessing Transient Resources in Datacenters",
            "Eurosys 2017",
            2017,
        ),
        7: (proteus, "Eurosys 2017", 2017),
        9: ("TensorFlow: A system for large-scale machine learning", "OSDI 2016", 2016),
        11: (restream, "SoCC 2016", 2016),
        12: ("STYX: Stream Processing with Trustworthy Cloud-based Execution", "SoCC 2016", 2016),
        13: (cherry, "NSDI 2017", 2017),
        17: (
            "Paracloud: Bringing Application Insight into Cloud Operations",
            "HotCloud 2017",
            2017,
        ),
        18: ("Ako: Decentralised Deep Learning with Partial Gradient Exchange", "SoCC 2016", 2016),
        19: (djinn, "ISCA 2015", 2015),
        20: ("Occupy the Cloud: Distributed Computing for the 99%", "arXiv", None),
    }
    remarks = {p.line: p.remarks for p in parse_list(DASHED_VENUES, source="x.md").papers}
    assert "not PDF released yet." in remarks[17]


@given(_SERIES, st.integers(2000, 2029), st.lists(_TITLE_WORD, min_size=3, max_size=9))
def test_a_venue_then_a_double_dash_leads_a_title(series: str, year: int, words: list[str]) -> None:
    title = " ".join(words)
    found = dash_marked(f"{series} {year % 100:02d} -- {title} -- a note")
    assert found is not None
    venue, got, notes = found
    assert (got, notes) == (title, ["a note"])
    guess = parse_venue(venue, need_year=True)
    assert guess is not None and guess.year == year


def test_words_before_a_double_dash_that_name_no_venue_lead_no_title() -> None:
    assert dash_marked("Exdcuting Big Data Framework -- similarities and differences.") is None
    assert dash_marked("Good -- Fast and Cheap: pick two of them") is None


# KimHyungSub/CPS-papers README.md (stored version 39740610525; the index gives no commit)
CLOSING_NOTES = """\
## 1-1) SoK/Survey
- SoK: Rethinking Sensor Spoofing Attacks against Robotic Vehicles from a Systematic View, Euro S&P'23.

### 1-2-1) Countermeasures against EMI attacks
  - Ghost talk: Mitigating EMI signal injection attacks against analog sensors, S&P'13. (Shielding and differential signaling)
  - Pycra: Physical challenge-response authentication for active sensors under spoofing attacks, CCS'15. (Low-pass filter)

## 1-4) GPS/GNSS spoofing
- Cryptography Is Not Enough: Real-time Location Spoofing of Authenticated GNSS Signals, arxiv.
- Cryptography Is Not Enough: Relay Attacks on Authenticated GNSS Signals, arXiv (2022).
"""  # noqa: E501


def test_a_note_after_a_reference_s_stop_and_a_preprint_closing_it() -> None:
    papers, skipped = _read(CLOSING_NOTES)
    assert papers == {
        2: (
            "SoK: Rethinking Sensor Spoofing Attacks against Robotic Vehicles from a "
            "Systematic View",
            "Euro S&P 2023",
            2023,
        ),
        5: (
            "Ghost talk: Mitigating EMI signal injection attacks against analog sensors",
            "S&P 2013",
            2013,
        ),
        6: (
            "Pycra: Physical challenge-response authentication for active sensors under "
            "spoofing attacks",
            "CCS 2015",
            2015,
        ),
        9: (
            "Cryptography Is Not Enough: Real-time Location Spoofing of Authenticated GNSS Signals",
            "arXiv",
            None,
        ),
        10: (
            "Cryptography Is Not Enough: Relay Attacks on Authenticated GNSS Signals",
            "arXiv 2022",
            2022,
        ),
    }
    assert not skipped
    remarks = {p.line: p.remarks for p in parse_list(CLOSING_NOTES, source="x.md").papers}
    assert remarks[5] == ("Shielding and differential signaling",)


# beitong95/paper-list-cloud-iot List-of-Conf-Paper.md @ 0844a7643448e531091eb9451d906b793413d312
SWAPPED_LINK = """\
Cloud Functions
-------------
- NSDI' 17 -- Fouladi et al, (Encoding, Fast and Slow: Low-Latency Video Processing Using Thousands of Tiny Threads)[https://www.usenix.org/system/files/conference/nsdi17/nsdi17-fouladi.pdf]
"""  # noqa: E501


def test_a_link_with_its_brackets_swapped_is_the_paper_s_link() -> None:
    parsed = parse_list(SWAPPED_LINK, source="x.md")
    [paper] = parsed.papers
    title = "Encoding, Fast and Slow: Low-Latency Video Processing Using Thousands of Tiny Threads"
    assert (paper.title, paper.venue, paper.year) == (title, "NSDI 2017", 2017)
    assert paper.links[0].url.endswith("nsdi17-fouladi.pdf")


@given(st.lists(_TITLE_WORD, min_size=3, max_size=9))
def test_a_swapped_link_is_mended(words: list[str]) -> None:
    title = " ".join(words)
    got = mend([Span(f"- Names et al, ({title})[https://example.org/paper.pdf]")])
    assert got is not None
    assert [(s.text, s.href) for s in got if s.is_link] == [
        (title, "https://example.org/paper.pdf")
    ]
