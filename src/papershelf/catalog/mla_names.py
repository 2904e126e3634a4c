"""MLA's first author, family name first: ``Ding, Shuo, and Qirun Zhang``, ``Abreu, Pedro, et al``.

MLA inverts the first author's name only (``Family, Given``); the others, after ``and``, keep
their order, and ``et al.`` stands for the rest. Read as written, the comma would make the
family and given names two authors. Only the MLA shape (``, and`` or ``, et al`` after the
second part) says so: ``Smith, Jones`` alone may be two authors and stays as written.
"""

from __future__ import annotations

import re

_PART = r"[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2}"
_MLA = re.compile(rf"(?P<family>{_PART}),\s+(?P<given>{_PART}),?\s+(?P<rest>and\s+\S.*|et\s+al\.?)")


def mla_first(names: str) -> str:
    """``Ding, Shuo, and Qirun Zhang`` -> ``Shuo Ding, and Qirun Zhang``; others unchanged."""
    if ", and " not in names and " et al" not in names:
        return names
    m = _MLA.fullmatch(names.strip())
    if m is None or "," in m.group("rest").partition(" and ")[0]:
        return names
    first = f"{m.group('given')} {m.group('family')}"
    return first if m.group("rest").startswith("et") else f"{first}, {m.group('rest')}"
