"""The tenth round of real lists (test_catalog_unseen10.py): the rest of its excerpts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.columns import column_kind
from papershelf.catalog.entry_venue import badge_venue
from papershelf.catalog.links import is_search
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.spans import badge_label
from papershelf.catalog.venue_text import parse_venue

from .excerpts import read_excerpt as _read
from .test_catalog_unseen10 import YEAR_OVER_VENUES


@given(
    st.lists(st.from_regex(r"[A-Za-z][A-Za-z0-9.]{0,7}", fullmatch=True), min_size=1, max_size=4),
    st.sampled_from(["orange", "blue", "brightgreen", "b31b1b"]),
)
def test_a_one_text_badge_shows_its_path_s_text(words: list[str], colour: str) -> None:
    path = "_".join(words)  # "NIPS_FMDM_Workshop-orange" shows "NIPS FMDM Workshop"
    assert badge_label(f"https://img.shields.io/badge/{path}-{colour}", "") == " ".join(words)
    assert badge_label(f"https://img.shields.io/badge/{path}-{colour}", "Alt") == "Alt"
    assert badge_label(f"https://img.shields.io/badge/-{path}-{colour}", "") == ""


# mental2008/awesome-papers paper-list/systems-for-ml/resource-scheduler.md @ 1745430b: a
# table that names each paper by its system, a "Conf/Journal" column whose link goes to the
# reader's notes, HTML lists of links ("Personal Notes", "Paper", "Code") in a cell.
CONF_COLUMN = """\
| Name | Conf/Journal | Institution | Links | Remarks |
| ---- | :----------: | ----------- | ----- | ------- |
| **Shockwave** | [NSDI 2023](../../reading-notes/conference/nsdi-2023/) | <ul><li>UW-Madison</li></ul> | <ul><li><a href="../../reading-notes/conference/nsdi-2023/shockwave.md">Personal Notes</a></li><li><a href="https://www.usenix.org/conference/nsdi23/presentation/zheng">Paper</a></li><li><a href="https://github.com/uw-mad-dash/shockwave">Code</a></li></ul> | Elastic resource requirements. |
| **Singularity** | arXiv 2202.07848 | <ul><li>Microsoft</li></ul> | <ul><li><a href="https://arxiv.org/abs/2202.07848">Paper</a></li></ul> | Live GPU job migration. |
| **Astraea** | TPDS 2021 | <ul><li>PKU</li></ul> | <ul><li><a href="https://ieeexplore.ieee.org/abstract/document/9655467">Paper</a></li></ul> | Long-term GPU-time fairness. |

