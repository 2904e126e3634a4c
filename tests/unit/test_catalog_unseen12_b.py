"""The twelfth round of real lists (test_catalog_unseen12.py): the rest of its excerpts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.bold_cites import authored_bold
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.spans import Span

from .excerpts import read_excerpt as _read
from .test_catalog_unseen12 import _FAMILY, _TITLE_WORDS

# euisuny/best-of-popl README.md @ 61d5f563: a reading group's meetings, each a date, the
# authors, the title in bold and its year; no links at all.
READING_GROUP = """\
## Meetings
* *Jan 29th, 2020* : S.P Jones, P. Wadler. **Imperative Functional Programming** (1993).
* *Feb 12th, 2020* : M. Tofte, J.P. Talpin. **Implementation of the Typed Call-by-Value lambda-calculus using a Stack of Regions** (1994).
"""  # noqa: E501


def test_a_bold_title_between_its_authors_and_its_year_is_a_paper() -> None:
    parsed = parse_list(READING_GROUP, source="excerpt.md")
    read = {p.line: (p.title, p.year, p.authors) for p in parsed.papers}
    assert read == {
        2: ("Imperative Functional Programming", 1993, ("S.P Jones", "P. Wadler")),
        3: (
            "Implementation of the Typed Call-by-Value lambda-calculus using a Stack of Regions",
            1994,
            ("M. Tofte", "J.P. Talpin"),
        ),
    }


_NAMES = st.sampled_from(["S.P Jones, P. Wadler", "M. Tofte", "Luca Cardelli", "G. Necula"])


@given(
    st.sampled_from(["*Jan 29th, 2020* : ", "*Apr 1:* ", "", "Week 3: "]),
    _NAMES,
    st.lists(_TITLE_WORDS, min_size=2, max_size=12),
    st.integers(min_value=1960, max_value=2030),
    st.sampled_from([".", ""]),
)
def test_a_dated_authored_bold_title_reads_whatever_its_label(
    label: str, names: str, words: list[str], year: int, end: str
) -> None:
    title = "Sys: " + " ".join(words)
    line = f"* {label}{names}. **{title}** ({year}){end}\n"
    (paper,) = parse_list(line, source="excerpt.md").papers
    assert (paper.title, paper.year) == (title, year)


@given(st.lists(_TITLE_WORDS, min_size=1, max_size=4), st.integers(1960, 2030))
def test_a_bold_word_without_names_or_year_is_no_authored_title(
    words: list[str], year: int
) -> None:
    """A feature list's or glossary's bold term: no names before it, or no year after it."""
    term = " ".join(words)
    assert authored_bold([Span("* "), Span(term, strong=True), Span(f" ({year}).")]) is None
    assert authored_bold([Span("S. Jones. "), Span(term, strong=True), Span(": fast")]) is None
    assert (
        authored_bold([Span("Fast and small. "), Span(term, strong=True), Span(f" ({year})")])
        is None
    )


# thaliaarchi/notes papers.md @ 78d0c6df: a log of what was read when, by year headings; each
# title quoted in its link, then the authors and the paper's own year in one group.
READ_LOG = """\
## 2023

