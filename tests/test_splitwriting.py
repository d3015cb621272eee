"""scripts/splitwriting.py: two writing processes share the files and report their errors."""

import os
import types

from iq_core.output import writes
from splitwriting import SplitWriting

NAMES = [f"termine/veranstaltung-{n}/index.html" for n in range(200)] + [
    "index.html", "newsletter/2025-03/email.html", "termine/termine.ics", "rss.xml"]


def test_every_file_falls_to_exactly_one_process_and_always_the_same():
    first, second = SplitWriting(None, niceness=0), SplitWriting(None, niceness=0)
    first.shares = second.shares = 2
    second.share = 1
    for name in NAMES:
        assert first.takes(name) != second.takes(name), name
        assert first.takes(name) == first.takes(name)
    # Both get a fair part of the work, not all of it.
    assert 60 < sum(first.takes(name) for name in NAMES) < 144
    alone = SplitWriting(None, niceness=0)
    assert all(alone.takes(name) for name in NAMES)


def test_the_second_process_reports_its_errors_to_the_first():
    collector = types.SimpleNamespace(messages=["vor der Teilung"])
    split = SplitWriting(collector, niceness=0)
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
    split = SplitWriting(collector, niceness=0)
    split.fork([])
    if split.share == 1:
        os._exit(9)  # dies without a report
    split.join()
    assert len(collector.messages) == 1
    assert "zweite Schreibprozess" in collector.messages[0]


def test_each_writer_writes_only_the_files_that_fall_to_it(tmp_path):
    from pelican.settings import DEFAULT_CONFIG

    template = types.SimpleNamespace(render=lambda context: f"<p>{context['output_file']}</p>")
    written = {}
    for share in (0, 1):
        split = SplitWriting(None, niceness=0)
        split.shares, split.share = 2, share
        writer = split.writer_class(None)(str(tmp_path / str(share)), settings=dict(DEFAULT_CONFIG))
        for name in NAMES:
            writer.write_file(name, template, {"localsiteurl": ""})
        written[share] = {name for name in NAMES if (tmp_path / str(share) / name).exists()}
        assert all(split.takes(name) for name in written[share])
        # Our plugins' own files (e-mails, calendars, feeds) get the same answer.
        assert {name for name in NAMES if writes(writer, name)} == written[share]
    assert written[0].isdisjoint(written[1])
    assert written[0] | written[1] == set(NAMES)
    assert written[0] and written[1]
    assert writes(object(), "termine/termine.ics")  # Pelican's own writer: one process
