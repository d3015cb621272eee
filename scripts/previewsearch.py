"""The preview's search index: built in the background by a full build of its own.

The preview makes pages only when asked, but the index needs every page. So after each
run without errors a build in a second process (lower priority, so the preview stays
quick) writes the whole site into a scratch folder, with the search index; its
`pagefind/` then replaces the one the preview serves. Saves during that build ask for
one more build when it is done, never for one build per save.
"""

import json
import os
import shutil
import subprocess
import sys
import threading

SITEBUILD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sitebuild.py")


class SearchIndexer:
    def __init__(self, settings_file, folder, overrides=None):
        self.settings_file = settings_file
        self.folder = folder
        self.overrides = overrides or {}
        self.bundle = None  # the folder the preview serves at /pagefind/
        self.builds = 0
        self._wanted = threading.Event()
        self._stopped = threading.Event()
        self._process = None
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        threading.Thread(target=self._loop, daemon=True).start()

    def request(self):
        self._wanted.set()

    def stop(self):
        """No more builds; a build under way ends now (its scratch folder is removed by
        the next preview, see __init__)."""
        self._stopped.set()
        self._wanted.set()
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()

    def _loop(self):
        while True:
            self._wanted.wait()
            if self._stopped.is_set():
                return
            self._wanted.clear()
            self._build()

    def _build(self):
        self.builds += 1
        scratch = os.path.join(self.folder, f"bau-{self.builds}")
        command = [sys.executable, SITEBUILD, "--stage", self.settings_file, scratch,
                   "--overrides", json.dumps(self.overrides)]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL,
                                         preexec_fn=lambda: os.nice(10))
        returncode = self._process.wait()
        bundle = os.path.join(scratch, "pagefind")
        if returncode == 0 and os.path.isdir(bundle) and not self._stopped.is_set():
            previous, self.bundle = self.bundle, bundle
            # The bundle before stays until the next build: a search under way keeps it.
            for old in os.listdir(self.folder):
                path = os.path.join(self.folder, old)
                if path != scratch and (previous is None or path != os.path.dirname(previous)):
                    shutil.rmtree(path, ignore_errors=True)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
