"""The thirty-second round of real lists (LLM, quantization, MoE, agents): badges linked before
an entry's title, a venue badge's label, a table header padded to width, a ``pub`` column,
a venue tag joined to its award by an underscore.

Every excerpt names where it comes from (repository, path and commit, as in
/tmp/unseen32/SOURCES.md); the expectations are what a careful reader of that excerpt would
write down.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog.badge_links import title_first
from papershelf.catalog.header_words import unstretched
from papershelf.catalog.spans import Span
from papershelf.catalog.venue_badges import award_tag, venue_badge

from .excerpts import read_excerpt as _read

_WORD = st.sampled_from(
    ["Sparse", "Quantization", "Experts", "Agents", "Language", "Models", "for", "with"]
)
_VENUE = st.sampled_from(["ICLR", "ICML", "NeurIPS", "ACL", "MLSys", "CVPR", "AAAI"])

# zhengjin-xu11/Model-Quantization README.md @ 0a78f08d11db604ed9dd8ef32ae1f1151a4982c1
QUANTIZATION = (
    "### 2023\n\n"
    "* [![Publish](https://img.shields.io/badge/Conference-ICLR'22-blue)]()"
    " [![Star](https://img.shields.io/github/stars/IST-DASLab/gptq.svg?style=social&label=Star)]"
    "(https://github.com/IST-DASLab/gptq) [GPTQ: Accurate Post-Training Quantization for"
    " Generative Pre-trained Transformers](https://arxiv.org/abs/2210.17323). Elias Frantar,"
    " Saleh Ashkboos, Torsten Hoefler, Dan Alistarh. [[Paper]](https://arxiv.org/abs/2210.17323)"
    " [[Github]](https://github.com/IST-DASLab/gptq)\n\n"
    "* [![Star](https://img.shields.io/github/stars/artidoro/qlora.svg?style=social&label=Star)]"
    "(https://github.com/artidoro/qlora) [QLoRA: Efficient Finetuning of Quantized LLMs]"
    "(https://arxiv.org/abs/2305.14314). Tim Dettmers, Artidoro Pagnoni, Ari Holtzman, Luke"
    " Zettlemoyer. [[Paper]](https://arxiv.org/abs/2305.14314)"
    " [[Github]](https://github.com/artidoro/qlora)\n\n"
    "* [![Publish](https://img.shields.io/badge/Conference-ACL'23%20Findings-blue)]()"
    " [PreQuant: A Task-agnostic Quantization Approach for Pre-trained Language Models]"
    "(https://arxiv.org/abs/2306.00014). Zhuocheng Gong, Jiahao Liu, Qifan Wang, Yang Yang,"
    " Jingang Wang, Wei Wu, Yunsen Xian, Dongyan Zhao, Rui Yan."
    " [[Paper]](https://arxiv.org/abs/2306.00014)\n"
)


def test_badges_linked_before_the_title_are_no_title_and_a_venue_badge_names_the_venue() -> None:
    papers, skipped = _read(QUANTIZATION)
    gptq = "GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers"
    prequant = "PreQuant: A Task-agnostic Quantization Approach for Pre-trained Language Models"
    assert papers == {
        3: (gptq, "ICLR 2022", 2022),
        5: ("QLoRA: Efficient Finetuning of Quantized LLMs", "", 2023),
        7: (prequant, "ACL 2023", 2023),
    }
    assert skipped == {}


def test_the_star_badge_link_stays_a_link_of_the_entry() -> None:
    from papershelf.catalog.markdown_list import parse_list

    (_, qlora, _) = parse_list(QUANTIZATION, source="x.md").papers
    urls = [link.url for link in qlora.links]
    assert urls[0] == "https://arxiv.org/abs/2305.14314"
    assert "https://github.com/artidoro/qlora" in urls


@given(st.lists(_WORD, min_size=3, max_size=8), _VENUE, st.integers(10, 25))
def test_a_venue_badge_then_a_star_badge_then_any_linked_title(
    words: list[str], venue: str, yy: int
) -> None:
    title = " ".join(words)
    text = (
        f"* [![Publish](https://img.shields.io/badge/Conference-{venue}'{yy}-blue)]()"
        " [![Star](https://img.shields.io/github/stars/a/b.svg?style=social&label=Star)]"
        f"(https://github.com/a/b) [{title}](https://arxiv.org/abs/2301.01234). Ann Lee, Bo Li."
        " [[Paper]](https://arxiv.org/abs/2301.01234)\n"
    )
    papers, _ = _read(text)
    assert papers == {1: (title, f"{venue} {2000 + yy}", 2000 + yy)}


def test_only_a_badge_whose_label_names_a_venue_kind_shows_one() -> None:
    assert venue_badge("https://img.shields.io/badge/Journal-TNNLS'23-blue") == "TNNLS'23"
    assert venue_badge("https://img.shields.io/badge/Conference-ACL'23%20Findings-blue") == (
        "ACL'23 Findings"
    )
    assert venue_badge("https://img.shields.io/badge/License-MIT-blue.svg") is None
    assert venue_badge("https://img.shields.io/github/stars/a/b.svg?style=social") is None


def test_words_before_the_first_worded_link_keep_the_spans_as_they_are() -> None:
    spans = [Span("", href="https://github.com/a/b"), Span(" see "), Span("T", href="u")]
    assert title_first(spans) is None
    assert title_first([Span("Title "), Span("pdf", href="u")]) is None


# hustzxd/EfficientPaper cls/year.md @ 603ca17906e1a2bdd1d4f7da9d933ee91bd550a9
PADDED = (
    "<details open><summary><b>2017</b></summary> \n<p>\n\n"
    "|    | meta                          | ttttttttttttttttttttttttttttttitle"
    "                                                                                  "
    "| ccccccccccccccccccover   | pub     |   year | codeeeee"
    "                                                               | note   |\n"
    "|---:|:------------------------------|:---------|:----------|:--------|-------:|:-----|:---|\n"
    "|  0 | [DSD](./meta/dsd.prototxt)    | [DSD: Dense-Sparse-Dense Training for Deep Neural"
    " Networks](https://arxiv.org/pdf/1607.04381.pdf)                   |"
    "                          | ICLR    |   2017 |"
    "                                                                        |        |\n"
    "|  1 | [L-OBS](./meta/lobs.prototxt) | [Learning to Prune Deep Neural Networks via"
    " Layer-wise Optimal Brain Surgeon](https://arxiv.org/pdf/1705.07565.pdf) |"
    "                          | NeurIPS |   2017 |"
    " ![GitHub Repo stars](https://img.shields.io/github/stars/csyhhu/L-OBS) |        |"
    "</p>\n</details>\n"
)


def test_a_header_padded_to_width_and_a_pub_column_are_read_as_written() -> None:
    papers, _ = _read(PADDED)
    assert papers == {
        6: ("DSD: Dense-Sparse-Dense Training for Deep Neural Networks", "ICLR 2017", 2017),
        7: (
            "Learning to Prune Deep Neural Networks via Layer-wise Optimal Brain Surgeon",
            "NeurIPS 2017",
            2017,
        ),
    }


@given(st.sampled_from(["title", "code", "cover", "paper"]), st.integers(3, 30))
def test_a_header_letter_repeated_any_number_of_times_reads_once(word: str, n: int) -> None:
    assert unstretched(word[0] * n + word[1:]) == word
    assert unstretched(word + word[-1] * n) == word


# pprp/Awesome-LLM-Quantization README.md @ 00a67433a3ea654f9078f601f279e5491b90fd08
AWARDED = (
    "| Title & Author & Link | Summary |\n"
    "| --- | --- |\n"
    "| MLSys24_BestPaper <br> [AWQ: Activation-aware Weight Quantization for LLM Compression and"
    " Acceleration](https://arxiv.org/abs/2306.00978) <br>Ji Lin, Jiaming Tang, Haotian Tang,"
    " Shang Yang, Wei-Ming Chen, Wei-Chen Wang, Guangxuan Xiao, Xingyu Dang, Chuang Gan, Song"
    " Han, **Song Han** <br> [Github](https://github.com/mit-han-lab/llm-awq) | Activation-aware"
    " Weight Quantization (AWQ) is low-bit weight-only quantization method. <br />#PTQ |\n"
)


def test_a_venue_tag_joined_to_its_award_by_an_underscore_names_the_venue() -> None:
    papers, _ = _read(AWARDED)
    awq = "AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration"
    assert papers == {3: (awq, "MLSys 2024", 2024)}


def test_an_award_tag_splits_only_a_venue_and_its_year_from_words() -> None:
    assert award_tag("CVPR2023_Oral") == "CVPR2023 Oral"
    assert award_tag("MLSys24_BestPaper") == "MLSys24 Best Paper"
    assert award_tag("snake_case_words") is None
    assert award_tag("x" * 60 + "24_Oral") is None


# brhannan/ai-learning curriculum/13-agents-tool-use/readings.md
# @ f89b4c3cccdbd22bf0dc86c471a115cab70e8a61
READINGS = (
    "## Core Papers (Required)\n\n"
    "### 1. ReAct: Synergizing Reasoning and Acting in Language Models\n"
    "- **Link:** https://arxiv.org/abs/2210.03629\n"
    "- **Authors:** Yao et al.\n"
    "- **Year:** 2022\n"
    "- **Difficulty:** 3/5\n"
    "- **Time:** 1.5 hours\n"
    "- **Why read:** The foundational pattern for modern agents\n\n"
    "### 5. A Survey on Large Language Model based Autonomous Agents\n"
    "- **Link:** https://arxiv.org/abs/2308.11432\n"
    "- **Difficulty:** 3/5\n"
    "- **Time:** 2 hours (skim)\n"
    "- **Why read:** Broad overview of the field\n"
)


def test_a_year_keyed_line_under_a_paper_heading_dates_the_paper() -> None:
    papers, _ = _read(READINGS)
    assert papers == {
        3: ("ReAct: Synergizing Reasoning and Acting in Language Models", "", 2022),
        11: ("A Survey on Large Language Model based Autonomous Agents", "", None),
    }


def test_a_year_line_alone_makes_no_heading_a_paper() -> None:
    text = (
        "## Week 3\n- Year: 2023\n\n- [Sparse Experts at Scale](https://arxiv.org/abs/2301.00001)\n"
    )
    papers, _ = _read(text)
    assert list(papers) == [4]
