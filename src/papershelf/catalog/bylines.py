"""Who wrote an entry's paper: the names around its title, in the places lists put them.

A citation's authors lead it; a detail line says ``Authors: ...``; an italic run after the
title holds names; ``by A. Verma et al., EuroSys 2015`` follows it; names before a linked
title are its authors; else the first sentence after the title, when it lists names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from papershelf.catalog import fields
from papershelf.catalog.spans import Span, text_of

KEY_VALUE = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z ]{1,20}?)\s*[:：]\s*(?P<value>.*)$")
"""A detail line ``Key: value`` (``Authors: ...``, ``Venue: ...``)."""
_AUTHOR_KEYS = frozenset({"authors", "author", "by", "作者"})
_SENTENCE_BREAK = re.compile(r"\.\s+")
_BEFORE_VENUE = re.compile(r",?\s+(?=[A-Z][A-Za-z]*\s*['’]?\s*\d{2})")


def entry_authors(
    title: fields.Title, rest_text: str, details: Sequence[list[Span]]
) -> tuple[str, ...]:
    """The authors an entry names; ``rest_text`` is its text after the title."""
    if title.source == "citation":
        return fields.authors_in(title.lead)
    for line in details:
        kv = KEY_VALUE.match(text_of(line))
        if kv and kv.group("key").strip().casefold() in _AUTHOR_KEYS:
            return fields.authors_in(kv.group("value"))
    for span in title.rest:
        if span.emph and not span.is_link and (names := fields.authors_in(span.text)):
            return names
    text = rest_text.strip(" .,;")
    if text.lower().startswith("by "):  # "by A. Verma et al., EuroSys 2015"
        before_venue = _BEFORE_VENUE.split(text[3:])[0]
        return fields.authors_in(before_venue)
    lead = title.lead.strip()
    # "Optional: [Title](...)": a label before the title, not its authors
    if lead and not lead.endswith((":", "：")) and (names := fields.authors_in(lead)):
        return names
    first = _SENTENCE_BREAK.split(text.strip(" .,"), maxsplit=1)[0]
    return fields.authors_in(first) if "," in first or " and " in first else ()
