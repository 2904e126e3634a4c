"""Identifiers found in a paper's links: arXiv ids, DOIs, OpenReview forum ids."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qs, unquote, urlsplit

from papershelf.domain.models import Paper

_ARXIV_NEW = r"\d{4}\.\d{4,5}"
_ARXIV_OLD = r"[a-z][a-z.-]*/\d{7}"
_ARXIV_PATH = re.compile(
    rf"^/(?:abs|pdf|html)/({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?(?:\.pdf)?/?$", re.I
)
_ARXIV_ID = re.compile(rf"^(?:arxiv:)?({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?$", re.I)
_DOI = re.compile(r"(10\.\d{4,9}/[^\s?#]+)")
_ARXIV_DOI = re.compile(rf"^10\.48550/arxiv\.({_ARXIV_NEW}|{_ARXIV_OLD})$", re.I)
_ACM_PREFIXES = ("/doi/pdf/", "/doi/abs/", "/doi/full/", "/doi/epdf/", "/doi/fullHtml/", "/doi/")


def arxiv_id(text: str) -> str:
    """``2401.01234`` from an id, ``arXiv:`` id or versioned id; "" when it is none."""
    m = _ARXIV_ID.match(text.strip())
    return m.group(1).lower() if m else ""


def clean_doi(text: str) -> str:
    """A DOI in lower case without ``https://doi.org/`` or ``doi:``; "" when there is none."""
    text = unquote(text.strip())
    m = _DOI.search(text)
    if not m:
        return ""
    return m.group(1).rstrip(".,;)").lower()


def idents_of_url(url: str) -> list[str]:
    """``arxiv:<id>``, ``doi:<doi>`` or ``openreview:<id>`` named by one link."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return []
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("export.")
    path = unquote(parts.path)
    if host == "arxiv.org":
        m = _ARXIV_PATH.match(path)
        return [f"arxiv:{m.group(1).lower()}"] if m else []
    if host in ("doi.org", "dx.doi.org"):
        return _doi_idents(path.lstrip("/"))
    if host == "dl.acm.org":
        for prefix in _ACM_PREFIXES:
            if path.startswith(prefix):
                return _doi_idents(path[len(prefix) :])
        return []
    if host == "openreview.net" and path.rstrip("/") in ("/forum", "/pdf"):
        ids = parse_qs(parts.query).get("id", [])
        return [f"openreview:{ids[0]}"] if ids and ids[0].strip() else []
    return []


def _doi_idents(text: str) -> list[str]:
    doi = clean_doi(text)
    if not doi:
        return []
    m = _ARXIV_DOI.match(doi)
    return [f"arxiv:{m.group(1).lower()}"] if m else [f"doi:{doi}"]


def idents_of(paper: Paper, extra: Iterable[str] = ()) -> list[str]:
    """Every identifier in the paper's links (and ``extra``), first-seen order, no repeats."""
    found: list[str] = []
    for link in paper.links:
        found.extend(idents_of_url(link.url))
    found.extend(extra)
    return list(dict.fromkeys(found))


def ident_value(ident: str, kind: str) -> str:
    prefix = kind + ":"
    return ident[len(prefix) :] if ident.startswith(prefix) else ""
