"""The shelf kept current from the session's events, without Textual.

The main screen hands every session event here and gets back what to redraw and what to
say; the rules (which changes are its own, what to lay over a snapshot, how to word a
failure) are plain code with plain tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from papershelf.deferred import deferred
from papershelf.domain.enrichment import NO_ENRICHMENT, Enrichment
from papershelf.domain.models import Paper, PaperState, Status
from papershelf.domain.text import plural
from papershelf.services import session as ev
from papershelf.services.counting import count_text
from papershelf.services.import_text import import_line, update_lines
from papershelf.services.session import Ticket
from papershelf.services.unconfirmed import Unconfirmed
from papershelf.tui.shelf import WITHDRAWN, NavKey, Shelf

if TYPE_CHECKING:
    from papershelf.services import commands as cmd
    from papershelf.services import forgetting
else:  # loaded by the session's thread as the first papers show
    cmd = deferred("papershelf.services.commands")
    forgetting = deferred("papershelf.services.forgetting")


@dataclass(slots=True)
class Effect:
    """What the screen does after an event: redraw, recount tree nodes, notify."""

    rebuilt: bool = False
    """A new catalog: the tree's outline changes."""
    redraw: bool = False
    touched: set[NavKey] = field(default_factory=set)
    notes: list[tuple[str, str]] = field(default_factory=list)
    """(message, severity) to show, in order; a ``report`` (an import's result) is a toast
    that stays long enough to be read."""
    focus: str | None = None
    """A paper to put the cursor on (the one an undo or redo changed)."""
    then: cmd.Command | None = None
    """A command for the screen to submit next (an update's import, once its lists came)."""

    def say(self, message: str, severity: str = "information") -> None:
        self.notes.append((message, severity))


def previewer(ticket: Ticket) -> Callable[[PaperState], PaperState]:
    """How ``ticket`` changes one state, for the shelf's optimistic update."""
    return lambda state: ticket.command.preview(state, ticket.at)


