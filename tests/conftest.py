"""Shared fixtures: every test gets its own data dir; nothing reads the user's real one."""

from __future__ import annotations

import gc
import itertools
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import cast

import pytest
from hypothesis import HealthCheck, settings

from papershelf.cli.main import tune_collector
from papershelf.domain import clock as clock_module
from papershelf.paths import ENV_DATA_DIR, ENV_STATE_DIR, Paths
from papershelf.services.library import Library
from tests.list_site import Site, serving

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"

# Generated inputs are checked for what they give, never for how fast they come: no
# per-example deadline and no "generation is slow" check. On a machine whose cores another
# process keeps busy, one draw stalled for 0.86 s and failed a whole run.
settings.register_profile("papershelf", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("papershelf")

# The collector settings of a papershelf process (its entry sets them once), so the app
# tests run the app as users do.
tune_collector()


@pytest.fixture(autouse=True)
def _collector_ignores_earlier_tests() -> None:
    # A worker's heap holds what every earlier test left; the app's one full collection
    # after its first load would rescan all of it, in every app test. Freezing it keeps each
    # test's collections to its own objects, as in a fresh papershelf process.
    gc.freeze()


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setenv(ENV_STATE_DIR, str(tmp_path / "state"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    yield


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data")


@pytest.fixture
def library(paths: Paths) -> Library:
    return Library(paths, lock_timeout=2.0)


def corpus_file(name_prefix: str) -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside the checkout ({CORPUS} missing)")
    matches = sorted(CORPUS.glob(f"{name_prefix}_*.md"))
    assert matches, f"no corpus file {name_prefix}_*.md"
    return matches[0]


def python_c(code: str, env: dict[str, str] | None = None) -> str:
    """The stdout of ``python -c CODE`` in a process of its own (a fresh ``sys.modules``),
    which must succeed."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``papershelf ARGV`` in this process: (exit code, stdout, stderr)."""
    from papershelf.cli.main import main

    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits by itself
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def set_clock(monkeypatch: pytest.MonkeyPatch, readings: Iterator[datetime]) -> None:
    """papershelf's clock reads ``readings``, one a call (``clock_module``'s ``now``)."""

    class Readings(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Readings:
            return cast("Readings", next(readings))

    monkeypatch.setattr(clock_module, "datetime", Readings)


@pytest.fixture
def one_second_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every reading of papershelf's clock falls in one second, a millisecond after the last.

    What is stamped to the second (an import, a note's change) must still tell two apart.
    """
    ticks = (datetime(2026, 1, 1, 10, 0, 0, 1000 * n, tzinfo=UTC) for n in itertools.count(1))
    set_clock(monkeypatch, ticks)


@pytest.fixture
def site() -> Iterator[Site]:
    """A local server of paper lists (``tests.list_site``)."""
    with serving() as served:
        yield served
