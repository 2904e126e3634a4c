"""Rotating backups: at most one a day, five kept, the newest good one found."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from papershelf.storage.backups import Backups
from papershelf.storage.schema import dump_document


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 9, 0, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _library(tmp_path: Path, note: str) -> Path:
    path = tmp_path / "library.json"
    path.write_bytes(dump_document({"states": {"p": {"note": note}}}))
    return path


def test_daily_backup_at_most_once_a_day(tmp_path: Path) -> None:
    clock = Clock()
    backups = Backups(tmp_path / "backups", now=clock)
    assert backups.make_daily(tmp_path / "missing.json") is None  # nothing to copy
    source = _library(tmp_path, "v1")
    first = backups.make_daily(source)
    assert first is not None
    assert first.read_bytes() == source.read_bytes()
    clock.now += timedelta(hours=23)
    assert backups.make_daily(_library(tmp_path, "v2")) is None
    # a new process (no memory of the last backup) reads the stamp from the folder
    assert Backups(tmp_path / "backups", now=clock).make_daily(source) is None
    clock.now += timedelta(hours=1)
    second = backups.make_daily(source)
    assert second is not None
    assert backups.paths() == [second, first]


def test_keeps_the_five_newest(tmp_path: Path) -> None:
    clock = Clock()
    backups = Backups(tmp_path / "backups", now=clock)
    made = []
    for i in range(8):
        made.append(backups.make(_library(tmp_path, f"v{i}")))
        clock.now += timedelta(days=1)
    assert backups.paths() == list(reversed(made[-5:]))
    assert b'"v7"' in backups.paths()[0].read_bytes()


def test_same_second_backups_get_distinct_names(tmp_path: Path) -> None:
    backups = Backups(tmp_path / "backups", now=Clock())
    source = _library(tmp_path, "x")
    a = backups.make(source, reason="schema0")
    b = backups.make(source)
    assert a != b
    assert a.name.endswith("-schema0.json")
    assert backups.paths() == [b, a]


def test_newest_good_skips_damaged_copies(tmp_path: Path) -> None:
    clock = Clock()
    backups = Backups(tmp_path / "backups", now=clock)
    assert backups.newest_good() is None
    good = backups.make(_library(tmp_path, "good"))
    clock.now += timedelta(days=1)
    bad = backups.make(_library(tmp_path, "later"))
    bad.write_bytes(b'{"schema": 1, "states": {"p": {"no')
    clock.now += timedelta(days=1)
    newer = backups.make(_library(tmp_path, "newer"))
    newer.write_bytes(b'{"schema": 99}')
    assert backups.newest_good() == good
