"""The reader's own tags: cleaning, case-insensitive identity, and counts per tag."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState, Status
from papershelf.domain.text import one_line

MAX_TAG_LENGTH = 40
"""Longest tag, in characters: a tag is a label for the list row and the tree, not a note."""


def clean_tag(text: str) -> str:
    """A tag as papershelf stores it: one line, no controls or commas, trimmed.

    Commas become spaces (BibTeX ``keywords`` and typed lists separate tags with them); a
    leading ``#`` is how tags are shown, not part of one (``#survey`` is ``survey``).
    Raises ``ValueError`` when nothing is left or the tag is longer than ``MAX_TAG_LENGTH``.
    """
    tag = one_line(text.replace(",", " ")).lstrip("#").strip()
    if not tag:
        raise ValueError(f"{text!r} is not a tag (nothing is left once trimmed)")
    if len(tag) > MAX_TAG_LENGTH:
        raise ValueError(f"tag {tag[:20]!r}... is longer than {MAX_TAG_LENGTH} characters")
    return tag


def tag_key(tag: str) -> str:
    """The identity of a tag: ``Survey`` and ``survey`` are one tag."""
    return tag.casefold()


def unique_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """``tags`` without case-insensitive repeats, the first spelling kept, order kept."""
    seen: dict[str, str] = {}
    for tag in tags:
        seen.setdefault(tag_key(tag), tag)
    return tuple(seen.values())


def has_tags(state: PaperState, wanted: Iterable[str]) -> bool:
    """True when the state carries every tag of ``wanted`` (any case)."""
    keys = {tag_key(t) for t in state.tags}
    return all(tag_key(t) in keys for t in wanted)


class TagCount(NamedTuple):
    """One tag of the library: how many catalog papers carry it and how many of them are read.

    A tuple, so ``for tag, papers, read in library.tags()`` works.
    """

    tag: str
    papers: int
    read: int


def tag_counts(papers: Sequence[Paper], states: Mapping[str, PaperState]) -> list[TagCount]:
    """Every tag on a non-withdrawn catalog paper, sorted by name (case-insensitive).

    Spellings that differ only in case are one tag, shown as first met in catalog order.
    """
    names: dict[str, str] = {}
    counts: dict[str, list[int]] = {}
    for paper in papers:
        state = states.get(paper.id, DEFAULT_STATE)
        if not state.tags or paper.withdrawn:
            continue
        for tag in state.tags:
            key = tag_key(tag)
            names.setdefault(key, tag)
            tally = counts.setdefault(key, [0, 0])
            tally[0] += 1
            tally[1] += state.status is Status.READ
    return [TagCount(names[key], total, read) for key, (total, read) in sorted(counts.items())]


def spelled_as_known(tags: Iterable[str], known: Iterable[str]) -> tuple[str, ...]:
    """``tags`` spelled as the library already spells them, so a tag keeps its first spelling."""
    spelling: dict[str, str] = {}
    for tag in known:
        spelling.setdefault(tag_key(tag), tag)
    return unique_tags(spelling.get(tag_key(t), t) for t in tags)


def tag_edit(text: str) -> tuple[list[str], list[str]]:
    """``new, -old`` as typed in the tag dialog or ``papershelf tag``: (to add, to take off).

    Not cleaned yet (``tags_to_write`` does that); a lone ``-`` names no tag and is in neither.
    """
    parts = [part.strip() for part in text.split(",") if part.strip()]
    add = [p for p in parts if not p.startswith("-")]
    remove = [p[1:] for p in parts if p.startswith("-") and p[1:].strip()]
    return add, remove


def tags_to_write(tags: Iterable[str], known: Iterable[str]) -> tuple[str, ...]:
    """``tags`` as a change writes them: each cleaned (``clean_tag``), then spelled as known.

    The one rule for the Library's write and the app's immediate view of it, so ``SURVEY``
    typed where ``survey`` exists shows as ``survey`` at once, not only after a refresh.
    Raises ``ValueError`` for an unusable tag, as ``clean_tag`` does.
    """
    return spelled_as_known([clean_tag(t) for t in tags], known)


def cleaned_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags read from a file (``import-state``): cleaned, cut to length, empty ones dropped."""
    out = []
    for tag in tags:
        text = one_line(tag.replace(",", " "))[:MAX_TAG_LENGTH].strip()
        if text:
            out.append(text)
    return unique_tags(out)
