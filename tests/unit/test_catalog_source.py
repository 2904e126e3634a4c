"""Reading list files: encodings and line endings accepted, everything else refused in one line."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from papershelf.catalog import source
from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.source import read_list_file
from papershelf.errors import ListError

ENTRY = "* \\[tag] [Gödel: A Title](https://x.org/p.pdf). Ann Lee, Bo Chen. OSDI'24\n"
LIST = "# Notes\n\n" + ENTRY + ENTRY.replace("Gödel", "Escher")


def _refusal(path: Path) -> str:
    with pytest.raises(ListError) as caught:
        read_list_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    return message


def test_utf8(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    assert read_list_file(path) == LIST


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
    ],
)
def test_byte_order_marks(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(bom + LIST.encode(encoding))
    text = read_list_file(path)
    assert text == LIST
    assert [p.title for p in parse_list(text, source="list.md").papers] == [
        "Gödel: A Title",
        "Escher: A Title",
    ]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "mixed"])
def test_line_endings(tmp_path: Path, newline: str) -> None:
    lines = LIST.split("\n")
    if newline == "mixed":
        raw = "".join(line + ("\r\n", "\n", "\r")[i % 3] for i, line in enumerate(lines))
    else:
        raw = newline.join(lines)
    path = tmp_path / "list.md"
    path.write_bytes(raw.encode("utf-8"))
    parsed = parse_list(read_list_file(path), source="list.md")
    expected = parse_list(LIST, source="list.md")
    assert parsed == expected
    assert [p.line for p in parsed.papers] == [3, 4]


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in _refusal(tmp_path / "nope.md")


def test_directory(tmp_path: Path) -> None:
    assert "directory" in _refusal(tmp_path)


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    assert "empty" in _refusal(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in _refusal(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes(LIST.encode("latin-1"))
    message = _refusal(path)
    assert "not UTF-8" in message and "offset" in message


def test_cap_is_sixteen_mib() -> None:
    assert source.MAX_LIST_BYTES == 16 * 1024 * 1024


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.md"
    path.write_text(LIST * 40, encoding="utf-8")
    monkeypatch.setattr(source, "MAX_LIST_BYTES", 1024)
    assert "too large for a paper list (over 1024 bytes)" in _refusal(path)
    monkeypatch.setattr(source, "MAX_LIST_BYTES", 16 * 1024 * 1024)
    with path.open("ab") as handle:
        handle.truncate(16 * 1024 * 1024 + 1)  # sparse: no 16 MiB written
    assert "(over 16 MiB)" in _refusal(path)


def test_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.md"
    path.write_text(LIST, encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert "permission denied" in _refusal(path)


def test_fifo_is_not_a_list(tmp_path: Path) -> None:
    path = tmp_path / "pipe.md"
    os.mkfifo(path)
    assert "not a regular file" in _refusal(path)
