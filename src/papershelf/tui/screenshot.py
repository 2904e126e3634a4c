"""The palette's Screenshot: saved to a folder that exists, and the toast names the file.

Textual saves to the Downloads folder and, when there is none, fails with "Failed to save
screenshot"; its toast also formats the path into markup (a ``[`` in a folder name).
Textual's own "Keys" leaves the palette too (``get_system_commands``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from platformdirs import user_downloads_path
from textual import events, on
from textual.app import App, SystemCommand
from textual.screen import Screen


def screenshot_folder(downloads: Path | None = None) -> Path:
    """The user's Downloads folder if it is one, else the current directory."""
    downloads = user_downloads_path() if downloads is None else downloads
    return downloads if downloads.is_dir() else Path.cwd()


class ScreenshotApp(App[int]):
    """Textual's App with a screenshot that lands in ``screenshot_folder`` and says where."""

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands but its "Keys", which is papershelf's "Show keys" (``?``).

        Textual's opened a side panel that neither escape nor ``?`` closed, listed above
        papershelf's under the name the footer gives ``?``.
        """
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """Textual's hook for the palette's command and ``action_screenshot`` alike."""
        folder = str(screenshot_folder()) if path is None else path
        return super().deliver_screenshot(filename, folder, time_format)

    @on(events.DeliveryComplete)
    def _screenshot_saved(self, event: events.DeliveryComplete) -> None:
        if event.name != "screenshot":
            return
        event.prevent_default()  # instead of Textual's toast, which reads the path as markup
        where = f" to {event.path.resolve()}" if event.path is not None else ""
        self.notify(f"Saved screenshot{where}", title="Screenshot", markup=False)

    @on(events.DeliveryFailed)
    def _screenshot_failed(self, event: events.DeliveryFailed) -> None:
        if event.name != "screenshot":
            return
        event.prevent_default()
        self.notify(
            f"Could not save the screenshot: {event.exception}",
            title="Screenshot",
            severity="error",
            markup=False,
        )
