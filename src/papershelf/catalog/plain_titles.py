"""A list of papers named by their plain titles alone: no links, titles known by their shape.

``- ReAct: Synergizing Reasoning and Acting in Language Models`` under ``### Chain-of-Thought
Prompting``, and so on for a conference's papers by topic, with no link anywhere: a reader
sees a list of titles. Many of them read ``Name: what it does`` (the shape of a paper's
title), the rest are written the same way; a list of features or of notes' sections is not
(its items are sentences, short labels, or come with links).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from papershelf.catalog.candidate import Candidate
from papershelf.catalog.fields import bare_urls, word_count
from papershelf.catalog.noted_titles import before_note
from papershelf.catalog.spans import text_of

MIN_NAMED = 5
"""``Name: subtitle`` titles a list needs before its other plain titles are taken as papers."""
NAMED_SHARE = 4
"""At least one plain title in this many reads ``Name: subtitle``."""
MIN_COINED = 3
"""Of those, names coined as systems are (``CodeGen``, ``UL2``, ``GLM-130B``): a glossary's
terms, a schedule's weeks and a feature list's adjectives are plain words."""
LINKED_SHARE = 4
"""Items with a link (not to the list's own sections) must be this many times fewer."""
_MIN_WORDS, _MAX_WORDS = 3, 30
# "ReAct: Synergizing Reasoning ...": a name of up to four words, a colon, a capitalised
# subtitle of three words or more; not a version's or a date's note ("v1.2: Added ...").
_NAME_SUBTITLE = re.compile(
    r"^(?!v?\d+(?:[./-]\d+)+\s*[:：])[^\s:：]{2,}(?:\s+[^\s:：]+){0,3}\s*[:：]\s+"
    r"[A-Z]\S*\s+(?:\S+\s+)+\S"
)
_BOXES = ("[ ] ", "[x] ", "[X] ")
_SENTENCE_ENDS = (".", ":", "：", ";", ",", "。")
# One word with a capital inside (ReAct), a digit beside letters (UL2) or a hyphen (X-Stream).
_COINED = re.compile(r"^(?=\S*(?:[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]|\w-\w))\S+\s*[:：]")


def lists_plain_titles(candidates: list[Candidate]) -> bool:
    """Whether a list names its papers by plain titles: its items say so by their shape."""
    named = plain = linked = coined = 0
    for c in _items(candidates):
        if any(s.is_link and not (s.href or "").startswith("#") for s in c.spans):
            linked += 1
        elif is_title_shaped(c):
            plain += 1
            text = unboxed(text_of(c.spans))
            if _NAME_SUBTITLE.match(text):
                named += 1
                coined += bool(_COINED.match(text))
    return (
        named >= MIN_NAMED
        and coined >= MIN_COINED
        and named * NAMED_SHARE >= plain
        and linked * LINKED_SHARE < plain
    )


def is_title_shaped(c: Candidate) -> bool:
    """A plain item that may be a title: no link, no bold lead, a few words, no sentence end."""
    if c.kind != "item" or c.children or any(s.is_link or s.badge for s in c.spans):
        return False
    first = next((s for s in c.spans if s.text.strip()), None)
    if first is None or first.strong:
        return False  # "**Versus PCIe servers:** ...": a point made, under its bold key
    text = text_of(before_note(c.spans)).strip()  # "Title<br>" then a note: the title
    if text.endswith(_SENTENCE_ENDS) or bare_urls(text):
        return False
    if shouted_topics(text):
        return False
    return _MIN_WORDS <= word_count(text) <= _MAX_WORDS


def shouted_topics(text: str) -> bool:
    """``BIG DATA, SQL, DATA SCIENCE``: the topics of the part below, in capitals, no title."""
    return "," in text and text.isupper() and all(word_count(p) <= 2 for p in text.split(","))


def unboxed(text: str) -> str:
    """The item's text without its task-list box: ``[x] F1: A Distributed SQL Database``.

    The box says whether the reader has read the paper; the title's shape starts after it.
    """
    return text[4:] if text[:1] == "[" and text[:4] in _BOXES else text


def _items(candidates: list[Candidate]) -> Iterator[Candidate]:
    """Every list item of a document, nested ones too, in order."""
    stack = list(reversed(candidates))
    while stack:
        c = stack.pop()
        if c.kind == "item":
            yield c
        stack.extend(reversed(c.children))
