"""The eleventh round of real lists (test_catalog_unseen11.py): the rest of its excerpts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.candidates import read_document
from papershelf.catalog.fields import is_generic
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.plain_titles import lists_plain_titles
from papershelf.catalog.skips import LABELS, NON_PAPERS, TOOLS
from papershelf.catalog.table_refs import ShortNames

from .excerpts import read_excerpt as _read
from .test_catalog_unseen11 import _WORDS

# RUCAIBox/Top-conference-paper-list ICLR_2023_LLM_papers.md @ 0f98d7bd: a conference's
# papers by topic, plain titles and no link anywhere but the table of contents; the venue is
# only in the file's name, so none is read.
PLAIN_TITLES_BY_TOPIC = """\
# Catalog(目录)
- [Training【训练】](#training训练)
- [Utilization【使用】](#utilization使用)

## Training【训练】
- Knowledge-in-Context: Towards Knowledgeable Semi-Parametric Language Models
- Not All Tasks Are Born Equal: Understanding Zero-Shot Generalization
- CodeGen: An Open Large Language Model for Code with Multi-Turn Program Synthesis
- Learning to Grow Pretrained Models for Efficient Transformer Training

## Utilization【使用】
### In-Context Learning【上下文学习】
- What learning algorithm is in-context learning? Investigations with linear models
- Ask Me Anything: A simple strategy for prompting language models
- Large Language Models are Human-Level Prompt Engineers
- kNN Prompting: Beyond-Context Learning with Calibration-Free Nearest Neighbor Inference
- Selective Annotation Makes Language Models Better Few-Shot Learners
- UL2: Unifying Language Learning Paradigms
"""


def test_a_list_of_plain_titles_with_no_links_is_a_list_of_papers() -> None:
    papers, skipped = _read(PLAIN_TITLES_BY_TOPIC)
    assert sorted(papers) == [6, 7, 8, 9, 13, 14, 15, 16, 17, 18]
    assert papers[14] == (
        "Ask Me Anything: A simple strategy for prompting language models",
        "",
        None,
    )
    assert papers[15] == ("Large Language Models are Human-Level Prompt Engineers", "", None)
    assert set(skipped) == {2, 3}


_POINTS = st.sampled_from(
    [
        "Fast: runs on one GPU with no setup.",
        "Install it with pip and run the server",
        "Metadata",
        "Docs: see the wiki for the full guide.",
        "**Scales:** to a thousand GPUs without a change",
        "Sparse attention, prefill latency, KV cache compression",
        "v1.2: Added support for multiple GPUs",
        "2024-03-01: New command line tool for imports",
        "Fast: runs on one GPU with no setup",
        "Fast: Written in Rust for Speed and Safety",
        "Consensus: Agreement Among Replicas on One Value",
        "Week 3: Storage Engines Deep Dive",
        "RDMA: Remote Direct Memory Access Explained",
        "Simple: One Binary With No Dependencies",
    ]
)


@given(st.lists(_POINTS, min_size=6, max_size=20))
def test_a_list_of_features_or_notes_is_no_list_of_titles(points: list[str]) -> None:
    """Sentences, labels, bold-keyed points, a changelog, a glossary's terms, a schedule's
    weeks: nothing shows a list of titles (no name among them is coined as a system's)."""
    text = "## Features\n" + "".join(f"- {p}\n" for p in points)
    assert not lists_plain_titles(read_document(text).candidates)


@given(st.integers(min_value=2, max_value=8))
def test_titles_that_come_with_links_are_read_by_their_links(linked: int) -> None:
    """A list that links most entries names its papers by links: its plain items stay plain."""
    titles = [f"- Sys{i}: Learning Efficient Memory for Graph Agents\n" for i in range(6)]
    links = [f"- [Tool {i}](https://github.com/a/b{i})\n" for i in range(linked)]
    assert not lists_plain_titles(read_document("".join(titles + links)).candidates)


# ZhenWZ/llm-systems-papers README.md @ 014c4aa7: a heading over the repository's own
# pages ("Source: [web/](web/)"), a table of topics naming papers by their systems, then the
# papers' table with plain titles and a links column.
README_WITH_NAVIGATION = """\
## Frontend Dashboard

- Dashboard: https://zhenwz.github.io/llm-systems-papers/
- Source: [web/](web/)

## 分类导航

| 系统层分类 | 关注问题 | 论文 |
| --- | --- | --- |
| [Kernel & Operator Systems](categories/kernel-and-operator-systems.md) | GEMM epilogue fusion | CODA |
| [Long-Context Attention & KV Cache](categories/long-context-attention-and-kv-cache.md) | sparse attention | Stem, SALS |

## 阅读优先级

| 优先级 | 论文 | 链接 |
| --- | --- | --- |
| P0 | Stem: Rethinking Causal Information Flow in Sparse Attention | [arXiv](https://arxiv.org/abs/2603.06274) |
| P1 | CODA: Rewriting Transformer Blocks as GEMM-Epilogue Programs | [arXiv](https://arxiv.org/abs/2605.19269), [code](https://github.com/HanGuo97/coda-kernels) |
"""  # noqa: E501


def test_a_heading_over_the_repository_s_own_pages_and_names_of_systems_are_no_papers() -> None:
    papers, skipped = _read(README_WITH_NAVIGATION)
    assert [title for title, _, _ in papers.values()] == [
        "Stem: Rethinking Causal Information Flow in Sparse Attention",
        "CODA: Rewriting Transformer Blocks as GEMM-Epilogue Programs",
    ]
    assert skipped[11] == LABELS


@given(st.lists(st.sampled_from(["Stem", "SALS", "DFlash", "vLLM", "GPT-4", "Orca"]), min_size=2))
def test_a_cell_of_one_word_names_names_papers_not_a_title(names: list[str]) -> None:
    assert ShortNames().refers(", ".join(names), [])
    assert not ShortNames().refers("Size, Speed, and Cost of Training", [])


# WooooDyy/LLM-Agent-Paper-List README.md @ 026ca16c: a bold title wrapped over two lines.
WRAPPED_BOLD_TITLE = """\
**In web scenarios**
- [2023/06] **SYNAPSE: Leveraging Few-Shot Exemplars for
Human-Level Computer Control.** *Longtao Zheng (Nanyang Technological University) et al. arXiv.* [[paper](https://arxiv.org/abs/2306.07863)] [[code](https://github.com/ltzheng/synapse)]
- [2023/06] **Mind2Web: Towards a Generalist Agent for the Web.** *Xiang Deng (The Ohio State University) et al. arXiv.* [[paper](https://arxiv.org/abs/2306.06070)]
"""  # noqa: E501


def test_a_bold_title_wrapped_over_two_lines_is_one_title() -> None:
    papers, _ = _read(WRAPPED_BOLD_TITLE)
    assert papers == {
        2: (
            "SYNAPSE: Leveraging Few-Shot Exemplars for Human-Level Computer Control",
            "arXiv 2023",
            2023,
        ),
        4: ("Mind2Web: Towards a Generalist Agent for the Web", "arXiv 2023", 2023),
    }


# srg-ics-uplb/cmsc291modistsys readings.md @ 00402f00: a course's readings, then a section
# of other reading lists (one a lab's page of its papers, on a university's host).
OTHER_LISTS = """\
## Industry Production Systems
* [The Google File System](https://static.googleusercontent.com/media/research.google.com/en//archive/gfs-sosp2003.pdf). Sanjay Ghemawat et al. SOSP 2003.
* [Kafka: A Distributed Messaging System for Log Processing](https://www.microsoft.com/en-us/research/wp-content/uploads/2017/09/Kafka.pdf). J. Kreps et al. NetDB Workshop 2011

## Other Lists
* [Distributed Systems Reading Group by Aleksey Charapko](http://charap.co/category/reading-group/)
* [MIT Distributed Systems Reasearch Group](http://dsrg.pdos.csail.mit.edu/papers/)
* [Damian Gryski's Resources for Concensus and Distribued Lock Services](https://github.com/dgryski/awesome-consensus)
"""  # noqa: E501


def test_a_lab_s_page_in_a_section_of_other_lists_is_no_paper() -> None:
    """A university's host vouches for a paper elsewhere; among other lists it is a list."""
    papers, skipped = _read(OTHER_LISTS)
    assert papers == {
        2: ("The Google File System", "SOSP 2003", 2003),
        3: ("Kafka: A Distributed Messaging System for Log Processing", "NetDB 2011", 2011),
    }
    assert skipped == {6: NON_PAPERS, 7: NON_PAPERS, 8: TOOLS}


# srg-ics-uplb/cmsc291modistsys readings.md @ 00402f00: a journal paper cited with its volume
# and number between the journal's name and the year.
JOURNAL_VOLUME = """\
#### Causality/Transactions
* [Linearizability: A Correctness Condition for Concurrent Objects](https://cs.brown.edu/~mph/HerlihyW90/p463-herlihy.pdf). M. P. Herlihy and J. M. Wing. ACM TOPLAS Vol. 12 No. 3 1990.
* [Calvin: Fast Distributed Transactions for Partitioned Database Systems](https://www.cs.umd.edu/~abadi/papers/calvin-sigmod12.pdf). A. Thomson et al. ACM SIGMOD 2012.
"""  # noqa: E501


def test_a_journal_s_volume_and_number_are_no_part_of_its_name() -> None:
    papers, _ = _read(JOURNAL_VOLUME)
    assert papers[2] == (
        "Linearizability: A Correctness Condition for Concurrent Objects",
        "ACM TOPLAS 1990",
        1990,
    )


@given(
    st.sampled_from(["IEEE Micro", "ACM TOPLAS", "CACM", "ACM TOCS"]),
    st.sampled_from(["Vol. {v} No. {n}", ", vol. {v}, no. {n},", " Volume {v} Issue {n}"]),
    st.integers(min_value=1, max_value=60),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1970, max_value=2025),
)
def test_volume_and_issue_between_a_journal_and_its_year_are_passed_over(
    journal: str, where: str, volume: int, number: int, year: int
) -> None:
    cited = f"{journal} {where.format(v=volume, n=number)} {year}".replace("  ", " ")
    line = f"* [Sys: Learning Efficient Memory](https://example.org/p.pdf). A. B. Name. {cited}.\n"
    (paper,) = parse_list(line, source="excerpt.md").papers
    assert paper.venue == f"{journal} {year}"


# papers-we-love/papers-we-love distributed_systems/README.md @ 02a99947: a scroll marks the
# papers the repository hosts, as a link of its own before the title's or before a title
# linked to the hosted copy.
SCROLL_MARKERS = """\
## External Papers

* [:scroll:](a-note-on-distributed-computing.pdf) [A Note on Distributed Computing](http://www.eecs.harvard.edu/~waldo/Readings/waldo-94.pdf)

* [A simple totally ordered broadcast protocol](http://diyhpl.us/~bryan/papers2/distributed/distributed-systems/zab.totally-ordered-broadcast-protocol.2008.pdf)

* [Above the Clouds: A Berkeley View of Cloud Computing](http://www.eecs.berkeley.edu/Pubs/TechRpts/2009/EECS-2009-28.pdf)

## Other Hosted Papers

* :scroll: [Byzantine Chain Replication](bizantine-chain-replication.pdf)

* :scroll: [Consistent Hashing and Random Trees:
Distributed Caching Protocols for Relieving Hot Spots on the World Wide Web](consistent-hashing-and-random-trees.pdf)
"""  # noqa: E501


def test_a_marker_link_before_the_title_s_link_is_one_of_its_links() -> None:
    papers, _ = _read(SCROLL_MARKERS)
    assert [title for title, _, _ in papers.values()] == [
        "A Note on Distributed Computing",
        "A simple totally ordered broadcast protocol",
        "Above the Clouds: A Berkeley View of Cloud Computing",
        "Byzantine Chain Replication",
        "Consistent Hashing and Random Trees: Distributed Caching Protocols for Relieving Hot "
        "Spots on the World Wide Web",
    ]


@given(
    st.sampled_from([":scroll:", "pdf", "🔗", "[PDF]", ":page_facing_up:"]),
    st.lists(_WORDS, min_size=3, max_size=8),
)
def test_the_title_after_a_marker_link_is_the_entry_s(marker: str, words: list[str]) -> None:
    title = "Sys: " + " ".join(words)
    text = f"- [{marker}](copy.pdf) [{title}](https://example.org/paper)\n"
    (paper,) = parse_list(text, source="excerpt.md").papers
    assert paper.title == title
    assert is_generic(marker)
