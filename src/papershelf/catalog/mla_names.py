"""MLA's first author, family name first: ``Ding, Shuo, and Qirun Zhang``, ``Abreu, Pedro, et al``.

MLA inverts the first author's name only (``Family, Given``); the others, after ``and``, keep
their order, and ``et al.`` stands for the rest; Chicago does the same for longer bylines.
Read as written, the comma would make the family and given names two authors. Only that
shape (``, and`` or ``, et al`` after the second part, or names of two words or more after
it) says so: ``Smith, Jones`` alone may be two authors and stays as written.
"""

from __future__ import annotations

import re

_PART = r"[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2}"
_MLA = re.compile(rf"(?P<family>{_PART}),\s+(?P<given>{_PART}),?\s+(?P<rest>and\s+\S.*|et\s+al\.?)")


def _chicago(names: str) -> re.Match[str] | None:
    """Chicago's longer byline: ``Vaswani, Ashish, Noam Shazeer, ..., and Illia Polosukhin``.

    Every name after the first is written given name first, so each is two words or more;
    ``Gray, Reuter, Lamport, and Bernstein`` (one word each) stays as written.
    """
    m = _CHICAGO.fullmatch(names)
    if m is None:
        return None
    before, _, last = m.group("rest").rpartition(", and ")
    others = [*before.split(","), last]
    return m if all(len(name.split()) >= 2 for name in others) else None


_CHICAGO = re.compile(rf"(?P<family>{_PART}),\s+(?P<given>{_PART}),\s+(?P<rest>[^,].*, and \S.*)")


def _inverted(family: str, given: str) -> bool:
    """Whether ``Family, Given`` opens the byline, not two names written given name first.

    ``Zaharia, Matei``, ``Van Renesse, Robbert``, ``McCulloch, Warren S.``: a family name
    without initials, and a one-word one or a given name alone (its initials after it).
    ``Matei Zaharia, Mosharaf Chowdhury`` and ``M. Zaharia, M. Chowdhury`` are two authors.
    """
    if any(word.endswith(".") for word in family.split()):
        return False
    return " " not in family or all(word.endswith(".") for word in given.split()[1:])


def mla_first(names: str) -> str:
    """``Ding, Shuo, and Qirun Zhang`` -> ``Shuo Ding, and Qirun Zhang``; others unchanged."""
    if ", and " not in names and " et al" not in names:
        return names
    m = _MLA.fullmatch(names.strip())
    if m is None or "," in m.group("rest").partition(" and ")[0]:
        m = _chicago(names.strip())
    if m is None or not _inverted(m.group("family"), m.group("given")):
        return names
    first = f"{m.group('given')} {m.group('family')}"
    return first if m.group("rest").startswith("et") else f"{first}, {m.group('rest')}"
