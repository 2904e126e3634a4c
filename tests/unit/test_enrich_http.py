"""The HTTP layer against a local server: retries, Retry-After, timeouts, size cap, headers."""

from __future__ import annotations

import socket
import threading

import httpx
import pytest

from papershelf import __version__
from papershelf.services.enrich.http import FetchError, Http, Request, retry_after
from tests.unit.enrich_server import FixtureServer, Seen, always, enrich_server

__all__ = ["enrich_server"]


class Sleeps:
    """Records the pauses asked for instead of waiting: no test depends on the clock."""

    def __init__(self) -> None:
        self.asked: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)


def make_http(sleeps: Sleeps, **kw: object) -> Http:
    options: dict[str, object] = {"intervals": {"s": 0.0}, "retries": 3, "backoff": 0.01}
    options.update(kw)
    return Http(sleep=sleeps, **options)  # type: ignore[arg-type]


def sequence(*answers: tuple[int, dict[str, str], bytes]):  # type: ignore[no-untyped-def]
    queue = list(answers)
    lock = threading.Lock()

    def handler(_seen: Seen) -> tuple[int, dict[str, str], bytes]:
        with lock:
            return queue.pop(0) if len(queue) > 1 else queue[0]

    return handler


def test_user_agent_names_papershelf_and_its_version(enrich_server: FixtureServer) -> None:
    enrich_server.route("/a", always(200, b"ok"))
    with make_http(Sleeps()) as http:
        response = http.fetch(Request("s", enrich_server.base + "/a"))
    assert response.status == 200 and response.body == b"ok"
    assert enrich_server.seen[0].headers["user-agent"] == f"papershelf/{__version__}"


def test_429_waits_as_retry_after_says_then_succeeds(enrich_server: FixtureServer) -> None:
    enrich_server.route(
        "/a", sequence((429, {"Retry-After": "7"}, b"slow down"), (200, {}, b"done"))
    )
    sleeps = Sleeps()
    with make_http(sleeps) as http:
        assert http.fetch(Request("s", enrich_server.base + "/a")).body == b"done"
    assert 7.0 in sleeps.asked
    assert len(enrich_server.seen) == 2


def test_500_is_retried_with_growing_backoff_then_fails(enrich_server: FixtureServer) -> None:
    enrich_server.route("/a", always(500, b"oops"))
    sleeps = Sleeps()
    with make_http(sleeps, retries=2) as http, pytest.raises(FetchError) as info:
        http.fetch(Request("s", enrich_server.base + "/a"))
    assert "HTTP 500" in str(info.value) and not info.value.network
    assert len(enrich_server.seen) == 3
    assert sleeps.asked == [0.01, 0.02]


def test_a_retry_after_longer_than_the_cap_stops_at_once(enrich_server: FixtureServer) -> None:
    enrich_server.route("/a", always(503, b"", {"Retry-After": "3600"}))
    with make_http(Sleeps(), max_retry_after=60) as http, pytest.raises(FetchError):
        http.fetch(Request("s", enrich_server.base + "/a"))
    assert len(enrich_server.seen) == 1


def test_404_is_an_answer_and_400_an_error_without_retry(enrich_server: FixtureServer) -> None:
    enrich_server.route("/missing", always(404, b"no"))
    enrich_server.route("/bad", always(400, b"bad request"))
    with make_http(Sleeps()) as http:
        assert http.fetch(Request("s", enrich_server.base + "/missing")).status == 404
        with pytest.raises(FetchError):
            http.fetch(Request("s", enrich_server.base + "/bad"))
    assert len(enrich_server.paths_seen("/bad")) == 1


def test_a_timeout_is_retried_and_reported_as_a_network_failure(
    enrich_server: FixtureServer,
) -> None:
    release = threading.Event()

    def hang(_seen: Seen) -> tuple[int, dict[str, str], bytes]:
        release.wait(5)
        return 200, {}, b"late"

    enrich_server.route("/slow", hang)
    try:
        with (
            make_http(Sleeps(), timeout=0.05, retries=1) as http,
            pytest.raises(FetchError) as info,
        ):
            http.fetch(Request("s", enrich_server.base + "/slow"))
    finally:
        release.set()
    assert info.value.network and "timed out" in str(info.value)


def test_an_unreachable_source_is_a_network_failure() -> None:
    with make_http(Sleeps(), retries=1) as http, pytest.raises(FetchError) as info:
        http.fetch(Request("s", "http://127.0.0.1:9/nothing"))
    assert info.value.network


