"""The catalog and reading-state values: frozen, pure, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from papershelf.domain.slot_init import quick_init


class Status(StrEnum):
    """Where a reader stands with a paper; ``UNREAD`` means not triaged yet."""

    UNREAD = "unread"
    TO_READ = "to-read"
    READING = "reading"
    READ = "read"

    @classmethod
    def parse(cls, text: str) -> Status:
        """Accept ``to-read``, ``to_read``, ``toread`` and any case; raise ``ValueError`` else."""
        key = text.strip().lower().replace("_", "-")
        if key == "toread":
            key = "to-read"
        return cls(key)


@quick_init
@dataclass(frozen=True, slots=True)
class Link:
    """One link of a paper; ``kind`` is lower-case (``paper``, ``pdf``, ``arxiv``, ``code``...)."""

    kind: str
    url: str


@quick_init
@dataclass(frozen=True, slots=True)
class Venue:
    """A venue as the list names it (no whitelist), with the meta info the list gives."""

    name: str
    year: int | None = None
    homepage: str | None = None
    paper_list: str | None = None
    acceptance_rate: str | None = None

    @property
    def label(self) -> str:
        """``MLSys 2025``; just the name when the year is unknown."""
        return f"{self.name} {self.year}" if self.year is not None else self.name


@quick_init
@dataclass(frozen=True, slots=True)
class Paper:
    """One catalog entry; ``id`` is stable across machines and re-imports."""

    id: str
    title: str
    venue: str
    """The venue label, e.g. ``ASPLOS 2025``; empty when the list names no venue."""
    year: int | None = None
    authors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    """Section path joined with `` > `` (sectioned lists), or the bracketed tags (tagged lists)."""
    links: tuple[Link, ...] = ()
    affiliations: tuple[str, ...] = ()
    awards: tuple[str, ...] = ()
    remarks: tuple[str, ...] = ()
    withdrawn: bool = False
    source: str = ""
    """The file (or URL) of the list the paper came from."""
    line: int = 0
    """The line of its entry in that list (1-based)."""
    also_venues: tuple[str, ...] = ()
    """Other venues lists give the same paper under (an arXiv preprint of a proceedings paper)."""
    lists: tuple[str, ...] = ()
    """The names of the imported lists this paper is combined from (empty as parsed)."""

    @property
    def main_link(self) -> Link | None:
        """The link to open first: the paper itself, else the first link."""
        for kind in ("paper", "pdf", "doi", "arxiv"):
            for link in self.links:
                if link.kind == kind:
                    return link
        return self.links[0] if self.links else None

    def to_json(self) -> dict[str, Any]:
        """The ``list --format json`` object (catalog keys only)."""
        return {
            "id": self.id,
            "title": self.title,
            "authors": list(self.authors),
            "venue": self.venue or None,
            "year": self.year,
            "topics": list(self.topics),
            "links": [{"kind": link.kind, "url": link.url} for link in self.links],
            "affiliations": list(self.affiliations),
            "awards": list(self.awards),
            "remarks": list(self.remarks),
            "withdrawn": self.withdrawn,
            "source": self.source,
            "line": self.line,
            **({"also_venues": list(self.also_venues)} if self.also_venues else {}),
            **({"lists": list(self.lists)} if self.lists else {}),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Paper:
        return cls(
            id=data["id"],
            title=data["title"],
            venue=data["venue"] or "",
            year=data.get("year"),
            authors=tuple(data.get("authors", ())),
            topics=tuple(data.get("topics", ())),
            links=tuple(Link(link["kind"], link["url"]) for link in data.get("links", ())),
            affiliations=tuple(data.get("affiliations", ())),
            awards=tuple(data.get("awards", ())),
            remarks=tuple(data.get("remarks", ())),
            withdrawn=bool(data.get("withdrawn", False)),
            source=data.get("source", ""),
            line=int(data.get("line", 0)),
            also_venues=tuple(data.get("also_venues", ())),
            lists=tuple(data.get("lists", ())),
        )


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One entry of a paper's status history (ISO-8601 UTC timestamp)."""

    status: Status
    at: str


@dataclass(frozen=True, slots=True)
class PaperState:
    """What the user attached to a paper; the default is an untouched paper."""

    status: Status = Status.UNREAD
    starred: bool = False
    note: str = ""
    first_triaged: str | None = None
    history: tuple[StatusChange, ...] = field(default=())
    note_changed: str | None = None
    tags: tuple[str, ...] = ()
    """The reader's own tags, in the order added; unique without regard to case."""
    same: tuple[str, ...] = ()
    """Ids the reader said are this paper (``papershelf same``): they resolve to this one."""
    different: tuple[str, ...] = ()
    """Ids the reader said are another paper (``papershelf different``): never merged."""

    @property
    def status_changed(self) -> str | None:
        return self.history[-1].at if self.history else None

    @property
    def is_default(self) -> bool:
        return (
            self.status is Status.UNREAD
            and not self.starred
            and not self.note
            and not self.tags
            and not self.same
            and not self.different
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "starred": self.starred,
            "note": self.note,
            "first_triaged": self.first_triaged,
            "history": [{"status": c.status.value, "at": c.at} for c in self.history],
            "note_changed": self.note_changed,
            "tags": list(self.tags),
            "same": list(self.same),
            "different": list(self.different),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PaperState:
        return cls(
            status=Status(data.get("status", "unread")),
            starred=bool(data.get("starred", False)),
            note=str(data.get("note", "")),
            first_triaged=data.get("first_triaged"),
            history=tuple(
                StatusChange(Status(c["status"]), c["at"]) for c in data.get("history", ())
            ),
            note_changed=data.get("note_changed"),
            tags=tuple(str(t) for t in data.get("tags", ())),
            same=tuple(str(t) for t in data.get("same", ())),
            different=tuple(str(t) for t in data.get("different", ())),
        )


DEFAULT_STATE = PaperState()


@dataclass(frozen=True, slots=True)
class ParsedList:
    """What the importer found in one list: papers (withdrawn included), venues, skipped lines."""

    papers: tuple[Paper, ...]
    venues: tuple[Venue, ...]
    skipped: tuple[tuple[int, str], ...] = ()
    """(line, reason) for each entry that looked like a paper but could not be read."""
    entries: int = 0
    """Paper entries seen, before entries with the same id were merged into one paper."""
    unsafe_links: tuple[tuple[int, str], ...] = ()
    """(line, scheme) of each link papers do not keep (``javascript:``, ``file:``, ``data:``)."""
