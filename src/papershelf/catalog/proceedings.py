"""A conference's accepted-papers page: each title a heading, its authors a paragraph under it.

Or each paper a paragraph: ``**Title**: A (Org); B (Org)``, the bold title, a colon, and the
people who wrote it with their affiliations (``bold_byline``), with no link to the paper.

``###### Virtual Memory Revisited for Tiered Memory<br>`` then ``<p>Oliver Giersch (BTU
Cottbus-Senftenberg); Dustin Nguyen (FAU)</p>``: the heading names a paper because the one
paragraph under it lists people with their affiliations in parentheses.
"""

from __future__ import annotations

import re
from html import unescape

from papershelf.catalog.citation import names_like
from papershelf.catalog.spans import Span

_PARAGRAPH = re.compile(r"^\s*<p>(?P<text>(?:(?!</?p\b).)+)</p>\s*$", re.IGNORECASE | re.DOTALL)
_GROUP = re.compile(r"\((?:[^()]|\([^()]*\))*\)")
_NICKNAME = re.compile(r"\([^()]*\)(?=\s+[A-Z])")  # "Zhihao (Zephyr) Yao"
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){1,3}$")


def paragraph_text(html: str) -> str | None:
    """The text of an HTML block that is one ``<p>...</p>`` with no further markup."""
    m = _PARAGRAPH.match(html)
    if m is None or "<" in m.group("text"):
        return None
    return " ".join(unescape(m.group("text")).split())


def authors_with_affiliations(text: str) -> tuple[str, ...] | None:
    """``A, B (Org); C (Org2)`` -> (A, B, C); None unless every part is names (Org)."""
    if text.count("(") < 1 or len(text) > 2000:
        return None
    names: list[str] = []
    for part in text.split(";"):
        if not part.strip():
            continue
        bare = _GROUP.sub(",", _NICKNAME.sub(" ", part))
        if "(" in bare or ")" in bare:
            return None
        found = [n.strip() for n in re.split(r",|\band\b", bare) if n.strip()]
        if not found or not all(_NAME.match(n) for n in found) or not names_like(bare):
            return None
        names.extend(" ".join(n.split()) for n in found)
    return tuple(names) or None


def bold_byline(spans: list[Span]) -> tuple[str, tuple[str, ...]] | None:
    """``**Title**: A (Org); B (Org)`` -> (Title, (A, B)): a paper named, its authors after."""
    lead = 1 if spans and not spans[0].text.strip() and not spans[0].is_link else 0
    if len(spans) < lead + 2 or not (head := spans[lead]).strong or head.is_link or head.code:
        return None
    title, after = head.text.strip(), "".join(s.text for s in spans[lead + 1 :]).lstrip()
    if not after.startswith(":") or " " not in title or any(s.is_link for s in spans):
        return None
    names = authors_with_affiliations(after[1:].strip())
    return (title, names) if names else None
