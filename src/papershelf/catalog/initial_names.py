"""Names written initials first, a stop, then the title: ``Y Chang, S Gao. Neural ...``.

``Y Chang, N Roohi, S Gao. Neural Lyapunov Control``: notes kept from a conference's program
or a lab's reading list write the authors as initials and family names (``S. Levine, C.
Finn, T. Darrell, P. Abbeel.``, bare initials too: ``A Spielberg, A Zhao, Y Hu``), a stop,
then the title and maybe the venue (``, JMLR 2016``). A careful reader takes the names for
the authors, not the title. Two names at least: one name alone (``L.-J. Lin.``) is read by
the citation styles already.
"""

from __future__ import annotations

import re

_NAME = r"(?:[A-Z]\.?(?:-?[A-Z]\.?)?\s){1,3}[A-Z][\w'’-]+"
_LEAD = re.compile(
    rf"(?P<names>{_NAME}(?:,\s(?:and\s)?{_NAME})+|{_NAME}\sand\s{_NAME})\.\s+(?=[A-Z\d])"
)


def initials_first(text: str) -> tuple[tuple[str, ...], str] | None:
    """The names before the title and the text after them, or None when none lead it."""
    if len(text) < 4 or not text[0].isupper() or text[1] not in ". ":
        return None  # cheap: most entries do not open with an initial
    m = _LEAD.match(text)
    if m is None:
        return None
    names = tuple(n.strip() for n in re.split(r",\s(?:and\s)?|\sand\s", m.group("names")))
    return names, text[m.end() :]
