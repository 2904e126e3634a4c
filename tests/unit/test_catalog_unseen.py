"""Shapes met in real lists outside the shared corpora, each from a short excerpt.

Every excerpt names the repository and file it comes from; the expectations are what a
careful reader of that excerpt would write down.
"""

from __future__ import annotations

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import TOOLS

from .excerpts import read_excerpt as _read

# sputnik89/storage-systems-readings, README.md: numbered links where the seed reading takes
# blogs and repositories for papers and drops the entries with "by Author" after the link.
STORAGE = """\
## B-trees and CPU Caches

1. [B-tree Indexes and CPU Caches](https://cse.unt.edu/~huangyan/6330/Papers/B-tree-Cache-ICDE2001.pdf) by Goetz Graefe and Per-Åke Larson

## SplinterDB

1. [SplinterDB: Closing the Bandwidth Gap for NVMe Key-Value Stores](https://www.usenix.org/system/files/atc20-conway.pdf)
2. [SplinterDB - a key-value store designed for high performance on fast storage devices from vmware](https://github.com/vmware/splinterdb)

## LotusDB

1. [LotusDB—A fast kv database in Go](https://medium.com/@roseduan520/lotusdb-a-fast-kv-database-in-go-60ea93b2387b)
"""  # noqa: E501


def test_the_general_reading_wins_when_it_calls_seed_entries_tools_or_blogs() -> None:
    papers, skipped = _read(STORAGE)
    assert sorted(papers) == [3, 7]
    assert papers[3][0] == "B-tree Indexes and CPU Caches"
    assert skipped[8] == TOOLS
    assert skipped[12] == "blogs, docs, slides or other non-papers"


# haodongwang01/LLM-VLM-VLA-inference-system-paper-list, README.md: a bold title, its venue in
# parentheses, then a generic [[paper]] link and star ratings.
BOLD_THEN_VENUE = """\
## On-device Inference Systems

1. **PowerInfer: Fast Large Language Model Serving with a Consumer-grade GPU** (SOSP 2024) [[paper]](https://arxiv.org/pdf/2312.12456) ⭐⭐⭐
2. **PowerInfer-2: Fast Large Language Model Inference on a Smartphone** (Arxiv Dec 2024) [[paper]](https://arxiv.org/abs/2406.06282) ⭐⭐
3. **FlexGen: High-Throughput Generative Inference of Large Language Models with a Single GPU** [[paper]](https://arxiv.org/pdf/2303.06865) ⭐

**AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration** (MLSys 2024 Best Paper) [[paper]](https://arxiv.org/abs/2306.00978) ⭐⭐⭐

**LiquidGEMM: Hardware-Efficient W4A8 GEMM Kernel for High-Performance LLM Serving** (ArXiV 2025.09) [[paper]](https://arxiv.org/abs/2509.01229)
"""  # noqa: E501


def test_a_venue_between_a_bold_title_and_its_links_is_the_entry_s() -> None:
    papers, _ = _read(BOLD_THEN_VENUE)
    assert papers[3] == (
        "PowerInfer: Fast Large Language Model Serving with a Consumer-grade GPU",
        "SOSP 2024",
        2024,
    )
    assert papers[4][1:] == ("Arxiv 2024", 2024)  # "Dec" is the month, not the venue
    assert papers[5][1:] == ("", None)
    assert papers[7][1:] == ("MLSys 2024", 2024)  # "Best Paper" is a remark
    assert papers[9][1:] == ("Arxiv 2025", 2025)  # "2025.09": year and month, not 2009


# RuifMaxx/Paper-List-of-cloud-resource-management, README.md: paragraphs that open with the
# venue and year, then the linked title, then note links.
VENUE_FIRST = """\
## Learning Base:

SIGCOMM 2019, [Learning Scheduling Algorithms for Data Processing Clusters](https://web.mit.edu/decima/)---Notes:[zhihu](https://zhuanlan.zhihu.com/p/410761376)

SOCC 2021,[Parslo: A Gradient Descent-based Approach for Near-optimal Partial SLO Allotment in Microservices](https://dl.acm.org/doi/abs/10.1145/3472883.3486985)

Usenix ICAC 2014, [Adaptive, Model-driven Autoscaling for Cloud Applications](https://www.usenix.org/conference/icac14/technical-sessions/presentation/gandhi)---Notes:[zhihu](https://zhuanlan.zhihu.com/p/560024479)
"""


