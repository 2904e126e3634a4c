"""Reading a paper list from disk: the importer's only I/O, with one-line refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

from papershelf.errors import ListError, cannot_read

MAX_LIST_BYTES = 16 * 1024 * 1024
"""Real lists are well under 1 MiB; anything this large is not a paper list."""

_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_list_file(path: Path) -> str:
    """The decoded text of a list; raise ``ListError("<path>: <reason>")`` when it is no list.

    UTF-8 (a BOM is dropped), or UTF-16/UTF-32 with a BOM. Line endings are left as they
    are: the parser reads CRLF, CR and mixed endings.
    """
    return decode_list(path, _read_bytes(path))


def decode_list(origin: Path | str, data: bytes) -> str:
    """The text of a list's bytes (from a file or a URL), with the same one-line refusals."""
    if not data.strip():
        raise ListError(f"{origin}: empty file")
    text = _decode(origin, data)
    if not text.strip():
        raise ListError(f"{origin}: empty file")
    return text


def check_list_path(path: Path) -> None:
    """``ListError`` when ``path`` cannot be a list file (a folder, missing, too large).

    Only looks at the file's metadata: the import dialog checks a path with it as the user
    presses enter, in the same words as ``papershelf import``.
    """
    if path.is_dir():
        raise ListError(f"{path}: is a directory, not a list file")
    if not path.exists():
        raise ListError(f"{path}: no such file")
    if not path.is_file():
        raise ListError(f"{path}: not a regular file")
    if path.stat().st_size > MAX_LIST_BYTES:
        raise ListError(f"{path}: too large for a paper list (over {limit_text()})")


def _read_bytes(path: Path) -> bytes:
    try:
        check_list_path(path)
        with path.open("rb") as handle:
            data = handle.read(MAX_LIST_BYTES + 1)
    except OSError as exc:  # in the words of every command that reads a file it is given
        raise ListError(cannot_read(path, exc)) from None
    if len(data) > MAX_LIST_BYTES:
        raise ListError(f"{path}: too large for a paper list (over {limit_text()})")
    return data


def limit_text() -> str:
    mib = MAX_LIST_BYTES / (1024 * 1024)
    return f"{mib:g} MiB" if mib >= 1 else f"{MAX_LIST_BYTES} bytes"


def _decode(path: Path | str, data: bytes) -> str:
    encoding = "utf-8"
    if data.startswith(_UTF32_BOMS):
        encoding = "utf-32"
    elif data.startswith(_UTF16_BOMS):
        encoding = "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if encoding == "utf-8" and b"\x00" in data:
        raise ListError(f"{path}: binary file (contains NUL bytes), not a markdown list")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ListError(
            f"{path}: not {encoding.upper()} text (invalid byte at offset {exc.start})"
        ) from None
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise ListError(f"{path}: binary file (contains NUL characters), not a markdown list")
    return text
