"""Shapes met in a second round of real lists outside the shared corpora, from short excerpts.

Every excerpt names the repository and file it comes from; the expectations are what a
careful reader of that excerpt would write down.
"""

from __future__ import annotations

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import NON_PAPERS

from .excerpts import read_excerpt as _read

# merrymercy/awesome-tensor-compilers, README.md: a "## Papers" heading (the sectioned seed
# shape) whose entries give authors, venue and year after the link.
TENSOR_COMPILERS = """\
# Awesome Tensor Compilers

## Open Source Projects
- [TVM: An End to End Machine Learning Compiler Framework](https://tvm.apache.org/)

## Papers

### Survey
- [The Deep Learning Compiler: A Comprehensive Survey](https://arxiv.org/abs/2002.03794) by Mingzhen Li et al., TPDS 2020
- [DaCeML: A Data-Centric Compiler for Machine Learning](https://arxiv.org/abs/2110.10802) by Oliver Rausch et al., ICS 22
"""  # noqa: E501


def test_a_papers_heading_list_gets_the_venues_its_entries_state() -> None:
    papers, _ = _read(TENSOR_COMPILERS)
    assert papers == {
        9: ("The Deep Learning Compiler: A Comprehensive Survey", "TPDS 2020", 2020),
        10: ("DaCeML: A Data-Centric Compiler for Machine Learning", "ICS 2022", 2022),
    }


# ruipeterpan/paper_notes, operating-systems/index/README.md: a Title | Venue table whose
# titles link to the owner's note pages; the venue column says they are papers.
NOTE_PAGES = """\
# Operating Systems - Index

## Reading List

* [CS 736 @ UW-Madison: Advanced Operating Systems](http://pages.cs.wisc.edu/~dusseau/Classes/CS736/CS736-F13/papers.html)
* [CS 262a @ Berkeley: Advanced Topics in Computer Systems](https://ucbrise.github.io/cs262a-spring2018/)

### Scheduling

| Title | Venue |
| :--- | :--- |
| [Lottery Scheduling: Flexible Proportional-Share Resource Management](lottery-scheduling-flexible-proportional-share-resource-management.md) | OSDI '94 |
| [FFS: A Fast File System for UNIX](ffs-a-fast-file-system-for-unix.md) | ACM Transactions on Computer Systems ‘84 |
"""  # noqa: E501


def test_a_note_page_link_with_a_venue_column_is_a_paper_and_a_course_is_not() -> None:
    papers, skipped = _read(NOTE_PAGES)
    assert papers == {
        12: (
            "Lottery Scheduling: Flexible Proportional-Share Resource Management",
            "OSDI 1994",
            1994,
        ),
        13: ("FFS: A Fast File System for UNIX", "ACM Transactions on Computer Systems 1984", 1984),
    }
    assert skipped[5] == skipped[6] == NON_PAPERS  # course pages, named by their numbers


# opensmartnic/awesome-smartnic, README.md: a plain title ending with a period, the authors
# in italics, then "VENUE, YEAR" and generic links; websites and datasheets beside them.
SMARTNIC = """\
## Awesome SmartNIC

### Papers

- Burstable Cloud Block Storage with Data Processing Units. *Junyi Shu, et.al.* OSDI, 2024. [[Paper]](https://www.usenix.org/conference/osdi24/presentation/shu)
- HAL: Hardware-assisted Load Balancing for Energy-efficient SNIC-Host Cooperative Computing. *Jinghan Huang, et.al* ISCA, 2024 [[Paper]](https://ieeexplore.ieee.org/document/10609665)
- Automated SmartNIC Offloading Insights for Network Functions.*Yiming Qiu, et.al.* SOSP, 2021 [[Paper]](https://dl.acm.org/doi/pdf/10.1145/3477132.3483583)

### Reports

* Cisco Nexus SmartNIC. *Cisco.* 2021 [[Website]](https://www.cisco.com/c/en/us/products/interfaces-modules/nexus-smartnic/index.html)
"""  # noqa: E501


def test_a_plain_title_before_italic_authors_ends_at_them() -> None:
    parsed = parse_list(SMARTNIC, source="excerpt.md")
    got = {p.line: (p.title, p.venue, p.year, p.authors) for p in parsed.papers}
    assert got == {
        5: (
            "Burstable Cloud Block Storage with Data Processing Units",
            "OSDI 2024",
            2024,
            ("Junyi Shu et al",),
        ),
        6: (
            "HAL: Hardware-assisted Load Balancing for Energy-efficient SNIC-Host Cooperative Computing",  # noqa: E501
            "ISCA 2024",
            2024,
            ("Jinghan Huang et al",),
        ),
        7: (
            "Automated SmartNIC Offloading Insights for Network Functions",
            "SOSP 2021",
            2021,
            ("Yiming Qiu et al",),
        ),
    }
    assert 11 in dict(parsed.skipped)  # a product's web page, said so


