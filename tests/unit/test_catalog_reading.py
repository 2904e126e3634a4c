"""How a careful reader settles a few lists: session names, proceedings titles, books, pages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog import engine, fields
from papershelf.catalog.decide import Evidence, decide
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import LABELS, NON_PAPERS, PROSE, kind_of
from papershelf.catalog.venue_text import venue_in


def _read(text: str) -> tuple[dict[int, tuple[str, str, int | None]], dict[int, str]]:
    parsed = parse_list(text, source="t.md")
    papers = {p.line: (p.title, p.venue, p.year) for p in parsed.papers}
    return papers, {line: kind_of(why) for line, why in parsed.skipped}


def test_session_names_beside_a_session_with_papers_are_not_papers() -> None:
    text = (
        "# Papers of interest in SIGCOMM 22\n\n"
        "1. Congestion Control\n"
        "2. Sensing and Wireless Communication\n"
        "3. _Programmable Data Planes_\n"
        "    - Predictable vFabric on Informative Data Plane\n"
        "    - Stateful Multi-Pipelined Programmable Switches\n"
        "4. Denial of Service Defense and Storage Networks\n"
    )
    papers, skipped = _read(text)
    assert sorted(papers) == [6, 7]
    assert papers[6] == ("Predictable vFabric on Informative Data Plane", "SIGCOMM 2022", 2022)
    assert skipped[4] == skipped[8] == LABELS


def test_plain_titles_without_a_category_beside_them_stay_papers() -> None:
    text = "# ACM 2022\n- Solving PBQP-based register allocation using deep learning\n"
    papers, _ = _read(text)
    assert papers[2][1] == "ACM 2022"


def test_a_proceedings_title_with_a_period_inside_is_one_venue() -> None:
    tail = "Li and Clark. Proceedings International Conference on Design. VLSI in Chips, 1998."
    found = venue_in(tail)
    assert found is not None and found.year == 1998
    assert found.name == "Proceedings International Conference on Design. VLSI in Chips"


def test_books_and_vendor_pages_in_a_citation_list_are_not_papers() -> None:
    text = (
        "## Reading\n"
        "  * Ann Lee, Bo Chen, and Cy Diaz. 2012. Inside Solid State Drives (SSDs). Springer "
        "Publishing Company, Incorporated. https://dl.acm.org/doi/10.5555/2412028\n"
        "  * Open Compute Project, Flash Storage, https://www.vendor.example/ocp-v1-0\n"
        "  * Improving Flash Storage by Caching Mapping Tables, https://www.usenix.org/x/jeong\n"
        "  * LearnedFTL: A Learning-Based Page-Level FTL, "
        "https://doi.ieeecomputersociety.org/10.1109/HPCA57654.2024.00054\n"
    )
    papers, skipped = _read(text)
    assert sorted(papers) == [4, 5]
    assert skipped[2] == skipped[3] == NON_PAPERS


def test_authors_with_affiliations_after_a_plain_title_are_cut_off() -> None:
    text = (
        "## Reading\n"
        "  * SpanDB: A Fast, Cost-Effective LSM-tree Based KV Store, Hao Chen, University of "
        "Science and Technology of China; Chaoyi Ruan, University of X, "
        "https://www.usenix.org/conference/fast21/presentation/chen-hao\n"
    )
    papers, _ = _read(text)
    assert papers[2][0] == "SpanDB: A Fast, Cost-Effective LSM-tree Based KV Store"


@given(st.text(max_size=40))
def test_word_count_counts_words_holding_a_letter_or_digit(text: str) -> None:
    expected = len([w for w in text.split() if any(ch.isalnum() for ch in w)])
    assert fields.word_count(text) == expected


@given(st.text(max_size=40))
def test_title_keys_keep_exactly_the_letters_and_digits(text: str) -> None:
    assert engine._key(text) == "".join(ch for ch in text.casefold() if ch.isalnum())


@pytest.mark.parametrize(
    ("title", "href"),
    [
        ("Now anyone can train Imagenet in 18 minutes", "https://www.fast.ai/2018/08/10/imagenet/"),
        ("Federated Learning: Collaborative Learning", "https://ai.googleblog.com/2017/04/fl.html"),
        ("Introducing FBLearner Flow: Facebook's AI backbone", "https://engineering.fb.com/x/"),
        ("Visual intuition on ring-Allreduce", "https://towardsdatascience.com/visual-d1f3"),
        ("KubeFlow: Kubernetes Pipeline Orchestration Framework", "https://www.kubeflow.org/"),
        ("Principles of Computer System Design", "https://www.sciencedirect.com/book/978012/p"),
        ("suggested projects for the course", "https://docs.google.com/document/d/1c/edit#"),
        ("Kevin Murphy's Textbook Introduction to Machine Learning", "https://x.edu/ml.pdf"),
        ("Data Engineering Bulletin: Machine Learning Life-cycle", "http://sites.computer.org/a"),
        ("Post on Compute in ML", "http://www.incompleteideas.net/IncIdeas/BitterLesson.html"),
        ("Writing a Time Series Database from Scratch", "https://fabxc.org/tsdb/"),
        ("How to Build a Key-Value Store", "https://build.example.org/kv/"),
        ("The Algorithmic Foundations of Differential Privacy",
         "https://www.cis.upenn.edu/~aaroth/Papers/privacybook.pdf"),
        ("Dive into Deep Learning", "https://d2l.ai/d2l-en-book.pdf"),
    ],
)  # fmt: skip
def test_blogs_sites_books_and_forms_are_not_papers(title: str, href: str) -> None:
    assert decide(Evidence(title=title, href=href, has_venue=False, paper_links=0)) == NON_PAPERS


@pytest.mark.parametrize(
    ("title", "href"),
    [
        ("Resource Central: Understanding VM Workloads", "https://www.microsoft.com/en-us/research"
         "/wp-content/uploads/2017/10/Resource-Central-SOSP17.pdf"),
        ("Post-Training Quantization for Vision Transformers", "https://arxiv.org/abs/2106.14156"),
        ("Spark: Cluster Computing with Working Sets", "https://people.csail.mit.edu/spark.pdf"),
        ("How to read a paper", "https://web.stanford.edu/class/ee384m/HowtoReadPaper.pdf"),
        ("Building a Bw-Tree Takes More Than Just Buzz Words", "https://dl.acm.org/doi/1"),
        ("Reproducible Research with Jupyter", "https://x.edu/pubs/notebook.pdf"),
        ("Concurrency Control and Recovery", "https://x.edu/pubs/handbook.pdf"),
    ],
)  # fmt: skip
def test_papers_on_dated_paths_and_post_titles_stay_papers(title: str, href: str) -> None:
    assert decide(Evidence(title=title, href=href, has_venue=False, paper_links=0)) is None


def test_a_project_home_beside_its_paper_link_is_a_paper() -> None:
    home = Evidence(title="Ray", href="https://www.ray.io/", has_venue=False, paper_links=1)
    assert decide(home) is None


def test_a_venue_named_after_the_title_in_prose() -> None:
    text = (
        "The [Prediction-Serving Systems: What happens when we deploy a model?]"
        "(https://queue.acm.org/detail.cfm?id=3210557) ACM Queue article provides an overview.\n"
    )
    papers, _ = _read(text)
    assert papers[1][1] == "ACM Queue"


def test_a_lower_case_phrase_inside_a_sentence_is_not_a_title() -> None:
    text = (
        "* [How to read a paper](https://web.stanford.edu/HowtoReadPaper.pdf) gives advice.\n"
        "* Timothy Roscoe's [writing reviews for systems conferences]"
        "(https://people.inf.ethz.ch/troscoe/pubs/review-writing.pdf) will also help you.\n"
        "* Leslie Lamport's [Paxos Made Simple](https://lamport.org/pubs/paxos-simple.pdf)\n"
    )
    found = engine.read_list(text)
    assert [(e.line, e.title) for e in found.entries] == [
        (1, "How to read a paper"),
        (3, "Paxos Made Simple"),
    ]
    assert [(line, kind_of(why)) for line, why in found.skipped] == [(2, PROSE)]
