"""A local HTTP server that serves paper lists (and fails) as a test says: ``import URL``,
``update`` and the app's update are tested against it, never against the network."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from tests.local_http import local_server


@dataclass
class Site:
    """What the local server answers: path -> (status, content type, body)."""

    base: str
    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    release: threading.Event = field(default_factory=threading.Event)
    hits: list[str] = field(default_factory=list)

    def put(self, path: str, text: str, ctype: str = "text/plain; charset=utf-8") -> str:
        self.pages[path] = (200, ctype, text.encode("utf-8"))
        return self.base + path


@contextmanager
def serving() -> Iterator[Site]:
    state = Site("")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits.append(self.path)
            if self.path == "/slow":
                state.release.wait(10)  # until the test is over: the client must give up
                return
            if self.path.startswith("/redirect"):
                self.send_response(302)
                self.send_header("Location", "http://example.com/list.md")
                self.end_headers()
                return
            status, ctype, body = state.pages.get(self.path, (404, "text/plain", b"missing"))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    with local_server(Handler) as base:
        state.base = base
        try:
            yield state
        finally:
            state.release.set()  # a slow answer waits for it: before the server stops
