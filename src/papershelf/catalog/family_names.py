"""Names written family name first: ``Liu, F. T., & Zhou, Z.-H.``, ``Rafkind, Jon & Wick, Adam``.

APA, Springer, ISO 690 (``DEAN, Jeffrey; GHEMAWAT, Sanjay``) and many reading lists write
each author's family name, a comma, then the initials or the given name; a reader shows
them given name first.
"""

from __future__ import annotations

import re

_FAMILY_FIRST = re.compile(
    r"([^.,&]{2,40}),\s*((?:[A-Z][a-z]?\.\s*-?\s*)+),?\s*(?:(?:\.\.\.|…)\s*)?(?:(?:and|&)\s+)?"
)
"""APA's ``Cheng, M., Li, Q., & Wang, J.``: each family name, then its initials (and the
ellipsis before the last of many names: ``Gomez, A. N., ... & Polosukhin, I.``)."""


def _pairs(text: str) -> tuple[str, ...] | None:
    """``Liu, F. T., & Zhou, Z.-H.`` as ``F. T. Liu`` and ``Z.-H. Zhou``, else None."""
    pairs: list[str] = []
    at = 0
    while at < len(text):
        m = _FAMILY_FIRST.match(text, at)
        if m is None:
            return None
        pairs.append(f"{m.group(2).strip()} {m.group(1).strip()}")
        at = m.end()
    return tuple(pairs) if len(pairs) >= 1 else None


_LONE_INITIAL = re.compile(r",\s*[A-Z]$")
_FAMILY_GIVEN = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?), ([A-Z][a-z]+(?: [A-Z][a-z]+)?)")


def family_given(text: str) -> tuple[str, ...] | None:
    """``Rafkind, Jon & Wick, Adam``: family name, given name, joined by ``&``; else None."""
    parts = text.split(" & ")
    found = [m for part in parts if (m := _FAMILY_GIVEN.fullmatch(part.strip()))]
    if len(parts) < 2 or len(found) != len(parts):
        return None
    return tuple(f"{m.group(2)} {m.group(1)}" for m in found)


_TRAILING_ET_AL = re.compile(r",?\s+et\s+al$")
"""``Vaswani, A., Shazeer, N., et al`` (its stop stripped): the others after the names."""


def family_first(text: str) -> tuple[str, ...] | None:
    """``Liu, F. T., Zhou, Z.-H.`` (the last stop stripped), with a closing ``et al``; else None.

    ``et al`` joins the last name, as a reader's byline shows it (``N. Shazeer et al``).
    """
    if "." not in text and not _LONE_INITIAL.search(text):
        return None
    head, etal = _without_et_al(text)
    family = _pairs(head + ".")
    return None if family is None else _with_et_al(family, etal)


def _without_et_al(text: str) -> tuple[str, bool]:
    """The names before a closing ``et al``, and whether it closed them."""
    etal = _TRAILING_ET_AL.search(text) if text.endswith(" al") else None
    return (text, False) if etal is None else (text[: etal.start()].rstrip(" ,."), True)


def _with_et_al(names: tuple[str, ...], etal: bool) -> tuple[str, ...]:
    """``et al`` joined to the last name, as a reader's byline shows it."""
    return (*names[:-1], f"{names[-1]} et al") if etal else names


_ENDS_INITIAL = re.compile(r"(?:^|\s)[A-ZÀ-Þ]$")
"""``Fred B`` (the byline's last stop stripped): an initial that lost its stop."""


def iso_names(text: str) -> tuple[str, ...] | None:
    """ISO 690's ``DEAN, Jeffrey; GHEMAWAT, Sanjay`` (or ``VASWANI, Ashish, et al``), else None.

    The family name in capitals, a comma, the given names; a semicolon between authors.
    """
    head, etal = _without_et_al(text)
    names: list[str] = []
    for part in head.split(";"):
        family, comma, given = part.strip(" ,.").partition(", ")
        if not (comma and _capitals(family) and _given(given)):
            return None
        given += "." if _ENDS_INITIAL.search(given) else ""
        names.append(f"{given} {family.title()}")
    return _with_et_al(tuple(names), etal)


def _capitals(family: str) -> bool:
    """``DEAN``, ``VAN RENESSE``, ``O’HEARN``: letters in capitals, two or more.

    Not a house that prints papers (``ACM, New York``: the publisher and its city).
    """
    letters = family.replace(" ", "").replace("-", "").replace("'", "").replace("’", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper() and family not in _HOUSES


_HOUSES = frozenset({"ACM", "IEEE", "USENIX", "SIAM", "VLDB", "MIT", "AAAI", "PMLR", "IFIP"})


def _given(given: str) -> bool:
    """``Jeffrey``, ``Fred B.``, ``Łukasz``: one to three capitalised words or initials."""
    words = given.split()
    return 0 < len(words) <= 3 and all(
        word[0].isupper() and word.replace(".", "").replace("-", "").isalpha() for word in words
    )
