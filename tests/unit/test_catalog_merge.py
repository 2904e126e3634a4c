from __future__ import annotations

from dataclasses import replace

from papershelf.catalog.merge import reconcile
from papershelf.domain.ids import paper_id
from papershelf.domain.models import Link, Paper


def make(title: str, venue: str = "MLSys 2025", links: tuple[Link, ...] = ()) -> Paper:
    return Paper(id=paper_id(venue, title), title=title, venue=venue, links=links)


RUBICK = make(
    "Rubick: Exploiting Job Reconfigurability for Deep Learning Cluster Scheduling",
    links=(
        Link("paper", "https://mlsys.org/virtual/2025/poster/3232"),
        Link("arxiv", "https://arxiv.org/abs/2408.08586"),
    ),
)
MORPHLING = make(
    "Morphling: Exploiting Job Reconfigurability for Deep Learning Cluster Scheduling",
    links=(
        Link("paper", "https://mlsys.org/virtual/2025/poster/2953"),
        Link("arxiv", "https://arxiv.org/abs/2408.08586"),
    ),
)
LUMOS = make("Lumos: Efficient Performance Modeling and Estimation for Large-scale LLM Training")


def test_reimport_of_same_list_is_all_unchanged() -> None:
    catalog = {p.id: p for p in (RUBICK, LUMOS)}
    rec = reconcile([RUBICK, LUMOS], catalog, [RUBICK.id, LUMOS.id])
    assert (rec.new, rec.updated, rec.unchanged, rec.renamed) == (0, 0, 2, ())
    assert rec.no_longer_listed == ()


def test_renamed_paper_keeps_its_id_via_arxiv() -> None:
    catalog = {p.id: p for p in (MORPHLING, LUMOS)}
    rec = reconcile([RUBICK, LUMOS], catalog, [MORPHLING.id, LUMOS.id])
    assert rec.renamed == ((MORPHLING.title, RUBICK.title),)
    assert rec.papers[0].id == MORPHLING.id and rec.papers[0].title == RUBICK.title
    assert rec.id_map[RUBICK.id] == MORPHLING.id
    assert (rec.new, rec.updated, rec.unchanged) == (0, 1, 1)


def test_title_that_gained_a_short_name_keeps_its_id() -> None:
    old = make("Efficient and Economic Embedding Model Training with Commodity GPUs", "ASPLOS 2025")
    new = make(
        "Frugal: Efficient and Economic Embedding Model Training with Commodity GPUs", "ASPLOS 2025"
    )
    rec = reconcile([new], {old.id: old}, [old.id])
    assert rec.papers[0].id == old.id and rec.renamed


def test_same_title_in_another_venue_is_a_different_paper() -> None:
    """Without an arXiv id or DOI in common, a title in another venue is another paper."""
    other = replace(RUBICK, venue="OSDI 2024", id=paper_id("OSDI 2024", RUBICK.title), links=())
    rec = reconcile([other], {RUBICK.id: RUBICK}, [])
    assert rec.papers[0].id != RUBICK.id and rec.new == 1 and rec.renamed == ()


def test_a_preprint_and_its_proceedings_version_are_one_paper() -> None:
    """The same arXiv id across venues (arXiv 2024, MLSys 2025) is one paper."""
    preprint = replace(RUBICK, venue="arXiv 2024", id=paper_id("arXiv 2024", RUBICK.title))
    rec = reconcile([preprint], {RUBICK.id: RUBICK}, [])
    assert rec.papers[0].id == RUBICK.id and rec.matched and rec.renamed == ()


def test_shared_list_url_alone_does_not_merge_different_papers() -> None:
    a = make("Photon: Federated LLM Pre-Training", links=(Link("paper", "https://x.org/p/1"),))
    b = make("Youmu: Columnar Data Pipeline", links=(Link("paper", "https://x.org/p/1"),))
    rec = reconcile([b], {a.id: a}, [a.id])
    assert rec.papers[0].id == b.id and rec.new == 1
    assert rec.no_longer_listed == (a.id,)


def test_known_renames_are_reapplied() -> None:
    catalog = {MORPHLING.id: MORPHLING}
    rec = reconcile([RUBICK], catalog, [MORPHLING.id], {RUBICK.id: MORPHLING.id})
    assert rec.papers[0].id == MORPHLING.id


def test_one_list_listing_a_paper_twice_under_its_short_name_is_one_paper() -> None:
    """Rubick and Morphling (the same arXiv id, one title but for the name) in one list."""
    rec = reconcile([RUBICK, LUMOS, MORPHLING], {}, [])
    assert rec.papers[0].id == rec.papers[2].id == RUBICK.id
    assert rec.new == 2


def test_a_link_copied_onto_an_unrelated_entry_does_not_merge_two_papers() -> None:
    """W07: QUIC (SIGCOMM '17) and MTP (HotNets '21) both link one DOI; two papers stay."""
    doi = (Link("paper", "https://dl.acm.org/doi/10.1145/3484266.3487382"),)
    quic = make("The QUIC Transport Protocol: Design and Internet-Scale Deployment", links=doi)
    mtp = make(
        "TCP is Harmful to In-Network Computing: Designing a Message Transport Protocol (MTP)",
        links=doi,
    )
    rec = reconcile([quic, mtp], {}, [])
    assert [p.id for p in rec.papers] == [quic.id, mtp.id]
    assert rec.new == 2 and rec.id_map == {}


def test_a_paper_indexed_after_a_look_up_is_found_by_a_near_title() -> None:
    """The table of a venue's uncommon words is made again once papers are added."""
    from papershelf.catalog.match_keys import PaperKeys
    from papershelf.catalog.merge import Candidates

    venue = "OSDI 2024"

    def paper(title: str) -> Paper:
        return Paper(id=paper_id(venue, title), title=title, venue=venue, year=2024)

    index = Candidates(PaperKeys())
    index.add([paper("Zebra: Striped Storage for Log Structured Disks")])
    assert index.find(paper("Quokka: Tiered Caches for Serverless Functions"), set()) is None
    late = paper("Quokka: Tiered Caches for Serverless Function Graphs")
    index.add([late])
    found = index.find(paper("Quokka: Tiered Caches for Serverless Functions Graphs"), set())
    assert found is late