def test_a_venue_before_a_linked_title_is_the_entry_s_and_no_prose() -> None:
    papers, skipped = _read(VENUE_FIRST)
    assert not skipped
    assert papers[3] == (
        "Learning Scheduling Algorithms for Data Processing Clusters",
        "SIGCOMM 2019",
        2019,
    )
    assert papers[5][1:] == ("SOCC 2021", 2021)
    assert papers[7][1:] == ("Usenix ICAC 2014", 2014)


# QinPR/Paper-Reading, README.md: a table whose header row is empty; the first column holds
# bold titles (or system names) with the venue in parentheses, the second the reading date.
HEADERLESS = """\
|                                                              |                |
| ------------------------------------------------------------ | -------------- |
| **Scaling Distributed Machine Learning with the Parameter Server (OSDI' 2014)** | **2022-06-24** |
| **XRP: In-Kernel Storage Functions with eBPF(OSDI'2022)**    | **2023-02-02** |
| **BytePS (OSDI'2020)**                                       | **2023-02-16** |
| **IONET**                                                    | **2023-04-21** |
"""


def test_a_table_with_an_empty_header_row_titles_its_first_column() -> None:
    papers, skipped = _read(HEADERLESS)
    assert papers == {
        3: ("Scaling Distributed Machine Learning with the Parameter Server", "OSDI 2014", 2014),
        4: ("XRP: In-Kernel Storage Functions with eBPF", "OSDI 2022", 2022),
        5: ("BytePS", "OSDI 2020", 2020),  # a system's name with its own venue: a paper
    }
    assert skipped == {6: "talk topics, labels or headings"}  # a bare name: no paper named


# Huangxy-Minel/Paper-List-of-Host-Networking, README.md: plain bullets named like the papers'
# files, "YY-VENUE-Title", under topic labels; no links at all.
YEAR_VENUE_NAMES = """\
<h3 id="1.1">1.1 Basic</h3>

**[Network Functions]**
- 16-ATC-Design Guidelines for High Performance RDMA Systems
- **18-SIGCOMM-Revisiting Network Support for RDMA**
- 24-EuroSys-Hoda-a High-performance Open vSwitch Dataplane with Multiple Specialized Data Paths
- 10-Gbps-Ethernet everywhere
"""


def test_a_year_venue_file_name_prefix_is_the_entry_s_venue() -> None:
    papers, skipped = _read(YEAR_VENUE_NAMES)
    assert papers == {
        4: ("Design Guidelines for High Performance RDMA Systems", "ATC 2016", 2016),
        5: ("Revisiting Network Support for RDMA", "SIGCOMM 2018", 2018),
        6: (
            "Hoda-a High-performance Open vSwitch Dataplane with Multiple Specialized Data Paths",
            "EuroSys 2024",
            2024,
        ),
    }
    assert skipped[3] == skipped[7] == "text without a paper link"  # a label; no venue named


# yichuan520030910320/MLsys_reading_list, README.md: "1.Name" numbering glued to the entry
# (no markdown list), arrows between a name and its bare URL, a short name before the URL
# with the writer's comment after it, a venue tag after the glued number.
GLUED_NUMBERS = """\
#### COT+RAG
1.RAT:(COT+RAG) PKU--> https://arxiv.org/html/2403.05313v1

3.https://arxiv.org/pdf/2410.01782 --> OPEN-RAG: Enhanced Retrieval-Augmented Reasoning with Open-Source Large Language Models

3.EdgeRAG: https://arxiv.org/pdf/2412.21023
#### Model
1.DDPM https://arxiv.org/abs/2006.11239 cannot skip timesteps

4.[NSDI24] Approximate Caching for Efficiently Serving Diffusion Models https://arxiv.org/abs/2312.04429

7.Video Diffusion Model https://arxiv.org/abs/2204.03458 3D unet More: https://github.com/showlab/Awesome-Video-Diffusion
"""  # noqa: E501


