"""``papershelf``: the app with no subcommand, scripting commands otherwise."""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NoReturn

from papershelf.errors import PapershelfError


def tune_collector() -> None:
    """Run the cyclic garbage collector less often, for this whole process (CLI or app).

    A large catalog is millions of small acyclic objects; at the default threshold (700
    allocations) the collector runs thousands of times while a 50,000-paper list is parsed or
    its cache is loaded, each pass rescanning survivors (import and first start about 1.5x
    slower, the cached load 3x). Reference counting frees almost everything anyway.
    """
    gc.set_threshold(50_000, 20, 10)


MMAP_THRESHOLD = 128 * 1024
"""Blocks this large come from the system and go back to it when freed (glibc's default,
before it starts raising the bar on its own)."""
COMMAND_MMAP_THRESHOLD = 32 * 1024 * 1024
"""A command's blocks up to this size come from its heap (glibc's largest such setting)."""
COMMAND_TRIM_THRESHOLD = 512 * 1024 * 1024
"""Free memory a command's heap keeps at its top instead of giving it back."""
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


def tune_allocator(*, command: bool = False) -> None:
    """Set when glibc gives freed memory back to the system (on Linux only).

    The app gives large freed blocks back at once: glibc raises its threshold for such
    blocks each time a large one is freed, up to 32 MB; after a 50,000-paper load, every
    later large list (a search's hits, a file written) then came from the heap and its
    memory stayed with the process: the app's peak was 20 MB higher (161 MB against 142 MB
    in one session). A ``command`` is the other way round: it ends in a second or two, and
    each block given back was faulted in again by the next: an import of 10,000 entries
    into a 50,000-paper catalog took 142,000 page faults (0.38-0.42 s of system time),
    109,000 (0.31-0.36 s) with its memory kept; ``list --format json`` at 50,000 papers
    86,000 (0.23 s), 36,000-40,000 (0.09-0.13 s).
    """
    if sys.platform != "linux" or "MALLOC_MMAP_THRESHOLD_" in os.environ:
        return  # the user's own setting wins
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.gnu_get_libc_version  # noqa: B018 -- glibc, not musl or another libc
    except (OSError, AttributeError):
        return
    if command:
        libc.mallopt(_M_MMAP_THRESHOLD, COMMAND_MMAP_THRESHOLD)
        libc.mallopt(_M_TRIM_THRESHOLD, COMMAND_TRIM_THRESHOLD)
    else:
        libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)


