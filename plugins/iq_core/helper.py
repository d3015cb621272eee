"""A helper program on the second core, for work that needs no more than its arguments.

Pelican renders on one core. Some of the build's work is a pure function of plain data:
an e-mail's inlined HTML and text from the rendered page, a feed from its entries, a page
prepared for the search index. Once there is enough of it to pay for a second process,
the build hands each job to a helper program (`python -m iq_core.helper`, a process of its
own that shares nothing with the build) and goes on; the helper runs the jobs in the
order they came, each writing its own files, while Pelican renders the next pages. The
build waits for it at the end (`results()`), and a job that fails fails the build.

A job is (module, function name, arguments); below `start_after` jobs the build runs them
itself. The same job gives the same files wherever it runs: outputs stay byte-identical.
"""

import importlib
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading

PLUGINS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LENGTH = struct.Struct(">Q")


class Helper:
    """The build's side: `submit()` jobs, `results()` their return values, in order."""

    def __init__(self, start_after):
        self.start_after = start_after  # jobs before the helper starts (None: never)
        self.waiting = []               # jobs not handed over
        self.process = None
        self.queue = queue.SimpleQueue()
        self.feeder = None

    def submit(self, function, *arguments):
        self.waiting.append((function.__module__, function.__qualname__, arguments))
        if self.process is None and (self.start_after is None
                                     or len(self.waiting) < self.start_after):
            return
        if self.process is None:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "iq_core.helper"], cwd=PLUGINS,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            # Jobs go through a thread: the build never waits for the helper to take one
            # (a pipe holds 64 KB, an e-mail alone is half of that).
            self.feeder = threading.Thread(target=self._feed, daemon=True)
            self.feeder.start()
        for job in self.waiting:
            self.queue.put(pickle.dumps(job))
        self.waiting = []

    def _feed(self):
        stdin = self.process.stdin
        try:
            while (data := self.queue.get()) is not None:
                stdin.write(LENGTH.pack(len(data)) + data)
            stdin.close()
        except (BrokenPipeError, ValueError):
            pass  # the helper has ended (or was ended): results() says why

    def results(self):
        """(return values of the jobs the helper ran, in order; jobs it never got)."""
        try:
            answers = self._answer() if self.process is not None else []
        finally:
            self.close()
        unsent, self.waiting = self.waiting, []
        return answers, unsent

    def _answer(self):
        self.queue.put(None)
        self.feeder.join()  # every job handed over, stdin closed by the feeder
        self.process.stdin = None  # so communicate() only reads
        answer, errors = self.process.communicate()
        if self.process.returncode != 0:
            raise RuntimeError(f"Hilfsprozess endete mit Status {self.process.returncode}: "
                               f"{errors.decode('utf-8', 'replace')[-3000:]}")
        return pickle.loads(answer)

    def close(self):
        """Ends the helper (also when the build failed before it waited for it)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def run(module, name, arguments):
    """The job's function called with its arguments (in the helper, with the helper's
    `kept` dict first)."""
    function = importlib.import_module(module)
    for part in name.split("."):
        function = getattr(function, part)
    return function(*arguments)


def main():
    """Run each job arriving on stdin; at its end, every return value on stdout. `kept`:
    what jobs set up once in this process (the compound splitter of the search index)."""
    source, results, kept = sys.stdin.buffer, [], {}
    while header := source.read(LENGTH.size):
        module, name, arguments = pickle.loads(source.read(LENGTH.unpack(header)[0]))
        results.append(run(module, name, (kept, *arguments)))
    pickle.dump(results, sys.stdout.buffer)


if __name__ == "__main__":
    main()
