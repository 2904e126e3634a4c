"""``evidence_keys`` is the union of ``arxiv_ids`` and ``dois``, in one pass."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.domain.identity import arxiv_ids, dois, evidence_keys
from papershelf.domain.models import Link

_URL = st.lists(
    st.sampled_from(
        [
            *("https://", "arxiv.org/", "ARXIV.org/", "abs/", "pdf/", "html/", "2401.01234"),
            *("v2", ".", "doi.org/", "dl.acm.org/doi/", "full/", "10.1145/", "3670940.3707"),
            *("ABC", "?q=1", "#f", " ", "/", "x"),
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
