"""Importing several list files in one go: a file that is no list is skipped, not fatal.

Each list is stored whole or not at all (``CatalogStore.save_list``), so a file that cannot
be read or holds no papers leaves the lists before and after it as they would be alone; a
batch that stopped at it would leave the user to find which files were left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from papershelf.errors import ListError
from papershelf.services.results import ImportReport


@dataclass(frozen=True, slots=True)
class ImportFailure:
    """A file (or URL) of the batch that was not imported, and why (one line naming it)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class ImportBatch:
    """What each file of an import gave, in the order the files were given."""

    results: tuple[ImportReport | ImportFailure, ...] = ()

    @property
    def reports(self) -> list[ImportReport]:
        return [r for r in self.results if isinstance(r, ImportReport)]

    @property
    def failures(self) -> list[ImportFailure]:
        return [r for r in self.results if isinstance(r, ImportFailure)]

    def strict(self, *, dry_run: bool = False) -> list[ImportReport]:
        """The reports; ``ListError`` naming every failure when there was any."""
        if self.failures:
            raise ListError(failed_text(self, dry_run=dry_run))
        return self.reports


def import_each(
    sources: Sequence[str],
    import_one: Callable[[int], ImportReport],
    names: Sequence[str] | None = None,
) -> ImportBatch:
    """``import_one(n)`` for each source; a ``ListError`` is that one's failure, not the batch's.

    Other errors (the library cannot be written, its lock is held) are not about the list:
    they end the batch, as they would end any later list too. ``names``: the file name each
    source is parsed under (``named_as``).
    """
    results: list[ImportReport | ImportFailure] = []
    for n, source in enumerate(sources):
        try:
            results.append(import_one(n))
        except ListError as exc:
            reason = str(exc) if names is None else named_as(str(exc), names[n], source)
            results.append(ImportFailure(source, reason))
    return ImportBatch(tuple(results))


def named_as(reason: str, name: str, given: str) -> str:
    """``reason`` naming its list as the user gave it (a path, a URL), not by file ``name``.

    The parser names a list by the file name its papers keep as their ``source``
    (``x.md: no papers found``); every other refusal names the path or URL given, and one
    import's failures should name their files alike.
    """
    if given != name and reason.startswith(f"{name}:"):
        return given + reason.removeprefix(name)
    return reason


def failed_text(batch: ImportBatch, *, dry_run: bool = False) -> str:
    """One line for a batch with failures: each failure, then what was imported all the same."""
    text = "; ".join(f.reason for f in batch.failures)
    done = batch.reports
    if done:
        verb = "read" if dry_run else "imported"
        text += f"; {verb} all the same: {', '.join(r.name for r in done)}"
    return text
