"""One enrichment run: plan the requests, answer them from the cache or the network, store.

Sources run side by side (each at its own pace); Crossref runs after the others, so it can
look up the DOIs they found. Results are stored after every request: a run that is killed
keeps what it fetched, and the next run asks only for the rest.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from papershelf.domain.enrichment import Enrichment, SourceRecord
from papershelf.domain.models import Paper
from papershelf.services.enrich.http import FetchError, Http, Request, Response
from papershelf.services.enrich.ids import idents_of
from papershelf.services.enrich.matching import best_match
from papershelf.services.enrich.report import (
    FAILED,
    FOUND,
    NOT_FOUND,
    UNCHANGED,
    EnrichReport,
    PaperResult,
    Progress,
    ProgressFn,
)
from papershelf.services.enrich.sources import ParseError, Source
from papershelf.services.enrich.view import enrichment_of
from papershelf.storage.enrich_cache import EnrichCache, RawAnswer

log = logging.getLogger(__name__)
LATER = ("crossref",)


def known_idents(entry: Mapping[str, Any] | None) -> list[str]:
    """DOIs and arXiv ids the sources found for a paper (so a later source can use them)."""
    out = []
    enrichment = enrichment_of(entry)
    if enrichment.arxiv is not None:
        out.append(f"arxiv:{enrichment.arxiv.value}")
    if enrichment.doi is not None:
        out.append(f"doi:{enrichment.doi.value}")
    return out


@dataclass
class _State:
    total: int = 0
    done: int = 0
    not_cached: int = 0
    candidates: int = 0
    unreachable: dict[str, str] = field(default_factory=dict)
    """Source -> why it could not be reached."""
    asked: set[str] = field(default_factory=set)
    problems: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Run:
    """Enrich ``papers`` from ``sources``; ``run()`` returns the report."""

    def __init__(
        self,
        papers: Sequence[Paper],
        sources: Sequence[Source],
        cache: EnrichCache,
        http: Http | None,
        *,
        refresh: bool = False,
        offline: bool = False,
        progress: ProgressFn | None = None,
    ) -> None:
        self.papers = list(papers)
        self.sources = list(sources)
        self.cache = cache
        self.http = http
        self.refresh = refresh
        self.offline = offline
        self.progress = progress
        self._state = _State()

    def run(self) -> EnrichReport:
        before = self.cache.load()
        phases = [
            [s for s in self.sources if s.name not in LATER],
            [s for s in self.sources if s.name in LATER],
        ]
        plans: list[list[tuple[Source, list[Request], dict[str, list[str]]]]] = []
        for n, phase in enumerate(phases):
            entries = before if n == 0 else self.cache.load()
            plan = [(s, *self._plan(s, entries)) for s in phase]
            plans.append(plan)
            if n == 0:
                # The later phase is counted now with the identifiers known so far.
                later = sum(len(self._plan(s, entries)[0]) for s in phases[1])
                self._state.total = sum(len(p[1]) for p in plan) + later
            else:
                self._state.total = self._state.done + sum(len(p[1]) for p in plan)
            self._report(phase[0].name if phase else "")
            if len(plan) > 1:
                with ThreadPoolExecutor(max_workers=len(plan)) as pool:
                    for future in [pool.submit(self._run_source, *p) for p in plan]:
                        future.result()
            else:
                for p in plan:
                    self._run_source(*p)
        after = self.cache.load()
        return self._report_of(before, after)

    # planning --------------------------------------------------------------------------
    def _plan(
        self, source: Source, entries: Mapping[str, Mapping[str, Any]]
    ) -> tuple[list[Request], dict[str, list[str]]]:
        """The requests ``source`` needs, and for each identifier the papers it stands for."""
        by_ident: dict[str, list[str]] = {}
        searches: list[Request] = []
        for paper in self.papers:
            entry = entries.get(paper.id, {})
            if not self.refresh and source.name in entry.get("sources", {}):
                continue
            idents = idents_of(paper, known_idents(entry))
            usable = [i for kind in source.kinds for i in idents if i.startswith(kind + ":")]
            if usable:
                by_ident.setdefault(usable[0], []).append(paper.id)
                continue
            request = source.search(paper.title, paper.year, paper.id)
            if request is not None:
                searches.append(request)
        return source.lookups(sorted(by_ident)) + searches, by_ident

    # running ---------------------------------------------------------------------------
    def _run_source(
        self, source: Source, requests: list[Request], by_ident: dict[str, list[str]]
    ) -> None:
        papers = {p.id: p for p in self.papers}
        if requests:
            with self._state.lock:
                self._state.asked.add(source.name)
        for n, request in enumerate(requests):
            pids = (
                [request.search]
                if request.search
                else [p for i in request.idents for p in by_ident.get(i, [])]
            )
            try:
                response = self._answer(request)
            except FetchError as exc:
                self._fail(pids, str(exc))
                if exc.network:
                    with self._state.lock:
                        self._state.unreachable.setdefault(source.name, exc.reason)
                    for rest in requests[n + 1 :]:
                        rest_ids = (
                            [rest.search]
                            if rest.search
                            else [p for i in rest.idents for p in by_ident.get(i, [])]
                        )
                        self._fail(rest_ids, f"{source.name}: not asked (source unreachable)")
                    self._advance(source.name, len(requests) - n)
                    return
                self._advance(source.name)
                continue
            if response is None:  # offline, and not in the cache
                with self._state.lock:
                    self._state.not_cached += 1
                self._advance(source.name)
                continue
            try:
                records = source.parse(response.body) if response.status == 200 else []
            except ParseError as exc:
                self._fail(pids, f"{source.name}: unreadable answer ({exc})")
                self._advance(source.name)
                continue
            at = response.fetched_at
            if request.search:
                entries = self._searched(source.name, papers[request.search], records, at)
            else:
                entries = self._looked_up(source, request, records, by_ident, at)
            with self._state.lock:
                self.cache.merge_entries(entries)
            self._advance(source.name)

    def _answer(self, request: Request) -> Response | None:
        if not self.refresh or self.offline:
            cached = self.cache.get_raw(request.source, request.key)
            if cached is not None:
                return Response(cached.status, cached.body, cached.fetched_at, from_cache=True)
        if self.offline or self.http is None:
            return None
        response = self.http.fetch(request)
        self.cache.put_raw(
            request.source,
            request.key,
            RawAnswer(request.describe(), response.status, response.fetched_at, response.body),
        )
        return response

    def _looked_up(
        self,
        source: Source,
        request: Request,
        records: list[SourceRecord | None],
        by_ident: dict[str, list[str]],
        at: str,
    ) -> dict[str, dict[str, Any]]:
        if source.aligned and len(records) == len(request.idents):
            found = dict(zip(request.idents, records, strict=True))
        else:
            index: dict[str, SourceRecord] = {}
            for record in records:
                if record is not None:
                    for ident in (f"arxiv:{record.arxiv}", f"doi:{record.doi}"):
                        index.setdefault(ident, record)
            found = {i: index.get(i) for i in request.idents}
        entries: dict[str, dict[str, Any]] = {}
        for ident, record in found.items():
            for pid in by_ident.get(ident, []):
                value = record.to_json() if record is not None else None
                entries[pid] = {
                    "sources": {source.name: {"at": at, "match": "id", "record": value}}
                }
        return entries

    def _searched(
        self, name: str, paper: Paper, records: list[SourceRecord | None], at: str
    ) -> dict[str, dict[str, Any]]:
        match = best_match(paper, records)
        if match is not None and match.accepted:
            return {
                paper.id: {
                    "sources": {
                        name: {"at": at, "match": "title", "record": match.record.to_json()}
                    },
                    "drop_candidates": [name],
                }
            }
        entry: dict[str, Any] = {"sources": {name: {"at": at, "match": "title", "record": None}}}
        if match is not None:
            with self._state.lock:
                self._state.candidates += 1
            entry["candidates"] = {
                name: {"at": at, "similarity": match.similarity, "record": match.record.to_json()}
            }
        return {paper.id: entry}

    def _fail(self, pids: Sequence[str], problem: str) -> None:
        log.info("enrich: %s", problem)
        with self._state.lock:
            for pid in pids:
                self._state.problems.setdefault(pid, []).append(problem)

    def _advance(self, label: str, steps: int = 1) -> None:
        with self._state.lock:
            self._state.done += steps
        self._report(label)

    def _report(self, label: str) -> None:
        if self.progress is not None:
            with self._state.lock:
                event = Progress(self._state.done, self._state.total, label)
            self.progress(event)

    def _report_of(self, before: Mapping[str, Any], after: Mapping[str, Any]) -> EnrichReport:
        results = []
        for paper in self.papers:
            old, new = enrichment_of(before.get(paper.id)), enrichment_of(after.get(paper.id))
            problems = tuple(self._state.problems.get(paper.id, ()))
            if old != new and not new.empty and _fields(old) != _fields(new):
                outcome = FOUND
            elif problems:
                outcome = FAILED
            elif new.empty:
                outcome = NOT_FOUND
            else:
                outcome = UNCHANGED
            results.append(
                PaperResult(
                    paper.id,
                    outcome,
                    tuple(sorted(set(new.sources().values()))),
                    problems,
                )
            )
        order = [s.name for s in self.sources]
        return EnrichReport(
            tuple(results),
            unreachable=tuple(
                (name, self._state.unreachable[name])
                for name in order
                if name in self._state.unreachable
            ),
            asked=tuple(name for name in order if name in self._state.asked),
            not_cached=self._state.not_cached,
            candidates=self._state.candidates,
        )


def _fields(enrichment: Enrichment) -> dict[str, Any]:
    """The values alone: a refresh that only changes the fetch time is not news."""
    out = {}
    for name, source in enrichment.sources().items():
        out[name] = (getattr(enrichment, name).value, source)
    return out
