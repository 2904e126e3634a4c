"""The one rule for which links papershelf keeps, prints and opens: http, https and doi:."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# Most links: an http(s) scheme, a host of letters, digits, dots and hyphens (no user, no
# port), then a path, query or fragment without tabs or line breaks. ``urlsplit`` gives such
# a URL a host for certain, so it is accepted without being split (most of an import's
# link handling was ``urlsplit``).
PLAIN_WEB = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(?:[/?#][^\t\r\n]*)?")
"""A stripped text it matches whole is a URL ``web_url`` keeps (a quick test for callers)."""


def web_url(text: str) -> str | None:
    """An absolute http(s) URL (``doi:`` mapped to https), or None.

    ``javascript:``, ``file:``, ``data:``, relative links and anything without a host are
    refused here, at import, in exports and before a browser is asked to open a link.
    """
    text = text.strip()
    if PLAIN_WEB.fullmatch(text):
        scheme_end = text.index(":")
        return text[:scheme_end].lower() + text[scheme_end:]
    return split_web_url(text)


def split_web_url(text: str) -> str | None:
    """``web_url`` without its shortcut for plain links: the whole rule, by ``urlsplit``."""
    text = text.strip()
    if text[:4].lower() == "doi:":
        doi = text[4:].strip()
        return "https://doi.org/" + quote(doi, safe="/:;()._-+") if doi else None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    return scheme + text[len(parts.scheme) :]
