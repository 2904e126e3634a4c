"""Authors written Vancouver-style right after a linked title: ``Fischer M J, Lynch N A. ...``.

``[Impossibility of Distributed Consensus](url) Fischer M J, Lynch N A. Journal of the ACM,
1985, 32(2): 374-382``: each author is a family name and bare initials, the names end with one
stop, and the container and year follow. The stop after the last initial ends the names, not
a sentence inside them: the venue is what follows it (``Journal of the ACM, 1985``), never
``Lynch N A. Journal of the ACM``.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue_text import parse_venue

_NAME = r"[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*)? [A-Z]{1,3}(?: [A-Z]{1,2})?"
_NAME_GOES_ON = re.compile(r"[A-Z][a-z][\w'’-]*(?:[,.]|\s+(?:and|&)\s)")
_LONE_INITIALS = 2
_RUN = re.compile(rf"[\s.,]*(?P<names>{_NAME}(?:, ?{_NAME})*(?:,? et al)?)\.\s*(?=\S)")


def leading_names(rest: str) -> tuple[tuple[str, ...], str] | None:
    """The Vancouver-style names opening ``rest`` and the text after them; None without.

    One name alone must not read as a venue: its initials are one or two letters (``Commun
    ACM. 2021`` is a journal's).
    """
    if "." not in rest or " " not in rest[:60]:
        return None  # cheap: the names end with a stop, and hold a space
    m = _RUN.match(rest)
    if m is None:
        return None
    if _NAME_GOES_ON.match(rest, m.end()):
        return None  # "Martin F. Arlitt and ...", "Martin F. Arlitt.": a given name, an initial
    if rest[m.end() : m.end() + 1].isdigit():
        return None  # "Phys Lett B. 2012": names are followed by their container, not a year
    names = tuple(n.strip() for n in m.group("names").split(","))
    if len(names) == 1 and (
        len(names[0].rsplit(" ", 1)[-1]) > _LONE_INITIALS or parse_venue(names[0]) is not None
    ):
        return None
    return names, rest[m.end() :]


def after_leading_names(rest: str) -> str:
    """``rest`` without the Vancouver-style names that open it."""
    found = leading_names(rest)
    return found[1] if found is not None else rest
