"""Opt-in step timings for the build benchmark (benchmarks/run.py).

With the environment variable IQ_STEP_TIMES set to a file, every `timed(step)` block
appends one JSON line {"step": …, "seconds": …} to it; without it, `timed` does nothing
(no clock, no file). The blocks wrap whole steps (all feeds, all calendars, the search
index), never single pages, so the cost of measuring is a few file appends per build.
Nothing is kept in memory: the file is the record, and a step that runs several times
(a feed per content type) is summed by the benchmark.
"""

import contextlib
import json
import os
import time

ENVIRONMENT_VARIABLE = "IQ_STEP_TIMES"


@contextlib.contextmanager
def timed(step):
    target = os.environ.get(ENVIRONMENT_VARIABLE)
    if not target:
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds = time.perf_counter() - start
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"step": step, "seconds": seconds}) + "\n")
