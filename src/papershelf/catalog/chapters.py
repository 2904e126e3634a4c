"""Books a list reads by the chapter, not papers.

``[Principles of ... Systems (PDKBS)](...)`` in a course's readings, ``PDKBS 12.1-12.8`` or
``KRR Ch 2 & 3`` in its schedule: a course names a textbook by a short form and assigns
chapters or sections of it; a paper is read whole. An entry whose title ends in a short
form the list cites that way is a book.
"""

from __future__ import annotations

import re

from papershelf.catalog.entry import Found
from papershelf.catalog.skips import NON_PAPERS

_SHORT_FORM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)\s*$")
# "KRR Ch 2", "PDKBS 12.1-12.8": a short form, then a chapter or a section.
_CITED = re.compile(r"\b([A-Z][A-Za-z]{1,9})\s+(?:[Cc]h(?:apters?|\.)?\s*\d|\d+\.\d+)")


def drop_books_read_by_chapter(found: Found, text: str) -> None:
    """Move the entries that are books read by the chapter from the papers to the skips.

    One pass over the text, and only for a list with a title ending in a short form.
    """
    forms = {
        id(entry): m.group(1)
        for entry in found.entries
        if entry.title.endswith(")") and (m := _SHORT_FORM.search(entry.title))
    }
    if not forms:
        return
    cited = {m.group(1) for m in _CITED.finditer(text)}
    kept = []
    for entry in found.entries:
        form = forms.get(id(entry))
        if form is not None and form in cited:
            found.skipped.append((entry.line, f"{NON_PAPERS}: a book read by chapter: {form}"))
        else:
            kept.append(entry)
    found.entries[:] = kept
