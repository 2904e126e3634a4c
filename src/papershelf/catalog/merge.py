"""Re-import rules: match parsed papers to catalog papers, so ids and state survive edits."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from operator import attrgetter

from papershelf.catalog.match_keys import PaperKeys
from papershelf.domain.identity import NEAR_IDENTICAL, RELATED, conflict, distinct_id, symbols
from papershelf.domain.models import Paper

_COMMON_WORD = 500
_LONG_KEY_WORDS = 3
"""A title without its short name says which paper only with a few words ("Survey" does not)."""


class Candidates:
    """Catalog papers an entry may be, indexed so matching stays near-linear.

    Exact keys are dict look-ups: an arXiv id or DOI in any venue, a normalised title
    (with or without its short name) in the same venue. The fuzzy title comparison runs
    only on papers of the same venue that share at least half of the title's words (a
    near-identical title does), so a large list does not compare every pair. Evidence
    against (``identity.conflict``) and the reader's ``different`` decisions always win.

    Papers are ``add``ed in order; an index begun while the list parses (``early``) is
    finished by ``reconcile`` when it holds the very papers it would start with.
    """

    def __init__(self, keys: PaperKeys, own: Set[str] = frozenset()) -> None:
        self._keys = keys
        self.own = frozenset(own)
        self._own: dict[str, list[Paper]] = {}
        """The list's own earlier papers by title key, whatever their venue: a re-import
        that corrects the venue (``--venue``) moves them rather than making new ones."""
        self._papers: list[tuple[Paper, str]] = []
        self._by_word: dict[str, dict[str, list[int]]] = {}
        """venue -> word of a title key -> the positions of the papers whose key has it."""
        self._rare: dict[str, dict[str, list[int]]] = {}
        """``_by_word`` of a venue without its common words, made at its first ``find``."""
        self._exact: dict[tuple[str, str], list[Paper]] = {}
        self._by_url: dict[tuple[str, str], list[Paper]] = {}
        self.different: Set[frozenset[str]] = frozenset()
        """The reader's ``different`` pairs (set when matching starts)."""

    def __len__(self) -> int:
        return len(self._papers)

    def fits(self, keys: PaperKeys, own: Set[str], papers: Sequence[Paper]) -> bool:
        """Whether this index, finished with the rest of ``papers``, is the one they make.

        The papers added so far must be the first of ``papers`` (the same objects).
        """
        return (
            keys is self._keys
            and own == self.own
            and len(self._papers) <= len(papers)
            and all(old is new for (old, _), new in zip(self._papers, papers, strict=False))
        )

    def add(self, papers: Iterable[Paper]) -> None:
        keys, titles, own = self._keys, self._keys.titles, self.own
        by_word, exact, by_url = self._by_word, self._exact, self._by_url
        self._rare.clear()
        for paper in papers:
            norm, long_key = titles[paper.title]
            position = len(self._papers)
            self._papers.append((paper, norm))
            venue = paper.venue
            words = by_word.get(venue)
            if words is None:
                words = by_word[venue] = {}
            for word in set(norm.split()):
                words.setdefault(word, []).append(position)
            for key in keys.global_keys(paper):
                exact.setdefault(("", key), []).append(paper)
            for key in {norm, long_key}:
                exact.setdefault((venue, key), []).append(paper)
                if paper.id in own:
                    self._own.setdefault(key, []).append(paper)
            for url in keys.urls(paper):
                by_url.setdefault((venue, url), []).append(paper)

    def _ok(self, new: Paper, old: Paper, taken: set[str] | None) -> bool:
        """Whether ``old`` may be ``new``; ``taken`` (ids other entries matched) is None.

        None is for exact evidence: two entries of one list with the same arXiv id, or the
        same title but for a placeholder short name, are one paper listed twice.
        """
        return (
            (taken is None or old.id not in taken)
            and frozenset((old.id, new.id)) not in self.different
            and conflict(new, old) is None
        )

    def find(self, new: Paper, taken: set[str]) -> Paper | None:
        if not self._papers:
            return None  # a list into a venue of its own: nothing to compare with
        venue = new.venue
        norm, long_key = self._keys.titles[new.title]
        keys = [("", k) for k in self._keys.global_keys(new)] + [(venue, norm), (venue, long_key)]
        for key in keys:
            for hit in self._exact.get(key, ()):
                if self._ok(new, hit, None):
                    return hit
        if self._own:
            for title in (norm, long_key):
                for hit in self._own.get(title, ()):
                    if self._ok(new, hit, taken):
                        return hit
        words = set(norm.split())
        rare = self._rare.get(venue)
        if rare is None:  # words like "efficient" say nothing
            in_venue = self._by_word.get(venue, {})
            rare = self._rare[venue] = {w: b for w, b in in_venue.items() if len(b) <= _COMMON_WORD}
        buckets = list(filter(None, map(rare.get, words)))
        need = max(1, len(words) // 2)
        # A paper shares a word once: with fewer such words than needed, none shares enough
        # (the usual new paper, whose only rare word is its own short name).
        if len(buckets) >= need:
            near = self._near(new, norm, buckets, need, taken)
            if near is not None:
                return near
        # The same landing page with a clearly related title (list URLs get renumbered
        # between versions, so a shared URL alone is not proof).
        for url in self._keys.urls(new):
            for old in self._by_url.get((venue, url), ()):
                if self._ok(new, old, taken) and _ratio_at_least(
                    self._keys.titles[old.title][0], norm, RELATED
                ):
                    return old
        return None

    def _near(
        self, new: Paper, norm: str, buckets: Sequence[Iterable[int]], need: int, taken: set[str]
    ) -> Paper | None:
        """The paper of ``buckets`` (its words') with a near-identical title, most shared first."""
        shared: Counter[int] = Counter()
        for bucket in buckets:
            shared.update(bucket)
        for position, count in shared.most_common():
            if count < need:
                break
            old, old_norm = self._papers[position]
            if not self._ok(new, old, taken) or not _close_lengths(old_norm, norm, NEAR_IDENTICAL):
                continue
            if _ratio_at_least(old_norm, norm, NEAR_IDENTICAL):
                return old
        return None


_EARLY_CHUNK = 1024
"""Papers indexed between two looks at whether the list's parse is in (a few ms)."""


def early_candidates(
    papers: Sequence[Paper], keys: PaperKeys, own: Set[str], until: Callable[[], bool]
) -> Candidates:
    """The index of a venue's ``papers``, begun while the list parses (``reconcile`` ends it).

    Left as far as it got when ``until()`` says the parse is in.
    """
    found = Candidates(keys, own)
    for start in range(0, len(papers), _EARLY_CHUNK):
        if until():
            break
        found.add(papers[start : start + _EARLY_CHUNK])
    return found


def _close_lengths(a: str, b: str, threshold: float) -> bool:
    # ratio <= 2*min/(len a + len b): a cheap bound that skips most pairs.
    return 2 * min(len(a), len(b)) >= threshold * (len(a) + len(b))


def _ratio_at_least(a: str, b: str, threshold: float) -> bool:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    )


