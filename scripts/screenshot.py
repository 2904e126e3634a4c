"""Save the README screenshot (docs/screenshot.svg) with Textual's own ``save_screenshot``.

Runs the real app headless on a throwaway library built from the bundled lists, with a few
papers triaged and a note written, so the picture shows what a reader sees after a minute.

    python scripts/screenshot.py [--out docs/screenshot.svg] [--size 120x36]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from textual.pilot import Pilot

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.settings import Config
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.main import MainScreen

NOTE = """## Why it matters

Overlaps **communication** with compute across the whole graph.

- compare with the MPMD pipeline paper
- read section 4 again
"""


def seed(library: Library) -> None:
    papers = [p for p in library.papers() if not p.withdrawn]
    library.set_status([p.id for p in papers[1:4]], Status.READ)
    library.set_status([papers[4].id, papers[7].id], Status.READING)
    library.set_status([p.id for p in papers[8:12]], Status.TO_READ)
    library.set_starred([papers[0].id, papers[2].id], True)
    library.set_note(papers[0].id, NOTE)
    library.set_status([papers[0].id], Status.TO_READ)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshot.svg"))
    parser.add_argument("--size", default="120x36", help="columns x rows")
    args = parser.parse_args(argv)
    columns, rows = (int(n) for n in args.size.lower().split("x"))

    with tempfile.TemporaryDirectory(prefix="papershelf-shot-") as folder:
        paths = Paths(Path(folder) / "data")
        library = Library(paths)
        seed(library)
        app = PapershelfApp(
            library,
            paths,
            config=Config(),
            remember_theme=False,
            library_label="~/.local/share/papershelf/library.json",
        )

        async def shoot(pilot: Pilot[object]) -> None:
            deadline = time.monotonic() + 20
            while not (isinstance(app.screen, MainScreen) and app.screen.loaded.is_set()):
                if time.monotonic() > deadline:
                    raise SystemExit("the app did not load in time")
                await pilot.pause(0.05)
            app.session.stop()  # a steady picture: no refresh lands while it is taken
            await pilot.press("V", "V")  # a no-op pair: settles the list's first render
            await pilot.pause(0.3)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            app.save_screenshot(filename=args.out.name, path=str(args.out.parent))
            app.exit(0)

        app.run(headless=True, size=(columns, rows), auto_pilot=shoot)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
