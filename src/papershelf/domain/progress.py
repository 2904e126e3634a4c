"""Progress arithmetic: how many papers of a group are read, reading, to read, starred."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState, Status

NO_TOPIC = "(no topic)"
"""The group of a venue's papers that have no topic."""


@dataclass(slots=True)
class Tally:
    """Counts for one group (a venue, a topic, or everything)."""

    label: str
    venue: str | None = None
    """The venue of a venue or topic group (None for the overall tally)."""
    topic: str | None = None
    """The topic path of a topic group; None for a venue group and for "(no topic)"."""
    total: int = 0
    counts: Counter[Status] = field(default_factory=Counter)
    starred: int = 0

    def add(self, state: PaperState) -> None:
        self.total += 1
        self.counts[state.status] += 1
        self.starred += state.starred

    @property
    def read(self) -> int:
        return self.counts[Status.READ]

    @property
    def percent_read(self) -> float:
        return 100.0 * self.read / self.total if self.total else 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "label": self.label,
            "total": self.total,
            **{s.value: self.counts[s] for s in Status},
            "starred": self.starred,
            "percent_read": round(self.percent_read, 1),
        }


READ_WEEKS = 12
"""Weeks of reads per week shown by ``stats`` and the progress screen (a quarter)."""


def tally(
    papers: Iterable[Paper], states: Mapping[str, PaperState], *, by: str = "venue"
) -> tuple[Tally, list[Tally]]:
    """Overall tally and one per venue (``by="venue"``) or per topic (``by="topic"``).

    Withdrawn papers are not counted. Groups keep first-seen order; a paper with several
    topics counts once in each.
    """
    overall = Tally("All papers")
    groups: dict[str, Tally] = {}
    get = states.get
    for paper in papers:
        if paper.withdrawn:
            continue
        state = get(paper.id, DEFAULT_STATE)
        overall.add(state)
        places: Sequence[tuple[str, str | None]]
        if by == "topic":
            places = [(f"{paper.venue} / {t}", t) for t in paper.topics] or [
                (f"{paper.venue} / {NO_TOPIC}", None)
            ]
        else:
            places = [(paper.venue, None)]
        for label, topic in places:
            group = groups.get(label)
            if group is None:
                group = groups[label] = Tally(label, paper.venue, topic)
            group.add(state)
    return overall, list(groups.values())


def read_per_week(
    papers: Iterable[Paper],
    states: Mapping[str, PaperState],
    *,
    weeks: int = READ_WEEKS,
    today: date | None = None,
) -> list[tuple[date, int]]:
    """Papers read, by the week they were last marked read (Monday starts), oldest first.

    The papers ``tally`` counts as read, each once: not a withdrawn one, not one marked
    unread again, so the weeks never add up to more than the read total.
    """
    today = today or datetime.now().astimezone().date()
    this_monday = today - timedelta(days=today.weekday())
    starts = [this_monday - timedelta(weeks=w) for w in range(weeks - 1, -1, -1)]
    counts = dict.fromkeys(starts, 0)
    get = states.get
    for paper in papers:
        state = get(paper.id)
        if paper.withdrawn or state is None or state.status is not Status.READ:
            continue
        last = next((c for c in reversed(state.history) if c.status is Status.READ), None)
        if last is None:
            continue
        try:
            day = datetime.fromisoformat(last.at.replace("Z", "+00:00")).date()
        except ValueError:
            continue
        monday = day - timedelta(days=day.weekday())
        if monday in counts:
            counts[monday] += 1
    return list(counts.items())
