"""HTTP for the sources: timeouts, retries with backoff honouring Retry-After, pacing, a size cap.

One ``Http`` serves every source of a run. Each source has its own pace (seconds between two
requests) and its own lock, so a slow source never holds up another. Keys are added to the
request as it is sent and are part of nothing that is logged, cached or printed.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import httpx

from papershelf import __version__
from papershelf.domain.clock import now_iso
from papershelf.errors import PapershelfError

log = logging.getLogger(__name__)

USER_AGENT = f"papershelf/{__version__}"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
CONNECT_PAUSE = 0.1
"""Seconds before the one more try a failed connection gets."""


class FetchError(PapershelfError):
    """A request failed for good: after its retries, or with an answer no retry can fix."""

    def __init__(self, message: str, *, network: bool = False, reason: str = "") -> None:
        super().__init__(message)
        self.network = network
        """True when the source could not be reached at all (no connection, timeouts)."""
        self.reason = reason or message
        """What went wrong without the source and the address (``cannot connect (...)``)."""


@dataclass(frozen=True, slots=True)
class Request:
    """One request to one source; ``key`` names it in the cache (secrets are never part)."""

    source: str
    url: str
    params: tuple[tuple[str, str], ...] = ()
    body: object = None
    """A JSON body (POST) or None (GET)."""
    idents: tuple[str, ...] = ()
    """The identifiers asked about, in order (``arxiv:2401.01234``, ``doi:10.1/x``)."""
    search: str = ""
    """For a title search: the paper id it is for."""

    @property
    def method(self) -> str:
        return "GET" if self.body is None else "POST"

    @property
    def key(self) -> str:
        # The polite-pool address is not part of what is asked: changing it keeps the cache.
        params = [p for p in self.params if p[0] != "mailto"]
        text = json.dumps([self.method, self.url, params, self.body], sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

    def describe(self) -> str:
        query = "&".join(f"{k}={v}" for k, v in self.params)
        return f"{self.method} {self.url}" + (f"?{query}" if query else "")


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    body: bytes
    fetched_at: str
    from_cache: bool = False


@dataclass
class _Pace:
    interval: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float | None = None


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (seconds or HTTP date); None if unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class Http:
    """Sends requests with the run's policy; returns 200 and 404 answers, raises otherwise."""

    def __init__(
        self,
        *,
        intervals: Mapping[str, float],
        timeout: float = 20.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_retry_after: float = 120.0,
        max_bytes: int = 20_000_000,
        secret_headers: Mapping[str, Mapping[str, str]] | None = None,
        secret_params: Mapping[str, Mapping[str, str]] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        transport: httpx.BaseTransport | None = None,
        user_agent: str = USER_AGENT,
    ) -> None:
        self._paces = {name: _Pace(seconds) for name, seconds in intervals.items()}
        self._retries = retries
        self._backoff = backoff
        self._max_retry_after = max_retry_after
        self._max_bytes = max_bytes
        self._secret_headers = {k: dict(v) for k, v in (secret_headers or {}).items() if v}
        self._secret_params = {k: dict(v) for k, v in (secret_params or {}).items() if v}
        self._sleep = sleep
        self._clock = clock
        self._client = httpx.Client(
            headers={"User-Agent": user_agent},
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Http:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _wait_turn(self, source: str) -> None:
        pace = self._paces.setdefault(source, _Pace(0.0))
        with pace.lock:
            if pace.last is not None:
                wait = pace.last + pace.interval - self._clock()
                if wait > 0:
                    self._sleep(wait)
            pace.last = self._clock()

    def fetch(self, request: Request) -> Response:
        """The answer (status 200 or 404); ``FetchError`` once the retries are spent."""
        problem = ""
        network = False
        unsent = False  # the last try reached no server: the next need not wait its turn
        for attempt in range(self._retries + 1):
            if attempt:
                log.info("retrying %s (%s)", request.describe(), problem)
            if not unsent:
                self._wait_turn(request.source)
            unsent = False
            try:
                status, headers, body = self._send(request)
            except httpx.TimeoutException:
                problem, network = "timed out", True
                if attempt < self._retries:
                    self._sleep(self._backoff * 2**attempt)
                continue
            except httpx.TransportError as exc:
                problem, network = f"cannot connect ({type(exc).__name__})", True
                if isinstance(exc, httpx.UnsupportedProtocol):
                    break
                if isinstance(exc, httpx.ConnectError):
                    # No such host, connection refused: asked once more after a moment (a
                    # name server's or a network's hiccup), not through the whole backoff:
                    # offline, every look-up would wait it out.
                    if attempt or not self._retries:
                        break
                    self._sleep(min(self._backoff, CONNECT_PAUSE))
                    unsent = True
                    continue
                if attempt < self._retries:
                    self._sleep(self._backoff * 2**attempt)
                continue
            network = False
            if status in (200, 404):
                return Response(status, body, now_iso())
            if status in RETRY_STATUSES:
                problem = f"HTTP {status}"
                asked = retry_after(headers.get("retry-after"))
                delay = self._backoff * 2**attempt if asked is None else asked
                if delay > self._max_retry_after:
                    break  # the source asks for a longer pause than a run should take
                if attempt < self._retries:
                    self._sleep(delay)
                continue
            raise FetchError(f"{request.source}: HTTP {status} from {request.url}")
        raise FetchError(
            f"{request.source}: {problem} ({request.url})", network=network, reason=problem
        )

    def _send(self, request: Request) -> tuple[int, httpx.Headers, bytes]:
        params: list[tuple[str, str | int | float | bool | None]] = list(request.params)
        params += list(self._secret_params.get(request.source, {}).items())
        headers = self._secret_headers.get(request.source, {})
        with self._client.stream(
            request.method,
            request.url,
            params=params,
            json=request.body,
            headers=headers,
        ) as response:
            size = int(response.headers.get("content-length") or 0)
            if size > self._max_bytes:
                raise FetchError(f"{request.source}: answer too large ({size} bytes)")
            chunks: list[bytes] = []
            total = 0
            for chunk in response.iter_bytes():
                total += len(chunk)
                if total > self._max_bytes:
                    raise FetchError(
                        f"{request.source}: answer larger than {self._max_bytes} bytes; not kept"
                    )
                chunks.append(chunk)
            return response.status_code, response.headers, b"".join(chunks)
