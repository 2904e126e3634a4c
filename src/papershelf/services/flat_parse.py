"""A parse as tuples and strings, to send to another process and back.

Pickling 10,000 ``Paper`` dataclasses costs about twice as much as their fields in tuples;
``unflat`` gives back what ``flat`` was given (equal papers, links, venues and skips).
"""

from __future__ import annotations

import dataclasses
import operator
from typing import Any

from papershelf.domain.models import Link, Paper, ParsedList

_PAPER_FIELDS = tuple(f.name for f in dataclasses.fields(Paper))
_LINKS = _PAPER_FIELDS.index("links")
_BEFORE_LINKS = operator.attrgetter(*_PAPER_FIELDS[:_LINKS])
_AFTER_LINKS = operator.attrgetter(*_PAPER_FIELDS[_LINKS + 1 :])


def flat(parsed: ParsedList) -> tuple[object, ...]:
    """``parsed`` as tuples and strings (its papers' links as (kind, url) pairs)."""
    rows = [
        (
            *_BEFORE_LINKS(paper),
            tuple([(link.kind, link.url) for link in paper.links]),
            *_AFTER_LINKS(paper),
        )
        for paper in parsed.papers
    ]
    return (rows, parsed.venues, parsed.skipped, parsed.entries, parsed.unsafe_links)


def unflat(value: tuple[Any, ...]) -> ParsedList:
    """The ``ParsedList`` that ``flat`` made ``value`` of."""
    rows, venues, skipped, entries, unsafe = value
    papers = []
    for row in rows:
        fields = list(row)
        fields[_LINKS] = tuple(Link(kind, url) for kind, url in fields[_LINKS])
        papers.append(Paper(*fields))
    return ParsedList(tuple(papers), venues, skipped, entries, unsafe)
