"""Which links a paper keeps (http, https, doi:) and what kind each one is."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

from papershelf.catalog.inline import Piece, clean_text
from papershelf.domain.links import web_url
from papershelf.domain.models import Link
from papershelf.domain.text import sanitize

MAX_LINKS = 100
"""Links kept per paper; an entry with thousands of links is noise, not a paper."""

_GENERIC_LABELS = frozenset({"", "link", "links", "url", "here", "web", "website", "site"})
_PARTS = re.compile(r"[A-Za-z]+://(?:[^/?#@]*@)?(?P<host>[^/?#:]*)(?::\d*)?(?P<path>[^?#]*)")


def normalize_url(href: str) -> str | None:
    """An absolute http(s) URL, ``doi:`` mapped to https; None for anything else."""
    return web_url(sanitize(href))


def _host_and_path(url: str) -> tuple[str, str]:
    m = _PARTS.match(url)
    return (m.group("host").lower(), m.group("path").lower()) if m else ("", "")


# "arXiv:2305.12345", "2305.12345v2", "abs/2305.12345": a label that is an arXiv id.
_ARXIV_ID_LABEL = re.compile(r"(?:arxiv\s*[:.]?\s*|abs/)?\d{4}\.\d{4,5}(?:v\d+)?", re.IGNORECASE)
# A new-style arXiv id an entry shows: YYMM.NNNNN (from April 2007 on).
_SHOWN_ID = re.compile(r"(?<![\d.])(\d{2})(\d{2})\.\d{4,5}(?![\d.])")
# A copied arXiv page title: "[2002.02440] Title" (its "[" may be text before the link).
_PAGE_ID = re.compile(r"\[?(\d{2})(\d{2})\.\d{4,5}(?:v\d+)?\]")


_BARE_URL = re.compile(r"^(?:https?://|www\.|doi:)\S+$", re.IGNORECASE)


def is_bare_url(text: str) -> bool:
    """A title that is only an address (``https://...``, ``doi:10...``): it names no paper."""
    return bool(_BARE_URL.match(text))


def is_arxiv_id(label: str) -> bool:
    """A link label that is an arXiv id names the link, not the paper's title."""
    text = label.strip().strip("[]() ")
    return text[-1:].isdigit() and bool(_ARXIV_ID_LABEL.fullmatch(text))


def shown_arxiv_year(title: str, labels: Iterable[str]) -> int | None:
    """The year of the arXiv id an entry shows (``arXiv:2305.12345`` -> 2023), if any.

    Only an id written in the entry counts (a link's label that is one, a copied page title's
    ``[2002.02440] ...``): one hidden in a URL is not what the entry states.
    """
    found = [m for label in labels if is_arxiv_id(label) and (m := _SHOWN_ID.search(label))]
    if title[:1] == "[" or title[:1].isdigit():
        found += [m] if (m := _PAGE_ID.match(title)) else []
    for m in found:
        year, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and (year, month) >= (7, 4):
            return 2000 + year
    return None


def is_pdf(url: str) -> bool:
    path = _host_and_path(url)[1]
    return path.endswith((".pdf", "/pdf")) or "/pdf/" in path


def title_link_kind(url: str) -> str:
    """A link on the title itself: ``pdf`` when it points at a PDF, else ``paper``."""
    return "pdf" if is_pdf(url) else "paper"


_LABEL_KINDS: dict[str, str | None] = {}
"""``_label_kind`` of the short labels met so far: a list repeats a few (``Paper``, ``Code``)."""
_MAX_LABEL_KINDS = 4096
_SHORT_LABEL = 40


def label_kind(label: str, url: str) -> str:
    """The kind of a labelled link: its label in lower case; generic labels go by the URL."""
    kind = _LABEL_KINDS.get(label, "")  # "": not met yet (no label's kind is empty)
    if kind == "":
        kind = _label_kind(label)
        if len(label) <= _SHORT_LABEL:
            if len(_LABEL_KINDS) >= _MAX_LABEL_KINDS:
                _LABEL_KINDS.clear()
            _LABEL_KINDS[label] = kind
    if kind is not None:
        return kind
    host = _host_and_path(url)[0]
    if host.endswith("arxiv.org"):
        return "arxiv"
    if host in ("github.com", "gitlab.com"):
        return "code"
    return title_link_kind(url)


def _label_kind(label: str) -> str | None:
    """The kind a label names, or None when it is generic (the URL decides)."""
    kind = " ".join(clean_text(label).lower().split())
    if kind.startswith("[") and kind.endswith("]"):
        kind = kind[1:-1].strip()
    if kind not in _GENERIC_LABELS and not is_arxiv_id(kind):
        return kind
    return None


def collect(pieces: list[Piece], first: Link | None = None) -> tuple[Link, ...]:
    """The labelled links among ``pieces`` (after ``first``), keeping only openable ones."""
    links: list[Link] = [first] if first else []
    seen = {(first.kind, first.url)} if first else set()
    for piece in pieces:
        if piece.href is None:
            continue
        url = normalize_url(piece.href)
        if url is None:
            continue
        link = Link(label_kind(piece.text, url), url)
        if (link.kind, link.url) in seen:
            continue
        seen.add((link.kind, link.url))
        links.append(link)
        if len(links) >= MAX_LINKS:
            break
    return tuple(links)


def unique_links(links: list[Link]) -> tuple[Link, ...]:
    """Each URL once, the first link naming it kept (an entry may name its paper twice)."""
    first: dict[str, Link] = {}
    for link in links:
        first.setdefault(link.url, link)
    return tuple(first.values())


_SEARCH = re.compile(
    r"^[A-Za-z]+://(?:www\.)?(?:(?:scholar\.google\.[a-z.]+/scholar|semanticscholar\.org/search|"
    r"google\.[a-z.]+/search|bing\.com/search|duckduckgo\.com/)\S*[?&]q=|openreview\.net/group\?id=)",
    re.IGNORECASE,
)


def is_search(href: str) -> bool:
    """``[Google Scholar](https://scholar.google.com/scholar?q=Title)``: a search for the entry.

    Not the paper's link, and no sign that the entry is something else (a web page). A
    venue's group page on OpenReview (``openreview.net/group?id=...``) lists a venue's papers
    the same way: no paper's own page.
    """
    return ("q=" in href or "group?id=" in href) and _SEARCH.match(href) is not None


_VIEWER = re.compile(
    r"^https?://(?:docs|drive)\.google\.com/(?:viewer|gview|viewerng/viewer)\?(?:[^#]*&)?url=(?P<url>[^&#]+)",
    re.IGNORECASE,
)


def viewed_file(href: str) -> str | None:
    """The file a document viewer's link shows: ``docs.google.com/viewer?url=<pdf>``.

    The viewer is no page of its own: what the link names is the file (a paper's PDF, often),
    so the link is read as that file's.
    """
    if "url=" not in href:
        return None  # cheap: most links
    m = _VIEWER.match(href)
    if m is None:
        return None
    inner = unquote(m.group("url"))
    return inner if inner.lower().startswith(("http://", "https://")) else None
