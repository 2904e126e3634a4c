"""A plain title, a dash, then its authors: ``A Tutorial on Quantum Error Correction - Steane``.

Reading journals write each paper as its title and the people who wrote it after a dash
(``Title - A. One, B. Two``, ``Title -Johanna Barzen and Frank Leymann``, names cut short
with ``...``), the link on the line below. A careful reader takes the names for the authors
and the words before the dash for the title; a dash inside a title (``Manipulation -
Perception, Planning, and Control``) has no people's names after it.
"""

from __future__ import annotations

import re

_DASH = re.compile(r"\s[-–—]\s?(?=[A-Z])")
_BREAKS = re.compile(r"\s*(?:,|;|†|&|\band\b)\s*")
_INITIAL = re.compile(r"[A-Z]\.(?:-?[A-Z]\.)*")
_WORD = re.compile(r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?\d?")
_PARTICLES = frozenset({"de", "van", "der", "von", "le", "la", "da", "del", "di", "Jr", "Jr."})
_TITLE_WORDS = 3


def dash_byline(raw: str) -> tuple[str, tuple[str, ...]] | None:
    """The title before the last dash and the names after it, or None when they are no names."""
    if " -" not in raw and " –" not in raw and " —" not in raw:
        return None  # cheap: most titles have no spaced dash
    found = None
    for m in _DASH.finditer(raw):
        found = m
    if found is None or len(raw[: found.start()].split()) < _TITLE_WORDS:
        return None
    names = _names(raw[found.end() :])
    return (raw[: found.start()].rstrip(), names) if names else None


def _names(text: str) -> tuple[str, ...]:
    """Every part a person's name (two to five words, initials allowed), else nothing."""
    text = text.strip().rstrip(".").rstrip(" ,.…").removesuffix("et al").strip(" ,")
    parts = [p for p in _BREAKS.split(text) if p.strip(" .…")]
    if not parts:
        return ()
    listed = len(parts) >= _LISTED  # "S Perseguers, G J Lapeyre Jr, ...": bare initials too
    names: list[str] = []
    for i, part in enumerate(parts):
        words = part.split()
        cut_short = listed and i == len(parts) - 1 and len(words) == 1  # "...; Qihuang"
        if not (2 <= len(words) <= _NAME_WORDS or cut_short):
            return ()
        if not all(_name_word(w, bare=listed) for w in words):
            return ()
        names.append(" ".join(words))
    return tuple(names)


_LISTED = 3
_NAME_WORDS = 5


def _name_word(word: str, *, bare: bool) -> bool:
    if _WORD.fullmatch(word) or _INITIAL.fullmatch(word) or word in _PARTICLES:
        return True
    return bare and len(word) == 1 and word.isupper()
