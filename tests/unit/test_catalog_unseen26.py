"""The twenty-sixth round of real lists: course syllabi and reading schedules, a
computer-architecture list, a file-system list whose tags give the year before the venue,
an HPC reading list in Chicago style, paper-notes indexes in Chinese, one session of one
conference year.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen26/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.year_led_tags import year_led_tag

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
        5: (
            "ScaleFS: Scaling a File System to Many Cores Using an Operation Log",
            "SOSP 2017",
            2017,
        ),
        7: ("Refuse to crash with Re-FUSE", "Eurosys 2011", 2011),
        # where it first appeared, not the journal version a year later
        9: ("AFS: Scale and performance in a distributed file system", "SOSP 1987", 1987),
    }


@given(_YEAR, _SERIES)
def test_a_year_led_tag_reads_as_the_series_and_its_year(year: int, series: str) -> None:
    found = year_led_tag(f"{year} {series}")
    assert found is not None
    assert (found.name, found.year) == (series, year)


@given(_YEAR)
def test_a_year_led_tag_that_names_no_venue_is_none(year: int) -> None:
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
