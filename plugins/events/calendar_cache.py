"""VEVENTs of earlier builds, so a rebuild serialises only the events that changed."""

import hashlib
import importlib.metadata
import os

from iq_core.kept import load_kept, save_kept

CALENDAR_CODE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "calendar.py")


class VeventCache:
    """VEVENT bytes of earlier builds by their fields, kept beside Pelican's content cache.

    Only with the content cache on (CACHE_CONTENT and LOAD_CONTENT_CACHE): a rebuild
    serialises only the VEVENTs whose fields changed. The stored bytes count only for the
    same icalendar version and the same code of this module (its hash), so a change to
    either serialises everything anew; each build keeps only the VEVENTs it used.
    """

    def __init__(self, settings):
        self.path = None
        if settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE"):
            self.path = os.path.join(settings["CACHE_PATH"], "Kalender-VEVENTs")

    @staticmethod
    def version():
        with open(CALENDAR_CODE, "rb") as handle:
            code = hashlib.sha256(handle.read()).hexdigest()
        return (importlib.metadata.version("icalendar"), code)

    def load(self):
        return load_kept(self.path, self.version(), {}) if self.path else {}

    def save(self, vevents):
        if self.path:
            save_kept(self.path, self.version(), vevents)
