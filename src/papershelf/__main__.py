"""Allow ``python -m papershelf``."""

from papershelf.cli.main import run

run()
