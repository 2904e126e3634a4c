"""Key words before a linked title: ``- [x] PagedAttention vLLM [Efficient Memory ...](notes.md)``.

A reader's log of the papers read names each paper's system, technique or topic first, in a few
words with no sentence around them, then links the whole title (often to the note on it). A
careful reader takes those words for a label of the paper, not for prose that cites it: nothing
follows the link, and the link's words read as a title.
"""

from __future__ import annotations

import re

from papershelf.catalog.spans import Span

_SENTENCE = re.compile(r"[.!?;]\s|[.!?]$|\b(?:see|read|check|is|are|was|were)\b", re.I)
_MAX_LEAD_WORDS = 8
_MIN_TITLE_WORDS = 4


def keyword_lead(spans: list[Span], link: Span) -> bool:
    """Whether the few words before ``link`` label the paper it titles (no sentence, no tail)."""
    at = next((i for i, s in enumerate(spans) if s is link), None)
    label = link.text.strip()
    if at is None or not label[:1].isupper() or len(label.split()) < _MIN_TITLE_WORDS:
        return False
    if any(s.text.strip(" \t.,;|") for s in spans[at + 1 :] if not s.is_link and not s.brk):
        return False  # words after the link: the link sits inside a sentence
    lead = "".join(s.text for s in spans[:at] if not s.is_link)
    return len(lead.split()) <= _MAX_LEAD_WORDS and _SENTENCE.search(lead) is None