- [2023-03-09](topics/unexpected_turing.md):
  [“Control-Flow Bending: On the Effectiveness of Control-Flow Integrity”](https://nebelwelt.net/publications/#15SEC)
  (Nicholas Carlini, Antonio Barresi, Mathias Payer, David Wagner, and Thomas R.
  Gross, 2015)
- 2023-10-27:
  [“Secrets of the Glasgow Haskell Compiler inliner”](https://sci-hub.st/10.1017/S0956796802004331)
  (Simon Peyton Jones and Simon Marlow, 2002)

## 2022

- [2022-02-26](compilers/webassembly/pldi17_haas.md):
  [“Bringing the Web up to Speed with WebAssembly”](https://dl.acm.org/doi/10.1145/3062341.3062363)
  (Andreas Haas, Andreas Rossberg, Derek L. Schuff, Ben L. Titzer, Michael
  Holman, Dan Gohman, Luke Wagner, Alon Zakai, JF Bastien, 2017)
"""


def test_the_years_beside_the_names_are_the_papers_not_the_headings() -> None:
    """``## 2023`` is when they were read; ``(Names, 2015)`` when they were written."""
    papers, _ = _read(READ_LOG)
    assert papers == {
        3: ("Control-Flow Bending: On the Effectiveness of Control-Flow Integrity", "", 2015),
        7: ("Secrets of the Glasgow Haskell Compiler inliner", "", 2002),
        13: ("Bringing the Web up to Speed with WebAssembly", "", 2017),
    }


@given(
    st.integers(min_value=2015, max_value=2030),
    st.integers(min_value=1950, max_value=2014),
    st.lists(_FAMILY, min_size=1, max_size=5),
    st.sampled_from(["", "- 2023-01-02:\n  ", "- [2023-01-02](notes.md):\n  "]),
)
def test_a_names_and_year_group_dates_the_paper_under_any_year_heading(
    heading: int, year: int, families: list[str], lead: str
) -> None:
    names = ", ".join(f"Ann {family}" for family in families)
    entry = lead if lead else "- "
    link = "[“Sys: Learning Graph Memory”](https://x.org/a.pdf)"
    text = f"## {heading}\n\n{entry}{link}\n  ({names}, {year})\n"
    (paper,) = parse_list(text, source="excerpt.md").papers
    assert (paper.year, paper.venue) == (year, "")


# shining1984/PL-Compiler-Resource Papers.md @ 699992f2: italic linked titles, a dashed byline
# and the year after them; one venue inside the link's text after a spaced dash.
DASHED_BYLINES = """\
## Compilers

2. [*Simple and Efficient Construction of Static Single Assignment Form - CC 2013*](https://compilers.cs.uni-saarland.de/papers/bbhlmz13cc.pdf)

#### Compilers -- Register Allocation -- Linear Scan

1. [*Linear Scan Register Allocation*](http://web.cs.ucla.edu/~palsberg/course/cs132/linearscan.pdf) --MASSIMILIANO POLETTO, VIVEK SARKAR. 1999

2. [*Quality and Speed in Linear-scan Register Allocation*](https://dash.harvard.edu/bitstream/handle/1/34325454/tr-21-97.pdf)  --Omri Traub, Glenn Holloway, Michael D. Smith. 1998
"""  # noqa: E501


def test_a_dashed_byline_names_no_venue_and_a_dashed_venue_leaves_the_title() -> None:
    papers, _ = _read(DASHED_BYLINES)
    assert papers == {
        3: ("Simple and Efficient Construction of Static Single Assignment Form", "CC 2013", 2013),
        7: ("Linear Scan Register Allocation", "", 1999),
        9: ("Quality and Speed in Linear-scan Register Allocation", "", 1998),
    }


@given(
    st.lists(st.sampled_from(["ANN", "LEE", "VIVEK", "SARKAR", "Omri", "Traub"]), min_size=2),
    st.integers(min_value=1950, max_value=2030),
    st.sampled_from(["--", "-- ", "—"]),
)
def test_names_after_a_dash_are_never_the_venue(words: list[str], year: int, dash: str) -> None:
    names = ", ".join(" ".join(words[i : i + 2]) for i in range(0, len(words), 2))
    line = f"1. [*Sys: Learning Graph Memory*](https://x.org/a.pdf) {dash}{names}. {year}\n"
    (paper,) = parse_list(line, source="excerpt.md").papers
    assert (paper.venue, paper.year) == ("", year)


# ozsu/cs848-w2024 Schedule.md @ 55c38db9: a seminar's table, its readings cell a run of
# citations, each venue in italics, then volume, pages and the year.
SEMINAR_ROW = """\
| Week | Date | Topic | Speaker | Readings |
| :---: | :---: | :---- | :---- | :---- |
| 4 | 1/30 | Storage disaggregation | Student 1 <br/><br/><br/> Student 2 | * A. Verbitski et al., [Amazon Aurora: Design Considerations for High Throughput Cloud-Native Relational Databases](https://doi.org/10.1145/3035918.3056101), In _Proc. ACM SIGMOD Int. Conf. Management of Data_, pages 1041–1052, 2017. <br/> * W. Cao et al., [PolarFS: An Ultra-low Latency and Failure Resilient Distributed File System for Shared Storage Cloud Database](https://doi.org/10.14778/3229863.3229872), _Proc. VLDB Endowment_, 11(12): 1849-1962, 2018. |
"""  # noqa: E501


def test_an_italic_venue_before_volume_pages_and_year_is_the_venue() -> None:
    papers = parse_list(SEMINAR_ROW, source="excerpt.md").papers
    assert [(p.venue, p.year) for p in papers] == [
        ("Proc. ACM SIGMOD Int. Conf. Management of Data 2017", 2017),
        ("Proc. VLDB Endowment 2018", 2018),
    ]


@given(
    st.sampled_from(["Proc. VLDB Endowment", "ACM Comput. Surv.", "Proc. ACM SIGMOD", "VLDB"]),
    st.sampled_from(["", " 14(10): 1900 - 1912,", " pages 69-87,", " 16(12):3894–3897,"]),
    st.integers(min_value=1970, max_value=2030),
    st.sampled_from(["", "In "]),
)
def test_any_italic_venue_takes_the_closing_year(
    name: str, middle: str, year: int, lead: str
) -> None:
    link = "[Sys: Learning Graph Memory](https://x.org/a.pdf)"
    line = f"* A. Ng et al., {link}, {lead}_{name}_,{middle} {year}.\n"
    (paper,) = parse_list(line, source="excerpt.md").papers
    assert paper.year == year
    core = name.removeprefix("Proc. ").rstrip(".")  # "In _Proc. X_, 2019." reads as "X 2019"
    assert paper.venue.endswith(str(year)) and core in paper.venue


@given(st.sampled_from(["highly recommended", "see also", "a classic, read it twice"]))
def test_an_italic_note_is_no_venue(note: str) -> None:
    line = f"* A. Ng et al., [Sys: Learning Graph Memory](https://x.org/a.pdf), _{note}_, 2019.\n"
    (paper,) = parse_list(line, source="excerpt.md").papers
    assert paper.year == 2019 and note not in paper.venue


# LyleMi/papers README.md @ 4781437f: a heading per venue over a table of its papers with a
# Year column, many cells empty; "# ACM" names the publisher, not a venue.
VENUE_TABLES = """\
# ACM

| Title | Author | Organization | Year | Keywords |
| --- | --- | --- | --- | --- |
| Using Logic Programming to Recover C++ Classes and Methods from Compiled Executables | Schwartz |  | 2018 | Decompile |

# CCS

| Title | Author | Organization | Year | Keywords |
| --- | --- | --- | --- | --- |
| Block Oriented Programming Automating Data-Only Attacks |  |  |  | Exploit |
| Directed Greybox Fuzzing |  |  | 2017 | Fuzz |
| Coverage-based Greybox Fuzzing as Markov Chain | Marcel Böhme | School of Computing, National University of Singapore | 2016 | Fuzz |
"""  # noqa: E501


def test_a_series_heading_and_a_rows_year_make_its_venue() -> None:
    papers, _ = _read(VENUE_TABLES)
    assert papers == {
        5: (
            "Using Logic Programming to Recover C++ Classes and Methods from Compiled Executables",
            "",
            2018,
        ),
        11: ("Block Oriented Programming Automating Data-Only Attacks", "", None),
        12: ("Directed Greybox Fuzzing", "CCS 2017", 2017),
        13: ("Coverage-based Greybox Fuzzing as Markov Chain", "CCS 2016", 2016),
    }


@given(
    st.sampled_from(["CCS", "NDSS", "ASE", "ACSAC", "OSDI", "IEEE S&P", "USENIX Security"]),
    st.lists(st.integers(min_value=1990, max_value=2030), min_size=1, max_size=4),
    st.sampled_from(["#", "##", "###"]),
)
def test_rows_under_a_series_heading_take_the_series_in_their_year(
    series: str, years: list[int], mark: str
) -> None:
    rows = [f"| Sys{i}: Learning Graph Memory Agents | A. Ng | {y} |" for i, y in enumerate(years)]
    text = "\n".join([f"{mark} {series}", "", "| Title | Author | Year |", "| --- | --- | --- |"])
    papers = parse_list(text + "\n" + "\n".join(rows) + "\n", source="excerpt.md").papers
    assert [(p.year, p.venue.endswith(str(p.year))) for p in papers] == [(y, True) for y in years]
