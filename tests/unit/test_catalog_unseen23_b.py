"""The twenty-third round of real lists (test_catalog_unseen23.py): the rest of its excerpts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.candidates import read_document
from papershelf.catalog.entry_text import bare_title
from papershelf.catalog.linked_names import linked_names
from papershelf.catalog.links import viewed_file
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.venue_lines import venue_line
from papershelf.catalog.venue_text import VenueGuess, parse_venue
from papershelf.domain.grouping import alias_table, venue_key

from .excerpts import read_excerpt as _read
from .test_catalog_unseen23 import _TITLE_WORD, _YEAR


@given(
    st.sampled_from(
        [
            ("International Symposium on Computer Architecture", "ISCA"),
            ("Architectural Support for Programming Languages and Operating Systems", "ASPLOS"),
            ("IEEE Transactions on Information Forensics and Security", "TIFS"),
        ]
    ),
    _YEAR,
    st.sampled_from(["{short} {year}", "({year})", "Volume 50 Issue 1 ({year})"]),
)
def test_a_full_venue_name_with_its_short_one_gives_the_short_one(
    names: tuple[str, str], year: int, tail: str
) -> None:
    full, short = names
    line = f"{full} ({short}) " + tail.format(short="", year=year).strip()
    assert venue_line(line) == VenueGuess(short, year)


@given(st.integers(1, 60), st.integers(1, 12), _YEAR)
def test_a_journal_s_volume_and_number_are_no_part_of_its_name(
    volume: int, number: int, year: int
) -> None:
    found = venue_line(f"Journal of Hardware and Systems Security {volume}({number}) {year}")
    assert found == VenueGuess("Journal of Hardware and Systems Security", year)


# CSLiuPeng/NewHardwareDB-PaperList Paper/RDMA相关数据库优化技术.md
# @ 9542df0d97d48ba23c6435c5eae133124b6bc31f
LINKED_NAMES = """\
# RDMA

