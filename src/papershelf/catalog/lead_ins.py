"""The words a list writes before a venue's name: ``Presented at the``, ``accepted by``.

``Presented at the Network and Distributed System Security Symposium, 2017``, ``accepted by
NDSS 2016``, ``In Proc. 44th International Conference on ...``: a careful reader files the
paper under the venue's name, not under the words leading to it. ``Proc.`` before a name
(``Proc. VLDB Endowment``, ``Proc. SIGMOD Conference``) is part of that name.
"""

from __future__ import annotations

import re

_LEAD_IN = re.compile(
    r"^(?:(?:was\s+)?(?:presented|published|accepted|appeared)\s+(?:at|in|by|to)\s+(?:the\s+)?"
    r"|(?P<proc>(?:in\s+)?proc\.\s+(?:of\s+(?:the\s+)?|(?=\d{1,3}(?:st|nd|rd|th)\s))))"
    r"(?:\d{1,3}(?:st|nd|rd|th)\s+)?",
    re.IGNORECASE,
)
_FIRST = frozenset("PpAaIiWw")
"""How a lead-in starts: most names start otherwise and are settled without the pattern."""


def without_lead_in(name: str) -> str:
    """``Presented at the NSDI`` -> ``NSDI``; a name without a lead-in as it is."""
    if name[:1] not in _FIRST or (lead := _LEAD_IN.match(name)) is None:
        return name
    rest = name[lead.end() :]
    if not rest or (lead["proc"] and "." in rest):  # "Proc. ACM Manag. Data": a journal's name
        return name
    return rest
