"""The twenty-sixth round of real lists: course syllabi and reading schedules, a
computer-architecture list, a file-system list whose tags give the year before the venue,
an HPC reading list in Chicago style, paper-notes indexes in Chinese, one session of one
conference year.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen26/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.errors import ListError

from .excerpts import read_excerpt as _read

_SERIES = st.sampled_from(["SOSP", "ATC", "FAST", "OSDI", "SC", "HotStorage", "EuroSys", "TOS"])
_YEAR = st.integers(min_value=1970, max_value=2029)

# hegongshan/File-System-Paper README.md @ 0233079859be9d683089664c9d26f0782c45ac6e
FILE_SYSTEMS = (
    "### Kernel File System\n"
    "\n"
    "[1991 SOSP] **The Design and Implementation of a Log-Structured File System**."
    " [[PDF](https://people.eecs.berkeley.edu/~brewer/cs262/LFS.pdf)]\n"
    "\n"
    "[2017 SOSP] ScaleFS: **Scaling a File System to Many Cores Using an Operation Log**."
    " [[PDF](https://pdos.csail.mit.edu/papers/scalefs.pdf)]\n"
    "\n"
    "[2011 Eurosys] **Refuse to crash with Re-FUSE**."
    " [[PDF](https://dl.acm.org/doi/pdf/10.1145/1966445.1966453)]\n"
    "\n"
    "[1987 SOSP & 1988 TOCS] AFS: **Scale and performance in a distributed file system**."
    " [[PDF](https://dl.acm.org/doi/pdf/10.1145/35037.35059)]\n"
)


def test_a_tag_giving_the_year_before_the_venue_dates_and_places_the_paper() -> None:
    papers, _ = _read(FILE_SYSTEMS)
    assert papers == {
        3: ("The Design and Implementation of a Log-Structured File System", "SOSP 1991", 1991),
        # the system's short name before the bold title is no part of it
        5: ("Scaling a File System to Many Cores Using an Operation Log", "SOSP 2017", 2017),
        7: ("Refuse to crash with Re-FUSE", "Eurosys 2011", 2011),
        # where it first appeared, not the journal version a year later
        9: ("Scale and performance in a distributed file system", "SOSP 1987", 1987),
    }


@given(_YEAR, _SERIES)
def test_a_year_led_tag_reads_as_the_series_and_its_year(year: int, series: str) -> None:
    from papershelf.catalog.year_led_tags import year_led_tag  # a module of this round

    found = year_led_tag(f"{year} {series}")
    assert found is not None
    assert (found.name, found.year) == (series, year)


@given(_YEAR)
def test_a_year_led_tag_that_names_no_venue_is_none(year: int) -> None:
    from papershelf.catalog.year_led_tags import year_led_tag  # a module of this round

    assert year_led_tag(f"{year} Ph.D. thesis@UCSC") is None
    assert year_led_tag(f"{year}") is None


# stltqhs/stltqhs.github.io source/_posts/java-programmer-knowledge-paper.md
# @ 0a60ec18bea0c52d1d2fbd6f947d7f7c85cfd86b
SIGOPS_HALL = (
    "---\n"
    "title: Java后端开发 - 优秀论文\n"
    "date: 2019-05-16 09:24:25\n"
    "---\n"
    "\n"
    "# ACM SIGOPS名人堂系列\n"
    "\n"
    "[ACM SIGOPS名人堂（第一期）](https://mp.weixin.qq.com/s/vwDz3JB_erocP9drwc7IEA)\n"
    "\n"
    "[The UNIX TimeSharing System](https://people.eecs.berkeley.edu/~brewer/cs262/unix.pdf)\n"
    "\n"
    "[Hints for Computer System Design]"
    "(https://www.microsoft.com/en-us/research/wp-content/uploads/2016/02/acrobat-17.pdf)\n"
)


def test_an_article_on_a_messaging_platform_is_no_paper() -> None:
    papers, skipped = _read(SIGOPS_HALL)
    assert papers == {
        10: ("The UNIX TimeSharing System", "", None),
        12: ("Hints for Computer System Design", "", None),
    }
    # the article that introduces the group below it is a post, counted and said
    assert skipped == {8: "blogs, docs, slides or other non-papers"}


# minlanyu/cs243-site README.md @ 0437021858a20a24dcc72e6fa162183400eaa5ae
CS243_SYLLABUS = (
    "### Parallelism Schemes\n"
    "- 9/19 Tu: Model Parallelism and Pipelining (Minlan)\n"
    "  * Reading: [PipeDream: Generalized Pipeline Parallelism for DNN Training]"
    "(https://cs.stanford.edu/~matei/papers/2019/sosp_pipedream.pdf)\n"
    "  * Optional reading: [GPipe: Efficient Training of Giant Neural Networks using Pipeline"
    " Parallelism](https://proceedings.neurips.cc/paper/2019/file/"
    "093f65e080a295f8076b1c5722a46aa2-Paper.pdf)\n"
    "- 9/26 Tu: Automated parallelism\n"
    "  * Reading: [Alpa: Automating Inter- and Intra-Operator Parallelism for Distributed Deep"
    " Learning](https://arxiv.org/pdf/2201.12023.pdf)\n"
    "- 10/5 Th: Ethics: System impact on fairness in ML\n"
)


def test_a_lecture_with_one_labelled_reading_is_its_topic_not_its_title() -> None:
    papers, _ = _read(CS243_SYLLABUS)
    assert papers == {
        3: ("PipeDream: Generalized Pipeline Parallelism for DNN Training", "", None),
        4: (
            "GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism",
            "",
            None,
        ),
        # one reading under the lecture, as two are: the paper is the reading's
        6: (
            "Alpa: Automating Inter- and Intra-Operator Parallelism for Distributed Deep Learning",
            "",
            None,
        ),
    }


_LABEL = st.sampled_from(["Reading", "Optional reading", "Required reading", "Paper", "Reading 2"])
_WORDS = st.lists(
    st.sampled_from(["Scalable", "Fast", "Kernel", "Memory", "Learning", "Systems", "for"]),
    min_size=3,
    max_size=8,
)


@given(_LABEL, _WORDS)
def test_one_labelled_reading_under_a_session_is_the_paper(label: str, words: list[str]) -> None:
    title = "Sys: " + " ".join(words)
    text = f"- 9/26 Tu: A session topic\n  * {label}: [{title}](https://example.org/p.pdf)\n"
    papers, _ = _read(text)
    assert papers == {2: (title, "", None)}


# zhaozhang/zhaozhang.github.io _pages/hpc.md @ 0f4f8ddd788d8ff6011a1df823bfc1faa311dc57
HPC_READING = (
    "### Interconnect\n"
    '- Scott, Steve, Dennis Abts, John Kim, and William J. Dally. ["The blackwidow high-radix'
    ' clos network."](https://dl.acm.org/doi/abs/10.1145/1150019.1136488) ACM SIGARCH'
    " Computer Architecture News 34, no. 2 (2006): 16-28.\n"
    "- Leiserson, Charles E., Zahi S. Abuhamdeh, David C. Douglas, Carl R. Feynman, Mahesh N."
    ' Ganmukhi, Jeffrey V. Hill, Daniel Hillis et al. ["The network architecture of the'
    ' Connection Machine CM-5."](https://dl.acm.org/doi/pdf/10.1145/140901.141883) In'
    " Proceedings of the fourth annual ACM symposium on Parallel algorithms and architectures,"
    " pp. 272-285. 1992.\n"
    "- Jiang, Weihang, Jiuxing Liu, Hyun-Wook Jin, Dhabaleswar K. Panda, William Gropp, and"
    ' Rajeev Thakur. ["High performance MPI-2 one-sided communication over InfiniBand."]'
    "(https://ieeexplore.ieee.org/abstract/document/1336648/) In IEEE International Symposium"
    " on Cluster Computing and the Grid, 2004. CCGrid 2004., pp. 531-538. IEEE, 2004.\n"
    "- Pješivac-Grbović, Jelena, Thara Angskun, George Bosilca, Graham E. Fagg, Edgar Gabriel,"
    ' and Jack J. Dongarra. ["Performance analysis of MPI collective operations."]'
    "(https://link.springer.com/article/10.1007/s10586-007-0012-0) Cluster Computing 10"
    " (2007): 127-143.\n"
    "- Agullo, Emmanuel, Jim Demmel, Jack Dongarra, Bilel Hadri, Jakub Kurzak, Julien Langou,"
    ' Hatem Ltaief, Piotr Luszczek, and Stanimire Tomov. ["Numerical linear algebra on emerging'
    ' architectures: The PLASMA and MAGMA projects."](https://iopscience.iop.org/article/'
    "10.1088/1742-6596/180/1/012037/meta) In Journal of Physics: Conference Series, vol. 180,"
    " no. 1, p. 012037. IOP Publishing, 2009.\n"
)


def test_a_chicago_citation_gives_the_journal_or_proceedings_and_the_year() -> None:
    papers, _ = _read(HPC_READING)
    assert papers == {
        # the volume (34) is no year: the year is in parentheses
        2: (
            "The blackwidow high-radix clos network",
            "ACM SIGARCH Computer Architecture News 2006",
            2006,
        ),
        3: (
            "The network architecture of the Connection Machine CM-5",
            "ACM symposium on Parallel algorithms and architectures 1992",
            1992,
        ),
        # the publisher before the year is no venue; the proceedings' short name is
        4: ("High performance MPI-2 one-sided communication over InfiniBand", "CCGrid 2004", 2004),
        5: ("Performance analysis of MPI collective operations", "Cluster Computing 2007", 2007),
        6: (
            "Numerical linear algebra on emerging architectures: The PLASMA and MAGMA projects",
            "Journal of Physics: Conference Series 2009",
            2009,
        ),
    }


_JOURNAL = st.sampled_from(
    ["ACM SIGARCH Computer Architecture News", "Cluster Computing", "IBM Journal of Research"]
)


@given(_JOURNAL, st.integers(min_value=1, max_value=99), _YEAR)
def test_a_journal_volume_is_never_read_as_a_year(journal: str, volume: int, year: int) -> None:
    from papershelf.catalog.chicago_cites import chicago_venue  # a module of this round

    found = chicago_venue(f" {journal} {volume}, no. 2 ({year}): 16-28.")
    assert found is not None
    assert (found.name, found.year) == (journal, year)


# npuwth/ArchPaperList src/PaperList.md @ 2fc42a1b65d1a3e87b20e448c8f585d93c9b2a40, its lines
# bulleted as other versions of the file write them ("- [*] Title, 1964")
ARCH_CLASSICS = (
    "### 1. Classic Paper\n"
    "\n"
    "- [*] Architecture of the IBM System/360, 1964\n"
    "    - First proposal of the ISA concept\n"
    "- [*] Combining Branch Predictors, 1993\n"
    "- [*] Shared memory consistency models: a tutorial, 1996\n"
    "\n"
    "#### 2.4. Others\n"
    "- [*] Vector Runhead, 2021, ISCA\n"
    "- [*] Register file prefetching, 2022, ISCA\n"
)


def test_a_plain_title_dated_after_a_comma_is_a_paper_of_that_year_and_venue() -> None:
    papers, _ = _read(ARCH_CLASSICS)
    assert papers == {
        3: ("Architecture of the IBM System/360", "", 1964),
        5: ("Combining Branch Predictors", "", 1993),
        # the tutorial a list of classics dates is a paper, not a how-to page
        6: ("Shared memory consistency models: a tutorial", "", 1996),
        # a system's short name: a title when a venue follows its year
        9: ("Vector Runhead", "ISCA 2021", 2021),
        10: ("Register file prefetching", "ISCA 2022", 2022),
    }


_TITLE_WORDS = st.lists(
    st.sampled_from(["Branch", "Prediction", "Cache", "Memory", "Streaming", "Scalable"]),
    min_size=3,
    max_size=7,
)
_ARCH = st.sampled_from(["ISCA", "MICRO", "HPCA", "ASPLOS"])


@given(_TITLE_WORDS, _YEAR, st.one_of(st.none(), _ARCH))
def test_a_dated_plain_title_keeps_only_its_words(
    words: list[str], year: int, venue: str | None
) -> None:
    title = " ".join(words)
    tail = f", {year}, {venue}" if venue else f", {year}"
    papers, _ = _read(f"### Papers\n- {title}{tail}\n- {title} again{tail}\n")
    label = f"{venue} {year}" if venue else ""
    assert papers == {2: (title, label, year), 3: (f"{title} again", label, year)}


def test_a_talk_with_its_slides_is_not_dated_into_a_paper() -> None:
    # quentin-audinet/Master-Thesis literatures/README.md @
    # 30fb018a4c64234deaadee5d01ba08bd41c32b96: the link's kind says it is a talk
    text = (
        "## eBPF\n"
        "\n"
        "Evil eBPF: Practical Abuses of an In-Kernel Bytecode Runtime. J Dileo. DEFCON 27,"
        " 2019. [slides](https://raw.githubusercontent.com/nccgroup/ebpf/master/talks/"
        "Evil_eBPF-DC27-v2.pdf)\n"
    )
    with pytest.raises(ListError, match="no papers found"):
        _read(text)


# npuwth/ArchPaperList src/PaperList.md @ 2fc42a1b65d1a3e87b20e448c8f585d93c9b2a40
ARCH_MARKED = (
    "### 1. Classic Paper\n"
    "\n"
    "> Recommended from Advanced Computer Architecture course.\n"
    "\n"
    "[*] Architecture of the IBM System/360, 1964\n"
    "    - First proposal of the ISA concept\n"
    "[*] Parallel operation in the control data 6600, 1964\n"
    "    - First supercomputer in the world\n"
    "[*] Decoupled access/execute computer architectures, 1984\n"
    "\n"
    "#### 3.3. DRAM\n"
    "[*] NOMAD: Enabling Non-blocking OS-managed DRAM Cache via Tag-Data Decoupling, 2023, HPCA\n"
)


def test_lines_marked_without_bullets_are_a_list_of_entries() -> None:
    papers, _ = _read(ARCH_MARKED)
    nomad = "NOMAD: Enabling Non-blocking OS-managed DRAM Cache via Tag-Data Decoupling"
    assert papers == {
        5: ("Architecture of the IBM System/360", "", 1964),
        7: ("Parallel operation in the control data 6600", "", 1964),
        9: ("Decoupled access/execute computer architectures", "", 1984),
        12: (nomad, "HPCA 2023", 2023),
    }


@given(st.sampled_from(["[*]", "[x]", "[ ]"]), st.lists(_TITLE_WORDS, min_size=1, max_size=4))
def test_each_marked_line_is_one_entry(mark: str, titles: list[list[str]]) -> None:
    lines = [f"{mark} {' '.join(words)} {i}, 2001, ISCA" for i, words in enumerate(titles)]
    papers, _ = _read("### Papers\n" + "\n".join(lines) + "\n")
    assert papers == {
        i + 2: (f"{' '.join(words)} {i}", "ISCA 2001", 2001) for i, words in enumerate(titles)
    }


# AcrossForest/ISCA2023 session/1B:_CPU_Microarchitectur/1B:_CPU_Microarchitectur.md
# @ 07d400d8290a56c22a058502cab65a011c766eb4
ISCA_SESSION = (
    "\n"
    "# Orinoco: Ordered Issue and Unordered Commit with Non-Collapsible Queues\n"
    "\n"
    "| Key | Value |\n"
    ":----- | :----: \n"
    "|**Time** | 9:15 AM – 9:30 AM |\n"
    "|**Authors** | Dibei Chen, Tairan Zhang, Yi Huang, Jianfeng Zhu, Yang Liu, Pengfei Gou,"
    " Chunyang Feng, Binghua Li, Shaojun Wei, Leibo Liu |\n"
    "|**LocalPDF** | [PDF File](Chen%20et%20al.%20-%202023%20-%20Orinoco.pdf) |\n"
    "\n"
    "\n"
    "# Imprecise Store Exceptions\n"
    "\n"
    "| Key | Value |\n"
    ":----- | :----: \n"
    "|**Time** | 10:30 AM – 10:45 AM |\n"
    "|**Authors** | Siddharth Gupta, Yuanlong Li, Qingxuan Kang, Abhishek Bhattacharjee,"
    " Babak Falsafi, Yunho Oh, Mathias Payer |\n"
    "|**LocalPDF** | [PDF File](Gupta%20et%20al.%20-%202023%20-%20Imprecise.pdf) |\n"
)


def test_a_key_value_table_under_a_heading_gives_that_papers_fields() -> None:
    papers, _ = _read(ISCA_SESSION)
    orinoco = "Orinoco: Ordered Issue and Unordered Commit with Non-Collapsible Queues"
    # the heading names the paper; the table's rows are its time, authors and file
    assert papers == {2: (orinoco, "", None), 11: ("Imprecise Store Exceptions", "", None)}
