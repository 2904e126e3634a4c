"""The fifteenth round of real lists (test_catalog_unseen15.py): the rest of its excerpts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog import fields
from papershelf.catalog.dated_groups import (
    after_names,
    dated_year,
    names_year,
    year_first_venue,
)
from papershelf.catalog.locators import closing_year, without_locators
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.noted_titles import before_note
from papershelf.catalog.skips import NON_PAPERS
from papershelf.catalog.spans import Span, text_of
from papershelf.errors import ListError

from .excerpts import read_excerpt as _read
from .test_catalog_unseen15 import _WORD, _grows_linearly


@given(st.integers(1950, 2030), st.sampled_from(["by IBM", "by Oak Ridge Lab", "MQSS", "Meta"]))
def test_a_year_then_who_made_it_dates_the_paper_and_names_no_venue(year: int, who: str) -> None:
    assert dated_year(f" ({year}, {who})") == year
    assert dated_year(f" ({year}) ({who})") == year
    assert year_first_venue(f" ({year}, {who})") is None


# chyyuu/aos_course_info readinglist.md @ 2c1d9f95: a linked title, then the names and the
# journal with its volume, issue, pages and month.
JOURNAL_VOLUME_ISSUE_PAGES = """\
### OS Architecture
 1. [Tenex, A Paged Time Sharing System for the PDP-10](http://dl.acm.org/citation.cfm?id=361271),Daniel G. Bobrow, Jerry D. Burchfiel, Daniel L. Murphy and Raymond S. Tomlinson. Communications of the ACM 15(3), March 1972.
 1. [On the criteria to be used in decomposing systems into modules](http://doi.acm.org/10.1145/361598.361623), David. L. Parnas., Communications of the ACM 15(12), December 1972, 1053-1058.
 1. [On Micro-Kernel Construction](http://zoo.cs.yale.edu/classes/cs422/2010/bib/liedtke95micro.pdf),J. Liedtke., ACM SIGOPS Operating Systems Review 29(5):237-250 · December 1995
 1. [The Nucleus of a Multiprogramming System](https://dl.acm.org/doi/10.1145/362258.362278), P. B. Hansen, Communications of the ACM, Vol. 13, No. 4, April 1970, pp. 238-241, 250.
 1. [Memory Coherence in Shared Virtual Memory Systems](http://dl.acm.org/citation.cfm?id=75105), Kai Li(李凯), Paul Hudak.ACM TOCS 7(4), Nov 1989, pp 321–359.
"""  # noqa: E501


def test_a_journals_volume_issue_pages_and_month_are_no_part_of_its_venue() -> None:
    papers, _ = _read(JOURNAL_VOLUME_ISSUE_PAGES)
    assert {line: (venue, year) for line, (_, venue, year) in papers.items()} == {
        2: ("Communications of the ACM 1972", 1972),
        3: ("Communications of the ACM 1972", 1972),
        4: ("ACM SIGOPS Operating Systems Review 1995", 1995),
        5: ("Communications of the ACM 1970", 1970),
        6: ("ACM TOCS 1989", 1989),
    }


@given(
    st.sampled_from(["Communications of the ACM", "ACM Computing Surveys", "Journal of the ACM"]),
    st.integers(1, 99),
    st.integers(1, 12),
    st.sampled_from(["", ":237-250", ":5"]),
    st.sampled_from(["", "March ", "Nov ", "Feb. "]),
    st.integers(1950, 2030),
    st.sampled_from(["", ", 1053-1058", ", pp. 238-241, 250", ", pp 321–359"]),
)
def test_volume_issue_pages_and_month_leave_the_journal_and_year(
    journal: str, volume: int, issue: int, pages: str, month: str, year: int, after: str
) -> None:
    cited = f", {journal} {volume}({issue}){pages}, {month}{year}{after}."
    assert without_locators(cited).rstrip(".") == f", {journal}, {year}"


# zhixin612/awesome-papers-LMsys conference.md @ 766f7154 (a list of round 14): pages of links
# shown by their addresses; the words before one name a page, not a paper.
PAGE_BEFORE_ITS_SHOWN_ADDRESS = """\
## Papers

  * Connect Papers: [https://www.connectedpapers.com/](https://www.connectedpapers.com)
  * Conference List with Link [https://paper.lingyunyang.com/reading-notes/conference](https://paper.lingyunyang.com/reading-notes/conference)
  * [Mooncake: Trading More Storage for Less Computation](https://www.usenix.org/conference/fast25/presentation/qin) (FAST 2025)
"""  # noqa: E501


def test_words_naming_a_page_of_links_before_its_address_are_no_title() -> None:
    papers, skipped = _read(PAGE_BEFORE_ITS_SHOWN_ADDRESS)
    assert list(papers) == [5]
    assert set(skipped) == {3, 4}


# mjschultz/mjschultz.github.com academic/papers.markdown @ 423f7b1a (a list of round 12): the
# month before the year closing a journal's name.
MONTH_BEFORE_THE_YEAR = """\
* Thomas Anderson, Larry Peterson, Scott Shenker, and Jonathan Turner.
   [Overcoming the Internet Impasse through Virtualization](). IEEE
   Computer, April 2005.
"""


def test_the_month_before_a_journals_year_is_no_part_of_its_venue() -> None:
    papers, _ = _read(MONTH_BEFORE_THE_YEAR)
    assert papers == {
        1: ("Overcoming the Internet Impasse through Virtualization", "IEEE Computer 2005", 2005)
    }


def test_a_long_run_of_spaces_or_numbers_in_a_citation_is_cleaned_in_linear_time() -> None:
    assert _grows_linearly(lambda s: without_locators(f"ACM 15(3){s}· May{s}1972, 1-2"))
    assert _grows_linearly(lambda s: without_locators(", 1-2" + s.replace("    ", ", 3,")))


# chyyuu/aos_course_info readinglist.md @ 2c1d9f95: the series with its year glued on, then the
# year again; a venue after a comma with no space.
SERIES_YEAR_SAID_TWICE = """\
### OS Architecture
 1. [Exokernel: An Operating System Architecture for Application-Level Resource Management](http://flint.cs.yale.edu/cs428/doc/p251-engler.pdf), Dawson R. Engler, M. Frans Kaashoek, and James O’Toole Jr. MIT,  SIGOPS ’95, 1995
 1. [Singularity: Rethinking the Software Stack](http://research.microsoft.com/pubs/69431/osr2007_rethinkingsoftwarestack.pdf) Galen C. Hunt and James R. Larus, Microsoft Research Redmond, OSR2007, 2007
 1. [Secure Virtual Architecture: A Safe Execution Environment for Commodity Operating Systems](http://sosp2007.org/papers/sosp139-criswell.pdf), John Criswell, Andrew Lenharth, Dinakar Dhurjati, and Vikram Adve,University of Illinois at Urbana–Champaign, SOSP07, 2007
 1. [The benefits and costs of writing a POSIX kernel in a high-level language](https://pdos.csail.mit.edu/papers/biscuit.pdf),Cody Cutler, M. Frans Kaashoek, and Robert T. Morris,OSDI 2018
"""  # noqa: E501


def test_a_series_year_said_twice_is_one_venue_and_a_glued_comma_still_parts_it() -> None:
    papers, _ = _read(SERIES_YEAR_SAID_TWICE)
    assert {line: (venue, year) for line, (_, venue, year) in papers.items()} == {
        2: ("SIGOPS 1995", 1995),
        3: ("OSR 2007", 2007),
        4: ("SOSP 2007", 2007),
        5: ("OSDI 2018", 2018),
    }


@given(
    st.sampled_from(["SOSP", "OSR", "SIGOPS", "EuroSys"]),
    st.integers(1970, 2030),
    st.sampled_from(["{yy}", "{yyyy}", " ’{yy}", "'{yy}"]),
)
def test_a_year_glued_to_the_series_and_said_again_is_said_once(
    series: str, year: int, glued: str
) -> None:
    tag = series + glued.format(yy=f"{year % 100:02d}", yyyy=year)
    assert without_locators(f"Names, {tag}, {year}") == f"Names, {series}, {year}"
    other = year - 1 if year > 1970 else year + 1  # another year: both stay as written
    text = f"Names, {series}{other}, {year}"
    assert without_locators(text) == text


# BoxHeadDev/bits-and-bytes docs/databases/transactions.md @ 4a069d85: a pictograph marks each
# entry's kind (📄 paper, 🔗 page, 📖 book, 💬 post); names written initials first, then the year.
PICTURED_KINDS_AND_INITIALLED_NAMES = """\
## Transactions

- [ ] 📄 [**A Critique of ANSI SQL Isolation Levels**](https://www.microsoft.com/en-us/research/wp-content/uploads/2016/02/tr-95-51.pdf) (H Berenson et al 1995)
- [ ] 📖 [**Transaction Processing: Concepts and Techniques**](https://www.amazon.com/Transaction-Processing-Concepts-Techniques-Management/dp/1558601902#customerReviews) (J Gray, A Reuter 1992)
- [ ] 📄 [Calvin: Fast Distributed Transactions for Partitioned Database Systems](http://cs.yale.edu/homes/thomson/publications/calvin-sigmod12.pdf) (DJ Abadi et al 2012) _"The Calvin paper"_
- [ ] 📄 [Naming and Synchronization in a Decentralized Computer System](https://dspace.mit.edu/bitstream/handle/1721.1/16279/05331643-MIT.pdf) (DP Reed 1978) _"The MVCC paper"_
- [ ] 📄 [Rethinking Serializable Multiversion Concurrency Control](http://www.jmfaleiro.com/pubs/multiversion-vldb2015.pdf) (JM Faleiro, DJ Abadi 2015)
- [ ] 💬 [What Does Write Skew Look Like](http://justinjaffray.com/what-does-write-skew-look-like/) (J Jaffray 2018)
"""  # noqa: E501


def test_a_pictured_book_or_post_is_no_paper_and_initialled_names_no_venue() -> None:
    papers, skipped = _read(PICTURED_KINDS_AND_INITIALLED_NAMES)
    assert papers == {
        3: ("A Critique of ANSI SQL Isolation Levels", "", 1995),
        5: ("Calvin: Fast Distributed Transactions for Partitioned Database Systems", "", 2012),
        6: ("Naming and Synchronization in a Decentralized Computer System", "", 1978),
        7: ("Rethinking Serializable Multiversion Concurrency Control", "", 2015),
    }
    assert skipped == {4: NON_PAPERS, 8: NON_PAPERS}


@given(
    st.lists(
        st.sampled_from(["DP Reed", "JM Faleiro", "U Röhm", "A. Adya", "MJ Cahill"]),
        min_size=1,
        max_size=3,
    ),
    st.booleans(),
    st.integers(1950, 2030),
    st.sampled_from(["", ' _"The MVCC paper"_']),
)
def test_initialled_names_and_a_year_date_the_paper_and_name_no_venue(
    names: list[str], et_al: bool, year: int, note: str
) -> None:
    group = f" ({', '.join(names)}{' et al' if et_al else ''} {year}){note}"
    assert dated_year(group) == year
    assert after_names(group) == note


def test_a_journal_and_its_year_in_a_group_are_no_names() -> None:
    assert names_year(" (ACM Queue 2018)") is None


@given(st.sampled_from(["📖", "📚", "💬", "📺", "🎥"]), st.lists(_WORD, min_size=3, max_size=6))
def test_a_books_posts_or_videos_pictograph_before_a_link_makes_it_no_paper(
    mark: str, words: list[str]
) -> None:
    title = " ".join(["Towards", *words])
    line = f"- [ ] {mark} [{title}](https://example.org/{len(words)}.pdf) (2019)"
    with pytest.raises(ListError):
        parse_list(f"# Reading\n\n{line}\n", source="x.md")
    assert parse_list(f"# Reading\n\n{line.replace(mark, '📄')}\n", source="x.md").papers


# ChaseLight-Smile/DatabasePapersReadingLists README.md @ d5b3d4cb: plain titles ended by
# "<br>", a note in Chinese on the lines below (bold inside it), a full-width colon before an
# English subtitle.
TITLE_BR_THEN_A_NOTE = """\
* index
    * SuRF: Practical Range Query Filtering with Fast Succinct Tries<br>
2018 sigmod best paper，该论文出自andy pavlo的学生。andy在数据库方面有独特的见解。bloom filter在disk-oriented database management system中有特别
的作用：在内存快读判断一个key是否存在，这些key就是存储的磁盘上的数据本身。


* Architecture
    * To BLOB or Not To BLOB: Large Object Storage in a Database or a Filesystem?<br>
本文主要讲述对于Binary Lager OBject（BLOB）究竟应该存储在database中使用DBMS管理还是应该用Filesystem来管理，即究竟BLOB应该作为一个数据库record还是file？
设计者应该考虑加入文件系统的碎片整理过程。**注：现今，当我们在存储视频等比较大的文件时，尽量不要直接用BLOB存储在数据库中。**

    * Architecture of database system <br>
数据库体系结构最好的文章。作者图灵奖得主Stonebraker。包括processes model、query processing、storage and transaction、others。

    * How to copy files  (FAST 2020) <br>
    * MapReduce：Simplified Data Processing on Large Clusters<br>
    * GFS: The Google file system<br>
    * Bigtable: A Distributed Storage System for Structured Data<br>
    * Dynamo: Amazon’s Highly Available Key-value Store<br> 
    * Spanner: Google’s Globally-Distributed Database<br>
    * F1: A Distributed SQL Database That Scales<br>
    * HadoopDB: An Architectural Hybrid of MapReduce and DBMS Technologies for Analytical Workloads<br>

* serverless
    * Cloud Programming Simplified: A Berkeley View on Serverless Computing <br>
该文是serverless最基础论文。
"""  # noqa: E501, W291


def test_a_plain_title_ended_by_br_keeps_its_note_out_of_the_title() -> None:
    papers, _ = _read(TITLE_BR_THEN_A_NOTE)
    assert sorted(title for title, _, _ in papers.values()) == sorted(
        [
            "SuRF: Practical Range Query Filtering with Fast Succinct Tries",
            "To BLOB or Not To BLOB: Large Object Storage in a Database or a Filesystem?",
            "Architecture of database system",
            "How to copy files",
            "MapReduce：Simplified Data Processing on Large Clusters",
            "GFS: The Google file system",
            "Bigtable: A Distributed Storage System for Structured Data",
            "Dynamo: Amazon’s Highly Available Key-value Store",
            "Spanner: Google’s Globally-Distributed Database",
            "F1: A Distributed SQL Database That Scales",
            "HadoopDB: An Architectural Hybrid of MapReduce and DBMS Technologies for Analytical "
            "Workloads",
            "Cloud Programming Simplified: A Berkeley View on Serverless Computing",
        ]
    )


def _item_spans(text: str) -> list[Span]:
    from papershelf.catalog.candidates import read_document

    return read_document(text).candidates[0].spans


@given(
    st.lists(_WORD, min_size=2, max_size=8),
    st.sampled_from(
        [
            "该文是serverless最基础论文。",
            "数据库体系结构最好的文章。作者图灵奖得主Stonebraker。",
            "A good read on why the design works and what it costs in practice.",
        ]
    ),
)
def test_the_note_after_a_titles_br_is_no_part_of_it(words: list[str], note: str) -> None:
    title = " ".join(["Towards", *words])
    spans = _item_spans(f"* {title}<br>\n{note}\n")
    assert text_of(before_note(spans)).strip() == title


@given(st.lists(_WORD, min_size=2, max_size=8))
def test_names_or_a_bold_title_after_a_br_are_kept(words: list[str]) -> None:
    title = " ".join(["Towards", *words])
    for text in (f"* {title}<br>\nA. Smith, B. Jones\n", f"* Names: <br> **{title}.**\n"):
        spans = _item_spans(text)
        assert before_note(spans) == spans


# chyyuu/aos_course_info readinglist.md @ 2c1d9f95: a journal's short name in a group with the
# year closing the citation; a journal introduced by "In" after a first venue.
# ChaseLight-Smile/DatabasePapersReadingLists README.md @ d5b3d4cb: a system's name glued in
# parentheses before the title.
SHORT_NAME_IN_AND_GLUED_NAME = """\
### Concurrency
 1. [On optimistic methods for concurrency control](http://doi.acm.org/10.1145/319566.319567), H. T. Kung(孔祥重) and John T. Robinson., ACM Transactions on Database Systems (TODS) 6(2), June 1981, 213-226.
 1. [The working set model for program behavior](http://denninginstitute.com/pjd/PUBS/WSModel_1968.pdf),Peter J. Denning, SOSP 1967, In Communications of the ACM 11(5), May 1968
"""  # noqa: E501


def test_a_short_name_in_a_group_takes_the_year_closing_the_citation() -> None:
    papers, _ = _read(SHORT_NAME_IN_AND_GLUED_NAME)
    assert {line: (venue, year) for line, (_, venue, year) in papers.items()} == {
        2: ("TODS 1981", 1981),
        3: ("Communications of the ACM 1968", 1968),
    }
    assert closing_year("ACM Transactions on Database Systems (TODS), 1981.") == 1981
    assert closing_year("Communications of the ACM 15(3") is None


@given(st.sampled_from(["SPARK", "raft-ATC", "GFS"]), st.lists(_WORD, min_size=3, max_size=6))
def test_a_name_glued_in_parentheses_before_a_title_is_no_part_of_it(
    name: str, words: list[str]
) -> None:
    title = " ".join(["Towards", *words])
    assert fields.split_tags(f"({name}){title}")[1] == title
    assert fields.split_tags(f"(SPARK) {title}")[1] == f"(SPARK) {title}"  # apart: words of it
