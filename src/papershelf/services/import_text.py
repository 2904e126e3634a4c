"""The line an import is told in: the command line prints it, the app shows it, alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from papershelf.catalog.skips import skip_summary
from papershelf.domain.text import plural
from papershelf.domain.venues import venue_shown
from papershelf.services.counting import count_text

if TYPE_CHECKING:
    from papershelf.services.results import ImportReport
    from papershelf.services.url_lists import UpdateReport


def venues_summary(venues: Sequence[str], shown: int = 3) -> str:
    """``OSDI 2024, SOSP 2023 (+2 more)``: the first ``shown`` and how many more."""
    extra = len(venues) - shown
    return ", ".join(venues[:shown]) + (f" (+{extra} more)" if extra > 0 else "")


def import_line(
    r: ImportReport,
    verb: str = "imported",
    *,
    dry_run: bool = False,
    joined_note: str = "",
    skipped_note: str = "",
) -> str:
    """``imported x.md: OSDI 2024: 26 papers: 26 new, ...; 26 papers joined the catalog``.

    ``joined_note`` follows the papers that joined (the app points to its New node),
    ``skipped_note`` the skipped entries (the command line points to ``--verbose``).
    """
    venues = venues_summary([venue_shown(v) for v in r.venues], 4) or "no venue"
    line = (
        f"{verb} {r.source}: {venues}: {count_text(r.found - r.withdrawn, r.withdrawn)}: "
        f"{r.new} new, {r.updated} updated, {r.unchanged} unchanged"
    )
    if r.repeats:
        twice = "1 entry names" if r.repeats == 1 else f"{r.repeats} entries name"
        line += f" ({twice} a paper listed before it)"
    if r.no_longer_listed:
        line += f", {r.no_longer_listed} no longer listed"
    line += f"; {count_text(r.joined)} {'would join' if dry_run else 'joined'} the catalog"
    if r.joined:
        line += joined_note
    if r.left:
        line += f", {count_text(r.left)} left it"
    if r.skipped:
        line += f"; skipped {skip_summary(r.skipped)}{skipped_note}"
    if r.unsafe_links:
        schemes = ", ".join(sorted({scheme for _, scheme in r.unsafe_links}))
        line += f"; left out {plural(len(r.unsafe_links), 'unsafe link')} ({schemes})"
    if r.replaces:  # a README.md of another checkout: its papers leave, unasked
        took = "would take" if dry_run else "took"
        line += (
            f"; it {took} the place of list {r.name}, imported from {r.replaces} "
            "(a file of the same name is the same list: rename the file to keep both)"
        )
    return line


def update_lines(
    updates: Sequence[UpdateReport], *, joined_note: str = ""
) -> list[tuple[str, str]]:
    """What the app says of an update, each line with its severity.

    One for the lists whose text did not change, then a line per list re-imported (a
    ``report``, as an import's) or failed (an ``error``).
    """
    if not updates:
        return [("no list follows a URL: import one from its address (Import a list…)", "warning")]
    same = [u.name for u in updates if u.error is None and u.report is None]
    out = [(f"unchanged: {venues_summary(same)}", "information")] if same else []
    for u in updates:  # after: the status line keeps the last said
        if u.error is not None:
            out.append((f"{u.error}; {u.name} kept as it was", "error"))
        elif u.report is not None:
            out.append((import_line(u.report, "updated", joined_note=joined_note), "report"))
    return out
