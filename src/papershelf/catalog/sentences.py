"""A plain line that reads as a sentence of the list's own, not as a paper's title.

``2019, Moved the whole repository over to GitHub`` and ``Please read the contributing guide
before opening issues (2020).`` stand among a list's papers as its news and its instructions.
A careful reader tells them from a title without a link by how they open: a request
(``Please``, ``Thanks``), a verb telling the reader what to do or what was done to the list
followed by what it was done to (``Read the``, ``See our``, ``Moved the``, ``Added 20``), a
writer speaking of themselves (``We added``, ``I moved``) or of the list (``This repository``).

Titles open with verbs too (``Learned Index Structures``, ``Attention Is All You Need``,
``Fixed Point Theorems``), so a verb counts only when a word that starts its object follows:
a title's opening verb is an adjective or a noun there, never ``moved the``. (``Go To
Statement Considered Harmful`` is a title: ``go`` and ``open`` are no such verbs.)
"""

from __future__ import annotations

import re

# Requests and thanks: the writer addresses the reader whatever follows.
_REQUEST = frozenset({"please", "kindly", "thanks", "thank", "welcome"})
# What the reader is told to do, or what was done to the list (its news).
_VERBS = frozenset(
    {"read", "see", "check", "visit", "refer", "click", "follow", "star", "fork", "join"}
    | {"contact", "email", "submit", "send", "use", "feel", "note", "find", "download"}
    | {"moved", "added", "updated", "fixed", "removed", "renamed", "released", "migrated"}
    | {"merged", "changed", "created", "started", "launched", "archived", "reorganized"}
    | {"reorganised", "deprecated", "switched", "uploaded", "deleted", "translated"}
)
# What opens the verb's object: a determiner, a pronoun, a number, a particle.
_OBJECT = frozenset(
    {"the", "this", "that", "these", "those", "our", "my", "your", "their", "a", "an", "all"}
    | {"it", "its", "them", "us", "me", "out", "here", "there", "more", "any", "every", "some"}
    | {"free", "to", "in", "on", "over", "into", "from", "up", "new", "several", "many"}
)
_SPEAKERS = frozenset({"we", "i"})
# The list speaking of itself: "This repository collects ...", "Our list is ...".
_SELF = re.compile(
    r"^(?:this|our)\s+(?:repo(?:sitory)?|list|page|collection|project|site|website)\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[A-Za-z']+|\d+")


def reads_as_sentence(text: str) -> bool:
    """Whether a plain line is the list's news or instructions rather than a title."""
    words = [w.casefold() for w in _WORDS.findall(text[:80])]
    if not words:
        return False
    first, second = words[0], words[1] if len(words) > 1 else ""
    if first in _REQUEST:
        return True
    if first in _VERBS and (second in _OBJECT or second.isdigit()):
        return True
    if first in _SPEAKERS and second in _VERBS | {"have", "will", "are", "am"}:
        return True
    return _SELF.match(text.lstrip()) is not None
