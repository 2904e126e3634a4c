"""Talk schedules: which rows of a seminar table name a paper, and which only a talk's topic.

A reading group's table (``Date | Paper Title | Presenter | Notes``) lists talks. Some talks
present one paper and the row gives its title (linked, or plain text); others have a topic
of their own (``LLM Quantization``, ``Survey: Large-scale 3DGS``, ``DFU: Dataflow Processing
Unit``). A reader tells them apart by what the row shows: a link of the title's own, a venue,
or a title's shape. Topics are short noun phrases; paper titles are a coined name with a
subtitle (``SparTA: Deep-Learning Model Sparsity via ...``) or a long phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from papershelf.catalog.candidate import Candidate
from papershelf.catalog.columns import cell_venue, links_readings, title_columns
from papershelf.catalog.fields import word_count
from papershelf.catalog.spans import Span, text_of
from papershelf.catalog.venue_text import venue_in

_TALK_COLUMNS = re.compile(
    r"\b(?:presenters?|speakers?|presented\s+by|discussants?|discussion\s+leads?|moderators?)\b",
    re.IGNORECASE,
)
# Heads that open a talk's topic, not a system's name: "Survey: Large-scale 3DGS".
_TOPIC_HEADS = frozenset(
    {
        "survey",
        "introduction",
        "intro",
        "overview",
        "tutorial",
        "review",
        "background",
        "primer",
        "basics",
        "recap",
        "discussion",
        "notes",
        "part",
        "session",
        "topic",
    }
)
# "Slides1", "Paper2": the talk's material is numbered, so the talk covers several works.
_NUMBERED_LABEL = re.compile(r"^\s*(?:paper|slides?|pdf|link|ref|reading)\s*#?\s*\d+\s*$", re.I)

# "A tutorial on Parameter Server", "Introduction to SmartNICs", "Summary of SIGCOMM 2017".
_TOPIC_OPENER = re.compile(
    r"^\W*(?:an?\s+)?(?:tutorial|introduction|intro|overview|summary|survey)\s+(?:on|to|of)\b",
    re.IGNORECASE,
)

MIN_SUBTITLE_WORDS = 4
"""``Name: subtitle`` reads as a title from this many subtitle words (``DFU: Dataflow
Processing Unit`` spells out an acronym: a topic)."""
MIN_TITLE_WORDS = 7
"""A plain phrase this long reads as a title (``Stealing Part of a Production Language
Model``); shorter ones (``Accelerating mixture of experts model Inference``) are topics."""


MIN_TOPICS = 3
"""Short plain phrases (``LLM Quantization``, ``Modeling and Simulation``) in a list's talk
tables that show its talks are not all papers; one or two may be a break or a short title."""
_SHORT_TOPIC_WORDS = 3


@lru_cache(maxsize=64)
def is_talk_table(headers: tuple[str, ...]) -> bool:
    """A table with a presenter or speaker column: each row is a talk (asked once per table)."""
    return any(_TALK_COLUMNS.search(h) for h in headers if h)


def reads_as_title(text: str) -> bool:
    """Whether a plain phrase has a paper title's shape: ``Name: subtitle`` or long.

    ``Name`` is one word that is not a topic's opener (``Survey:``, ``Introduction:``) and
    the subtitle has at least ``MIN_SUBTITLE_WORDS`` words; else the phrase needs
    ``MIN_TITLE_WORDS`` words.
    """
    text = " ".join(text.split())
    head, colon, subtitle = text.partition(":")
    if (
        colon
        and word_count(head) == 1
        and head.strip(" *_").casefold() not in _TOPIC_HEADS
        and word_count(subtitle) >= MIN_SUBTITLE_WORDS
    ):
        return True
    return word_count(text) >= MIN_TITLE_WORDS


def numbered_material(labels: list[str]) -> bool:
    """``[Slides1], [Paper2]``: a talk that numbers its material presents several works."""
    return any(_NUMBERED_LABEL.match(label) for label in labels)


def topic_reason(text: str, labels: list[str], row_venue: bool) -> str | None:
    """Why a talk row's title cell is a topic, not a paper's title; None when it may be one.

    ``labels``: the link labels of the row's other cells; ``row_venue``: another cell names
    a venue (``ISCA 2020``), which only a paper has. A paper link beside a topic does not
    make it a title (the talk may draw on that paper).
    """
    if row_venue:
        return None
    if numbered_material(labels):
        why = "a talk presenting several numbered works"
    elif reads_as_title(text):
        return None
    else:
        why = "a talk topic, not a paper title"
    return why if venue_in(text) is None else None


def lists_topics(candidates: Iterable[Candidate]) -> bool:
    """Whether a list's talk tables name topics (``MIN_TOPICS`` short plain title cells).

    Only then does a plain title need a title's shape: elsewhere a reading group's plain
    ``Attention Is All You Need`` is a paper.
    """
    found = 0
    stack = list(candidates)
    while stack:
        c = stack.pop()
        stack.extend(c.children)
        if c.kind != "row" or not is_talk_table(tuple(h for h, _ in c.row)):
            continue
        cols = title_columns([h for h, _ in c.row])
        for header, spans in c.row:
            if header not in cols or any(s.is_link for s in spans):
                continue
            text = text_of(spans)
            if 0 < word_count(text) <= _SHORT_TOPIC_WORDS and not reads_as_title(text):
                found += 1
        if found >= MIN_TOPICS:
            return True
    return False


def shows_paper(
    title_cols: set[str],
    links: list[str],
    row: list[tuple[str, list[Span]]],
    kinds: dict[str, str],
    paper_link: bool,
) -> bool:
    """Whether a topic column's row is a paper: it links one, or it says where it appeared.

    ``paper_link``: another cell links the paper (``[pdf]``); ``links``: the title cell's.
    ``| 12/29 | Ding | JANUS: ... | NSDI 2019 | [JANUS](arxiv) |``: a reading group's topic
    column holds the paper's title when a venue column gives a venue with its year, which
    only a publication has (``NIPS`` alone, ``Tutorial``, ``Presentation`` or a company's name
    beside the talk's date do not). A topic that opens as a talk's (``A tutorial on ...``,
    ``Introduction to ...``) stays a topic.
    """
    if paper_link or links_readings(title_cols, links):
        return True
    dated = any(
        kinds[header] == "venue" and (guess := cell_venue(spans, text_of(spans))) and guess.year
        for header, spans in row
    )
    return dated and not any(_TOPIC_OPENER.match(text_of(s)) for h, s in row if h in title_cols)
