"""More shapes of the fourteenth round of real lists, and misreads the thirteenth left.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen14/SOURCES.md, /tmp/unseen13/SOURCES.md and /tmp/unseen12/SOURCES.md); the
expectations are what a careful reader of that excerpt would write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.engine import read_list
from papershelf.catalog.fields import authors_in
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.plain_lead import dash_named, labelled_cited, plain_cited
from papershelf.catalog.spans import Span
from papershelf.catalog.versions import other_versions

from .excerpts import read_excerpt as _read

_TITLE_WORD = st.sampled_from(
    ["Learning", "Fast", "Model", "Checking", "for", "Deep", "Networks", "with", "Graphs", "of"]
)


# Sanzo00/daily-paper docs/llm.md @ 00ef74fd (a list of round 13, where this was left misread):
# a generated table whose author cell is "First Author et.al.", written without the space.
ET_DOT_AL_CELLS = """\
|Publish Date|Title|Authors|PDF|Code|
|---|---|---|---|---|
|**2025-07-03**|**Fast-dLLM: Training-free Acceleration of Diffusion LLM by Enabling KV Cache and Parallel Decoding**|Chengyue Wu et.al.|[2505.22618](http://arxiv.org/abs/2505.22618)|null|
|**2025-07-03**|**Large Language Model-Driven Closed-Loop UAV Operation with Semantic Observations**|Wenhao Wang et.al.|[2507.01930](http://arxiv.org/abs/2507.01930)|null|
"""  # noqa: E501


def test_et_dot_al_after_a_name_is_the_others_as_et_al_is() -> None:
    parsed = parse_list(ET_DOT_AL_CELLS, source="x.md")
    assert [p.authors for p in parsed.papers] == [("Chengyue Wu et al",), ("Wenhao Wang et al",)]


@given(
    st.sampled_from(["Chengyue Wu", "A. Smith", "Wenhao Wang, Ziyue Li", "Wu"]),
    st.sampled_from([" et.al.", " et.al", " et. al.", " et al."]),
)
def test_every_spelling_of_et_al_reads_the_same(names: str, et_al: str) -> None:
    assert authors_in(f"{names}{et_al}") == authors_in(f"{names} et al.")
    assert authors_in(f"{names}{et_al}")[-1].endswith(" et al")


# iamaaditya/iamaaditya.github.io notes/papers/index.md @ 3b1d468c (a list of round 13, where
# this was left misread): "Title - Author <address>", the address shown as its own link text.
DASH_AUTHOR_BEFORE_ADDRESS = """\
### General
  * How to read a paper - Keshava <http://blizzard.cs.uwaterloo.ca/keshav/home/Papers/data/07/paper-reading.pdf>
  * How to write a proof - Leslie Lamport <http://research.microsoft.com/en-us/um/people/lamport/pubs/lamport-how-to-write.pdf>
"""


def test_the_text_before_an_address_is_the_title_and_a_name_after_its_dash_the_author() -> None:
    """The general reader's reading (the one kept for the whole list)."""
    found = read_list(DASH_AUTHOR_BEFORE_ADDRESS)
    assert [(e.line, e.title, e.authors) for e in found.entries] == [
        (2, "How to read a paper", ("Keshava",)),
        (3, "How to write a proof", ("Leslie Lamport",)),
    ]


@given(
    st.lists(_TITLE_WORD, min_size=3, max_size=8),
    st.sampled_from(["Keshava", "Leslie Lamport", "Oded Goldreich", "Mary K. Vernon"]),
)
def test_a_name_after_a_dash_before_an_address_is_cut_from_the_title(
    words: list[str], name: str
) -> None:
    title = " ".join(["Towards", *words])
    assert dash_named(f"{title} - {name} ") == (title, name)


def test_a_subtitle_after_a_dash_is_no_name() -> None:
    assert dash_named("Paxos Made Live - An Engineering Perspective") is None


# X-czh/os-readings README.md @ 0a7b5418 (a list of round 13, where this was left misread):
# titles closed by their year with no link (the links' labels left as words), beside linked
# ones of the same shape, and names before an italic title.
DATED_TITLES_WITHOUT_LINKS = """\
## Historical Perspectives

* E. W. Dijkstra, _The Structure of the "THE"-Multiprogramming System_ (1967).

* TENEX, a Paged Time Sharing System for the PDP-10 (1971). Paper \\| Note

* HYDRA: The Kernel of a Multiprocessor Operating System (1974).

## Microkernel

* Improving IPC by Kernel Design (1993). [Paper](https://dl.acm.org/doi/10.1145/173668.168633) \\| [Note](notes/improving-ipc-by-kernel-design.md)
"""  # noqa: E501


def test_a_title_closed_by_its_year_is_a_paper_without_its_link() -> None:
    papers, skipped = _read(DATED_TITLES_WITHOUT_LINKS)
    assert papers == {
        3: ('The Structure of the "THE"-Multiprogramming System', "", 1967),
        5: ("TENEX, a Paged Time Sharing System for the PDP-10", "", 1971),
        7: ("HYDRA: The Kernel of a Multiprocessor Operating System", "", 1974),
        11: ("Improving IPC by Kernel Design", "", 1993),
    }
    assert not skipped
    authors = {
        p.line: p.authors for p in parse_list(DATED_TITLES_WITHOUT_LINKS, source="x.md").papers
    }
    assert authors[3] == ("E. W. Dijkstra",)


@given(st.lists(_TITLE_WORD, min_size=3, max_size=9), st.integers(1950, 2030), st.booleans())
def test_a_title_and_its_year_in_parentheses_read_whatever_the_words(
    words: list[str], year: int, labels: bool
) -> None:
    title = " ".join(["Towards", *words])
    cited = plain_cited(f"{title} ({year}).{' Paper | Note' if labels else ''}", led=True)
    assert cited is not None
    assert (cited.title, cited.year, cited.authors, cited.rest) == (title, year, "", "")


def test_a_short_label_and_a_year_is_no_title() -> None:
    assert plain_cited("Talks (2019).", led=True) is None


@given(
    st.sampled_from(
        [
            ("International Symposium on Memory Management", "ISMM"),
            ("Symposium on Operating Systems Principles", "SOSP"),
            ("Very Large Data Bases", "VLDB"),
            ("Conference on Innovative Data Systems Research", "CIDR"),
        ]
    ),
    st.lists(_TITLE_WORD, min_size=3, max_size=8),
    st.integers(1960, 2030),
)
def test_a_short_name_closing_a_citation_after_its_full_name_is_the_venue(
    venue: tuple[str, str], words: list[str], year: int
) -> None:
    """``Full Name, ABBR.`` names one venue by its short name, as ``Full Name (ABBR)`` does."""
    full, short = venue
    title = " ".join(["Towards", *words])
    line = f"* Rafkind, Jon & Wick, Adam. ({year}). {title}. {full}, {short}.\n"
    (paper,) = parse_list(line, source="x.md").papers
    assert (paper.title, paper.venue, paper.year) == (title, f"{short} {year}", year)


def test_a_last_part_that_is_no_short_name_of_the_venue_stays_out_of_it() -> None:
    line = "* Rafkind, Jon. (2009). Precise Garbage Collection for C. Memory Systems, Springer.\n"
    (paper,) = parse_list(line, source="x.md").papers
    assert paper.venue == "Memory Systems 2009"


# szarnyasg/graph-data-management Literature-on-Graph-Processing.md @ 15b12bf7: a sub-bullet
# naming the longer version of the paper above it, with its own title, link and venue.
LONGER_VERSION_UNDER_A_PAPER = """\
### Graphs and SQL

* ⚡️ [Graph Processing in RDBMSs](http://sites.computer.org/debull/A17sept/p6.pdf) by Kangfei Zhao, Jeffrey Xu Yu (IEEE Data Eng. Bull., 2017)
  * Longer version: [All-in-One: Graph Processing in RDBMSs Revisited](https://dl.acm.org/doi/10.1145/3035918.3035943) (SIGMOD 2017)
* [G-SQL: Fast Query Processing via Graph Exploration](http://www.vldb.org/pvldb/vol9/p900-ma.pdf) by Hongbin Ma et al. (VLDB 2016)
"""  # noqa: E501


def test_a_longer_version_named_under_a_paper_is_a_paper_of_its_own() -> None:
    found = read_list(LONGER_VERSION_UNDER_A_PAPER)
    assert [(e.title, e.venue, e.year) for e in found.entries] == [
        ("Graph Processing in RDBMSs", ("IEEE Data Eng. Bull", 2017), 2017),
        ("All-in-One: Graph Processing in RDBMSs Revisited", ("SIGMOD", 2017), 2017),
        ("G-SQL: Fast Query Processing via Graph Exploration", ("VLDB", 2016), 2016),
    ]


@given(
    st.sampled_from(["Longer version:", "Extended version:", "Journal version", "A full version:"]),
    st.lists(_TITLE_WORD, min_size=2, max_size=8),
)
def test_a_version_label_before_a_linked_title_names_another_paper(
    label: str, words: list[str]
) -> None:
    title = " ".join(["Towards", *words])
    line = [Span(f"{label} "), Span(title, "https://x.org/p.pdf"), Span(" (SIGMOD 2017)")]
    assert other_versions([line]) == [line[1:]]


def test_notes_or_slides_under_a_paper_are_no_other_version() -> None:
    notes = [Span("Notes: "), Span("My notes on the longer paper", "notes/a.md")]
    slides = [Span("Longer version: "), Span("slides", "https://x.org/s.pdf")]
    assert other_versions([notes, slides]) == []


# LihaoYin/Formal-Verification-Reference README.md @ 03c419b7: a bold label (the method's
# name), then the names, the title and the year between commas, full-width ones or wrapped
# over lines, then a "[paper](url)" link.
BOLD_LABEL_THEN_CITATION = """\
### 2.1 Bounded Model Checking
1. **BMC and K-IND**, Armin Biere et al.， Bounded Model Checking，2003, [paper](https://www.cs.cmu.edu/~emc/papers/Books%20and%20Edited%20Volumes/Bounded%20Model%20Checking.pdf)
2. **K-Induction**, 
Sheeran, Singh, and Stålmarck, Checking
Safety Properties Using Induction and a SAT-Solver, 2000, [paper](https://www.di.ens.fr/~pouzet/cours/mpri/bib/sheeran-FMCAD00.pdf)
"""  # noqa: W291


def test_a_bold_label_before_names_a_title_and_a_year_is_no_title() -> None:
    found = read_list(BOLD_LABEL_THEN_CITATION)
    assert [(e.line, e.title, e.year, e.authors) for e in found.entries] == [
        (2, "Bounded Model Checking", 2003, ("Armin Biere et al",)),
        (
            3,
            "Checking Safety Properties Using Induction and a SAT-Solver",
            2000,
            ("Sheeran", "Singh", "Stålmarck"),
        ),
    ]


@given(
    st.sampled_from(["**BMC**", "**K-Induction**", "**IC3 and PDR**"]),
    st.sampled_from(["Armin Biere et al.", "Sheeran, Singh, and Stålmarck", "A. Bradley"]),
    st.lists(_TITLE_WORD, min_size=2, max_size=8),
    st.integers(1960, 2030),
)
def test_the_last_part_before_the_year_after_a_bold_label_is_the_title(
    label: str, names: str, words: list[str], year: int
) -> None:
    title = " ".join(["Towards", *words])
    cited = labelled_cited(label.strip("*"), [Span(f", {names}, {title}, {year}, ")])
    assert cited is not None
    assert (cited.title, cited.authors, cited.year) == (title, names, year)


def test_a_bold_title_with_a_venue_after_it_keeps_its_title() -> None:
    assert labelled_cited("BMC", [Span(" (CAV 2003), ")]) is None
    assert labelled_cited("A Long Bold Title of a Paper", [Span(", A. Name, T, 2003")]) is None