def main(
    argv: Sequence[str] | None = None,
    *,
    hold: list[object] | None = None,
    begun: dict[str, Any] | None = None,
) -> int:
    """Run one command (or the app); its exit code.

    ``hold`` (``run``'s) is given the library a command used, and what its imports leave
    (``Library.left_to_exit``), so that nothing of it is freed before the process ends.
    ``begun``: the parses ``run`` started before this (``cli.early``), by file.
    """
    tune_collector()
    argv = sys.argv[1:] if argv is None else list(argv)
    args: Any = SimpleNamespace(command=None)  # a bare start opens the app: no parser at all
    if argv:
        from papershelf.cli.parser import parse

        args = parse(argv)
    tune_allocator(command=args.command is not None)
    if not hasattr(args, "quiet"):
        args.quiet = False
    from papershelf.paths import ENV_DATA_DIR, resolve_paths

    chosen = getattr(args, "data_dir", None)
    paths = resolve_paths(chosen)
    if paths.data_dir.is_file():  # else each command named a file under it it could not read
        given = "--data-dir" if chosen else ENV_DATA_DIR if os.environ.get(ENV_DATA_DIR) else ""
        where = given or "the data dir"
        print(f"papershelf: {where} {paths.data_dir}: a file, not a folder", file=sys.stderr)
        return 2
    # A mistyped --data-dir would otherwise start an empty library without a word.
    new_folder = chosen is not None and not paths.data_dir.exists()
    from papershelf.logs import setup_logging

    setup_logging(paths)
    try:
        if args.command is None:
            from papershelf.services.parse_child import app_parser

            parser = app_parser(paths)  # before the app's modules load: its start overlaps
            from papershelf.tui.app import run_app

            try:
                return run_app(paths, new_folder=new_folder, parse=parser)
            finally:
                if parser is not None:
                    parser.close()
        if (early := getattr(args, "early", None)) is not None:
            args.begun = begun
            early(args)  # what may start before the library loads (an import's parse)
        from papershelf.services.library import Library

        lib = Library(paths)
        if hold is not None:
            hold.append(lib)
            lib.left_to_exit = []
        try:
            code: int = args.func(lib, args)
            sys.stdout.flush()  # a full disk behind `> file` is reported here, not at exit
            for notice in lib.notices():
                print(f"papershelf: {_one_line(notice)}", file=sys.stderr)
        finally:
            if hold is None:  # called in a process that goes on: its descriptor back now
                lib.close()
        if new_folder and not args.quiet and paths.data_dir.exists():
            print(f"papershelf: {_one_line(paths.new_folder_notice())}", file=sys.stderr)
        return code
    except PapershelfError as exc:
        _flush_quietly()  # what the command printed before it stopped comes first
        # Messages quote file names and arguments: no escape sequence reaches the terminal.
        for line in exc.lines:
            print(f"papershelf: {_one_line(line)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `papershelf list | head`: the reader left; that is not an error.
        sys.stderr.close()
        return 0
    except OSError as exc:
        from papershelf.cli.streams import ClosedStreamError

        closed = isinstance(exc, ClosedStreamError)  # any other EBADF is a fault of ours
        if not closed and (exc.filename is not None or exc.errno not in _OUTPUT_ERRNOS):
            return _unexpected(exc, args.command, paths.log)
        # `papershelf list > /dev/full`: the output could not be written (files the
        # commands write report their own errors, naming the file).
        print(f"papershelf: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        _drop_stdout()
        return 2
    except Exception as exc:
        return _unexpected(exc, args.command, paths.log)


def run() -> NoReturn:
    """``python -m papershelf``: ``main``, then a command's process ends without freeing.

    A command leaves its catalog behind (at 60,000 papers, millions of objects): freeing them
    one by one on the way out was 50 to 100 ms of an import. By then every file it wrote is
    written, synced and closed (atomic writes) and its locks are released; only what exit
    itself does is left: the standard streams flushed and the ``atexit`` functions run
    (logging's flush), done here before the process ends at once. Where that is not all
    (a thread or a child process still running, the app, an output that cannot be written)
    the usual exit runs instead, as it did before.
    """
    from papershelf.cli.early import begin, command_at
    from papershelf.cli.streams import open_standard_streams

    open_standard_streams()  # before any file is opened, or it takes a closed stream's number
    argv = sys.argv[1:]
    tune_collector()  # as ``main`` would: the child of ``begin`` is forked with them
    tune_allocator(command=command_at(argv) is not None)
    begun = begin(argv)  # an import's big lists start parsing now, before the rest loads
    held: list[object] = []
    try:
        code = main(argv, hold=held, begun=begun)
    finally:
        for ahead in begun.values():  # those no command took (a bad flag, say): ended
            ahead.close()
    if held and _alone() and _flushed():
        import atexit

        atexit._run_exitfuncs()
        if _alone() and _flushed():
            os._exit(code)
    held.clear()
    raise SystemExit(code)


def _flushed() -> bool:
    """Whether the standard streams are flushed (else the usual exit says what it says)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return False
    return True


def _alone() -> bool:
    """Whether no other thread and no child process of this one is running."""
    import threading

    if threading.active_count() > 1:
        return False
    mp = sys.modules.get("multiprocessing")
    return mp is None or not mp.active_children()


_OUTPUT_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EIO", "EDQUOT", "EFBIG") if hasattr(errno, name)
)
"""What writing stdout can fail with, a closed pipe apart (that one is a silent exit 0)."""


def _drop_stdout() -> None:
    """Send what is left of stdout to /dev/null: Python's flush at exit would fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout without a descriptor (tests)
        pass


def _flush_quietly() -> None:
    """What stdout holds goes out before an error on stderr (into a pipe it is buffered).

    A failed flush is no second error: the one being reported is what the user must read.
    """
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()


def _unexpected(exc: Exception, command: object, log: Path) -> int:
    """A bug: one line for the user, the traceback to the log (called while handling it)."""
    import logging

    logging.getLogger("papershelf").exception("unexpected error in %s", command)
    _flush_quietly()
    print(
        f"papershelf: unexpected error ({type(exc).__name__}: {_one_line(str(exc))}); "
        f"details in {_one_line(str(log))}",
        file=sys.stderr,
    )
    return 1


def _one_line(text: str) -> str:
    from papershelf.domain.text import sanitize

    return sanitize(text)


if __name__ == "__main__":
    run()
