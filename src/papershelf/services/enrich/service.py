"""The enrichment use cases the Library offers: run, read the merged view, review candidates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from papershelf.domain.enrichment import SOURCES, SourceRecord
from papershelf.domain.models import Paper
from papershelf.errors import UsageError
from papershelf.paths import Paths
from papershelf.services.enrich.config import EnrichConfig, load_enrich_config
from papershelf.services.enrich.http import USER_AGENT, Http
from papershelf.services.enrich.report import EnrichReport, ProgressFn
from papershelf.services.enrich.runner import Run
from papershelf.services.enrich.sources import make_sources
from papershelf.storage.enrich_cache import EnrichCache


@dataclass(frozen=True, slots=True)
class Candidate:
    """A doubtful title match kept for the user to accept (``enrich --review``)."""

    paper_id: str
    source: str
    similarity: float
    record: SourceRecord
    at: str


def parse_sources(text: str | Sequence[str] | None) -> tuple[str, ...]:
    """``arxiv,openalex`` -> the names, in the run order; ``UsageError`` for an unknown one."""
    if text is None:
        return SOURCES
    names = text.split(",") if isinstance(text, str) else list(text)
    wanted = {n.strip().lower().replace("-", "_") for n in names if n.strip()}
    unknown = sorted(wanted - set(SOURCES))
    if unknown or not wanted:  # quoted, as `unknown status 'done'` is
        said = f"unknown source {unknown[0]!r}" if unknown else "no source given"
        raise UsageError(f"{said}: choose from {', '.join(SOURCES)}")
    return tuple(s for s in SOURCES if s in wanted)


def make_http(config: EnrichConfig) -> Http:
    headers = {"semantic_scholar": {"x-api-key": config.semantic_scholar_key}}
    params = {"openalex": {"api_key": config.openalex_key}}
    return Http(
        intervals=config.intervals,
        timeout=config.timeout,
        retries=config.retries,
        backoff=config.backoff,
        max_retry_after=config.max_retry_after,
        max_bytes=config.max_response_bytes,
        secret_headers={k: v for k, v in headers.items() if all(v.values())},
        secret_params={k: v for k, v in params.items() if all(v.values())},
        # Crossref's polite pool also reads the address from the User-Agent.
        user_agent=f"{USER_AGENT} (mailto:{config.mailto})" if config.mailto else USER_AGENT,
    )


def run_enrich(
    paths: Paths,
    papers: Sequence[Paper],
    *,
    sources: Sequence[str] = SOURCES,
    refresh: bool = False,
    offline: bool = False,
    progress: ProgressFn | None = None,
    config: EnrichConfig | None = None,
) -> EnrichReport:
    config = config or load_enrich_config(paths.config)
    cache = EnrichCache(paths.enrich)
    adapters = make_sources(config, tuple(sources))
    http = None if offline else make_http(config)
    try:
        return Run(
            papers, adapters, cache, http, refresh=refresh, offline=offline, progress=progress
        ).run()
    finally:
        if http is not None:
            http.close()


def load_candidates(paths: Paths, ids: Iterable[str] | None = None) -> list[Candidate]:
    wanted = None if ids is None else set(ids)
    out = []
    for pid, entry in sorted(EnrichCache(paths.enrich).load().items()):
        if wanted is not None and pid not in wanted:
            continue
        for source, cand in sorted(entry.get("candidates", {}).items()):
            if isinstance(cand, dict) and isinstance(cand.get("record"), dict):
                out.append(
                    Candidate(
                        pid,
                        source,
                        float(cand.get("similarity", 0.0)),
                        SourceRecord.from_json(cand["record"]),
                        str(cand.get("at", "")),
                    )
                )
    return out


def accept_candidates(paths: Paths, chosen: Iterable[tuple[str, str]]) -> int:
    """Apply the (paper id, source) candidates as that source's match; the number applied."""
    chosen = set(chosen)
    applied = 0

    def apply(papers: dict[str, dict[str, object]]) -> None:
        nonlocal applied
        for pid, source in chosen:
            entry = papers.get(pid)
            cands = entry.get("candidates") if entry else None
            if not isinstance(cands, dict) or source not in cands:
                continue
            cand = cands.pop(source)
            assert entry is not None
            sources = entry.setdefault("sources", {})
            assert isinstance(sources, dict) and isinstance(cand, dict)
            sources[source] = {
                "at": cand.get("at", ""),
                "match": "accepted",
                "record": cand.get("record"),
            }
            applied += 1

    EnrichCache(paths.enrich).update(apply)
    return applied
