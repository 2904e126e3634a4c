r"""JSON export and its reader: the lossless way to back up or move reading state.

The file is ``{"format": "papershelf-export", "version": 1, "exported_at": ...,
"papers": [...], "orphans": [...]}``. Each paper is its catalog object (``Paper.to_json``)
plus ``status``, ``starred``, ``note``, ``tags``, ``status_changed`` for readers and scripts, and
``state``, the full ``PaperState`` (history included). ``state`` is what
:func:`read_state_export` restores; the flat keys must agree with it when present.
``orphans`` (only with ``include_orphans``) holds ``{"id", "state"}`` for state whose paper
is in no list any more. Text is kept exactly: control characters, C1 controls, bidi and
zero-width characters and line separators are written as ``\uXXXX`` escapes, so the file
never carries a raw terminal escape and still reads back unchanged.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

import orjson

from papershelf.domain.enrichment import NO_ENRICHMENT, Enrichment, shown_venue
from papershelf.domain.models import Paper, PaperState, Status, StatusChange
from papershelf.errors import UsageError

FORMAT = "papershelf-export"
VERSION = 1

# Every code point that may be a control, format or line/paragraph separator (orjson
# already escapes C0); the category check below decides, so the class may over-match.
_MAYBE_INVISIBLE = re.compile(
    "[\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u2000-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U00010000-\U0010ffff]"
)
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _escape_invisible(match: re.Match[str]) -> str:
    char = match.group(0)
    if unicodedata.category(char) not in _INVISIBLE_CATEGORIES:
        return char
    units = char.encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{units[i]:02x}{units[i + 1]:02x}" for i in range(0, len(units), 2))


_NOTHING_FOUND: dict[str, Any] = {
    "abstract": None,
    "doi": None,
    "arxiv": None,
    "citations": None,
    "published_venue": None,
}


def enriched_keys(paper: Paper, enrichment: Enrichment) -> dict[str, Any]:
    """What the sources added, with ``sources`` saying where each field came from.

    ``authors`` (objects with ``name``, in order) replace the list's names when a source
    had them.
    """
    e = enrichment
    if e is NO_ENRICHMENT:  # most papers: the same keys without a look at each field
        return {
            **_NOTHING_FOUND,
            "shown_venue": paper.venue,
            "oa_url": None,
            "tldr": None,
            "sources": {"authors": "list"} if paper.authors else {},
        }
    sources = dict(e.sources().items())
    out: dict[str, Any] = {
        "abstract": e.abstract.value if e.abstract else None,
        "doi": e.doi.value if e.doi else None,
        "arxiv": e.arxiv.value if e.arxiv else None,
        "citations": e.citations.value if e.citations else None,
        "published_venue": e.venue.value if e.venue else None,
        "shown_venue": shown_venue(paper.venue, e),
        "oa_url": e.oa_url.value if e.oa_url else None,
        "tldr": e.tldr.value if e.tldr else None,
        "sources": sources,
    }
    if e.authors is not None:
        out["authors"] = [a.to_json() for a in e.authors.value]
    elif paper.authors:
        sources["authors"] = "list"
    return out


def paper_record(
    paper: Paper, state: PaperState, enrichment: Enrichment = NO_ENRICHMENT
) -> dict[str, Any]:
    """A paper with its reading state as flat keys: what ``list --format json`` prints."""
    obj = paper.to_json()
    obj.update(
        status=state.status.value,
        starred=state.starred,
        note=state.note,
        tags=list(state.tags),
        status_changed=state.status_changed,
    )
    obj.update(enriched_keys(paper, enrichment))
    return obj


def _paper_object(paper: Paper, state: PaperState, enrichment: Enrichment) -> dict[str, Any]:
    # The export adds the whole state (history included) so import-state loses nothing.
    obj = paper_record(paper, state, enrichment)
    obj["state"] = state.to_json()
    return obj


def to_json(
    papers: Sequence[Paper],
    states: Mapping[str, PaperState],
    *,
    exported_at: str | None = None,
    include_orphans: bool = False,
    enrichments: Mapping[str, Enrichment] | None = None,
) -> str:
    """Every paper with its state; ``include_orphans`` adds state for ids not in ``papers``."""
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if exported_at is not None:
        document["exported_at"] = exported_at
    found = enrichments or {}
    document["papers"] = [
        _paper_object(p, states.get(p.id, PaperState()), found.get(p.id, NO_ENRICHMENT))
        for p in papers
    ]
    if include_orphans:
        listed = {p.id for p in papers}
        document["orphans"] = [
            {"id": paper_id, "state": states[paper_id].to_json()}
            for paper_id in sorted(states)
            if paper_id not in listed
        ]
    try:
        text = orjson.dumps(document, option=orjson.OPT_INDENT_2).decode()
    except orjson.JSONEncodeError:
        # orjson refuses lone surrogates and huge integers; the slower encoder takes both.
        text = json.dumps(document, ensure_ascii=False, indent=2)
    # These characters only occur inside strings, where an escape is equally valid JSON.
    return _MAYBE_INVISIBLE.sub(_escape_invisible, text) + "\n"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _optional_str(data: Mapping[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise UsageError(f"{where}: {key!r} must be a string or null, not {_short(value)}")
    return value


def _status(value: object, where: str) -> Status:
    choices = ", ".join(s.value for s in Status)
    if not isinstance(value, str) or value not in {s.value for s in Status}:
        raise UsageError(f"{where}: status {_short(value)} is not one of {choices}")
    return Status(value)


def _state(data: object, where: str) -> PaperState:
    if not isinstance(data, dict):
        raise UsageError(f"{where}: 'state' must be an object, not {_short(data)}")
    starred = data.get("starred", False)
    if not isinstance(starred, bool):
        raise UsageError(f"{where}: 'starred' must be true or false, not {_short(starred)}")
    note = data.get("note", "")
    if not isinstance(note, str):
        raise UsageError(f"{where}: 'note' must be a string, not {_short(note)}")
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise UsageError(f"{where}: 'tags' must be a list of strings, not {_short(tags)}")
    raw_history = data.get("history", [])
    if not isinstance(raw_history, list):
        raise UsageError(f"{where}: 'history' must be a list, not {_short(raw_history)}")
    history = []
    for n, change in enumerate(raw_history):
        at = f"{where} history[{n}]"
        if not isinstance(change, dict) or not isinstance(change.get("at"), str):
            raise UsageError(f'{at}: expected {{"status": ..., "at": "<time>"}}')
        history.append(StatusChange(_status(change.get("status"), at), change["at"]))
    return PaperState(
        status=_status(data.get("status", "unread"), where),
        starred=starred,
        note=note,
        first_triaged=_optional_str(data, "first_triaged", where),
        history=tuple(history),
        note_changed=_optional_str(data, "note_changed", where),
        tags=tuple(tags),
    )


def _entry_state(entry: object, where: str) -> tuple[str, PaperState]:
    if not isinstance(entry, dict):
        raise UsageError(f"{where}: expected an object, not {_short(entry)}")
    paper_id = entry.get("id")
    if not isinstance(paper_id, str) or not paper_id:
        raise UsageError(f"{where}: 'id' must be a non-empty string, not {_short(paper_id)}")
    where = f"{where} (id {paper_id})"
    if "state" in entry:
        state = _state(entry["state"], where)
        flat = {
            "status": state.status.value,
            "starred": state.starred,
            "note": state.note,
            "tags": list(state.tags),
        }
        for key, value in flat.items():
            if key in entry and entry[key] != value:
                raise UsageError(
                    f"{where}: {key!r} is {_short(entry[key])} but 'state' says "
                    f"{_short(value)}; make them agree"
                )
    else:
        flat_keys = ("status", "starred", "note", "tags")
        state = _state({k: entry[k] for k in flat_keys if k in entry}, where)
    return paper_id, state


def export_papers(text: str) -> dict[str, Paper]:
    """The papers an export names, by id: what a library without them can remember them by.

    Tolerant where ``read_state_export`` is strict: an entry that does not read as a paper
    is left out (its state is imported all the same, as an orphan of unknown title).
    """
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    entries = document.get("papers") if isinstance(document, dict) else None
    found: dict[str, Paper] = {}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            continue
        try:
            paper = Paper.from_json(entry)
        except (TypeError, ValueError, KeyError, AttributeError):
            continue
        if isinstance(paper.id, str) and paper.id:
            found[paper.id] = paper
    return found


def read_state_export(text: str, *, source: str = "export") -> dict[str, PaperState]:
    """Paper id -> state from a :func:`to_json` file; default states are left out.

    Raises ``UsageError`` with one line naming ``source`` and the entry on anything
    malformed: bad JSON, another format, a newer version, a bad field, a repeated id.
    """
    if not text.strip():  # as `import` and `merge` say it, not "line 1 column 1: not valid JSON"
        raise UsageError(f"{source}: empty file")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(
            f"{source}: line {error.lineno} column {error.colno}: not valid JSON ({error.msg})"
        ) from None
    except RecursionError:
        raise UsageError(f"{source}: not valid JSON (nested too deeply)") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UsageError(f'{source}: not a papershelf export (no "format": "{FORMAT}")')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UsageError(f"{source}: 'version' must be a positive integer, not {_short(version)}")
    if version > VERSION:
        raise UsageError(
            f"{source}: written by a newer papershelf (export version {version}; "
            f"this one reads version {VERSION}): upgrade papershelf to import it"
        )
    states: dict[str, PaperState] = {}
    seen: dict[str, str] = {}
    for section in ("papers", "orphans"):
        entries = document.get(section, [])
        if not isinstance(entries, list):
            raise UsageError(f"{source}: {section!r} must be a list, not {_short(entries)}")
        for n, entry in enumerate(entries):
            where = f"{source}: {section}[{n}]"
            paper_id, state = _entry_state(entry, where)
            if paper_id in seen:
                raise UsageError(f"{where}: id {paper_id} appears twice (also at {seen[paper_id]})")
            seen[paper_id] = f"{section}[{n}]"
            if state != PaperState():
                states[paper_id] = state
    return states
