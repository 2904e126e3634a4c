"""Shapes met in a thirteenth round of real lists outside the shared corpora, from short excerpts.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen13/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.columns import column_kind
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.sections import heading_venue
from papershelf.catalog.titles import before_links

from .excerpts import read_excerpt as _read

# jiaoruohong/notebook Research/USENIX.md @ 324beaf2: the conference's edition heading, a
# session heading, then a task item whose first line is the authors (the first one bold) and
# an HTML break written "</br>", and whose second line is the title in bold.
BOLD_NAMES_OVER_BOLD_TITLES = """\
## 26th USENIX Security Symposium 2017: Vancouver, BC, Canada

### ***Side-Channel Countermeasures***

- [ ] **Shuai Wang**, Pei Wang, Xiao Liu, Danfeng Zhang, Dinghao Wu: </br>
    **CacheD: Identifying Cache-Based Timing Channels in Production Software.**

### ***Software Security***

- [ ] **Xiangkun Jia**, Chao Zhang, Purui Su, Yi Yang, Huafeng Huang, Dengguo Feng: </br>
    **Towards Efficient Heap Overflow Discovery.**

## 28th USENIX Security Symposium 2019: Santa Clara, CA, USA

### ***Web Attacks***

- [ ] **John V. Monaco**: </br>
    **What Are You Searching For? A Remote Keylogging Attack on Search Engine Autocomplete.**
"""


def test_the_bold_line_under_the_names_is_the_title_and_the_edition_heading_its_venue() -> None:
    """Not the bold first author; "Software Security" is a topic, not a section of software."""
    papers, skipped = _read(BOLD_NAMES_OVER_BOLD_TITLES)
    searching = (
        "What Are You Searching For? A Remote Keylogging Attack on Search Engine Autocomplete"
    )
    assert papers == {
        5: (
            "CacheD: Identifying Cache-Based Timing Channels in Production Software",
            "USENIX Security Symposium 2017",
            2017,
        ),
        10: ("Towards Efficient Heap Overflow Discovery", "USENIX Security Symposium 2017", 2017),
        17: (searching, "USENIX Security Symposium 2019", 2019),
    }
    assert not skipped
    authors = {
        p.line: p.authors for p in parse_list(BOLD_NAMES_OVER_BOLD_TITLES, source="x.md").papers
    }
    assert authors[5] == ("Shuai Wang", "Pei Wang", "Xiao Liu", "Danfeng Zhang", "Dinghao Wu")
    assert authors[17] == ("John V. Monaco",)


# jiaoruohong/notebook Research/IoT Papers Reading List.md @ 6c75860e: a venue's full name over
# headings "YEAR | Nth ABBR YEAR: City", a session as a quote, and bold titles with no link.
EDITION_HEADINGS = """\
## IEEE Symposium on Security and Privacy (S&P)
****
### 2019 | 40th S&P 2019: San Francisco, CA, USA
> IoT Security
- [ ] **SoK: Security Evaluation of Home-Based IoT Deployments.**

## USENIX Security Symposium (USENIX)
****
### 2019 | 28th USENIX Security Symposium 2019: Santa Clara, CA, USA
> IoT Security
- [ ] **FIRM-AFL: High-Throughput Greybox Fuzzing of IoT Firmware via Augmented Process Emulation.**
"""


def test_an_edition_heading_names_the_venue_of_the_bold_titles_under_it() -> None:
    papers, _ = _read(EDITION_HEADINGS)
    firm = (
        "FIRM-AFL: High-Throughput Greybox Fuzzing of IoT Firmware via Augmented Process Emulation"
    )
    assert papers == {
        5: ("SoK: Security Evaluation of Home-Based IoT Deployments", "S&P 2019", 2019),
        11: (firm, "USENIX Security Symposium 2019", 2019),
    }


@given(
    st.integers(min_value=1, max_value=60),
    st.sampled_from(["S&P", "NDSS", "CCS", "USENIX Security Symposium", "OSDI", "SIGMOD"]),
    st.integers(min_value=1970, max_value=2030),
    st.sampled_from(["", ": Vancouver, BC, Canada", ": San Diego, California, USA", " (online)"]),
    st.sampled_from(["", "2019 | "]),
)
def test_an_edition_number_before_a_venue_and_year_names_that_venue(
    edition: int, name: str, year: int, place: str, lead: str
) -> None:
    """Whatever the edition, the series, the year and the place after them."""
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(
        edition % 10 if edition not in (11, 12, 13) else 0, "th"
    )
    found = heading_venue(f"{lead}{edition}{suffix} {name} {year}{place}")
    assert found is not None
    assert (found.name, found.year) == (name, year)


def test_a_numbered_heading_without_a_venue_names_none() -> None:
    assert heading_venue("4th Week 2019") is None
    assert heading_venue("The 5th best papers 2019") is None


# ozsu/CS738 paper-list.md @ 010ca1ba: names on one line, the title in bold on the next, the
# proceedings in italics on the third; a title may close with a question mark and hold "vs.".
THREE_LINE_CITATIONS = """\
- D. J. Abadi, S. Madden, and N. Hachem.  
  **Column-Stores vs. Row-Stores: How Different Are They Really?**  
  *Proceedings of the ACM SIGMOD International Conference on Management of Data*, pp. 967–980, 2008.

