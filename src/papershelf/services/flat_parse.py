"""A parse as tuples and strings, to send to another process and back.

Pickling 10,000 ``Paper`` dataclasses costs about twice as much as their fields in tuples;
``unflat`` gives back what ``flat`` was given (equal papers, links, venues and skips).
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Sequence
from typing import Any

from papershelf.domain.models import Link, Paper, ParsedList

_PAPER_FIELDS = tuple(f.name for f in dataclasses.fields(Paper))
_LINKS = _PAPER_FIELDS.index("links")
_BEFORE_LINKS = operator.attrgetter(*_PAPER_FIELDS[:_LINKS])
_AFTER_LINKS = operator.attrgetter(*_PAPER_FIELDS[_LINKS + 1 :])


def flat_rows(papers: Sequence[Paper]) -> list[tuple[object, ...]]:
    """``papers`` as tuples and strings (their links as (kind, url) pairs)."""
    return [
        (
            *_BEFORE_LINKS(paper),
            tuple([(link.kind, link.url) for link in paper.links]),
            *_AFTER_LINKS(paper),
        )
        for paper in papers
    ]


def unflat_rows(rows: Sequence[Sequence[Any]]) -> list[Paper]:
    """The papers ``flat_rows`` made ``rows`` of."""
    papers = []
    for row in rows:
        fields = list(row)
        fields[_LINKS] = tuple(Link(kind, url) for kind, url in fields[_LINKS])
        papers.append(Paper(*fields))
    return papers


def flat(parsed: ParsedList) -> tuple[object, ...]:
    """``parsed`` as tuples and strings (``flat_rows`` of its papers, then the rest)."""
    return (flat_rows(parsed.papers), *rest_of(parsed))


def rest_of(parsed: ParsedList) -> tuple[object, ...]:
    """What ``ParsedList`` holds beside its papers, in its order."""
    return (parsed.venues, parsed.skipped, parsed.entries, parsed.unsafe_links)


def unflat(value: tuple[Any, ...]) -> ParsedList:
    """The ``ParsedList`` that ``flat`` made ``value`` of."""
    rows, *rest = value
    return ParsedList(tuple(unflat_rows(rows)), *rest)
