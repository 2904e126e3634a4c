"""``python -m benchmarks``: run the suite (``--help`` for options)."""

from benchmarks.run import main

raise SystemExit(main())
