"""Deciding whether a title search found the paper: accepted, a candidate, or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from papershelf.domain.enrichment import SourceRecord, title_similarity
from papershelf.domain.models import Paper

ACCEPT = 0.97
"""Normalised titles this alike are the same paper (case, accents, punctuation differ)."""
CANDIDATE = 0.85
"""Alike enough to show the user (``enrich --review``), not to apply."""
YEAR_SLACK = 1
"""A preprint a year before the conference, or proceedings dated the next year, still fit."""


@dataclass(frozen=True, slots=True)
class Match:
    record: SourceRecord
    similarity: float
    accepted: bool


def year_fits(paper: Paper, record: SourceRecord) -> bool:
    if paper.year is None or record.year is None:
        return True
    return abs(paper.year - record.year) <= YEAR_SLACK


def best_match(paper: Paper, records: Sequence[SourceRecord | None]) -> Match | None:
    """The closest record; ``accepted`` only for a close title whose year fits."""
    best: Match | None = None
    for record in records:
        if record is None or not record.title:
            continue
        sim = title_similarity(paper.title, record.title)
        accepted = sim >= ACCEPT and year_fits(paper, record)
        candidate = Match(record, round(sim, 3), accepted)
        if best is None or (accepted, sim) > (best.accepted, best.similarity):
            best = candidate
    if best is None or best.similarity < CANDIDATE:
        return None
    return best
