"""The nineteenth round of real lists: venue lines under numbered titles and short-name headings.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen19/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.skips import NO_LINK, NOTES
from papershelf.catalog.venue_lines import venue_line

from .excerpts import read_excerpt as _read

_TITLE_WORD = st.sampled_from(
    ["Reducing", "Write", "Stalls", "in", "LSM-tree", "Key-Value", "Stores"]
)
_SERIES = st.sampled_from(["FAST", "SOSP", "USENIX ATC", "EuroSys", "ASPLOS", "VLDB"])

# ErosBryant/Related_Works_Papers README.md @ 02be18e9f036c1b8a770456fcedfad4b05cd1bd6
NUMBERED_WITH_VENUE_BULLETS = """\
## `NVM`
1. Redesigning LSMs for Nonvolatile Memory with NoveLSM
   - FAST 18
   - [organize (cn.version)- G.X Zhao](NVMe/NoveLSM_review.md)

2. An efficient memory-mapped key-value store for flash storage
   - ACM 18
3. MatrixKV: Reducing Write Stalls and Write Amplification in LSM-tree Based KV Stores with Matrix Container in NVM
   - USENIX  ATC 20
5. Blizzard: Adding True Persistence to Main Memory Data Structures
   - arXiV 23

## `Key-Value separation`
1. WiscKey: Separating Keys from Values in SSD-conscious Storage
   - Fast 16
4. Fencekv: Enabling efficient range query for key-value separation
   - IEEE Transactions on Parallel and Distributed Systems 22
"""  # noqa: E501


def test_a_numbered_title_takes_its_venue_from_the_bullet_under_it() -> None:
    papers, skipped = _read(NUMBERED_WITH_VENUE_BULLETS)
    assert papers == {
        2: ("Redesigning LSMs for Nonvolatile Memory with NoveLSM", "FAST 2018", 2018),
        6: ("An efficient memory-mapped key-value store for flash storage", "ACM 2018", 2018),
        8: (
            "MatrixKV: Reducing Write Stalls and Write Amplification in LSM-tree Based KV Stores"
            " with Matrix Container in NVM",
            "USENIX ATC 2020",
            2020,
        ),
        10: (
            "Blizzard: Adding True Persistence to Main Memory Data Structures",
            "arXiV 2023",
            2023,
        ),
        14: ("WiscKey: Separating Keys from Values in SSD-conscious Storage", "FAST 2016", 2016),
        16: (
            "Fencekv: Enabling efficient range query for key-value separation",
            "IEEE Transactions on Parallel and Distributed Systems 2022",
            2022,
        ),
    }
    assert NO_LINK not in skipped.values()


# an item over several venue bullets lists venues; a two-word item names a topic
VENUE_LISTS = """\
## Venues

1. Systems conferences we follow
   - OSDI 2020
   - SOSP 2021
2. Storage
   - FAST 18
"""


def test_bullets_of_venues_under_a_topic_are_no_paper() -> None:
    papers, _ = _read(
        VENUE_LISTS + "\n## Papers\n\n- [A Real Paper Title](https://arxiv.org/abs/2101.00001)\n"
    )
    assert [title for title, _, _ in papers.values()] == ["A Real Paper Title"]


@given(st.lists(_TITLE_WORD, min_size=3, max_size=9), _SERIES, st.integers(1970, 2069))
def test_any_title_over_a_venue_bullet_is_read_with_that_venue(
    words: list[str], series: str, year: int
) -> None:
    title = " ".join(words)
    papers, _ = _read(f"## Papers\n\n1. {title}\n   - {series} {year % 100:02d}\n")
    assert papers == {3: (title, f"{series} {year}", year)}


# BlackDiamond1995/Spectre-related speculative_execution_related_works.md
# @ 133e85e9d7c209a9b1d126774193e2139333fec1
SHORT_NAME_HEADINGS = """\
### Foreshadow
USENIX‘18  
Foreshadow: Extracting the Keys to the Intel SGX Kingdom with Transient Out-of-Order Execution
***

### NetSpectre
ESORICS 2019  
NetSpectre: Read Arbitrary Memory over Network
* the first fully remote Spectre attack
* We use simpler Spectre gadgets in remote ASLR breaks.
***

### BranchScope
ASPLOS'18  
BranchScope: A New Side-Channel Attack on Directional Branch Predictor
"""  # noqa: W291


def test_a_heading_naming_a_paper_shortly_has_its_venue_and_title_below() -> None:
    papers, skipped = _read(SHORT_NAME_HEADINGS)
    assert papers == {
        1: (
            "Foreshadow: Extracting the Keys to the Intel SGX Kingdom with Transient Out-of-Order"
            " Execution",
            "USENIX 2018",
            2018,
        ),
        6: ("NetSpectre: Read Arbitrary Memory over Network", "ESORICS 2019", 2019),
        13: (
            "BranchScope: A New Side-Channel Attack on Directional Branch Predictor",
            "ASPLOS 2018",
            2018,
        ),
    }
    assert skipped == {9: NOTES, 10: NOTES}


def test_a_heading_over_a_venue_and_a_sentence_is_no_paper() -> None:
    papers, _ = _read(
        "### Notes\nOSDI 2020  \nWe read the papers of this venue together.\n\n"
        "- [A Real Paper Title](https://arxiv.org/abs/2101.00001)\n"
    )
    assert [title for title, _, _ in papers.values()] == ["A Real Paper Title"]


@given(_SERIES, st.integers(1970, 2069), st.sampled_from(["'", "‘", "’", " "]))
def test_a_venue_line_is_a_series_and_its_year(series: str, year: int, mark: str) -> None:
    found = venue_line(f"{series}{mark}{year % 100:02d}")
    assert found is not None
    assert found.year == year
    assert venue_line(f"{series} {year} and more") is None
