"""Importing one list: parse it, match it against the catalog, store it with its id map.

Apart from the Library so that module stays about the use cases; the parser and the
re-import matcher load only when a list is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from papershelf.catalog.source import check_list_path
from papershelf.domain.clock import now_exact, now_iso
from papershelf.domain.grouping import respell
from papershelf.domain.ids import paper_id
from papershelf.domain.models import Link, Paper, PaperState, ParsedList, Venue
from papershelf.domain.text import sanitize
from papershelf.domain.venues import split_venue
from papershelf.errors import ListError, UsageError
from papershelf.services import catalog_delta
from papershelf.services.counting import count_ids
from papershelf.services.results import ImportReport, ListInfo
from papershelf.storage.catalog_cache import digest as sha256
from papershelf.storage.catalog_store import Catalog, CatalogStore, ListRecord
from papershelf.storage.list_record import list_name

if TYPE_CHECKING:
    from papershelf.catalog.match_keys import PaperKeys, ShareSource

__all__ = ["check_list_path", "import_one", "manual_paper", "require_utf8_name"]

IMPORT_STAGES = ("parsing", "matching", "saving", "loading")
"""The steps of importing one list, in order (``loading`` is the catalog's reload)."""
StageFn = Callable[[int, str], None]
"""Told ``(index in IMPORT_STAGES, name)`` as each step of an import starts."""
ImportProgressFn = Callable[[int, int, str], None]
"""``(steps done, steps in all, label)`` while lists are imported."""


def stage_reporters(
    progress: ImportProgressFn | None, names: Sequence[str]
) -> list[StageFn | None]:
    """One stage callback per list, telling ``progress`` where the whole import stands."""
    if progress is None:
        return [None] * len(names)
    total = len(IMPORT_STAGES) * len(names)

    def reporter(n: int, name: str) -> StageFn:
        def stage(index: int, step: str) -> None:
            progress(len(IMPORT_STAGES) * n + index, total, f"{name}: {step}")

        return stage

    return [reporter(n, name) for n, name in enumerate(names)]


def report_done(progress: ImportProgressFn | None, lists: int) -> None:
    if progress is not None:
        steps = len(IMPORT_STAGES) * lists
        progress(steps, steps, "done")


def require_utf8_name(path: Path) -> None:
    """The catalog records where a list came from as text: a name that is not UTF-8 can't be."""
    try:
        str(path.resolve()).encode("utf-8")
    except UnicodeEncodeError:
        raise ListError(
            f"{path}: the file name is not valid UTF-8; rename the file and import it again"
        ) from None


def import_one(
    store: CatalogStore,
    catalog: Catalog,
    path: Path,
    text: str,
    *,
    venue: str | None,
    dry_run: bool,
    origin: tuple[str, str] | None = None,
    stage: StageFn | None = None,
    different: Set[frozenset[str]] = frozenset(),
    parse: Callable[[], ParsedList] | None = None,
    prepare: Callable[[], bool] | None = None,
    keep: list[object] | None = None,
    share: ShareSource | None = None,
) -> ImportReport:
    """Parse one list and match it against the catalog; store it unless ``dry_run``.

    ``origin`` is (URL, list name) for a list fetched over the network; ``stage`` is told
    each step as it starts (``IMPORT_STAGES``), for a progress bar; ``parse`` gives the
    list's parse when it was started earlier (``parse_ahead``). While that parse runs on
    another core, the catalog's side of the matching is worked out (the papers of the
    venue named, or of the list's last import), until ``prepare`` says the parse is in.
    ``keep`` takes the matching's keys and index instead of freeing them here (tens of
    milliseconds at 60,000 papers, for a process about to end without freeing), in place
    of what the import before left there. ``share`` (the parse's child) works out part of
    the list's papers' keys once it has parsed them; the keys of those that came before the
    parse's end are worked out here while waiting for it.
    """
    from papershelf.catalog.match_keys import PaperKeys
    from papershelf.catalog.merge import early_candidates, reconcile

    def step(name: str) -> None:
        if stage is not None:
            stage(IMPORT_STAGES.index(name), name)

    step("parsing")
    records = store.records()
    source = origin[0] if origin else str(path.resolve())
    name = origin[1] if origin else list_name(path)
    previous = next((r for r in records if r.source == source), None) or next(
        (r for r in records if r.name == name and not r.bundled and not origin), None
    )
    if previous is not None:
        name = previous.name
    keys, early = PaperKeys(), None
    if prepare is not None:
        named = ([venue] if venue else []) + (previous.venues if previous else [])
        keys.prepare(catalog.by_id, {v.casefold() for v in named}, until=prepare)
        # Those venues' papers, indexed as matching will compare the list with them.
        own = previous.ids if previous else ()
        early = early_candidates([p for _, p in keys.in_venues], keys, set(own), prepare)
        if share is not None:  # rather than wait idle for the parse's end
            keys.meanwhile(share)
    parsed = _parse(text, path.name, venue) if parse is None else parse()
    step("matching")
    # Compared as the catalog spells venues and topics: "osdi 2022" is its "OSDI 2022".
    papers = respell(parsed.papers, catalog.spellings) if catalog.spellings else parsed.papers
    if share is not None:  # this process from the first paper, the child from the last
        keys.work_out(papers, share)
    scope = reconcile_scope(
        catalog,
        papers,
        previous.id_map if previous else {},
        name if previous else None,
        previous.ids if previous else (),
        keys,
    )
    if keep is not None:  # the last import's only: a batch of lists holds one at a time
        keep[:] = [keys, scope] if early is None else [keys, early, scope]
    rec = reconcile(
        papers,
        scope,
        previous.ids if previous else (),
        previous.id_map if previous else None,
        different,
        keys,
        early,
    )
    venues = tuple(dict.fromkeys(p.venue for p in rec.papers))
    if catalog.spellings is not None:  # as the catalog will show them, this list counted in
        venues = tuple(dict.fromkeys(map(catalog.spellings.counting(parsed.papers).venue, venues)))
    if not dry_run:
        step("saving")
        digest = sha256(text)
        record = ListRecord(
            name=name,
            source=source,
            sha256=digest,
            imported_at=now_iso(),
            venue=venue,
            id_map={k: v for k, v in rec.id_map.items() if k != v},
            ids=[p.id for p in rec.papers],
            venues=list(venues),
            added=previous.added if previous else [],
        )
        # The cache can take the papers as parsed when the load would parse the same way.
        same = source.rsplit("/", 1)[-1] == path.name
        store.save_list(record, text, parsed if same else None, digest)
    unique = {p.id: p for p in rec.papers}
    return ImportReport(
        source=origin[0] if origin else str(path),
        name=name,
        venues=venues,
        found=len(unique),
        new=rec.new,
        updated=rec.updated,
        unchanged=rec.unchanged,
        withdrawn=sum(p.withdrawn for p in unique.values()),
        no_longer_listed=len(rec.no_longer_listed),
        renamed=rec.renamed,
        matched=rec.matched,
        skipped=parsed.skipped,
        unsafe_links=parsed.unsafe_links,
        papers=rec.papers,
        joined=len(unique.keys() - catalog.by_id.keys()),  # the truth after a load
        replaces=previous.source if previous and previous.source != source else None,
        repeats=len(rec.papers) - len(unique),
    )


def _parse(text: str, source: str, venue: str | None) -> ParsedList:
    """The list parsed here; the parser is imported only then (a list parsed ahead is not)."""
    from papershelf.catalog.markdown_list import parse_list

    return parse_list(text, source=source, venue=venue)


def settle(
    report: ImportReport,
    store: CatalogStore,
    before: Catalog,
    after: Catalog,
    states: Mapping[str, PaperState],
    at: str | None,
) -> ImportReport:
    """The report with the papers that truly joined and left the catalog (recorded for ``new``).

    ``at`` is the time of the whole import: one command's lists share it, one import.
    """
    at = at or now_exact()
    change = catalog_delta.settle(store, before, after, states, name=report.name, at=at)
    # Withdrawn as the catalog has it: another list may withdraw a paper this one gives.
    ids = {p.id for p in report.papers}
    withdrawn = sum(after.by_id[pid].withdrawn for pid in ids if pid in after.by_id)
    return replace(report, joined=len(change.joined), left=len(change.left), withdrawn=withdrawn)


def reconcile_scope(
    catalog: Catalog,
    parsed: Sequence[Paper],
    id_map: Mapping[str, str],
    list_name: str | None = None,
    previous_ids: Iterable[str] = (),
    keys: PaperKeys | None = None,
) -> dict[str, Paper]:
    """The catalog papers ``reconcile`` can match.

    The list's venues, kept ids, the list's own earlier papers (``previous_ids``: their
    venue may be the one a re-import corrects), and papers of any venue sharing an arXiv id
    or DOI with the list (``list_name``'s own records of papers it shares with other lists).

    Other papers can never match, and leaving them out keeps an import from scanning the
    whole catalog for every new paper: the same answer, linear instead of quadratic.
    """
    from papershelf.catalog.match_keys import PaperKeys

    keys = PaperKeys() if keys is None else keys
    by_id = catalog.by_id
    venues = {p.venue for p in parsed}
    kept = {p.id for p in parsed} | {id_map.get(p.id, p.id) for p in parsed}
    scope = keys.venue_papers(by_id, venues)
    if scope is None:
        scope = {pid: p for pid, p in by_id.items() if p.venue in venues}
    scope.update((pid, by_id[pid]) for pid in kept if pid in by_id)
    scope.update((pid, by_id[pid]) for pid in previous_ids if pid in by_id)
    wanted = {k for p in parsed for k in keys.evidence(p)}
    if wanted:
        for pid, paper, _ in keys.sharing(by_id, wanted):
            if pid not in scope:
                scope[pid] = paper
    if list_name is not None:
        # A paper other lists hold too is compared with this list's own record of it, so
        # a re-import reports what this list changed, not what the others add.
        for pid, records in catalog.shared.items():
            if pid in scope:
                own = next((r for name, r in records if name == list_name), None)
                if own is not None:  # spelled as the parsed papers are compared
                    scope[pid] = respell([own], catalog.spellings)[0] if catalog.spellings else own
    return scope


MANUAL_LIST = "added-by-hand"


def manual_paper(
    title: str, venue: str, *, url: str | None = None, authors: Sequence[str] = ()
) -> Paper:
    """The paper ``papershelf add`` describes, checked and cleaned like an imported one."""
    title, venue = sanitize(title).strip(), sanitize(venue).strip()
    url = None if url is None else sanitize(url).strip()
    if not title or not venue:
        raise UsageError("add needs a non-empty --title and --venue")
    if url is not None and not url.startswith(("http://", "https://")):
        raise UsageError(f"--url must be an http or https link, not {url!r}")
    name, year = split_venue(venue)
    label = Venue(name, year).label
    return Paper(
        id=paper_id(label, title),
        title=title,
        venue=label,
        year=year,
        authors=tuple(sanitize(a).strip() for a in authors if a.strip()),
        links=(Link("paper", url),) if url else (),
        source=MANUAL_LIST,
    )


def list_infos(store: CatalogStore, catalog: Catalog) -> list[ListInfo]:
    """One summary per imported list (``papershelf lists``)."""
    out = []
    for record in store.records():
        ids = catalog.members.get(record.name, [])
        venues = tuple(dict.fromkeys(catalog.by_id[i].venue for i in ids if i in catalog.by_id))
        count = count_ids(ids, catalog.by_id)
        out.append(
            ListInfo(
                name=record.name,
                source=record.source,
                venues=venues,
                papers=count.papers,
                withdrawn=count.withdrawn,
                imported_at=record.imported_at,
                bundled=record.bundled,
                problem=catalog.problems.get(record.name),
            )
        )
    return out
