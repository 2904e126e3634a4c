"""Talk schedules and what lists write around titles, read as a careful reader does.

A seminar table mixes talks that present a paper with talks on a topic of their own; a
title cell may carry commentary, a topic before a paper's name, or two titles run together.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog import talks, titles
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import LABELS, skip_summary
from papershelf.catalog.venue_named import venue_named_in

_HEAD = "| Date | Paper Title | Presenter | Notes |\n|---|---|---|---|\n"
_TOPICS = (
    "| 1.01 | LLM Quantization | Ann | [Slides](./s1.pdf) |\n"
    "| 1.08 | Modeling and Simulation | Bo | [Slides](./s2.pdf) |\n"
    "| 1.15 | Dynamic Tensor Compilers | Cy | [Slides](./s3.pdf) |\n"
)


def _papers(text: str) -> tuple[dict[str, tuple[int, str, int | None]], list[tuple[int, str]]]:
    parsed = parse_list(text, source="t.md")
    return {p.title: (p.line, p.venue, p.year) for p in parsed.papers}, list(parsed.skipped)


@pytest.mark.parametrize(
    ("headers", "talk"),
    [
        (("Date", "Paper Title", "Presenter", "Notes"), True),
        (("Date", "Speaker", "Topic", "Reference"), True),
        (("Week", "Reading", "Discussion lead"), True),
        (("Title", "Key Words"), False),
        (("Title", "Lead Author", "Venue"), False),
    ],
)
def test_a_talk_table_has_a_presenter_or_speaker_column(
    headers: tuple[str, ...], talk: bool
) -> None:
    assert talks.is_talk_table(headers) is talk


@pytest.mark.parametrize(
    "text",
    [
        "SparTA: Deep-Learning Model Sparsity via Tensor-with-Sparsity-Attribute",
        "Orion: Google’s Software-Defined Networking Control Plane",
        "Stealing Part of a Production Language Model",
        "ByteCheckpoint A Unified Checkpointing System for Large Foundation Model Development",
    ],
)
def test_name_and_subtitle_or_a_long_phrase_reads_as_a_title(text: str) -> None:
    assert talks.reads_as_title(text)


@pytest.mark.parametrize(
    "text",
    [
        "LLM Quantization",
        "DFU: Dataflow Processing Unit",  # an acronym spelled out
        "Survey: Large-scale 3DGS Methods Today",  # a topic's opener, not a name
        "Multi-Tenant DNN Inference: Spatial GPU Sharing",
        "OpenStack - RPC & Common MQ Comparison",
    ],
)
def test_short_phrases_and_topic_openers_read_as_topics(text: str) -> None:
    assert not talks.reads_as_title(text)


@given(st.lists(st.sampled_from(["Fast", "Graph", "of", "Model", "Serving", "GPUs"]), min_size=7))
def test_any_phrase_of_seven_words_reads_as_a_title(words: list[str]) -> None:
    assert talks.reads_as_title(" ".join(words))


def test_a_schedule_that_names_topics_keeps_only_rows_that_read_as_titles() -> None:
    text = (
        _HEAD
        + _TOPICS
        + "| 1.22 | Taming Load Balancing in LLM Training | Di | |\n"
        + "| 1.29 | HybridFlow: A Flexible and Efficient RLHF Framework | Ed | |\n"
        + "| 2.05 | Stealing Part of a Production Language Model | Fa | |\n"
        + "| 2.12 | [Fast Serving](https://arxiv.org/abs/2401.00001) | Gu | |\n"
    )
    papers, skipped = _papers(text)
    assert sorted(papers) == [
        "Fast Serving",
        "HybridFlow: A Flexible and Efficient RLHF Framework",
        "Stealing Part of a Production Language Model",
    ]
    assert skip_summary(skipped) == f"4: 4 {LABELS}"
    assert all("a talk topic, not a paper title" in why for _, why in skipped)


def test_a_reading_group_that_names_no_topics_keeps_its_short_plain_titles() -> None:
    text = (
        _HEAD
        + "| 1.01 | Attention Is All You Need | Ann | |\n"
        + "| 1.08 | The Google File System | Bo | |\n"
    )
    papers, _ = _papers(text)
    assert sorted(papers) == ["Attention Is All You Need", "The Google File System"]


def test_a_venue_in_the_row_vouches_for_a_short_title() -> None:
    text = _HEAD + _TOPICS + "| 2.01 | Commutative Data Reordering | Ann | ISCA 2020 |\n"
    papers, _ = _papers(text)
    assert papers == {"Commutative Data Reordering": (6, "ISCA 2020", 2020)}


def test_a_topic_column_row_needs_a_title_even_beside_a_paper_link() -> None:
    text = (
        "| Date | Speaker | Topic | Reference |\n|---|---|---|---|\n"
        "| 08/19 | Van | OpenStack - RPC & Common MQ Comparison"
        " | [Paper](https://ieeexplore.ieee.org/document/9303425) |\n"
        "| 11/02 | Van | Orion: Google’s Software-Defined Networking Control Plane"
        " | [Paper](https://www.usenix.org/system/files/nsdi21-ferguson.pdf) |\n"
    )
    papers, skipped = _papers(text)
    assert list(papers) == ["Orion: Google’s Software-Defined Networking Control Plane"]
    why = f"{LABELS}: a talk topic, not a paper title: OpenStack - RPC & Common MQ Comparison"
    assert skipped == [(3, why)]


def test_a_talk_with_numbered_material_presents_several_works() -> None:
    text = (
        _HEAD + _TOPICS + "| 3.13 | Where LLMs Fit, and Where We Still Matter Most | Yi |"
        " [Slides1](https://x.org/s.pdf), [Paper2](https://www.nature.com/articles/s1) |\n"
        "| 3.20 | Stealing Part of a Production Language Model | Fa | |\n"
    )
    papers, skipped = _papers(text)
    assert list(papers) == ["Stealing Part of a Production Language Model"]
    assert "a talk presenting several numbered works" in skipped[-1][1]


def test_commentary_before_and_around_titles_is_dropped() -> None:
    text = (
        _HEAD + "| 3.29 | [Loop Nests and Micro-2020 Best Paper (Optimizing the Memory Hierarchy by"
        " Compositing Transformations)](https://ieeexplore.ieee.org/document/9251965) | Z | |\n"
        "| 8.11 | [A Useful Tool CKA: Similarity of Neural Network Representations Revisited]"
        "(https://arxiv.org/abs/1905.00414) and [It's application: Uncovering How"
        " Representations Vary with Width](https://arxiv.org/abs/2010.15327) | Z | |\n"
    )
    papers, _ = _papers(text)
    assert papers == {
        "Optimizing the Memory Hierarchy by Compositing Transformations": (3, "Micro 2020", 2020),
        "Similarity of Neural Network Representations Revisited": (4, "", None),
        "Uncovering How Representations Vary with Width": (4, "", None),
    }


def test_a_topic_before_a_papers_name_in_a_cell_of_several_papers() -> None:
    text = (
        _HEAD
        + "| 10.12 | [Shared SIMD unit: Occamy](https://dl.acm.org/doi/10.1145/3582016.3582046),"
        " Two Out-of-Order Commit CPU: [NOREBA](https://dl.acm.org/doi/pdf/10.1145/3445814)"
        " and [Orinoco](https://dl.acm.org/doi/10.1145/3579371.3589046) | Z | |\n"
    )
    papers, _ = _papers(text)
    assert sorted(papers) == ["NOREBA", "Occamy", "Orinoco"]


def test_a_lone_linked_title_ending_in_one_word_keeps_it() -> None:
    text = (
        _HEAD + "| 1.01 | [Learned Index Structures: Revisited](https://arxiv.org/abs/1) | Z | |\n"
    )
    assert list(_papers(text)[0]) == ["Learned Index Structures: Revisited"]


def test_two_plain_titles_run_together_are_two_papers() -> None:
    text = (
        _HEAD + "| 06.13 | Ditto: Accelerating Diffusion Model via Temporal Value Similarity CMC:"
        " Video Transformer Acceleration via CODEC Assisted Matrix Condensing | H | |\n"
    )
    assert sorted(_papers(text)[0]) == [
        "CMC: Video Transformer Acceleration via CODEC Assisted Matrix Condensing",
        "Ditto: Accelerating Diffusion Model via Temporal Value Similarity",
    ]


@pytest.mark.parametrize(
    ("text", "title", "commentary"),
    [
        ("A Useful Tool CKA: Similarity of Representations Revisited",
         "Similarity of Representations Revisited", "A Useful Tool CKA"),
        ("Our follow-up: Scaling the Thing to Many GPUs", "Scaling the Thing to Many GPUs",
         "Our follow-up"),
        ("Spanner: Google's Globally-Distributed Database",
         "Spanner: Google's Globally-Distributed Database", None),
        ("Position Paper: Towards X (Extended Version of the Workshop Paper)",
         "Position Paper: Towards X (Extended Version of the Workshop Paper)", None),
        ("This Looks Like That: Deep Learning for Interpretable Image Recognition",
         "This Looks Like That: Deep Learning for Interpretable Image Recognition", None),
        ("Our Data, Ourselves: Privacy via Distributed Noise Generation",
         "Our Data, Ourselves: Privacy via Distributed Noise Generation", None),
        ("It's application: Uncovering How Representations Vary",
         "Uncovering How Representations Vary", "It's application"),
        ("This Is Not a Commentary Title Without a Colon",
         "This Is Not a Commentary Title Without a Colon", None),
    ],
)  # fmt: skip
def test_strip_commentary(text: str, title: str, commentary: str | None) -> None:
    assert titles.strip_commentary(text) == (title, commentary)


@given(st.text(max_size=120))
def test_commentary_only_ever_cuts_text_away(text: str) -> None:
    title, commentary = titles.strip_commentary(text)
    assert title.strip() in text
    assert (commentary is None) == (title == text)


@given(st.text(alphabet="AB Cc:de", max_size=80))
def test_run_together_parts_keep_every_word(text: str) -> None:
    parts = titles.run_together(text)
    assert " ".join(parts).split() == text.split()


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Loop Nests and Micro-2020 Best Paper", ("Micro", 2020)),
        ("Results from Pre-2020 Systems", None),
    ],
)
def test_a_hyphenated_venue_inside_commentary(text: str, venue: tuple[str, int] | None) -> None:
    found = venue_named_in(text)
    assert (found.name, found.year) == venue if found else venue is None