class LiveShelf:
    """The shelf, the screen's unconfirmed tickets, and the rules that keep them current."""

    def __init__(self) -> None:
        self.shelf = Shelf([], {})
        self.unconfirmed = Unconfirmed()
        self.indexed = False
        self.enrichments: dict[str, Enrichment] = {}
        """What the enrichment sources said, by paper id."""
        self.duplicates: dict[str, tuple[Paper, ...]] = {}
        """Papers that look like a paper (asked when its details are shown), by paper id."""
        self._bibtex_keys: tuple[int, dict[str, str]] | None = None
        """The catalog's citation keys and the shelf they are of, from the first ``Y`` on."""
        self._keys_of = 0
        """Counts what a citation key depends on changing: a load, an enrichment."""
        self.offered: int | None = None
        """The change made elsewhere that the last undo left alone: the next one takes it."""
        self.offered_redo: int | None = None
        """Likewise for redo: the change undone elsewhere that the last redo left alone."""
        self.export_dir: Path | None = None
        """Where the last export went: the next one is offered the same folder."""
        self.unimported = ""
        """The file or address of the last import, when it failed: the dialog offers it again
        (a mistyped or unreachable address need not be typed whole once more)."""

    def possible(self, paper_id: str) -> tuple[Paper, ...]:
        """The paper's possible duplicates, as far as they are known yet."""
        return self.duplicates.get(paper_id, ())

    def summary(self) -> str:
        """``76 papers (+1 withdrawn) · 3 read``, counted as every command counts."""
        shelf = self.shelf  # the figures without counting every tree node before it is drawn
        read, total = shelf.all_figures()
        if shelf.counted:
            withdrawn = shelf.counts.of(WITHDRAWN)[1]
        else:
            withdrawn = sum(p.withdrawn for p in shelf.papers)
        return f"{count_text(total, withdrawn)} · {read} read"

    def abstracts(self) -> dict[str, str]:
        return {pid: e.abstract.value for pid, e in self.enrichments.items() if e.abstract}

    def found(self, paper_id: str) -> Enrichment:
        return self.enrichments.get(paper_id, NO_ENRICHMENT)

    def bibtex_keys(self) -> dict[str, str] | None:
        """The catalog's citation keys, if worked out for what is shown now (else None)."""
        kept = self._bibtex_keys
        return kept[1] if kept is not None and kept[0] == self._keys_of else None

    def bibtex_keys_job(self) -> tuple[Callable[[], dict[str, str]], int]:
        """A job for another thread (50,000 papers: half a second), on what is shown now.

        With the count of what the keys depend on: ``keep_bibtex_keys`` takes the answer
        only while nothing changed meanwhile (an enrichment can change a key's first name).
        """
        from papershelf.export import citation_keys

        papers, found = self.shelf.papers, dict(self.enrichments)
        return (lambda: citation_keys(papers, found)), self._keys_of

    def keep_bibtex_keys(self, keys: dict[str, str], of: int) -> bool:
        """Keep ``keys`` if still current (``of`` from ``bibtex_keys_job``); whether kept."""
        if of != self._keys_of:
            return False
        self._bibtex_keys = (of, keys)
        return True

    def bibtex_entry(self, paper: Paper, keys: dict[str, str]) -> str:
        """What ``Y`` copies: the paper's entry as every export writes it, key included."""
        from papershelf.export import catalog_entry

        return catalog_entry(paper, self.shelf.state(paper.id), keys, self.enrichments)

    def moving(self) -> bool:
        """An undo or redo is on its way: when applied, it puts the cursor on its paper.

        Not while writes fail (its ticket waits for a retry): keys must not wait on that.
        """
        return self.unconfirmed.error is None and any(
            isinstance(t.command, cmd.Undo | cmd.Redo) for t in self.unconfirmed.tickets.values()
        )

    def submitted(self, ticket: Ticket) -> set[NavKey]:
        """Show the screen's own change at once; the tree nodes whose counts moved."""
        self.unconfirmed.add(ticket)
        if not isinstance(ticket.command, cmd.Undo):  # the offer was for the next undo only
            self.offered = None
        if not isinstance(ticket.command, cmd.Redo):
            self.offered_redo = None
        if not ticket.command.paper_ids:
            return set()
        return self.shelf.update(ticket.command.paper_ids, previewer(ticket))

    @property
    def updating(self) -> bool:
        """An update of the followed lists is on its way: being fetched, or imported."""
        followed = (cmd.FetchFollowed, cmd.Update)
        return any(isinstance(t.command, followed) for t in self.unconfirmed.tickets.values())

    def adopt(self, tickets: Iterable[Ticket], unwritten: Callable[[Ticket], bool]) -> set[NavKey]:
        """Another screen's changes not written yet: shown here too, as if made here.

        One written meanwhile has already shown through its ``Applied`` event.
        """
        touched: set[NavKey] = set()
        for ticket in tickets:
            if unwritten(ticket):
                touched |= self.submitted(ticket)
        return touched

    def handle(self, event: ev.Event) -> Effect:
        effect = Effect()
        if isinstance(event, ev.Loaded):
            states = self.unconfirmed.overlay(event.states, event.applied)
            self.shelf = Shelf(event.papers, states, event.venues, new_ids=event.new_ids)
            self.enrichments = dict(event.enrichments)
            self.duplicates = {}
            self._keys_of += 1
            self.indexed = False
            effect.rebuilt = effect.redraw = True
        elif isinstance(event, ev.IndexBuilt):
            self.shelf.set_index(event.index)
            self.indexed = True
        elif isinstance(event, ev.ChangedElsewhere):
            self._adopt(event.states, event.applied, effect)
        elif isinstance(event, ev.Applied):
            self._applied(event, effect)
        elif isinstance(event, ev.Failed):
            self._failed(event, effect)
        elif isinstance(event, ev.Recovered):
            self.unconfirmed.error = None
            effect.say("saved: the changes that failed are written now")
        elif isinstance(event, ev.Restored):
            for problem in event.problems:
                effect.say(problem, "error")
            if event.count:
                effect.say(f"applying {plural(event.count)} kept from the last run")
        return effect

    def _adopt(self, states: Mapping[str, PaperState], applied: int, effect: Effect) -> None:
        effect.touched |= self.shelf.replace_states(self.unconfirmed.overlay(states, applied))
        effect.redraw = True

    def _applied(self, event: ev.Applied, effect: Effect) -> None:
        ticket, outcome = event.ticket, event.outcome
        mine = ticket.seq in self.unconfirmed.tickets
        self.unconfirmed.done(ticket)
        if event.states is not None and not outcome.catalog_changed:
            self._adopt(event.states, ticket.seq, effect)
        elif not mine and ticket.command.paper_ids and outcome.change is not None:
            # Written for another screen (triage): show it here too.
            effect.touched |= self.shelf.update(ticket.command.paper_ids, previewer(ticket))
            effect.redraw = True
        if isinstance(ticket.command, cmd.FindDuplicates) and outcome.duplicates is not None:
            self.duplicates[ticket.command.paper_id] = outcome.duplicates
            effect.redraw = bool(outcome.duplicates)
            return
        if not mine:
            return
        if isinstance(ticket.command, cmd.Undo | cmd.Redo):
            change, other, kind = outcome.change, outcome.elsewhere, ticket.command.kind
            self.offered = self.offered_redo = None  # taken, refused or gone: good for one
            if outcome.offer_gone:
                effect.say(f"nothing {kind}ne: the change offered was {kind}ne or outrun elsewhere")
            elif other is not None and kind == "redo":
                self.offered_redo = other.seq
                label = f"redo again to bring back a change undone elsewhere: {other.label}"
                effect.say(self.describe(label, other.paper_ids), "warning")
            elif other is not None:
                self.offered = other.seq
                label = f"undo again to take back a change made elsewhere: {other.label}"
                effect.say(self.describe(label, other.paper_ids), "warning")
            elif change is None:
                effect.say(f"nothing to {ticket.command.kind}")
            else:
                effect.say(self.describe(change.label, change.paper_ids))
                effect.focus = change.paper_ids[0] if change.paper_ids else None
        elif isinstance(ticket.command, cmd.SetNote) and outcome.change is not None:
            if outcome.change.kept_both:  # nothing lost, but the note is not what was typed
                label = "note saved: changed elsewhere meanwhile, both versions kept, yours first"
                effect.say(self.describe(label, outcome.change.paper_ids), "warning")
        elif isinstance(ticket.command, cmd.Import):
            self.unimported = ""
            for report in outcome.reports:  # also when the list changed nothing
                effect.say(import_line(report, joined_note=" (the New node)"), "report")
        elif isinstance(ticket.command, cmd.FetchFollowed) and outcome.fetched is not None:
            if outcome.fetched:
                effect.then = cmd.Update(fetched=outcome.fetched)
            else:
                effect.notes.extend(update_lines(()))
        elif isinstance(ticket.command, cmd.Update):
            for line, severity in update_lines(outcome.updates, joined_note=" (the New node)"):
                effect.say(line, severity)
        elif isinstance(ticket.command, cmd.Forget) and (done := outcome.forgotten) is not None:
            effect.say(forgetting.forgot_line(done, done.info.name), "report")
        elif isinstance(ticket.command, cmd.Export) and outcome.exported is not None:
            export = ticket.command  # "as csv", as the command line says: a name can pick it
            self.export_dir = export.path.parent
            effect.say(
                f"exported {plural(outcome.exported, 'paper')} as {export.fmt} to {export.path}"
            )
        elif outcome.merged or outcome.merge_failures:
            here = [r for r in outcome.merged if r.base]  # read here: the others were gone
            if here:
                changed = sum(len(r.changes) for r in here)
                kept = sum(len(r.conflicts) for r in here)
                keep = "keeps" if kept == 1 else "keep"
                both = f", {plural(kept, 'note')} {keep} both versions" if kept else ""
                copies = plural(len(here), "copy")
                effect.say(f"merged {copies}: {plural(changed, 'paper')} changed{both}")
            if gone := len(outcome.merged) - len(here):
                effect.say(f"{plural(gone, 'copy')} already merged elsewhere")
            for stuck in (r for r in outcome.merged if r.not_moved):
                stays = "it stays there, not offered again unless it changes"
                effect.say(f"merged {stuck.other}, but {stuck.not_moved}; {stays}", "error")
            for failure in outcome.merge_failures:
                effect.say(
                    f"merge failed: {failure.reason}; the copy was left where it is", "error"
                )
        elif outcome.enriched is not None:
            self.enrichments.update(outcome.enrichments or {})
            self._keys_of += 1  # a key starts with the first author's family name
            for paper_id, found in (outcome.enrichments or {}).items():
                if found.abstract is not None:
                    self.shelf.found_abstract(paper_id, found.abstract.value)
            effect.redraw = True
            enriched = outcome.enriched
            if enriched.network_error is None:
                effect.say(enriched.summary())
            else:  # offline, most likely: say so, not only "failed"
                effect.say(f"{enriched.summary()}; {enriched.network_error}", "warning")

    def describe(self, label: str, ids: tuple[str, ...]) -> str:
        """``undo mark read: Title`` for one paper; ``... (3 papers)`` for several."""
        if len(ids) == 1 and ids[0] in self.shelf.by_id:
            return f"{label}: {self.shelf.by_id[ids[0]].title}"
        return f"{label} ({plural(len(ids), 'paper')})"

    def describe_marking(self, status: Status, ids: tuple[str, ...]) -> str:
        """``marked read: Title``, asked before the change: ``(no change)`` when all had it.

        ``papershelf mark`` says so; the app said "marked unread" of an unread paper.
        """
        if any(self.shelf.state(i).status is not status for i in ids):
            return self.describe(f"marked {status}", ids)
        if len(ids) == 1:
            return self.describe(f"marked {status} (no change)", ids)
        return f"marked {status} (no change, {plural(len(ids), 'paper')})"

    def _failed(self, event: ev.Failed, effect: Effect) -> None:
        ticket = event.ticket
        if ticket.seq not in self.unconfirmed.tickets:
            return
        if not event.retrying:
            self.unconfirmed.done(ticket)
            if isinstance(ticket.command, cmd.Import):
                given = (*ticket.command.urls, *map(str, ticket.command.files))
                self.unimported = given[0] if given else ""
            # A lookup that failed is a line in the status bar, not an alarm; a mistake in
            # config.toml is an error, whose toast shows each line of it.
            lookup = isinstance(ticket.command, cmd.Enrich) and not event.config_mistake
            severity = "information" if lookup else "error"
            effect.say(f"{ticket.command.kind} failed: {event.error}", severity)
            return
        self.unconfirmed.failed(event.error)
        if event.first:
            where = f"; kept in {event.kept_in} meanwhile" if event.kept_in else ""
            effect.say(f"not saved yet, retrying: {event.error}{where}", "error")
