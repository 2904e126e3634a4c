"""The eighteenth round of real lists: compiler-testing lists, course schedules, DBLP lines.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen18/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.etal_cites import etal_cited
from papershelf.catalog.lead_marks import venue_mark
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import LABELS

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
