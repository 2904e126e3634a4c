"""A quoted title and its byline: ``"Blockchain Technology: ..." by Marc Pilkington: notes``.

A literature review's list of the works it read names each one by its title in quotes, then
``by`` and the authors, often then a colon and what the reviewer made of it. A careful reader
takes the quoted words for the title and the names for its authors, as for an italic title
with a byline (``emph_bylines``). Only names may stand between ``by`` and the colon or the
end (``authors_in`` reads them), so a quoted phrase in a sentence is no title.
"""

from __future__ import annotations

import re

from papershelf.catalog.emph_bylines import byline_names, cited_by
from papershelf.catalog.fields import Title, word_count
from papershelf.catalog.spans import Span

_QUOTED_BY = re.compile(
    r"\W{0,3}[\"“](?P<title>[^\"“”]{8,300}?)[,.]?[\"”]\s+by\s+(?P<names>[^:\n]{3,300}?)"
    r"\s*(?::\s.*)?"
)
_MIN_WORDS = 2


def quoted_byline(spans: list[Span], tags: list[str]) -> Title | None:
    """The title and authors of ``"Title" by Names[: notes]`` with no link, else None."""
    if not spans or any(s.is_link or s.badge for s in spans):
        return None
    text = " ".join(" " if s.brk else s.text for s in spans).strip()
    if not ('"' in text[:4] or "“" in text[:4]) or " by " not in text:
        return None
    m = _QUOTED_BY.fullmatch(text)
    if m is None or word_count(title := m.group("title").strip()) < _MIN_WORDS:
        return None
    names = byline_names(m.group("names"))
    return cited_by(title, names, tags) if names else None