def test_glued_numbers_arrows_and_names_before_a_bare_url() -> None:
    papers, _ = _read(GLUED_NUMBERS)
    assert {line: title for line, (title, _, _) in papers.items()} == {
        2: "RAT:(COT+RAG) PKU",
        4: "OPEN-RAG: Enhanced Retrieval-Augmented Reasoning with Open-Source Large Language"
        " Models",
        6: "EdgeRAG",
        8: "DDPM",  # "cannot skip timesteps" is the writer's comment
        10: "Approximate Caching for Efficiently Serving Diffusion Models",
        12: "Video Diffusion Model",  # a title that opens with "Video" is no video
    }
    assert papers[10][1:] == ("NSDI 2024", 2024)


# Huangxy-Minel/Paper-List-of-Host-Networking, README.md: section headings written as HTML,
# one followed directly by the list (no blank line, so the list is inside the HTML block).
HTML_HEADINGS = """\
<h2 id="1">1 Selected Readings</h2>
It is recommended in the order of the list.

<h3 id="1.4">1.4 Profiling</h3>
- 18-SIGCOMM-Understanding PCIe performance for end host networking
- 24-SIGCOMM-Understanding the Host Network
"""


def test_html_headings_are_sections_and_the_list_under_them_is_read() -> None:
    parsed = parse_list(HTML_HEADINGS, source="excerpt.md")
    assert [(p.line, p.venue, p.topics) for p in parsed.papers] == [
        (5, "SIGCOMM 2018", ("1 Selected Readings > 1.4 Profiling",)),
        (6, "SIGCOMM 2024", ("1 Selected Readings > 1.4 Profiling",)),
    ]


# goby/distributed-systems-readings, index.md (Books) and Huangxy-Minel/Paper-List-of-Host-
# Networking, README.md (Open-Source Projects): sections the list gives to other things.
ASIDE_SECTIONS = """\
## Books
- [Distributed Systems for fun and profit](http://book.mixu.net/distsys/single-page.html) [Free]
- [Principles of Distributed Systems](http://dcg.ethz.ch/lectures/podc_allstars/lecture/podc.pdf) [ETH Zurich University]

## 3 Open-Source Projects

- [DOCA](https://developer.nvidia.com/networking/doca): Accelerate application development for NVIDIA BlueField and ConnectX networking devices
- [eRPC](https://github.com/erpc-io/eRPC): Efficient RPCs for datacenter networks

## Storage & Databases
- [Dynamo: Amazon's Highly Available Key Value Store](http://bnrg.eecs.berkeley.edu/~randy/Courses/CS294.F07/Dynamo.pdf)
"""  # noqa: E501


def test_entries_of_a_books_or_projects_section_are_not_papers() -> None:
    papers, skipped = _read(ASIDE_SECTIONS)
    assert list(papers) == [11]
    non_paper = "blogs, docs, slides or other non-papers"
    assert skipped == {2: non_paper, 3: non_paper, 7: non_paper, 8: TOOLS}


# sputnik89/storage-systems-readings, README.md: a talk on YouTube, tech-news articles and a
# vendor's guide listed beside papers, each with no venue.
VIDEOS_AND_NEWS = """\
## Scaling write intensive key-value LSM trees

1. [Monkey: Optimal Navigable Key-Value Store](https://dl.acm.org/doi/10.1145/3035918.3064054) by Niv Dayan et. al.
2. [Scaling Write-Intensive Key-Value Stores](https://youtu.be/b6SI8VbcT4w?si=9g6a7RxpmPhhuNCq) by Niv Dayan
3. [How Cassandra Stores Data: An Exploration of Log Structured Merge Trees](https://hackernoon.com/how-cassandra-stores-data-an-exploration-of-log-structured-merge-trees)
4. [What is a Vector Database](https://www.datastax.com/guides/what-is-a-vector-database)
"""  # noqa: E501


def test_videos_tech_news_and_guides_are_not_papers() -> None:
    papers, skipped = _read(VIDEOS_AND_NEWS)
    assert list(papers) == [3]
    assert set(skipped) == {4, 5, 6}
    assert set(skipped.values()) == {"blogs, docs, slides or other non-papers"}


