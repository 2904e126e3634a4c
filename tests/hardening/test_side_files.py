"""Damaged side files: a list index of the wrong shape and a log that cannot be written."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from papershelf.logs import setup_logging
from papershelf.paths import Paths
from tests.hardening.helpers import first_paper_ids, run, snapshot

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
    damage: str, paths: Paths, capsys: Capsys
) -> None:
    (paper,) = first_paper_ids(capsys, 1)
    assert run(capsys, "mark", paper, "read").code == 0
    before = snapshot(paths.library)
    paths.lists.mkdir(parents=True, exist_ok=True)
    (paths.lists / "index.json").write_bytes(BAD_INDEXES[damage])
    for argv in [*COMMANDS, ("mark", paper, "to-read"), ("undo",)]:
        result = run(capsys, *argv)
        assert result.code == 2, (argv, result)
        assert len(result.err_lines) == 1, (argv, result.err)
        assert "index.json" in result.err and "Traceback" not in result.err
    assert snapshot(paths.library) == before


def test_a_log_that_cannot_be_opened_never_raises(paths: Paths) -> None:
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


def test_a_dangling_library_link_is_refused_and_nothing_is_created(
    tmp_path: Path, paths: Paths, capsys: Capsys
) -> None:
    paths.data_dir.mkdir()
    target = tmp_path / "unmounted" / "library.json"
    paths.library.symlink_to(target)
    for argv in (("doctor",), ("mark", "asplos2025-concerto", "read"), ("list",)):
        result = run(capsys, *argv)
        assert result.code == 2, (argv, result)
        # One line on stderr naming the target, doctor's too; nothing on stdout.
        assert str(target) in result.err and "Traceback" not in result.err, result
        assert len(result.err_lines) == 1 and result.out == "", result
    assert not target.exists() and not target.parent.exists()


def test_a_library_link_loop_is_one_line(paths: Paths, capsys: Capsys) -> None:
    paths.data_dir.mkdir()
    paths.library.symlink_to(paths.library)
    for argv in (("mark", "asplos2025-concerto", "read"), ("list",)):
        result = run(capsys, *argv)
        assert result.code == 2, (argv, result)
        assert len(result.err_lines) == 1 and "symbolic links" in result.err, result.err
        assert "unexpected error" not in result.err