2. [Chenchen Huang](https://dblp.org/pid/119/0896.html), \
[Huiqi Hu](https://dblp.org/pid/137/1395.html), \
[Xuecheng Qi](https://dblp.org/pid/219/9480.html), \
[Xuan Zhou](https://dblp.org/pid/32/3943-1.html), \
[Aoying Zhou](https://dblp.org/pid/z/AoyingZhou.html):
   **RS-store: RDMA-enabled skiplist-based key-value store for efficient range query.** \
[Frontiers Comput. Sci. 15(6)](https://dblp.org/db/journals/fcsc/fcsc15.html#HuangHQZZ21): \
156617 (2021)

3. [Ziyu Zhang](https://dblp.org/pid/90/46.html)\
![0000-0001-6293-7227](https://dblp.org/img/orcid-mark.12x12.png), \
[Zitan Liu](https://dblp.org/pid/295/6604.html), [Hong An](https://dblp.org/pid/73/5552.html):
   **RDMA-Based Apache Storm for High-Performance Stream Data Processing.** \
[Int. J. Parallel Program. 49(5)](https://dblp.org/db/journals/ijpp/ijpp49.html#ZhangLJCA21): \
671-684 (2021)

18. [Erfan Zamanian](https://dblp.org/pid/141/9169.html):
    **Scalable Distributed Transaction Processing on Modern RDMA-enabled Networks.** \
[SIGMOD Conference 2021](https://dblp.org/db/conf/sigmod/sigmod2021.html#Zamanian21): 8

28. [Xingda Wei](https://dblp.org/pid/168/9037.html), \
[Rong Chen](https://dblp.org/pid/22/6904-1.html), \
[Haibo Chen](https://dblp.org/pid/31/6601-1.html):
    **Fast RDMA-based Ordered Key-Value Store using Remote Learned Cache.** \
[OSDI 2020](https://dblp.org/db/conf/osdi/osdi2020.html#WeiCC20): 117-135
"""


def test_linked_names_then_a_bold_title_and_a_linked_venue_are_one_paper() -> None:
    parsed = parse_list(LINKED_NAMES, source="excerpt.md")
    got = {p.line: (p.title, p.venue, p.year, p.authors, p.links) for p in parsed.papers}
    assert got == {
        3: (
            "RS-store: RDMA-enabled skiplist-based key-value store for efficient range query",
            "Frontiers Comput. Sci. 2021",  # the volume and number are no part of the name
            2021,  # closing the entry
            ("Chenchen Huang", "Huiqi Hu", "Xuecheng Qi", "Xuan Zhou", "Aoying Zhou"),
            (),  # the links go to people and a table of contents, not to the paper
        ),
        6: (
            "RDMA-Based Apache Storm for High-Performance Stream Data Processing",
            "Int. J. Parallel Program. 2021",
            2021,
            ("Ziyu Zhang", "Zitan Liu", "Hong An"),  # an ORCID mark after a name
            (),
        ),
        9: (
            "Scalable Distributed Transaction Processing on Modern RDMA-enabled Networks",
            "SIGMOD 2021",  # DBLP names the series "SIGMOD Conference"
            2021,
            ("Erfan Zamanian",),
            (),
        ),
        12: (
            "Fast RDMA-based Ordered Key-Value Store using Remote Learned Cache",
            "OSDI 2020",
            2020,
            ("Xingda Wei", "Rong Chen", "Haibo Chen"),
            (),
        ),
    }
    assert not parsed.skipped


def test_a_linked_word_before_a_colon_is_no_author() -> None:
    papers, _ = _read("- [Survey](https://example.org/s): **A Study of Things in Systems.**\n")
    assert papers != {1: ("A Study of Things in Systems", "", None)}


# MattPD/cpplinks comparch.micro.channels.md @ 0ae5958fe52ee11a4553a5ed97ea3839a236b0e4
THESIS_LINE = """\
- Revisiting Isolated and Trusted Execution via Microarchitectural Cryptanalysis
\t- 2020 PhD Dissertation
\t- Daniel Moghimi
\t- https://digital.wpi.edu/show/w9505326n
"""


def test_a_thesis_line_under_a_title_dates_it_and_names_no_venue() -> None:
    papers, _ = _read(THESIS_LINE)
    title = "Revisiting Isolated and Trusted Execution via Microarchitectural Cryptanalysis"
    assert papers == {1: (title, "", 2020)}


# lastweek/lastweek.github.io papers/nvm-Summary.md @ 3c96bc0e34aaf625a38fb72d2e958dae5dcba622
ASIDE = """\
## MSST16
(MSST17 papers are not out)
1. Fine-grained Metadata Journaling on NVM
2. Fast and Failure-Consistent Updates of Application Data in Non-Volatile Main Memory File System

## FAST
1. NOVA: A Log-structured File System for Hybrid Volatile/Non-volatile Main Memories, FAST'16
"""


def test_an_aside_in_parentheses_under_a_venue_heading_is_no_title() -> None:
    papers, skipped = _read(ASIDE)
    fast = "Fast and Failure-Consistent Updates of Application Data in Non-Volatile Main Memory"
    nova = "NOVA: A Log-structured File System for Hybrid Volatile/Non-volatile Main Memories"
    assert papers == {
        3: ("Fine-grained Metadata Journaling on NVM", "MSST 2016", 2016),
        4: (fast + " File System", "MSST 2016", 2016),
        7: (nova, "FAST 2016", 2016),
    }
    assert skipped == {2: "text without a paper link"}


@given(st.lists(_TITLE_WORD, min_size=3, max_size=8))
def test_a_paragraph_wholly_in_parentheses_is_never_a_bare_title(words: list[str]) -> None:
    assert not bare_title("(" + " ".join(words) + ")")
    assert bare_title(" ".join(words).capitalize())


# dasebigdata-ecnu/ReadingList BigDataProcessing.md @ 31bdf488d066c9a700ecd21b937ae3612ecabf63
BOLD_REFERENCE = """\
## 分布式文件系统

* GFS
    + **Ghemawat, S., Gobioff, H., & Leung, S.-T. (2003). The Google File System. \
In SOSP (pp. 29–43).**

## 协调服务系统

* Chubby
    + Burrows, M. (2006). The Chubby lock service for loosely-coupled distributed systems. \
In OSDI (pp. 335–350).
"""


def test_a_whole_reference_set_in_bold_is_read_as_the_plain_ones_beside_it() -> None:
    papers, _ = _read(BOLD_REFERENCE)
    chubby = "The Chubby lock service for loosely-coupled distributed systems"
    assert papers == {
        4: ("The Google File System", "SOSP 2003", 2003),  # bold: a must-read, not a title
        9: (chubby, "OSDI 2006", 2006),
    }


def test_a_bold_title_alone_stays_the_title() -> None:
    papers, _ = _read("- **The Google File System: A Scalable Store**\n")
    assert papers == {1: ("The Google File System: A Scalable Store", "", None)}


@given(st.sampled_from(["SIGMOD", "CIKM", "ICDE", "KDD"]), _YEAR)
def test_dblp_s_series_conference_is_the_series(series: str, year: int) -> None:
    assert parse_venue(f"{series} Conference {year}", need_year=True) == VenueGuess(series, year)


def test_a_conference_named_in_words_keeps_the_word() -> None:
    found = parse_venue("USENIX Annual Technical Conference 2021", need_year=True)
    assert found == VenueGuess("USENIX Annual Technical Conference", 2021)


def test_a_publisher_s_conference_stays_as_written() -> None:
    assert parse_venue("ACM Conference 2015", need_year=True) == VenueGuess("ACM Conference", 2015)


@given(
    st.sampled_from(["ACM", "USENIX"]),
    st.sampled_from(["SIGCOMM CCR", "SOSP", "SIGOPS OSR"]),
    _YEAR,
)
def test_a_publisher_before_a_short_series_name_groups_with_the_series(
    publisher: str, series: str, year: int
) -> None:
    aliases = alias_table()
    assert venue_key(f"{publisher} {series} {year}", aliases) == venue_key(
        f"{series} {year}", aliases
    )


def test_a_publisher_before_words_stays_in_the_key() -> None:
    aliases = alias_table()
    assert venue_key("ACM Computing Surveys 2014", aliases) != venue_key(
        "Computing Surveys 2014", aliases
    )


def test_known_leftovers_onward_ion_gnss_and_proceedings_of_the_ieee() -> None:
    assert parse_venue("Onward!'13", need_year=True) == VenueGuess("Onward!", 2013)
    assert parse_venue("ION GNSS+ 2023", need_year=True) == VenueGuess("ION GNSS+", 2023)
    found = parse_venue("Proceedings of the IEEE 2019", need_year=True)
    assert found == VenueGuess("Proceedings of the IEEE", 2019)  # a journal, not IEEE
    assert parse_venue("In Proceedings of SOSP 2019", need_year=True) == VenueGuess("SOSP", 2019)


@given(st.sampled_from(["Wow!", "Hello!", "C++", "GNSS+"]), _YEAR)
def test_a_mark_closing_a_word_makes_no_venue_of_it(word: str, year: int) -> None:
    assert parse_venue(f"{word} {year}", need_year=True) is None


VIEWER = """\
- [The Google File System](https://docs.google.com/viewer?url=https://static.googleusercontent.com/media/research.google.com/en//archive/gfs-sosp2003.pdf)
- [MapReduce: Simplified Data Processing](https://research.google.com/archive/mapreduce.html)
- [Bigtable: A Distributed Storage System](https://research.google.com/archive/bigtable.html)
"""


def test_a_viewer_s_link_is_read_as_the_file_it_shows() -> None:
    parsed = parse_list(VIEWER, source="excerpt.md")
    gfs = parsed.papers[0]
    assert gfs.title == "The Google File System"
    pdf = "https://static.googleusercontent.com/media/research.google.com/en//archive/gfs-sosp2003.pdf"
    assert [link.url for link in gfs.links] == [pdf]


@given(st.sampled_from(["viewer", "gview", "viewerng/viewer"]), st.sampled_from(["http", "https"]))
def test_viewed_file_is_the_url_parameter(path: str, scheme: str) -> None:
    inner = f"{scheme}://example.org/papers/p.pdf"
    assert viewed_file(f"https://docs.google.com/{path}?url={inner}") == inner
    assert viewed_file(f"https://docs.google.com/{path}?embedded=true&url={inner}") == inner
    assert viewed_file(f"https://docs.google.com/document/d/x?url={inner}") is None


def test_a_linked_venue_written_out_in_full_takes_the_series_short_name() -> None:
    text = (
        "19. [Xingda Wei](https://dblp.org/pid/168/9037.html), "
        "[Binyu Zang](https://dblp.org/pid/86/680.html):\n"
        "    **Characterizing and Optimizing Remote Persistent Memory with RDMA and NVM.** "
        "[USENIX Annual Technical Conference 2021]"
        "(https://dblp.org/db/conf/usenix/usenix2021.html#WeiX00Z21): 523-536\n"
    )
    found = linked_names(read_document(text).candidates[0].spans)
    assert found is not None
    assert found.venue == VenueGuess("USENIX ATC", 2021)
    assert found.authors == ("Xingda Wei", "Binyu Zang")
