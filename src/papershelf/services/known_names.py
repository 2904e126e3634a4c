"""Names a command's filters and arguments give: a tag, topic, venue or list that is not there.

One rule for every command: a name nothing in the library has is an error (exit 2) saying
so in one line, with the close spellings that are there ("did you mean"); a name that is
there but selects no paper (with the other filters) is an empty result, not an error.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence

from papershelf.domain.filtering import topic_matches
from papershelf.domain.grouping import TOPIC_SEP
from papershelf.domain.models import Paper, PaperState
from papershelf.domain.tags import tag_key
from papershelf.errors import UsageError

__all__ = ["check_tags", "check_topic", "close_matches", "unknown_name"]

_SHOWN = 3
"""Close matches named at most: a few to choose from, not a listing."""


def close_matches(text: str, names: Iterable[str]) -> list[str]:
    """The names ``text`` may have meant, best first: like spellings, else names holding it."""
    spelling: dict[str, str] = {}
    for name in names:
        spelling.setdefault(" ".join(name.split()).casefold(), name)
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return []
    scored = [(score, key) for key in spelling if (score := _likeness(wanted, key)) >= _CUTOFF]
    hits = [key for _, key in sorted(scored, key=lambda hit: -hit[0])[:_SHOWN]]
    if not hits and len(wanted) >= 3:  # `--topic serving` for "LLM > Serving"
        hits = [key for key in spelling if wanted in key][:_SHOWN]
    return [spelling[key] for key in hits]


_CUTOFF = 0.6
_START_CUTOFF = 0.8


def _likeness(wanted: str, name: str) -> float:
    """How alike, 0 to 1: the whole name, or its start when a start was typed (``asplso``)."""
    whole = difflib.SequenceMatcher(None, wanted, name).ratio()
    if len(wanted) < 3 or len(name) <= len(wanted):
        return whole
    start = difflib.SequenceMatcher(None, wanted, name[: len(wanted)]).ratio()
    return max(whole, start if start >= _START_CUTOFF else 0.0)


def unknown_name(kind: str, text: str, names: Iterable[str], see: str | None) -> UsageError:
    """``no tag 'survy' (did you mean 'survey'?)``, or where to see them when none is close.

    ``see``: the command that lists them; None where they are on screen (the app's dialogs).
    """
    close = close_matches(text, names)
    if not close:
        return UsageError(f"no {kind} {text!r}" + (f" (see `{see}`)" if see else ""))
    quoted = [repr(name) for name in close]
    said = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return UsageError(f"no {kind} {text!r} (did you mean {said}?)")


def check_tags(tags: Sequence[str], states: Mapping[str, PaperState]) -> None:
    """``UsageError`` for the first tag no paper has (any case matches, as the filter does)."""
    if not tags:
        return
    known: dict[str, str] = {}
    for state in states.values():
        for tag in state.tags:
            known.setdefault(tag_key(tag), tag)
    for tag in tags:
        if tag_key(tag) not in known:
            raise unknown_name("tag", tag, known.values(), "papershelf tags")


def check_topic(topic: str, papers: Iterable[Paper]) -> None:
    """``UsageError`` when no paper's topic is ``topic`` or under it (withdrawn ones count)."""
    topics = {t for paper in papers for t in paper.topics}
    if topic_matches(topics, topic):
        return
    paths: set[str] = set()
    for path in topics:  # "A > B > C" may be meant by "A", "A > B" or itself
        parts = path.split(TOPIC_SEP)
        paths.update(TOPIC_SEP.join(parts[: n + 1]) for n in range(len(parts)))
    raise unknown_name("topic", topic, sorted(paths), "papershelf stats --by topic")
