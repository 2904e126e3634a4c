"""A bold label before the title: ``**Google**: Title | [`MLSys21`](url)``.

``**IBM (Cloud'22)**: DeTrust-FL: Privacy-Preserving ... [`PDF`](url)``, ``**Apple**: Federated
Evaluation and Tuning for On-Device Personalization | [`PDF`](url)``: a list sorted by who made
each system sets the maker in bold (with the venue in parentheses beside it), a colon, then the
paper's title, and links it under generic labels. A careful reader takes the words after the
colon for the title; the bold words say whose it is (and where it appeared), never its name.
"""

from __future__ import annotations

import re

from papershelf.catalog.spans import Span, text_of

_LABEL = re.compile(
    r"(?P<who>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s*(?:\((?P<venue>[^()]{2,30})\))?\s*"
)
"""One to three capitalised words (a maker's name), and a venue in parentheses after them."""
_TITLE = re.compile(r"\s*[:：]\s*(?P<title>\S.*?)[\s|,;–—-]*$")
_MIN_TITLE_WORDS = 3


def labelled_title(label: str, between: list[Span]) -> tuple[list[str], str] | None:
    """(tags, title) for ``**Label**: Title`` before the links; None for other bold leads."""
    who = _LABEL.fullmatch(label)
    if who is None:
        return None
    named = _TITLE.fullmatch(text_of(between))
    if named is None or len(named["title"].split()) < _MIN_TITLE_WORDS:
        return None
    tags = [who["who"]] + ([who["venue"]] if who["venue"] else [])
    return tags, named["title"]
