"""The nineteenth round of real lists: venue lines under numbered titles and short-name headings.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen19/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.skips import NO_LINK, NON_PAPERS, NOTES
from papershelf.catalog.venue_lines import venue_line
from papershelf.catalog.venue_links import linked_venue
from papershelf.catalog.venue_text import VenueGuess, parse_venue

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


# chrjxj/awesome-gpu-notes distributed-training/README.md
# @ f272f6f67d62f61ad19909bb856e5279648eeef7
TITLE_THEN_VENUE_LINKS = """\
#### Publications

1. (2019) ZeRO: memory optimizations toward training trillion parameter models. [arXiv:1910.02054](https://arxiv.org/abs/1910.02054) and [In Proceedings of the International Conference for High Performance Computing, Networking, Storage and Analysis (SC '20)](https://dl.acm.org/doi/10.5555/3433701.3433727).
2. (2020) DeepSpeed: System Optimizations Enable Training Deep Learning Models with Over 100 Billion Parameters. [In Proceedings of the 26th ACM SIGKDD International Conference on Knowledge Discovery & Data Mining (KDD '20, Tutorial)](https://dl.acm.org/doi/10.1145/3394486.3406703).
3. (2020) Accelerating Training of Transformer-Based Language Models with Progressive Layer Dropping. [arXiv:2010.13369](https://arxiv.org/abs/2010.13369) and [NeurIPS 2020](https://proceedings.neurips.cc/paper/2020/hash/a1140a3d0df1c81e24ae954d935e8926-Abstract.html).
4. (2021) ZeRO-Offload: Democratizing Billion-Scale Model Training. [arXiv:2101.06840](https://arxiv.org/abs/2101.06840).
"""  # noqa: E501


def test_a_link_labelled_with_proceedings_or_an_arxiv_number_is_the_venue_not_the_title() -> None:
    papers, _ = _read(TITLE_THEN_VENUE_LINKS)
    assert papers == {
        3: (
            "ZeRO: memory optimizations toward training trillion parameter models",
            "SC 2020",
            2020,
        ),
        4: (
            "DeepSpeed: System Optimizations Enable Training Deep Learning Models with Over 100"
            " Billion Parameters",
            "KDD 2020",
            2020,
        ),
        5: (
            "Accelerating Training of Transformer-Based Language Models with Progressive Layer"
            " Dropping",
            "NeurIPS 2020",
            2020,
        ),
        6: ("ZeRO-Offload: Democratizing Billion-Scale Model Training", "arXiv 2021", 2021),
    }


@given(
    st.sampled_from(["KDD", "SOSP", "OSDI", "SC"]),
    st.integers(1970, 2069),
    st.sampled_from(["", ", Tutorial", ", Short Paper"]),
    st.sampled_from(["In Proceedings of", "Proceedings of", "Proc. of"]),
)
def test_proceedings_written_out_name_the_series_in_their_closing_group(
    series: str, year: int, remark: str, opening: str
) -> None:
    label = f"{opening} the 26th Conference on Things ({series} '{year % 100:02d}{remark})"
    found = linked_venue(label)
    assert found is not None
    assert (found.name, found.year) == (series, year)
    assert linked_venue(f"{opening} the 26th Conference on Things") is None


@given(st.integers(2007, 2069), st.integers(1, 12), st.integers(1, 99999))
def test_an_arxiv_number_as_a_label_dates_its_venue(year: int, month: int, number: int) -> None:
    found = linked_venue(f"arXiv:{year % 100:02d}{month:02d}.{number:05d}")
    assert found == VenueGuess("arXiv", year)


# Romero027/personal-blog ml-system/sys-ml-index/README.md
# @ 078204bc71d9ac3cacf8958915610eb497e64808
YEAR_BEFORE_EMPTIED_BRACKETS = """\
### Machine Learning Systems in industry

* [Horovod: fast and easy distributed deep learning in TensorFlow](https://arxiv.org/pdf/1802.05799) - Sergeev et al., 2018 \\[[Github](https://github.com/horovod/horovod)\\]\\[[Summary](https://xzhu0027.gitbook.io/blog/ml-system/parameter-servers#parameter-server-vs-allreduce)\\]
* [Machine Learning at Facebook: Understanding Inference at the Edge](https://research.fb.com/wp-content/uploads/2018/12/Machine-Learning-at-Facebook-Understanding-Inference-at-the-Edge.pdf) - Wu et al., 2018 \\[[Summary](https://xzhu0027.gitbook.io/blog/ml-system/misc#machine-learning-at-facebook-understanding-inference-at-the-edge-wu-et-al-2018)\\]
"""  # noqa: E501


def test_a_year_before_the_brackets_of_summary_links_dates_the_paper() -> None:
    papers, _ = _read(YEAR_BEFORE_EMPTIED_BRACKETS)
    assert papers == {
        3: ("Horovod: fast and easy distributed deep learning in TensorFlow", "", 2018),
        4: ("Machine Learning at Facebook: Understanding Inference at the Edge", "", 2018),
    }


# KuangjuX/Paper-reading README.md @ 017bc5a3128e9e2795a9d0686a28bedc05a96cab
BLOG_VENUE_ROWS = """\
| Status | Paper | Venue | Links |
|:------:|-------|-------|-------|
| ✅ | **Attention Is All You Need** | NeurIPS'17 | [Paper](papers/DL/Attention-NIPS.pdf) / [Note](https://github.com/KuangjuX/Paper-reading/issues/32) |
| ✅ | **Flash-Decoding for Long-Context Inference** | Blog | [Paper](https://crfm.stanford.edu/2023/10/12/flashdecoding.html) / [Note](https://github.com/KuangjuX/Notes/blob/main/DeepLearning/FlashDecoding.md) |
"""  # noqa: E501


def test_a_row_whose_venue_is_a_blog_is_a_blog_post() -> None:
    papers, skipped = _read(BLOG_VENUE_ROWS)
    assert papers == {3: ("Attention Is All You Need", "NeurIPS 2017", 2017)}
    assert skipped == {4: NON_PAPERS}


# Wind-Gone/awesome-olap-paper .history/Ai4DB-Paper/README_20230905192411.md
# @ f82ccca4274c4d6ddbdae77a4d2b746d89e12f8d
TYPOS_AND_WORD_JOURNALS = """\
##### Multi-Tables

4. [BayesCard: Revitilizing Bayesian Frameworks for Cardinality Estimation](https://arxiv.org/pdf/2012.14743.pdf) [[aiXiv 21](https://github.com/wuziniu/BayesCard)]
5. [Glue: Adaptively Merging Single Table Cardinality to Estimate Join Query Size](https://arxiv.org/pdf/2112.03458.pdf)  [aiXiv 21]

### Index Advisor

4. [SMARTIX: A database indexing agent based on reinforcement learning](https://link.springer.com/article/10.1007/s10489-020-01674-8) [Applied Intelligence 20]
9. [Index selection for NoSQL database with deep reinforcement learning](https://www.sciencedirect.com/science/article/pii/S0020025521000049) [Information Sciences 21]
"""  # noqa: E501


def test_a_misspelt_arxiv_and_a_journal_named_by_words_with_a_short_year_are_venues() -> None:
    papers, _ = _read(TYPOS_AND_WORD_JOURNALS)
    assert {line: (venue, year) for line, (_, venue, year) in papers.items()} == {
        3: ("arXiv 2021", 2021),
        4: ("arXiv 2021", 2021),
        8: ("Applied Intelligence 2020", 2020),
        9: ("Information Sciences 2021", 2021),
    }


@given(st.sampled_from(["aiXiv", "arXive", "Arxive", "AIXIV"]), st.integers(1991, 2069))
def test_a_misspelt_arxiv_reads_as_arxiv(typo: str, year: int) -> None:
    assert parse_venue(f"{typo} {year % 100:02d}") == VenueGuess("arXiv", year)
    assert parse_venue(f"{typo}, {year}") == VenueGuess("arXiv", year)


@given(st.sampled_from(["Chapter", "Table", "Figure", "Step"]), st.integers(10, 99))
def test_a_word_and_a_short_number_is_no_venue(word: str, number: int) -> None:
    assert parse_venue(f"{word} {number}", need_year=True) is None


# hazdzz/awesome-gnn README.md @ 02b69d7b52f170764176f3e656f94004991e913d
YEAR_FIRST_VENUE_CELL = """\
| Number | GNN | Paper | Code | Journal or Conference | URL |
|:------:|:--------------------------:|-------|------|:-------:|----------------------------------------|
| 8 | MotifNet | MotifNet: a motif-based Graph Convolutional Network for directed graphs | | 2018 IEEE Data Science Workshop | https://ieeexplore.ieee.org/abstract/document/8439897 |
| 9 | LanczosNet | LanczosNet: Multi-Scale Deep Graph Convolutional Networks | https://github.com/lrjconan/LanczosNetwork | ICLR 2019 | https://openreview.net/forum?id=BkedznAqKQ |
"""  # noqa: E501


def test_a_venue_cell_opening_with_its_year_names_the_venue() -> None:
    papers, _ = _read(YEAR_FIRST_VENUE_CELL)
    assert papers == {
        3: (
            "MotifNet: a motif-based Graph Convolutional Network for directed graphs",
            "IEEE Data Science 2018",
            2018,
        ),
        4: ("LanczosNet: Multi-Scale Deep Graph Convolutional Networks", "ICLR 2019", 2019),
    }


# Romero027/personal-blog ml-system/sys-ml-index/README.md
# @ 078204bc71d9ac3cacf8958915610eb497e64808
ET_AL_GLUED_TO_THE_VENUE = """\
## Federated Learning
* [Communication-Efficient Learning of Deep Networks from Decentralized Data](https://arxiv.org/pdf/1602.05629.pdf) - McMahan et al.,arxiv 2017 \\[[Summary](https://xzhu0027.gitbook.io/blog/ml-system/towards-federated-learning-at-scale-system-design)\\]
"""  # noqa: E501


def test_a_venue_glued_to_et_al_by_its_comma_is_the_venue() -> None:
    papers, _ = _read(ET_AL_GLUED_TO_THE_VENUE)
    title = "Communication-Efficient Learning of Deep Networks from Decentralized Data"
    assert papers == {2: (title, "arXiv 2017", 2017)}


@given(
    st.sampled_from(["McMahan", "Li", "Zaharia", "O'Neil"]),
    st.sampled_from(["OSDI", "arxiv", "NSDI", "EuroSys"]),
    st.integers(1990, 2069),
    st.sampled_from([",", ", "]),
)
def test_names_et_al_then_the_venue_give_the_venue_with_or_without_the_space(
    name: str, series: str, year: int, comma: str
) -> None:
    link = "[A Study of Shared Things](https://e.org/s.pdf)"
    papers, _ = _read(f"## Papers\n* {link} - {name} et al.{comma}{series} {year}\n")
    [(title, venue, got)] = papers.values()
    want = "arXiv" if series == "arxiv" else series
    assert (title, venue, got) == ("A Study of Shared Things", f"{want} {year}", year)
