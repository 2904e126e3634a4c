"""A link whose label is where a paper appeared, written out: proceedings, an arXiv number.

``(2020) DeepSpeed: ... Parameters. [In Proceedings of the 26th ACM SIGKDD International
Conference on Knowledge Discovery & Data Mining (KDD '20, Tutorial)](https://dl.acm.org/...)``
and ``(2021) ZeRO-Offload: ... Training. [arXiv:2101.06840](https://arxiv.org/abs/...)``: the
plain text before the link is the title, the link names the venue. A careful reader takes
the series in the proceedings' closing group (``KDD '20``, its qualifier a remark) or arXiv
and the year its number starts with.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue import full_year
from papershelf.catalog.venue_text import VenueGuess, parse_venue

_PROCEEDINGS = re.compile(
    r"\s*(?:in\s+)?(?:proceedings|proc\.)\s+of\b[^()]{8,200}\((?P<group>[^()]{2,40})\)\s*\.?\s*",
    re.IGNORECASE,
)
_ARXIV_ID = re.compile(r"\s*arxiv\s*:?\s*(?P<yy>\d{2})\d{2}\.\d{4,5}(?:v\d+)?\s*", re.IGNORECASE)


def linked_venue(label: str) -> VenueGuess | None:
    """The venue a link's label writes out, else None (most labels: a title, ``PDF``)."""
    head = label.lstrip()[:1]
    if head in "aA" and (arxiv := _ARXIV_ID.fullmatch(label)) is not None:
        return VenueGuess("arXiv", full_year(arxiv.group("yy")))
    if head not in "iIpP" or not label.rstrip().endswith((")", ").")):
        return None
    if (proc := _PROCEEDINGS.fullmatch(label)) is None:
        return None
    series, _, remark = proc.group("group").partition(",")
    found = parse_venue(series, need_year=True)
    if found is None or not remark.strip():
        return found
    return VenueGuess(
        found.name, found.year, ", ".join(filter(None, (found.remark, remark.strip())))
    )
