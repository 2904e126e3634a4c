"""Fetching a paper list from a URL for ``import URL`` and ``update``: the importer's network I/O.

The standard library's ``urllib`` does it: one GET with a timeout and a size cap needs no
connection pool or async client, and a new dependency would cost every start-up of a CLI
that mostly never fetches. HTTPS only (plain HTTP on the loopback interface too, for local
mirrors and tests); a GitHub file's page URL is mapped to its raw file. Every failure is
one ``ListError`` line naming the URL.
"""

from __future__ import annotations

import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from ipaddress import ip_address
from urllib.parse import urlsplit, urlunsplit

from papershelf import __version__
from papershelf.catalog.source import MAX_LIST_BYTES, decode_list, limit_text
from papershelf.errors import ListError

TIMEOUT = 15.0
"""Seconds for the whole fetch (connect, redirects, body), not per read."""

_BLOB = re.compile(r"^/(?P<owner>[^/]+)/(?P<repo>[^/]+)/(?:blob|raw)/(?P<path>.+)$")
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    """The URL as the user gave it (what ``update`` fetches again)."""
    fetched_from: str
    """The URL actually read (a GitHub page mapped to its raw file, after redirects)."""
    text: str

    @property
    def file_name(self) -> str:
        """The last path segment: what the papers record as their source file."""
        name = urlsplit(self.url).path.rstrip("/").rsplit("/", 1)[-1]
        return name or urlsplit(self.url).hostname or "list"


def is_url(text: str) -> bool:
    return text.startswith(("https://", "http://"))


def raw_url(url: str) -> str:
    """A GitHub file page (``github.com/o/r/blob/main/x.md``) -> its raw file URL."""
    parts = urlsplit(url)
    if (parts.hostname or "").lower() in ("github.com", "www.github.com"):
        m = _BLOB.match(parts.path)
        if m is not None:
            path = f"/{m.group('owner')}/{m.group('repo')}/{m.group('path')}"
            return urlunsplit(("https", "raw.githubusercontent.com", path, "", ""))
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> None:
    """Refuse what ``import`` must not fetch: other schemes, plain HTTP off this machine."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        raise ListError(f"{url}: not a valid URL") from None
    if not host:
        raise ListError(f"{url}: not a valid URL (no host)")
    if parts.scheme == "https" or (parts.scheme == "http" and _is_loopback(host)):
        return
    raise ListError(f"{url}: only https:// URLs are fetched")


class _RefusedRedirect(Exception):
    pass


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to URLs ``check_url`` accepts (never down to plain HTTP)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: object,
        newurl: str,
    ) -> urllib.request.Request | None:
        try:
            check_url(newurl)
        except ListError:
            raise _RefusedRedirect(newurl) from None
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


def fetch_list(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """The list at ``url``; raises ``ListError("<url>: <reason>")`` on any failure."""
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_LIST_BYTES if max_bytes is None else max_bytes
    url = url.strip()
    check_url(url)
    target = raw_url(url)
    request = urllib.request.Request(
        target,
        headers={
            "User-Agent": f"papershelf/{__version__}",
            "Accept": "text/markdown, text/plain;q=0.9, */*;q=0.5",
        },
    )
    opener = urllib.request.build_opener(_CheckedRedirects())
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            final = response.geturl()
            if response.headers.get_content_type() == "text/html":
                raise ListError(
                    f"{url}: is a web page, not a markdown file (use the file's raw URL)"
                )
            declared = response.headers.get("Content-Length")
            if declared is not None and declared.isdigit() and int(declared) > max_bytes:
                raise ListError(f"{url}: too large for a paper list (over {limit_text()})")
            data = _read_body(response, url, deadline, max_bytes)
    except ListError:
        raise
    except _RefusedRedirect as exc:
        raise ListError(f"{url}: redirected to {exc}: only https:// URLs are fetched") from None
    except urllib.error.HTTPError as exc:
        raise ListError(f"{url}: HTTP {exc.code} {exc.reason}".rstrip()) from None
    except urllib.error.URLError as exc:
        raise ListError(f"{url}: {_reason(exc.reason, timeout)}") from None
    except TimeoutError:
        raise ListError(f"{url}: timed out after {timeout:g} s") from None
    except (OSError, ValueError, ssl.SSLError) as exc:
        raise ListError(f"{url}: cannot be fetched ({_reason(exc, timeout)})") from None
    return Fetched(url, final, decode_list(url, data))


def _read_body(response: object, url: str, deadline: float, max_bytes: int) -> bytes:
    read = getattr(response, "read")  # noqa: B009 - http.client.HTTPResponse
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk: bytes = read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise ListError(f"{url}: too large for a paper list (over {limit_text()})")
        chunks.append(chunk)


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"certificate not trusted ({reason.verify_message})"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    text = str(getattr(reason, "strerror", None) or reason)
    return " ".join(text.split()) or "network error"


def url_list_name(url: str) -> str:
    """The name a fetched list is kept under: ``owner-repo-README`` on GitHub, else host-stem.

    Awesome lists are all called README.md; the name must tell them apart.
    """
    parts = urlsplit(raw_url(url))
    segments = [s for s in parts.path.split("/") if s]
    stem = (segments[-1] if segments else "list").rsplit(".", 1)[0]
    host = (parts.hostname or "").lower()
    if host == "raw.githubusercontent.com" and len(segments) >= 2:
        prefix = f"{segments[0]}-{segments[1]}"
    else:
        prefix = host.removeprefix("www.")
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{prefix}-{stem}").strip("-.")
    return name or "list"
