"""The one clock of papershelf: now as ISO-8601 UTC to the second (``2026-11-25T09:10:44Z``)."""

from __future__ import annotations

from datetime import UTC, datetime


def now_iso() -> str:
    """Every stamp (history, notes, imports, exports) comes from here, so they compare as text."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_exact() -> str:
    """Now to the microsecond (``2026-11-25T09:10:44.123456Z``): tells two imports apart.

    Two imports made in one second are two; ``to_second`` gives the stamp every other time
    compares with.
    """
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def to_second(stamp: str) -> str:
    """``now_exact``'s stamp as ``now_iso``'s (a stamp to the second is returned as it is)."""
    return stamp[:19] + "Z" if len(stamp) > 20 and stamp[19] == "." else stamp
