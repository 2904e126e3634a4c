"""The eighteenth round of real lists: compiler-testing lists, course schedules, DBLP lines.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen18/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.dblp_lines import dblp_cited
from papershelf.catalog.emph_cites import names_then_emph
from papershelf.catalog.etal_cites import etal_cited
from papershelf.catalog.lead_marks import venue_mark
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.mla_names import mla_first
from papershelf.catalog.skips import LABELS, NO_LINK
from papershelf.catalog.spans import Span
from papershelf.catalog.venue_headings import glued_year

from .excerpts import read_excerpt as _read

_TITLE_WORD = st.sampled_from(["Finding", "Compiler", "Bugs", "via", "Live", "Code", "Mutation"])

# haoyang9804/Papers4CompilerCorrectness README.md @ 041d95911d09cf7ed052b7ddb6407cf89441c869
BRACKETED_VENUES = """\
### >> GCC/LLVM

+ Practical Testing of a C99 Compiler Using Output Comparison [2007]
+ Finding and understanding bugs in C compilers [PLDI2011]
+ Swarm Testing [ISSTA2012]
+ Random Testing of C Compilers Targeting Arithmetic Optimization [IPSJ Transactions on System LSI Design Methodology2012]
+ CsmithEdge: more effective compiler testing by handling undefined behaviour less conservatively [Empirical Software Engineering2022]

### >> Python Interpreters
+ An empirical study on bugs in python interpreters [IEEE Transactions on Reliability2022]
"""  # noqa: E501


def test_a_plain_title_closed_by_its_venue_and_year_in_brackets_is_a_paper() -> None:
    papers, skipped = _read(BRACKETED_VENUES)
    assert papers == {
        3: ("Practical Testing of a C99 Compiler Using Output Comparison", "", 2007),
        4: ("Finding and understanding bugs in C compilers", "PLDI 2011", 2011),
        5: ("Swarm Testing", "ISSTA 2012", 2012),
        6: (
            "Random Testing of C Compilers Targeting Arithmetic Optimization",
            "IPSJ Transactions on System LSI Design Methodology 2012",
            2012,
        ),
        7: (
            "CsmithEdge: more effective compiler testing by handling undefined behaviour less"
            " conservatively",
            "Empirical Software Engineering 2022",
            2022,
        ),
        10: (
            "An empirical study on bugs in python interpreters",
            "IEEE Transactions on Reliability 2022",
            2022,
        ),
    }
    assert skipped == {}


@given(
    st.lists(_TITLE_WORD, min_size=3, max_size=8),
    st.sampled_from(["PLDI", "ISSTA", "OOPSLA", "ASPLOS"]),
    st.integers(1990, 2029),
    st.booleans(),
)
def test_a_bracketed_venue_with_its_year_glued_or_spaced_closes_a_plain_title(
    words: list[str], series: str, year: int, glued: bool
) -> None:
    title = " ".join(words)
    venue = f"{series}{year}" if glued else f"{series} {year}"
    papers, _ = _read(f"## Papers\n\n+ {title} [{venue}]\n")
    assert papers == {3: (title, f"{series} {year}", year)}


@given(st.lists(_TITLE_WORD, min_size=3, max_size=8), st.sampled_from(["PDF", "Lamport"]))
def test_a_bracketed_note_without_a_digit_gives_a_plain_title_no_venue(
    words: list[str], note: str
) -> None:
    papers, _ = _read(f"## Papers\n\n+ {' '.join(words)} [{note}]\n")
    assert all(venue == "" for _, venue, _ in papers.values())


# wierton/ReadingList README.md @ 01722aae93512cf9b565ee9a1128d7bfe03ea8f8
MARKED_TITLES = """\
# ICSE20
* ICSE20' Ankou: Guiding Grey-box Fuzzing towards Combinatorial Difference
* ICSE20' Debugging Inputs

# OSDI20
* OSDI20' Testing Database Engines via Pivoted Query Synthesis
"""

# CookiePieWw/paper-reading README.md @ 2c9ac44d60206d9f7a66a80e54bd5987a22038b7
DASHED_MARKS = """\
## TOC

