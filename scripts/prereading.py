"""Markdown files read on two cores: a second process reads ahead while Pelican reads.

Pelican reads one content file after the other, and reading (YAML, Markdown, our checks)
is half of a build. Before Pelican starts, the build forks a reader process. Both
processes take files from one list: Pelican's own reader (in the build process) takes the
file it is asked for, unless the second process has taken it already; the second process
takes files from the end of the list. A file is taken once (a shared flag per file under
a lock), and each file is read by the same reader class with the same settings, so what
Pelican gets is the same wherever a file was read, errors included: an error of the
second process (a ContentError) is raised by Pelican's reader for that file, as if it
had read it, and its log messages are logged there too.

Off with the content cache on (Pelican then reads nothing twice anyway) or with
IQ_PREREADING = False.
"""

import logging
import multiprocessing
import os
import pickle
import threading

SETTING = "IQ_PREREADING"
FREE, BUILD, AHEAD = 0, 1, 2  # who has taken a file
EXTENSIONS = (".md", ".markdown")


def markdown_files(path):
    found = []
    for folder, subfolders, files in os.walk(path):
        subfolders.sort()
        found.extend(os.path.join(folder, name) for name in sorted(files)
                     if name.endswith(EXTENSIONS))
    return found


class CapturedLogs(logging.Handler):
    """The second process's log messages while it reads one file, for the build to log."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


class PreReading:
    def __init__(self, settings):
        self.settings = settings
        self.enabled = bool(settings.get(SETTING, True) and hasattr(os, "fork")
                            and not (settings.get("CACHE_CONTENT")
                                     and settings.get("LOAD_CONTENT_CACHE")))
        self.ahead = False  # True in the second process
        self._process = None

    def start(self, signals):
        """After Pelican and its plugins are set up, before Pelican reads."""
        if not self.enabled:
            return
        files = markdown_files(self.settings["PATH"])
        self.index = {path: number for number, path in enumerate(files)}
        context = multiprocessing.get_context("fork")
        self.taken = context.Array("b", len(files))
        self.results = {}
        self.arrived = threading.Condition()
        self._receiver_done = False  # the second process has ended: nothing more arrives
        connection, child = context.Pipe(duplex=False)
        self._signals = signals
        signals.readers_init.connect(self.wrap_reader, weak=False)
        self._process = context.Process(target=self._read_ahead, args=(files, child),
                                        daemon=True)
        self._process.start()
        child.close()
        self._receiver = threading.Thread(target=self._receive, args=(connection,), daemon=True)
        self._receiver.start()

    def stop(self):
        """Pelican has read everything (also before the build forks again to write)."""
        if self._process is None:
            return
        self._signals.readers_init.disconnect(self.wrap_reader)
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receiver.join()
        self._process = None

    # In the build process -----------------------------------------------------

    def wrap_reader(self, readers):
        """Pelican's reader for Markdown (iq_core's) asks here first."""
        for extension in EXTENSIONS:
            base = readers.reader_classes.get(extension.lstrip("."))
            if base is not None and not getattr(base, "pre_reading", None):
                readers.reader_classes[extension.lstrip(".")] = self._reader_class(base)

    def _reader_class(self, base):
        pre_reading = self

        class PreReadReader(base):
            def read(self, source_path):
                return pre_reading.read(source_path, super().read)

        PreReadReader.pre_reading = self
        PreReadReader.__name__ = base.__name__  # Pelican names the reader after the class
        return PreReadReader

    def read(self, source_path, read_here):
        number = self.index.get(os.path.abspath(source_path))
        if self.ahead or number is None:
            return read_here(source_path)
        with self.taken.get_lock():
            taken = self.taken[number]
            if taken == FREE:
                self.taken[number] = BUILD
        if taken == FREE:
            return read_here(source_path)
        with self.arrived:
            self.arrived.wait_for(lambda: number in self.results or self._receiver_done)
            result = self.results.pop(number, None)
        if result is None:  # the second process ended before it sent this file
            return read_here(source_path)
        outcome, value, records = result
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
        if outcome == "error":
            raise value
        if outcome == "unsent":
            return read_here(source_path)
        return value

    def _receive(self, connection):
        while True:
            try:
                number, data = connection.recv()
            except (EOFError, OSError):
                break
            try:
                result = pickle.loads(data)
            except Exception:  # noqa: BLE001 (the build reads that file itself)
                result = ("unsent", None, [])
            with self.arrived:
                self.results[number] = result
                self.arrived.notify_all()
        with self.arrived:
            self._receiver_done = True
            self.arrived.notify_all()
        connection.close()

    # In the second process --------------------------------------------------

    def _read_ahead(self, files, connection):
        from pelican.readers import Readers

        self.ahead = True
        root = logging.getLogger()
        for handler in list(root.handlers):
            root.removeHandler(handler)
        captured = CapturedLogs()
        root.addHandler(captured)
        reader = Readers(self.settings).readers
        for number in reversed(range(len(files))):
            with self.taken.get_lock():
                if self.taken[number] != FREE:
                    continue
                self.taken[number] = AHEAD
            path = files[number]
            extension = os.path.splitext(path)[1].lstrip(".")
            captured.records = []
            try:
                result = ("ok", reader[extension].read(path), captured.records)
            except Exception as error:  # noqa: BLE001 (raised again by the build's reader)
                result = ("error", error, captured.records)
            try:
                data = pickle.dumps(result)
            except Exception:  # noqa: BLE001 (the build reads that file itself)
                data = pickle.dumps(("unsent", None, []))
            connection.send((number, data))
        connection.close()
