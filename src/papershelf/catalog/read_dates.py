"""The day a reading log read a paper, before its entry: ``Jan. 6th "Title" IEEE S&P'22``.

``1. Jan. 6th "GREBE: Unveiling Exploitation Potential for Linux Kernel Bugs" IEEE S&P'22``,
``2023-01-19: Title``: a log of papers read notes the day first. The date is the writer's, not
the paper's (its year is not the publication's): a careful reader passes over it and reads the
entry after it. Only a date followed by a quoted title or by a colon or dash counts, so a title
that opens with a month's name (``May the Force ...``) stays whole.
"""

from __future__ import annotations

import re

from papershelf.catalog.spans import Span

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"\s*(?:{_MONTH}\s{_DAY}(?:,?\s(?:19|20)\d{{2}})?|{_DAY}\s{_MONTH}(?:\s(?:19|20)\d{{2}})?"
    r"|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})"
    r"(?:\s*[:–—-]\s+|\s+(?=[\"“]))"
)
_STARTS = frozenset("JFMASOND0123456789 ")
"""What a date's first character may be: a cheap test before the pattern."""


def past_read_date(spans: list[Span]) -> list[Span] | None:
    """The spans without the reading date that opens them, else None."""
    if not spans or spans[0].is_link or spans[0].text[:1] not in _STARTS:
        return None
    head = spans[0]
    m = _DATE.match(head.text)
    if m is None or (m.end() == len(head.text) and len(spans) == 1):
        return None
    kept = Span(head.text[m.end() :], strong=head.strong, emph=head.emph)
    return [kept, *spans[1:]] if kept.text else spans[1:]
