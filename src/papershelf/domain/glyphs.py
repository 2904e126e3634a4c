"""How a status and a star are drawn, the same in the app, the CLI and the exports."""

from __future__ import annotations

from papershelf.domain.models import Status

STATUS_GLYPH: dict[Status, str] = {
    Status.UNREAD: "·",
    Status.TO_READ: "○",
    Status.READING: "◐",
    Status.READ: "●",
}
STATUS_WORD: dict[Status, str] = {
    Status.UNREAD: "unread",
    Status.TO_READ: "to read",
    Status.READING: "reading",
    Status.READ: "read",
}
STAR = "★"
