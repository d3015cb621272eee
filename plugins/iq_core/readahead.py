"""Reading ahead on the second core: a large build's Markdown files, read by two processes.

Reading (YAML, Markdown, the reader's checks) is a third of a large build, on one core.
The build (scripts/sitebuild.py, before Pelican runs) hands the reader a ReadAhead in the
setting IQ_READ_CACHE, the reader's one public way to get a file's result from elsewhere
(the preview keeps results there). ReadAhead starts a helper program (`python -m
iq_core.readahead`, a process of its own with the same settings and the same reader) that
reads the files from the end of the list, while Pelican reads from the beginning. For each
file the reader asks for, ReadAhead answers with the helper's result if it has it, waits
if the helper is reading it, and otherwise lets the build read it (and the helper skips
it). A file's result is the same wherever it was read: the reader is the same code with
the same settings, its mistakes travel as ContentErrors, its log messages are logged by the
build for that file.
"""

import logging
import os
import pickle
import struct
import subprocess
import sys
import threading

PLUGINS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LENGTH = struct.Struct(">Q")
STARTED, DONE = "begonnen", "fertig"


def markdown_files(content_root):
    found = []
    for folder, subfolders, files in os.walk(content_root):
        subfolders.sort()
        found.extend(os.path.join(folder, name) for name in sorted(files)
                     if name.endswith((".md", ".markdown")))
    return found


class ReadAhead:
    """The build's side: answers `read()` for the reader (the interface of ReadCache)."""

    def __init__(self, settings, files):
        self.files = files
        self.started, self.results = set(), {}
        self.taken = set()  # files the build reads itself
        self.from_helper = 0  # files whose result came from the helper
        self.arrived = threading.Condition()
        self.finished = False
        self.process = subprocess.Popen(
            [sys.executable, "-m", "iq_core.readahead"], cwd=PLUGINS,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        send(self.process.stdin, (settings, files))
        self.receiver = threading.Thread(target=self._receive, daemon=True)
        self.receiver.start()

    def read(self, source_path, read):
        with self.arrived:
            if source_path not in self.started and not self.finished:
                self.taken.add(source_path)
                self._tell_taken(source_path)
            else:
                self.arrived.wait_for(lambda: source_path in self.results or self.finished)
            result = self.results.pop(source_path, None)
        if result is None:
            return read(source_path)
        self.from_helper += 1
        outcome, value, records = result
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
        if outcome == "error":
            raise value
        return value

    def cleaned(self, source_path, kind, clean):
        return clean()

    def _tell_taken(self, source_path):
        try:
            send(self.process.stdin, source_path)
        except (BrokenPipeError, ValueError):
            pass

    def _receive(self):
        source = self.process.stdout
        try:
            while (message := receive(source)) is not None:
                kind, path, *result = message
                with self.arrived:
                    if kind == STARTED:
                        self.started.add(path)
                    elif path not in self.taken:
                        self.results[path] = tuple(result)
                    self.arrived.notify_all()
        except (EOFError, OSError, pickle.UnpicklingError):
            pass
        with self.arrived:
            self.finished = True
            self.arrived.notify_all()

    def close(self):
        """After reading: the helper ends (it may still be reading files nobody needs)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.receiver.join()


def send(stream, value):
    data = pickle.dumps(value)
    stream.write(LENGTH.pack(len(data)) + data)
    stream.flush()


def receive(stream):
    header = stream.read(LENGTH.size)
    if len(header) < LENGTH.size:
        return None
    return pickle.loads(stream.read(LENGTH.unpack(header)[0]))


class CapturedLogs(logging.Handler):
    """The helper's log messages while it reads one file, for the build to log."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


def main():
    """The helper: read the files from the end; skip those the build has taken."""
    from .reader import IQReader

    settings, files = receive(sys.stdin.buffer)
    taken, lock = set(), threading.Lock()

    def note_taken():
        while (path := receive(sys.stdin.buffer)) is not None:
            with lock:
                taken.add(path)

    threading.Thread(target=note_taken, daemon=True).start()
    root = logging.getLogger()
    root.handlers[:] = [captured := CapturedLogs()]
    reader, out = IQReader(settings), sys.stdout.buffer
    for path in reversed(files):
        with lock:
            if path in taken:
                continue
        send(out, (STARTED, path))
        captured.records = []
        try:
            result = ("ok", reader.read(path), captured.records)
        except Exception as error:  # noqa: BLE001 (raised again by the build's reader)
            result = ("error", error, captured.records)
        send(out, (DONE, path, *result))


if __name__ == "__main__":
    main()
