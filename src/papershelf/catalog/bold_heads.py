"""A bold line that names a venue, standing alone over a list: a heading in all but markup.

``**NeurIPS 2023 Test of Time Award (Papers from 2013)**`` then the papers as bullets: the
writer made a heading of bold text. Only a line that names a venue and a year is taken so
(``**Papers**`` or ``**Note:**`` over a list stay what they are): the papers under it are of
that venue, as under ``### NeurIPS 2023``.
"""

from __future__ import annotations

import re

from papershelf.catalog.sections import heading_venue
from papershelf.catalog.spans import Span

BOLD_LEVEL = 7
"""Below every markdown heading: the next heading of any level ends its section."""
_MAX_WORDS = 14
_YEAR = re.compile(r"(?:19|20)\d{2}")


def bold_venue_line(spans: list[Span]) -> str | None:
    """The text of a paragraph that is one bold run naming a venue and its year, else None."""
    shown = [s for s in spans if s.text.strip() or s.is_link]
    if len(shown) != 1 or not shown[0].strong or shown[0].is_link or shown[0].brk:
        return None
    text = shown[0].text.strip()
    if len(text.split()) > _MAX_WORDS or _YEAR.search(text) is None:
        return None  # cheap: no year, no venue's edition
    return text if heading_venue(text) is not None else None
