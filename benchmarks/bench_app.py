"""The app in a real pseudo-terminal: cold start, search keystrokes and a status key.

Times are taken from outside, as a user sees them: from the moment the process is started
(or a key is written to the terminal) until the text that shows the result arrives on the
terminal. "Settled" is the last byte of output that followed the key (nothing more came for
``QUIET`` seconds): the whole screen update, list, counts and detail pane included.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import orjson

from benchmarks.ptyterm import PtyProcess
from benchmarks.reference_app import START_TEXT, echo_text
from benchmarks.stats import summary
from benchmarks.workspace import env_for, papershelf_command

COLS, ROWS = 120, 40
QUIET = 0.15
"""Output gap that ends a keystroke's screen update (the input cursor blinks at 0.5 s)."""
START_TIMEOUT = 180.0
TO_READ_GLYPH = "○"
BACKSPACE = "\x7f"


class AppError(RuntimeError):
    """The app did not show what the benchmark waited for."""


def needle_for(title: str) -> str:
    """A prefix of ``title`` short enough to fit the list column at ``COLS`` wide."""
    return " ".join(title.split())[:24]


ROOT = Path(__file__).resolve().parents[1]


def _spawn(data_dir: Path, argv: Sequence[str] | None = None) -> PtyProcess:
    env = env_for(data_dir)
    if argv is not None:  # a reference app: ``benchmarks`` must be importable
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return PtyProcess(argv or papershelf_command(), env, cols=COLS, rows=ROWS)


def reference_argv(kind: str) -> list[str]:
    """The bare Textual app (``start``) or the Input echo app (``echo``), as a process."""
    return [sys.executable, "-m", "benchmarks.reference_app", kind]


def _tail(proc: PtyProcess) -> str:
    return proc.text_since(max(0, proc.mark() - 1500))[-600:]


HELP_TEXT = "remap them in config.toml"
"""What ``?`` (help) shows: the start's first key answered, the app live behind its frame."""


def _start_once(
    data_dir: Path, needle: str, argv: Sequence[str] | None
) -> tuple[float, float, float, float | None]:
    """One start: seconds until ``needle`` shows, peak RSS (MB), CPU seconds until quit, and
    (papershelf only) seconds until ``?`` typed as the papers showed has opened the help.

    The first figure is what the user sees; the last when the app answers a key: a start
    that draws the screen kept at the last quit (``tui/cover.py``) holds keys until then.
    """
    with _spawn(data_dir, argv) as proc:
        seen = proc.wait_for_text(needle, 0, START_TIMEOUT)
        if seen is None:
            raise AppError(f"no paper on screen after {START_TIMEOUT:.0f} s: {_tail(proc)!r}")
        live: float | None = None
        if argv is None:
            mark = proc.mark()
            proc.send("?")
            answered = proc.wait_for_text(HELP_TEXT, mark, START_TIMEOUT)
            if answered is None:
                raise AppError(f"no help after ?: {_tail(proc)!r}")
            live = answered - proc.started
        proc.settle(0.5, 30)
        end = proc.finish(keys=("\x1b", "q") if argv is None else ("q",))
    return seen - proc.started, end.max_rss_mb, end.cpu_s, live


def _summaries(runs: list[tuple[float, float, float, float | None]]) -> dict[str, Any]:
    firsts, rss, cpu, live = (list(column) for column in zip(*runs, strict=True))
    found = {"first_frame_s": summary(firsts), "rss_mb": summary(rss), "cpu_s": summary(cpu)}
    if all(seconds is not None for seconds in live):
        found["live_s"] = summary([seconds for seconds in live if seconds is not None])
    return found


