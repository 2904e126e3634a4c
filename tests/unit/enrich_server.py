"""A local HTTP server on 127.0.0.1 that replays recorded answers to the enrichment sources."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from papershelf.paths import Paths
from tests.local_http import local_server

DATA = Path(__file__).resolve().parents[1] / "data" / "enrich"

Answer = tuple[int, dict[str, str], bytes]


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class FixtureServer:
    """Routes are ``prefix -> handler(seen) -> (status, headers, body)``; longest prefix wins."""

    routes: dict[str, Callable[[Seen], Answer]] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    base: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def route(self, prefix: str, handler: Callable[[Seen], Answer]) -> None:
        self.routes[prefix] = handler

    def answer(self, seen: Seen) -> Answer:
        with self.lock:
            self.seen.append(seen)
        for prefix in sorted(self.routes, key=len, reverse=True):
            if seen.path.startswith(prefix):
                return self.routes[prefix](seen)
        return 404, {}, b'{"error": "no route"}'

    def paths_seen(self, prefix: str) -> list[Seen]:
        return [s for s in self.seen if s.path.startswith(prefix)]


def fixture_bytes(name: str) -> bytes:
    return (DATA / name).read_bytes()


def always(
    status: int, body: bytes, headers: dict[str, str] | None = None
) -> Callable[[Seen], Answer]:
    return lambda _seen: (status, headers or {}, body)


def _handler(server: FixtureServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            seen = Seen(
                self.command,
                parts.path,
                parse_qs(parts.query),
                {k.lower(): v for k, v in self.headers.items()},
                body,
            )
            status, headers, payload = server.answer(seen)
            try:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass

        do_GET = _serve
        do_POST = _serve

        def log_message(self, *_args: object) -> None:
            pass

    return Handler


@pytest.fixture
def enrich_server() -> Iterator[FixtureServer]:
    server = FixtureServer()
    with local_server(_handler(server)) as base:
        server.base = base
        yield server


def write_config(paths: Paths, base: str, **extra: object) -> None:
    """A config.toml pointing every source at the fixture server, with no pauses."""
    lines = [
        "[enrich]",
        f'arxiv = "{base}/arxiv/api/query"',
        f'openalex = "{base}/openalex"',
        f'semantic_scholar = "{base}/s2/graph/v1"',
        f'crossref = "{base}/crossref"',
        f'dblp = "{base}/dblp/search/publ/api"',
        "arxiv_interval = 0",
        "openalex_interval = 0",
        "semantic_scholar_interval = 0",
        "crossref_interval = 0",
        "dblp_interval = 0",
        "backoff = 0.001",
        "timeout = 5",
    ]
    for key, value in extra.items():
        lines.append(f"{key} = {value!r}" if not isinstance(value, str) else f'{key} = "{value}"')
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.config.write_text("\n".join(lines) + "\n", encoding="utf-8")


EMPTY_FEED = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
    b"<title>ArXiv Query</title></feed>\n"
)


def nothing_anywhere(server: FixtureServer) -> None:
    """Every source answers "nothing found" in its documented empty shape."""
    server.route("/arxiv", always(200, EMPTY_FEED))
    server.route("/openalex", always(200, b'{"meta": {"count": 0}, "results": []}'))
    server.route(
        "/s2/graph/v1/paper/search/match", always(404, b'{"error": "Title match not found"}')
    )
    server.route("/s2/graph/v1/paper/batch", lambda seen: (200, {}, _nulls(seen)))
    server.route("/crossref/works", always(404, b"Resource not found."))
    server.route("/dblp", always(200, b'{"result": {"hits": {"@total": "0"}}}'))


def _nulls(seen: Seen) -> bytes:
    import json

    ids = json.loads(seen.body or b"{}").get("ids", [])
    return json.dumps([None] * len(ids)).encode()
