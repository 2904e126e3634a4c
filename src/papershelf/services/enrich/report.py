"""What an enrichment run reports: per paper, and as one summary line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from papershelf.domain.text import plural

FOUND = "found"
UNCHANGED = "unchanged"
NOT_FOUND = "not found"
FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Progress:
    """``done`` of ``total`` requests answered; ``label`` says which source and what."""

    done: int
    total: int
    label: str


ProgressFn = Callable[[Progress], None]


@dataclass(frozen=True, slots=True)
class PaperResult:
    id: str
    outcome: str
    """``found`` (new fields), ``unchanged``, ``not found`` or ``failed``."""
    sources: tuple[str, ...] = ()
    """Sources that had the paper."""
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EnrichReport:
    results: tuple[PaperResult, ...] = ()
    unreachable: tuple[tuple[str, str], ...] = ()
    """(source, what went wrong) for each source that could not be reached, in run order;
    what was fetched before is kept."""
    asked: tuple[str, ...] = ()
    """The sources that had something to ask."""
    not_cached: int = 0
    """Requests ``--offline`` could not answer from the cache."""
    candidates: int = 0
    """Doubtful title matches kept for ``enrich --review``."""

    def count(self, outcome: str) -> int:
        return sum(r.outcome == outcome for r in self.results)

    @property
    def found(self) -> int:
        return self.count(FOUND)

    @property
    def unchanged(self) -> int:
        return self.count(UNCHANGED)

    @property
    def not_found(self) -> int:
        return self.count(NOT_FOUND)

    @property
    def failed(self) -> int:
        return self.count(FAILED)

    @property
    def network_error(self) -> str | None:
        """Every source that could not be reached, in one line; None when all were."""
        if not self.unreachable:
            return None
        by_reason: dict[str, list[str]] = {}
        for source, reason in self.unreachable:
            by_reason.setdefault(reason, []).append(source)
        text = "; ".join(f"{', '.join(names)}: {reason}" for reason, names in by_reason.items())
        failed = {source for source, _ in self.unreachable}
        if len(failed) > 1 and failed >= set(self.asked):
            return f"all {len(failed)} sources failed ({text})"
        return text

    def summary(self) -> str:
        noun = "paper" if len(self.results) == 1 else "papers"
        line = (
            f"looked up {len(self.results)} {noun}: {self.found} found, "
            f"{self.unchanged} unchanged, {self.not_found} not found, {self.failed} failed"
        )
        extra = []
        if self.candidates:
            extra.append(f"{self.candidates} to review (enrich --review)")
        if self.not_cached:
            extra.append(f"{plural(self.not_cached, 'request')} not in the cache")
        return line + (f"; {'; '.join(extra)}" if extra else "")

    def to_json(self) -> dict[str, object]:
        return {
            "found": self.found,
            "unchanged": self.unchanged,
            "not_found": self.not_found,
            "failed": self.failed,
            "candidates": self.candidates,
            "not_cached": self.not_cached,
            "network_error": self.network_error,
            "unreachable": dict(self.unreachable),
            "papers": [
                {
                    "id": r.id,
                    "outcome": r.outcome,
                    "sources": list(r.sources),
                    "problems": list(r.problems),
                }
                for r in self.results
            ],
        }
