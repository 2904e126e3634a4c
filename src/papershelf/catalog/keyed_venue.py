"""A detail line naming the venue under its key: ``Venue: OSDI 2023``, ``venue+年份：ISSTA 2022``.

What follows the venue in brackets or after a dash is the writer's remark (``（临界，作背景）``,
``——固件接口 fuzzing``): the venue is read without it, and a year the remark opens with
(``arXiv 2212.09519（2022-12，v2 ...）``) is the year of a venue written without one.
"""

from __future__ import annotations

import re

from papershelf.catalog.field_keys import VENUE_KEYS
from papershelf.catalog.venue_text import VenueGuess, parse_venue, venue_in

_KEY = re.compile(
    rf"^\s*(?:source|conference|venue|published|publication|in|{VENUE_KEYS})"
    r"(?:\s*[+/&＋]\s*(?:years?|dates?|年份|时间))?\s*[:：]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_REMARK = re.compile(r"\s*(?:[（(]|——|—|[；;]|，)")
_ARXIV_ID = re.compile(r"\s+\d{4}\.\d{4,5}(?:v\d+)?$")
"""``arXiv 2212.09519``: the paper's id, no year of the venue."""
_REMARK_YEAR = re.compile(r"^\s*[（(]\s*((?:19|20)\d{2})(?:[-./]\d{1,2})?(?![\d–\-~])")


def is_venue_key(text: str) -> bool:
    """Whether ``text`` is a key line under a venue key (``Venue:``, ``venue+年份：``)."""
    return _KEY.match(text) is not None


def keyed_venue(text: str) -> VenueGuess | None:
    """The venue a ``Key: value`` line gives under a venue key, or None."""
    m = _KEY.match(text)
    if m is None:
        return None
    value = m.group("value")
    found = parse_venue(value) or venue_in(value)
    if found is not None or (cut := _REMARK.search(value)) is None:
        return found
    head, remark = _ARXIV_ID.sub("", value[: cut.start()]), value[cut.start() :]
    found = parse_venue(head) or venue_in(head)
    if found is not None and found.year is None and (year := _REMARK_YEAR.match(remark)):
        return VenueGuess(found.name, int(year.group(1)), found.remark)
    return found