def cold_start(
    data_dir: Path,
    title: str,
    runs: int,
    before_each: Callable[[], None] | None = None,
    *,
    warm_up: bool = True,
    argv: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Seconds from process start to the first frame showing ``title``; peak RSS, CPU time.

    CPU time (all threads, until quit) helps read a run on a busy machine: wall time grows
    with other load, CPU time much less.
    """
    needle = needle_for(title) if argv is None else title
    measured: list[tuple[float, float, float, float | None]] = []
    for run in range(-1 if warm_up else 0, runs):
        if before_each is not None:
            before_each()
        one = _start_once(data_dir, needle, argv)
        if run >= 0:  # run -1 only warms the page cache and the bytecode cache
            measured.append(one)
    return _summaries(measured)


def starts_side_by_side(
    data_dir: Path, title: str, runs: int, *, warm_up: bool = True
) -> dict[str, dict[str, Any]]:
    """The bare app, the layout reference and papershelf, started in turn in every run.

    Taken in turn rather than one after the other, a change in the machine's speed during
    the run reaches the three alike, and their ratios stay fair.
    """
    kinds: dict[str, tuple[str, Sequence[str] | None]] = {
        "reference_start": (START_TEXT, reference_argv("start")),
        "layout_start": (START_TEXT, reference_argv("layout")),
        "cold_start": (needle_for(title), None),
    }
    measured: dict[str, list[tuple[float, float, float, float | None]]] = {
        kind: [] for kind in kinds
    }
    for run in range(-1 if warm_up else 0, runs):
        for kind, (needle, argv) in kinds.items():
            one = _start_once(data_dir, needle, argv)
            if run >= 0:
                measured[kind].append(one)
    return {kind: _summaries(values) for kind, values in measured.items()}


class _LibraryFile:
    """Polls the library file for one paper's status, re-reading only when the file changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._sig: tuple[int, int, int] | None = None
        self._states: dict[str, Any] = {}

    def status(self, paper_id: str) -> str | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        sig = (st.st_ino, st.st_mtime_ns, st.st_size)
        if sig != self._sig:
            try:
                doc = orjson.loads(self.path.read_bytes())
            except (OSError, orjson.JSONDecodeError):
                return None  # never the case with atomic writes; retried on the next poll
            self._sig = sig
            self._states = doc.get("states", {}) if isinstance(doc, dict) else {}
        state = self._states.get(paper_id)
        return state.get("status") if isinstance(state, dict) else None


def _status_keys(proc: PtyProcess, data_dir: Path, ids: list[str]) -> dict[str, Any]:
    """``t`` on the highlighted paper (the cursor then moves on): glyph, settled, durable."""
    library = _LibraryFile(data_dir / "library.json")
    glyph, settled, durable = [], [], []
    for paper_id in ids:
        mark = proc.mark()
        sent = proc.send("t")
        shown_at: float | None = None
        durable_at: float | None = None
        deadline = sent + 10.0
        while time.perf_counter() < deadline:
            proc.pump(0.0005)
            now = time.perf_counter()
            if shown_at is None and TO_READ_GLYPH in proc.text_since(mark):
                shown_at = proc.last_output
            if durable_at is None and library.status(paper_id) == "to-read":
                durable_at = now
            if shown_at is not None and durable_at is not None and now - proc.last_output > QUIET:
                break
        if shown_at is None or durable_at is None:
            raise AppError(f"status key on {paper_id}: shown={shown_at} durable={durable_at}")
        glyph.append((shown_at - sent) * 1e3)
        settled.append((proc.last_output - sent) * 1e3)
        durable.append((durable_at - sent) * 1e3)
        proc.settle(QUIET, 5)
    return {
        "glyph_ms": summary(glyph),
        "settled_ms": summary(settled),
        "durable_ms": summary(durable),
    }


def _search_keys(
    proc: PtyProcess, queries: list[str], shown: list[int], total: int
) -> dict[str, Any]:
    """Type the search sequence; per key: the count on screen, then the settled screen."""
    proc.send("/")
    proc.settle(0.3, 5)
    count_ms, settled_ms, keys = [], [], []
    previous = ""
    for query, count in zip(queries, shown, strict=True):
        key = query[-1] if len(query) > len(previous) else BACKSPACE
        mark = proc.mark()
        sent = proc.send(key)
        seen = proc.wait_for_text(f"{count} of {total}", mark, 10.0)
        last = proc.settle(QUIET, 10.0)
        if seen is None:
            raise AppError(f"search {query!r}: '{count} of {total}' not shown: {_tail(proc)!r}")
        count_ms.append((seen - sent) * 1e3)
        settled_ms.append((last - sent) * 1e3)
        keys.append(query)
        previous = query
    return {
        "queries": keys,
        "count_shown_ms": summary(count_ms),
        "settled_ms": summary(settled_ms),
    }


def interactive(
    data_dir: Path,
    title: str,
    status_ids: list[str],
    queries: list[str],
    shown: list[int],
    total: int,
) -> dict[str, Any]:
    """One session: status keys on the first papers, then the search sequence; peak RSS."""
    with _spawn(data_dir) as proc:
        seen = proc.wait_for_text(needle_for(title), 0, START_TIMEOUT)
        if seen is None:
            raise AppError(f"no paper on screen: {_tail(proc)!r}")
        proc.settle(0.3, 30)
        # The search index is built off the UI thread after the first frame; let it finish
        # (it takes less than the start did).
        until = time.perf_counter() + max(0.3, 0.7 * (seen - proc.started))
        while time.perf_counter() < until:
            proc.pump(0.05)
        status = _status_keys(proc, data_dir, status_ids)
        search = _search_keys(proc, queries, shown, total)
        end = proc.finish(keys=("\x1b", "q"))
    return {"status": status, "search": search, "rss_mb": end.max_rss_mb, "cpu_s": end.cpu_s}


def reference_echo(data_dir: Path, queries: list[str], rounds: int) -> dict[str, Any]:
    """The bare app's key echo: the search sequence typed into an Input, ``rounds`` times.

    Per key: until the echo is on screen, and until the output settles (as the app's keys).
    """
    shown_ms, settled_ms = [], []
    with _spawn(data_dir, reference_argv("echo")) as proc:
        if proc.wait_for_text(echo_text(""), 0, START_TIMEOUT) is None:
            raise AppError(f"the echo app did not start: {_tail(proc)!r}")
        proc.settle(0.5, 30)
        for _ in range(rounds):
            previous = ""
            for query in queries:
                key = query[-1] if len(query) > len(previous) else BACKSPACE
                mark = proc.mark()
                sent = proc.send(key)
                seen = proc.wait_for_text(echo_text(query), mark, 10.0)
                last = proc.settle(QUIET, 10.0)
                if seen is None:
                    raise AppError(f"echo {query!r} not shown: {_tail(proc)!r}")
                shown_ms.append((seen - sent) * 1e3)
                settled_ms.append((last - sent) * 1e3)
                previous = query
        end = proc.finish(keys=("\x1b",))
    return {
        "shown_ms": summary(shown_ms),
        "settled_ms": summary(settled_ms),
        "rss_mb": end.max_rss_mb,
    }
