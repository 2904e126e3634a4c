"""The one clock of papershelf: now as ISO-8601 UTC to the second (``2026-11-25T09:10:44Z``)."""

from __future__ import annotations

from datetime import UTC, datetime


def now_iso() -> str:
    """Every stamp (history, notes, imports, exports) comes from here, so they compare as text."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
