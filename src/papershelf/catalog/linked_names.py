"""An entry whose every author links to a page of theirs, then a bold title and a linked venue.

``[Xingda Wei](https://dblp.org/pid/...), [Rong Chen](...): **Fast RDMA-based Ordered
Key-Value Store using Remote Learned Cache.** [OSDI 2020](https://dblp.org/db/conf/...): 117-135``:
a list copied from DBLP (or a group's publications page) links each name to the person, ends
the names with a colon, sets the title in bold and links the venue to its table of contents.
A careful reader sees one paper: the names are its authors, the bold words its title, the
linked venue (with the year, in it or closing the entry: ``(2021)``) where it appeared. No link
of the entry is the paper's own: people and a proceedings.
"""

from __future__ import annotations

import re

from papershelf.catalog.candidate import Candidate
from papershelf.catalog.citation import names_like
from papershelf.catalog.series_names import short_name
from papershelf.catalog.spans import Span
from papershelf.catalog.stacked_items import Stacked, stacked_item
from papershelf.catalog.venue_text import VenueGuess, parse_venue, year_in

_MAX_NAME_WORDS = 5
_SEPARATORS = frozenset({",", "and", ", and", "&"})
# "Frontiers Comput. Sci. 15(6)", "Future Gener. Comput. Syst. 92", "APWeb/WAIM (1) 2021",
# "CoRR abs/2107.06836": the volume, number, part or report after the name, and the year
_AFTER_NAME = re.compile(
    r"(?:\s+(?:abs/)?[\d.]+(?:\s?\(\w{1,6}\))?|\s+\(\d{1,2}\)|\s+(?:19|20)\d{2})+$"
)


def item_fields(c: Candidate) -> Stacked | None:
    """An item's title, venue and names when it gives them a field a line or with linked names."""
    return stacked_item(c) or linked_names(c.spans)


def linked_names(spans: list[Span]) -> Stacked | None:
    """The bold title, the venue and the linked names of such an entry; else None."""
    if not spans or not spans[0].is_link:
        return None  # cheap: most entries open with their title or a tag
    names: list[str] = []
    end = None
    for i, span in enumerate(spans):
        text = span.text.strip()
        if span.is_link and not span.strong:
            if not _is_name(text):
                return None
            names.append(text)
        elif not (span.badge is not None or span.brk or not text or text in _SEPARATORS):
            end = i
            break
    if end is None or not names or spans[end].text.strip() != ":":
        return None
    at = end
    rest = spans[at + 1 :]
    first = next((i for i, s in enumerate(rest) if s.text.strip() and not s.brk), None)
    if first is None or not rest[first].strong or rest[first].is_link:
        return None
    title = rest[first].text.strip().rstrip(".").strip()
    venue = _venue(rest[first + 1 :])
    return Stacked([Span(title, strong=True)], venue, tuple(names))


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= _MAX_NAME_WORDS and names_like(text)


def _venue(after: list[Span]) -> VenueGuess | None:
    """``[OSDI 2020](...): 117-135``, ``[ACM Trans. Storage 17(3)](...): 18:1-18:32 (2021)``."""
    link = next((s for s in after if s.is_link), None)
    if link is None:
        return None
    year = year_in(link.text)
    if year is None:
        closing = "".join(s.text for s in after[after.index(link) + 1 :])
        year = year_in(closing[-8:]) if closing.rstrip().endswith(")") else None
    name = short_name(_AFTER_NAME.sub("", link.text.strip()).strip())  # "USENIX Annual ..."
    if not name or year is None:
        return None
    return parse_venue(f"{name} {year}", need_year=True) or VenueGuess(name, year)
