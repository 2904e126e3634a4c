"""``papershelf`` in a child process, with the sabotage ``$PAPERSHELF_SABOTAGE`` names applied."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.hardening.sabotage import apply_from_env

apply_from_env(setattr)

from papershelf.cli.main import main  # noqa: E402

raise SystemExit(main(sys.argv[1:]))
