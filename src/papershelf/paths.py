"""Where papershelf keeps its files; pure path arithmetic that creates nothing."""

from __future__ import annotations

import fnmatch
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "PAPERSHELF_DATA_DIR"
ENV_STATE_DIR = "PAPERSHELF_STATE_DIR"
"""Where changes are kept when the data folder itself cannot be written (tests point it away)."""
APP_NAME = "papershelf"


@dataclass(frozen=True, slots=True)
class Paths:
    """Every file papershelf reads or writes, derived from one data folder."""

    data_dir: Path

    def new_folder_notice(self) -> str:
        """Said when ``--data-dir`` named a folder that did not exist: a typo, maybe."""
        return f"a new, empty library in {self.data_dir} (that folder did not exist)"

    @property
    def catalog(self) -> Path:
        """Cached, parsed catalog: rebuilt from ``lists`` whenever it is missing or stale."""
        return self.data_dir / "catalog.json"

    @property
    def lists(self) -> Path:
        """Copies of every imported list, so the catalog survives the originals being deleted."""
        return self.data_dir / "lists"

    @property
    def library(self) -> Path:
        """The user's irreplaceable state: statuses, stars, notes, history."""
        return self.data_dir / "library.json"

    @property
    def lock(self) -> Path:
        return self.data_dir / "library.json.lock"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def config(self) -> Path:
        return self.data_dir / "config.toml"

    @property
    def settings(self) -> Path:
        """Preferences the app changes itself (theme), kept apart from the hand-edited config."""
        return self.data_dir / "settings.json"

    @property
    def enrich(self) -> Path:
        """The enrichment cache (raw answers and per-paper fields), apart from the catalog."""
        return self.data_dir / "enrich"

    @property
    def log(self) -> Path:
        return self.data_dir / "papershelf.log"

    @property
    def last_screen(self) -> Path:
        """The screen the app left, drawn first at the next start if nothing changed (a cache)."""
        return self.data_dir / "last-screen.json"

    @property
    def pending(self) -> Path:
        """Changes the app could not write before it stopped; the next start applies them."""
        return self.data_dir / "pending-changes.json"

    @property
    def pending_fallback(self) -> Path:
        """The same, outside the data folder, for when that folder is read-only or full."""
        state_dir = os.environ.get(ENV_STATE_DIR) or None
        if state_dir is None:
            from platformdirs import user_state_dir

            state_dir = user_state_dir(APP_NAME, appauthor=False)
        key = hashlib.sha256(str(self.data_dir).encode("utf-8", "surrogateescape")).hexdigest()
        return Path(state_dir).expanduser() / f"pending-changes-{key[:16]}.json"

    def keeps(self, path: Path) -> bool:
        """True when ``path`` is one of the files papershelf keeps its data in.

        An export with ``--force`` replaced ``library.json`` itself (statuses, notes and
        the undo log gone, the backup up to a day old). Paths are compared as written and
        with links followed (a library linked into a git checkout), and an existing file or
        folder by identity too (another case on a disk that ignores it, a bind mount); a
        sync-folder conflict copy of the library (the other device's changes) is ours too.
        Nothing is written.
        """
        files = [self.catalog, self.library, self.lock, self.config, self.settings]
        files.append(self.settings.with_name("settings.json.lock"))  # ``storage.settings_file``
        files += [self.log, self.last_screen, self.pending, self.pending_fallback]
        folders = (self.lists, self.backups, self.enrich)
        try:
            given = _spellings(path)
            own = {s for f in files for s in _spellings(f)}
            within = {s for f in folders for s in _spellings(f)}
            if any(g in own or any(g.is_relative_to(d) for d in within) for g in given):
                return True
            return _same_as_any(path, files, folders) or self._conflict_copy(path)
        except (OSError, RuntimeError):  # a link loop: none of ours
            return False

    def _conflict_copy(self, path: Path) -> bool:
        library = self.library
        name = path.name.casefold()
        patterns = [p.format(stem=library.stem, suffix=library.suffix) for p in CONFLICT_PATTERNS]
        if not any(fnmatch.fnmatchcase(name, p.casefold()) for p in patterns):
            return False
        return _same_as_any(path.expanduser().absolute().parent, [library.parent], ())

    def as_dict(self) -> dict[str, str]:
        return {
            "data_dir": str(self.data_dir),
            "catalog": str(self.catalog),
            "library": str(self.library),
            "backups": str(self.backups),
            "config": str(self.config),
            "enrich": str(self.enrich),
            "log": str(self.log),
            "pending": str(self.pending),
        }


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    """Pick the data folder: the flag, then ``PAPERSHELF_DATA_DIR``, then the platform default."""
    if data_dir is None:
        data_dir = os.environ.get(ENV_DATA_DIR) or None
    if data_dir is None:
        from platformdirs import user_data_dir

        data_dir = user_data_dir(APP_NAME, appauthor=False)
    return Paths(Path(data_dir).expanduser().absolute())


def seeds_dir() -> Path:
    """The bundled lists: inside the installed wheel, or the checkout's ``seeds/`` when editable."""
    packaged = Path(__file__).with_name("seeds")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"


CONFLICT_PATTERNS = ("{stem}.sync-conflict-*{suffix}", "{stem} (*conflicted copy*){suffix}")
"""Syncthing's and Dropbox's names for a copy that changed on two devices at once."""


def _same_as_any(path: Path, files: list[Path], folders: tuple[Path, ...]) -> bool:
    """Whether ``path`` is one of ``files``, or lies in one of ``folders``, by identity."""
    path = path.expanduser().absolute()
    try:
        given = path.stat()
    except OSError:
        given = None
    for other in files:
        if given is not None and other.exists() and os.path.samestat(given, other.stat()):
            return True
    kept = [folder.stat() for folder in folders if folder.is_dir()]
    for parent in path.parents if kept else ():
        if parent.is_dir() and any(os.path.samestat(parent.stat(), k) for k in kept):
            return True
    return False


def _spellings(path: Path) -> set[Path]:
    """``path`` made absolute as written, and with its links followed."""
    path = path.expanduser()
    return {Path(os.path.normpath(path.absolute())), path.resolve()}
