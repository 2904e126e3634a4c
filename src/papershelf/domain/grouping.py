"""Venues and topics as people mean them: one group per spelling up to case and punctuation.

Spellings that differ only in case, punctuation or spacing are one group, shown in the
group's most common spelling. Lists spell the same venue ``osdi 2022``, ``OSDI'22`` and
``OSDI 2022``, and the same topic ``LLM serving`` and ``llm Serving``. A venue's key is
(series key, year); a small alias table joins series that changed name (NIPS is NeurIPS) or
that people call differently (CoRR is arXiv), and ``config.toml`` can extend it; a series
written out in full is its short name (``full_names``). Pure: no
I/O, linear in the number of papers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter, or_
from typing import Any

from papershelf.domain.full_names import short_series
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
    """``ACM SOSP`` and ``ACM SIGCOMM CCR`` group with ``SOSP`` and ``SIGCOMM CCR``.

    A publisher before a series' short name is no part of it; before words (``IEEE
    Transactions on Computers``) it stays.
    """
    words = name.split()
    published = len(words) >= 2 and words[0].casefold() in _PUBLISHERS
    if published and (len(words) == 2 or _SHORT_NAME.fullmatch(words[1])):
        name = " ".join(words[1:])
    return text_key(name)


_SHORT_NAME = re.compile(r"[A-Z][A-Z0-9&]+")


def _named(name: str, aliases: Mapping[str, str]) -> str:
    """``name``, or its series' short name when written in full and no alias names it.

    An alias of the full name (``config.toml``) is the reader's word and goes first.
    """
    return name if _series_text_key(name) in aliases else short_series(name)


def series_key(name: str, aliases: Mapping[str, str]) -> str:
    """The group a series name belongs to (``aliases`` from ``alias_table``)."""
    name = _named(name, aliases)  # "Advances in Neural Information Processing Systems": NeurIPS
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


def _capitals(text: str) -> int:
    return sum(ch.isupper() for ch in text)


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
        # A tie goes to the spelling with more capitals (``OSDI 2004`` over ``osdi 2004``),
        # then to the first in sort order: never to the order the lists came in.
        return {
            key: min(c, key=lambda t: (-c[t], -_capitals(t), t)) for key, c in self.counts.items()
        }


@dataclass(frozen=True, slots=True)
class Spellings:
    """The spelling each group is shown in; rewrites labels and topics of any list."""

    aliases: Mapping[str, str]
    series: Mapping[str, str]
    """Series key -> name shown."""
    topic_parts: Mapping[str, str]
    """Key of one part of a topic path -> the part shown."""

    counts: _Counts | None = None
    """The spellings counted (each list's own), so that another list can be counted in."""

    def venue(self, label: str) -> str:
        """The grouped label: ``osdi'22`` -> ``OSDI 2022``.

        A series the catalog does not have yet is spelled as the alias table says, else as
        given.
        """
        if not label:
            return label
        name, year = split_venue(label)
        name = _named(name, self.aliases)
        target = self.aliases.get(_series_text_key(name))
        key = _series_text_key(name) if target is None else text_key(target)
        return venue_label(self.series.get(key) or target or name, year)

    def topics(self, topics: Sequence[str]) -> tuple[str, ...]:
        """Each part in its group's spelling; topics that become equal are kept once."""
        parts = self.topic_parts
        out = (
            TOPIC_SEP.join(parts.get(text_key(p), p) for p in t.split(TOPIC_SEP)) for t in topics
        )
        return tuple(dict.fromkeys(out))

    def counting(self, papers: Sequence[Paper]) -> Spellings:
        """The spellings once ``papers`` (a list being imported) are counted in too."""
        mine = self.counts or _Counts(Counter(), Counter(), Counter())
        theirs = _Counts.of(papers, ())
        return _spellings(
            _Counts(
                mine.labels + theirs.labels,
                mine.topic_lists + theirs.topic_lists,
                mine.topics + theirs.topics,
            ),
            self.aliases,
        )


@dataclass(frozen=True, slots=True)
class Grouped:
    """What ``group_catalog`` gives: the papers as shown, their venues, the spellings chosen."""

    papers: list[Paper]
    venues: dict[str, Venue]
    """Grouped label -> the venue record (meta info united across spellings)."""
    spellings: Spellings


@dataclass(slots=True)
class _Counts:
    """How many papers use each venue label, topic list and topic (each distinct value once)."""

    labels: Counter[str]
    topic_lists: Counter[tuple[str, ...]]
    topics: Counter[str]

    @classmethod
    def of(cls, papers: Sequence[Paper], venues: Iterable[Venue]) -> _Counts:
        # map + attrgetter: the counting runs in C, once per paper; the rest per distinct value.
        labels = Counter(map(_VENUE, papers))
        labels.update(v for also in filter(None, map(_ALSO, papers)) for v in also)
        for venue in venues:
            labels.setdefault(venue.label, 0)  # a venue no paper names still has a spelling
        topic_lists = Counter(map(_TOPICS, papers))
        topics: Counter[str] = Counter()
        for topic_list, n in topic_lists.items():
            for topic in topic_list:
                topics[topic] += n
        return cls(labels, topic_lists, topics)


_NAMES = [f.name for f in fields(Paper)]
_FIELDS = attrgetter(*_NAMES)
_AT_VENUE, _AT_TOPICS, _AT_ALSO = map(_NAMES.index, ("venue", "topics", "also_venues"))
_VENUE = attrgetter("venue")
_TOPICS = attrgetter("topics")
_ALSO = attrgetter("also_venues")


def spellings_of(
    papers: Sequence[Paper], venues: Iterable[Venue], extra_aliases: Mapping[str, str] | None = None
) -> Spellings:
    """Count every spelling (by papers) and pick each group's most common one."""
    return _spellings(_Counts.of(papers, venues), alias_table(extra_aliases))


def _spellings(counts: _Counts, aliases: Mapping[str, str]) -> Spellings:
    series = _Tally()
    parts = _Tally()
    for label, n in counts.labels.items():
        if label:
            name, _year = split_venue(label)
            # A series written in full counts as a use of its short name, the one shown.
            series.add(series_key(name, aliases), _named(name, aliases), n)
    for topic, n in counts.topics.items():
        for part in topic.split(TOPIC_SEP):
            parts.add(text_key(part), part, n)
    shown = series.winners()
    for key in shown:
        target = aliases.get(key)
        if target is not None:  # an alias target is spelled as the table says
            shown[key] = target
    return Spellings(aliases, shown, parts.winners(), counts)


def group_catalog(
    papers: Sequence[Paper],
    venues: Mapping[str, Venue],
    extra_aliases: Mapping[str, str] | None = None,
) -> Grouped:
    """The papers with venue labels and topics in their group's spelling, venues re-keyed.

    Spellings are counted and chosen per distinct label and topic (a few thousand at 50,000
    papers); only then are the papers walked, and only when some spelling changes. A paper
    is replaced only when something of it changed, and equal new values are one object.
    """
    counts = _Counts.of(papers, venues.values())
    spellings = _spellings(counts, alias_table(extra_aliases))
    regrouped = _regroup_venues(venues, spellings)
    labels = {v: shown for v in counts.labels if (shown := spellings.venue(v)) != v}
    changed = {t for t in counts.topics if spellings.topics((t,))[0] != t}
    topic_lists = {
        t: respelled
        for t in (counts.topic_lists if changed else ())  # none to respell: most catalogs
        if not changed.isdisjoint(t) and (respelled := spellings.topics(t)) != t
    }
    return Grouped(_rewrite(papers, labels, topic_lists, spellings), regrouped, spellings)


def respell(papers: Sequence[Paper], spellings: Spellings) -> list[Paper]:
    """Papers spelled as the catalog spells their groups.

    A new list's papers, to compare them with the catalog; or papers combined again after the
    reader's same/different decisions.
    """
    labels = {v: shown for v in set(map(_VENUE, papers)) if (shown := spellings.venue(v)) != v}
    topic_lists = {
        t: respelled for t in set(map(_TOPICS, papers)) if (respelled := spellings.topics(t)) != t
    }
    return _rewrite(papers, labels, topic_lists, spellings)


def _rewrite(
    papers: Sequence[Paper],
    labels: Mapping[str, str],
    topic_lists: Mapping[tuple[str, ...], tuple[str, ...]],
    spellings: Spellings,
) -> list[Paper]:
    """The papers with the new labels and topic lists; the others (most) are kept as they are.

    Without other venues to respell, the papers to change are found at C speed and only
    they are walked (a thousand or two of 60,000: a walk of all was about 10 ms a load).
    """
    also_venues = any(map(_ALSO, papers))
    out = list(papers)
    if not labels and not topic_lists and not also_venues:
        return out
    shared: dict[object, Any] = {}
    share = shared.setdefault  # equal new values are one object
    changing: Iterable[int] = range(len(out))
    if not also_venues:
        in_labels = map(labels.__contains__, map(_VENUE, out))
        in_topics = map(topic_lists.__contains__, map(_TOPICS, out))
        changing = compress(count(), map(or_, in_labels, in_topics))
    for n in changing:
        paper = out[n]
        label = labels.get(paper.venue)
        topics = topic_lists.get(paper.topics)
        also = paper.also_venues
        if also:
            main = paper.venue if label is None else label
            new_also = tuple(dict.fromkeys(v for v in map(spellings.venue, also) if v != main))
            also = also if new_also == also else new_also
        if label is not None or topics is not None or also is not paper.also_venues:
            values = list(_FIELDS(paper))  # positional, from C: 3x faster than ``replace``
            if label is not None:
                values[_AT_VENUE] = share(label, label)
            if topics is not None:
                values[_AT_TOPICS] = share(topics, topics)
            values[_AT_ALSO] = also
            out[n] = Paper(*values)
    return out


def _regroup_venues(venues: Mapping[str, Venue], spellings: Spellings) -> dict[str, Venue]:
    """One record per group, in first-seen order; the first homepage or rate found is kept."""
    out: dict[str, Venue] = {}
    for venue in venues.values():
        label = spellings.venue(venue.label)
        name, year = split_venue(label)
        old = out.get(label)
        if old is None:
            same = venue.name == name and venue.year == year
            out[label] = venue if same else replace(venue, name=name, year=year)
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
