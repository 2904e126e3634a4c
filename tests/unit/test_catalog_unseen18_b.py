"""The eighteenth round of real lists (test_catalog_unseen18.py): the rest of its excerpts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.dblp_lines import dblp_cited
from papershelf.catalog.emph_cites import names_then_emph
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.mla_names import mla_first
from papershelf.catalog.skips import NO_LINK
from papershelf.catalog.spans import Span
from papershelf.catalog.venue_headings import glued_year

from .excerpts import read_excerpt as _read
from .test_catalog_unseen18 import _TITLE_WORD, ITALIC_CITED_TITLES


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
            "SIGMOD 1979",  # "Proc. SIGMOD Conference": "Proc." as "Proceedings of" is
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
