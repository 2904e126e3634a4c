"""The 30 real lists of ../shared/corpus: MANIFEST.md counts, clean titles, edge cases."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import pytest

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.source import read_list_file
from papershelf.domain.models import Paper, ParsedList
from papershelf.errors import ListError

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
MANIFEST = CORPUS / "MANIFEST.md"

pytestmark = pytest.mark.skipif(
    not MANIFEST.is_file(),
    reason=f"the shared corpus is not beside this checkout ({CORPUS} is missing)",
)


def _manifest() -> dict[str, int]:
    """ID -> N, read from the table in MANIFEST.md (the column headed ``N``)."""
    if not MANIFEST.is_file():
        return {}
    counts: dict[str, int] = {}
    column: int | None = None
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if column is None and "N" in cells and "ID" in cells:
            column = cells.index("N")
        elif column is not None and re.fullmatch(r"[AB]\d\d", cells[0]):
            counts[cells[0]] = int(cells[column])
    return counts


COUNTS = _manifest()


def _file(file_id: str) -> Path:
    (path,) = CORPUS.glob(f"{file_id}_*.md")
    return path


@cache
def _parsed(file_id: str) -> ParsedList:
    path = _file(file_id)
    return parse_list(read_list_file(path), source=path.name)


def _papers() -> list[tuple[str, Paper]]:
    return [(fid, p) for fid, n in COUNTS.items() if n for p in _parsed(fid).papers]


def _paper(file_id: str, prefix: str) -> Paper:
    (paper,) = [p for p in _parsed(file_id).papers if p.title.startswith(prefix)]
    return paper


def test_manifest_lists_thirty_files_and_510_entries() -> None:
    assert len(COUNTS) == 30
    assert sum(COUNTS.values()) == 510
    assert {p.name[:3] for p in CORPUS.glob("[AB]*.md")} == set(COUNTS)


@pytest.mark.parametrize(("file_id", "expected"), sorted(COUNTS.items()) or [("none", 0)])
def test_corpus_file_imports_with_manifest_count(file_id: str, expected: int) -> None:
    path = _file(file_id)
    text = read_list_file(path)
    if expected == 0:
        with pytest.raises(ListError, match=rf"^{re.escape(path.name)}: no papers found"):
            parse_list(text, source=path.name)
        return
    parsed = _parsed(file_id)
    assert parsed.entries == expected
    assert len(parsed.papers) == expected, "same-id entries were merged"
    assert parsed.skipped == ()
    assert all(p.source == path.name and p.line > 0 for p in parsed.papers)


def test_b28_is_44_distinct_papers_once_imported() -> None:
    """The MANIFEST's 45 entries of B28 are 44 papers: the placeholder "SystemX: Federated
    LLM Pre-Training" is Photon's review-time name, and import matching makes them one."""
    from papershelf.catalog.merge import reconcile

    parsed = _parsed("B28")
    assert parsed.entries == len(parsed.papers) == 45
    kept = reconcile(parsed.papers, {}, ())
    assert len({p.id for p in kept.papers}) == 44


_FORBIDDEN = ("*", "\\", "<", ">", "&#", "~~", "`")


def test_every_corpus_title_is_clean() -> None:
    papers = _papers()
    assert len(papers) == 510
    for file_id, paper in papers:
        title = paper.title
        where = f"{file_id}:{paper.line} {title!r}"
        assert title and title == title.strip() and "  " not in title, where
        assert not any(mark in title for mark in _FORBIDDEN), where
        assert not ("[" in title and "](" in title), where
        assert not title.endswith((".", ",", ";", ":")), where
        assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in title), where


def test_every_corpus_link_is_http() -> None:
    for file_id, paper in _papers():
        for link in paper.links:
            assert link.url.startswith(("https://", "http://")), (file_id, link)
            assert link.kind == link.kind.lower() and link.kind.strip(), (file_id, link)


def test_only_the_struck_aqua_entry_is_withdrawn() -> None:
    withdrawn = [(fid, p.title.split(":")[0]) for fid, p in _papers() if p.withdrawn]
    assert withdrawn == [("A01", "Aqua")]


def test_reading_log_venues_and_authors() -> None:
    expected = {
        "Fast On-device LLM": ("ASPLOS 2025", 2025),
        "KVLink": ("arxiv 2025", 2025),
        "IMPRESS": ("FAST 2025", 2025),
        "APE:": ("ICLR 2025", 2025),  # "**ICLR Poster**": Poster is a remark
        "Liger": ("ppopp 2024", 2024),
        "Fire-Flyer": ("SC 2024", 2024),
        "InstInfer": ("arxiv 2024", 2024),
        "An I/O Characterizing": ("CHEOPS 2025", 2025),
        "LoongServe": ("sosp 2024", 2024),
    }
    for prefix, venue in expected.items():
        paper = _paper("A05", prefix)
        assert (paper.venue, paper.year) == venue, prefix
    assert _paper("A05", "KVLink").authors == ("Jingbo Yang et.al.",)
    assert _paper("A05", "Fire-Flyer").topics == ("AI HPC", "data center", "cost effective")
    assert _paper("A05", "Fast On-device").topics == ("端侧推理", "npu+cpu", "量化int8")
    assert _paper("A05", "InstInfer").topics == ()
    wrapped = _paper("A05", "Attention Entropy")
    assert wrapped.title.endswith(
        "Parallel Context Encoding with Full-attention-based Pre-trained Language Models"
    )


