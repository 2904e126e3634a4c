"""Run one command and print its wall time and peak RSS as JSON (used by ``run_timed``).

    python -m benchmarks.measure OUT_FILE -- ARGV...

A child's ``ru_maxrss`` starts at its parent's resident size when it was forked (Linux keeps
the larger of the two across ``exec``), so a command started straight from the suite, which
holds a 50,000-paper catalog, would report the suite's memory. Started from this small
process, the figure is the command's own. The time is taken here, around the child alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    out, argv = argv[0], argv[2:]
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"seconds": elapsed, "rss_mb": usage.ru_maxrss / 1024, "code": code}, f)
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
