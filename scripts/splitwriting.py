"""Pelican's writing shared by two processes: every output file is written by one of them.

Pelican renders one page after the other on one core. Once everything is read (the
signal all_generators_finalized), the build forks: both processes then run the same
generators over the same content in the same order, and each renders and writes only
the files whose name falls to it, by a stable hash of the name. Each file is written
once, by the same code with the same data as in one process, so builds stay
byte-identical. Pelican's own bookkeeping (a page that replaces a listing with the same
name, a name written twice) stays correct, because one name always falls to the same
process. Our plugins' own files (e-mails, calendars, feeds, open data) ask the writer the
same question through `iq_core.output.writes`. Static files are copied by the first
process only.

The second process reports the errors it logged and ends; the first waits for it and
adds them to its own, so editors still get every problem at once.
"""

import hashlib
import os
import pickle

SETTING = "IQ_SPLIT_WRITING"  # False: write in one process (a setting or --overrides)
WRITER_NICENESS = 5


class SplitWriting:
    def __init__(self, collector, settings=None, niceness=WRITER_NICENESS):
        self.collector = collector  # the process's ErrorCollector (scripts/sitebuild.py)
        self.enabled = bool((settings or {}).get(SETTING, True) and hasattr(os, "fork"))
        self.niceness = niceness
        self.share, self.shares = 0, 1
        self._child = None   # first process: (pid, reading end of the report pipe)
        self._report = None  # second process: writing end

    def connect(self, signals):
        if self.enabled:
            signals.get_writer.connect(self.writer_class, weak=False)

    def fork(self, generators):
        """When Pelican has read everything (all_generators_finalized)."""
        from pelican.generators import StaticGenerator

        if not self.enabled:
            return
        read, write = os.pipe()
        pid = os.fork()
        self.shares = 2
        # Both writers yield to the process that prepares the written pages for the search
        # index: it keeps up with them, instead of being left with a backlog for one core
        # when they are done (the writers share what it leaves of the two cores).
        if self.niceness:
            try:
                os.nice(self.niceness)
            except (AttributeError, OSError):
                pass
        if pid:
            os.close(write)
            self._child = (pid, read)
            return
        os.close(read)
        self.share, self._report = 1, write
        # Pelican runs this list after the signal: static files are the first process's.
        generators[:] = [g for g in generators if not isinstance(g, StaticGenerator)]
        # Pelican's closing summary is printed once, by the first process.
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 1)

    def takes(self, name):
        """Whether this process writes the file `name` (a path in the output folder)."""
        if self.shares == 1:
            return True
        digest = hashlib.blake2b(str(name).encode("utf-8"), digest_size=4).digest()
        return int.from_bytes(digest, "big") % self.shares == self.share

    def writer_class(self, pelican):
        from pelican.writers import Writer

        split = self

        class SplitWriter(Writer):
            takes = staticmethod(split.takes)

            def write_file(self, name, *args, **kwargs):
                if name and not split.takes(name):
                    return None
                return super().write_file(name, *args, **kwargs)

            def write_feed(self, elements, context, path=None, *args, **kwargs):
                if path and not split.takes(path):
                    return None
                return super().write_feed(elements, context, path, *args, **kwargs)

        return SplitWriter

    def abandon(self):
        """The build is interrupted: the second process ends at once, the first ends it."""
        if self._report is not None:
            os._exit(1)
        if self._child is not None:
            pid, read = self._child
            self._child = None
            os.close(read)
            try:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass

    def join(self):
        """Second process: report and end here. First: wait for the second, take its errors."""
        if self._report is not None:
            with os.fdopen(self._report, "wb") as report:
                pickle.dump(self.collector.messages, report)
            os._exit(0)
        if self._child is None:
            return
        pid, read = self._child
        self._child = None
        with os.fdopen(read, "rb") as report:
            data = report.read()  # until the second process ends (before waiting: no deadlock)
        _, status = os.waitpid(pid, 0)
        try:
            messages = pickle.loads(data)
        except (pickle.PickleError, EOFError):
            messages = [f"Der zweite Schreibprozess des Baus brach ab (Status {status}); "
                        "bitte den Bau wiederholen, bei erneutem Fehler mit "
                        f"{SETTING} = False bauen und die Meldung weitergeben."]
        self.collector.messages.extend(messages)