# weimingwill/awesome-federated-learning, README.md: plain titles with a [[Paper]] link to
# the IACR ePrint archive, some with notes under them; blogs and videos beside them.
EPRINT = """\
### SPDZ
* Basics of Secure Multiparty Computation [[Youtube]](https://www.youtube.com/watch?v=_mDlLKgiFDY): based on Shamir's Secret Sharing

* Multiparty Computation from Somewhat Homomorphic Encryption [[Paper]](https://eprint.iacr.org/2011/535)
  * SPDZ introduction

* The SPDZ Protocol [[Blog]](https://mortendahl.github.io/2017/09/03/the-spdz-protocol-part1/): implementation codes included

### Privacy Preserving Machine Learning

* Practical Secure Aggregation for Privacy-Preserving Machine Learning [[Paper]](https://eprint.iacr.org/2017/281.pdf) (Google)
  * Secure Aggregation: The problem of computing a multiparty sum where no party reveals its update in the clear
  * Goal: securely computing sums of vectors, which has a constant number of rounds
"""  # noqa: E501


def test_an_eprint_paper_is_a_paper_and_its_notes_do_not_make_it_a_category() -> None:
    papers, skipped = _read(EPRINT)
    assert [p[0] for p in papers.values()] == [
        "Multiparty Computation from Somewhat Homomorphic Encryption",
        "Practical Secure Aggregation for Privacy-Preserving Machine Learning",
    ]
    assert sorted(papers) == [4, 11]
    assert skipped[2] == skipped[7] == NON_PAPERS  # a video and a blog post


# gdymind/Awesome-learned-index, README.md: year headings, and links named by the papers'
# file names (YYYY-VENUE-Title, words joined by underscores, a path with spaces).
FILE_NAMES = """\
##  By year

### 2018

1. [The case for learned index](papers/2018-google-learned-index.pdf): the first learned index paper.

### 2020

1. [2020-PPoPP-XIndex A Scalable Learned Index for Multicore Data Storage](papers/2020-PPoPP-XIndex A Scalable Learned Index for Multicore Data Storage.pdf)

### 2022

1. [2022-VLDB-NFL_Learned_Index_Distribution_Transformation](papers/2022-VLDB-NFL_Learned_Index_Distribution_Transformation.pdf): it transforms keys distribution to make it more linear. [source code](https://github.com/luffy06/NFL)

## By category

[2019-arxiv-A Scalable Learned Index Scheme in Storage Systems](papers/2019-arxiv-A Scalable Learned Index Scheme in Storage Systems.pdf)
"""  # noqa: E501


def test_year_headings_give_the_year_and_file_names_give_venue_and_title() -> None:
    papers, _ = _read(FILE_NAMES)
    assert papers == {
        5: ("The case for learned index", "", 2018),
        9: ("XIndex A Scalable Learned Index for Multicore Data Storage", "PPoPP 2020", 2020),
        13: ("NFL Learned Index Distribution Transformation", "VLDB 2022", 2022),
        17: ("A Scalable Learned Index Scheme in Storage Systems", "arXiv 2019", 2019),
    }


# penberg/awesome-os, README.md: "by Author et al." then the venue with no comma between.
BY_THEN_VENUE = """\
## Research

* [Arrakis: The Operating System is the Control Plane](https://www.usenix.org/conference/osdi14/technical-sessions/presentation/peter) by Simon Peter et al. OSDI '14
"""  # noqa: E501


def test_authors_after_by_end_where_the_venue_starts_without_a_comma() -> None:
    parsed = parse_list(BY_THEN_VENUE, source="excerpt.md")
    (paper,) = parsed.papers
    assert (paper.venue, paper.year, paper.authors) == ("OSDI 2014", 2014, ("Simon Peter et al",))


# merrymercy/awesome-tensor-compilers, README.md: a three-word name before "et al.".
THREE_WORD_NAME = """\
### Auto-tuning and Auto-scheduling
- [Lorien: Efficient Deep Learning Workloads Delivery](https://dl.acm.org/doi/abs/10.1145/3472883.3486973) by Cody Hao Yu et al., SoCC 2021
"""  # noqa: E501


def test_a_three_word_name_before_et_al_is_an_author() -> None:
    (paper,) = parse_list(THREE_WORD_NAME, source="excerpt.md").papers
    assert (paper.venue, paper.authors) == ("SoCC 2021", ("Cody Hao Yu et al",))


# wzbxpy/LLM-System-and-Engineering, docs/paper_list.md: a bilingual list of bold titles with
# no links, the year in brackets after or inside the bold, notes in Chinese under some.
BOLD_TITLES = """\
# 论文列表

## 模型架构（第三周）

1. **Attention Is All You Need** (2017)
    - **作者**: Vaswani et al. (Google)

## 分布式训练、推理（第八周）
### 分布式训练方向

- **ZeRO: Memory Optimizations Toward Training Trillion Parameter Models (2020)**

## 内存管理（第十周）

- **Mooncake: A KVCache-centric Disaggregated Architecture for LLM Serving**
"""


def test_bold_titles_without_links_are_papers_with_their_bracketed_year() -> None:
    papers, _ = _read(BOLD_TITLES)
    assert papers == {
        5: ("Attention Is All You Need", "", 2017),
        11: ("ZeRO: Memory Optimizations Toward Training Trillion Parameter Models", "", 2020),
        15: ("Mooncake: A KVCache-centric Disaggregated Architecture for LLM Serving", "", None),
    }
