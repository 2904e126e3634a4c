"""Plain entries among plain papers: a list's own shape says what its other entries are.

A list of plain titles (``* Database Gyms (CIDR 2023)``, no links) names a venue for most of
them; the few that name none (``* External vs. Internal : An Essay on Machine Learning Agents
for Autonomous Database Management Systems``) are papers all the same, written the same way.
A reader who has seen the list's shape reads them as its other entries.
"""

from __future__ import annotations

from collections.abc import Callable

from papershelf.catalog.candidate import Candidate
from papershelf.catalog.entry import Found, Skipped
from papershelf.catalog.plain_titles import is_title_shaped, shouted_topics
from papershelf.catalog.skips import NO_LINK
from papershelf.catalog.spans import text_of

Plain = Callable[[], bool]
"""Whether the list names its papers by plain titles (``plain_titles``), worked out if asked."""

MIN_PLAIN_PAPERS = 3
"""Plain items read as papers before a list's shape says its other plain items are papers."""
PLAIN_SHARE = 2
"""The plain papers must outnumber the plain items without a venue this many times over."""


def _runs(children: list[Candidate]) -> list[list[Candidate]]:
    """The lists among a section's candidates: items in a row, up to a paragraph or a table."""
    runs: list[list[Candidate]] = [[]]
    for c in children:
        if c.kind == "item":
            runs[-1].append(c)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) > MIN_PLAIN_PAPERS]


def _plain_items(run: list[Candidate]) -> dict[int, Candidate]:
    """The items of a list with no link and nothing under them, by line."""
    return {c.line: c for c in run if not c.children and not any(s.is_link for s in c.spans)}


def like_siblings(
    children: list[Candidate],
    found: Found,
    entries: int,
    skips: int,
    plain_titles: Plain,
) -> list[tuple[Candidate, Skipped]]:
    """The plain items skipped for want of a link, in lists of plain items that are papers.

    ``entries``, ``skips``: how many entries and skips ``found`` held before ``children``
    were read. The items returned (with the skip each had) have their skips taken back, to
    be read again as papers; one that is still no paper gets its skip back (``restore``).
    ``plain_titles``: whether the whole list names its papers by plain titles (asked once
    something here was skipped).
    """
    if len(found.skipped) == skips:
        return []  # nothing skipped here (most lists)
    if plain_titles():  # the whole list names its papers by plain titles
        return _title_shaped(children, found, skips)
    if len(children) <= MIN_PLAIN_PAPERS:
        return []  # too few to show a shape
    taken: dict[int, tuple[Candidate, Skipped]] = {}
    for run in _runs(children):
        items = _plain_items(run)
        papers = sum(1 for e in found.entries[entries:] if e.line in items and not e.links)
        if papers < MIN_PLAIN_PAPERS:
            continue
        skipped = [
            (line, why)
            for line, why in found.skipped[skips:]
            if line in items
            and why.startswith(NO_LINK)
            and not shouted_topics(text_of(items[line].spans))
        ]
        if skipped and papers >= PLAIN_SHARE * len(skipped):
            taken.update((line, (items[line], (line, why))) for line, why in skipped)
    if taken:
        found.skipped[skips:] = [s for s in found.skipped[skips:] if s[0] not in taken]
    return [taken[line] for line in sorted(taken)]


def _title_shaped(
    children: list[Candidate], found: Found, skips: int
) -> list[tuple[Candidate, Skipped]]:
    """The plain items skipped for want of a link that have a title's shape, with their skips."""
    items = {c.line: c for c in children if is_title_shaped(c)}
    taken = [(line, why) for line, why in found.skipped[skips:] if line in items]
    taken = [(line, why) for line, why in taken if why.startswith(NO_LINK)]
    if taken:
        lines = {line for line, _ in taken}
        found.skipped[skips:] = [s for s in found.skipped[skips:] if s[0] not in lines]
    return [(items[line], (line, why)) for line, why in taken]


def restore(found: Found, skip: Skipped, entries: int, skips: int) -> None:
    """An item read again that is still no paper: its first skip stands, not the new one."""
    if len(found.entries) == entries:
        found.skipped[skips:] = [skip]
