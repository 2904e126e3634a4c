"""Venue marks that are no plain text: a badge's label, a tag joined to its award by ``_``.

``![Publish](https://img.shields.io/badge/Conference-ICLR'22-blue)``: the alt text names the
badge, its label the kind of thing it shows, its message the entry's venue. ``MLSys24_BestPaper``
is written as a file name is: the venue tag, then its award.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

_VENUE_BADGE = re.compile(
    r"/badge/(?:conference|journal|venue|publish(?:ed)?|publication|accepted|pub)-"
    r"((?:[^/-]|--)+)-[^/-]+(?:\.svg)?$",
    re.IGNORECASE,
)
"""``/badge/Conference-ICLR'22-blue``: a shields.io path badge whose label names a venue kind."""


def venue_badge(src: str) -> str | None:
    """The venue a ``Conference-ICLR'22-blue`` badge shows (``ICLR'22``), else None."""
    if "/badge/" not in src or "shields.io" not in src:
        return None
    found = _VENUE_BADGE.search(src.split("?", 1)[0])
    if found is None:
        return None
    shown = unquote(found.group(1)).replace("--", "-").replace("_", " ")
    return " ".join(shown.split()) or None


_AWARD_TAG = re.compile(
    r"\s*([A-Za-z][\w.&+-]*?\d{2}(?:\d{2})?)_([A-Z][A-Za-z]*(?:_[A-Za-z]+)*)\s*"
)
"""``MLSys24_BestPaper``, ``CVPR2023_Oral``: a venue tag and its award joined as a file name."""
_TAG_LONGEST = 40
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def award_tag(lead: str) -> str | None:
    """``MLSys24_BestPaper`` -> ``MLSys24 Best Paper`` (a venue, then its qualifier), else None."""
    found = _AWARD_TAG.fullmatch(lead) if len(lead) <= _TAG_LONGEST else None
    if found is None:
        return None
    return f"{found.group(1)} {_CAMEL.sub(' ', found.group(2).replace('_', ' '))}"
