"""Merging a note edited in two places at once, so neither side's text is lost."""

from __future__ import annotations

CONFLICT_MARK = "<!-- papershelf: the text below was changed elsewhere while you edited -->"

CONFLICT_START = "<<<<<<< papershelf: both copies changed these lines; version 1 of 2, {when}"
CONFLICT_SPLIT = "======= papershelf: version 2 of 2, {when}"
CONFLICT_END = ">>>>>>> papershelf: end of the two versions"
"""The marker lines where two merged copies of the library changed a note (``merge_rules``):
numbered, so two versions read apart even when their copies changed the note in the same
second (older notes' times are to the second), and the same whichever copy is merged into
which."""


def merge_notes(base: str, theirs: str, mine: str) -> str:
    """Three-way merge of a note: ``base`` is what the editor started from.

    The common cases merge cleanly (only one side changed; both sides appended). Anything
    else keeps both texts, mine first, with a marker line between them: a note is never
    silently replaced.
    """
    if theirs in (base, mine):
        return mine
    if mine == base:
        return theirs
    if not keeps_both(base, theirs, mine):  # both only added at the end: mine, then theirs
        added = theirs[len(base) :]
        sep = "" if mine.endswith("\n") or added.startswith("\n") else "\n"
        return mine + sep + added
    sep = "" if mine.endswith("\n") else "\n"
    return f"{mine}{sep}\n{CONFLICT_MARK}\n{theirs}"


def keeps_both(base: str, theirs: str, mine: str) -> bool:
    """True when ``merge_notes`` keeps both whole texts: the user should be told."""
    if theirs in (base, mine) or mine == base:
        return False
    return not (theirs.startswith(base) and mine.startswith(base))