- J. Dean and S. Ghemawat.  
  **MapReduce: Simplified Data Processing on Large Clusters.**  
  *Proceedings of the USENIX Symposium on Operating Systems Design and Implementation (OSDI)*, pp. 137–149, 2004.
"""  # noqa: E501, W291


def test_a_bold_title_between_names_and_proceedings_is_whole_with_its_question_mark() -> None:
    papers, _ = _read(THREE_LINE_CITATIONS)
    assert papers == {
        1: (
            "Column-Stores vs. Row-Stores: How Different Are They Really?",
            "ACM SIGMOD International Conference on Management of Data 2008",
            2008,
        ),
        5: ("MapReduce: Simplified Data Processing on Large Clusters", "OSDI 2004", 2004),
    }


_WORD = st.sampled_from(["Column", "Stores", "vs.", "Really?", "Query", "e.g.", "Data", "Engines"])


@given(st.lists(_WORD, min_size=3, max_size=10), st.integers(min_value=1970, max_value=2030))
def test_whatever_a_bold_title_holds_it_is_the_title(words: list[str], year: int) -> None:
    """Abbreviations and question marks inside the bold run end no sentence there."""
    title = "Sys: " + " ".join(words)
    text = (
        f"- A. Author and B. Author.  \n  **{title}**  \n"
        f"  *Proceedings of the VLDB Endowment (PVLDB)*, pp. 1–2, {year}.\n"
    )
    (paper,) = parse_list(text, source="excerpt.md").papers
    assert paper.title == title.rstrip(". ")
    assert paper.year == year


# FedericoBruzzone/papers-on-compiler-optimizations README.md @ 02eb1c64: a "Venue Type"
# column (the publisher: ACM, IEEE, T&F) before the "Venue Name" column, and names the venue
# parser does not know (Acta Inf., PLDI (SCO)).
VENUE_TYPE_AND_NAME = """\
| Paper Title | Venue Type | Venue Name | Type | Year | Sources |
|---|---|---|---|---|---|
| [Peephole optimization](https://doi.org/10.1145/364995.365000) | ACM | CACM | J | 1965 | E |
| [Local optimizations](https://doi.org/10.1145/390013.808484) | ACM | PLDI (SCO) | C | 1970 | E |
| Fast algorithms for the elimination of common subexpressions | Springer | Acta Inf. | J | 1973 | A, D, E, O |
"""  # noqa: E501


def test_the_venue_name_column_names_the_venue_not_the_venue_type() -> None:
    papers, _ = _read(VENUE_TYPE_AND_NAME)
    assert papers == {
        3: ("Peephole optimization", "CACM 1965", 1965),
        4: ("Local optimizations", "PLDI (SCO) 1970", 1970),
        5: ("Fast algorithms for the elimination of common subexpressions", "Acta Inf. 1973", 1973),
    }


def test_a_column_on_a_venue_is_no_venue_column() -> None:
    assert column_kind("Venue Type", False) == "other"
    assert column_kind("Conference Rank", False) == "other"
    assert column_kind("Venue Name", False) == "venue"
    assert column_kind("Venue", False) == "venue"


# xylian86/superchip-systems-papers (round 11): a Venue cell with its own digits that reads as
# no venue stays no venue; the row's year is not glued to it.
def test_a_venue_cell_with_its_own_year_is_not_given_the_rows_year() -> None:
    text = (
        "| Year | Paper | Venue |\n| --- | --- | --- |\n"
        "| 2025 | [ARMing GPUs: On the Memory Subsystem](https://sc25.example.com/p?id=1)"
        " | SC25 HMEM invited talk |\n"
    )
    (paper,) = parse_list(text, source="excerpt.md").papers
    assert not paper.venue and paper.year == 2025


# X-czh/os-readings README.md @ 0a7b5418: the title, its year in parentheses and a stop, then
# generic links to the paper and the reader's note.
TITLE_BEFORE_PAPER_LINK = """\
## Microkernel

* Improving IPC by Kernel Design (1993). [Paper](https://dl.acm.org/doi/10.1145/173668.168633) \\| [Note](notes/improving-ipc-by-kernel-design.md)

* The Performance of μ-Kernel-Based Systems (1997). [Paper](https://dl.acm.org/doi/10.1145/269005.266660) \\| [Note](notes/perf-microkernel-based-system)
"""  # noqa: E501


def test_the_year_before_a_paper_link_is_the_papers_not_the_titles() -> None:
    papers, _ = _read(TITLE_BEFORE_PAPER_LINK)
    assert papers == {
        3: ("Improving IPC by Kernel Design", "", 1993),
        5: ("The Performance of μ-Kernel-Based Systems", "", 1997),
    }
    assert before_links("Title (1993). ") == "Title (1993)"
    assert before_links("Title (TR-12) ") == "Title (TR-12)"
