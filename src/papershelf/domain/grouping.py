"""Venues and topics as people mean them: one group per spelling up to case and punctuation.

Spellings that differ only in case, punctuation or spacing are one group, shown in the
group's most common spelling. Lists spell the same venue ``osdi 2022``, ``OSDI'22`` and
``OSDI 2022``, and the same topic ``LLM serving`` and ``llm Serving``. A venue's key is
(series key, year); a small alias table joins series that changed name (NIPS is NeurIPS) or
that people call differently (CoRR is arXiv), and ``config.toml`` can extend it. Pure: no
I/O, linear in the number of papers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from papershelf.domain.models import Paper, Venue
from papershelf.domain.text import fold
from papershelf.domain.venues import split_venue

BUILTIN_ALIASES: Mapping[str, str] = {
    "NIPS": "NeurIPS",
    "NeurIPS": "NeurIPS",
    "CoRR": "arXiv",
    "arXiv": "arXiv",
}
"""Series spelling -> the name shown: NIPS became NeurIPS in 2018; CoRR is arXiv's listing."""

_NOT_WORD = re.compile(r"[^\w+#]+|_+")
"""Punctuation and spacing; ``+`` and ``#`` carry meaning (C, C++ and C# are three topics)."""
_PUBLISHERS = frozenset({"acm", "usenix"})
"""``USENIX ATC`` and ``ACM SOSP`` are ATC and SOSP (only before a one-word name: ``ACM
Computing Surveys`` stays itself)."""
TOPIC_SEP = " > "

VenueKey = tuple[str, int | None]
"""(series key, year): ``OSDI'24`` and ``osdi 2024`` are ("osdi", 2024)."""


@lru_cache(maxsize=1 << 16)
def text_key(text: str) -> str:
    """Case, accents, punctuation and spacing folded away: ``LLM-Serving`` -> ``llmserving``.

    Text of punctuation only (``...``) keeps its folded self rather than an empty key.
    """
    folded = fold(text)
    key = _NOT_WORD.sub("", folded)
    return key or " ".join(folded.split())


