"""What matching asks of a paper, worked out once per import: title keys, evidence, paper URLs.

An import into a venue that already holds papers compares the list with them: each catalog
paper's title keys, arXiv ids and DOIs, and paper URLs are needed. None of that depends on
the list, so a command-line import works it out while the list is still being parsed on the
other core (``PaperKeys.prepare``), and matching then only looks it up. The answers are the
same whether a paper was prepared or not: preparing only moves the work earlier.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence, Set
from typing import Protocol

from papershelf.domain.identity import arxiv_ids_and_dois, paper_urls, title_keys
from papershelf.domain.models import Paper


class TitleKeys(dict[str, tuple[str, str]]):
    """``title_keys`` of each title, worked out once per import (asked two or three times)."""

    def __missing__(self, title: str) -> tuple[str, str]:
        keys = self[title] = title_keys(title)
        return keys


_Evidence = tuple[frozenset[str], frozenset[str]]
_CHUNK = 2048
"""Papers prepared between two looks at whether the list's parse is in (a few ms)."""

Share = tuple[int, list[tuple[str, str]], list[frozenset[str]], list[_Evidence]]
"""The keys of a run of a list's papers (``shares_of``): where the run starts, then each
paper's title keys, paper URLs, and arXiv ids and DOIs."""
_SHARE_CHUNK = 256
"""A list's papers worked out between two looks at whether more of their keys came."""
_WAIT = 0.01
"""Longest wait for the parse's next part when every paper that came is worked out."""


def shares_of(papers: Sequence[Paper]) -> Iterator[Share]:
    """The keys of ``papers`` as ``PaperKeys`` works them out, in runs from the last paper back.

    The parse's child sends them while this process works forward from the first paper
    (``PaperKeys.work_out``): the two meet wherever their speeds make them, and the child
    stops when this process no longer reads.
    """
    for end in range(len(papers), 0, -_SHARE_CHUNK):
        start = max(0, end - _SHARE_CHUNK)
        titles, urls, evidence = [], [], []
        for paper in papers[start:end]:
            titles.append(title_keys(paper.title))
            urls.append(paper_urls(paper.links))
            evidence.append(_evidence_of(paper))
        yield start, titles, urls, evidence


_NONE: frozenset[str] = frozenset()
_NO_EVIDENCE: _Evidence = (_NONE, _NONE)


def _evidence_of(paper: Paper) -> _Evidence:
    """(arXiv ids, DOIs) of the paper's links; most papers share the empty sets (memory)."""
    ids, dois = arxiv_ids_and_dois(paper.links)
    if not ids and not dois:
        return _NO_EVIDENCE
    return (frozenset(ids) if ids else _NONE, frozenset(dois) if dois else _NONE)


class ShareSource(Protocol):
    """Where the list's papers and some of their keys come from (the child parsing it)."""

    def ready(self) -> bool:
        """Whether the whole parse is in (reading the papers that came meanwhile)."""
        ...

    def arrived(self) -> Sequence[Paper]:
        """The papers that came so far, in the list's order (the parse's first ones)."""
        ...

    def wait(self, seconds: float) -> None:
        """Returns when more of the parse came, or after ``seconds``."""
        ...

    def shares(self) -> list[Share]:
        """The runs of keys (``shares_of``) that came since last asked, without waiting for more."""
        ...

    def enough(self) -> None:
        """No more keys are wanted: the child may end now."""
        ...


