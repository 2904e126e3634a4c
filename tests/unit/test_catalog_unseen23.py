"""The twenty-third round of real lists: a table pasted from a spreadsheet with tabs, dates
as headings, a year and a venue before each link, a title bullet with its venue, authors and
links below it, dblp lines with every author linked, a whole APA entry in bold.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen23/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import kind_of
from papershelf.errors import ListError

from .excerpts import read_excerpt as _read

_TITLE_WORD = st.sampled_from(
    ["Eidetic", "Record", "Replay", "Kernel", "Fuzzing", "Systems", "Debugging", "for", "with"]
)
_YEAR = st.integers(min_value=1990, max_value=2025)
_VENUE = st.sampled_from(["OSDI", "SOSP", "ASPLOS", "ATC", "CCS", "NDSS", "FAST"])

# celestial-d/Persistent-memory-Paper README.md @ 4a301ce1f020745a60011e8aa62cd5db2a1fba80
TAB_SEPARATED = (
    "# SystemPaper\n"
    "\n"
    "name\tconference \tyear\tgoal\ttools\tcapture\tfollowing work\n"
    "Multi-stage Replay with Crosscut\tVEE\t2010\ta self-defined record and replay platform"
    "\tvmware, record&replay\tinstruction\t\n"
    "Eidetic Systems\tOSDI\t2014\ta practical eidetic computing platform\tPIN, record&replay"
    "\tinstruction\tRain: Refinable Attack Investigation with On-demand Inter-Process"
    " Information Flow Tracking\n"
    "PALLAS: Semantic-Aware Checking for Finding Deep Bugs in Fast Path\tASPLOS\t2017\t\t\t\t\n"
    "A Dataflow Approach to Event-based Debugging\tSOFTWARE\u2014PRACTICE AND EXPERIENCE\t1991"
    "\t\t\t\t\n"
    "A Dataow Language for Scriptable Debugging\t\t\t\t\t\t\n"
    "toki: A Build- and Test-Platform for Prototyping and Evaluating Operating System Concepts"
    " in Real-Time Environments\tARXIV\t\t\tQEMU\t\t\n"
)


def test_a_table_pasted_with_tabs_is_read_as_a_table() -> None:
    papers, skipped = _read(TAB_SEPARATED)
    pallas = "PALLAS: Semantic-Aware Checking for Finding Deep Bugs in Fast Path"
    toki = (
        "toki: A Build- and Test-Platform for Prototyping and Evaluating Operating System"
        " Concepts in Real-Time Environments"
    )
    assert papers == {
        4: ("Multi-stage Replay with Crosscut", "VEE 2010", 2010),
        5: ("Eidetic Systems", "OSDI 2014", 2014),  # the last column names a later work
        6: (pallas, "ASPLOS 2017", 2017),
        7: (
            "A Dataflow Approach to Event-based Debugging",
            "SOFTWARE\u2014PRACTICE AND EXPERIENCE 1991",
            1991,
        ),
        8: ("A Dataow Language for Scriptable Debugging", "", None),
        9: (toki, "ARXIV", None),  # a venue column's name without a year is still the venue
    }
    assert not skipped


def test_tabs_in_a_line_that_names_no_columns_make_no_table() -> None:
    text = "Some notes\tabout things\tand more\nA second line\twith tabs\there\n"
    with pytest.raises(ListError, match="1 text without a paper link"):
        _read(text)  # one paragraph of text, as before


@given(st.lists(_TITLE_WORD, min_size=3, max_size=7), _VENUE, _YEAR)
def test_every_tab_separated_row_under_a_title_header_is_its_paper(
    words: list[str], venue: str, year: int
) -> None:
    title = " ".join(words).capitalize()
    rows = "".join(f"{title} {i}\t{venue}\t{year}\tnote {i}\n" for i in range(3))
    papers, _ = _read("Title\tVenue\tYear\tNotes\n" + rows)
    assert papers == {2 + i: (f"{title} {i}", f"{venue} {year}", year) for i in range(3)}


# TJU-NSL/awesome-papers daily-arxiv-llm.md @ 0048e595a720c7a93298df928170ebd0a7097a00
DAILY_FEED = """\
The paper list will be updated automatically, please do not edit.

