"""Venue names standing for themselves: a heading naming a series, a title naming a venue's list.

``#### 2025`` over ``##### USENIX Security``: the papers under both appeared at USENIX
Security 2025. Only a series' own short name counts (a known series written as an acronym,
``IEEE S&P``); ``##### LLM`` or ``##### Cluster Scheduling`` under a year are topics.
``NDSS 2025 官方收录清单`` or ``OSDI 2024 Accepted Papers`` names the venue's list, no paper.
"""

from __future__ import annotations

import functools
import re

from papershelf.catalog.series_names import short_name
from papershelf.catalog.venue_text import KNOWN, VenueGuess, parse_venue

_NICKNAME = re.compile(r"\s*\([^()]{1,30}\)\s*$")
"""``IEEE S&P (Oakland)``: the series' nickname after its name."""
_AMPERSAND = re.compile(r"^(?:[A-Z]{2,6}\s+)?[A-Z]{1,4}&[A-Z]{1,4}$")
_MAX_WORDS = 3
YEAR_HEADING = re.compile(r"\s*(?:19|20)\d{2}\s*")
"""A heading that is only a year: ``## 2023``."""
DATE_HEADING = re.compile(
    r"\s*((?:19|20)\d{2})([-/.])(?:0?[1-9]|1[0-2])(?:\2(?:0?[1-9]|[12]\d|3[01]))?\s*"
)
"""``### 2025-05-06``, ``## 2024/11``: the day or month a feed listed the papers below it."""


def series_name(text: str) -> str | None:
    """The venue a heading names without a year (``USENIX Security``, ``FSE/ESEC``), or None."""
    name = _NICKNAME.sub("", text).strip()
    words = name.split()
    if not words or len(words) > _MAX_WORDS:
        return None
    if _AMPERSAND.match(name):
        return name
    first = words[0].split("/")[0]
    folded = first.casefold()
    if folded not in KNOWN:
        return None  # "LLM", "Transformers": a topic, not a series
    if sum(ch.isupper() for ch in first) < 2 and first != "arXiv":
        return None  # "Cluster Scheduling", "Micro": a known word written as a word
    return name


_SHORT_AFTER = re.compile(r"\(\s*(?P<short>[^()]{2,12}?)\s*\)\s*$")
"""``IEEE Symposium on Security and Privacy (S&P)``: the short name after the full one."""


@functools.lru_cache(maxsize=256)
def heading_series(text: str) -> str | None:
    """The series a heading names in full or short, without a year; else None.

    ``### IEEE Symposium on Security and Privacy (S&P)`` or ``### USENIX Security Symposium``
    over ``* **Title** (2019)``: the papers under it appeared at S&P, USENIX Security, in the
    year each entry gives. A topic (``### Fuzzing``) names none.
    """
    if (m := _SHORT_AFTER.search(text)) is not None and (name := series_name(m["short"])):
        return name
    if (short := short_name(text)) != text:
        return short
    return series_name(text)


_GLUED = re.compile(r"\s*([A-Za-z&]{2,12})[\s_-]?((?:19|20)\d{2})\s*")


def glued_year(text: str, series: str) -> int | None:
    """The year of a heading that spells the series above it with its year: ``sp2024``.

    Under ``## S&P``, ``### sp2024`` and ``### SP-2024`` are S&P 2024: the same letters (case
    and signs aside), then the year. Other letters (``### llm2024``) make no such heading.
    """
    m = _GLUED.fullmatch(text)
    if m is None or _letters(m.group(1)) != _letters(series):
        return None
    return int(m.group(2))


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def dated(series: str, year: int) -> VenueGuess | None:
    """The series in the year a heading above (or below) it gives."""
    return parse_venue(f"{series} {year}", need_year=True)


_LIST_END = re.compile(
    r"\s+(?:(?:official\s+)?(?:accepted\s+)?(?:papers?|paper\s+list|program(?:me)?|proceedings)"
    r"|(?:官方)?(?:收录)?(?:清单|列表|论文列表|论文清单)|(?:官方)?收录论文)\s*$",
    re.IGNORECASE,
)


def names_venue_list(title: str) -> bool:
    """Whether a title is a venue and year, then only words for its list of papers.

    Those words alone (``[Official Collection](...)`` under ``## USENIX Security``) name the
    list of the section's venue.
    """
    listed = "ist" in title or "IST" in title or "ollection" in title or "OLLECTION" in title
    if listed and _LIST_ONLY.fullmatch(title):  # cheap: most titles name no list
        return True
    end = _LIST_END.search(title)
    return end is not None and parse_venue(title[: end.start()], need_year=True) is not None


_LIST_ONLY = re.compile(
    r"\s*(?:(?:the\s+)?(?:official|full|complete)\s+)?(?:collection|paper\s+list|list\s+of\s+papers)\s*"
    # "The long list from MIT", "Another reading list": a link to someone else's list
    r"|\s*(?:the\s+|an?\s+)?(?:long|longer|short|other|another|big|curated|reading)\s+list"
    r"(?:\s+(?:from|by|at)\s+\S.{0,40})?\s*",
    re.IGNORECASE,
)
