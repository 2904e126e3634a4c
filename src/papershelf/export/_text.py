"""Text helpers every exporter shares: neutralising control characters and vetting links."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from papershelf.domain.links import web_url
from papershelf.domain.text import one_line, sanitize

__all__ = ["multi_line", "one_line", "safe_url", "sanitize"]


def multi_line(text: str) -> str:
    """Sanitised multi-line text (a note) without trailing whitespace; ``""`` if blank."""
    cleaned = sanitize(text, multiline=True)
    return cleaned.rstrip() if cleaned.strip() else ""


_URL_UNSAFE = frozenset('<>"{}|\\^`')


def _encode_unsafe(url: str) -> str:
    out: list[str] = []
    for char in url:
        category = unicodedata.category(char)
        if category == "Cs":
            continue  # a lone surrogate has no bytes to encode
        if char in _URL_UNSAFE or char.isspace() or category[0] in ("C", "Z"):
            out.append(quote(char, safe=""))
        else:
            out.append(char)
    return "".join(out)


def safe_url(url: str) -> str | None:
    """The link as an http(s) URL fit for any output format, or ``None`` if it is not one.

    Spaces, controls, braces, backslashes and angle brackets are percent-encoded, so the URL
    can never end a BibTeX field or a markdown link early.
    """
    web = web_url(url)
    return _encode_unsafe(web) if web is not None else None
