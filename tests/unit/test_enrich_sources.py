"""The source parsers on recorded answers (tests/data/enrich/README.md says where they are from)."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.domain.models import Link, Paper
from papershelf.services.enrich.ids import arxiv_id, clean_doi, idents_of, idents_of_url
from papershelf.services.enrich.sources import ADAPTERS, ParseError
from papershelf.services.enrich.sources.arxiv import ArxivSource
from papershelf.services.enrich.sources.crossref import CrossrefSource
from papershelf.services.enrich.sources.dblp import DblpSource
from papershelf.services.enrich.sources.openalex import OpenAlexSource
from papershelf.services.enrich.sources.semantic_scholar import SemanticScholarSource
from tests.unit.enrich_server import fixture_bytes


def test_arxiv_feed_gives_ids_abstracts_authors_in_order_and_journal_doi() -> None:
    records = ArxivSource("http://x").parse(fixture_bytes("arxiv_query_science.xml"))
    assert [r.arxiv for r in records if r] == ["1501.05039", "0808.0631", "quant-ph/0210005"]
    first = records[0]
    assert first is not None
    assert first.title == "Defining Data Science"
    assert [a.name for a in first.authors] == ["Yangyong Zhu", "Yun Xiong"]
    assert first.abstract.startswith("Data science is gaining more and more")
    assert "\n" not in first.abstract  # one paragraph, line breaks of the feed joined
    assert first.year == 2015 and first.categories == ("cs.DB", "cs.CY")
    assert records[1] is not None and records[1].doi == "10.1214/07-sts246b"
    assert records[1].authors[0].name == "Hans R. Künsch"


def test_arxiv_lookup_batches_ids_in_one_id_list() -> None:
    source = ArxivSource("http://x/api/query")
    idents = [f"arxiv:2401.{n:05d}" for n in range(120)]
    requests = source.lookups(idents)
    assert len(requests) == 3
    assert dict(requests[0].params)["id_list"].split(",")[:2] == ["2401.00000", "2401.00001"]
    assert sum(len(r.idents) for r in requests) == 120


def test_openalex_work_rebuilds_the_abstract_from_its_inverted_index() -> None:
    (record,) = OpenAlexSource("http://x").parse(fixture_bytes("openalex_work_W2741809807.json"))
    assert record is not None
    assert record.abstract.startswith("Despite growing interest in Open Access (OA) to scholarly")
    assert record.abstract.endswith("service that determines")
    assert record.doi == "10.7717/peerj.4375"
    assert record.citations == 394 and record.year == 2018 and record.venue == "PeerJ"
    assert record.oa_url == "https://peerj.com/articles/4375.pdf"
    assert [a.name for a in record.authors][:2] == ["Heather A. Piwowar", "Jason Priem"]


def test_openalex_batches_dois_in_one_or_filter_with_the_polite_address() -> None:
    source = OpenAlexSource("http://x", mailto="me@example.org")
    (request,) = source.lookups(["doi:10.1/a", "arxiv:2401.00001"])
    params = dict(request.params)
    assert params["filter"] == "doi:10.1/a|10.48550/arxiv.2401.00001"
    assert params["mailto"] == "me@example.org"
    assert request.idents == ("doi:10.1/a", "arxiv:2401.00001")


def test_semantic_scholar_batch_lines_up_with_the_ids_and_cleans_the_abstract() -> None:
    records = SemanticScholarSource("http://x").parse(fixture_bytes("semantic_scholar_batch.json"))
    assert len(records) == 2 and records[1] is None
    first = records[0]
    assert first is not None
    assert first.arxiv == "2106.15928" and first.citations == 0 and first.preprint
    # Markup dropped, entities decoded, the bell and the escape sequence removed: text only.
    assert first.abstract == (
        "An abstract with markup & entities, a control character and an escape sequence."
    )
    assert first.tldr.startswith("A one-sentence summary")


def test_semantic_scholar_posts_batches_of_up_to_500_ids() -> None:
    source = SemanticScholarSource("http://x")
    requests = source.lookups([f"doi:10.1/{n}" for n in range(501)])
    assert [len(r.body["ids"]) for r in requests] == [500, 1]  # type: ignore[index]
    assert requests[0].method == "POST"


def test_crossref_work_gives_structured_names_and_the_container_title() -> None:
    (record,) = CrossrefSource("http://x").parse(
        fixture_bytes("crossref_work_10.17705_1cais.04607.json")
    )
    assert record is not None
    # Organisations listed as authors (no family name) are left out.
    assert [(a.given, a.family) for a in record.authors] == [
        ("Guido", "Schryen"),
        ("Gerit", "Wagner"),
        ("Alexander", "Benlian"),
        ("Guy", "Paré"),
    ]
    assert record.container_title == "Communications of the Association for Information Systems"
    assert record.doi == "10.17705/1cais.04607" and record.citations == 10 and record.year == 2021


def test_dblp_hit_gives_venue_year_key_and_doi() -> None:
    (record,) = DblpSource("http://x").parse(fixture_bytes("dblp_search_test.json"))
    assert record is not None
    assert record.title.endswith("Full-Scan Test Architecture")  # DBLP's final dot dropped
    assert (record.venue, record.year) == ("Asian Test Symposium", 2005)
    assert record.dblp_key == "conf/ats/ShinogiYHTY05" and record.doi == "10.1109/ats.2005.17"
    assert len(record.authors) == 5 and not record.preprint


def test_dblp_single_author_object_and_homonym_number() -> None:
    body = json.dumps(
        {
            "result": {
                "hits": {
                    "hit": {"info": {"title": "T.", "authors": {"author": {"text": "Wei Li 0001"}}}}
                }
            }
        }
    ).encode()
    (record,) = DblpSource("http://x").parse(body)
    assert record is not None and [a.name for a in record.authors] == ["Wei Li"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/2410.07192", ["arxiv:2410.07192"]),
        ("https://arxiv.org/pdf/2410.07192v3.pdf", ["arxiv:2410.07192"]),
        ("http://export.arxiv.org/abs/hep-th/9901001v1", ["arxiv:hep-th/9901001"]),
        ("https://doi.org/10.1145/3669940.3707223", ["doi:10.1145/3669940.3707223"]),
        ("https://dl.acm.org/doi/pdf/10.1145/3669940.3707223", ["doi:10.1145/3669940.3707223"]),
        ("https://dl.acm.org/doi/10.1145/3676641.3716245", ["doi:10.1145/3676641.3716245"]),
        ("https://doi.org/10.48550/arXiv.2401.01234", ["arxiv:2401.01234"]),
        ("https://openreview.net/forum?id=AbC123", ["openreview:AbC123"]),
        ("https://mlsys.org/virtual/2025/poster/3240", []),
        ("https://arxiv.org/list/cs.LG/recent", []),
    ],
)
def test_identifiers_from_links(url: str, expected: list[str]) -> None:
    assert idents_of_url(url) == expected


def test_identifiers_of_a_paper_are_unique_and_ordered() -> None:
    p = Paper(
        "x",
        "T",
        "V",
        links=(
            Link("paper", "https://dl.acm.org/doi/pdf/10.1145/1.2"),
            Link("arxiv", "https://arxiv.org/abs/2401.00001v2"),
            Link("pdf", "https://arxiv.org/pdf/2401.00001"),
        ),
    )
    assert idents_of(p) == ["doi:10.1145/1.2", "arxiv:2401.00001"]
    assert (
        arxiv_id("arXiv:2401.00001v2") == "2401.00001"
        and clean_doi("doi:10.1145/ABC.1") == "10.1145/abc.1"
    )


@pytest.mark.parametrize("name", sorted(ADAPTERS))
@pytest.mark.parametrize(
    "body", [b"", b"{", b"<feed", b"null", b"[1, 2]", b'{"results": 3}', b"\xff\xfe"]
)
def test_malformed_answers_raise_the_parse_error_only(name: str, body: bytes) -> None:
    source = ADAPTERS[name]("http://x")
    with contextlib.suppress(ParseError):
        source.parse(body)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "results",
                    "message",
                    "items",
                    "result",
                    "hits",
                    "hit",
                    "info",
                    "data",
                    "title",
                    "authors",
                    "author",
                    "abstract_inverted_index",
                    "year",
                    "DOI",
                    "externalIds",
                    "primary_location",
                    "source",
                    "venue",
                    "ee",
                    "display_name",
                    "id",
                    "doi",
                ]
            )
            | st.text(max_size=5),
            inner,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(sorted(ADAPTERS)), value=_json_values, raw=st.binary(max_size=64))
def test_no_answer_makes_a_parser_raise_anything_but_its_own_error(
    name: str, value: object, raw: bytes
) -> None:
    source = ADAPTERS[name]("http://x")
    for body in (json.dumps(value).encode(), raw):
        with contextlib.suppress(ParseError):
            source.parse(body)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_no_atom_text_makes_the_arxiv_parser_raise_anything_else(text: str) -> None:
    body = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2401.00001</id>'
        f"<title>{text}</title><summary>{text}</summary><published>{text}</published></entry></feed>"
    ).encode("utf-8", "surrogatepass")
    with contextlib.suppress(ParseError):
        ArxivSource("http://x").parse(body)


def test_crossref_jats_abstract_is_text_without_its_heading() -> None:
    work = json.loads(fixture_bytes("crossref_work_10.17705_1cais.04607.json"))
    work["message"]["abstract"] = (
        "<jats:title>Abstract</jats:title><jats:p>We study x &lt; y and"
        " <jats:italic>z</jats:italic>.</jats:p>"
    )
    (record,) = CrossrefSource("http://x").parse(json.dumps(work).encode())
    assert record is not None and record.abstract == "We study x < y and z."


def test_arxiv_error_entry_is_no_record() -> None:
    body = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
        b"<id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>"
        b"<title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>"
    )
    assert ArxivSource("http://x").parse(body) == []


def test_arxiv_title_search_is_scoped_by_year() -> None:
    request = ArxivSource("http://x").search("Helix: Serving", 2025, "p")
    assert request is not None
    query = dict(request.params)["search_query"]
    assert query == 'ti:"Helix Serving" AND submittedDate:[202301010000 TO 202612312359]'
