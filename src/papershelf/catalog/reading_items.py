"""A sub-item that names the reading of the session above it: ``Reading: [Title](url)``.

Course schedules give each lecture a line (``- 9/26 Tu: Automated parallelism``) and its
readings below it, one a line, each led by a label (``* Reading: [Alpa: ...](url)``,
``* Optional reading: [...]``). With two readings the lecture is plainly a heading over
papers; with one it still is: the label says the line below names the paper, so the
lecture's words are its topic, not the paper's title.
"""

from __future__ import annotations

import re

from papershelf.catalog import fields
from papershelf.catalog.candidate import Candidate
from papershelf.catalog.cited_items import quoted_citation_text
from papershelf.catalog.item_shapes import has_title_text

_LABEL = re.compile(
    r"\s*(?:(?:required|optional|suggested|additional|background|further)\s+)?"
    r"(?:readings?|papers?)(?:\s*\d{1,2})?\s*[:：]\s*",
    re.IGNORECASE,
)
_MIN_WORDS = 3
_KEYED_TITLE = re.compile(r"\s*(?:paper|title)\s*[:：]\s*[^\s\[]", re.IGNORECASE)
"""``Paper: Generative Adversarial Nets``: the item names its paper, in plain words."""
_PUBLISHED = re.compile(r",\s+published(?:\s+(?:in\s+)?(?:19|20)\d{2}(?:/(?:19|20)?\d{2})?)?\s*$")
"""``..., published 2019``, ``..., published 2012/2013``: the line states its paper's year."""


def reading_label(text: str) -> bool:
    """``Reading:``, ``Optional reading:``, ``Reading 2:``: a label before a reading's link."""
    return _LABEL.fullmatch(text) is not None


def reading_led(c: Candidate) -> bool:
    """``Reading: [Title](url)``: a label, then a link whose text is a title."""
    spans = [s for s in c.spans if s.is_link or s.text.strip()]
    if len(spans) < 2 or spans[0].is_link or not spans[1].is_link:
        return False
    if not reading_label(spans[0].text):
        return False
    text = spans[1].text
    return fields.word_count(text) >= _MIN_WORDS and not fields.is_generic(text)


def over_entries(entries: list[Candidate], own_text: str) -> bool:
    """Whether an item is a heading over the entries below it rather than a paper of its own.

    Two entries, or an item with no title of its own, or one entry that a reading label
    leads (``- 9/26 Tu: Automated parallelism`` / ``* Reading: [Alpa: ...](url)``); never an
    item that cites a work (``Names. "Title," Venue, 1986.``).
    """
    if quoted_citation_text(own_text) or _KEYED_TITLE.match(own_text):
        return False  # a paper's citation or "Paper: Title": the bullets under it are on it
    if "published" in own_text and _PUBLISHED.search(own_text):
        return False  # "Title by Names, published 2019": a log's paper, notes under it
    return len(entries) >= 2 or not has_title_text(own_text) or reading_led(entries[0])
