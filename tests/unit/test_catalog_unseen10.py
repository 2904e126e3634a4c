"""Shapes met in a tenth round of real lists outside the shared corpora, from short excerpts.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen10/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.tail_cite import dated_note, noted_venue
from papershelf.catalog.venue import is_venue_heading

from .excerpts import read_excerpt as _read

# HuaizhengZhang/AI-System-School conference.md @ 119e58f0: "## Year 2020" over venue
# headings that carry a link to the program ("### ATC 2020 [[Program]](...)").
YEAR_OVER_VENUES = """\
## Year 2020

### ATC 2020 [[Program]](https://www.usenix.org/conference/atc20/technical-sessions)

- Offload Annotations: Bringing Heterogeneous Computing to Existing Libraries and Workloads [[Paper]](https://www.usenix.org/conference/atc20/presentation/yuan)
  - Gina Yuan, Shoumik Palkar, Deepak Narayanan, and Matei Zaharia, Stanford University
- ALERT: Accurate Learning for Energy and Timeliness [[Paper]](https://www.usenix.org/conference/atc20/presentation/wan)
  - Chengcheng Wan, Muhammad Santriaji, Eri Rogers, Henry Hoffmann, Michael Maire, and Shan Lu, University of Chicago

### NSDI 2020

- Telekine: Secure Computing with Cloud GPUs [[Paper]](https://www.usenix.org/system/files/nsdi20-paper-hunt.pdf)
  - Tyler Hunt, Zhipeng Jia, Vance Miller, Ariel Szekely, and Yige Hu, The University of Texas at Austin
"""  # noqa: E501


def test_a_year_heading_dates_its_section_but_names_no_venue() -> None:
    papers, _ = _read(YEAR_OVER_VENUES)
    assert papers == {
        5: (
            "Offload Annotations: Bringing Heterogeneous Computing to Existing Libraries and "
            "Workloads",
            "ATC 2020",
            2020,
        ),
        7: ("ALERT: Accurate Learning for Energy and Timeliness", "ATC 2020", 2020),
        12: ("Telekine: Secure Computing with Cloud GPUs", "NSDI 2020", 2020),
    }


@given(
    st.sampled_from(["Year", "Update on", "Spring", "Fall", "Week", "Since"]),
    st.integers(min_value=1990, max_value=2030),
)
def test_a_date_s_words_before_a_year_name_no_venue(words: str, year: int) -> None:
    assert not is_venue_heading(f"{words} {year}")
    assert is_venue_heading(f"OSDI {year}")


# ZJLi2013/awesome_llm_inference_trends README.md @ 28a28ed1: plain titles dated with the
# lab behind them, "(2025, ShangHai AI Lab)"; no links anywhere; names of systems and
# models alone are no papers.
DATED_PLAIN_TITLES = """\
## Attentions

* FlashAttn Series
    1. FlashAttn v1: Fast and memory efficient exact attention with IO-awareness (2022, Stanford)
    2. FlashAttn v2: Faster Attention with Better Parallelism and work parition (2023, Stanford)

* LinearAttn Series
    * Gated Linear Attention Transformers with hardware-efficient training (2024)
    * Linear Attention Sequence Parallelism (2025, ShangHai AI Lab)
    * RingAttn: with blockwise transformers for near-infinite context(2023, UC Berkely)

## Parallelism

* USP: A unified sequence parallel approach for long context Generative AI (2024， FangJiarui)
* DejaVu: contextual sparisty for efficient LLMs at inference time （2023)

## Inference Frameworks

* vLLM (2023, UCB)

## reasoning models

* DeepSeek-R1
"""


def test_a_year_and_a_lab_closing_a_plain_title_date_a_paper_and_name_no_venue() -> None:
    papers, skipped = _read(DATED_PLAIN_TITLES)
    assert papers == {
        4: (
            "FlashAttn v1: Fast and memory efficient exact attention with IO-awareness",
            "",
            2022,
        ),
        5: ("FlashAttn v2: Faster Attention with Better Parallelism and work parition", "", 2023),
        8: ("Gated Linear Attention Transformers with hardware-efficient training", "", 2024),
        9: ("Linear Attention Sequence Parallelism", "", 2025),
        10: ("RingAttn: with blockwise transformers for near-infinite context", "", 2023),
        14: ("USP: A unified sequence parallel approach for long context Generative AI", "", 2024),
        15: ("DejaVu: contextual sparisty for efficient LLMs at inference time", "", 2023),
    }
    assert set(skipped) >= {19, 23}  # vLLM, DeepSeek-R1: names alone
    parsed = parse_list(DATED_PLAIN_TITLES, source="excerpt.md")
    by_line = {p.line: p for p in parsed.papers}
    assert by_line[9].affiliations == ("ShangHai AI Lab",)


@pytest.mark.parametrize("heading", ["# Papers", "# Reading list"])
def test_dated_plain_titles_of_a_flat_list_are_dated_whichever_reader_reads_it(
    heading: str,
) -> None:
    """A flat list the seed readers also read (a ``Papers`` title makes it sectioned):
    the dates the general reader reads make its reading the fuller one."""
    text = (
        f"{heading}\n\n## Serving\n\n"
        "- Efficient Memory Management for Large Language Model Serving with PagedAttention"
        " (2023, UC Berkeley)\n"
        "- Orca: A Distributed Serving System for Transformer-Based Generative Models"
        " (2022, Seoul National University)\n"
    )
    papers, _ = _read(text)
    assert papers == {
        5: (
            "Efficient Memory Management for Large Language Model Serving with PagedAttention",
            "",
            2023,
        ),
        6: ("Orca: A Distributed Serving System for Transformer-Based Generative Models", "", 2022),
    }


@given(
    st.integers(min_value=1990, max_value=2030),
    st.sampled_from(["Meta", "ShangHai AI Lab", "UC Berkely", "SongHan", "NV, Together AI"]),
    st.sampled_from([", ", "， ", ","]),
)
def test_a_year_then_an_organisation_is_a_date_not_a_venue(year: int, who: str, comma: str) -> None:
    inner = f"{year}{comma}{who}"
    assert noted_venue(inner) is None
    dated = dated_note(inner)
    assert dated is not None and dated[0] == year
    assert ", ".join(dated[1]) == who


def test_a_year_then_a_venue_is_still_the_venue() -> None:
    found = noted_venue("2018, ArXiv")
    assert found is not None and (found.name, found.year) == ("ArXiv", 2018)
    found = noted_venue("2021 OSDI")
    assert found is not None and (found.name, found.year) == ("OSDI", 2021)


# 5ujinKang/Paper-Wiki README.md @ 61673fd0: "- VENUE / Title" in a <details> block, no
# links, no years; "journal" names a kind of publication, not a venue.
SLASHED_VENUES = """\
# Paper-List
<details>
 <summary>Before 2025</summary>

- ASPLOS / Benchmarking, Analysis, and Optimization of Serverless Function Snapshots

- ATC / SOCK: Rapid Task Provisioning with Serverless-Optimized Containers
- EUROSYS / SEUSS: skip redundant paths to make serverless fast

- SYSTOR / MEGA: Overcoming Traditional Problems with OS Huge Page Management

- UCC / Cold Start Influencing Factors in Function as a Service

- journal / Reducing Minor Page Fault Overheads through Enhanced Page Walker

</details>
"""


def test_a_venue_and_a_slash_before_a_plain_title() -> None:
    papers, _ = _read(SLASHED_VENUES)
    assert papers == {
        5: (
            "Benchmarking, Analysis, and Optimization of Serverless Function Snapshots",
            "ASPLOS",
            None,
        ),
        7: ("SOCK: Rapid Task Provisioning with Serverless-Optimized Containers", "ATC", None),
        8: ("SEUSS: skip redundant paths to make serverless fast", "EUROSYS", None),
        10: ("MEGA: Overcoming Traditional Problems with OS Huge Page Management", "SYSTOR", None),
        12: ("Cold Start Influencing Factors in Function as a Service", "UCC", None),
        14: ("Reducing Minor Page Fault Overheads through Enhanced Page Walker", "", None),
    }


def test_words_around_a_slash_that_name_no_venue_stay_in_the_title() -> None:
    text = "## Papers\n\n- Input / Output Scheduling for Flash Storage Devices (2019)\n"
    papers, _ = _read(text)
    assert papers == {3: ("Input / Output Scheduling for Flash Storage Devices", "", 2019)}


def test_an_acronym_before_a_slash_is_a_venue_only_when_it_names_a_series() -> None:
    """``TCP / IP``, ``UDP / TCP``: words in capitals, no conference (a known one is)."""
    text = (
        "## Networking\n\n"
        "- TCP / IP Illustrated and the Protocols of the Internet (1994)\n"
        "- UDP / TCP Coexistence in Datacenter Networks (2019)\n"
        "- SYSTOR / Coexistence in Datacenter Networks\n"
    )
    papers, _ = _read(text)
    assert papers == {
        3: ("TCP / IP Illustrated and the Protocols of the Internet", "", 1994),
        4: ("UDP / TCP Coexistence in Datacenter Networks", "", 2019),
        5: ("Coexistence in Datacenter Networks", "SYSTOR", None),
    }


# BoYuanVisionary/inference-on-LLMs README.md @ 17cf4562: a bold title, a hard break, the
# authors and "YYYY.MM." on the next line, then shields.io badges without alt text whose
# path names the venue (orange) or the lab (blue).
BADGED_VENUES = """\
### Inference Scaling Laws

- **An Empirical Analysis of Compute-Optimal Inference for Problem-Solving with Language Models**  
  Yangzhen Wu, Zhiqing Sun, Shanda Li, Sean Welleck, Yiming Yang, 2024.08. ![](https://img.shields.io/badge/Arxiv-orange)

- **Scaling LLM Test-Time Compute Optimally can be More Effective than Scaling Model Parameters**  
  Charlie Snell, Jaehoon Lee, Kelvin Xu, and Aviral Kumar, 2024.08. ![](https://img.shields.io/badge/DeepMind-blue)

- **The Larger the Better? Improved LLM Code-Generation via Budget Reallocation**  
  Michael Hassid, Tal Remez, Jonas Gehring, Roy Schwartz, Yossi Adi 2024.07. ![](https://img.shields.io/badge/COLM-orange) ![](https://img.shields.io/badge/OpenReview-orange)

-  **Reasoning with Language Model is Planning with World Model**    
  Shibo Hao, Yi Gu, Haodi Ma, Joshua Jiahua Hong, Zhen Wang, Daisy Zhe Wang, Zhiting Hu
, 2023.10. ![](https://img.shields.io/badge/EMNLP-orange)
"""  # noqa: W291, E501


def test_a_venue_badge_and_the_date_line_under_a_bold_title() -> None:
    parsed = parse_list(BADGED_VENUES, source="excerpt.md")
    got = {p.line: (p.title, p.venue, p.year, p.authors[:1], p.links) for p in parsed.papers}
    assert got == {
        3: (
            "An Empirical Analysis of Compute-Optimal Inference for Problem-Solving with "
            "Language Models",
            "Arxiv 2024",  # as the badge writes it
            2024,
            ("Yangzhen Wu",),
            (),  # a badge is no link of the paper
        ),
        6: (
            "Scaling LLM Test-Time Compute Optimally can be More Effective than Scaling Model "
            "Parameters",
            "",  # DeepMind: who, not where
            2024,
            ("Charlie Snell",),
            (),
        ),
        9: (
            "The Larger the Better? Improved LLM Code-Generation via Budget Reallocation",
            "COLM 2024",
            2024,
            ("Michael Hassid",),
            (),
        ),
        12: (
            "Reasoning with Language Model is Planning with World Model",
            "EMNLP 2023",
            2023,
            ("Shibo Hao",),
            (),
        ),
    }
