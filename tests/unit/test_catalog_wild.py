"""The 18 real lists of ../shared/corpus-wild: every expected paper's title, venue and year.

Files the importer reads exactly are checked exactly (count, titles, venues, years). Files
it does not read exactly yet are strict xfails naming what is still wrong, so fixing one
shows up; a floor on overall recall and precision catches regressions across all of them.
Scoring rules are in ``wild_scoring``.
"""

from __future__ import annotations

from functools import cache

import pytest

from tests.unit.wild_scoring import WILD, FileScore, files, score

pytestmark = pytest.mark.skipif(
    not (WILD / "expected").is_dir(), reason=f"the wild corpus is not beside this checkout ({WILD})"
)

NOT_YET_EXACT = {
    "W16": (
        "5 talk topics read as plain titles (29, 118, 130, 132, 137): each is as long as, or"
        " shaped like, a paper title of the same table (56, 119: seven words; 121, 131:"
        " 'Phrase: subtitle'); only knowing the published titles tells them apart"
    ),
}


@cache
def _scores() -> dict[str, FileScore]:
    return {file_id: score(file_id, path) for file_id, path in files()}


def _params() -> list[object]:
    out: list[object] = []
    for file_id, _ in files():
        reason = NOT_YET_EXACT.get(file_id)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        out.append(pytest.param(file_id, marks=marks, id=file_id))
    return out or [pytest.param("none", marks=pytest.mark.skip(reason="no wild corpus"))]


@pytest.mark.parametrize("file_id", _params())
def test_wild_file_is_read_exactly(file_id: str) -> None:
    s = _scores()[file_id]
    assert s.missing == [], "expected papers not found"
    assert s.extra == [], "records that are not expected papers"
    assert s.wrong == [], "title, venue or year differs"
    assert s.found == s.expected


def test_wild_corpus_floor() -> None:
    scores = _scores().values()
    expected = sum(s.expected for s in scores)
    found = sum(s.found for s in scores)
    matched = sum(s.matched for s in scores)
    right = sum(min(s.titles, s.venues, s.years) for s in scores)
    assert matched / expected >= 0.95, "recall"
    assert matched / found >= 0.87, "precision"
    assert right / expected >= 0.85, "title, venue and year all right"
