"""``Title. Jeffrey Pennington, Richard Socher, Christopher D. Manning. EMNLP 2014``.

Reading lists of the field's classics give each paper's title first, then a stop and its
authors by their full names, then (when the writer knows it) the venue and year, or
``Preprint``. The authors say the line names a paper, link or no link. The names must read as
a list of two names or more (``Andrew M. Dai, Quoc V. Le``), each of capitalised words and
initials only: a title's second sentence (``A Survey``) is no list of names, and a title of
capitalised words alone (``Semi-supervised Sequence Learning``) is no such list either.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation, last_year
from papershelf.catalog.inline import MAX_TITLE

_WORD = r"(?:[A-Z][a-z][\w'’-]*|[A-Z]\.?(?:-[A-Z]\.?)?)"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{1,3}}"
"""``Quoc V. Le``, ``Christopher D. Manning``, ``P. Bojanowski``: two to four words."""
_LIST = re.compile(rf"{_NAME}(?:\s*,\s*(?:and\s+)?{_NAME}|\s+and\s+{_NAME})+")
"""Two names or more, set apart by commas or ``and``."""
_STOP = re.compile(r"\.\s+")
_INITIAL = re.compile(r"(?:^|\s)[A-Z]$|^[A-Z]\.\s")
"""A stop after an initial, or a text that opens with one: names, not a title."""
_LEAD_YEAR = re.compile(r"((?:19|20)\d{2})[a-z]?\.\s+(?=\S)")
"""A year sentence before the venue, as Google Scholar's citations give it: the year is kept."""
_PREPRINT = re.compile(r"(?:pre-?print|unpublished|manuscript|tech(?:nical)? report)\.?", re.I)


def title_then_names(text: str) -> Citation | None:
    """The citation in ``Title. Name One, Name Two[, and Name Three]. [Venue Year].``, else None."""
    if ", " not in text and " and " not in text:
        return None  # cheap: one name is no list of authors
    for stop in _STOP.finditer(text):
        if stop.start() > MAX_TITLE:
            return None  # no title runs this long: each stop more cost a scan of all before it
        title = text[: stop.start()].strip()
        if len(title.split()) < 2 or _LIST.fullmatch(title) or _INITIAL.search(title):
            continue  # names first ("C. Finn, X. Y. Tan. Title."): a reference, read elsewhere
        after = text[stop.end() :]
        m = _LIST.match(after)
        follows = after[m.end() :] if m is not None else "?"
        if m is None or (follows.strip() and not follows.startswith(".")):
            return None  # "Title. A Survey. OSDI 2020": no names after the title
        rest = follows.strip(" .")
        if _PREPRINT.fullmatch(rest):
            return Citation(m.group(0), title, "", None)
        if (dated := _LEAD_YEAR.match(rest)) is not None:  # "2022. Venue 35, 1-9": Scholar's
            return Citation(m.group(0), title, rest[dated.end() :], int(dated.group(1)))
        return Citation(m.group(0), title, rest, last_year(rest) if rest else None)
    return None
