"""Why an entry was not taken for a paper: the kinds the import summary counts.

Kept free of the parser so the CLI can summarise without loading it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

TOC = "table-of-contents links"
TOOLS = "tools or repositories"
NON_PAPERS = "blogs, docs, slides or other non-papers"
NOTES = "links to other lists or notes"
NO_LINK = "text without a paper link"
LABELS = "talk topics, labels or headings"
PROSE = "links inside prose"
UNREADABLE = "unreadable"
SAID_NO_PAPER = f"{NON_PAPERS}: the list says so"
"""The writer's own word after an entry (``-> Not a paper but good to read``): no reading
of the list's shape can dispute it."""
SKIP_KINDS = (TOC, TOOLS, NON_PAPERS, NOTES, NO_LINK, LABELS, PROSE, UNREADABLE)


def kind_of(reason: str) -> str:
    """The summary kind of a skip reason; reasons of the seed families are ``unreadable``."""
    return next((kind for kind in SKIP_KINDS if reason.startswith(kind)), UNREADABLE)


def skip_summary(skipped: Iterable[tuple[int, str]]) -> str:
    """``23: 12 tools or repositories, 8 table-of-contents links, 3 unreadable``."""
    counts = Counter(kind_of(reason) for _, reason in skipped)
    total = sum(counts.values())
    parts = [f"{n} {kind}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return f"{total}: " + ", ".join(parts) if parts else "0"
