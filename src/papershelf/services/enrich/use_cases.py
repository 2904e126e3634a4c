"""The Library's enrichment use cases: a base class, so the Library module stays one read.

``Library`` inherits them; they rely on its ``paths``, ``paper`` and ``_ids``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING

from papershelf.domain.enrichment import Enrichment
from papershelf.domain.models import Paper
from papershelf.paths import Paths
from papershelf.services.enrich.view import EnrichmentView

if TYPE_CHECKING:  # the report loads with the look-up, not at every start
    from papershelf.services.enrich.report import EnrichReport, ProgressFn


class EnrichmentUseCases:
    """Looking papers up in the scholarly sources, and what they found."""

    paths: Paths
    _enrichments: EnrichmentView

    def paper(self, pid: str) -> Paper:
        raise NotImplementedError

    def _ids(self, paper_ids: Iterable[str]) -> list[str]:
        raise NotImplementedError

    def enrich(
        self,
        paper_ids: Iterable[str],
        *,
        sources: Sequence[str] | None = None,
        refresh: bool = False,
        offline: bool = False,
        progress: ProgressFn | None = None,
    ) -> EnrichReport:
        """Look the papers up in the sources and store what was found (see ``services.enrich``).

        Network I/O: call it from a worker or the CLI, never from the UI thread.
        """
        from papershelf.services.enrich.service import parse_sources, run_enrich

        papers = [self.paper(pid) for pid in self._ids(paper_ids)]
        run = partial(run_enrich, refresh=refresh, offline=offline, progress=progress)
        found = run(self.paths, papers, sources=parse_sources(sources))
        self._enrichments.forget()
        return found

    def enrichments(self) -> Mapping[str, Enrichment]:
        """Paper id -> what the sources found (papers never enriched are absent)."""
        return self._enrichments.get()

    def enrichment_problem(self) -> str | None:
        """Why the enrichment cache cannot be read, or None (``doctor`` reports it)."""
        self.enrichments()
        return self._enrichments.problem

    def enrichment(self, pid: str) -> Enrichment:
        return self.enrichments().get(pid) or Enrichment()
