"""Allow ``python -m papershelf``."""

from papershelf.cli.main import main

raise SystemExit(main())
