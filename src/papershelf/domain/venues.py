"""Reading a venue label a person typed: ``OSDI 2024``, ``ASPLOS'25``, ``MLSys``."""

from __future__ import annotations

import re
from functools import lru_cache

UNKNOWN_VENUE = "Unknown venue"
"""What the app's tree and the CLI call the papers of no venue (their label is "")."""
_UNKNOWN_NAMES = frozenset({"unknown venue", "unknown", "no venue"})


def names_unknown_venue(text: str) -> bool:
    """True when a person's ``text`` means the papers of no venue: "Unknown venue", any case."""
    return " ".join(text.split()).casefold() in _UNKNOWN_NAMES


def venue_shown(label: str) -> str:
    """A venue label as a person reads it: the empty label is "Unknown venue"."""
    return label or UNKNOWN_VENUE


_LABEL = re.compile(r"^(?P<name>.*?)[\s'’]*(?P<year>(?:19|20)\d\d|\d\d)$")


@lru_cache(maxsize=1 << 14)  # grouping splits each distinct label several times
def split_venue(text: str) -> tuple[str, int | None]:
    """``OSDI 2024`` -> ("OSDI", 2024), ``ASPLOS'25`` -> ("ASPLOS", 2025), ``arXiv`` -> no year."""
    text = " ".join(text.split())
    m = _LABEL.match(text)
    if not m or not m.group("name").strip() or m.group("name").strip().isdigit():
        return text, None
    year = int(m.group("year"))
    if year < 100:
        year += 2000
    return m.group("name").strip(), year
