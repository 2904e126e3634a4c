"""A plain title, a dash, then its authors: ``A Tutorial on Quantum Error Correction - Steane``.

Reading journals write each paper as its title and the people who wrote it after a dash
(``Title - A. One, B. Two``, ``Title -Johanna Barzen and Frank Leymann``, names cut short
with ``...``), the link on the line below. A careful reader takes the names for the authors
and the words before the dash for the title; a dash inside a title (``Manipulation -
Perception, Planning, and Control``) has no people's names after it.

Others write the names first, each followed by a comma: ``Jeffrey Dean, Sanjay Ghemawat,
MapReduce: Simplified Data Processing on Large Clusters, OSDI 2004`` (``lead_byline``).
"""

from __future__ import annotations

import re

_DASH = re.compile(r"\s[-–—]\s?(?=[A-Z])")
_BREAKS = re.compile(r"\s*(?:,|;|†|&|\band\b)\s*")
_INITIAL = re.compile(r"[A-Z]\.(?:-?[A-Z]\.)*")
_WORD = re.compile(r"(?:Mc|Mac|De|Di|La|Le|O['’])?[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?\d?")
"""A name's word, ``McKusick``, ``DeCandia`` and ``O'Neil`` too."""
NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del"})
"""Lower-case words of a family name (``Guido van Rossum``, ``Aäron van den Oord``)."""
_PARTICLES = NAME_PARTICLES | {"Jr", "Jr."}
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


_LEAD_NAME = re.compile(r"[A-Z][^,]{2,40}?,\s")
_TITLE_ONLY = frozenset(
    (
        *("The", "A", "An", "On", "Of", "For", "In", "With", "To", "Towards", "Toward", "Using"),
        *("Learning", "System", "Systems", "Data", "Network", "Networks", "Distributed"),
        *("Scalable", "Deep", "Neural", "Model", "Models", "Graph", "Efficient", "Fast"),
        *("Large", "Language", "Memory", "Storage", "Processing", "Computing", "Parallel"),
        *("Hashing", "Caching", "Serving", "Training", "Reasoning", "Scheduling", "Mining"),
        *("Routing", "Sharing", "Indexing", "Streaming", "Programming", "Scaling", "Sampling"),
    )
)
"""Words that open or fill titles, never a person's name: ``Deep Residual Learning, ...``."""


_NOUN_END = re.compile(r"(?:tion|sion|ment|ness|ity|ics|ism|ogy)s?$")
"""Endings of a title's words, never of a name's (``Generation``, ``Semantics``)."""


def lead_byline(raw: str) -> tuple[str, tuple[str, ...]] | None:
    """``Names, Names, Title``: the title after two or more people's names, each with a comma.

    One name will do when it holds ``and`` (``Jeffrey Dean and Sanjay Ghemawat, Title``).
    """
    if ", " not in raw or _LEAD_NAME.match(raw) is None:
        return None  # cheap: most titles do not open with a short phrase and a comma
    parts = raw.split(", ")
    names: list[str] = []
    for at, part in enumerate(parts[:-1]):
        found = _names(part)
        if not found or any(w in _TITLE_ONLY or _NOUN_END.search(w) for w in part.split()):
            break
        names += found
        # Only the part after the names is looked at: joining the rest at each name was
        # quadratic in a line of many names.
        if (len(found) >= 2 or at >= 1) and _is_title(parts[at + 1].strip()):
            return ", ".join(parts[at + 1 :]).strip(), tuple(names)
    return None


def _is_title(text: str) -> bool:
    """A title after the names: words enough, a capital first, a lower-case word or a colon.

    ``Flip Korn, Divesh Srivastava, Sequential ...`` (more names) and ``Édouard Duchesnay;
    12(85):2825-2830`` (a journal's numbers) are no title yet.
    """
    head = text.split(", ", 1)[0]
    if len(head.split()) < _TITLE_WORDS or not head[:1].isupper() or ";" in head:
        return False
    return ": " in head or _LOWER_WORD.search(head) is not None


_LOWER_WORD = re.compile(r"(?<!\S)[a-z]{2,}(?!\S)")