- [PVLDB'23-An Empirical Evaluation of Columnar Storage Formats](https://github.com/CookiePieWw/paper-reading/discussions/10)

- [SOSP'03-The Google File System](https://github.com/CookiePieWw/paper-reading/discussions/12)
"""


def test_a_venue_mark_glued_before_a_title_is_its_venue_not_its_words() -> None:
    papers, _ = _read(MARKED_TITLES)
    assert papers == {
        2: (
            "Ankou: Guiding Grey-box Fuzzing towards Combinatorial Difference",
            "ICSE 2020",
            2020,
        ),
        3: ("Debugging Inputs", "ICSE 2020", 2020),
        6: ("Testing Database Engines via Pivoted Query Synthesis", "OSDI 2020", 2020),
    }
    papers, _ = _read(DASHED_MARKS)
    assert papers == {
        3: ("An Empirical Evaluation of Columnar Storage Formats", "PVLDB 2023", 2023),
        5: ("The Google File System", "SOSP 2003", 2003),
    }


@given(
    st.sampled_from(["ICSE", "OSDI", "SOSP", "PLDI"]),
    st.integers(0, 99),
    st.sampled_from(["{n}{y:02d}' ", "{n}'{y:02d}-", "{n}'{y:02d} - ", "{n} '{y:02d} "]),
    st.lists(_TITLE_WORD, min_size=1, max_size=6),
)
def test_a_venue_mark_opening_a_title_is_split_off_whatever_its_joint(
    name: str, yy: int, shape: str, words: list[str]
) -> None:
    title = " ".join(words)
    assert venue_mark(shape.format(n=name, y=yy) + title) == (f"{name} '{yy:02d}", title)


@given(st.sampled_from(["Rock'n Roll Systems", "Gbps'10 Links Today", "O'Hearn's Logic Rules"]))
def test_an_apostrophe_that_makes_no_venue_mark_leaves_the_title(text: str) -> None:
    assert venue_mark(text) is None


# arquinn/arquinn.github.io _teaching/cse231_fall21_schedule.md
# @ 043b2ec36b4edbb88de6882559d1e4fbd83c7ce3
COURSE_SCHEDULE = """\
|    ###Date   | ###Topic | ###Required | ###Optional | ###Slides |
|--------------|----------|-------------|-------------|--------|
| 9/24 | Course Overview          |                        | | |
| 9/27 | Wisdom                   |                                                            | worse is better<br />Hints<br />Updated Hints<br />How to Read | |
| 9/29 | OS History and Unix      | [Unix](https://dl.acm.org/doi/10.1145/957195.808045) *no review*                     | | |
|10/04 | Kernel                   | [The Exokernel](https://dl.acm.org/doi/10.1145/224056.224076)                        | | |
|10/11 | Kernel                   | [IX](https://www.usenix.org/conference/osdi14/technical-sessions/presentation/belay) | | |
|10/27 | (No Class, SOSP)         | | | |
"""  # noqa: E501


def test_a_schedules_required_and_optional_columns_hold_its_readings() -> None:
    papers, skipped = _read(COURSE_SCHEDULE)
    assert papers == {
        5: ("Unix", "", None),
        6: ("The Exokernel", "", None),
        7: ("IX", "", None),
    }
    assert skipped == {4: LABELS}


# xchliu/papers-of-database docs/index.md @ 4316d52fe45be05c1fe49d68b3fe9a69e8816c6d
FIRST_AUTHOR_ET_AL = """\
# Cloudnative Database
* Armbrust et al., Above the Clouds: A Berkeley View of Cloud Computing, 2009.
* [Optional] Hellerstein et al., Serverless Computing: One Step Forward, Two Steps Back, CIDR'19.
* *Verbitski et al., Amazon Aurora: Design Considerations for High Throughput Cloud-Native Relational Databases, SIGMOD'17.
"""  # noqa: E501


def test_a_surname_and_et_al_before_a_title_are_its_author() -> None:
    papers, skipped = _read(FIRST_AUTHOR_ET_AL)
    assert papers == {
        2: ("Above the Clouds: A Berkeley View of Cloud Computing", "", 2009),
        3: ("Serverless Computing: One Step Forward, Two Steps Back", "CIDR 2019", 2019),
        4: (
            "Amazon Aurora: Design Considerations for High Throughput Cloud-Native Relational"
            " Databases",
            "SIGMOD 2017",
            2017,
        ),
    }
    assert skipped == {}  # "Armbrust et al., ..., 2009.": its author named, a paper
    authors = {p.line: p.authors for p in parse_list(FIRST_AUTHOR_ET_AL, source="x.md").papers}
    assert authors[2] == ("Armbrust",)


@given(
    st.sampled_from(["Armbrust", "Van Aken", "Lagar-Cavilla"]),
    st.lists(_TITLE_WORD, min_size=2, max_size=6),
    st.sampled_from([("SIGMOD'20", 2020), ("2009", 2009), ("VLDB'19", 2019)]),
)
def test_et_al_names_a_title_and_its_last_comma_group_the_venue(
    name: str, words: list[str], tail: tuple[str, int]
) -> None:
    title = " ".join(words) if len(words) < 3 else f"{words[0]}, {' '.join(words[1:])}"
    cited = etal_cited(f"{name} et al., {title}, {tail[0]}.")
    assert cited is not None
    assert (cited.authors, cited.title, cited.year) == (name, title, tail[1])


# TsinghuaDatabaseGroup/AIDB README.md @ 002299f0d82c5a47202b9b25aa04f9352eee9c22
ITALIC_CITED_TITLES = """\
### Index Advisor

**[EA & B]** Jan Kossmann, Stefan Halfpap, Marcel Jankrift, Rainer Schlosser: *Magic mirror in my hand, which is the best in the land? An Experimental Evaluation of Index Selection Algorithms.* Proc. VLDB Endow. 13(11): 2382-2395 (2020) [[paper](http://www.vldb.org/pvldb/vol13/p2382-kossmann.pdf)]

**[Heuristic-based, AutoAdmin]** Surajit Chaudhuri, Vivek R. Narasayya: *An Efficient Cost-Driven Index Selection Tool for Microsoft SQL Server.* VLDB 1997: 146-155 [[paper](https://www.vldb.org/conf/1997/P146.PDF)]

**[Tutorial | AI4Tuning]** \tJiaheng Lu, Yuxing Chen, Herodotos Herodotou, Shivnath Babu. *Speedup Your Analytics: Automatic Parameter Tuning for Databases and Big Data Systems*, VLDB, 2019. [[paper](http://www.vldb.org/pvldb/vol12/p1970-lu.pdf)]
"""  # noqa: E501


def test_names_then_an_italic_title_then_the_venue_read_as_a_citation() -> None:
    papers, skipped = _read(ITALIC_CITED_TITLES)
    assert papers == {
        3: (
            "Magic mirror in my hand, which is the best in the land? An Experimental Evaluation"
            " of Index Selection Algorithms",
            "Proc. VLDB Endow 2020",
            2020,
        ),
        5: (
            "An Efficient Cost-Driven Index Selection Tool for Microsoft SQL Server",
            "VLDB 1997",
            1997,
        ),
        7: (
            "Speedup Your Analytics: Automatic Parameter Tuning for Databases and Big Data Systems",
            "VLDB 2019",
            2019,
        ),
    }
    assert skipped == {}
    authors = {p.line: p.authors for p in parse_list(ITALIC_CITED_TITLES, source="x.md").papers}
    assert authors[5] == ("Surajit Chaudhuri", "Vivek R. Narasayya")


@given(
    st.sampled_from(["Hai Lan, Zhifeng Bao", "Surajit Chaudhuri, Vivek R. Narasayya"]),
    st.sampled_from([": ", ". "]),
    st.lists(_TITLE_WORD, min_size=3, max_size=8),
)
def test_an_italic_title_after_names_and_a_stop_is_the_title(
    names: str, stop: str, words: list[str]
) -> None:
    title = " ".join(words)
    spans = [Span(names + stop), Span(title + ".", emph=True), Span(" CIKM 2020: 2105-2108 ")]
    found = names_then_emph(spans, len(spans), [])
    assert found is not None and found.text == title and found.cited is not None
    assert found.cited.year == 2020


@given(st.sampled_from(["See the list below", "Read this one first", "Note"]))
def test_a_sentence_before_italic_words_is_no_byline(lead: str) -> None:
    spans = [Span(f"{lead}: "), Span("Finding Compiler Bugs Today", emph=True), Span(" now")]
    assert names_then_emph(spans, len(spans), []) is None


# hzysvilla/Academic_Smart_Contract_Papers README.md @ 006f213fccee3f543c34aab801e77eaa6dd21f1b
SERIES_THEN_GLUED_YEARS = """\
## S&P 
([25](#sp2025),[24](#sp2024))

### sp2024

* [security] [SoK: Security and Privacy of Blockchain Interoperability](https://www.techrxiv.org/doi/pdf/10.36227/techrxiv.24595764).

### sp2015

* [security] [The miner's dilemma](https://ieeexplore.ieee.org/abstract/document/7163020/)
"""  # noqa: W291


# hzysvilla/Academic_Smart_Contract_Papers README.md @ 006f213fccee3f543c34aab801e77eaa6dd21f1b
SEARCHED_TITLE = """\
### sp2024

* [security] [Optimal Flexible Consensus and its Application to Ethereum]().
* [security] [Non-Atomic Arbitrage in Decentralized Finance](https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=Non-Atomic+Arbitrage+in+Decentralized+Finance&btnG=)
* [security] [Routing Attacks on Cryptocurrency Mining Pools]().
"""


def test_a_title_linked_to_a_search_for_it_is_still_the_title() -> None:
    papers, skipped = _read(SEARCHED_TITLE)
    assert papers == {
        3: ("Optimal Flexible Consensus and its Application to Ethereum", "", None),
        4: ("Non-Atomic Arbitrage in Decentralized Finance", "", None),
        5: ("Routing Attacks on Cryptocurrency Mining Pools", "", None),
    }
    assert skipped == {}


@given(st.lists(_TITLE_WORD, min_size=3, max_size=8))
def test_a_search_link_named_for_its_site_beside_a_title_is_dropped(words: list[str]) -> None:
    title = " ".join(words)
    search = "https://scholar.google.com/scholar?q=" + "+".join(words)
    papers, _ = _read(
        f"## OSDI 2020\n\n* [{title}](https://x.org/a.pdf) [Google Scholar]({search})\n"
    )
    assert papers == {3: (title, "OSDI 2020", 2020)}
    papers, _ = _read(f"## OSDI 2020\n\n* [{title}]({search})\n")
    assert papers == {3: (title, "OSDI 2020", 2020)}


def test_a_year_heading_spelling_the_series_above_it_dates_that_series() -> None:
    papers, _ = _read(SERIES_THEN_GLUED_YEARS)
    assert papers == {
        6: ("SoK: Security and Privacy of Blockchain Interoperability", "S&P 2024", 2024),
        10: ("The miner's dilemma", "S&P 2015", 2015),
    }


@given(
    st.sampled_from(["S&P", "CCS", "USENIX Sec"]),
    st.integers(1990, 2029),
    st.sampled_from(["", "-", "_", " "]),
)
def test_the_series_letters_then_a_year_give_that_year(series: str, year: int, sep: str) -> None:
    letters = "".join(ch for ch in series if ch.isalpha()).lower()
    assert glued_year(f"{letters}{sep}{year}", series) == year
    assert glued_year(f"llm{sep}{year}", series) is None


# xchliu/papers-of-database docs/index.md @ 4316d52fe45be05c1fe49d68b3fe9a69e8816c6d
DBLP_LINES = """\
*Data Models and DBMS Architecture

Michael Stonebraker Joseph M. Hellerstein. What Goes Around Comes Around. 
Joseph M. Hellerstein Michael Stonebraker. Anatomy of a Database System. 
*Query Processing

Patricia G. Selinger Morton M. Astrahan Donald D. Chamberlin Raymond A. Lorie Thomas G. Price. Access Path Selection in a Relational Database Management System.. Proc. SIGMOD Conference, 1979, 23-34. 
Leonard D. Shapiro. Join Processing in Database Systems with Large Main Memories.. ACM Trans. Database Syst., 11(3), 1986, 239-264. 
Chris Nyberg Tom Barclay Zarka Cvetanovic Jim Gray David B. Lomet. AlphaSort: A Cache-Sensitive Parallel External Sort. VLDB J., 4(4), 1995, 603-627. 
"""  # noqa: E501, W291


def test_dblp_lines_of_one_paragraph_are_a_paper_each() -> None:
    papers, skipped = _read(DBLP_LINES)
    assert papers == {
        3: ("What Goes Around Comes Around", "", None),
        4: ("Anatomy of a Database System", "", None),
        7: (
            "Access Path Selection in a Relational Database Management System",
            "Proc. SIGMOD Conference 1979",
            1979,
        ),
        8: (
            "Join Processing in Database Systems with Large Main Memories",
            "ACM Trans. Database Syst 1986",
            1986,
        ),
        9: ("AlphaSort: A Cache-Sensitive Parallel External Sort", "VLDB J 1995", 1995),
    }
    assert skipped == {1: NO_LINK, 5: NO_LINK}
    authors = {p.line: p.authors for p in parse_list(DBLP_LINES, source="x.md").papers}
    assert authors[3] == ("Michael Stonebraker", "Joseph M. Hellerstein")
    assert authors[9][-1] == "David B. Lomet"


_FULL_NAMES = st.sampled_from(
    ["Jim Gray", "Goetz Graefe", "H. T. Kung", "Raymond A. Lorie", "Patrick E. O'Neil"]
)


@given(
    st.lists(_FULL_NAMES, min_size=1, max_size=4),
    st.lists(_TITLE_WORD, min_size=2, max_size=8),
    st.integers(1970, 2029),
)
def test_full_names_then_a_title_and_a_double_stop_read_as_dblp(
    names: list[str], words: list[str], year: int
) -> None:
    title = " ".join(words)
    cited = dblp_cited(f"{' '.join(names)}. {title}.. Proc. VLDB, {year}, 351-360.")
    assert cited is not None
    assert (cited.authors, cited.title, cited.year) == (", ".join(names), title, year)


@given(st.lists(_TITLE_WORD, min_size=2, max_size=6))
def test_capitalised_words_then_a_stop_and_no_year_name_nobody(words: list[str]) -> None:
    """``Key-Value Storage Engines. In Proceedings ...`` or ``Deep Systems. Some notes.``"""
    assert dblp_cited(f"Key-Value Storage Engines. {' '.join(words)}.") is None
    assert dblp_cited(f"Key-Value Storage Engines. In Proceedings of {' '.join(words)}.") is None


# the-au-forml-lab/plgroup docs/index.md @ 000906a9db8e78d4ceb1df36389a811bd4c7d305
MLA_CITATIONS = """\
#### Previous Papers

<!-- prev_start -->
2. Thokair, Mosaad Al, et al. “Dynamic Race Detection with O(1) Samples.” Proceedings of the ACM on Programming Languages, vol. 7, no. POPL, Jan. 2023, pp. 1308–37. Crossref, <a href='https://doi.org/10.1145/3571238' target='_blank'>https://doi.org/10.1145/3571238</a>.
1. Ding, Shuo, and Qirun Zhang. “Witnessability of Undecidable Problems.” Proceedings of the ACM on Programming Languages, vol. 7, no. POPL, Jan. 2023, pp. 982–1002. Crossref, <a href='https://doi.org/10.1145/3571227' target='_blank'>https://doi.org/10.1145/3571227</a>.
<!-- prev_end -->
"""  # noqa: E501


def test_mla_puts_the_first_authors_family_name_first_and_only_that() -> None:
    papers, _ = _read(MLA_CITATIONS)
    venue = "Proceedings of the ACM on Programming Languages 2023"
    assert papers == {
        4: ("Dynamic Race Detection with O(1) Samples", venue, 2023),
        5: ("Witnessability of Undecidable Problems", venue, 2023),
    }
    authors = {p.line: p.authors for p in parse_list(MLA_CITATIONS, source="x.md").papers}
    assert authors == {4: ("Mosaad Al Thokair",), 5: ("Shuo Ding", "Qirun Zhang")}


@given(
    st.sampled_from(["Ding", "Abreu", "McCulloch", "O'Hearn"]),
    st.sampled_from(["Shuo", "Pedro", "Warren S.", "Peter W."]),
    st.sampled_from(["and Qirun Zhang", "and Walter Pitts", "et al.", "et al"]),
)
def test_an_mla_first_author_reads_given_name_first(family: str, given: str, rest: str) -> None:
    read = mla_first(f"{family}, {given}, {rest}")
    first = f"{given} {family}"
    assert read == (first if rest.startswith("et") else f"{first}, {rest}")


@given(st.sampled_from(["Smith, Jones", "Gray, Reuter and Lamport", "A. Pavlo, M. Butrovich"]))
def test_names_without_the_mla_shape_stay_as_written(names: str) -> None:
    assert mla_first(names) == names


# TsinghuaDatabaseGroup/AIDB README.md @ 002299f0d82c5a47202b9b25aa04f9352eee9c22
TITLE_THEN_VENUE = """\
#### Survey

Automatic Database Knob Tuning: A Survey. TKDE, 2023. [[paper](http://dbgroup.cs.tsinghua.edu.cn/ligl/papers/tuning-survey.pdf)] [[code](https://github.com/evolveDB/tuning-survey)]
"""  # noqa: E501


def test_a_plain_title_a_stop_then_a_venue_and_year_before_its_links() -> None:
    papers, skipped = _read(TITLE_THEN_VENUE)
    assert papers == {3: ("Automatic Database Knob Tuning: A Survey", "TKDE 2023", 2023)}
    assert skipped == {}


@given(
    st.lists(_TITLE_WORD, min_size=3, max_size=8),
    st.sampled_from([("TKDE, 2023", "TKDE 2023"), ("VLDB 2019", "VLDB 2019")]),
)
def test_the_sentence_after_a_plain_title_names_its_venue(
    words: list[str], venue: tuple[str, str]
) -> None:
    title = " ".join(words)
    papers, _ = _read(f"## A\n\n{title}. {venue[0]}. [[paper](https://x.org/a.pdf)]\n")
    assert papers == {3: (title, venue[1], int(venue[1][-4:]))}
