"""The fifteenth round of real lists, and the misreads the fourteenth round's rules left.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen15/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.catalog import fields
from papershelf.catalog.address_titles import before_address
from papershelf.catalog.dated_groups import (
    journal_named,
)
from papershelf.catalog.engine import read_list
from papershelf.catalog.entry_venue import Context, venue_of
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.publisher import without_publisher
from papershelf.catalog.quoted_cite import quoted_citation
from papershelf.catalog.sentences import reads_as_sentence
from papershelf.catalog.skips import NO_LINK, NON_PAPERS, NOTES, TOOLS, kind_of
from papershelf.catalog.spans import Span
from papershelf.catalog.titles import byline_venue

from .excerpts import read_excerpt as _read

# The list's own news and instructions among linked papers: the two lines round 14's rules
# (a leading year, a title closed by its year) took for papers whose link was left out.
PROSE_AMONG_PAPERS = """\
# Awesome Systems Papers

- [The Google File System](https://research.google/pubs/gfs.pdf), SOSP 2003
- 2019, Moved the whole repository over to GitHub
- [MapReduce: Simplified Data Processing on Large Clusters](https://research.google/pubs/mapreduce.pdf), OSDI 2004
- Please read the contributing guide before opening issues (2020).
- [Bigtable: A Distributed Storage System for Structured Data](https://research.google/pubs/bigtable.pdf), OSDI 2006
"""  # noqa: E501


def test_news_and_instructions_among_papers_are_skipped_with_a_reason() -> None:
    papers, _ = _read(PROSE_AMONG_PAPERS)
    assert sorted(papers) == [3, 5, 7]
    general = read_list(PROSE_AMONG_PAPERS)  # the reader that reads plain lines gives why
    assert [e.line for e in general.entries] == [3, 5, 7]
    assert {line: kind_of(why) for line, why in general.skipped} == {4: NO_LINK, 6: NO_LINK}


_WORD = st.sampled_from(
    ["Learning", "Fast", "Model", "Checking", "for", "Deep", "Networks", "with", "Graphs", "of"]
)
_VENUE = st.sampled_from(["OSDI 2004", "SOSP 2003", "NSDI 2019", "VLDB 2012"])
_OBJECT = st.sampled_from(["the", "our", "this", "all", "your"])
_THING = st.sampled_from(["repository", "list", "papers", "guide", "website", "links"])
_TAIL = st.sampled_from(["", " over to GitHub", " before opening issues", " to a new home"])
_NEWS = st.sampled_from(["Moved", "Added", "Updated", "Removed", "Renamed", "Migrated"])
_ASK = st.sampled_from(["Read", "See", "Check", "Visit", "Follow", "Star"])


@st.composite
def _prose_line(draw: st.DrawFn) -> str:
    """A line of the list's news or instructions, dated the ways round 14's rules read."""
    year = draw(st.integers(2010, 2025))
    thing = f"{draw(_OBJECT)} {draw(_THING)}{draw(_TAIL)}"
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f"{year}, {draw(_NEWS)} {thing}"
    if shape == 1:
        return f"Please {draw(_ASK).lower()} {thing} ({year})."
    if shape == 2:
        return f"{draw(_ASK)} {thing} ({year})."
    return f"{year}, We {draw(_NEWS).lower()} {thing}"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.lists(_WORD, min_size=3, max_size=7), _VENUE), min_size=1, max_size=5),
    st.lists(_prose_line(), min_size=1, max_size=4),
    st.randoms(use_true_random=False),
)
def test_prose_lines_mixed_among_linked_papers_give_only_the_papers(
    papers: list[tuple[list[str], str]], prose: list[str], rnd: object
) -> None:
    titles = [" ".join(["Towards", *words, str(i)]) for i, (words, _) in enumerate(papers)]
    lines = [
        f"- [{title}](https://example.org/p{i}.pdf), {venue}"
        for i, (title, (_, venue)) in enumerate(zip(titles, papers, strict=True))
    ]
    for line in prose:
        lines.insert(rnd.randrange(len(lines) + 1), f"- {line}")  # type: ignore[attr-defined]
    text = "# Papers\n\n" + "\n".join(lines) + "\n"
    assert [p.title for p in parse_list(text, source="x.md").papers] == titles
    general = read_list(text)
    assert [e.title for e in general.entries] == titles
    assert len(general.skipped) == len(prose)


@given(st.lists(_WORD, min_size=2, max_size=6))
def test_a_title_opening_with_a_verb_or_a_pronoun_is_no_sentence(words: list[str]) -> None:
    """Titles open with verbs too: only a verb then its object reads as a sentence."""
    rest = " ".join(words)
    for opener in ["Learned", "Fixed Point", "Attention Is All", "Go To Statement", "You Only"]:
        assert not reads_as_sentence(f"{opener} {rest}")


# Round 14's real lines of that shape stay papers (X-czh/os-readings README.md @ 0a7b5418,
# sergei-mironov/nixtvm doc/References.md @ 013967ea).
def test_real_dated_and_year_led_titles_are_no_sentences() -> None:
    for title in [
        "HYDRA: The Kernel of a Multiprocessor Operating System",
        "TENEX, a Paged Time Sharing System for the PDP-10",
        "Recurrent Neural Network Regularization",
        "Gradient-Based Learning Applied to Document Recognition",
    ]:
        assert not reads_as_sentence(title)


def _timed(call: Callable[[str], object], text: str) -> float:
    start = time.thread_time()
    for _ in range(20):
        call(text)
    return time.thread_time() - start


def _grows_linearly(call: Callable[[str], object]) -> bool:
    """Four times the spaces: about four times the work (a quadratic search: sixteen).

    The two sizes are timed in turn, the least of seven runs each, in this thread's CPU
    time: another process keeping the cores busy does not count; the bound is generous
    (ten) between the linear four and the sixteen.
    """
    small_text, large_text = " " * 5_000, " " * 20_000
    small = large = float("inf")
    for _ in range(7):
        small = min(small, _timed(call, small_text))
        large = min(large, _timed(call, large_text))
    return large <= 10 * max(small, 1e-4)


def test_a_long_run_of_spaces_after_a_quoted_title_is_read_in_linear_time() -> None:
    """``_CLOSE`` tried every split of the run between its two ``\\s*``: quadratic."""
    assert _grows_linearly(lambda s: quoted_citation('Smith, John. "', "Title", s))


def test_a_long_run_of_spaces_after_a_title_finds_its_venue_in_linear_time() -> None:
    """``VOLUME_ISSUE`` and ``_ET_AL`` were searched from every space of the run."""

    def venue(text: str) -> object:
        title = fields.Title("A Study of Things", "link", None, [], "", [Span(text + "x")])
        return venue_of(title, text + "x", Context())

    assert _grows_linearly(venue)
    assert _grows_linearly(byline_venue)


# andrewbirkett/quantum quantum-computing-papers.md @ b97076ea: "YEAR Name: Title <address>",
# the address written out as its own link (alone, on the next line, or with a note after it).
TITLE_BEFORE_ITS_SHOWN_ADDRESS = """\
# 1980s: Feynman
* 1981 Feynman: Simulating Physics with Computers <http://physics.whu.edu.cn/dfiles/wenjian/1_00_QIC_Feynman.pdf>

* 1996: Grover: A fast quantum mechanical algorithm for database search
<https://arxiv.org/abs/quant-ph/9605043>

* 1995 DiVincenzo: Quantum Computation <http://www.lanais.famaf.unc.edu.ar/cursos/quantumcomp/lectures/DiVincenzo-QC-science.pdf> The "DiVincenzo criteria".

* 1998 Monroe et al Experimental Issues In Coherent Quantum-State Manipulation of Trapped Atomic Ions <https://tf.nist.gov/general/pdf/1275.pdf>

* 1994 Realizable Universal Quantum Logic Gates <https://journals.aps.org/prl/abstract/10.1103/PhysRevLett.74.4087>.  Aka, CNOT plus single qubit rotations is universal.

* 2018 IonQ founder lecture <https://www.youtube.com/watch?v=9aOLwjUZLm0>

* Details of IBM's various public backends, eg. <https://github.com/Qiskit/ibmq-device-information/tree/master/backends/melbourne/V1>
# Longer courses:

* Loceff: <https://arxiv.org/abs/1305.7270>
"""  # noqa: E501


def test_the_words_before_a_shown_address_are_the_title_with_its_year_and_names() -> None:
    papers, skipped = _read(TITLE_BEFORE_ITS_SHOWN_ADDRESS)
    experimental = (
        "Experimental Issues In Coherent Quantum-State Manipulation of Trapped Atomic Ions"
    )
    assert papers == {
        2: ("Simulating Physics with Computers", "", 1981),
        4: ("A fast quantum mechanical algorithm for database search", "", 1996),
        7: ("Quantum Computation", "", 1995),
        9: (experimental, "", 1998),
        11: ("Realizable Universal Quantum Logic Gates", "", 1994),
    }
    assert skipped == {13: NON_PAPERS, 15: TOOLS, 18: NOTES}
    parsed = parse_list(TITLE_BEFORE_ITS_SHOWN_ADDRESS, source="x.md")
    authors = {p.line: p.authors for p in parsed.papers}
    assert authors[2] == ("Feynman",)
    assert authors[9] == ("Monroe et al",)
    links = {p.line: p.links for p in parsed.papers}
    assert links[4][0].url == "https://arxiv.org/abs/quant-ph/9605043"


@given(
    st.lists(_WORD, min_size=3, max_size=8),
    st.one_of(st.none(), st.integers(1950, 2030)),
    st.sampled_from(["", "Shor: ", "Monroe et al: ", "Cirac/Zoller: ", "Various: "]),
    st.sampled_from(["https://arxiv.org/abs/1801.00862", "http://x.org/p.pdf"]),
)
def test_the_address_shown_after_a_title_is_its_link_whatever_the_words(
    words: list[str], year: int | None, names: str, url: str
) -> None:
    title = " ".join(["Towards", *words])
    lead = f"{year} {names}" if year is not None else ""
    parsed = parse_list(f"# Papers\n\n* {lead}{title} <{url}>\n", source="x.md")
    assert [(p.title, p.year) for p in parsed.papers] == [(title, year)]
    assert parsed.papers[0].links[0].url == url


def test_a_label_or_a_sentence_before_an_address_is_no_title() -> None:
    assert before_address("Code is available here:") is None
    assert before_address("See the slides of the talk") is None
    assert before_address("2011 Loceff:") is None


# systems-seminar-uiuc/systems-seminar-uiuc.github.io spring26q/papers_to_read.md @ d94c11a4:
# a group after each linked title: the journal and year, the year and the journal, the year
# and who made it, the year then a note in a group of its own.
JOURNAL_AND_YEAR_GROUPS = """\
## Basic Concepts (+ Theoretical)

- [A Framework for Quantum Advantage](https://arxiv.org/abs/2506.20658) (2025) (By IBM)
- [Adiabatic Quantum Computing](https://journals.aps.org/rmp/abstract/10.1103/RevModPhys.90.015002) (Phys Rev 2018)
- [Implementing the Quantum von Neumann Architecture with Superconducting Circuits](https://www.science.org/doi/10.1126/science.1208517) (Science, 2011)
- [A single quantum cannot be cloned](https://www.nature.com/articles/299802a0) (Nature, 1982)

## Hybrid Classical-Quantum Systems

- [Bridging paradigms: Designing for HPC-Quantum convergence](https://www.sciencedirect.com/science/article/pii/S0167739X25002754) (2026, Future Generation Computer Systems)
- [Platform Architecture for Tight Coupling of High-Performance Computing with Quantum Processors](https://arxiv.org/abs/2510.25213) (2025, by Nvidia)
- [A layered software architecture for quantum computing design tools](https://ieeexplore.ieee.org/document/1580386) (Computer, 2006)
- [Optimized Quantum Circuit Partitioning Across Multiple Quantum Processors](https://ieeexplore.ieee.org/stamp/stamp.jsp?arnumber=11207538) (TQE, 2025)
- [The Munich Quantum Software Stack: Connecting End Users, Integrating Diverse Quantum Technologies, Accelerating HPC](https://arxiv.org/abs/2509.02674) (2025, MQSS)
"""  # noqa: E501


def test_a_journal_and_its_year_after_a_title_are_its_venue_and_a_maker_no_venue() -> None:
    papers, skipped = _read(JOURNAL_AND_YEAR_GROUPS)
    munich = (
        "The Munich Quantum Software Stack: Connecting End Users, Integrating Diverse Quantum "
        "Technologies, Accelerating HPC"
    )
    assert {line: (venue, year) for line, (_, venue, year) in papers.items()} == {
        3: ("", 2025),
        4: ("Phys Rev 2018", 2018),
        5: ("Science 2011", 2011),
        6: ("Nature 1982", 1982),
        10: ("Future Generation Computer Systems 2026", 2026),
        11: ("", 2025),
        12: ("Computer 2006", 2006),
        13: ("TQE 2025", 2025),
        14: ("", 2025),
    }
    assert papers[14][0] == munich
    assert not skipped


@given(
    st.sampled_from(["Nature", "Science", "QC", "IEEE ToQE", "Computer", "Phys Rev"]),
    st.integers(1950, 2030),
)
def test_a_lone_journal_name_before_a_year_is_no_author(journal: str, year: int) -> None:
    assert journal_named(journal)
    assert without_publisher(f" ({journal}, {year})") != ""


@given(st.sampled_from(["Lamport", "Andreas Haas, Luke Wagner", "Leslie Lamport"]))
def test_a_persons_name_before_a_year_is_still_the_byline(names: str) -> None:
    assert not journal_named(names)
    assert without_publisher(f" ({names}, 2017)") == ""
