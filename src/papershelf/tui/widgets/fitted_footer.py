"""A footer that fits its width: full size when it can, else compact, then the least keys go.

At 80 columns the main screen's footer was cut after ``n Note``: ``T Triage`` and
``p Progress`` were not to be seen. As lazygit and k9s do, a narrow footer turns compact and
then leaves out the keys named in ``drop_first``, in that order, until the rest fits. They
still act, and help (``?``) and the palette still list them. Widths come from the keys as
shown, so a key remapped in ``config.toml`` is measured (and shown) as the user mapped it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from papershelf.tui import keys

MAIN_LEAST_NEEDED = (
    "toggle-star",
    "edit-note",
    "undo",
    "mark-read",
    "mark-to-read",
    "focus-search",
    "quit",
)
"""The main screen's keys a narrow footer leaves out first (by binding id): help (``?``),
triage (``T``), progress (``p``) and the focused pane's own keys stay."""

Shown = tuple[str, str, str]
"""(action, key as shown, description) of one key in the footer."""


def cells(key: str, description: str, *, compact: bool, palette: bool = False) -> int:
    """Columns one key takes in Textual's footer (its padding, margin and border included)."""
    if not description:
        return cell_len(key) + (1 if compact else 0)
    width = cell_len(key) + cell_len(description)
    if palette:  # docked right behind a border: a margin when compact, padding when not
        return width + 3
    return width + 2 if compact else width + 3


def fit(
    shown: Sequence[Shown], palette: Shown | None, width: int, drop_first: Sequence[str]
) -> tuple[bool, frozenset[str]]:
    """(compact, actions left out) so that ``shown`` and ``palette`` fit in ``width``.

    Full size when everything fits; else compact, leaving out ``drop_first`` one at a time
    (the ones shown) until the rest fits; when all of those are out, the last keys shown.
    """

    def needed(compact: bool, out: frozenset[str]) -> int:
        keys = sum(cells(k, d, compact=compact) for a, k, d in shown if a not in out)
        tail = 0 if palette is None else cells(*palette[1:], compact=compact, palette=True)
        return keys + tail

    out: frozenset[str] = frozenset()
    if needed(False, out) <= width:
        return False, out
    actions = {action for action, _, _ in shown}
    for action in drop_first:
        if needed(True, out) <= width:
            break
        if action in actions:
            out |= {action}
    # Still too wide: the last keys go whole; one cut at the palette left a stray letter.
    for action in reversed([a for a, _, _ in shown if a not in out]):
        if needed(True, out) <= width:
            break
        out |= {action}
    return True, out


class SteadyFooter(Footer):
    """Textual's footer, made again only when the keys it shows change.

    Textual's is made again at every change of focus and every ``refresh_bindings``:
    closing a dialog gave the list back the same keys, and each triage decision refreshed
    them; restyling the new keys took some 50 ms each time.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._composed: Hashable = None
        """What the keys shown were made from (``_shown_from``), once they are made."""

    def _shown_from(self, screen: Screen[object]) -> Hashable:
        """The screen's keys as the footer shows them: the same, the same footer."""
        app = self.app
        shown = tuple(
            (b.key, app.get_key_display(b), b.description, b.action, enabled, tooltip, b.group)
            for (_, b, enabled, tooltip) in screen.active_bindings.values()
            if b.show or b.key == app.COMMAND_PALETTE_BINDING
        )
        return shown, self.show_command_palette

    def bindings_changed(self, screen: Screen[object]) -> None:
        if (
            self._bindings_ready
            and screen is self.screen
            and self._composed is not None
            and self._shown_from(screen) == self._composed
        ):
            return
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._composed = self._shown_from(self.screen)
        yield from super().compose()


class FittedFooter(SteadyFooter):
    """A steady footer, fitted to its width by ``fit`` at each compose and resize."""

    def __init__(self, drop_first: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.drop_first = tuple(drop_first)
        """Actions the footer may leave out when narrow, the least needed first."""
        self.left_out: frozenset[str] = frozenset()
        """The actions left out now (still bound)."""
        self._width = 0
        """The width the keys were last fitted to."""

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        shown = [(k.action, k.key_display, k.description) for k in keys if not _palette(k)]
        palette = next(
            ((k.action, k.key_display, k.description) for k in keys if _palette(k)), None
        )
        width = self._width = self.size.width or self.app.size.width
        compact, self.left_out = fit(shown, palette, width, self.drop_first)
        self.compact = compact
        yield from (w for w in widgets if not _left_out(w, self.left_out))

    def on_resize(self, event: events.Resize) -> None:
        """Wider or narrower: fit again (the keys shown may change)."""
        if self._bindings_ready and event.size.width != self._width:
            self.call_after_refresh(self.recompose)


def _palette(key: FooterKey) -> bool:
    return key.has_class("-command-palette")


def _left_out(widget: Widget, out: frozenset[str]) -> bool:
    return isinstance(widget, FooterKey) and not _palette(widget) and widget.action in out


def main_footer() -> FittedFooter:
    """The main screen's footer: ``MAIN_LEAST_NEEDED`` go first when it is narrow."""
    by_id = {b.id: b.action for b in keys.main_screen_bindings() if isinstance(b, Binding)}
    return FittedFooter([by_id[i] for i in MAIN_LEAST_NEEDED])
