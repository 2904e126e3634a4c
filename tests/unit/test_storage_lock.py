"""The inter-process lock: waits, times out with a clear message, dies with its holder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from papershelf.domain.models import PaperState, Status
from papershelf.domain.state_ops import with_status
from papershelf.errors import LockTimeoutError
from papershelf.storage.lock import WriteLock
from papershelf.storage.state_store import StateStore


def make_store(folder: Path, timeout: float = 5.0) -> StateStore:
    return StateStore(
        folder / "library.json",
        lock_path=folder / "library.json.lock",
        backups_dir=folder / "backups",
        lock_timeout=timeout,
    )


def _env(folder: Path) -> dict[str, str]:
    return {**os.environ, "PAPERSHELF_DATA_DIR": str(folder)}


_HOLDER = r"""
import sys, time
from pathlib import Path
from papershelf.storage.lock import WriteLock
folder = Path(sys.argv[1])
lock = WriteLock(folder / "library.json.lock", target=folder / "library.json")
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def test_lock_is_reentrant_in_one_thread(tmp_path: Path) -> None:
    lock = WriteLock(tmp_path / "x.lock", target=tmp_path / "x", timeout=0.1)
    with lock, lock:
        assert lock.is_locked
    assert not lock.is_locked


def test_held_lock_times_out_then_a_killed_holder_blocks_no_one(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        store = make_store(tmp_path, timeout=0.2)
        started = time.monotonic()
        with pytest.raises(LockTimeoutError) as info:
            store.update(["a"], lambda _p, s: with_status(s, Status.READ, "t"), label="mark")
        assert time.monotonic() - started >= 0.2  # it did wait for the lock first
        assert str(info.value) == (
            f"another papershelf is writing {tmp_path / 'library.json'} (still after 0.2 s)"
        )
        assert store.get("a") == PaperState()  # reads never wait for the lock
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        assert (tmp_path / "library.json.lock").exists()  # left behind, yet harmless
        # same 0.2 s timeout: the dead holder's lock is gone, not merely expired
        assert (
            store.update(["a"], lambda _p, s: with_status(s, Status.READ, "t"), label="mark")
            is not None
        )
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


_WRITER = r"""
import sys, time
from pathlib import Path
from papershelf.storage.state_store import StateStore
from papershelf.domain.state_ops import with_note
folder, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
store = StateStore(folder / "library.json", lock_path=folder / "library.json.lock",
                   backups_dir=folder / "backups", lock_timeout=30)
print("ready", flush=True)
while not (folder / "go").exists():
    time.sleep(0.001)
for i in range(count):
    store.update([f"{name}{i}"], lambda _p, s: with_note(s, f"{name} {i}", "t"), label="own")
    store.update(["shared"], lambda _p, s: with_note(s, str(int(s.note or 0) + 1), "t"),
                 label="shared")
print("done", flush=True)
"""


def test_two_processes_lose_no_update(tmp_path: Path) -> None:
    count = 50
    tmp_path.mkdir(exist_ok=True)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(tmp_path), name, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(tmp_path),
        )
        for name in ("a", "b")
    ]
    try:
        for proc in procs:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
        (tmp_path / "go").touch()
        for proc in procs:
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
            assert out.strip() == "done"
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    store = make_store(tmp_path)
    states = store.states()
    for name in ("a", "b"):
        for i in range(count):
            assert states[f"{name}{i}"].note == f"{name} {i}"
    assert states["shared"].note == str(2 * count)  # every read-modify-write saw the last one
    seqs = [r.seq for r in store.history()]
    assert seqs == list(range(1, 4 * count + 1))
    assert store.check() == []


def test_reads_do_not_wait_while_a_thread_waits_for_the_lock(tmp_path: Path) -> None:
    store = make_store(tmp_path, timeout=120.0)
    store.update(["a"], lambda _p, s: with_status(s, Status.READ, "t"), label="mark")
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
    )
    results: list[object] = []
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        worker = threading.Thread(
            target=lambda: results.append(
                store.update(["b"], lambda _p, s: with_status(s, Status.READ, "t"), label="b")
            )
        )
        worker.start()
        time.sleep(0.1)  # the worker is now waiting for the other process
        assert worker.is_alive()
        # A read that waited for the lock would wait for the holder: about forever here.
        seen: list[object] = []
        reader = threading.Thread(
            target=lambda: seen.extend([store.get("a").status, "b" in store.states()])
        )
        reader.start()
        reader.join(timeout=60)
        assert not reader.is_alive(), "a read waited for the write lock"
        assert seen == [Status.READ, False]
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        worker.join(timeout=10)
        assert results and results[0] is not None
        assert store.get("b").status is Status.READ
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
