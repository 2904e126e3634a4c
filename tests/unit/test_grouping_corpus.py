"""Venues and topics grouped on the real lists of ``../shared/corpus`` and ``corpus-wild``.

The lists spell one venue ``osdi 2022``, ``OSDI 2022`` and ``osdi'22``, arXiv as ``arxiv``,
``Arxiv`` and ``CoRR``, and one topic ``LLM serving``, ``LLM Serving`` and ``llm serving``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from papershelf.cli.main import main
from papershelf.domain.grouping import alias_table, topic_key, venue_key
from papershelf.paths import Paths
from papershelf.services.library import Library
from tests.conftest import SHARED, corpus_file

ALIASES = alias_table()


def wild_file(prefix: str) -> Path:
    found = sorted((SHARED / "corpus-wild").glob(f"{prefix}_*.md"))
    if not found:
        pytest.skip("the wild corpus is not beside this checkout")
    return found[0]


@pytest.fixture
def grouped_library(paths: Paths) -> Library:
    library = Library(paths, lock_timeout=2.0)
    files = [corpus_file(p) for p in ("A01", "A03", "A05", "B01", "B11", "B13", "B17")]
    library.import_lists([*files, wild_file("W07")])
    return library


def test_one_venue_per_key_in_its_most_common_spelling(grouped_library: Library) -> None:
    labels = [v.label for v in grouped_library.venues()]
    keys = Counter(venue_key(label, ALIASES) for label in labels)
    assert [k for k, n in keys.items() if n > 1] == []
    for spelled, other in [
        ("OSDI 2022", "osdi 2022"),
        ("arXiv 2023", "arxiv 2023"),
        ("EuroSys 2021", "EUROSYS 2021"),
        ("NeurIPS 2022", "NIPS 2022"),
    ]:
        assert spelled in labels and other not in labels
    papers = grouped_library.papers()
    assert {p.venue for p in papers} <= set(labels)
    osdi_2022 = [p for p in papers if p.venue == "OSDI 2022"]
    # B01 (OSDI 2022), A03 ("osdi 2022") and W07 ("osdi'22"): one venue, every list's papers.
    assert {Path(p.source).name[:3] for p in osdi_2022} >= {"B01", "A03", "W07"}


def test_topics_of_one_group_have_one_spelling(grouped_library: Library) -> None:
    spellings: dict[str, set[str]] = {}
    for paper in grouped_library.papers():
        for topic in paper.topics:
            spellings.setdefault(topic_key(topic), set()).add(topic)
    assert {k: s for k, s in spellings.items() if len(s) > 1} == {}
    asplos = {t for p in grouped_library.papers() if p.venue == "ASPLOS 2025" for t in p.topics}
    serving = {t for t in asplos if topic_key(t) == topic_key("llm serving")}
    assert len(serving) == 1


def test_ids_do_not_change_with_grouping(grouped_library: Library, paths: Paths) -> None:
    # The ids are the parser's (spelling included): grouping only changes what is shown.
    ids = [p.id for p in grouped_library.papers()]
    assert any(i.startswith("osdi2022-") for i in ids)
    again = Library(paths)
    assert [p.id for p in again.papers()] == ids


def test_cli_venue_series_and_topic_in_any_case(
    grouped_library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    def count(*argv: str) -> int:
        assert main(["list", "--format", "json", *argv]) == 0
        return len(json.loads(capsys.readouterr().out))

    years = Counter(p.venue for p in grouped_library.papers() if not p.withdrawn)
    osdi = sum(n for label, n in years.items() if label.startswith("OSDI "))
    assert osdi > years["OSDI 2022"] > 0
    assert count("--venue", "OSDI") == count("--venue", "osdi") == osdi
    assert count("--venue", "osdi'22") == count("--venue", "OSDI 2022") == years["OSDI 2022"]
    assert count("--venue", "corr") == sum(n for v, n in years.items() if v.startswith("arXiv"))
    topic = count("--topic", "LLM serving")
    assert topic > 0
    assert count("--topic", "llm SERVING") == count("--topic", "llm-serving") == topic


def test_venues_stats_and_export_use_the_grouped_spelling(
    grouped_library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["venues", "--format", "json"]) == 0
    venues = {v["venue"]: v["papers"] for v in json.loads(capsys.readouterr().out)}
    assert "osdi 2022" not in venues and venues["OSDI 2022"] > 0
    assert main(["stats", "--format", "json"]) == 0
    groups = {g["label"] for g in json.loads(capsys.readouterr().out)["groups"]}
    assert "OSDI 2022" in groups and "osdi 2022" not in groups and "Arxiv 2025" not in groups
    assert main(["export", "--format", "csv", "--venue", "OSDI"]) == 0
    exported = capsys.readouterr().out
    assert "OSDI 2022" in exported and "osdi 2022" not in exported


def test_the_readers_decisions_keep_the_grouped_spellings(grouped_library: Library) -> None:
    # A "same" decision combines papers again from the lists' own records: still grouped.
    osdi = [p for p in grouped_library.papers() if p.venue == "OSDI 2022"]
    grouped_library.same(osdi[0].id, osdi[1].id)
    labels = {p.venue for p in grouped_library.papers()}
    assert "OSDI 2022" in labels and "osdi 2022" not in labels and "Arxiv 2025" not in labels
    topics = [t for p in grouped_library.papers() for t in p.topics]
    assert len(set(topics)) == len({topic_key(t) for t in topics})
    assert grouped_library.venue_scope("osdi") == (None, "OSDI")
