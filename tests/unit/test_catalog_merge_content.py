"""A re-import's "unchanged" test: equal fields settle it, exactly as the JSON would."""

from __future__ import annotations

from dataclasses import fields

from hypothesis import given
from hypothesis import strategies as st

from papershelf.catalog import merge
from papershelf.domain.models import Link, Paper

_TEXTS = st.lists(st.sampled_from(["a", "b", ""]), max_size=2).map(tuple)
_PAPERS = st.builds(
    Paper,
    id=st.sampled_from(["x", "y"]),
    title=st.sampled_from(["T", "U"]),
    venue=st.sampled_from(["", "V 2024"]),
    year=st.sampled_from([None, 2024]),
    authors=_TEXTS,
    topics=_TEXTS,
    links=st.lists(
        st.builds(Link, st.sampled_from(["paper", "code"]), st.just("https://x.org")), max_size=2
    ).map(tuple),
    affiliations=_TEXTS,
    awards=_TEXTS,
    remarks=_TEXTS,
    withdrawn=st.booleans(),
    source=st.sampled_from(["a.md", "b.md"]),
    line=st.sampled_from([1, 2]),
    also_venues=_TEXTS,
    lists=_TEXTS,
)


@given(_PAPERS, _PAPERS)
def test_same_content_is_equal_json_but_source_line_and_lists(a: Paper, b: Paper) -> None:
    assert merge._same_content(a, b) == (merge._content(a) == merge._content(b))


def test_every_field_the_json_compares_is_compared() -> None:
    compared = set(merge._CONTENT_FIELDS.__reduce__()[1]) | set(merge._MORE_FIELDS.__reduce__()[1])
    assert compared == {f.name for f in fields(Paper)} - {"source", "line", "lists"}
