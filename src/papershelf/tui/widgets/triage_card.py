"""Triage mode's widgets: the card with every field a reader decides on, and the summary."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical, VerticalScroll
from textual.widgets import Label, Static

from papershelf.domain.models import Paper, PaperState
from papershelf.tui.display import clean_block
from papershelf.tui.key_hints import keymap_of, triage_summary_hint

# (field key, label); the order is the order on screen.
FIELDS: tuple[tuple[str, str], ...] = (
    ("authors", "Authors"),
    ("venue", "Venue"),
    ("topics", "Topics"),
    ("affiliations", "Affiliations"),
    ("awards", "Awards"),
    ("remarks", "Remarks"),
    ("links", "Links"),
    ("abstract", "Abstract"),
    ("note", "Your note"),
)


def field_texts(paper: Paper, note: str = "", abstract: str = "") -> dict[str, Text]:
    """Each field as plain text (never markup), empty when the paper has none."""
    width = max((len(link.kind) for link in paper.links), default=0)
    links = Text("\n").join(
        Text.assemble((link.kind.ljust(width), "bold"), "  ", link.url) for link in paper.links
    )
    return {
        "authors": Text(", ".join(paper.authors)),
        "venue": Text(paper.venue),
        "topics": Text("\n".join(paper.topics)),
        "affiliations": Text("; ".join(paper.affiliations)),
        "awards": Text("\n".join(paper.awards)),
        "remarks": Text("\n".join(paper.remarks)),
        "links": links,
        "abstract": Text(abstract.strip()),
        "note": Text(note.strip()),
    }


class TriageCard(VerticalScroll):
    """Shows one paper; ``-starred`` marks a starred one. Takes data through ``show``."""

    can_focus = False

    def compose(self) -> ComposeResult:
        yield Static("★ starred", classes="triage-card--star")
        yield Static(classes="triage-card--title")
        with Grid(classes="triage-card--fields"):
            for key, label in FIELDS:
                yield Label(label, classes=f"triage-card--label -{key}")
                yield Static(classes=f"triage-card--value -{key}")

    def show(self, paper: Paper, state: PaperState, abstract: str = "") -> None:
        """Fill the card with ``paper``; fields the paper lacks are hidden."""
        self.set_class(state.starred, "-starred")
        self.query_one(".triage-card--title", Static).update(Text(paper.title))
        for key, text in field_texts(paper, state.note, clean_block(abstract)).items():
            empty = not text.plain
            for widget in self.query(f".-{key}"):
                widget.set_class(empty, "-empty")
            self.query_one(f".triage-card--value.-{key}", Static).update(text)
        self._fit_labels()
        self.scroll_home(animate=False)

    def show_state(self, state: PaperState) -> None:
        """Update only what the state changes (the star, the note), e.g. after ``s``."""
        self.set_class(state.starred, "-starred")
        note = Text(state.note.strip())
        for widget in self.query(".-note"):
            widget.set_class(not note.plain, "-empty")
        self.query_one(".triage-card--value.-note", Static).update(note)
        self._fit_labels()

    def _fit_labels(self) -> None:
        """The label column as wide as the widest label shown (and one cell of air).

        A fixed width had to hold 'Affiliations' for every paper, most of which have none.
        """
        shown = [
            label for key, label in FIELDS if not self.query_one(f".-{key}").has_class("-empty")
        ]
        widest = max((len(label) for label in shown), default=0)
        self.query_one(".triage-card--fields", Grid).styles.grid_columns = f"{widest + 1} 1fr"


class TriageSummary(Vertical):
    """What one triage session did: a title, a column of counts and its keys.

    The keys are said here as the user mapped them; the footer hides meanwhile (its q Quit
    would only close).
    """

    def compose(self) -> ComposeResult:
        yield Static(classes="triage-summary--title")
        yield Static(classes="triage-summary--counts")
        hint = triage_summary_hint(keymap_of(self.app))
        yield Static(Text(hint), classes="triage-summary--hint")

    def show(self, title: str, counts: Mapping[str, int]) -> None:
        width = max((len(word) for word in counts), default=0)
        lines = Text("\n").join(
            Text(f"{word.ljust(width)}  {number:>4}") for word, number in counts.items()
        )
        self.query_one(".triage-summary--title", Static).update(Text(title))
        self.query_one(".triage-summary--counts", Static).update(lines)

    def show_hint(self, hint: str) -> None:
        self.query_one(".triage-summary--hint", Static).update(Text(hint))