def alias_table(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Series key -> the spelling shown, from the built-in aliases and then ``extra``."""
    table: dict[str, str] = {}
    for aliases in (BUILTIN_ALIASES, extra or {}):
        for alias, target in aliases.items():
            table[_series_text_key(alias)] = target
            table.setdefault(_series_text_key(target), target)
    return table


def _series_text_key(name: str) -> str:
    words = name.split()
    if len(words) == 2 and words[0].casefold() in _PUBLISHERS:
        name = words[1]
    return text_key(name)


def series_key(name: str, aliases: Mapping[str, str]) -> str:
    """The group a series name belongs to (``aliases`` from ``alias_table``)."""
    key = _series_text_key(name)
    target = aliases.get(key)
    return key if target is None else text_key(target)


def venue_key(label: str, aliases: Mapping[str, str]) -> VenueKey:
    """``OSDI'24`` -> ("osdi", 2024); an empty label (no venue) is ("", None)."""
    if not label:
        return ("", None)
    name, year = split_venue(label)
    return (series_key(name, aliases), year)


def topic_key(topic: str) -> str:
    """A topic path with each part folded by ``text_key`` (``LLM > Serving`` ~ ``llm>serving``)."""
    parts = " ".join(topic.split()).split(">")
    return TOPIC_SEP.join(text_key(part) for part in parts)


def in_series(label: str, series: str) -> bool:
    """Whether a grouped venue label is ``series`` or one of its years (``OSDI 2024``)."""
    if not label.startswith(series):
        return False
    rest = label[len(series) :]
    return not rest or (rest[0] == " " and rest[1:].isdigit())


def venue_label(series: str, year: int | None) -> str:
    return series if year is None else f"{series} {year}"


class _Tally:
    """Most common spelling per key; ties go to the spelling seen first."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}

    def add(self, key: str, spelling: str, n: int) -> None:
        found = self.counts.get(key)
        if found is None:
            found = self.counts[key] = Counter()
        found[spelling] += n

    def winners(self) -> dict[str, str]:
        # Counter keeps insertion order and max() returns the first maximum: first seen wins.
        return {key: max(c, key=c.__getitem__) for key, c in self.counts.items()}


@dataclass(frozen=True, slots=True)
class Spellings:
    """The spelling each group is shown in; rewrites labels and topics of any list."""

    aliases: Mapping[str, str]
    series: Mapping[str, str]
    """Series key -> name shown."""
    topic_parts: Mapping[str, str]
    """Key of one part of a topic path -> the part shown."""

    def venue(self, label: str) -> str:
        """The grouped label (``osdi'22`` -> ``OSDI 2022``); unknown series keep their name."""
        if not label:
            return label
        name, year = split_venue(label)
        shown = self.series.get(series_key(name, self.aliases), name)
        return venue_label(shown, year)

    def topics(self, topics: Sequence[str]) -> tuple[str, ...]:
        """Each part in its group's spelling; topics that become equal are kept once."""
        parts = self.topic_parts
        out = (
            TOPIC_SEP.join(parts.get(text_key(p), p) for p in t.split(TOPIC_SEP)) for t in topics
        )
        return tuple(dict.fromkeys(out))


@dataclass(frozen=True, slots=True)
class Grouped:
    papers: list[Paper]
    venues: dict[str, Venue]
    """Grouped label -> the venue record (meta info united across spellings)."""
    spellings: Spellings


def spellings_of(
    papers: Sequence[Paper], venues: Iterable[Venue], extra_aliases: Mapping[str, str] | None = None
) -> Spellings:
    """Count every spelling (by papers) and pick each group's most common one."""
    aliases = alias_table(extra_aliases)
    series = _Tally()
    parts = _Tally()
    labels = Counter(p.venue for p in papers)
    labels.update(v for p in papers if p.also_venues for v in p.also_venues)
    for venue in venues:
        labels.setdefault(venue.label, 0)  # a venue no paper names still has a spelling
    for label, n in labels.items():
        if label:
            name, _year = split_venue(label)
            series.add(series_key(name, aliases), name, n)
    for topics, n in Counter(p.topics for p in papers if p.topics).items():
        for topic in topics:
            for part in topic.split(TOPIC_SEP):
                parts.add(text_key(part), part, n)
    shown = series.winners()
    for key in shown:
        target = aliases.get(key)
        if target is not None:  # an alias target is spelled as the table says
            shown[key] = target
    return Spellings(aliases, shown, parts.winners())


def group_catalog(
    papers: Sequence[Paper],
    venues: Mapping[str, Venue],
    extra_aliases: Mapping[str, str] | None = None,
) -> Grouped:
    """The papers with venue labels and topics in their group's spelling, venues re-keyed.

    A paper is replaced only when something changed, and equal labels and topic tuples are
    one shared object: 50,000 papers cost two passes and a few thousand distinct values.
    """
    spellings = spellings_of(papers, venues.values(), extra_aliases)
    labels: dict[str, str] = {}
    topic_lists: dict[tuple[str, ...], tuple[str, ...]] = {}
    shared: dict[object, Any] = {}
    share = shared.setdefault  # equal new values are one object
    out: list[Paper] = []
    for paper in papers:
        label = labels.get(paper.venue)
        if label is None:
            label = spellings.venue(paper.venue)
            label = labels[paper.venue] = share(label, label)
        topics = topic_lists.get(paper.topics)
        if topics is None:
            topics = spellings.topics(paper.topics)
            topics = topic_lists[paper.topics] = share(topics, topics)
        also = paper.also_venues
        if also:
            also = tuple(dict.fromkeys(v for v in map(spellings.venue, also) if v != label))
        if label != paper.venue or topics != paper.topics or also != paper.also_venues:
            paper = replace(paper, venue=label, topics=topics, also_venues=also)
        out.append(paper)
    return Grouped(out, _regroup_venues(venues, spellings), spellings)


def respell(papers: Sequence[Paper], spellings: Spellings) -> list[Paper]:
    """A list's papers spelled as the catalog spells their groups (to compare with it)."""
    labels: dict[str, str] = {}
    topic_lists: dict[tuple[str, ...], tuple[str, ...]] = {}
    out: list[Paper] = []
    for paper in papers:
        label = labels.get(paper.venue)
        if label is None:
            label = labels[paper.venue] = spellings.venue(paper.venue)
        topics = topic_lists.get(paper.topics)
        if topics is None:
            topics = topic_lists[paper.topics] = spellings.topics(paper.topics)
        if label != paper.venue or topics != paper.topics:
            paper = replace(paper, venue=label, topics=topics)
        out.append(paper)
    return out


def _regroup_venues(venues: Mapping[str, Venue], spellings: Spellings) -> dict[str, Venue]:
    """One record per group, in first-seen order; the first homepage or rate found is kept."""
    out: dict[str, Venue] = {}
    for venue in venues.values():
        label = spellings.venue(venue.label)
        name, year = split_venue(label)
        old = out.get(label)
        if old is None:
            out[label] = replace(venue, name=name, year=year)
            continue
        out[label] = replace(
            old,
            homepage=old.homepage or venue.homepage,
            paper_list=old.paper_list or venue.paper_list,
            acceptance_rate=old.acceptance_rate or venue.acceptance_rate,
        )
    return out


def clean_aliases(table: Mapping[str, object], where: str) -> tuple[dict[str, str], list[str]]:
    """The usable entries of a ``[venue_aliases]`` table, and a line for each one ignored."""
    good: dict[str, str] = {}
    problems: list[str] = []
    for alias, target in table.items():
        if not isinstance(target, str) or not target.strip() or not text_key(alias).strip():
            problems.append(
                f'{where}: [venue_aliases] {alias!r} ignored: write it as {alias} = "Name"'
            )
            continue
        if split_venue(target.strip())[1] is not None or split_venue(alias)[1] is not None:
            problems.append(
                f"{where}: [venue_aliases] {alias!r} ignored: name a series, without a year"
            )
            continue
        good[" ".join(alias.split())] = " ".join(target.split())
    return good, problems
