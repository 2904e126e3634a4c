"""Command palette providers: every key's action, the dialogs, and a fuzzy jump to any paper."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import chain
from pathlib import Path

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch
from textual.style import Style
from textual.widget import Widget

from papershelf.export import FORMATS
from papershelf.services.commands import Export, FetchFollowed, Import
from papershelf.tui import keys
from papershelf.tui.display import clean
from papershelf.tui.key_hints import keymap_of
from papershelf.tui.screens.export_dialog import ExportDialog
from papershelf.tui.screens.import_dialog import ImportDialog
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.widgets.status_line import StatusLine

JUMP_LIMIT = 40
"""Most papers shown for one query: more is noise, and fewer keeps each keystroke quick."""
FUZZY_BUDGET = 2_000


class MainCommands(Provider):
    """Every action of the main screen and the app, named as in help, plus the dialogs."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        if not isinstance(screen, MainScreen):
            yield from self._screen_commands()
            return
        keymap = keymap_of(self.app)
        for place, binding in keys.all_bindings():
            if place not in ("main screen", "paper list") or binding.id is None:
                continue
            action = binding.action
            key = keys.display_key(keymap.get(binding.id, binding.key))
            help_text = f"key {key} · {binding.id}"
            run: Callable[[], object] = partial(on_the_screen, screen, action)
            if place == "paper list":
                run = partial(screen.paper_list.run_action, action)
            elif action.split("(")[0] in keys.PAPER_ACTIONS:
                run = partial(on_the_list, screen, action)
            yield keys.explain(binding), help_text, run
        yield (
            "Import a list…",
            "read a markdown paper list into the catalog",
            partial(import_list, screen),
        )
        yield (
            "Update followed lists",
            "fetch the lists imported from addresses again and take in what changed",
            partial(update_lists, screen),
        )
        yield (
            "Enrich the view: papers without an abstract",
            "look up abstracts and metadata of the papers in view that have none yet",
            partial(enrich_missing, screen),
        )
        yield (
            "Forget a list…",
            "take an imported list's papers out of the catalog (notes and statuses are kept)",
            partial(forget_list, screen),
        )
        yield (
            "Export…",
            "write the papers in view as BibTeX, markdown, CSV or JSON",
            partial(export_view, screen),
        )
        yield "Jump to paper…", "fuzzy search over every title", partial(open_jump, screen)
        yield (
            "Show keys",
            "every key, its id and what it does",
            partial(self.app.run_action, "show_help"),
        )

    def _screen_commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """Triage's and the progress screen's own keys, by name: the palette had none of them.

        Each acts where its key does: on the screen, or on the widget with focus (the
        progress table's rows).
        """
        screen, keymap = self.screen, keymap_of(self.app)
        place = getattr(screen, "HELP_PLACE", "")
        for where, binding in keys.all_bindings():
            name = binding.action.split("(")[0]
            nodes: list[Widget] = [
                n for n in (screen.focused, screen) if n and hasattr(n, f"action_{name}")
            ]
            if where != place or binding.id is None or not nodes:
                continue
            if not nodes[0].check_action(name, ()):  # triage's close, say, before its summary
                continue
            key = keys.display_key(keymap.get(binding.id, binding.key))
            run = partial(nodes[0].run_action, binding.action)
            yield keys.explain(binding), f"key {key} · {binding.id}", run

    def _system(self) -> Iterator[tuple[str, str, Callable[[], object], bool]]:
        """Textual's own commands (theme, screenshot, quit), by name, after the app's.

        From this provider rather than Textual's own: the palette lists providers' first
        offers as they come, and Textual's came first, before every papershelf command.
        """
        yield from sorted(self.app.get_system_commands(self.screen), key=lambda command: command[0])

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)
        for name, help_text, callback, shown in self._system():
            if shown:
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        system = ((name, text, run) for name, text, run, _ in self._system())
        for name, help_text, callback in chain(self._commands(), system):
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


async def on_the_list(screen: MainScreen, action: str) -> None:
    """A paper action chosen in the palette acts on the list's paper, wherever the focus was.

    Its key rests while the tree has focus (the tree may reuse it); chosen by name, it is
    meant for the paper highlighted in the list.
    """
    screen.detail.stop_editing()  # saved: an open editor left every key resting, the list's too
    screen.set_focus(screen.paper_list)
    await screen.run_action(action)


async def on_the_screen(screen: MainScreen, action: str) -> None:
    """The main screen's action, chosen by name: with a note open, the note is saved first.

    Its key rests while a note is typed (the key types); chosen in the palette, it is meant.
    """
    screen.detail.stop_editing()
    await screen.run_action(action)


def enrich_missing(screen: MainScreen) -> None:
    """``enrich --missing`` for the papers in view, in the background."""
    ids = tuple(p.id for p in screen.paper_list.papers if screen.live.found(p.id).abstract is None)
    if ids:
        screen.action_enrich(ids)
    else:
        screen.notify("every paper in view has an abstract", markup=False)


def import_list(screen: MainScreen) -> None:
    """Ask for a list file; the session imports it after the changes before it."""

    def chosen(where: str | None) -> None:
        if where is None:
            return
        # Until the result (or the failure) replaces it: a toast would outlive the import.
        screen.query_one(StatusLine).flash(f"importing {where}…", seconds=None)
        if where.startswith(("https://", "http://")):
            screen.submit(Import(urls=(where,)))
        else:
            screen.submit(Import((Path(where),)))

    screen.app.push_screen(ImportDialog(screen.live.unimported), chosen)


