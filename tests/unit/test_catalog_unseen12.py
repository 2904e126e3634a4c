"""Shapes met in a twelfth round of real lists outside the shared corpora, from short excerpts.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen12/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.bold_cites import authored_bold
from papershelf.catalog.lead_year import stated_year
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.publisher import without_publisher
from papershelf.catalog.spans import Span

from .excerpts import read_excerpt as _read

# idkaaa/cs-6750-hci-sp22-public required-readings/required-readings-test-2-cs6750-sp22.md
# @ d82bdf04: a course's readings in the social sciences' reference style (APA), the year in
# parentheses after the authors, the title a link wrapped over lines, the publisher last.
APA_READINGS = """\
## Week 7: Prototyping

1. Houde, S., & Hill, C. (1997). [What do prototypes
   prototype?](http://www.itu.dk/people/malmborg/Interaktionsdesign/Kompendie/Houde-Hill-1997.pdf)
   In M. Helandar, T.K. Landaeur, & P. Prabhu (Eds). _Handbook of
   Human-Computer Interaction_, _2._ (pp. 367-381). Elsevier Science.

## Week 9: Experiments and Evaluation

1. Nielsen, J., & Molich, R. (1990, March). [Heuristic evaluation of
   user
   interfaces](https://pdfs.semanticscholar.org/501e/496146b04f42e3e6a49aabd29fb909083007.pdf).
   In _Proceedings of the SIGCHI Conference on Human Factors in
   Computing Systems_ (pp. 249-256). ACM.

## Week 13: Best of Georgia Tech HCI

1. Kozubaev, S., Rochaix, F., DiSalvo, C., & Le Dantec, C. (2019).
   [Spaces and Traces: Implications of Smart Technology in Public
   Housing](https://dl.acm.org/citation.cfm?doid=3290605.3300669). In
   _Proceedings of the 2019 CHI Conference on Human Factors in
   Computing Systems_. ACM.
"""


def test_an_apa_year_after_the_authors_is_the_papers_year_and_acm_no_venue() -> None:
    """The authors are the names before the year; a publisher closing the entry is no venue."""
    papers, _ = _read(APA_READINGS)
    assert papers == {
        3: ("What do prototypes prototype?", "", 1997),
        10: ("Heuristic evaluation of user interfaces", "", 1990),
        18: ("Spaces and Traces: Implications of Smart Technology in Public Housing", "", 2019),
    }
    authors = {p.line: p.authors for p in parse_list(APA_READINGS, source="excerpt.md").papers}
    assert authors[3] == ("S. Houde", "C. Hill")  # not the handbook italicised after the title
    assert authors[18] == ("S. Kozubaev", "F. Rochaix", "C. DiSalvo", "C. Le Dantec")


_FAMILY = st.sampled_from(["Houde", "Nielsen", "Le Dantec", "Wong-Villacres", "MacKenzie"])
_INITIALS = st.sampled_from(["S.", "C.", "R. J.", "I.S.", "M. A."])
_MONTH = st.sampled_from(["", ", March", ", May", ", June 3"])


@given(
    st.lists(st.tuples(_FAMILY, _INITIALS), min_size=1, max_size=4),
    st.integers(min_value=1950, max_value=2030),
    _MONTH,
    st.sampled_from([". ", ". ACM.", ". In _Proceedings of X_. ACM.", ""]),
)
def test_an_apa_entry_gives_its_year_whoever_wrote_it(
    names: list[tuple[str, str]], year: int, month: str, tail: str
) -> None:
    """However many authors and whatever follows, the year after them is the paper's."""
    written = [f"{family}, {initials}" for family, initials in names]
    authors = written[0] if len(written) == 1 else ", ".join(written[:-1]) + ", & " + written[-1]
    line = (
        f"1. {authors} ({year}{month}). [Learning Graph Memory Agents](https://x.org/a.pdf){tail}\n"
    )
    (paper,) = parse_list(line, source="excerpt.md").papers
    assert paper.year == year
    assert paper.venue != "ACM" and not (paper.venue or "").startswith("ACM ")


def test_a_year_in_parentheses_is_stated_only_after_names() -> None:
    assert stated_year("Houde, S., & Hill, C. (1997). ") == 1997
    assert stated_year("1979, ") == 1979
    assert stated_year("Read the paper from the group (2019). ") is None
    assert stated_year("see (2019) ") is None


def test_only_a_publisher_closing_a_citation_is_taken_off() -> None:
    assert without_publisher("In _Proceedings of CHI_. ACM.") == "In _Proceedings of CHI_."
    assert without_publisher(" ACM") == " ACM"  # the whole of what follows: left to the venue
    assert without_publisher("In Proc. of SIGCOMM 2009. IEEE Press.") == "In Proc. of SIGCOMM 2009."
    assert without_publisher("In _Daedalus 109_(1). (pp. 121-136). MIT Press.") == (
        "In _Daedalus 109_(1). (pp. 121-136)."
    )


# wcventure/FuzzingPaper README.md @ 417a608a: bold venue-and-year items over the titles of
# their papers, some titles in brackets with no link (longer ones too).
VENUE_ITEMS = """\
- **ISSTA 2022**
  - [Almost Correct Invariants: Synthesizing Inductive Invariants by Fuzzing Proofs]
  - [Efficient Greybox Fuzzing of Applications in Linux-based IoT Devices via Enhanced User-mode Emulation]
  - [SLIME: Program-sensitive Energy Allocation for Fuzzing]

- **FSE 2022**
  - [RoboFuzz: Fuzzing Robotic Systems over Robot Operating System (ROS) for Finding Correctness Bugs]
  - [Testing Deep-Learning Libraries via Fuzzing Relational APIs]

- **Others 2022**
  - [ROZZ: Property-based Fuzzing for Robotic Programs in ROS (ICRA 2022)]
"""  # noqa: E501


def test_a_venue_item_names_the_venue_of_the_titles_under_it() -> None:
    papers, _ = _read(VENUE_ITEMS)
    efficient = (
        "Efficient Greybox Fuzzing of Applications in Linux-based IoT Devices via Enhanced"
        " User-mode Emulation"
    )
    robofuzz = (
        "RoboFuzz: Fuzzing Robotic Systems over Robot Operating System (ROS) for Finding"
        " Correctness Bugs"
    )
    assert papers == {
        2: (
            "Almost Correct Invariants: Synthesizing Inductive Invariants by Fuzzing Proofs",
            "ISSTA 2022",
            2022,
        ),
        3: (efficient, "ISSTA 2022", 2022),
        4: ("SLIME: Program-sensitive Energy Allocation for Fuzzing", "ISSTA 2022", 2022),
        7: (robofuzz, "FSE 2022", 2022),
        8: ("Testing Deep-Learning Libraries via Fuzzing Relational APIs", "FSE 2022", 2022),
        10: ("ROZZ: Property-based Fuzzing for Robotic Programs in ROS", "ICRA 2022", 2022),
    }


_TITLE_WORDS = st.sampled_from(
    ["Fuzzing", "Kernel", "Drivers", "via", "Directed", "Greybox", "Emulation", "of", "Stateful"]
)


@given(
    st.sampled_from(["ISSTA", "FSE", "S&P", "NDSS", "CCS", "ICSE", "USENIX Security"]),
    st.integers(min_value=2000, max_value=2030),
    st.lists(st.lists(_TITLE_WORDS, min_size=4, max_size=22), min_size=2, max_size=4),
    st.sampled_from(["**{}**", "{}", "*{}*"]),
)
def test_titles_under_a_venue_item_come_out_clean_with_its_venue(
    name: str, year: int, titles: list[list[str]], mark: str
) -> None:
    """Any venue item, titles short or long (past what a tag holds), in brackets or not."""
    wanted = [f"Sys{i}: " + " ".join(words) for i, words in enumerate(titles)]
    lines = [f"- {mark.format(f'{name} {year}')}"]
    lines += [f"  - [{t}]" if i % 2 == 0 else f"  - {t}" for i, t in enumerate(wanted)]
    papers = parse_list("\n".join(lines) + "\n", source="excerpt.md").papers
    assert [p.title for p in papers] == wanted
    assert {p.year for p in papers} == {year}
    assert all(p.venue is not None and p.venue.endswith(str(year)) for p in papers)


# metareflection/plti-class resources.md @ 2fcf1c7f: a course's page on where to find papers,
# its venues each a link to the venue's page; none of them is a paper (ICFP no more than POPL).
VENUE_LINKS = """\
## Finding papers

### Venues

The main conferences in programming languages are:
- [POPL](https://dl.acm.org/conference/popl)
- [PLDI](https://dl.acm.org/conference/pldi)
- [ICFP](https://dl.acm.org/conference/icfp)
- [OOPSLA](https://dl.acm.org/conference/splash)

They are now all part of the same journal, [Proceedings of the ACM on Programming Languages (PACMPL)](https://dl.acm.org/journal/pacmpl).

Other journals in programming languages include [HOSC](https://link.springer.com/journal/10990/volumes-and-issues), [JFP](https://www.cambridge.org/core/journals/journal-of-functional-programming) and [TOPLAS](https://dl.acm.org/journal/toplas).

Other conferences in programming languages include [ECOOP](https://drops.dagstuhl.de/entities/conference/ECOOP), [FLOPS](https://link.springer.com/book/10.1007/978-981-97-2300-3), [GPCE](https://dl.acm.org/conference/gpce), [ITP](https://itp-conference.github.io/).

Workshops co-located with conferences above can also be good source of papers. Workshops include PEPM, PADL, language-specific workshops (Scheme, miniKanren, Haskell, Coq, ...), topic workshops (egraphs, ...), and many more.
Note that for students, [PLMW](https://www.sigplan.org/Conferences/PLMW/) workshops co-located with the main conferences provide funding and mentoring.

### Some topics/papers

#### Reflective Towers of Interpreters

Prof. Nada Amin might present on reflective towers of interpreters, and their collapsing using the following sequence of artifacts/papers:
- [3-LISP](https://github.com/nikitadanilov/3-lisp),
- [Brown](https://github.com/namin/brown) (non-tower & tower),
- [Blond](https://github.com/namin/blond) (primer and paper),
- [Black](https://github.com/readevalprintlove/black) (scheme and metaocaml),
- [Pink](http://popl18.namin.net) and [Purple](https://github.com/namin/lms-black) (POPL'18).

As a staring point, see the [SIGPLAN blogpost on reflective towers](https://blog.sigplan.org/2021/08/12/reflective-towers-of-interpreters/) by Prof. Nada Amin.

"""  # noqa: E501


def test_a_list_of_venue_links_names_no_papers() -> None:
    papers, _ = _read(VENUE_LINKS)
    titles = {title for title, _, _ in papers.values()}
    assert not titles & {"POPL", "PLDI", "ICFP", "OOPSLA", "ECOOP", "FLOPS", "GPCE", "ITP"}


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
