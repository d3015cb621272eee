"""A time budget for work on one content file, so no file can stall a build for hours.

Python-Markdown needs quadratic time for some inputs (thirty thousand "![" take minutes).
An alarm ends the work after the budget and the reader reports the file. Signals reach
only the main thread; elsewhere (never in a build) the work simply runs without a budget.
"""

import contextlib
import signal
import threading


class OverBudget(Exception):
    """The work took longer than its budget."""


@contextlib.contextmanager
def time_budget(seconds):
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def over(signum, frame):
        raise OverBudget()

    previous = signal.signal(signal.SIGALRM, over)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
