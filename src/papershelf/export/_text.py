"""Text helpers every exporter shares: neutralising control characters and vetting links."""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable
from typing import cast
from urllib.parse import quote, urlsplit

_Sanitizer = Callable[..., str]

# Bidi overrides/isolates, zero-width characters and the BOM: invisible, yet they reorder
# or hide what a reader sees.
_INVISIBLE = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL/ST (titles, clipboard, hyperlinks)
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI (colours, cursor, clear screen)
    r"|\x1b[@-_]?"  # other two-byte escapes
)


def _fallback_sanitize(text: str, *, multiline: bool = False) -> str:
    """Drop escape sequences, C0/C1 controls and invisible characters; keep line breaks if asked."""
    text = _ESCAPE_SEQUENCE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    kept: list[str] = []
    for char in text:
        if char in "\t\n":
            kept.append(char if multiline else " ")
        elif char in _INVISIBLE or unicodedata.category(char) in ("Cc", "Cs"):
            continue
        else:
            kept.append(char)
    return "".join(kept)


def _load_sanitize() -> _Sanitizer:
    # The domain helper is the one place that decides what is safe to show; until it
    # lands, a local version with the same signature keeps exports free of raw escapes.
    try:
        module = importlib.import_module("papershelf.domain.text")
    except ImportError:
        return _fallback_sanitize
    return cast(_Sanitizer, getattr(module, "sanitize", _fallback_sanitize))


_sanitize = _load_sanitize()


def sanitize(text: str, *, multiline: bool = False) -> str:
    """Text safe to write where a terminal or viewer may show it (``domain.text.sanitize``)."""
    return _sanitize(text, multiline=multiline)


def one_line(text: str) -> str:
    """Sanitised text on one line, inner whitespace runs collapsed to one space."""
    return " ".join(sanitize(text).split())


def multi_line(text: str) -> str:
    """Sanitised multi-line text (a note) without trailing whitespace; ``""`` if blank."""
    cleaned = sanitize(text, multiline=True)
    return cleaned.rstrip() if cleaned.strip() else ""


_URL_UNSAFE = frozenset('<>"{}|\\^`')


def _encode_unsafe(url: str) -> str:
    out: list[str] = []
    for char in url:
        category = unicodedata.category(char)
        if char in _URL_UNSAFE or char.isspace() or category[0] in ("C", "Z"):
            out.append(quote(char, safe=""))
        else:
            out.append(char)
    return "".join(out)


def safe_url(url: str) -> str | None:
    """The link as an http(s) URL fit for any output format, or ``None`` if it is not one.

    ``doi:`` becomes ``https://doi.org/``; ``javascript:``, ``file:``, ``data:`` and relative
    links are dropped. Spaces, controls, braces, backslashes and angle brackets are
    percent-encoded, so the URL can never end a BibTeX field or a markdown link early.
    """
    text = url.strip()
    if text[:4].lower() == "doi:":
        doi = text[4:].strip()
        return "https://doi.org/" + quote(doi, safe="/:;()._-+") if doi else None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return _encode_unsafe(text)
