"""Preparing pages for the index on the second core, while Pelican writes the others.

Pelican renders one page after the other on one core. Once a site is large enough to
pay for it, a helper program (this module, `python -m search_index.helper`, a process
of its own that shares nothing with the build) prepares each page as soon as Pelican has
written it (its content_written signal): the build sends the page's path, the helper
writes the prepared page into the scratch folder. At the end it answers which pages it
prepared and the compound splits it found, which the build keeps for the next one. A
page is prepared the same way wherever it is prepared: the index stays byte-identical.
"""

import os
import pickle
import subprocess
import sys

PLUGINS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
END = b"\0"


class PageHelper:
    """Hands written pages to the helper program; `results()` waits for its answer."""

    def __init__(self, splitter, output, scratch, start_after):
        self.arguments = [splitter.cache_path, splitter.splits_file or "", output, scratch]
        self.start_after = start_after  # pages (None: never)
        self.pending = []  # pages written before the helper started
        self.process = None

    def page_written(self, path):
        self.pending.append(path)
        if self.process is None and (self.start_after is None
                                     or len(self.pending) < self.start_after):
            return
        if self.process is None:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "search_index.helper", *self.arguments], cwd=PLUGINS,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        paths, self.pending = self.pending, []
        try:
            self.process.stdin.write(b"".join(os.fsencode(p) + END for p in paths))
            self.process.stdin.flush()
        except BrokenPipeError:
            pass  # the helper has ended: results() reports why

    def results(self):
        """({path: prepared?} of every page the helper took, splits it found)."""
        if self.process is None:
            return {}, {}
        try:
            answer, errors = self.process.communicate()
        finally:
            self.close()
        if self.process.returncode != 0:
            raise RuntimeError(f"Suchindex-Helfer endete mit Status {self.process.returncode}: "
                               f"{errors.decode('utf-8', 'replace')[-2000:]}")
        return pickle.loads(answer)

    def close(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def main(model_path, splits_file, output, scratch):
    from .compounds import CompoundSplitter
    from .pages import prepare_page

    splitter = CompoundSplitter(model_path, splits_file or None)
    known = set(splitter.splits)
    prepared = {}
    for raw in _paths(sys.stdin.buffer):
        path = os.fsdecode(raw)
        prepared[path] = prepare_page(path, output, scratch, splitter)
    found = {key: value for key, value in splitter.splits.items() if key not in known}
    pickle.dump((prepared, found), sys.stdout.buffer)


def _paths(stream):
    """Paths as they arrive (each ends with a zero byte), until the build closes the pipe."""
    buffer = b""
    while chunk := stream.read1(65536):
        buffer += chunk
        *complete, buffer = buffer.split(END)
        yield from complete


if __name__ == "__main__":
    main(*sys.argv[1:])
