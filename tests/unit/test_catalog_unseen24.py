"""The twenty-fourth round of real lists: a dated heading per paper with the title on a
``Paper:`` line, titles with their authors and a two-digit year after them, a reader's
coloured TeX mark, venues on the bullets under a title, the list's own word that an entry
is no paper, a surname with a two-digit year, BibTeX's braces.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen24/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.lead_year import names_year
from papershelf.catalog.title_names import title_names_venue
from papershelf.catalog.venue_text import VenueGuess, parse_venue

from .excerpts import read_excerpt as _read

_WORD = st.sampled_from(
    ["Kernel", "Fuzzing", "Systems", "Patching", "Memory", "Safe", "Android", "for", "with"]
)
_SURNAME = st.sampled_from(["Wang", "Zhang", "Dileo", "Fournier", "Talebi", "Lin"])
_INITIAL = st.sampled_from(["Z", "Y", "J", "K", "G", "S."])
_VENUE = st.sampled_from(["USENIX Security", "CCS", "NDSS", "OSDI", "arXiv", "EuroSys"])

# twicy/awesome-CXL README.md @ 15d1aa811cba4d3190c8b87e72f497acdbec8463
CXL_NEWS = (
    "## Papers and news\n"
    "\n"
    "### July 11, 2023, **ATC 2023**\n"
    "\n"
    "- **Paper**: [CXL-ANNS: Software-Hardware Collaborative Memory Disaggregation and"
    " Computation for Billion-Scale Approximate Nearest Neighbor Search]"
    "(https://www.usenix.org/system/files/atc23-jang.pdf)\n"
    "- **Authors**: Junhyeok Jang, Computer Architecture and Memory Systems Laboratory, KAIST\n"
    "\n"
    "![](images/cxl-anns-overview.png)\n"
    "\n"
    "### July 11, 2023, **ATC 2023**\n"
    "\n"
    "- **Paper**: [Overcoming the Memory Wall with CXL-Enabled SSDs]"
    "(https://www.usenix.org/system/files/atc23-yang-shao-peng.pdf)\n"
    "- **Authors**: Shao-Peng Yang, Syracuse University; Minjae Kim, DGIST\n"
    "\n"
    "### 27 March 2023, **CXL 1.1**\n"
    "\n"
    "- **Paper**: [Demystifying CXL Memory with Genuine CXL-Ready Systems and Devices]"
    "(https://arxiv.org/pdf/2303.15375)\n"
    "- **Authors**: Yan Sun and Yifan Yuan and Zeduo Yu\n"
    "\n"
    "### 21 October 2022, **USENIX ATC 2022**, **CXL 2.0 based on FPGA**\n"
    "\n"
    "- **Paper**: [Direct Access, High-Performance Memory Disaggregation with DirectCXL]"
    "(https://www.usenix.org/system/files/atc22-gouk.pdf)\n"
    "- **Authors**: Donghyun Gouk and Sangwon Lee and Miryeong Kwon and Myoungsoo Jung\n"
    "- **Presentation**: [USENIX ATC '22 - Direct Access, High-Performance Memory"
    " Disaggregation with DirectCXL](https://www.youtube.com/watch?v=I7wF-TCHGEI)\n"
)


def test_a_paper_line_under_a_dated_heading_names_the_paper() -> None:
    papers, skipped = _read(CXL_NEWS)
    anns = (
        "CXL-ANNS: Software-Hardware Collaborative Memory Disaggregation and Computation"
        " for Billion-Scale Approximate Nearest Neighbor Search"
    )
    assert papers == {
        3: (anns, "ATC 2023", 2023),
        10: ("Overcoming the Memory Wall with CXL-Enabled SSDs", "ATC 2023", 2023),
        # the heading's bold words name a topic, not a venue; its date is the news's
        15: ("Demystifying CXL Memory with Genuine CXL-Ready Systems and Devices", "", None),
        20: (
            "Direct Access, High-Performance Memory Disaggregation with DirectCXL",
            "USENIX ATC 2022",
            2022,
        ),
    }
    notes = "links to other lists or notes"  # the lines under each heading are on its paper
    assert {line for line, kind in skipped.items() if kind == notes} == {6, 8, 13, 18, 23, 24}


# quentin-audinet/Master-Thesis literatures/README.md @ 30fb018a4c64234deaadee5d01ba08bd41c32b96
THESIS_NOTES = (
    "## eBPF\n"
    "\n"
    "PET: Prevent Discovered Errors from Being Triggered in the Linux Kernel. Z Wang, et al."
    " USENIX Security 2023 [paper](https://www.usenix.org/system/files/usenixsecurity23-wang-"
    "zicheng.pdf)\n"
    "\n"
    "Cross Container Attacks: The Bewildered eBPF on Clouds. Y He, et al. USENIX Security 23"
    " [paper](https://www.usenix.org/system/files/usenixsecurity23-he.pdf)\n"
    "\n"
    "Programmable System Call Security with eBPF. J Jia, et al. arXiv 23"
    " [paper](https://arxiv.org/pdf/2302.10366.pdf)\n"
    "\n"
    "## Kernel exploitation\n"
    "\n"
    "Playing for K(H)eaps: Understanding and Improving Linux Kernel Exploit Reliability."
    " K Zeng, et al. USENIX Security 2022 [paper](https://www.usenix.org/system/files/"
    "sec22-zeng.pdf)\n"
    "\n"
    "DirtyCred: Escalating Privilege in Linux Kernel. Z Lin, et al. CCS 22"
    " [paper](https://dl.acm.org/doi/pdf/10.1145/3548606.3560585)\n"
)


def test_a_title_then_its_authors_then_its_venue() -> None:
    papers, _ = _read(THESIS_NOTES)
    heaps = "Playing for K(H)eaps: Understanding and Improving Linux Kernel Exploit Reliability"
    assert papers == {
        3: (
            "PET: Prevent Discovered Errors from Being Triggered in the Linux Kernel",
            "USENIX Security 2023",
            2023,
        ),
        5: ("Cross Container Attacks: The Bewildered eBPF on Clouds", "USENIX Security 2023", 2023),
        7: ("Programmable System Call Security with eBPF", "arXiv 2023", 2023),
        11: (heaps, "USENIX Security 2022", 2022),
        13: ("DirtyCred: Escalating Privilege in Linux Kernel", "CCS 2022", 2022),
    }


def test_a_second_sentence_that_names_nobody_stays_in_the_title() -> None:
    assert title_names_venue("Learned Indexes. A Survey. OSDI 2020") is None
    assert title_names_venue("Kernel Fuzzing. Z Wang. OSDI 2020") is None  # one name, no et al.
    cited = title_names_venue("Kernel Fuzzing. Z Wang, Y He. OSDI 20")
    assert cited is not None and (cited.title, cited.rest) == ("Kernel Fuzzing", "OSDI 2020")


@given(
    st.lists(_WORD, min_size=2, max_size=8),
    _INITIAL,
    _SURNAME,
    _VENUE,
    st.integers(min_value=0, max_value=25),
)
def test_a_title_with_its_first_author_and_a_two_digit_year_is_read(
    words: list[str], initial: str, surname: str, venue: str, yy: int
) -> None:
    title = "Making " + " ".join(words)
    cited = title_names_venue(f"{title}. {initial} {surname}, et al. {venue} {yy:02d}")
    assert cited is not None
    assert (cited.title, cited.authors, cited.year) == (
        title,
        f"{initial} {surname}, et al",
        2000 + yy,
    )


# zl-cs/Awesome-System-for-Machine-Learning inference.md @
# 095c59d0736ec2cd2720b6057656ec1ec8a065b1
SERVING = (
    "## Model Serving\n"
    "\n"
    "- $\\color{red}{(Read)(New)}$ Trueno: A Cross-Platform Machine Learning Model Serving"
    " Framework in Heterogeneous Edge Systems\n"
    "  - Danyang Song∗, Yifei Zhu†(SJTU), Cong Zhang‡, and Jiangchuan Liu\n"
    "  - INFOCOM'22 DEMO\n"
    "- $\\color{red}{(Read)(New)}$ SHEPHERD: Serving DNNs in the Wild"
    " [[paper]](https://hongzhangblaze.github.io/assets/pdf/shepherd.pdf)\n"
    "  - Hong Zhang (University of Waterloo), Yupeng Tang, Anurag Khandelwal (Yale"
    " University), Ion Stoica (UC Berkeley)\n"
    "  - NSDI 2023\n"
    "- $\\color{red}{(New)}$ ORLOJ: Predictably Serving Unpredictable DNNs"
    " [[paper]](https://arxiv.org/pdf/2209.00159.pdf)\n"
    "  - Peifeng Yu, Yuqing Qiu, Xin Jin, Mosharaf Chowdhury (University of Michigan)\n"
    "  - arXiv\n"
    "  - Summary: A distribution-aware dynamic DNN serving system.\n"
    "- Optimizing Prediction Serving on Low-Latency Serverless Dataflow"
    " [[Paper]](https://arxiv.org/pdf/2007.05832.pdf)\n"
    "  - Sreekanti, Vikram, Harikaran Subbaraj, Chenggang Wu, Joseph E. Gonzalez, and"
    " Joseph M. Hellerstein.\n"
    "  - arXiv preprint arXiv:2007.05832 (2020).\n"
    "- $\\color{red}{(Read)}$ Serving DNNs like Clockwork: Performance Predictability from"
    " the Bottom Up. [[Paper]](https://arxiv.org/pdf/2006.02464.pdf)\n"
    "  - Gujarati, A., Karimi, R., Alzayat, S., Kaufmann, A., Vigfusson, Y. and Mace, J., 2020.\n"
    "  - OSDI 2020\n"
    "  - Summary (2023.4.12 by Liang): A istributed model serving system\n"
    "- Swayam: distributed autoscaling to meet SLAs of machine learning inference services"
    " with resource efficiency [[Paper]](https://www.microsoft.com/en-us/research/uploads/"
    "prod/2018/01/2017.Middleware.Swayam.TailLatencyInAzureML.pdf)\n"
    "  - Gujarati, Arpan, Sameh Elnikety, Yuxiong He, Kathryn S. McKinley, and Björn B."
    " Brandenburg.\n"
    "  - In Proceedings of the 18th ACM/IFIP/USENIX Middleware Conference, pp. 109-120. 2017.\n"
    "- Deep Learning Inference Service at Microsoft"
    " [[Paper]](https://www.usenix.org/system/files/opml19papers-soifer.pdf)\n"
    "  - J Soifer, et al. (*OptML2019*)\n"
    "- TFX: A TensorFlow-Based Production-Scale Machine Learning Platform"
    " [[Paper]](http://stevenwhang.com/tfx_paper.pdf)\n"
    "  - Baylor, Denis, et al. (*KDD 2017*)\n"
    "- Llama: A Heterogeneous & Serverless Framework for Auto-Tuning Video Analytics"
    " Pipelines\n"
    "  - Francisco Romero, Mark Zhao, Neeraja J. Yadwadkar, and Christos Kozyrakis"
    " (*SoCC 2021*)\n"
)


def test_venues_on_the_bullets_under_a_title_in_their_written_forms() -> None:
    papers, _ = _read(SERVING)
    trueno = (
        "Trueno: A Cross-Platform Machine Learning Model Serving Framework in Heterogeneous"
        " Edge Systems"
    )
    swayam = (
        "Swayam: distributed autoscaling to meet SLAs of machine learning inference services"
        " with resource efficiency"
    )
    llama = (
        "Llama: A Heterogeneous & Serverless Framework for Auto-Tuning Video Analytics Pipelines"
    )
    clockwork = "Serving DNNs like Clockwork: Performance Predictability from the Bottom Up"
    assert papers == {
        3: (trueno, "INFOCOM 2022", 2022),  # no link, but its names and its venue
        6: ("SHEPHERD: Serving DNNs in the Wild", "NSDI 2023", 2023),
        9: ("ORLOJ: Predictably Serving Unpredictable DNNs", "arXiv", None),
        13: (
            "Optimizing Prediction Serving on Low-Latency Serverless Dataflow",
            "arXiv 2020",
            2020,
        ),
        16: (clockwork, "OSDI 2020", 2020),
        20: (swayam, "ACM/IFIP/USENIX Middleware Conference 2017", 2017),
        23: ("Deep Learning Inference Service at Microsoft", "OptML 2019", 2019),
        25: (
            "TFX: A TensorFlow-Based Production-Scale Machine Learning Platform",
            "KDD 2017",
            2017,
        ),
        27: (llama, "SoCC 2021", 2021),
    }


def test_coloured_words_that_are_not_marks_stay() -> None:
    text = (
        "- $\\color{red}{Important}$ [Serving DNNs like Clockwork: Performance"
        " Predictability](https://arxiv.org/pdf/2006.02464.pdf)\n"
    )
    papers, _ = _read(text)
    assert [title for title, _, _ in papers.values()] == [
        "Serving DNNs like Clockwork: Performance Predictability"
    ]


# mabdullahsoyturk/HPC-Paper-Notes README.md @ 1fb9bf8008ce7e64182eb5cd3b57fe450f7eade9
GPU_NIC = (
    "### Message-per-lane Model\n"
    "\n"
    "GPU threads independently access to NIC. \n"
    "\n"
    "* [GGAS: Global GPU Address Spaces for Efficient Communication in Heterogeneous"
    " Clusters](https://ieeexplore.ieee.org/document/6702638)\n"
    "* [Simplifying Multi-GPU Communication with NVSHMEM](http://on-demand.gputechconf.com/"
    "gtc/2016/presentation/s6378-nathan-luehr-simplyfing-multi-gpu-communication-nvshmem.pdf)"
    " -> Not a paper but good to read.\n"
    "* [GPUnet: Networking Abstractions for GPU Programs](https://www.usenix.org/system/files/"
    "conference/osdi14/osdi14-paper-kim.pdf)\n"
)


def test_the_lists_own_word_that_an_entry_is_no_paper_is_taken() -> None:
    papers, skipped = _read(GPU_NIC)
    assert papers == {
        5: (
            "GGAS: Global GPU Address Spaces for Efficient Communication in Heterogeneous Clusters",
            "",
            None,
        ),
        7: ("GPUnet: Networking Abstractions for GPU Programs", "", None),
    }
    assert skipped[6] == "blogs, docs, slides or other non-papers"


@pytest.mark.parametrize(
    "remark",
    [
        "not a paper for beginners",  # says what kind of paper it is not
        "classic, not a paper I would skip",
        "a paper to read twice",
    ],
)
def test_a_remark_that_only_mentions_a_paper_leaves_the_entry_a_paper(remark: str) -> None:
    text = (
        "# Reading\n\n"
        "- [Spanner: Google's Globally-Distributed Database](https://example.com/spanner.pdf)"
        f" - {remark}\n"
        "- [The Design and Implementation of a Log-Structured File System]"
        "(https://example.com/lfs.pdf)\n"
    )
    papers, skipped = _read(text)
    assert sorted(title for title, _, _ in papers.values()) == [
        "Spanner: Google's Globally-Distributed Database",
        "The Design and Implementation of a Log-Structured File System",
    ]
    assert skipped == {}


# dgryski/awesome-consensus README.md @ 0232c97c82c3638e36dbe7dde2bf403f86224e12
VIEWSTAMPED = (
    "## Viewstamped Replication\n"
    "\n"
    "* [Viewstamped Replication: A New Primary Copy Method to Support Highly-Available"
    " Distributed Systems](http://www.cs.princeton.edu/courses/archive/fall09/cos518/papers/"
    "viewstamped.pdf) Liskov '88\n"
    "* [Viewstamped Replication Revisited](http://pmg.csail.mit.edu/papers/vr-revisited.pdf)\n"
)


def test_a_surname_and_a_two_digit_year_date_the_paper() -> None:
    papers, _ = _read(VIEWSTAMPED)
    vr = (
        "Viewstamped Replication: A New Primary Copy Method to Support Highly-Available"
        " Distributed Systems"
    )
    assert papers == {3: (vr, "", 1988), 4: ("Viewstamped Replication Revisited", "", None)}


@given(_SURNAME, st.integers(min_value=0, max_value=99), st.sampled_from(["'", "’"]))
def test_a_closing_surname_and_two_digit_year_is_a_year(surname: str, yy: int, mark: str) -> None:
    assert names_year(f" {surname} {mark}{yy:02d}") == (2000 + yy if yy < 70 else 1900 + yy)
    assert names_year(f" {surname.lower()} {mark}{yy:02d}") is None  # a word, not a surname


def test_bibtex_braces_leave_the_title_but_tex_markup_stays() -> None:
    # zl-cs/Awesome-System-for-Machine-Learning inference.md @
    # 095c59d0736ec2cd2720b6057656ec1ec8a065b1 (the title as a link)
    text = (
        "- [{PRETZEL}: Opening the Black Box of Machine Learning Prediction Serving Systems]"
        "(https://www.usenix.org/system/files/osdi18-lee.pdf)\n"
        "- [D$^{2}$MoE: Dual Routing and Dynamic Scheduling for Efficient On-Device MoE-based"
        " LLM Serving](http://arxiv.org/abs/2505.15432)\n"
    )
    papers, _ = _read(text)
    assert [title for title, _, _ in papers.values()] == [
        "PRETZEL: Opening the Black Box of Machine Learning Prediction Serving Systems",
        "D$^{2}$MoE: Dual Routing and Dynamic Scheduling for Efficient On-Device MoE-based"
        " LLM Serving",
    ]


# quentin-audinet/Master-Thesis literatures/README.md: "... G Fournier, et al. DEFCON 29, 2021."
@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("DEFCON 29, 2021", VenueGuess("DEFCON 29", 2021)),  # was "DE 2021": "FCON 29" a date
        ("VLDB Sept 5, 2022", VenueGuess("VLDB", 2022)),  # a month and its day still go
        ("SOSP Oct 2021", VenueGuess("SOSP", 2021)),
    ],
)
def test_a_date_never_starts_inside_the_venues_name(text: str, venue: VenueGuess) -> None:
    assert parse_venue(text) == venue


@given(st.text("BCDFGHKLNPQRSTVWXZ", min_size=3, max_size=9), st.integers(1, 99))
def test_a_word_and_a_number_before_the_year_keep_the_word_whole(word: str, day: int) -> None:
    found = parse_venue(f"{word} {day}, 2021")
    assert found is None or found.name.startswith(word)
