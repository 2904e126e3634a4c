"""A conference's page of notes: under a heading naming the venue and year, a heading per paper.

``# pldi2017`` / ``## Compiler Optimizations`` / ``### Fusing Effectful Comprehensions`` then
``[short slide](...)`` and the reader's notes: a writer going through one conference keeps a
heading for each paper heard, grouped by session. A careful reader takes each such heading
for a paper of that venue and year, and what stands under it for notes on it: the heading
has no link of its own, no headings under it, and a title's length; its siblings are more of
the same; nothing under it opens with a linked title (an entry of its own) or lists titles.
"""

from __future__ import annotations

import functools
import re

from papershelf.catalog.candidate import Candidate
from papershelf.catalog.fields import word_count
from papershelf.catalog.sections import heading_venue
from papershelf.catalog.spans import text_of

MIN_TITLE_WORDS = 3
"""A heading this long may be a paper's title (``Levity Polymorphism`` is not read: a session
name as short is far more common)."""
MIN_SIBLINGS = 2
"""Paper headings side by side in a session: one alone may be a section's name."""
_MIN_LIST_ITEMS = 2
_SENTENCE_END = re.compile(r"[.。!！?？]\s*$")
_EVENT = re.compile(
    r"^\W*(?:keynotes?|panel|posters?|lunch|dinner|breakfast|coffee|reception|banquet|visas?"
    r"|logistics|welcome|q\s*&\s*a|questions\s+for|highlights|takeaways|recap"
    # "Registration of Brain MRI ...", "Travel Time Estimation ...": titles, not errands
    r"|(?:travel|hotels?|registration)\s+(?:and|&|booking|info|desk|grants?|tips)"
    r"|(?:opening|closing)\s+(?:remarks|session|keynote))\b",
    re.IGNORECASE,
)
"""A trip report's headings in the same shape: ``Keynote by ...``, ``Lunch break and
posters``, ``Travel and hotel booking``, ``Opening remarks and welcome``."""
_COUNTED = re.compile(r"\(\s*~?\d+\s+(?:papers?|entries|works|articles|titles)\s*\)$", re.I)
"""A heading's count of what it holds: ``(9 papers)``, ``(~20 entries)``."""


def venue_page_paper(heading: Candidate, siblings: list[Candidate], at: int) -> bool:
    """Whether ``heading`` is one paper's heading on a conference's page of notes."""
    if heading.level < 2 or not heading.spans or not _under_venue(heading.headings):
        return False  # cheap: most headings sit under no venue's heading
    if any(k.kind == "heading" for k in heading.children) or not _bare_title(heading):
        return False
    after = siblings[at + 1] if siblings[at] is heading and at + 1 < len(siblings) else None
    if after is not None and after.kind == "heading" and after.level > heading.level:
        return False  # a session's name over its papers' headings
    if not _title_beside(heading, siblings, at):
        return False  # MIN_SIBLINGS with this one
    return not any(_opens_with_title_link(k) for k in heading.children) and not _lists_titles(
        heading
    )


@functools.lru_cache(maxsize=1024)
def _under_venue(headings: tuple[tuple[int, str], ...]) -> bool:
    """Whether a heading above names a venue with its year (``# pldi2017``, ``# OSDI '24``)."""
    return any((v := heading_venue(text)) is not None and v.year for _, text in headings)


def _bare_title(heading: Candidate) -> bool:
    text = text_of(heading.spans).strip()
    if any(s.is_link for s in heading.spans) or text.endswith(":") or _EVENT.match(text):
        return False
    if text.endswith(")") and _COUNTED.search(text):
        return False  # "## AI-mediated Communication (9 papers)": a section says its size
    return word_count(text) >= MIN_TITLE_WORDS


def _leaf_title(c: Candidate, level: int) -> bool:
    return (
        c.kind == "heading"
        and c.level == level
        and not any(k.kind == "heading" for k in c.children)
        and _bare_title(c)
    )


def _title_beside(heading: Candidate, siblings: list[Candidate], at: int) -> bool:
    """Whether another sibling is a title heading, the nearest looked at first.

    A page of a whole conference has thousands of them: counting every sibling for each
    heading was quadratic; the nearest title beside ends the look, so each gap between
    titles is walked by at most the two titles around it.
    """
    if not (0 <= at < len(siblings) and siblings[at] is heading):
        at = next((i for i, s in enumerate(siblings) if s is heading), -1)
    order = (
        (j for d in range(1, len(siblings)) for j in (at - d, at + d) if 0 <= j < len(siblings))
        if at >= 0
        else range(len(siblings))
    )
    return any(
        siblings[j] is not heading and _leaf_title(siblings[j], heading.level) for j in order
    )


def _opens_with_title_link(c: Candidate) -> bool:
    first = next((s for s in c.spans if s.is_link or s.text.strip()), None)
    return first is not None and first.is_link and word_count(first.text) >= MIN_TITLE_WORDS


def _lists_titles(heading: Candidate) -> bool:
    """Bullets under the heading that read as titles (no stop at the end): a session's papers."""
    titles = 0
    for k in heading.children:
        text = text_of(k.spans).strip()
        if (
            k.kind == "item"
            and word_count(text) >= MIN_TITLE_WORDS
            and not _SENTENCE_END.search(text)
        ):
            titles += 1
    return titles >= _MIN_LIST_ITEMS
