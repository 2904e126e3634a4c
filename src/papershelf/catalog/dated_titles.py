"""A plain title the list dates after a comma: ``Combining Branch Predictors, 1993``.

Reading lists of classic papers name each by its title and year, and a recent one by its
title, year and venue (``Berti: an Accurate Local-Delta Data Prefetcher, 2022, MICRO``), with
no link. The year (and the venue) after the last commas belong to the paper, not its title;
a title its list dates this way is a paper's, as ``Title (2024, Meta)`` is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from papershelf.catalog.entry_venue import Context
from papershelf.catalog.etal_cites import etal_tail
from papershelf.catalog.fields import Title, word_count
from papershelf.catalog.page_titles import split_comma_tail
from papershelf.catalog.sentences import reads_as_sentence
from papershelf.catalog.venue_text import VenueGuess

_MIN_WORDS = 3
"""``Vector Runhead, 2021, ISCA``: a short name is a title only when a venue follows it."""
_YEAR_REST = re.compile(r"\s*(?:19|20)\d{2}(?:\s*,\s*[A-Za-z][^,]{0,30})?[\s.]*")
"""``2006, ISCA`` left after the title: the year, then the venue."""


_NOT_TITLES = re.compile(
    r"(?:maintained|licen[cs]ed|updated|last|created|compiled|curated|edited|copyright|©|"
    r"lecture|week|class|session|midterm|final|exam|quiz|homework|assignment|project|lab|due|"
    r"deadline|holiday|no)\b",
    re.IGNORECASE,
)
"""What opens a line on keeping the list or a course's schedule: dated, yet no paper's title
(``Maintained by the course staff, 2024``, ``Lecture 1: Introduction, 2023``)."""
_MONTH_DAY = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}$", re.IGNORECASE
)
"""``Last updated: January 5, 2024``: a date's month and day before its year."""


def not_a_title(head: str) -> bool:
    """Whether the words before a year are a schedule's or a list's own, or a sentence."""
    return (
        _NOT_TITLES.match(head.lstrip()) is not None
        or _MONTH_DAY.search(head) is not None
        or reads_as_sentence(head)
    )


def dated_text(
    raw: str, title: Title, ctx: Context
) -> tuple[str, VenueGuess | None, Context] | None:
    """(title, venue or None, the context dated by the year), else None.

    Only for an entry without links (a link's kind, ``[slides]``, says what it is). The year
    may stand in the title's text or be all that follows it (``title.rest``, taken up here).
    """
    rest = title.rest
    if not rest or (len(rest) == 1 and not rest[0].text and not rest[0].is_link):
        if ", 19" not in raw and ", 20" not in raw:
            return None  # cheap: most titles hold no year after a comma
        text = raw
    else:  # "Title" then "2006, ISCA": one plain span that is the year and the venue
        rest = [s for s in rest if s.is_link or s.text.strip()]
        if len(rest) != 1 or rest[0].is_link or _YEAR_REST.fullmatch(rest[0].text) is None:
            return None  # "Title. Names. DEFCON 27, 2019. [slides](...)": a link's kind rules
        text = f"{raw}, {rest[0].text.strip()}"
    split = split_comma_tail(text.rstrip(" ."))
    if split is None or (year := split[1].year) is None:
        return None
    head, found = split
    if not found.name and word_count(head) < _MIN_WORDS:
        return None
    if not_a_title(head):
        return None
    title.rest = []
    head, credited = etal_tail(head)  # "Title, Mahmood et al, 2018."
    dated = replace(ctx.dated(year, ()), paper_place=True)  # the date vouches for it
    if credited:
        dated.extra_authors = credited
    return head, found if found.name else None, dated
