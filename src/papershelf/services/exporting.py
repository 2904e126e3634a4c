"""Exports written to a file: the same bytes and the same rules from the CLI and the app."""

from __future__ import annotations

import errno
from collections.abc import Mapping, Sequence
from pathlib import Path

from papershelf.domain.enrichment import Enrichment
from papershelf.domain.models import Paper, PaperState
from papershelf.errors import UsageError, WriteError
from papershelf.export import render
from papershelf.storage.atomic import atomic_write
from papershelf.storage.stream_out import is_other_node, is_stream, write_into


def write_export(
    path: Path,
    fmt: str,
    papers: Sequence[Paper],
    states: Mapping[str, PaperState],
    *,
    overwrite: bool = False,
    enrichments: Mapping[str, Enrichment] | None = None,
    catalog: Sequence[Paper] | None = None,
) -> int:
    """Write the export atomically; the number of papers written.

    The export is the user's own file: a new one gets the mode the umask gives new files
    (the library's files stay private). Its folder must exist, as in the app's export
    dialog: a mistyped folder is refused, not created. An existing file is replaced only
    with ``overwrite``; the text is rendered before the file is touched, so an unknown
    format changes nothing. A character device or a FIFO (``/dev/null``, ``/dev/stdout``, a
    named pipe that a program reads) is written into, never replaced: that destroys no
    file, so it needs no ``overwrite``; a block device or a socket is refused. ``catalog``
    (every catalog paper) decides the BibTeX keys.
    """
    text = render(fmt, papers, states, enrichments=enrichments, catalog=catalog)
    if path.is_dir():
        raise UsageError(f"{path}: is a directory")
    if is_other_node(path):
        raise UsageError(f"{path}: not a file, a character device or a FIFO; nothing was written")
    if is_stream(path):
        try:
            write_into(path, text.encode("utf-8"))
        except OSError as exc:
            if exc.errno == errno.ENXIO:  # a FIFO nobody reads: the open would wait for ever
                raise WriteError(f"{path}: no program is reading this FIFO") from exc
            raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from exc
        return len(papers)
    if not path.parent.is_dir():
        raise UsageError(f"{path}: no such folder: {path.parent}; nothing was exported")
    if path.exists() and not overwrite:
        raise UsageError(f"{path}: file exists; nothing was overwritten (--force overwrites)")
    try:
        atomic_write(path, text.encode("utf-8"), private=False, make_folder=False)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return len(papers)
