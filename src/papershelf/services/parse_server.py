"""``python -m papershelf.services.parse_server``: the child of ``parse_child``.

Reads (text, source, venue) requests from standard input and answers each on the pipe
whose number it is given: ("ok", the flat parse), ("list", the ``ListError``'s message) or
("failed", why).
Ends when its input ends (the app closed the pipe, or is gone). A process of one thread that
does nothing else: a long list's general reading may fork a second reader (``read_ahead``).
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from multiprocessing.connection import Connection


def serve(receive: Connection, send: Connection) -> None:
    from papershelf.catalog.markdown_list import parse_list  # now: the app starts meanwhile
    from papershelf.errors import ListError
    from papershelf.services.flat_parse import flat

    while True:
        try:
            text, source, venue = receive.recv()
        except EOFError:
            return
        keep: list[object] = []  # freed after the answer is sent, not before
        try:
            answer: tuple[str, object] = (
                "ok",
                flat(parse_list(text, source=source, venue=venue, keep=keep, ahead=True)),
            )
        except ListError as exc:
            answer = ("list", str(exc))
        except Exception as exc:  # the app parses the list itself and meets it there
            answer = ("failed", f"{type(exc).__name__}: {exc}")
        send.send(answer)
        del keep


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the app decides when this process ends
    gc.set_threshold(50_000, 20, 10)  # as the app's own (``cli.main.tune_collector``)
    receive = Connection(os.dup(0), writable=False)
    send = Connection(int(sys.argv[1]), readable=False)  # the pipe the app reads answers on
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # the requests come on ``receive`` only
    with contextlib.suppress(BrokenPipeError):  # the app is gone
        serve(receive, send)


if __name__ == "__main__":
    main()
