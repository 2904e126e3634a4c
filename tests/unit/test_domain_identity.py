"""The identity keys' quick forms give what their plain patterns give.

``evidence_keys`` is the union of ``arxiv_ids`` and ``dois`` in one pass; the literal tests
that skip a pattern, the compiled URL patterns and the two title keys worked out together are
checked against the plain regular expressions they replace.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from papershelf.domain import identity
from papershelf.domain.identity import (
    arxiv_ids,
    arxiv_ids_and_dois,
    dois,
    evidence_keys,
    long_title_key,
    normalize_url,
    title_key,
    title_keys,
)
from papershelf.domain.models import Link

_URL = st.lists(
    st.sampled_from(
        [
            *("https://", "arxiv.org/", "ARXIV.org/", "abs/", "pdf/", "html/", "2401.01234"),
            *("v2", ".", "doi.org/", "dl.acm.org/doi/", "full/", "10.1145/", "3670940.3707"),
            *("ABC", "?q=1", "#f", " ", "/", "x", "é", "DOI.ORG/", "Arxiv.Org/"),
            *("HTTP://", "www.", "WWW.", "&utm_source=a", "?ref=b", ".pdf", "v12", "\u212a"),
        ]
    ),
    max_size=8,
).map("".join)


@given(st.lists(_URL, max_size=4))
def test_evidence_keys_are_arxiv_ids_and_dois(urls: list[str]) -> None:
    links = [Link("paper", url) for url in urls]
    assert evidence_keys(links) == arxiv_ids(links) | dois(links)


def test_evidence_keys_of_a_paper_with_both() -> None:
    links = [
        Link("arxiv", "https://arxiv.org/pdf/2401.01234v2"),
        Link("paper", "https://dl.acm.org/doi/pdf/10.1145/3670940.3707000."),
    ]
    assert evidence_keys(links) == {"2401.01234", "10.1145/3670940.3707000"}


_TITLE = st.lists(
    st.sampled_from(
        ["LLM", "llms", "DNN", "gnn", "MoE", "x", "LLMx", "_", "-", " ", "&", "é", "2"]
    ),
    max_size=8,
).map("".join)


@given(st.one_of(_TITLE, st.text(max_size=30)))
def test_title_key_expands_as_its_regex_does(title: str) -> None:
    from papershelf.domain import identity
    from papershelf.domain.ids import normalize_title

    text = normalize_title(title.replace("&", " and "))
    expanded = identity._EXPANDED.sub(lambda m: identity._EXPANSIONS[m.group(1)], text)
    assert identity.title_key(title) == expanded


def test_title_key_expands_whole_words_only() -> None:
    assert (
        title_key("Serving LLMs: MoE-aware")
        == "serving large language models mixture of experts aware"
    )
    assert title_key("LLMx and GNNs") == "llmx and graph neural networks"


def _plain_arxiv_ids(links: list[Link]) -> frozenset[str]:
    return frozenset(m.group(1) for link in links if (m := identity._ARXIV.search(link.url)))


def _plain_dois(links: list[Link]) -> frozenset[str]:
    found = (identity._DOI.search(link.url) for link in links)
    return frozenset(m.group(1).rstrip(".").casefold() for m in found if m)


def _plain_normalize_url(url: str) -> str:
    """``normalize_url`` as first written: one uncompiled pattern after another."""
    text = url.strip()
    text = re.sub(r"^[a-z]+://", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^www\.", "", text, flags=re.IGNORECASE)
    text = identity._TRACKING.sub("", text).split("#", 1)[0]
    host, _, path = text.partition("/")
    host = host.casefold()
    if host == "arxiv.org":
        path = re.sub(r"^(?:pdf|html)/", "abs/", path)
        path = re.sub(r"(v\d+)?(\.pdf)?$", "", path)
    return (host + "/" + path).rstrip("/")


@given(st.lists(_URL, max_size=4))
def test_quick_evidence_is_what_the_plain_patterns_find(urls: list[str]) -> None:
    links = [Link("paper", url) for url in urls]
    assert arxiv_ids(links) == _plain_arxiv_ids(links)
    assert dois(links) == _plain_dois(links)
    assert arxiv_ids_and_dois(links) == (set(_plain_arxiv_ids(links)), set(_plain_dois(links)))


@given(_URL)
def test_normalize_url_is_what_the_plain_patterns_give(url: str) -> None:
    assert normalize_url(url) == _plain_normalize_url(url)


def test_normalize_url_examples() -> None:
    assert normalize_url("HTTPS://www.arxiv.org/pdf/2401.01234v2.pdf#page=3") == (
        "arxiv.org/abs/2401.01234"
    )
    assert normalize_url("http://Example.org/p/?id=2&utm_source=x") == "example.org/p/?id=2"


@given(st.one_of(_TITLE, st.text(max_size=30), st.from_regex(r"[A-Za-z]{1,8}: [a-z ]{0,20}")))
def test_title_keys_are_both_keys(title: str) -> None:
    assert title_keys(title) == (title_key(title), long_title_key(title))