# RuifMaxx/Paper-List-of-cloud-resource-management, README.md ("To Read"): references in the
# ACM format written as paragraphs with no link; one is a chapter of a Springer book.
LINKLESS_REFERENCES = """\
## To Read:

M. Carvalho and D. F. Macedo. 2021. QoE-Aware Container Scheduler for Co-located Cloud Environments. In 2021 IFIP/IEEE Int. Symposium on Integrated Network Management (IM). 286ś294.

N.D. Nguyen, L. Phan, D. Park, S. Kim, and T. Kim. 2020. ElasticFog: Elastic Resource Provisioning in Container-Based Fog Computing. IEEE Access 8 (2020), 183879ś183890.

E. Casalicchio. 2019. Container Orchestration: A Survey. Springer Int. Publishing, Cham, 221ś235

This is a repository of classic articles about Cloud resource management that I have summarized myself.
"""  # noqa: E501


def test_a_paragraph_that_is_a_whole_reference_is_a_paper_without_a_link() -> None:
    papers, skipped = _read(LINKLESS_REFERENCES)
    assert papers == {
        3: ("QoE-Aware Container Scheduler for Co-located Cloud Environments", "IM 2021", 2021),
        5: (
            "ElasticFog: Elastic Resource Provisioning in Container-Based Fog Computing",
            "IEEE Access 2020",
            2020,
        ),
    }
    assert skipped == {
        7: "blogs, docs, slides or other non-papers",  # a book chapter
        9: "text without a paper link",
    }


def test_a_title_s_own_acronym_in_parentheses_stays_in_the_title() -> None:
    # sputnik89/storage-systems-readings, README.md (Basics), read by the general reader.
    papers, _ = _read(
        "## Basics\n\n"
        "1. [The Log-Structured Merge-Tree (LSM-Tree)](https://www.cs.umb.edu/~poneil/lsmtree.pdf)\n"
        "2. [Key-Value Separation in LSM Storage Engines](https://www.skyzh.dev/blog/2023-12-31-x/)\n"
    )
    assert [title for title, _, _ in papers.values()] == [
        "The Log-Structured Merge-Tree (LSM-Tree)"
    ]


def test_a_name_with_a_colon_before_a_bare_url_is_the_title() -> None:
    # yichuan520030910320/MLsys_reading_list, README.md: "Name: URL" then the writer's words.
    papers, _ = _read(
        "#### Chat and RAG\n"
        "1.ChatQA:https://arxiv.org/pdf/2401.10225 NIPS high score NVIDIA\n\n"
        "1. MCTSr: https://arxiv.org/html/2406.07394v1  Code: https://github.com/trotsky1997/x\n\n"
        "related:https://openreview.net/forum?id=TDy5Ih78b4-->Provence: efficient and robust"
        " context pruning for retrieval-augmented generation\n"
    )
    assert [title for title, _, _ in papers.values()] == [
        "ChatQA",
        "MCTSr",
        "Provence: efficient and robust context pruning for retrieval-augmented generation",
    ]


def test_a_venue_followed_by_the_authors_lab_after_the_link() -> None:
    # yichuan520030910320/MLsys_reading_list, README.md (Fault tolerance).
    papers, _ = _read(
        "### Fault tolerance\n\n"
        "15. [Bamboo: Making Preemptible Instances Resilient for Affordable Training of Large"
        " DNNs](https://www.usenix.org/conference/nsdi23/presentation/thorpe) NSDI23 UCLA\n"
        "16. [Varuna: Scalable, Low-cost Training of Massive Deep Learning Models]"
        "(https://arxiv.org/pdf/2111.04007.pdf) Eurosys21 MSR\n"
        "17. [Oobleck: Resilient Distributed Training of Large Models Using Pipeline Templates]"
        "(https://scholar.google.com/citations?view_op=view_citation) SOSP23 Umich \n"
    )
    assert [venue for _, venue, _ in papers.values()] == ["NSDI 2023", "Eurosys 2021", "SOSP 2023"]
