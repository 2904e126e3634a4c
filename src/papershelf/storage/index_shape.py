"""Shape check of ``lists/index.json``: valid JSON of the wrong shape must not crash commands."""

from __future__ import annotations

from typing import Any

_STR_FIELDS = ("name", "source", "sha256", "imported_at")


def _strs(value: Any) -> bool:
    """A list of text. Checked at every start (50,000 ids at 50,000 papers): at C speed."""
    if not isinstance(value, list):
        return False
    try:
        "".join(value)  # TypeError unless every item is text
    except TypeError:
        return False
    return True


def _str_map(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )


def _record_problem(rec: Any, required: tuple[str, ...]) -> str | None:
    if not isinstance(rec, dict):
        return "an entry is not an object"
    for key in required:
        if not isinstance(rec.get(key), str):
            return f"an entry has no text field {key!r}"
    if "imported_at" in rec and not isinstance(rec["imported_at"], str):
        return "an entry's 'imported_at' is not text"
    if rec.get("venue") is not None and not isinstance(rec["venue"], str):
        return "an entry's 'venue' is not text"
    if "id_map" in rec and not _str_map(rec["id_map"]):
        return "an entry's 'id_map' is not a map of ids"
    for key in ("ids", "venues"):
        if key in rec and not _strs(rec[key]):
            return f"an entry's {key!r} is not a list of text"
    added = rec.get("added", [])
    if not isinstance(added, list) or not all(
        isinstance(a, dict)
        and isinstance(a.get("at"), str)
        and isinstance(a.get("exact", ""), str)
        and _strs(a.get("ids"))
        for a in added
    ):
        return "an entry's 'added' is not a list of {at, ids}"
    return None


def index_problem(data: dict[str, Any]) -> str | None:
    """What is wrong with the index's shape, in a few words, or None when it checks out."""
    for key, required in (("lists", _STR_FIELDS), ("bundled", ("name",))):
        records = data.get(key, [])
        if not isinstance(records, list):
            return f"{key!r} is not a list"
        for rec in records:
            problem = _record_problem(rec, required)
            if problem is not None:
                return f"{key!r}: {problem}"
    if not _strs(data.get("bundled_forgotten", [])):
        return "'bundled_forgotten' is not a list of names"
    retired = data.get("retired", {})
    if not isinstance(retired, dict) or not all(isinstance(v, dict) for v in retired.values()):
        return "'retired' is not a map of paper ids to papers"
    return None