def update_lists(screen: MainScreen) -> None:
    """``papershelf update`` in the app: fetched beside the writer, then imported in turn.

    One at a time: asked again while one runs, it says so rather than fetch every list again.
    """
    if screen.live.updating:
        screen.query_one(StatusLine).flash("already updating the followed lists…", seconds=None)
        return
    screen.query_one(StatusLine).flash("fetching the followed lists…", seconds=None)
    screen.live.submitted(screen.session.submit_aside(FetchFollowed()))


def forget_list(screen: MainScreen) -> None:
    """``papershelf forget`` in the app: choose, see what leaves, confirm (``forget_list``)."""
    from papershelf.tui.screens import forget_list

    forget_list.forget_list(screen)


def export_view(screen: MainScreen) -> None:
    """Ask for a format and a new file; the session writes the papers in view.

    With none in view it says so instead: an empty file is of no use to anyone here (the
    command line still writes one, for scripts).
    """
    ids = tuple(p.id for p in screen.paper_list.papers)
    if not ids:
        screen.query_one(StatusLine).flash("nothing to export: no papers in view")
        return

    def chosen(answer: tuple[str, Path] | None) -> None:
        if answer is not None:
            screen.submit(Export(answer[0], answer[1], ids))

    # The last export's folder (the working one if none, or if it is gone: the dialog looks).
    screen.app.push_screen(ExportDialog(FORMATS, len(ids), screen.live.export_dir), chosen)


def open_jump(screen: MainScreen) -> None:
    screen.app.push_screen(
        CommandPalette(providers=[PaperJump], placeholder="Jump to paper: type part of a title…")
    )


class PaperJump(Provider):
    """Matches titles; the prompt is built as Content, so a title is never read as markup."""

    async def startup(self) -> None:
        mains = [s for s in self.app.screen_stack if isinstance(s, MainScreen)]
        self._main = mains[0] if mains else None
        shelf = self._main.shelf if self._main else None
        papers = shelf.papers if shelf else []
        self._titles = [(clean(p.title), p.venue, p.id) for p in papers]
        self._folded = [title.casefold() for title, _, _ in self._titles]
        # The venue in the palette's colour for help text ($text-muted, app.tcss): Textual's
        # dim was light grey on a light theme's white in 16 colours.
        palette = self.app.screen
        self._venue_style: Style | str = "dim"
        if isinstance(palette, CommandPalette):
            help_text = palette.get_component_styles("command-palette--help-text")
            self._venue_style = Style.from_styles(help_text)

    def _prompt(self, title: str, venue: str, spans: Iterable[tuple[int, int]] = ()) -> Content:
        content = Content(title)
        style = self.match_style or Style(reverse=True)
        for start, end in spans:
            content = content.stylize(style, start, end)
        return Content.assemble(content, Content("  " + clean(venue)).stylize(self._venue_style))

    def _hit(self, score: float, index: int, spans: Iterable[tuple[int, int]]) -> Hit:
        title, venue, paper_id = self._titles[index]
        prompt = self._prompt(title, venue, spans)
        return Hit(score, prompt, partial(self._go, paper_id), text=title)

    def _go(self, paper_id: str) -> None:
        if self._main is not None:
            self._main.shelf_view.show_paper(paper_id)

    async def discover(self) -> Hits:
        for title, venue, paper_id in self._titles[:JUMP_LIMIT]:
            yield DiscoveryHit(self._prompt(title, venue), partial(self._go, paper_id), text=title)

    async def search(self, query: str) -> Hits:
        """Titles holding the query as typed, then all its words, then fuzzy matches.

        The fuzzy scorer costs tens of microseconds a title, so it only sees titles that hold
        the query's letters in order, and at most ``FUZZY_BUDGET`` of them: 50,000 papers
        stay as quick as 50.
        """
        needle = query.casefold().strip()
        if not needle:
            return
        words = needle.split()
        hits: list[Hit] = []
        seen: set[int] = set()
        for index, folded in enumerate(self._folded):
            at = folded.find(needle)
            if at >= 0:  # the query as typed: best
                score = 1.0 - min(at, 50) / 100
                hits.append(self._hit(score, index, [(at, at + len(needle))]))
            elif len(words) > 1 and all(word in folded for word in words):  # every word
                spans = [(folded.find(w), folded.find(w) + len(w)) for w in words]
                hits.append(self._hit(0.5 + 0.2 / len(words), index, spans))
            else:
                continue
            seen.add(index)
        hits.sort(key=lambda hit: -hit.score)
        yield_count = 0
        for hit in hits[:JUMP_LIMIT]:
            yield hit
            yield_count += 1
        if yield_count >= JUMP_LIMIT:
            return
        letters = [c for c in needle if not c.isspace()]
        fuzzy = FuzzySearch()
        budget = FUZZY_BUDGET
        found: list[Hit] = []
        for index, folded in enumerate(self._folded):
            if index in seen:
                continue
            position = 0
            for letter in letters:
                position = folded.find(letter, position) + 1
                if not position:
                    break
            else:
                score, offsets = fuzzy.match(needle, folded)
                budget -= 1
                if score > 0:
                    spans = [(offset, offset + 1) for offset in offsets]
                    found.append(self._hit(min(score, 0.49), index, spans))
                if not budget:
                    break
        found.sort(key=lambda hit: -hit.score)
        for hit in found[: JUMP_LIMIT - yield_count]:
            yield hit
