"""A plain title ended by ``<br>``, then a note on it: the note is no part of the title.

``* SuRF: Practical Range Query Filtering with Fast Succinct Tries<br>`` then, on the lines
below, ``2018 sigmod best paper，该论文出自...`` (a paragraph on the paper): the writer ends the
title with a break of their own and comments on it. A careful reader takes the line before the
``<br>`` as the title when it reads as one (a few words, no sentence's end, no bold title
further on) and what follows as prose (a sentence, or a run of another script), not as the
paper's authors or venue (``Title<br>A. Smith, B. Jones<br>OSDI 2020``).
"""

from __future__ import annotations

import re

from papershelf.catalog.fields import authors_in, word_count
from papershelf.catalog.spans import Span, text_of

_MIN_WORDS, _MAX_WORDS = 2, 30
_NOTE_WORDS = 8
_NOTE_CHARS = 10  # in a script without spaces: "该文是serverless最基础论文。"
_SENTENCE_ENDS = (".", ":", "：", ";", ",", "。")
_STOPS = (".", "。", "!", "！", "?", "？")
_SENTENCE_WIDE, _SENTENCE_WORDS = 4, 4
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def before_note(spans: list[Span]) -> list[Span]:
    """The spans of a linkless entry up to a ``<br>`` that ends its title, else all of them."""
    cut = next((i for i, s in enumerate(spans) if s.tag), None)
    if cut is None or any(s.is_link or s.badge for s in spans) or _strong_after(spans, cut):
        return spans
    title, note = text_of(spans[:cut]).strip(), text_of(spans[cut + 1 :]).strip()
    if not note or title.endswith(_SENTENCE_ENDS):
        return spans
    if not _MIN_WORDS <= word_count(title) <= _MAX_WORDS or not _is_prose(note):
        return spans
    return spans[:cut]


def _strong_after(spans: list[Span], cut: int) -> bool:
    """Whether bold text opens what follows the break (``Names: </br> **Title.**``)."""
    return next((s.strong for s in spans[cut + 1 :] if s.text.strip()), False)


def _is_prose(note: str) -> bool:
    """A comment on the paper: a sentence, many words, or a run of a script without spaces."""
    first = note.splitlines()[0] if note else ""
    if authors_in(first):
        return False  # "A. Smith, B. Jones": the paper's authors under its title
    wide, words = len(_WIDE.findall(note[:200])), word_count(note)
    if note.endswith(_STOPS) and (wide >= _SENTENCE_WIDE or words >= _SENTENCE_WORDS):
        return True  # "该文是serverless最基础论文。": a sentence on the paper
    return wide >= _NOTE_CHARS or words >= _NOTE_WORDS