@dataclass(frozen=True, slots=True)
class Reconciled:
    """The parsed papers with the ids they keep, and what changed against the catalog."""

    papers: tuple[Paper, ...]
    id_map: dict[str, str]
    """parsed id -> kept catalog id, for renamed papers."""
    new: int
    updated: int
    unchanged: int
    renamed: tuple[tuple[str, str], ...]
    no_longer_listed: tuple[str, ...]
    matched: tuple[tuple[str, str], ...] = ()
    """(catalog title, entry title) of entries found to be a paper another list holds."""


def _exact_keys(paper: Paper, keys: PaperKeys) -> list[tuple[str, str]]:
    norm, long_key = keys.titles[paper.title]
    found = [("", k) for k in keys.global_keys(paper)]
    found.append((paper.venue, norm))
    # A title key's words are split by one space each: as many words as spaces and one.
    if long_key.count(" ") >= _LONG_KEY_WORDS - 1:
        found.append((paper.venue, long_key))
    return found


def _related(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two titles' ``title_keys`` name one paper closely enough to trust a shared link."""
    return a[1] == b[1] or _ratio_at_least(a[0], b[0], RELATED)


def _one_paper_listed_twice(
    papers: list[Paper],
    catalog: Mapping[str, Paper],
    id_map: dict[str, str],
    different: Set[frozenset[str]],
    keys: PaperKeys,
) -> list[Paper]:
    """Entries of one list that are one paper share one id.

    The same arXiv id, or a placeholder name such as ``SystemX: Federated LLM
    Pre-Training`` beside ``Photon: ...``; the id kept is the catalog's oldest, else the
    first entry's. One list does not give one paper two unrelated titles: two entries that
    share only a link (an arXiv id or DOI copied onto the wrong line) stay two papers.
    """
    parent = list(range(len(papers)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, str], int] = {}
    joined = False
    for i, paper in enumerate(papers):
        for key in _exact_keys(paper, keys):
            j = first.setdefault(key, i)
            other = papers[j]
            if (
                j != i
                and other.id != paper.id
                and frozenset((other.id, paper.id)) not in different
                and conflict(other, paper) is None
                and (key[0] or _related(keys.titles[other.title], keys.titles[paper.title]))
            ):
                parent[root(i)] = root(j)
                joined = True
    if not joined:
        return papers  # the usual list: no paper listed twice, nothing to group
    groups: dict[int, list[int]] = {}
    for i in range(len(papers)):
        groups.setdefault(root(i), []).append(i)
    merged = [m for m in groups.values() if len({papers[i].id for i in m}) > 1]
    if not merged:
        return papers
    order = {pid: n for n, pid in enumerate(catalog)}
    out = list(papers)
    moved: dict[str, str] = {}  # an id given up -> the id its group keeps
    for members in merged:
        ids = list(dict.fromkeys(papers[i].id for i in members))
        known = [pid for pid in ids if pid in order]
        keep = min(known, key=order.__getitem__) if known else ids[0]
        moved.update((pid, keep) for pid in ids if pid != keep)
        for i in members:
            if papers[i].id != keep:
                id_map.setdefault(papers[i].id, keep)
                out[i] = replace(papers[i], id=keep)
    for own, kept in id_map.items():  # earlier renames follow their paper, in one pass
        id_map[own] = moved.get(kept, kept)
    return out


_CONTENT_FIELDS = attrgetter(
    "id", "title", "venue", "year", "authors", "topics", "links", "affiliations", "awards"
)
_MORE_FIELDS = attrgetter("remarks", "withdrawn", "also_venues")


def _same_content(old: Paper, new: Paper) -> bool:
    """``_content`` of both is equal; equal fields settle it without building either."""
    if _CONTENT_FIELDS(old) == _CONTENT_FIELDS(new) and _MORE_FIELDS(old) == _MORE_FIELDS(new):
        return True
    return _content(old) == _content(new)


def _content(paper: Paper) -> dict[str, object]:
    data = paper.to_json()
    for volatile in ("source", "line", "lists"):
        data.pop(volatile, None)
    return data


def reconcile(
    parsed: Sequence[Paper],
    catalog: Mapping[str, Paper],
    previous_ids: Iterable[str],
    known_map: Mapping[str, str] | None = None,
    different: Set[frozenset[str]] = frozenset(),
    keys: PaperKeys | None = None,
    early: Candidates | None = None,
) -> Reconciled:
    """Match a freshly parsed list against the catalog.

    ``previous_ids`` are the ids the same list gave last time (empty for a new list);
    ``known_map`` are renames recorded by earlier imports of it. A parsed paper whose id is
    unknown is matched to a catalog paper this list does not list: the same arXiv id or DOI
    (any venue), or within its venue the same title but for a short name, a near-identical
    title, or the same paper link with a related title. ``different`` holds the id pairs the
    reader said are two papers. ``keys`` may hold the catalog papers' keys, and ``early``
    the index of the papers it compares with (``Candidates``), begun while the list was
    parsed; used only where it holds the papers the index starts with, keyed by ``keys``.
    """
    id_map = dict(known_map or {})
    parsed_ids = {id_map.get(p.id, p.id) for p in parsed}
    keys = PaperKeys() if keys is None else keys
    pool = [p for pid, p in catalog.items() if pid not in parsed_ids]
    own = frozenset(previous_ids)
    candidates = early
    if candidates is None or not candidates.fits(keys, own, pool):
        candidates = Candidates(keys, own)
    candidates.different = different
    candidates.add(pool[len(candidates) :])
    taken: set[str] = set()
    out: list[Paper] = []
    new = updated = unchanged = 0
    renamed: list[tuple[str, str]] = []
    matched: list[tuple[str, str]] = []
    before = set(previous_ids)
    for paper in parsed:
        kept = id_map.get(paper.id, paper.id)
        held = catalog.get(kept)
        if (
            held is not None
            and held.title != paper.title  # the same title has the same symbols
            and symbols(held.title) != symbols(paper.title)
        ):
            # ZeRO++ in one list, ZeRO in another: one id by the folded title, two papers.
            kept = id_map[paper.id] = distinct_id(paper.venue, paper.title)
        if kept not in catalog:
            match = candidates.find(paper, taken)
            if match is not None:
                kept = match.id
                id_map[paper.id] = kept
                taken.add(kept)
                if kept not in before:
                    matched.append((match.title, paper.title))
                elif match.title != paper.title:  # the same title in a new venue: no rename
                    renamed.append((match.title, paper.title))
        out.append(replace(paper, id=kept) if kept != paper.id else paper)
    out = _one_paper_listed_twice(out, catalog, id_map, different, keys)
    for paper in {p.id: p for p in reversed(out)}.values():  # a paper listed twice counts once
        old = catalog.get(paper.id)
        if old is None:
            new += 1
        elif _same_content(old, paper):
            unchanged += 1
        else:
            updated += 1
    final_ids = {p.id for p in out}
    gone = tuple(pid for pid in previous_ids if pid not in final_ids)
    return Reconciled(
        tuple(out), id_map, new, updated, unchanged, tuple(renamed), gone, tuple(matched)
    )
