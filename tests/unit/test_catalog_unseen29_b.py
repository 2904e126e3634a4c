"""The twenty-ninth round of real lists, continued: a reader's log that names each paper's
system or topic before its linked title.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen29/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.engine import read_list

from .excerpts import read_excerpt as _read

_WORD = st.sampled_from(["Serving", "Cache", "Memory", "Decoding", "Batching", "for", "with"])
_VENUE_NAME = st.sampled_from(["OSDI", "MLSys", "EuroSys", "NSDI", "ICML", "ASPLOS"])
_SAYINGS = ["Accepted at", "Accepted to the", "To appear in", "Published in", "accepted by"]
_KEY = st.sampled_from(
    ["PagedAttention vLLM", "PD 分离, goodput", "SGLang RadixAttention", "KV cache, offloading"]
)

# Livinfly/MLsys-Learning-Record-2 README.md @ 1fd64c9bf4684d05457eb95ed30d5fa44c81768b
READ_LOG = (
    "## 经典论文\n"
    "\n"
    "- [x] Continuous Batch [Orca A Distributed Serving System for Transformer-Based Generative"
    " Models](./notes/ContinuousBatch.md)\n"
    "- [x] PagedAttention vLLM [Efficient Memory Management for Large Language Model Serving"
    " with PagedAttention](./notes/PagedAttention.md)\n"
    "- [x] PD 分离, goodput, latency-sentive, DistServe [DistServe Disaggregating Prefill and"
    " Decoding for Goodput-optimized Large Language Model Serving](./notes/DistServe.md)\n"
)


def test_key_words_before_a_linked_title_label_it() -> None:
    papers, _ = _read(READ_LOG)
    paged = "Efficient Memory Management for Large Language Model Serving with PagedAttention"
    dist = (
        "DistServe Disaggregating Prefill and Decoding for Goodput-optimized Large Language"
        " Model Serving"
    )
    assert papers == {
        3: ("Orca A Distributed Serving System for Transformer-Based Generative Models", "", None),
        4: (paged, "", None),
        5: (dist, "", None),
    }


def test_a_sentence_around_a_link_is_no_key_word() -> None:
    from papershelf.catalog.keyword_leads import keyword_lead
    from papershelf.catalog.spans import Span

    link = Span("The Design of Serving Systems", "https://example.org/design")
    assert keyword_lead([Span("vLLM "), link], link)
    assert not keyword_lead([Span("For background see "), link], link)  # a sentence
    assert not keyword_lead([Span("vLLM "), link, Span(" which we read")], link)  # words after
    short = Span("Design notes", "notes.md")  # a label of two words titles no paper
    assert not keyword_lead([Span("vLLM "), short], short)


@given(_KEY, st.lists(_WORD, min_size=5, max_size=8))
def test_any_key_word_before_a_noted_title(key: str, words: list[str]) -> None:
    # the general reader's own reading (a one-line list may be kept in a seed family's)
    title = "Efficient " + " ".join(words)
    found = read_list(f"- [x] {key} [{title}](./notes/Serving.md)\n")
    assert [entry.title for entry in found.entries] == [title]


# byungsoo-oh/ml-systems-papers README.md @ 01ab770248583ce581e70690bcc9ef5302a44870
CROSS_LISTED = (
    "### 2.2 Resource scheduling\n"
    "- [NSDI'23] Shockwave: Proactive, Fair, and Efficient Cluster Scheduling for Dynamic"
    " Adaptation in Machine Learning\n"
    "- [EuroSys'23] SiloD: A Co-design of Caching and Scheduling for Deep Learning Clusters"
    " [also in [1.2](#12-caching)]\n"
    "- [EuroSys'23] Lyra: Elastic Scheduling for Deep Learning Clusters\n"
)


def test_a_pointer_to_another_section_is_no_table_of_contents() -> None:
    papers, _ = _read(CROSS_LISTED)
    shockwave = (
        "Shockwave: Proactive, Fair, and Efficient Cluster Scheduling for Dynamic Adaptation"
        " in Machine Learning"
    )
    assert papers == {
        2: (shockwave, "NSDI 2023", 2023),
        3: (
            "SiloD: A Co-design of Caching and Scheduling for Deep Learning Clusters",
            "EuroSys 2023",
            2023,
        ),
        4: ("Lyra: Elastic Scheduling for Deep Learning Clusters", "EuroSys 2023", 2023),
    }
    contents = (
        "- [Resource scheduling](#22-resource-scheduling)\n- [GPU sharing](#23-gpu-sharing)\n"
    )
    papers, skipped = _read(contents + "\n" + CROSS_LISTED)
    assert set(papers) == {5, 6, 7} and skipped[1] == skipped[2] == "table-of-contents links"


# Hdksg10/DailyArxiv .github/ISSUE_TEMPLATE.md @ 01233af89d4dc884d9daa26577f322623376dc4e
DIGEST = (
    "## reinforcement learning\n"
    "| **Title** | **Date** | **Comment** |\n"
    "| --- | --- | --- |\n"
    "| **[Meta-Reinforcement Learning with Discrete World Models for Adaptive Load Balancing]"
    "(http://arxiv.org/abs/2503.08872v1)** | 2025-03-11 | <details><summary>6 pag...</summary>"
    "<p>6 pages, 1 figure, to be published in ACMSE 2025</p></details> |\n"
    "| **[Enhancing Adaptive Mixed-Criticality Scheduling with Deep Reinforcement Learning]"
    "(http://arxiv.org/abs/2411.00572v1)** | 2024-11-01 | <details><summary>Versi...</summary>"
    "<p>Version submitted to RTNS 2024, on 17/08/2024 (with some typos fixed)</p></details> |\n"
    "| **[Multi-level Explanation of Deep Reinforcement Learning-based Scheduling]"
    "(http://arxiv.org/abs/2209.09645v1)** | 2022-09-18 | <details><summary>Accep...</summary>"
    "<p>Accepted in the MLSys'22 Workshop on Cloud Intelligence / AIOps</p></details> |\n"
    "| **[SoCRATES: System-on-Chip Resource Adaptive Scheduling using Deep Reinforcement"
    " Learning](http://arxiv.org/abs/2104.14354v3)** | 2021-10-12 | <details><summary>This"
    " ...</summary><p>This paper has been accepted for publication by 20th IEEE International"
    " Conference on Machine Learning and Applications (ICMLA 2021). The copyright is with the"
    " IEEE</p></details> |\n"
    "| **[Data Centers Job Scheduling with Deep Reinforcement Learning]"
    "(http://arxiv.org/abs/1909.07820v2)** | 2020-03-01 | 13 pages |\n"
)


def test_a_comment_that_says_where_the_paper_was_accepted_gives_the_venue() -> None:
    papers, _ = _read(DIGEST)
    assert papers == {
        4: (
            "Meta-Reinforcement Learning with Discrete World Models for Adaptive Load Balancing",
            "ACMSE 2025",
            2025,
        ),
        # submitted is not accepted: no venue yet, the digest's date gives the year
        5: (
            "Enhancing Adaptive Mixed-Criticality Scheduling with Deep Reinforcement Learning",
            "",
            2024,
        ),
        6: (
            "Multi-level Explanation of Deep Reinforcement Learning-based Scheduling",
            "MLSys 2022",
            2022,
        ),
        7: (
            "SoCRATES: System-on-Chip Resource Adaptive Scheduling using Deep Reinforcement"
            " Learning",
            "ICMLA 2021",
            2021,
        ),
        8: ("Data Centers Job Scheduling with Deep Reinforcement Learning", "", 2020),
    }


@given(_VENUE_NAME, st.integers(min_value=2000, max_value=2029), st.sampled_from(_SAYINGS))
def test_any_acceptance_in_a_comment(venue: str, year: int, saying: str) -> None:
    from papershelf.catalog.accepted_notes import accepted_venue

    found = accepted_venue(f"12 pages, 5 figures. {saying} {venue} {year}")
    assert found is not None and (found.name, found.year) == (venue, year)
    assert accepted_venue(f"12 pages. Submitted to {venue} {year}") is None
