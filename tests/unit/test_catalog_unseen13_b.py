"""The thirteenth round of real lists (test_catalog_unseen13.py): the rest of its excerpts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.aside_sections import aside, open_source_place
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.page_titles import split_comma_tail
from papershelf.catalog.skips import TOOLS

from .excerpts import read_excerpt as _read

# laofan13/paper-readings README.md @ 0188ecd0: a task list whose link texts carry the title,
# then the venue and year, or the author and year.
AUTHOR_IN_LINK_TEXT = """\
- [ ]  [Serializable Isolation for Snapshot Databases, Alan Fekete, 2008](https://ses.library.usyd.edu.au/bitstream/handle/2123/5353/michael-cahill-2009-thesis.pdf)
- [ ]  [A critique of snapshot isolation, Maysam Yabandeh, 2012](https://dl.acm.org/doi/pdf/10.1145/2168836.2168853)
- [ ]  [Making-Snapshot-Isolation-Serializable, Alan Fekete, 2005](https://www.cse.iitb.ac.in/infolab/Data/Courses/CS632/2015/2013/2011/Papers/p492-fekete.pdf)
- [ ]  [Cicada: Dependably Fast Multi-Core In-Memory Transactions, SIGMOD, 2017](https://15721.courses.cs.cmu.edu/spring2020/papers/04-mvcc2/lim-sigmod2017.pdf)
"""


def test_a_name_before_the_year_in_a_link_text_is_the_author() -> None:
    papers, _ = _read(AUTHOR_IN_LINK_TEXT)
    assert papers == {
        1: ("Serializable Isolation for Snapshot Databases", "", 2008),
        2: ("A critique of snapshot isolation", "", 2012),
        3: ("Making-Snapshot-Isolation-Serializable", "", 2005),
        4: ("Cicada: Dependably Fast Multi-Core In-Memory Transactions", "SIGMOD 2017", 2017),
    }
    assert split_comma_tail("Paxos Made Live - An Engineering Perspective, Tushar Chandra, 2007")
    head, _ = split_comma_tail("Time, Clocks, and the Ordering of Events, 1978") or ("", None)
    assert head == "Time, Clocks, and the Ordering of Events"  # a title's own commas stay


_GIVEN = st.sampled_from(["Alan", "Maysam", "Atul", "Leslie", "Barbara"])
_FAMILY = st.sampled_from(["Fekete", "Yabandeh", "Adya", "Lamport", "Liskov", "O'Neil"])
_TITLE = st.lists(
    st.sampled_from(["Snapshot", "Isolation", "for", "Databases", "Serializable"]),
    min_size=3,
    max_size=9,
)


@given(_TITLE, _GIVEN, _FAMILY, st.integers(min_value=1970, max_value=2030))
def test_any_title_then_a_name_then_a_year_gives_the_title_and_the_year(
    words: list[str], given_name: str, family: str, year: int
) -> None:
    title = "Sys: " + " ".join(words)
    line = f"- [{title}, {given_name} {family}, {year}](https://x.org/p.pdf)\n"
    (paper,) = parse_list(line, source="excerpt.md").papers
    assert (paper.title, paper.year) == (title, year)


# zobinHuang/System-Design-For-Graph-Neural-Networks README.md @ 7bf8d890: under "Open Source
# System", each system by name with its website, repository and paper links.
OPEN_SOURCE_SYSTEMS = """\
## Traditional Graph Processing System Design
* [OSDI'12] PowerGraph: Distributed Graph-Parallel Computation on Natural Graphs [[Paper]](https://www.usenix.org/conference/osdi12/technical-sessions/presentation/gonzalez)

## Open Source System
* Deep Graph Library (DGL) [[Website]](https://www.dgl.ai/) [[Paper]](https://arxiv.org/abs/1909.01315) [[Repo]](https://github.com/dmlc/dgl)
* PyG (PyTorch Geometric) [[Repo]](https://github.com/pyg-team/pytorch_geometric) [[Paper]](https://arxiv.org/abs/1903.02428)
"""  # noqa: E501


def test_a_system_named_under_open_source_is_software_though_its_paper_is_linked() -> None:
    papers, skipped = _read(OPEN_SOURCE_SYSTEMS)
    assert papers == {
        2: (
            "PowerGraph: Distributed Graph-Parallel Computation on Natural Graphs",
            "OSDI 2012",
            2012,
        )
    }
    assert skipped == {5: TOOLS, 6: TOOLS}


def test_only_an_open_source_section_and_not_a_research_topic_is_set_aside() -> None:
    assert open_source_place("Open Source System", ())
    assert open_source_place("Graphs", ("3. Open-Source Projects",))
    assert not open_source_place("Systems", ("GNN System Design",))
    assert not aside("Software Security", ())
    assert not aside("Software-Defined Networking", ())
    assert aside("Software", ())
    assert aside("Open Source Software", ())


# chaitjo/efficient-gnns README.md @ 0b36c4b7: a venue tag that says the paper was at the
# conference's workshop.
def test_a_workshop_tag_keeps_the_workshop_as_a_remark() -> None:
    text = (
        "- [ICML 2020 Workshop] [**SIGN: Scalable Inception Graph Neural Networks**]"
        "(https://arxiv.org/abs/2004.11198). Fabrizio Frasca, Emanuele Rossi.\n"
        "- [ICML 2019] [**Simplifying Graph Convolutional Networks**]"
        "(https://arxiv.org/abs/1902.07153). Felix Wu, Tianyi Zhang.\n"
    )
    sign, sgc = parse_list(text, source="excerpt.md").papers
    assert (sign.venue, sign.year, sign.remarks) == ("ICML 2020", 2020, ("Workshop",))
    assert (sgc.venue, sgc.remarks) == ("ICML 2019", ())


# Misreads left from round 12, read again.

# metareflection/plti-class resources.md @ 2fcf1c7f: a link labelled with the venue, then the
# authors and the title in italics, its second title in parentheses.
VENUE_LINK_THEN_ITALIC_TITLE = """\
#### Algebraic Effects

- [A bibliography maintained by Yallop](https://github.com/yallop/effects-bibliography)
- [ICFP'21](https://www.microsoft.com/en-us/research/publication/generalized-evidence-passing-for-effect-handlers/): Xie and Leijen, _Generalized Evidence Passing for Effect Handlers (or, Efficient Compilation of Effect Handlers to C)_.
"""  # noqa: E501


def test_a_venue_link_then_names_and_an_italic_title_is_that_paper_at_that_venue() -> None:
    papers, _ = _read(VENUE_LINK_THEN_ITALIC_TITLE)
    title = (
        "Generalized Evidence Passing for Effect Handlers"
        " (or, Efficient Compilation of Effect Handlers to C)"
    )
    assert papers == {4: (title, "ICFP 2021", 2021)}
    (paper,) = parse_list(VENUE_LINK_THEN_ITALIC_TITLE, source="x.md").papers
    assert paper.authors == ("Xie", "Leijen")


@given(
    st.sampled_from(["ICFP", "POPL", "PLDI", "OOPSLA"]),
    st.integers(min_value=0, max_value=99),
    st.lists(st.sampled_from(["Effect", "Handlers", "for", "Typed", "Compilation"]), min_size=3),
)
def test_any_venue_link_before_an_italic_title_gives_its_venue(
    name: str, yy: int, words: list[str]
) -> None:
    title = "Sys: " + " ".join(words)
    line = f"- [{name}'{yy:02d}](https://x.org/pub/p): Xie and Leijen, _{title}_.\n"
    (paper,) = parse_list(line, source="excerpt.md").papers
    assert paper.title == title
    assert paper.venue is not None and paper.venue.startswith(name)


# idkaaa/cs-6750-hci-sp22-public required-readings/... @ d82bdf04: APA entries by one author.
def test_one_family_first_author_with_an_initial_is_one_author() -> None:
    text = (
        "1. Hutchins, E. (1995). [How a cockpit remembers its\n"
        "   speeds](http://www.it.uu.se/grad/courses/qualresearch/teachingplan/hutchins.pdf).\n"
        "   _Cognitive Science_, _19_(3). (pp. 265-288).\n"
    )
    (paper,) = parse_list(text, source="excerpt.md").papers
    assert (paper.title, paper.year, paper.authors) == (
        "How a cockpit remembers its speeds",
        1995,
        ("E. Hutchins",),
    )


# preames/technical-links PAPERS.md @ 8c172020: family names first, given names after their
# commas, joined by "&"; the year in parentheses; a title ending in a one-letter word.
def test_a_title_ending_in_a_letter_stops_before_the_venue() -> None:
    text = (
        "* Rafkind, Jon & Wick, Adam & Regehr, John & Flatt, Matthew. (2009). Precise Garbage"
        " Collection for C. International Symposium on Memory Management, ISMM.\n"
    )
    (paper,) = parse_list(text, source="excerpt.md").papers
    assert (paper.title, paper.year) == ("Precise Garbage Collection for C", 2009)
    assert paper.venue == "ISMM 2009"  # the short name the citation closes with
    assert paper.authors == ("Jon Rafkind", "Adam Wick", "John Regehr", "Matthew Flatt")


# ozsu/cs848-w2024 Schedule.md @ 55c38db9 and Jack-Kin/paper-notes README.md @ 2a94b1c3: a
# vendor's white paper among a seminar's readings, a keynote's slides among papers.
def test_a_white_paper_and_a_keynotes_slides_are_no_papers() -> None:
    text = (
        "* InfiniBand Trade Organization, [Enabling the Modern Data Center – RDMA for the"
        " Enterprise](https://www.infinibandta.org/wp-content/uploads/2019/05/"
        "IBTA_WhitePaper_May-20-2019.pdf), 2019.\n"
        "* [Designs, Lessons and Advice from Building Large Distributed Systems]"
        "(https://www.cs.cornell.edu/projects/ladis2009/talks/dean-keynote-ladis2009.pdf)\n"
        "* [Spanner: Google's Globally-Distributed Database]"
        "(https://static.googleusercontent.com/media/research.google.com/en//archive/"
        "spanner-osdi2012.pdf)\n"
    )
    papers, _ = _read(text)
    assert list(papers.values()) == [("Spanner: Google's Globally-Distributed Database", "", None)]


# FedericoBruzzone/papers-on-compiler-optimizations README.md @ 02eb1c64: a key naming a book
# in three languages, each a one-letter link.
def test_a_one_letter_link_is_no_title() -> None:
    text = (
        "- M: Modern Compiler Implementation in [C](https://dl.acm.org/doi/10.5555/550932)/"
        "[Java](https://dl.acm.org/doi/10.5555/599718)/[ML](https://dl.acm.org/doi/10.5555/993972)\n"
        "- [Peephole optimization](https://doi.org/10.1145/364995.365000), CACM 1965\n"
    )
    papers, _ = _read(text)
    assert "C" not in {title for title, _, _ in papers.values()}
    assert papers[2] == ("Peephole optimization", "CACM 1965", 1965)


# iamaaditya/iamaaditya.github.io notes/papers/index.md @ 3b1d468c: each citation filed under
# its topic and a tab; the year after the names, the title in curly quotes, the journal and its
# volume:pages; books (a place and a press) among them.
TOPIC_CITATIONS = """\
###Supervised Learning

  * Regression:\tPanik, M. J. 2009. Regression Modeling: Methods, Theory, and Computation with SAS. Boca Raton, FL: CRC Press. (Disclosure: my favorite regression book.)
  * Decision tree:\tBreiman, L., Friedman, J., Olshen, R., and Stone, C. 1984. Classification and Regression Trees. Belmont, CA: Wadsworth.
  * Random forest:\tBreiman, L. 2001. “Random Forests.” Machine Learning 45:5–32.
  * Gradient boosting:\tFriedman, J. H. 2001. “Greedy Function Approximation: A Gradient Boosting Machine.” Annals of Statistics 29:1189–1232.
  * Neural network:\tRumelhart, D. E., Hinton, G. E., and Williams, R. J. 1986. “Learning Representations by Back-Propagating Errors.” Nature 323:533–536.
"""  # noqa: E501


def test_a_quoted_title_after_a_topic_names_and_a_year_is_the_paper_and_books_are_not() -> None:
    papers, _ = _read(TOPIC_CITATIONS)
    assert papers == {
        5: ("Random Forests", "Machine Learning 2001", 2001),
        6: (
            "Greedy Function Approximation: A Gradient Boosting Machine",
            "Annals of Statistics 2001",
            2001,
        ),
        7: ("Learning Representations by Back-Propagating Errors", "Nature 1986", 1986),
    }
    authors = {p.line: p.authors for p in parse_list(TOPIC_CITATIONS, source="x.md").papers}
    assert authors[5] == ("L. Breiman",)
    assert authors[7] == ("D. E. Rumelhart", "G. E. Hinton", "R. J. Williams")


@given(
    st.sampled_from(["Random forest", "Neighbors", "k-means clustering", ""]),
    st.sampled_from(["Breiman, L.", "Cover, T. and Hart, P.", "Friedman, J. H."]),
    st.integers(min_value=1950, max_value=2030),
    st.lists(
        st.sampled_from(["Random", "Forests", "Nearest", "Neighbor", "Learning"]),
        min_size=2,
        max_size=8,
    ),
)
def test_any_topic_names_year_and_quoted_title_give_that_title_and_year(
    topic: str, names: str, year: int, words: list[str]
) -> None:
    title = " ".join(words)
    label = f"{topic}:\t" if topic else ""
    line = f"* {label}{names} {year}. “{title}.” Machine Learning 45:5–32.\n"
    (paper,) = parse_list(line, source="excerpt.md").papers
    assert (paper.title, paper.year) == (title, year)