class PaperKeys:
    """One import's memo of each paper's keys.

    Papers are remembered by identity (the memo holds each one, so an id is never reused
    while it is in there): catalog papers are the same objects from the load to the match.
    """

    def __init__(self) -> None:
        self.titles = TitleKeys()
        self._evidence: dict[int, tuple[Paper, _Evidence]] = {}
        self._urls: dict[int, tuple[Paper, frozenset[str]]] = {}
        self._catalog: Mapping[str, Paper] | None = None
        self._with_evidence: list[tuple[str, Paper, frozenset[str]]] = []
        self._by_evidence: dict[str, list[int]] = {}
        """An arXiv id or DOI -> where the papers that have it are in ``_with_evidence``."""
        self._folded: Collection[str] = frozenset()
        self.in_venues: list[tuple[str, Paper]] = []
        """(id, paper) of the prepared catalog's papers in the venues prepared, in its order."""

    def arxiv_and_dois(self, paper: Paper) -> _Evidence:
        known = self._evidence.get(id(paper))
        if known is not None and known[0] is paper:
            return known[1]
        found = _evidence_of(paper)
        self._evidence[id(paper)] = (paper, found)
        return found

    def global_keys(self, paper: Paper) -> list[str]:
        """Exact evidence that holds across venues: an arXiv id or a DOI."""
        ids, dois = self.arxiv_and_dois(paper)
        if not dois:  # most papers: an arXiv id or none
            return ["arxiv:" + a for a in sorted(ids)] if ids else []
        return ["arxiv:" + a for a in sorted(ids)] + ["doi:" + d for d in sorted(dois)]

    def evidence(self, paper: Paper) -> frozenset[str]:
        """``identity.evidence_keys`` of the paper's links."""
        ids, dois = self.arxiv_and_dois(paper)
        return ids | dois if ids and dois else ids or dois

    def urls(self, paper: Paper) -> frozenset[str]:
        """``identity.paper_urls`` of the paper's links."""
        known = self._urls.get(id(paper))
        if known is not None and known[0] is paper:
            return known[1]
        found = paper_urls(paper.links)
        self._urls[id(paper)] = (paper, found)
        return found

    def with_evidence(
        self, by_id: Mapping[str, Paper]
    ) -> Iterator[tuple[str, Paper, frozenset[str]]]:
        """The papers of ``by_id`` that have an arXiv id or a DOI, in its order."""
        if by_id is self._catalog:
            yield from self._with_evidence
            return
        for pid, paper in by_id.items():
            found = self.evidence(paper)
            if found:
                yield pid, paper, found

    def sharing(
        self, by_id: Mapping[str, Paper], wanted: Set[str]
    ) -> Iterator[tuple[str, Paper, frozenset[str]]]:
        """``with_evidence`` but only the papers with an arXiv id or DOI in ``wanted``.

        Prepared, a look-up per key wanted instead of a pass over every such paper.
        """
        if by_id is not self._catalog:
            for found in self.with_evidence(by_id):
                if not wanted.isdisjoint(found[2]):
                    yield found
            return
        at = self._by_evidence
        for n in sorted({n for key in wanted for n in at.get(key, ())}):
            yield self._with_evidence[n]

    def venue_papers(self, by_id: Mapping[str, Paper], venues: Set[str]) -> dict[str, Paper] | None:
        """The papers of ``by_id`` in ``venues``, in its order; None if not prepared for them."""
        if by_id is not self._catalog or any(v.casefold() not in self._folded for v in venues):
            return None
        return {pid: p for pid, p in self.in_venues if p.venue in venues}

    def meanwhile(self, source: ShareSource) -> None:
        """Work out the keys of the papers that came while the rest is still being parsed.

        For a process that has prepared the catalog's side before the parse is in: it would
        wait for the parse otherwise, then work these out (``work_out`` finds them done).
        """
        done = 0
        while not source.ready():
            papers = source.arrived()
            if done >= len(papers):
                source.wait(_WAIT)
                continue
            self._keys_of(papers[done : done + _SHARE_CHUNK])
            done = min(done + _SHARE_CHUNK, len(papers))

    def work_out(self, papers: Sequence[Paper], source: ShareSource) -> None:
        """Work out the keys of a list's papers from the first on, the last ones by ``source``.

        ``source`` sends runs from the last paper back (``shares_of``); it is asked every
        ``_SHARE_CHUNK`` papers, and the work here ends where its runs have come to.
        """
        n, low = 0, len(papers)
        while n < low:
            low = self._take(papers, source.shares(), low)
            self._keys_of(papers[n : min(n + _SHARE_CHUNK, low)])
            n += _SHARE_CHUNK
        source.enough()

    def _keys_of(self, papers: Sequence[Paper]) -> None:
        for paper in papers:
            self.titles[paper.title]  # worked out and kept by ``__missing__``
            self.urls(paper)
            self.arxiv_and_dois(paper)

    def _take(self, papers: Sequence[Paper], shares: list[Share], low: int) -> int:
        """Keep the runs that go on from ``low`` back; the new ``low``.

        A run that does not (another list's keys, by its place and length) and those after
        it are left.
        """
        for start, titles, urls, evidence in shares:
            run = papers[start:low]
            lengths = {len(run), len(titles), len(urls), len(evidence)}
            if start < 0 or len(lengths) > 1 or not run:
                break
            for paper, keys, found, ids in zip(run, titles, urls, evidence, strict=True):
                self.titles.setdefault(paper.title, keys)
                self._urls.setdefault(id(paper), (paper, found))
                self._evidence.setdefault(id(paper), (paper, ids))
            low = start
        return low

    def prepare(
        self,
        by_id: Mapping[str, Paper],
        venues: Collection[str],
        *,
        until: Callable[[], bool] | None = None,
    ) -> None:
        """Work out the keys a list into ``venues`` (folded) of this catalog will ask for.

        Stops early when ``until()`` (asked every ``_CHUNK`` papers) says the list is in:
        what is left is then worked out as matching asks for it.
        """
        with_evidence: list[tuple[str, Paper, frozenset[str]]] = []
        by_evidence: dict[str, list[int]] = {}
        in_venues = []
        for n, (pid, paper) in enumerate(by_id.items(), 1):
            found = self.evidence(paper)
            if found:
                for key in found:
                    by_evidence.setdefault(key, []).append(len(with_evidence))
                with_evidence.append((pid, paper, found))
            if paper.venue.casefold() in venues:
                self.titles[paper.title]  # worked out and kept by ``__missing__``
                self.urls(paper)
                in_venues.append((pid, paper))
            if until is not None and n % _CHUNK == 0 and until():
                return
        self._catalog, self._with_evidence, self._by_evidence = by_id, with_evidence, by_evidence
        self._folded, self.in_venues = venues, in_venues
