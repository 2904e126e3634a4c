"""``evidence_keys`` is the union of ``arxiv_ids`` and ``dois``, in one pass."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.domain.identity import arxiv_ids, dois, evidence_keys, title_key
from papershelf.domain.models import Link

_URL = st.lists(
    st.sampled_from(
        [
            *("https://", "arxiv.org/", "ARXIV.org/", "abs/", "pdf/", "html/", "2401.01234"),
            *("v2", ".", "doi.org/", "dl.acm.org/doi/", "full/", "10.1145/", "3670940.3707"),
            *("ABC", "?q=1", "#f", " ", "/", "x", "é", "DOI.ORG/", "Arxiv.Org/"),
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
