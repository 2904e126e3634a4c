"""Shapes met in a fourteenth round of real lists outside the shared corpora, from short excerpts.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen14/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.engine import read_list
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.plain_lead import plain_cited
from papershelf.catalog.quoted_cite import in_reading_order
from papershelf.catalog.skips import NON_PAPERS, TOOLS, kind_of
from papershelf.errors import ListError

from .excerpts import read_excerpt as _read

# LihaoYin/Formal-Verification-Reference README.md @ 03c419b7: numbered items, a plain title
# with the venue and year (or a family name first and only a year) after commas, then a
# "[paper](url)" link and sometimes a remark in parentheses.
TITLE_COMMA_VENUE_THEN_PAPER_LINK = """\
### 2.2 Interpolation
1. McMillan, Interpolation and SAT-based model checking, 2003, [paper](https://people.eecs.berkeley.edu/~alanmi/courses/2008_290A/papers/mcmillan_cav03.pdf)
### 2.3 IC3/PDR
2. Bradley, SAT-Based Model Checking without Unrolling, VMCAI 2011, [paper](https://theory.stanford.edu/~arbrad/papers/IC3.pdf)
4. Infinite-state Invariant Checking with IC3 and Predicate Abstraction, FMSD, 2016, [paper](https://link.springer.com/article/10.1007/s10703-016-0257-4) (IC3 via Implicit Predicate Abstraction)
### 2.7 CEGAR
1. Counterexample Guided Abstraction Refinement Via Program Execution, 2004, [paper](https://link.springer.com/chapter/10.1007/978-3-540-30482-1_23)
2. Counterexample-guided prophecy for model checking modulo the theory of arrays, TACAS 2021, [paper](https://lmcs.episciences.org/9984/pdf) (CEGAR algorithm uses uninterpreted functions (UF))
"""  # noqa: E501


def test_the_venue_and_year_after_a_plain_title_and_a_family_name_before_it_are_no_title() -> None:
    papers, skipped = _read(TITLE_COMMA_VENUE_THEN_PAPER_LINK)
    infinite = "Infinite-state Invariant Checking with IC3 and Predicate Abstraction"
    prophecy = "Counterexample-guided prophecy for model checking modulo the theory of arrays"
    assert papers == {
        2: ("Interpolation and SAT-based model checking", "", 2003),
        4: ("SAT-Based Model Checking without Unrolling", "VMCAI 2011", 2011),
        5: (infinite, "FMSD 2016", 2016),
        7: ("Counterexample Guided Abstraction Refinement Via Program Execution", "", 2004),
        8: (prophecy, "TACAS 2021", 2021),
    }
    assert not skipped
    authors = {
        p.line: p.authors
        for p in parse_list(TITLE_COMMA_VENUE_THEN_PAPER_LINK, source="x.md").papers
    }
    assert authors[2] == ("McMillan",)
    assert authors[4] == ("Bradley",)
    assert authors[5] == ()


# sergei-mironov/nixtvm doc/References.md @ 013967ea: a bare address as the bullet, then on the
# next line the year, the first author's family name and the title, between commas.
ADDRESS_OVER_YEAR_NAME_TITLE = """\
### OCR

* https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=726791
  1998, LeCun, Gradient-Based Learning Applied to Document Recognition
* https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=6628705
  2013, High-Performance OCR for Printed English and Fraktur using LSTM Networks
* https://arxiv.org/pdf/1806.02136.pdf
  2018, Peyton Jones, Efficient Differentiable Programming in a Functional Array-Processing Language
* https://arxiv.org/pdf/1805.08166.pdf
  Learning to Optimize Tensor Programs
"""


def test_a_leading_year_and_family_name_are_no_words_of_the_title() -> None:
    papers, _ = _read(ADDRESS_OVER_YEAR_NAME_TITLE)
    differentiable = (
        "Efficient Differentiable Programming in a Functional Array-Processing Language"
    )
    assert papers == {
        3: ("Gradient-Based Learning Applied to Document Recognition", "", 1998),
        5: ("High-Performance OCR for Printed English and Fraktur using LSTM Networks", "", 2013),
        7: (differentiable, "", 2018),
        9: ("Learning to Optimize Tensor Programs", "", None),
    }
    authors = {
        p.line: p.authors for p in parse_list(ADDRESS_OVER_YEAR_NAME_TITLE, source="x.md").papers
    }
    assert authors[3] == ("LeCun",)
    assert authors[5] == ()
    assert authors[7] == ("Peyton Jones",)


_TITLE_WORD = st.sampled_from(
    ["Learning", "Fast", "Model", "Checking", "for", "Deep", "Networks", "with", "Graphs", "of"]
)
_FAMILY = st.sampled_from(["Zaremba", "McMillan", "LeCun", "Abdel-Hamid", "Graves", "Lu"])


@given(
    st.lists(_TITLE_WORD, min_size=3, max_size=9),
    st.one_of(st.none(), _FAMILY),
    st.integers(min_value=1950, max_value=2030),
    st.booleans(),
)
def test_a_year_or_a_name_before_a_title_is_cut_from_it_whatever_the_title(
    words: list[str], family: str | None, year: int, leading: bool
) -> None:
    """``YEAR, Name, Title`` and ``Name, Title, YEAR`` give the same title, name and year."""
    title = " ".join(["Towards", *words])
    named = f"{family}, {title}" if family else title
    line = f"{year}, {named}" if leading else f"{named}, {year}"
    cited = plain_cited(line)
    assert cited is not None
    assert (cited.title, cited.authors, cited.year) == (title, family or "", year)


@given(st.lists(_TITLE_WORD, min_size=1, max_size=6))
def test_a_title_that_lists_words_keeps_its_first_one(words: list[str]) -> None:
    """``Time, Clocks, and ...``: a first word before a list is no author's name."""
    title = f"Time, Clocks, and the Ordering of {' '.join(words)} in a Distributed System"
    cited = plain_cited(f"{title}, 1978")
    assert cited is not None
    assert (cited.title, cited.authors) == (title, "")


def test_a_line_stating_no_year_or_venue_is_no_citation() -> None:
    assert plain_cited("Recent Trends in Deep Learning Based Natural Language Processing") is None
    assert plain_cited("Bradley, SAT-Based Model Checking", led=True) is None


# mcenv/box docs/src/references/papers.md @ 21669b97: a heading of a year over bullets
# "Family, I., & Family, I. **Title**. Venue, volume, pages." with no link; a venue may be
# a workshop's short name or a journal named "Proceedings of the ACM on ...".
YEAR_HEADINGS_OVER_BOLD_CITATIONS = """\
# Papers

## 1972

* Reynolds, J.C. **Definitional Interpreters for Higher-Order Programming Languages**. Higher-Order and Symbolic Computation, 11, 363-397.

## 2008

* Danielsson, N.A., & Norell, U. **Parsing Mixfix Operators**. IFL.

## 2014

* Petříček, T., Orchard, D.A., & Mycroft, A. **Coeffects: a calculus of context-dependent computation**. ICFP.

## 2020

* Downen, P., Ariola, Z.M., Jones, S.L., & Eisenberg, R.A. **Kinds are calling conventions**. Proceedings of the ACM on Programming Languages, 4, 1 - 29.
* Wood, D.A. **Polymorphisation: Improving Rust compilation times through intelligent monomorphisation**.
"""  # noqa: E501


def test_names_then_a_bold_title_then_a_venue_are_a_citation_dated_by_its_year_heading() -> None:
    """No link is needed: the names before the bold title and the venue after it vouch."""
    papers, skipped = _read(YEAR_HEADINGS_OVER_BOLD_CITATIONS)
    interpreters = "Definitional Interpreters for Higher-Order Programming Languages"
    mono = "Polymorphisation: Improving Rust compilation times through intelligent monomorphisation"
    pacmpl = "Proceedings of the ACM on Programming Languages 2020"
    assert papers == {
        5: (interpreters, "Higher-Order and Symbolic Computation 1972", 1972),
        9: ("Parsing Mixfix Operators", "IFL 2008", 2008),
        13: ("Coeffects: a calculus of context-dependent computation", "ICFP 2014", 2014),
        17: ("Kinds are calling conventions", pacmpl, 2020),
        18: (mono, "", 2020),
    }
    assert not skipped
    parsed = parse_list(YEAR_HEADINGS_OVER_BOLD_CITATIONS, source="x.md")
    authors = {p.line: p.authors for p in parsed.papers}
    assert authors[9] == ("N.A. Danielsson", "U. Norell")
    assert authors[18] == ("D.A. Wood",)


@given(
    st.sampled_from(["Reynolds, J.C.", "Danielsson, N.A., & Norell, U.", "Jonathan Sterling"]),
    st.lists(_TITLE_WORD, min_size=2, max_size=8),
    st.sampled_from(["IFL", "ICALP", "Journal of Functional Programming, 30", "ESOP"]),
    st.integers(min_value=1960, max_value=2030),
)
def test_a_bold_citation_under_a_year_heading_takes_that_year_with_its_venue(
    names: str, words: list[str], venue: str, year: int
) -> None:
    title = " ".join(["Towards", *words])
    papers, _ = _read(f"# Papers\n\n## {year}\n\n* {names} **{title}**. {venue}.\n")
    assert papers == {5: (title, f"{venue.partition(',')[0]} {year}", year)}


# ozsu/CS738 paper-list.md @ 010ca1ba: instructions with a bold phrase after a verb.
BOLD_INSTRUCTIONS = """\
## Instructions to Students

- Select **two papers from different sections**.
- At least **one paper must be a systems paper**.
"""


def test_a_verb_before_a_bold_phrase_is_no_author_of_a_title() -> None:
    with pytest.raises(ListError, match="no papers found; skipped 2"):
        _read(BOLD_INSTRUCTIONS)


# lcy-seso/LearningNotes paper_notes/tensor-compiler/README.md @ a9a45a42: citations copied in
# the MLA style, the quoted title linked: "Family, Given, et al. "[Title](url)." Venue (Year)."
QUOTED_LINKED_TITLES = """\
# Reading List Unclassified

1. Gévay, Gábor E., et al. "[Labyrinth: Compiling imperative control flow to parallel dataflows](https://arxiv.org/pdf/1809.06845.pdf)." arXiv preprint arXiv:1809.06845 (2018).
1. Agarwal, Ashish, and Igor Ganichev. "[Auto-vectorizing tensorflow graphs: Jacobians, auto-batching and beyond](https://arxiv.org/pdf/1903.04243.pdf?source=post_page---------------------------)." arXiv preprint arXiv:1903.04243 (2019).
1. Pradelle, Benoît, et al. "[Polyhedral optimization of tensorflow computation graphs](https://www.reservoir.com/wp-content/uploads/2017/08/RStreamTF.pdf)." Programming and Performance Visualization Tools. Springer, Cham, 2017. 74-89.
"""  # noqa: E501


def test_a_quoted_linked_title_has_its_names_before_and_its_venue_after_the_quotes() -> None:
    papers, _ = _read(QUOTED_LINKED_TITLES)
    labyrinth = "Labyrinth: Compiling imperative control flow to parallel dataflows"
    vectorizing = "Auto-vectorizing tensorflow graphs: Jacobians, auto-batching and beyond"
    polyhedral = "Polyhedral optimization of tensorflow computation graphs"
    assert papers == {
        3: (labyrinth, "arXiv 2018", 2018),
        4: (vectorizing, "arXiv 2019", 2019),
        5: (polyhedral, "Programming and Performance Visualization Tools 2017", 2017),
    }
    authors = {p.line: p.authors for p in parse_list(QUOTED_LINKED_TITLES, source="x.md").papers}
    assert authors[4] == ("Ashish Agarwal", "Igor Ganichev")
    assert authors[3][0].startswith("Gábor E. Gévay")


_GIVEN = st.sampled_from(["Gábor E.", "Ashish", "Benoît", "Mary Ann", "J."])
_FAMILY_NAME = st.sampled_from(["Gévay", "Agarwal", "Pradelle", "Nguyen", "O'Neil"])


@given(_FAMILY_NAME, _GIVEN, st.sampled_from(["", ", et al.", ", and Igor Ganichev."]))
def test_an_inverted_first_name_reads_given_name_first(
    family: str, given_name: str, others: str
) -> None:
    """``Family, Given, et al.``: the given name first, the others after, whatever the names."""
    read = in_reading_order(f"{family}, {given_name}{others}")
    assert read.startswith(f"{given_name} {family}")
    assert ("et al." in read) == ("et al." in others)
    assert read.endswith("and Igor Ganichev") == ("Igor" in others)


# LihaoYin/Formal-Verification-Reference README.md @ 03c419b7 (introduction) and
# darrenfu/db-readings README.md @ 1f6765ff (a "Tech talks" section): a lecture named by its
# remark, slides named by their label, and a talk in a section of talks are no papers.
LECTURES_SLIDES_AND_TALKS = """\
## 1. Introduction

2. [Formal verification in hardware design: a survey](https://dl.acm.org/doi/10.1145/307988.307989);
3. [Model Checking (standford lecture)](https://web.stanford.edu/class/cs357/lecture12.pdf);
4. [Slides: SMT-based Model Checking of Transition Systems](https://www.di.ens.fr/~pouzet/cours/mpri/cours-smt.pdf)

## <a name='tech-talks'> Tech talks
* [Power of the Log:LSM & Append Only Data Structures](https://www.infoq.com/presentations/lsm-append-data-structures/) (2017)
"""  # noqa: E501


def test_lectures_slides_and_tech_talks_are_no_papers() -> None:
    """The general reader's calls (the one kept for both whole lists)."""
    found = read_list(LECTURES_SLIDES_AND_TALKS)
    assert [(e.line, e.title) for e in found.entries] == [
        (3, "Formal verification in hardware design: a survey")
    ]
    assert {line: kind_of(why) for line, why in found.skipped} == {
        4: NON_PAPERS,
        5: NON_PAPERS,
        8: NON_PAPERS,
    }


# szarnyasg/graph-data-management Literature-on-Graph-Processing.md @ 15b12bf7: a byline and
# the venue in parentheses, then "about [another work](url) (its venue)".
VENUE_BEFORE_ANOTHER_WORK = """\
### Graphs and SQL

* ⭐️ [Extending In-Memory Relational Database Engines with Native Graph Support](https://openproceedings.org/2018/conf/edbt/paper-17.pdf) by Mohamed S. Hassan, Tatiana Kuznetsova, Hyun Chai Jeong, Walid G. Aref, Mohammad Sadoghi (EDBT 2018) about [GRFusion](https://dl.acm.org/doi/10.1145/3183713.3193541) (SIGMOD demo), [code](https://github.com/purduedb/GRFusion)
* 💫 [Graph Pattern Matching – Do We Have to Reinvent the Wheel?](https://event.cwi.nl/grades2014/08-gubichev.pdf) by Andrey Gubichev, Manuel Then (GRADES 2014) [📺 slides](https://event.cwi.nl/grades2014/08-gubichev-slides.pdf)
* [GraphWrangler: An Interactive Graph View on Relational Data](https://dl.acm.org/doi/abs/10.1145/3299869.3320232), demo paper (SIGMOD 2019)
"""  # noqa: E501


def test_the_venue_after_another_works_link_is_that_works_not_the_entrys() -> None:
    papers, _ = _read(VENUE_BEFORE_ANOTHER_WORK)
    extending = "Extending In-Memory Relational Database Engines with Native Graph Support"
    assert papers == {
        3: (extending, "EDBT 2018", 2018),
        4: ("Graph Pattern Matching – Do We Have to Reinvent the Wheel?", "GRADES 2014", 2014),
        5: ("GraphWrangler: An Interactive Graph View on Relational Data", "SIGMOD 2019", 2019),
    }


# sergei-mironov/nixtvm doc/References.md @ 013967ea and LihaoYin/Formal-Verification-Reference
# README.md @ 03c419b7: the kind of work after the title and a comma (a technical report, a
# named person's thesis), and tools by name with their paper and code links in "3. Tools".
KINDS_AFTER_TITLES_AND_TOOLS = """\
* https://arxiv.org/pdf/1711.01348
  2017, Automatic differentiation for tensor algebras, tech.report

### 2.5 Localization Abstraction
1. Efficient Abstraction and Refinement for Word-level Model Checking, Yen-Sheng Ho's Thesis, [link](https://www2.eecs.berkeley.edu/Pubs/TechRpts/2017/EECS-2017-198.pdf)

## 3. Tools
### 3.4 Word-level Hardware Model Checker
1. **Pono**, [paper](https://theory.stanford.edu/~barrett/pubs/MIL+21.pdf), [github](https://github.com/stanford-centaur/pono)
2. **Avr** (best performace in open-source), [paper](https://link.springer.com/content/pdf/10.1007/978-3-030-45190-5_23.pdf), [github](https://github.com/aman-goel/avr)
"""  # noqa: E501


def test_the_kind_of_work_after_a_title_is_no_part_of_it_and_named_tools_are_tools() -> None:
    found = read_list(KINDS_AFTER_TITLES_AND_TOOLS)
    assert [(e.line, e.title, e.year) for e in found.entries] == [
        (1, "Automatic differentiation for tensor algebras", 2017),
        (5, "Efficient Abstraction and Refinement for Word-level Model Checking", None),
    ]
    assert {line: kind_of(why) for line, why in found.skipped} == {9: TOOLS, 10: TOOLS}


@given(
    st.lists(_TITLE_WORD, min_size=3, max_size=9),
    st.sampled_from(
        ["tech.report", "Technical Report", "tech. rep.", "Yen-Sheng Ho's Thesis", "PhD thesis"]
    ),
)
def test_a_kind_of_work_after_the_title_is_cut_from_it(words: list[str], kind: str) -> None:
    title = " ".join(["Towards", *words])
    cited = plain_cited(f"{title}, {kind}")
    assert cited is not None
    assert (cited.title, cited.rest) == (title, "")


# sergei-mironov/nixtvm doc/References.md @ 013967ea: a repository's bare address over a
# sub-bullet of a poster's slides and its name; a dated blog post under its address.
BARE_ADDRESSES_OF_SLIDES_AND_POSTS = """\
### Competitors

* https://github.com/vgvassilev/clad
  - https://llvm.org/devmtg/2013-11/slides/Vassilev-Poster.pdf
    clad - Automatic Differentiation using Clang

### AD

* http://www.columbia.edu/~ahd2125/post/2015/12/5/
  2015, Automatic Differentiation or Mathemagically Finding Derivatives (blog, 2015). !Errors
* https://arxiv.org/pdf/1806.02136.pdf
  2018, Peyton Jones, Efficient Differentiable Programming in a Functional Array-Processing Language
"""


def test_the_title_under_the_address_of_slides_or_a_post_is_no_papers() -> None:
    found = read_list(BARE_ADDRESSES_OF_SLIDES_AND_POSTS)
    differentiable = (
        "Efficient Differentiable Programming in a Functional Array-Processing Language"
    )
    assert [(e.title, e.year) for e in found.entries] == [(differentiable, 2018)]
    assert {line: kind_of(why) for line, why in found.skipped} == {3: NON_PAPERS, 9: NON_PAPERS}


def test_a_long_run_of_spaces_before_a_bare_address_is_read_in_linear_time() -> None:
    """``Title{spaces}x <url>``: the dash-and-name search tried the run from each of its
    spaces (20,000 spaces: 2 s, against 0.06 s before the rule). Compares two sizes, in
    this thread's CPU time."""
    from papershelf.catalog.plain_lead import dash_named

    def seconds(spaces: int) -> float:
        text = "How to read a paper" + " " * spaces + "x"
        best = float("inf")
        for _ in range(5):
            start = time.thread_time()
            assert dash_named(text) is None
            best = min(best, time.thread_time() - start)
        return best

    assert dash_named("How to read a paper - Srinivasan Keshav") == (
        "How to read a paper",
        "Srinivasan Keshav",
    )
    small, large = seconds(5_000), seconds(20_000)
    assert large < 8 * small + 0.01  # linear: about 4x; the quadratic search was 16x