### 2025-05-06

* [Large Language Model Partitioning for Low-Latency Inference at the Edge](https://arxiv.org/abs/2505.02533)
* [Opt-GPTQ: An Optimized GPTQ Combining Sparse Attention and Quantization Techniques](https://arxiv.org/abs/2505.02351)


### 2025-04-30

* [Tempo: Application-aware LLM Serving with Mixed SLO Requirements](https://arxiv.org/abs/2504.20068)
"""


def test_a_date_heading_dates_the_papers_a_feed_lists_under_it() -> None:
    papers, _ = _read(DAILY_FEED)
    opt_gptq = "Opt-GPTQ: An Optimized GPTQ Combining Sparse Attention and Quantization Techniques"
    assert papers == {
        5: ("Large Language Model Partitioning for Low-Latency Inference at the Edge", "", 2025),
        6: (opt_gptq, "", 2025),
        11: ("Tempo: Application-aware LLM Serving with Mixed SLO Requirements", "", 2025),
    }


@given(
    st.lists(_TITLE_WORD, min_size=4, max_size=8),
    _YEAR,
    st.integers(1, 12),
    st.integers(1, 28),
    st.sampled_from(["-", "/", "."]),
    st.booleans(),
)
def test_a_day_or_a_month_heading_gives_its_year(
    words: list[str], year: int, month: int, day: int, sep: str, with_day: bool
) -> None:
    title = " ".join(words).capitalize()
    date = f"{year}{sep}{month:02d}" + (f"{sep}{day:02d}" if with_day else "")
    papers, _ = _read(f"## {date}\n\n- [{title}](https://example.org/p.pdf)\n")
    assert papers == {3: (title, "", year)}


def test_a_heading_with_a_date_in_words_is_a_topic() -> None:
    papers, _ = _read(
        "## Notes of 2025-05-06\n\n- [A Paper About Kernels](https://example.org/p.pdf)\n"
    )
    assert papers == {3: ("A Paper About Kernels", "", None)}


# ljk628/ML-Systems dl_sys.md @ 14d113ca19cb945492b8a0ad675d2db458db0e63
YEAR_THEN_VENUE = (
    "### Deep Learning Frameworks\n"
    "- **[MXNet](http://mxnet.dmlc.ml/en/latest/)**  \n"
    "\t2016 arXiv [Training Deep Nets with Sublinear Memory Cost](https://arxiv.org/abs/1604.06174)"
    "   \t\n"
    "\t2015 NIPSW [MXNet: A Flexible and Efficient Machine Learning Library for Heterogeneous"
    " Distributed Systems](http://www.cs.cmu.edu/~muli/file/mxnet-learning-sys.pdf)"
    " [[GTC'16  Tutorial](http://www.cs.cmu.edu/~muli/file/mxnet_gtc16.pdf)]    \n"
    "\t2014 ICLR [Purine: A bi-graph based deep learning framework](http://arxiv.org/abs/1412.6249)"
    "  \n"
    "\n"
    "### Speicific System \n"
    "\n"
    "- 2015 arXiv [Deep Speech 2: End-to-End Speech Recognition in English and Mandarin]"
    "(http://arxiv.org/abs/1512.02595)  \n"
    "- 2013 ICML [Deep learning with COTS HPC systems]"
    "(http://jmlr.org/proceedings/papers/v28/coates13.pdf)\t\n"
)


def test_a_year_then_a_venue_before_the_link_are_the_paper_s() -> None:
    parsed = parse_list(YEAR_THEN_VENUE, source="excerpt.md")
    papers = sorted((p.title, p.venue, p.year) for p in parsed.papers)  # three share a line
    skipped = {line: kind_of(why) for line, why in parsed.skipped}
    mxnet = "MXNet: A Flexible and Efficient Machine Learning Library for Heterogeneous Distributed"
    assert papers == [
        (
            "Deep Speech 2: End-to-End Speech Recognition in English and Mandarin",
            "arXiv 2015",
            2015,
        ),
        ("Deep learning with COTS HPC systems", "ICML 2013", 2013),
        (mxnet + " Systems", "NIPSW 2015", 2015),  # a workshop, as the list abbreviates it
        ("Purine: A bi-graph based deep learning framework", "ICLR 2014", 2014),
        ("Training Deep Nets with Sublinear Memory Cost", "arXiv 2016", 2016),
    ]
    assert list(skipped.values()) == ["tools or repositories"]  # MXNet's own page


@given(st.lists(_TITLE_WORD, min_size=4, max_size=8), _VENUE, _YEAR)
def test_a_leading_year_and_venue_read_as_the_venue_written_the_other_way(
    words: list[str], venue: str, year: int
) -> None:
    title = " ".join(words).capitalize()
    first, _ = _read(f"- {year} {venue} [{title}](https://example.org/p.pdf)\n")
    second, _ = _read(f"- {venue} {year} [{title}](https://example.org/p.pdf)\n")
    assert first == second == {1: (title, f"{venue} {year}", year)}


# MattPD/cpplinks comparch.micro.channels.md @ 0ae5958fe52ee11a4553a5ed97ea3839a236b0e4
TITLE_THEN_FIELDS = """\
## General: 2022

- Rapid Prototyping for Microarchitectural Attacks
\t- USENIX Security 2022
\t- Catherine Easdon, Michael Schwarz, Martin Schwarzl, Daniel Gruss
\t- https://www.cattius.com/images/rapid-prototyping.pdf
\t- https://github.com/libtea/frameworks
\t- libtea (Transient Execution Attack library): a framework for rapid prototyping of \
microarchitectural attacks on Linux, compatible with x86 (32-bit and 64-bit, Intel and AMD CPUs) \
and AArch64.

## General: 2021

- Computing with Time: Microarchitectural Weird Machines
\t- Architectural Support for Programming Languages and Operating Systems (ASPLOS) 2021
\t- Dmitry Evtyushkin, Thomas Benjamin, Jesse Elwell, Jeffrey A. Eitel, Angelo Sapello, \
Abhrajit Ghosh
\t- https://doi.org/10.1145/3445814.3446729
- SoK: In Search of Lost Time: A Review of JavaScript Timers in Browsers
\t- IEEE European Symposium on Security and Privacy (EuroS&P) 2021
\t- Thomas Rokicki, Cl\u00e9mentine Maurice, Pierre Laperdrix
\t- https://hal.inria.fr/hal-03215569/

## General: 2018

- A Survey of Microarchitectural Timing Attacks and Countermeasures on Contemporary Hardware
\t- Q.Ge, Y. Yarom, D. Cock, and G. Heiser
\t- Journal of Cryptographic Engineering 8 (1) 2018
\t\t- http://dx.doi.org/10.1007/s13389-016-0141-6
\t- Cryptology ePrint Archive, Report 2016/613
\t\t- http://eprint.iacr.org/2016/613

## General: 2017

- A Survey of Timing Channels and Countermeasures
\t- ACM Computing Surveys (CSUR) Volume 50 Issue 1 (2017)
\t- Arnab Kumar Biswas, Diapk Ghosal, Shishir Nagaraja
\t- https://dl.acm.org/citation.cfm?id=3023872
"""


def test_a_title_bullet_over_its_venue_names_and_links_is_one_paper() -> None:
    papers, _ = _read(TITLE_THEN_FIELDS)
    survey = (
        "A Survey of Microarchitectural Timing Attacks and Countermeasures on Contemporary Hardware"
    )
    sok = "SoK: In Search of Lost Time: A Review of JavaScript Timers in Browsers"
    assert papers == {
        3: ("Rapid Prototyping for Microarchitectural Attacks", "USENIX Security 2022", 2022),
        12: ("Computing with Time: Microarchitectural Weird Machines", "ASPLOS 2021", 2021),
        16: (sok, "EuroS&P 2021", 2021),  # the European symposium, not S&P
        23: (survey, "Journal of Cryptographic Engineering 2018", 2018),  # the names come first
        32: ("A Survey of Timing Channels and Countermeasures", "CSUR 2017", 2017),
    }