def test_multi_venue_list_gives_each_paper_its_venue() -> None:
    venues = {v.label for v in _parsed("A04").venues}
    assert {"NIPS 2017", "SC 2021", "ASPLOS 2023", "osdi 2022", "VLDB 2022", "CoRR 2023"} <= venues
    unity = _paper("A04", "Unity:")
    assert (unity.venue, unity.year) == ("osdi 2022", 2022)
    assert unity.authors[-1] == "Alex Aiken"
    # "## Research" names a section, not a venue: the venue is unknown, never a section title.
    assert _paper("A04", "Improving Language Understanding").venue == ""
    surveys = _paper("A04", "Pre-train, Prompt, and Predict")
    assert (surveys.venue, surveys.year) == ("ACM Computing Surveys", None)


def test_entry_whose_link_did_not_parse_keeps_its_title() -> None:
    pets = _paper("A03", "PetS:")
    assert pets.title == "PetS: A Unified Framework for Parameter-Efficient Transformers Serving"
    assert (pets.venue, pets.links, pets.topics) == ("ATC 2022", (), ("transformer inference",))


def test_topical_list_takes_venues_from_parentheticals() -> None:
    cases = {
        "Oobleck": ("SOSP 2023", "LLM Training"),
        "Efficiently Programming": ("arXiv 2023", "LLM Inference"),
        "Speculative Decoding with Big": ("NeurIPS 2023", "LLM Inference > Speculative Decoding"),
        "PaLM": ("JMLR 2023", "LLMs"),
        "BLOOM": ("arXiv 2022", "LLMs"),
    }
    for prefix, (venue, topic) in cases.items():
        paper = _paper("B11", prefix)
        assert (paper.venue, paper.topics) == (venue, (topic,)), prefix
        assert "(" not in paper.title, prefix
    sglang = _paper("B11", "Efficiently Programming")
    assert ("arxiv", "https://arxiv.org/abs/2312.07104") in [(x.kind, x.url) for x in sglang.links]


def test_sectioned_list_details() -> None:
    walle = _paper("B01", "Walle")
    assert [link.kind for link in walle.links] == ["code", "中文官网"]
    assert _paper("B01", "Alpa").links[0].kind == "paper"
    assert _paper("B01", "Orca").links == _paper("B01", "Orca").links[:1]
    assert _paper("B04", "Is Machine Learning Necessary").title.endswith("Forecasting?")
    assert _paper("B04", "Gödel").remarks[0] == "Industry Paper"
    assert _paper("B04", "Golgi").awards == ("Best Paper Award",)
    assert _paper("B13", "PipeLLM").title.endswith("Pipelined Encryption")
    assert [link.kind for link in _paper("B15", "FLASH").links] == ["code", "slides"]
    assert _paper("B15", "SiDA").links == ()
    assert _paper("B15", "S-LoRA").affiliations == ("UC Berkeley",)
    assert _paper("B17", "SpInfer").awards == ("Best Paper Award (Fall)",)
    ecorec = _paper("B26", "Accelerating Distributed DLRM")
    assert (ecorec.awards, ecorec.remarks) == ((), ("EcoRec",))
    spec = _paper("B29", "Sharpen the Spec")
    assert [link.kind for link in spec.links] == [
        "paper",
        "pdf",
        "arxiv",
        "code",
        "homepage",
        "slides",
        "video",
    ]
    assert spec.awards == ("Best Paper", "Distinguished Artifact Award")
    assert _paper("B31", "FreeU").topics == ("Diffusion Models > Improve image quality",)
    assert _paper("B32", "Turbo").remarks[0] == "Experience Track"
    assert _paper("B12", "Burstable").topics == ("Cloud Block Storage",)
    assert _paper("B07", "EasyScale").links[1].url.endswith("EasyScale_info_for_SC23")
    assert _parsed("B25").papers[0].topics == ("Serving Large Language Models (LLMs)",)
    milo = _paper("B28", "MiLo")
    assert [link.kind for link in milo.links] == ["paper", "code"]
    assert {p.title.split(":")[0] for p in _parsed("B28").papers} >= {
        "SystemX",
        "Photon",
        "Morphling",
    }


def test_venue_meta_info() -> None:
    meta = {fid: _parsed(fid).venues[0] for fid in ("B13", "B17", "B29", "B07", "B10", "B32")}
    assert meta["B13"].acceptance_rate == "17.5% (160 / 912)"
    assert meta["B17"].acceptance_rate == "12.2% (85 / 696)"
    assert meta["B29"].acceptance_rate == "17.5% (31 / 177)"
    assert meta["B07"].paper_list is None
    assert meta["B07"].homepage == "https://sc23.supercomputing.org/"
    assert meta["B10"].paper_list == "https://2023.sigmod.org/sigmod_research_list.shtml"
    assert meta["B32"].paper_list == "https://conferences.sigcomm.org/sigcomm/2024/program/"


def test_crlf_lists_parse_like_lf() -> None:
    path = _file("A03")
    raw = read_list_file(path)
    assert "\r\n" in raw
    lf = parse_list(raw.replace("\r\n", "\n"), source=path.name)
    assert lf == _parsed("A03")


@pytest.mark.parametrize("file_id", ["A01", "B28"])
def test_papers_are_handed_on_in_parts_as_they_are_made(
    file_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from papershelf.catalog import markdown_list

    monkeypatch.setattr(markdown_list, "PART", 4)
    parts: list[Sequence[Paper]] = []
    path = _file(file_id)
    parsed = parse_list(read_list_file(path), source=path.name, papers_to=parts.append)
    assert (
        [p for part in parts for p in part] == list(parsed.papers) == list(_parsed(file_id).papers)
    )
    assert all(len(part) == 4 for part in parts[:-1]) and 0 < len(parts[-1]) <= 4
