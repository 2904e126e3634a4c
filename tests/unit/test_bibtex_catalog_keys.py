"""A paper's BibTeX key is the catalog's: the same in a full export, a filtered one and ``Y``."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papershelf.domain.models import Paper, PaperState, Status
from papershelf.export.bibtex import catalog_entry, citation_keys, to_bibtex
from papershelf.services import events
from papershelf.services.library import Library
from papershelf.tui.live_shelf import LiveShelf
from tests.conftest import run_cli as run

_KEY = re.compile(r"^@(?:inproceedings|misc)\{([^,]+),", re.M)


def _keys(text: str) -> list[str]:
    return _KEY.findall(text)


def _paper(pid: str, title: str, author: str, year: int = 2024) -> Paper:
    return Paper(id=pid, title=title, venue=f"OSDI {year}", year=year, authors=(author,))


# Few titles, authors and years, so that papers share base keys often.
_rows = st.lists(
    st.tuples(
        st.sampled_from(["Comet", "Comet a", "Cometa", "Forecasting of X", "Forecasting of Y"]),
        st.sampled_from(["Ann Lee", "Bo Lee", "Li Wang"]),
        st.sampled_from([2024, 2025]),
        st.booleans(),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(rows=_rows)
def test_a_key_is_the_same_in_a_full_export_a_filtered_one_and_the_copy(
    rows: list[tuple[str, str, int, bool]],
) -> None:
    catalog = [_paper(f"p{i:02}", t, a, y) for i, (t, a, y, _) in enumerate(rows)]
    chosen = [p for p, row in zip(catalog, rows, strict=True) if row[3]]
    keys = citation_keys(catalog)
    assert len(set(keys.values())) == len(catalog)  # distinct over the whole catalog
    full = dict(zip((p.id for p in catalog), _keys(to_bibtex(catalog, {}, keys=keys)), strict=True))
    assert full == keys
    filtered = _keys(to_bibtex(chosen, {}, keys=keys))
    assert filtered == [keys[p.id] for p in chosen]
    for p in chosen:
        assert _keys(catalog_entry(p, PaperState(), keys)) == [keys[p.id]]


@settings(max_examples=100, deadline=None)
@given(rows=_rows, orphans=st.lists(st.sampled_from(["Comet", "Cometa", "Forecasting"])))
def test_an_orphan_never_takes_or_changes_a_catalog_key(
    rows: list[tuple[str, str, int, bool]], orphans: list[str]
) -> None:
    catalog = [_paper(f"p{i:02}", t, a, y) for i, (t, a, y, _) in enumerate(rows)]
    extra = [_paper(f"o{i:02}", t, "Ann Lee") for i, t in enumerate(orphans)]
    keys = citation_keys(catalog)
    written = _keys(to_bibtex([*catalog, *extra], {}, keys=keys))
    assert written[: len(catalog)] == [keys[p.id] for p in catalog]
    assert len(set(written)) == len(written)


def test_two_papers_sharing_a_base_key_get_a_and_b_in_catalog_order() -> None:
    x = _paper("osdi-x-9", "Forecasting of X", "Ann Lee")
    y = _paper("osdi-y-1", "Forecasting of Y", "Bo Lee")
    assert citation_keys([x, y]) == {
        "osdi-x-9": "lee2024forecastinga",
        "osdi-y-1": "lee2024forecastingb",
    }


@pytest.fixture
def two_lees(library: Library) -> Library:
    library.add_paper("Forecasting of X", "OSDI 2024", authors=["Ann Lee"])
    library.add_paper("Forecasting of Y", "OSDI 2024", authors=["Bo Lee"])
    return library


def test_the_cli_exports_and_the_app_copy_agree(
    two_lees: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    y = next(p for p in two_lees.papers() if p.title == "Forecasting of Y")
    found: dict[str, list[str]] = {}
    for name, argv in {
        "search": ["--search", "Forecasting of Y"],
        "venue": ["--venue", "OSDI 2024"],
        "full": [],
        "status": ["--status", "to-read"],
    }.items():
        if name == "status":
            assert run(capsys, "mark", y.id, "to-read")[0] == 0
        code, out, err = run(capsys, "export", "--format", "bibtex", *argv)
        assert code == 0, err
        found[name] = [k for k in _keys(out) if k.startswith("lee2024")]
    assert found["search"] == found["status"] == ["lee2024forecastingb"]
    assert found["venue"] == found["full"] == ["lee2024forecastinga", "lee2024forecastingb"]
    live = LiveShelf()
    states = two_lees.states()
    live.handle(events.Loaded(list(two_lees.papers()), list(two_lees.venues()), states, 0))
    assert live.bibtex_keys() is None  # worked out off the UI thread, then kept
    job, of = live.bibtex_keys_job()
    live.handle(events.Loaded(list(two_lees.papers()), list(two_lees.venues()), states, 0))
    assert not live.keep_bibtex_keys(job(), of)  # loaded again meanwhile: not kept
    job, of = live.bibtex_keys_job()
    assert live.keep_bibtex_keys(job(), of)
    keys = live.bibtex_keys()
    assert keys is not None
    copied = live.bibtex_entry(y, keys)
    assert _keys(copied) == ["lee2024forecastingb"]
    assert "papershelf-status = {to-read}" in copied
    assert live.shelf.state(y.id).status is Status.TO_READ