class Counting(httpx.BaseTransport):
    """Counts the requests that reach the wire; ``fail`` stands in for the network."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.sent = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent += 1
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def refused_port() -> int:
    """A port nothing listens on: bound, then let go."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def raising(exc: Exception) -> httpx.MockTransport:
    def handler(_request: httpx.Request) -> httpx.Response:
        raise exc

    return httpx.MockTransport(handler)


def test_a_refused_connection_is_asked_once_more_and_fails_at_once() -> None:
    wire = Counting(httpx.HTTPTransport())
    sleeps = Sleeps()
    with (
        make_http(sleeps, retries=3, transport=wire) as http,
        pytest.raises(FetchError) as info,
    ):
        http.fetch(Request("s", f"http://127.0.0.1:{refused_port()}/nothing"))
    assert wire.sent == 2 and sleeps.asked == [0.01]  # one more try, not the whole backoff
    assert info.value.network and info.value.reason == "cannot connect (ConnectError)"


def test_a_host_name_that_does_not_resolve_is_tried_once_more_after_a_moment() -> None:
    # What httpx raises offline ("[Errno -2] Name or service not known"), without a resolver.
    wire = Counting(raising(httpx.ConnectError("[Errno -2] Name or service not known")))
    sleeps = Sleeps()
    paced = {"intervals": {"s": 3.0}, "clock": lambda: 100.0}  # no request reached a server:
    with (  # the try after it does not wait the source's turn
        make_http(sleeps, retries=3, transport=wire, **paced) as http,
        pytest.raises(FetchError) as info,
    ):
        http.fetch(Request("s", "https://api.example.invalid/works"))
    assert wire.sent == 2 and sleeps.asked == [0.01]
    assert info.value.network


def test_a_name_server_hiccup_is_got_over() -> None:
    """ "Temporary failure in name resolution" once, then the answer: not a lost source."""
    calls: list[int] = []

    def handler(_request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ConnectError("[Errno -3] Temporary failure in name resolution")
        return httpx.Response(200, content=b"{}")

    sleeps = Sleeps()
    with make_http(sleeps, backoff=1.0, transport=httpx.MockTransport(handler)) as http:
        assert http.fetch(Request("s", "https://api.example.invalid/works")).status == 200
    assert len(calls) == 2 and sleeps.asked == [0.1]


def test_a_connection_dropped_midway_is_still_retried() -> None:
    wire = Counting(raising(httpx.ReadError("connection reset by peer")))
    sleeps = Sleeps()
    with make_http(sleeps, retries=2, transport=wire) as http, pytest.raises(FetchError):
        http.fetch(Request("s", "https://api.example.invalid/works"))
    assert wire.sent == 3 and sleeps.asked == [0.01, 0.02]


def test_an_answer_over_the_size_cap_is_refused(enrich_server: FixtureServer) -> None:
    enrich_server.route("/huge", always(200, b"x" * 200_000))
    with make_http(Sleeps(), max_bytes=50_000) as http, pytest.raises(FetchError) as info:
        http.fetch(Request("s", enrich_server.base + "/huge"))
    assert "too large" in str(info.value) or "larger than" in str(info.value)
    assert len(enrich_server.seen) == 1


def test_keys_go_out_in_headers_and_params_but_never_into_the_cache_key(
    enrich_server: FixtureServer,
) -> None:
    enrich_server.route("/a", always(200, b"ok"))
    request = Request("s", enrich_server.base + "/a", (("q", "x"),))
    with make_http(
        Sleeps(),
        secret_headers={"s": {"x-api-key": "SECRET-H"}},
        secret_params={"s": {"api_key": "SECRET-P"}},
    ) as http:
        http.fetch(request)
    seen = enrich_server.seen[0]
    assert seen.headers["x-api-key"] == "SECRET-H" and seen.query["api_key"] == ["SECRET-P"]
    assert "SECRET" not in request.describe() and "SECRET" not in request.key


def test_requests_to_one_source_are_spaced_by_its_interval(enrich_server: FixtureServer) -> None:
    enrich_server.route("/a", always(200, b"ok"))
    sleeps = Sleeps()
    ticks = iter(range(100))
    with make_http(sleeps, intervals={"s": 3.0}, clock=lambda: float(next(ticks))) as http:
        for _ in range(3):
            http.fetch(Request("s", enrich_server.base + "/a"))
    # The fake clock moves one second per reading: each later request waits the rest of 3 s.
    assert sleeps.asked and all(0 < s <= 3.0 for s in sleeps.asked)


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after("soon") is None and retry_after(None) is None
