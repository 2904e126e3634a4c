"""Logging to a file in the data dir: never into the terminal the app or a script owns."""

from __future__ import annotations

import logging
from pathlib import Path

from papershelf.paths import Paths


class _LazyFileHandler(logging.FileHandler):
    """Creates the data dir only when something is logged (paths have no side effects)."""

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream is None:
            # FileHandler opens the file outside its own error handling: a read-only or
            # immutable data dir would turn the message being logged into a traceback.
            try:
                Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
                self.stream = self._open()
            except OSError:
                return
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        # A log that cannot be written must not break or clutter the program.
        pass


def setup_logging(paths: Paths, level: int = logging.INFO) -> None:
    logger = logging.getLogger("papershelf")
    if any(isinstance(h, _LazyFileHandler) for h in logger.handlers):
        return
    handler = _LazyFileHandler(paths.log, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
