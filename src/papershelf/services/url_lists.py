"""Lists that follow a URL: ``import URL`` fetches and keeps the source URL, ``update`` refetches.

Kept apart from ``library`` so the file-import path stays as it was; both end in the same
``Library._import_one``. Every list is fetched before anything is stored, so a network
error is one line and changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from papershelf.domain.clock import now_exact
from papershelf.errors import ListError, UsageError
from papershelf.services.import_batch import ImportBatch, import_each, named_as
from papershelf.storage.catalog_cache import digest as sha256

if TYPE_CHECKING:
    from papershelf.catalog.fetch import Fetched
    from papershelf.services.library import Library
    from papershelf.services.results import ImportReport
    from papershelf.storage.list_record import ListRecord


@dataclass(frozen=True, slots=True)
class UpdateReport:
    """One list of ``papershelf update``: ``report`` is None when its text did not change."""

    name: str
    url: str
    report: ImportReport | None
    error: str | None = None
    """Why the list could not be fetched or imported (gone, no papers now): kept as it was."""


def import_urls(
    lib: Library, urls: Sequence[str], *, venue: str | None, dry_run: bool
) -> ImportBatch:
    """Fetch every URL (a network error stores nothing), then import each list.

    A fetched text that is no list is that URL's failure, as a file's is in ``import_files``.
    """
    if not urls:  # the HTTP modules load only when there is something to fetch
        return ImportBatch()
    from papershelf.catalog.fetch import fetch_list, url_list_name

    with lib._mutex:
        fetched = [fetch_list(url) for url in urls]
        at = now_exact()  # one command's lists are one import (``papershelf new``)

        def one(n: int) -> ImportReport:
            f = fetched[n]
            origin = (f.url, url_list_name(f.url))
            return _import_fetched(lib, f, venue=venue, dry_run=dry_run, origin=origin, at=at)

        try:
            return import_each([f.url for f in fetched], one)
        finally:
            lib.parsed_elsewhere_done()


def _import_fetched(
    lib: Library,
    got: Fetched,
    *,
    venue: str | None,
    dry_run: bool,
    origin: tuple[str, str],
    at: str,
) -> ImportReport:
    """Import a fetched text; its ``ListError`` names the URL, not the file name it has."""
    try:
        return lib._import_one(
            Path(got.file_name),
            got.text,
            venue=venue,
            dry_run=dry_run,
            origin=origin,
            at=at,
            parse=lib.parse_elsewhere(got.text, got.file_name, venue),
        )
    except ListError as exc:  # "README.md: no papers found": say which README
        raise ListError(named_as(str(exc), got.file_name, got.url)) from None


def update_lists(lib: Library, names: Sequence[str], *, dry_run: bool) -> list[UpdateReport]:
    """``papershelf update``: fetch the followed lists, then re-import those that changed."""
    return import_followed(lib, fetch_followed(lib, names), dry_run=dry_run)


@dataclass(frozen=True, slots=True)
class FetchedList:
    """A followed list as fetched: its text, or why it could not be fetched."""

    name: str
    url: str
    got: Fetched | None
    error: str | None = None


def fetch_followed(lib: Library, names: Sequence[str]) -> list[FetchedList]:
    """Fetch the lists imported from URLs (all, or those ``names`` names, as ``forget`` does).

    The library is not held meanwhile: a slow server keeps no other change waiting.
    """
    from papershelf.catalog.fetch import fetch_list
    from papershelf.services.forgetting import find_list

    with lib._mutex:
        records = lib._catalog_store.records()
        named = {find_list(records, name).name for name in names}
        for record in records:
            if record.name in named and not is_url(record.source):
                raise UsageError(
                    f"{record.name} was imported from a file, not a URL; import it again"
                )
        followed = [r for r in records if is_url(r.source) and (not names or r.name in named)]
    out = []
    for record in followed:
        try:  # a page gone or unreachable: this list stays as it was
            out.append(FetchedList(record.name, record.source, fetch_list(record.source)))
        except ListError as exc:
            out.append(FetchedList(record.name, record.source, None, str(exc)))
    return out


def import_followed(
    lib: Library, fetched: Sequence[FetchedList], *, dry_run: bool
) -> list[UpdateReport]:
    """Re-import each fetched list whose text changed; a list forgotten meanwhile stays so."""
    with lib._mutex:
        records = {r.name: r for r in lib._catalog_store.records()}
        out, at = [], now_exact()
        try:
            for f in fetched:
                out.append(_update_one(lib, f, records.get(f.name), dry_run=dry_run, at=at))
        finally:
            lib.parsed_elsewhere_done()
        return out


def _update_one(
    lib: Library, f: FetchedList, record: ListRecord | None, *, dry_run: bool, at: str
) -> UpdateReport:
    if f.got is None:
        return UpdateReport(f.name, f.url, None, f.error)
    if record is None or record.source != f.url:
        return UpdateReport(f.name, f.url, None, f"{f.url}: forgotten while it was fetched")
    if sha256(f.got.text) == record.sha256:
        return UpdateReport(f.name, f.url, None)
    origin = (record.source, record.name)
    try:  # no list now: this list stays as it was, the others are updated all the same
        report = _import_fetched(
            lib, f.got, venue=record.venue, dry_run=dry_run, origin=origin, at=at
        )
    except ListError as exc:
        return UpdateReport(f.name, f.url, None, str(exc))
    return UpdateReport(f.name, f.url, report)


def is_url(text: str) -> bool:
    """An argument of ``import`` that names a URL rather than a file."""
    return text.startswith(("https://", "http://"))


_OTHER_SCHEME = re.compile(r"[A-Za-z][\w+.-]*://")


def unfetched(text: str) -> str | None:
    """Why ``ftp://...`` or ``file://...`` is not imported (read as a path it was 'ftp:/...')."""
    if is_url(text) or not _OTHER_SCHEME.match(text) or Path(text).exists():
        return None
    return f"{text}: papershelf fetches https:// and http:// addresses only"
