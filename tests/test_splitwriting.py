"""scripts/splitwriting.py: two writing processes share the files and report their errors."""

import os
import types

from splitwriting import SplitWriting

NAMES = [f"termine/veranstaltung-{n}/index.html" for n in range(200)] + [
    "index.html", "newsletter/2025-03/email.html", "termine/termine.ics", "rss.xml"]


def test_every_file_falls_to_exactly_one_process_and_always_the_same():
    first, second = SplitWriting(None), SplitWriting(None)
    first.shares = second.shares = 2
    second.share = 1
    for name in NAMES:
        assert first.takes(name) != second.takes(name), name
        assert first.takes(name) == first.takes(name)
    # Both get a fair part of the work, not all of it.
    assert 60 < sum(first.takes(name) for name in NAMES) < 144
    alone = SplitWriting(None)
    assert all(alone.takes(name) for name in NAMES)


def test_the_second_process_reports_its_errors_to_the_first():
    collector = types.SimpleNamespace(messages=["vor der Teilung"])
    split = SplitWriting(collector)
    generators = []
    split.fork(generators)
    if split.share == 1:  # the second process: log an error of its own, report, end
        collector.messages.append("Fehler im zweiten Prozess")
        split.join()
        os._exit(3)  # never reached: join() ends the process
    split.join()
    assert "Fehler im zweiten Prozess" in collector.messages
    assert split.shares == 2 and split.share == 0


def test_a_second_process_that_dies_is_an_error_of_the_build():
    collector = types.SimpleNamespace(messages=[])
    split = SplitWriting(collector)
    split.fork([])
    if split.share == 1:
        os._exit(9)  # dies without a report
    split.join()
    assert len(collector.messages) == 1
    assert "zweite Schreibprozess" in collector.messages[0]
