"""The lines under a paper in sectioned lists: affiliation, awards, and remarks."""

from __future__ import annotations

import re

from papershelf.catalog.blocks import Item, walk
from papershelf.catalog.inline import Piece, clean_text, pieces_of, plain

_AWARD = re.compile(
    r"(?:[\w'’&-]+\s+){0,5}?"
    r"(?:award|prize|honou?rable\s+mention|best\s+(?:[\w-]+\s+){0,2}?(?:paper|artifact)"
    r"|distinguished\s+(?:paper|artifact))"
    r"(?:\s+(?:award|prize|runner[- ]up|finalist|nominee|honou?rable\s+mention))?"
    r"(?:\s*\([^()]{1,40}\))?",
    re.IGNORECASE,
)
_TRACK = re.compile(
    r"(?:industry|industrial|experience|vision|research|short|demo|tool|invited|journal|"
    r"workshop|artifact)\s+(?:track|session|paper|talk)s?",
    re.IGNORECASE,
)
_NOT_AFFILIATION = ("→", "->", " — ", " -- ", ": ")
MAX_AFFILIATION = 150


def awards_in(text: str) -> list[str] | None:
    """``Best Paper; Distinguished Artifact Award`` -> both; None unless every part is an award."""
    if ";" not in text:  # most lines: one part, no list to build
        part = text.strip(" \t!.*")
        return [part] if part and _AWARD.fullmatch(part) else None
    parts = [part.strip(" \t!.*") for part in text.split(";")]
    if parts and all(part and _AWARD.fullmatch(part) for part in parts):
        return parts
    return None


def is_track(text: str) -> bool:
    return _TRACK.fullmatch(text.strip(" .")) is not None


def _is_affiliation(pieces: list[Piece], text: str) -> bool:
    """Plain, short, not a sentence: ``Cornell & Meta & MIT``, ``UMacau & SIAT, CAS``."""
    if not text or len(text) > MAX_AFFILIATION or text.endswith((".", "!", "?", ":")):
        return False
    for piece in pieces:  # loops, not generators: asked of most entries' first detail
        if piece.href is not None or piece.strong or piece.emph:
            return False
    return not any(map(text.__contains__, _NOT_AFFILIATION))


def details(paper: Item) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(affiliations, awards, remarks) from a paper's nested items and extra paragraphs.

    The affiliation is the first direct child that is neither an award nor a track label,
    when it reads like one; awards may sit at any depth; everything else is a remark.
    """
    if not paper.children and not paper.notes:  # most entries in some lists: nothing below
        return (), (), ()
    affiliations: list[str] = []
    awards: list[str] = []
    remarks: list[str] = [t for t in (clean_text(plain(pieces_of(n))) for n in paper.notes) if t]
    direct = {id(child) for child in paper.children}
    looking = True
    for item in walk(paper.children):
        pieces = pieces_of(item.inline)
        text = plain(pieces)
        if text:
            found = awards_in(text)
            if found:
                awards.extend(found)
            elif looking and id(item) in direct and not is_track(text):
                looking = False
                if _is_affiliation(pieces, text):
                    affiliations.append(text)
                else:
                    remarks.append(text)
            else:
                remarks.append(text)
        if item.notes:
            remarks.extend(t for t in (plain(pieces_of(n)) for n in item.notes) if t)
    return tuple(affiliations), tuple(awards), tuple(remarks)
