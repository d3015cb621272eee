"""The preview's site, kept in memory and made page by page when the browser asks.

One run of Pelican with all the site's plugins, as in a build, but its writer records
instead of writing: for each file of the site it keeps what makes it (a template with
its context, or a content type's function for a calendar, feed or e-mail). A request
makes only the file it asks for. After a save, a new run rebuilds the whole context, so
listings, Termine blocks, facet pages, calendars and feeds are always current, while
the reader's cache (iq_core.readcache) reads only the files that changed. Static files
are hard links in a folder of their own per run.

Requests never wait for a run: they are answered from the last state without errors
(`current`) until a run without errors replaces it. The problems of the last run are
kept beside it for the preview's German overlay.
"""

import functools
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field

import jinja2
from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from sitebuild import site_messages


def recording_writer(record):
    """A writer class that records into `record` for each name how to make the file, and
    makes nothing. Names are claimed as Pelican's writer claims them (a page may replace a
    listing once; any other second write of a name is an error), so the preview reports
    the clashes a build would. Built after Pelican has loaded the plugins (iq_core)."""
    from iq_core.writer import SiteWriter, job_files

    class RecordingWriter(SiteWriter):
        def __init__(self, output_path, settings=None):
            super().__init__(output_path, settings=settings)
            self.replaced = set()

        def write_file(self, name, template, context, relative_urls=False, paginated=None,
                       template_name=None, override_output=False, url=None, **kwargs):
            if not name or not self._claim_page(name, override_output):
                return
            # The context as it is now (a build renders it now); its values are shared.
            record[name] = functools.partial(
                render_page, self.settings, name, template, dict(context),
                relative_urls=relative_urls, paginated=paginated, template_name=template_name,
                url=url, **kwargs)

        def _claim_page(self, name, override):
            if name in self.replaced:
                if override:
                    raise RuntimeError(f"{name} würde zweimal ersetzt")
                return False  # Pelican skips a page that an overriding one replaced
            if name in record and not override:
                raise RuntimeError(f"{name} würde zweimal geschrieben")
            if override:
                self.replaced.add(name)
            return True

        def write_data(self, name, make):
            self.claim(name)
            record[name] = make

        def write_job(self, names, job):
            for name in names:
                self.claim(name)
            # The job's files are made together, when the first of them is asked for.
            files = functools.cache(functools.partial(job_files, names, job))
            for name in names:
                record[name] = functools.partial(lambda name: files()[name], name)

        def exists(self, name):
            return name in record or super().exists(name)

    return RecordingWriter


def page_addresses(context):
    """{content file below content/: URL path of its page}."""
    return {source: "/" + item.url for source, item in context["generated_content"].items()
            if item is not None and getattr(item, "url", "")}


def render_page(settings, name, template, context, **arguments):
    """One page, rendered by Pelican's own writer into a scratch folder and read back."""
    with tempfile.TemporaryDirectory(prefix="iq-seite-") as folder:
        Writer(folder, settings=settings).write_file(name, template, context, **arguments)
        with open(sanitised_join(folder, name), "rb") as handle:
            return handle.read()


@dataclass
class SiteState:
    """One run's site: how to make each file, and its static files' folder."""

    record: dict
    folder: str
    pages: dict = field(default_factory=dict)  # content file (below content/) -> its URL
    made: dict = field(default_factory=dict)

    def names(self):
        return self.record.keys()

    def file(self, name):
        """The file's bytes, or None if the site has no such file."""
        if name in self.made:
            return self.made[name]
        make = self.record.get(name)
        if make is None:
            return self._static(name)
        data = make()
        data = data.encode("utf-8") if isinstance(data, str) else data
        self.made[name] = data
        return data

    def _static(self, name):
        try:
            path = sanitised_join(self.folder, name)
        except RuntimeError:
            return None
        if not os.path.isfile(path):
            return None
        with open(path, "rb") as handle:
            return handle.read()


class TemplateCode(jinja2.BytecodeCache):
    """Compiled templates kept between runs (Jinja compiles a changed template anew: the
    key holds a checksum of its source). Each run has new generators with new template
    environments, and compiling every template takes a quarter of a second."""

    def __init__(self):
        self._code = {}

    def load_bytecode(self, bucket):
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self._code[bucket.key] = bucket.bytecode_to_string()


class PreviewSite:
    """The preview's state: `current` (last run without errors), `problems` of the last
    run, and `version`, which changes with every run (the browser reloads on a change)."""

    def __init__(self, settings_file, folder, overrides=None):
        self.settings_file = settings_file
        self.folder = folder  # static files of each run, below it
        self.overrides = overrides or {}
        self.cache = None  # iq_core.readcache.ReadCache, from the first run on
        self.templates = TemplateCode()
        self.current = None
        self.problems = []
        self.version = 0
        self.runs = 0
        self.cache_path = "cache"  # for the details of unexpected errors
        self.changed = threading.Condition()
        self._building = threading.Lock()
        shutil.rmtree(folder, ignore_errors=True)

    def rebuild(self):
        """One run; only one at a time (a save during a run gets a run of its own)."""
        with self._building:
            self.runs += 1
            record, folder = {}, os.path.join(self.folder, f"lauf-{self.runs}")
            pages = {}
            messages = self._run(record, folder, pages)
            state = SiteState(record, folder, pages)
            with self.changed:
                previous = self.current
                self.problems = messages
                if not messages or previous is None:
                    self.current = state
                self.version += 1
                self.changed.notify_all()
            kept = {self.current.folder}
            for old in (previous.folder if previous else None, folder):
                if old and old not in kept:
                    shutil.rmtree(old, ignore_errors=True)

    def _run(self, record, folder, pages):
        run = {}

        def prepare(pelican):
            """The preview's parts in the run's settings (Pelican keeps this very dict)."""
            from iq_core.readcache import ReadCache

            settings = run["settings"] = pelican.settings
            settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"],
                                             "bytecode_cache": self.templates}
            self.cache_path = settings["CACHE_PATH"]
            if self.cache is None:
                self.cache = ReadCache()
            self.cache.start_run(settings["PATH"])
            settings["IQ_READ_CACHE"] = self.cache
            settings["IQ_WRITER"] = recording_writer(record)

        def note_pages(generators):  # which page shows which content file
            if generators[0].settings is run.get("settings"):
                pages.update(page_addresses(generators[0].context))

        signals.all_generators_finalized.connect(note_pages)  # weak: ends with this run
        try:
            return site_messages(self.settings_file, folder, {
                **self.overrides, "SEARCH_INDEX": False,
                # Static files as hard links: a run copies nothing.
                "STATIC_CREATE_LINKS": True}, prepare=prepare)
        finally:
            signals.all_generators_finalized.disconnect(note_pages)

    def wait_for_change(self, version, timeout):
        """The version after `version` (or the same one after `timeout` seconds)."""
        with self.changed:
            self.changed.wait_for(lambda: self.version != version, timeout=timeout)
            return self.version