| Title | Conf | Institute | Links |
| ----- | ---- | --------- | ----- |
| Deep learning workload scheduling in GPU datacenters: Taxonomy, challenges and vision | arXiv 2205.11913 | <ul><li>NTU</li></ul> | <ul><li><a href="https://arxiv.org/abs/2205.11913">arXiv</a></li></ul> |
"""  # noqa: E501


def test_a_conf_journal_column_gives_the_venue_and_an_arxiv_id_no_year() -> None:
    parsed = parse_list(CONF_COLUMN, source="excerpt.md")
    got = {p.line: (p.title, p.venue, p.year, p.links[0].url) for p in parsed.papers}
    assert got == {
        3: ("Shockwave", "NSDI 2023", 2023, "https://www.usenix.org/conference/nsdi23/presentation/zheng"),
        4: ("Singularity", "arXiv", None, "https://arxiv.org/abs/2202.07848"),
        5: ("Astraea", "TPDS 2021", 2021, "https://ieeexplore.ieee.org/abstract/document/9655467"),
        9: (
            "Deep learning workload scheduling in GPU datacenters: Taxonomy, challenges and vision",
            "arXiv",
            None,
            "https://arxiv.org/abs/2205.11913",
        ),
    }  # fmt: skip


# therontau0054/boring_tools arxiv_crawler/README.md @ 011fcf71: a daily arXiv table with a
# publish date and an update date.
TWO_DATES = """\
|Publish Date|Updated Date|Title|Authors|PDF|
|---|---|---|---|---|
|2025-05-20|2025-05-20|Abacus: A Cost-Based Optimizer for Semantic Operator Systems|Matthew Russo|[2505.14661v1](http://arxiv.org/pdf/2505.14661v1)|
|2024-12-17|2025-05-20|A Physical Interpretation of Imaginary Time Delay|Isabella L. Giovannelli|[2412.13139v2](http://arxiv.org/pdf/2412.13139v2)|
|2023-06-16|2025-05-16|Non-Perturbative Random Matrix Model of ${\\cal N}=2$ JT Supergravity|Clifford V. Johnson|[2306.10139v4](http://arxiv.org/pdf/2306.10139v4)|
"""  # noqa: E501


def test_the_publish_date_dates_a_paper_and_the_update_date_does_not() -> None:
    papers, _ = _read(TWO_DATES)
    assert papers == {
        3: ("Abacus: A Cost-Based Optimizer for Semantic Operator Systems", "", 2025),
        4: ("A Physical Interpretation of Imaginary Time Delay", "", 2024),
        # a backslash never survives in a title (the hostile-input checks): TeX loses it
        5: ("Non-Perturbative Random Matrix Model of ${cal N}=2$ JT Supergravity", "", 2023),
    }


@given(st.sampled_from(["Updated Date", "Last Modified", "Date Added", "Date Read", "更新日期"]))
def test_a_date_the_list_touched_a_row_is_no_date_of_the_paper(header: str) -> None:
    assert column_kind(header, False) == "other"
    assert column_kind("Publish Date", False) == "date"


def test_names_with_their_affiliations_under_a_title_are_its_authors() -> None:
    parsed = parse_list(YEAR_OVER_VENUES, source="excerpt.md")
    authors = {p.line: p.authors for p in parsed.papers}
    assert authors[5] == ("Gina Yuan", "Shoumik Palkar", "Deepak Narayanan", "Matei Zaharia")
    assert authors[12] == (
        "Tyler Hunt",
        "Zhipeng Jia",
        "Vance Miller",
        "Ariel Szekely",
        "Yige Hu",
    )


@given(
    st.sampled_from(["NIPS", "ICML", "ACL", "EMNLP"]),
    st.sampled_from(["FMDM Workshop", "Findings", "Oral", "MATH-AI Workshop"]),
)
def test_a_workshop_badge_names_its_host_venue_and_keeps_the_workshop_as_a_remark(
    venue: str, workshop: str
) -> None:
    found = badge_venue(f"{venue} {workshop}")
    assert found is not None
    assert (found.name, found.year, found.remark) == (venue, None, workshop)
    assert badge_venue(f"DeepMind {workshop}") is None  # a lab's badge names no venue


# TELOS-syslab/PaperList_ZYQ PaperLists.md @ 011b2c18: a "Cite" column of venue tags with the
# apostrophe after the two-digit year ("OSDI 23'", "SOSP24'"), a nickname column, empty rows.
CITE_COLUMN = """\
# Cold start
| Cite | Nickname  | Paper |General Idea |
|:---:      |   :----------- |:---:  |:---:  |
| OSDI 23' | Mitos | [No Provisioned Concurrency: Fast RDMA-codesigned Remote Fork for Serverless Computing]() | Remote docker fork. |
| SOSP24' | SigmaOS | [Unifying serverless and microservice tasks with SigmaOS](https://dl.acm.org/doi/10.1145/3694715.3695947) |  |
| EuroSys 20' | AFT | [A fault-tolerance shim for serverless computing](https://dl.acm.org/doi/10.1145/3342195.3387535) | AFT offers transactional key-value store API. |
|  |  |  |  |
"""  # noqa: E501


def test_a_cite_column_of_venue_tags_with_the_apostrophe_after_the_year() -> None:
    papers, _ = _read(CITE_COLUMN)
    assert papers == {
        4: (
            "No Provisioned Concurrency: Fast RDMA-codesigned Remote Fork for Serverless Computing",
            "OSDI 2023",
            2023,
        ),
        5: ("Unifying serverless and microservice tasks with SigmaOS", "SOSP 2024", 2024),
        6: ("A fault-tolerance shim for serverless computing", "EuroSys 2020", 2020),
    }


@given(
    st.sampled_from(["OSDI", "SOSP", "ATC", "EuroSys", "SIGCOMM"]),
    st.integers(min_value=0, max_value=99),
    st.sampled_from([" ", ""]),
    st.sampled_from(["'", "’"]),
)
def test_an_apostrophe_after_a_two_digit_year_reads_as_one_before_it(
    name: str, yy: int, gap: str, mark: str
) -> None:
    found = parse_venue(f"{name}{gap}{yy:02d}{mark}", need_year=True)
    assert found is not None
    assert (found.name, found.year) == (name, (2000 if yy < 70 else 1900) + yy)


# IntelligentDDS/awesome-papers Resource_schedule/README.md @ 18dbedea: "YY_VENUE_Title"
# with a generic [[paper]] link; the venue may be one no list of series knows ("Cloud").
UNDERSCORE_TAGS = """\
## Autoscale
- 22_TCC_Microscaler: Cost-effective scaling for microservice applications in the cloud with an online learning approach [[paper]](https://ieeexplore.ieee.org/abstract/document/9057418/)
- 20_OSDI_FIRM: An intelligent fine-grained resource management framework for slo-oriented microservices [[paper]](https://www.usenix.org/conference/osdi20/presentation/qiu)
- 19_Cloud_Horizontal and vertical scaling of container-based applications using reinforcement learning [[paper]](https://ieeexplore.ieee.org/document/8814555)
"""  # noqa: E501


def test_a_year_and_venue_joined_to_the_title_by_underscores() -> None:
    papers, _ = _read(UNDERSCORE_TAGS)
    assert papers == {
        2: (
            "Microscaler: Cost-effective scaling for microservice applications in the cloud with "
            "an online learning approach",
            "TCC 2022",
            2022,
        ),
        3: (
            "FIRM: An intelligent fine-grained resource management framework for slo-oriented "
            "microservices",
            "OSDI 2020",
            2020,
        ),
        4: (
            "Horizontal and vertical scaling of container-based applications using "
            "reinforcement learning",
            "Cloud 2019",
            2019,
        ),
    }


# Ddnirvana/awesome-serverless-research README.md @ 16c6ada9: a category in parentheses before
# the linked title, and a plain title closed by its venue, a dash and a note.
CATEGORY_AND_NOTE = """\
## Serverless System and Framework
- (Runtime) [Firecracker: Lightweight Virtualization for Serverless Applications (NSDI'20)](https://www.usenix.org/system/files/nsdi20-paper-agache.pdf)

## Architecture Supports
- PIE: Confidential Serverless Made Efficient with Plug-In Enclaves (ISCA'21) - The paper presents PIE, a hardware extension on SGX to boost startup latency of enclaves to support serverless computing.
"""  # noqa: E501


def test_a_category_group_is_no_author_and_a_note_after_a_dash_is_no_title() -> None:
    parsed = parse_list(CATEGORY_AND_NOTE, source="excerpt.md")
    got = {p.line: (p.title, p.venue, p.year, p.authors) for p in parsed.papers}
    firecracker = "Firecracker: Lightweight Virtualization for Serverless Applications"
    pie = "PIE: Confidential Serverless Made Efficient with Plug-In Enclaves"
    assert got == {2: (firecracker, "NSDI 2020", 2020, ()), 5: (pie, "ISCA 2021", 2021, ())}


# HuaizhengZhang/AI-System-School conference.md @ 119e58f0: venue names, one linked to its
# schedule, one to its group page on OpenReview: venues, no papers.
VENUE_NAMES = """\
## Conferene

- MLsys
- NSDI
- SOCC [[2019]](https://acmsocc.github.io/2019/schedule.html）
- TinyML [[Link]](https://openreview.net/group?id=tinyml.org/tinyML/2021/Research_Symposium)

### ATC 2020 [[Program]](https://www.usenix.org/conference/atc20/technical-sessions)

- ALERT: Accurate Learning for Energy and Timeliness [[Paper]](https://www.usenix.org/conference/atc20/presentation/wan)
"""


def test_a_venue_s_group_page_on_openreview_is_no_paper_s_link() -> None:
    papers, skipped = _read(VENUE_NAMES)
    assert papers == {10: ("ALERT: Accurate Learning for Energy and Timeliness", "ATC 2020", 2020)}
    assert set(skipped) >= {3, 4, 5, 6}
    assert is_search("https://openreview.net/group?id=ICLR.cc/2024/Conference")
    assert not is_search("https://openreview.net/forum?id=abc123")


# The same file, ATC 2020 then Eurosys 2020: the affiliations in parentheses after the names.
PARENTHESISED_ORGS = """\
### ATC 2020 [[Program]](https://www.usenix.org/conference/atc20/technical-sessions)

- Offload Annotations: Bringing Heterogeneous Computing to Existing Libraries and Workloads [[Paper]](https://www.usenix.org/conference/atc20/presentation/yuan)
  - Gina Yuan, Shoumik Palkar, Deepak Narayanan, and Matei Zaharia, Stanford University

### Eurosys 2020

- Balancing Efficiency and Fairness in Heterogeneous GPU Clusters for Deep Learning [[Paper]](https://dl.acm.org/doi/pdf/10.1145/3342195.3387555)
  - Shubham Chaudhary, Ramachandran Ramjee, Muthian Sivathanu, Nipun Kwatra, Srinidhi Viswanatha (Microsoft Research India)
- AlloX: Compute Allocation in Hybrid Clusters [[Paper]](https://www.mosharaf.com/wp-content/uploads/allox-eurosys20.pdf)
  - Tan N. Le (SUNY Korea, Stony Brook University), Xiao Sun (Stony Brook University), Mosharaf Chowdhury (University of Michigan), Zhenhua Liu (Stony Brook University)
"""  # noqa: E501


def test_names_with_their_affiliations_in_parentheses_under_a_title_are_its_authors() -> None:
    parsed = parse_list(PARENTHESISED_ORGS, source="excerpt.md")
    authors = {p.line: p.authors for p in parsed.papers}
    assert authors == {
        3: ("Gina Yuan", "Shoumik Palkar", "Deepak Narayanan", "Matei Zaharia"),
        8: (
            "Shubham Chaudhary",
            "Ramachandran Ramjee",
            "Muthian Sivathanu",
            "Nipun Kwatra",
            "Srinidhi Viswanatha",
        ),
        10: ("Tan N. Le", "Xiao Sun", "Mosharaf Chowdhury", "Zhenhua Liu"),
    }
