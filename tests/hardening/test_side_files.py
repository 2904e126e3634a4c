"""Damaged side files: a list index of the wrong shape and a log that cannot be written."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from papershelf.logs import setup_logging
from papershelf.paths import resolve_paths
from tests.hardening.helpers import run, snapshot

Capsys = pytest.CaptureFixture[str]

BAD_INDEXES = {
    "bundled entry without a name": b'{"lists": [], "bundled": [{"x": 1}]}',
    "lists is text": b'{"lists": "abc"}',
    "forgotten is a number": b'{"bundled_forgotten": 5}',
    "list entry missing fields": b'{"lists": [{"name": "a"}]}',
    "ids of the wrong type": b'{"lists": [], "bundled": [{"name": "a", "ids": 3}]}',
}
COMMANDS = [
    ("list",),
    ("lists",),
    ("venues",),
    ("stats",),
    ("export", "--format", "json"),
]


@pytest.mark.parametrize("damage", sorted(BAD_INDEXES))
def test_an_index_of_the_wrong_shape_is_one_line_and_touches_nothing(
    damage: str, tmp_path: Path, capsys: Capsys
) -> None:
    data = tmp_path / "data"
    listed = run(capsys, "--data-dir", str(data), "list", "--format", "json")
    assert listed.code == 0, listed.err
    paper = str(json.loads(listed.out)[0]["id"])
    library = resolve_paths(data).library
    assert run(capsys, "--data-dir", str(data), "mark", paper, "read").code == 0
    before = snapshot(library)
    index = data / "lists" / "index.json"
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_bytes(BAD_INDEXES[damage])
    for argv in [*COMMANDS, ("mark", paper, "to-read"), ("undo",)]:
        result = run(capsys, "--data-dir", str(data), *argv)
        assert result.code == 2, (argv, result)
        assert len(result.err_lines) == 1, (argv, result.err)
        assert "index.json" in result.err and "Traceback" not in result.err
    assert snapshot(library) == before


def test_a_log_that_cannot_be_opened_never_raises(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    paths.log.mkdir(parents=True)  # opening a directory as the log file fails with OSError
    logger = logging.getLogger("papershelf")
    saved = list(logger.handlers)
    logger.handlers.clear()
    try:
        setup_logging(paths)
        try:
            raise ValueError("boom")
        except ValueError:
            logger.exception("an unexpected error")  # must not raise
        assert paths.log.is_dir()
    finally:
        for handler in logger.handlers:
            handler.close()
        logger.handlers[:] = saved
