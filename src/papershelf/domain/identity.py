"""When two list entries are one paper: the keys and guards every merge decision rests on.

Exact evidence (the arXiv id without version, the DOI, the paper link after normalising) makes
two records one paper across venues; a near-identical title makes them one only within one
venue. Evidence against (two different arXiv ids or DOIs, titles that differ in symbols that
carry meaning, such as ZeRO and ZeRO++) always wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher

from papershelf.domain.ids import normalize_title, paper_id
from papershelf.domain.models import Link, Paper

NEAR_IDENTICAL = 0.92
"""Least ``SequenceMatcher`` ratio of two title keys for one paper, within one venue.

Measured on ``../shared/corpus`` with every list imported: the closest two distinct papers
of one venue score 0.70 (two EuroSys 2025 "LLM Serving" titles). The corpus's spelling
variants are caught by exact keys before this (PIM after the LLM expansion, Frugal and
GraphPipe without their short name, Morphling by its arXiv id); 0.92 is the re-import
rule's threshold for a renamed entry, kept with a wide margin above 0.70.
"""
SYMBOLS = "titles differ in symbols"
"""The one piece of evidence against that still leaves a pair worth showing."""
RELATED = 0.75
"""Least ratio for a pair that shares a link to count as a possible duplicate."""

_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf|html)/(\d{4}\.\d{4,5})", re.IGNORECASE)
_DOI = re.compile(
    r"(?:doi\.org/|dl\.acm\.org/doi/(?:abs/|pdf/|full/)?)(10\.\d{4,9}/[^\s?#]+)", re.I
)
_SHORT_NAME = re.compile(r"^[^:]{1,40}:\s+")
_SYMBOLS = re.compile(r"[+#]+|\d+(?:\.\d+)?")
_EXPANSIONS = {
    "llms": "large language models",
    "llm": "large language model",
    "dnns": "deep neural networks",
    "dnn": "deep neural network",
    "gnns": "graph neural networks",
    "gnn": "graph neural network",
    "moe": "mixture of experts",
}
_EXPANDED = re.compile(r"\b(" + "|".join(_EXPANSIONS) + r")\b")
_TRACKING = re.compile(r"[?&](?:utm_[a-z]+|ref|source)=[^&#]*", re.IGNORECASE)


def _may_hold(url: str, literal: str) -> bool:
    """Whether a pattern needing ``literal`` (any case) could match ``url``: a cheap test first."""
    return not url.isascii() or literal in url.lower()


def arxiv_ids(links: Iterable[Link]) -> frozenset[str]:
    """``2401.01234`` for each arXiv abs/pdf/html link (versions dropped)."""
    return frozenset(
        m.group(1)
        for link in links
        if _may_hold(link.url, "arxiv.org/") and (m := _ARXIV.search(link.url))
    )


def dois(links: Iterable[Link]) -> frozenset[str]:
    """Lower-case DOIs of ``doi.org`` and ACM DL links."""
    return frozenset(
        m.group(1).rstrip(".").casefold()
        for link in links
        if _may_hold(link.url, "doi") and (m := _DOI.search(link.url))
    )


def evidence_keys(links: Iterable[Link]) -> set[str]:
    """``arxiv_ids(links) | dois(links)`` in one pass (asked of every paper at an import)."""
    found, doi_keys = arxiv_ids_and_dois(links)
    found |= doi_keys
    return found


def arxiv_ids_and_dois(links: Iterable[Link]) -> tuple[set[str], set[str]]:
    """``arxiv_ids(links)`` and ``dois(links)`` in one pass over the links."""
    ids: set[str] = set()
    doi_keys: set[str] = set()
    for link in links:
        url = link.url
        # An ASCII URL without the literal text a pattern needs cannot match it: skip the scan.
        low = url.lower() if url.isascii() else None
        if (low is None or "arxiv.org/" in low) and (m := _ARXIV.search(url)):
            ids.add(m.group(1))
        if (low is None or "doi" in low) and (m := _DOI.search(url)):
            doi_keys.add(m.group(1).rstrip(".").casefold())
    return ids, doi_keys


_SCHEME = re.compile(r"^[a-z]+://", re.IGNORECASE)
_WWW = re.compile(r"^www\.", re.IGNORECASE)
_ARXIV_FORM = re.compile(r"^(?:pdf|html)/")
_ARXIV_TAIL = re.compile(r"(v\d+)?(\.pdf)?$")


def normalize_url(url: str) -> str:
    """The same page whatever the scheme, ``www.``, trailing slash or arXiv ``/pdf/`` form."""
    # Compiled patterns: an import asks this of every paper link in the venue it joins.
    text = _WWW.sub("", _SCHEME.sub("", url.strip(), count=1), count=1)
    if "=" in text:  # a tracking parameter needs one
        text = _TRACKING.sub("", text)
    host, _, path = text.split("#", 1)[0].partition("/")
    host = host.casefold()
    if host == "arxiv.org":
        path = _ARXIV_TAIL.sub("", _ARXIV_FORM.sub("abs/", path, count=1), count=1)
    return (host + "/" + path).rstrip("/")


PAPER_LINK_KINDS = frozenset({"paper", "pdf", "doi", "arxiv"})


def paper_urls(links: Iterable[Link]) -> frozenset[str]:
    """Normalised URLs of the links that point at the paper itself (not code or slides)."""
    return frozenset(normalize_url(link.url) for link in links if link.kind in PAPER_LINK_KINDS)


def title_key(title: str) -> str:
    """Case, punctuation, unicode forms, ``&``/``and`` and common expansions folded."""
    text = normalize_title(title.replace("&", " and "))
    if _EXPANSIONS.keys().isdisjoint(text.split(" ")):
        return text  # words are single-space separated: no word to expand, no regex scan
    return _EXPANDED.sub(lambda m: _EXPANSIONS[m.group(1)], text)


def long_title_key(title: str) -> str:
    """The title key without a short-name prefix: ``Frugal: Efficient ...`` -> ``efficient ...``."""
    return title_key(_SHORT_NAME.sub("", title))


def title_keys(title: str) -> tuple[str, str]:
    """``(title_key, long_title_key)`` of one title, the key worked out once when they agree."""
    short = _SHORT_NAME.sub("", title)
    key = title_key(title)
    return key, key if short == title else title_key(short)


def symbols(title: str) -> tuple[str, ...]:
    """The symbols and numbers of a title that name something (``++``, ``#``, ``v2``, ``3``)."""
    return tuple(m.group(0) for m in _SYMBOLS.finditer(unicodedata.normalize("NFKC", title)))


def spelled_symbols(title: str) -> str:
    """``ZeRO++`` -> ``ZeRO plus plus``: a title whose symbols survive normalising."""
    return title.replace("+", " plus ").replace("#", " sharp ")


def distinct_id(venue_label: str, title: str) -> str:
    """The id of a paper whose title folds to another paper's id but for its symbols.

    ``ZeRO++`` beside ``ZeRO`` gets the id of ``ZeRO plus plus``; a title without such
    symbols beside one that has them gets an id of its own too.
    """
    spelled = spelled_symbols(title)
    if spelled == title:
        spelled = f"{title} without symbols"
    return paper_id(venue_label, spelled)


def ratio(a: str, b: str) -> float:
    """Similarity of two title keys in [0, 1], cheap bounds first."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    bound = 2 * min(len(a), len(b)) / (len(a) + len(b))
    if bound < RELATED:
        return bound  # an upper bound: far below every threshold anyway
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def conflict(a: Paper, b: Paper) -> str | None:
    """Why two records can never be one paper, or None: the evidence against always wins."""
    ax, bx = arxiv_ids(a.links), arxiv_ids(b.links)
    if ax and bx and not ax & bx:
        return "different arXiv ids"
    ad, bd = dois(a.links), dois(b.links)
    if ad and bd and not ad & bd:
        return "different DOIs"
    if symbols(a.title) != symbols(b.title):
        return SYMBOLS
    return None


def shared_evidence(a: Paper, b: Paper) -> str | None:
    """Exact evidence that two records are one paper, whatever their venues."""
    if arxiv_ids(a.links) & arxiv_ids(b.links):
        return "same arXiv id"
    if dois(a.links) & dois(b.links):
        return "same DOI"
    if (
        paper_urls(a.links) & paper_urls(b.links)
        and ratio(title_key(a.title), title_key(b.title)) >= RELATED
    ):
        return "same paper link"
    return None


def same_title(a: str, b: str) -> bool:
    """Near-identical titles (a short-name prefix, case, punctuation and expansions aside)."""
    ka, kb = title_key(a), title_key(b)
    if ka == kb or long_title_key(a) == long_title_key(b):
        return True
    return ratio(ka, kb) >= NEAR_IDENTICAL
