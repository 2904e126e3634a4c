"""Shapes met in a twelfth round of real lists outside the shared corpora, from short excerpts.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen12/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.lead_year import stated_year
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.publisher import without_publisher

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
