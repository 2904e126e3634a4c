"""A heading over linked entries of its own is the list's title, not a paper's.

``# CHI'26 Preprint Collection — Curated Reading List`` then ``**Source:** [medium](...)`` and
sections of ``1. **Title** — [PDF](...)``: the key line under the heading says where the list
came from, and the entries below are the papers. A heading per paper keeps notes under it
(paragraphs, a few bullets), not a run of entries that each link a work of their own.
"""

from __future__ import annotations

from papershelf.catalog.candidate import Candidate

_ENTRIES = 3
"""Linked items below a heading that make it a list's: notes rarely link three works."""


def heads_entries(c: Candidate, siblings: list[Candidate], at: int) -> bool:
    """Whether list items under ``c`` (or under the sub-headings after it) link works.

    ``siblings[at]`` is ``c`` when the walk is at it: the sub-headings follow it there.
    """
    after: list[Candidate] = []
    if at < len(siblings) and siblings[at] is c:
        j = at + 1  # no copy of the rest: a list of headings would copy it at every heading
        while j < len(siblings) and siblings[j].kind == "heading" and siblings[j].level > c.level:
            after.append(siblings[j])
            j += 1
    if not after and len(c.children) < _ENTRIES:
        return False  # cheap: a heading per paper keeps a line or two of its own under it
    seen = 0
    for child in (*c.children, *after):
        below = child.children if child.kind == "heading" else (child,)
        for k in below:
            if k.kind == "item" and any(_web(s.href) for s in k.spans if s.is_link):
                seen += 1
                if seen >= _ENTRIES:
                    return True
    return False


def _web(href: str | None) -> bool:
    return (href or "").startswith(("http://", "https://"))
