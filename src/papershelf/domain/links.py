"""The one rule for which links papershelf keeps, prints and opens: http, https and doi:."""

from __future__ import annotations

from urllib.parse import quote, urlsplit


def web_url(text: str) -> str | None:
    """An absolute http(s) URL (``doi:`` mapped to https), or None.

    ``javascript:``, ``file:``, ``data:``, relative links and anything without a host are
    refused here, at import, in exports and before a browser is asked to open a link.
    """
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
