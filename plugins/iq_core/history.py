"""When each content file last changed and how often, from git (as Hugo's enableGitInfo).

Subscribers' calendars and feed readers take an event as changed when its SEQUENCE rises
and its LAST-MODIFIED moves on; feeds and the sitemap want the time of the last change.
Editors should not have to remember any of that: git knows it. One `git log` over the
content folder gives every file's commits at once, so the history of a commit is the
same in every build of that commit (committer times, never the clock).

`modified` in the front matter still wins (`last_modified`). Outside git (a tarball),
in a shallow clone (CI without the full history) or with IQ_GIT_HISTORY off, there is
no history: the content types fall back to `modified`/`date`, and the build log says why.
"""

import dataclasses
import datetime
import logging
import os
import subprocess

logger = logging.getLogger(__name__)

UTC = datetime.timezone.utc
SETTING = "IQ_HISTORY_DATA"  # the run's history, read when first asked for


@dataclasses.dataclass(frozen=True)
class FileHistory:
    commits: int                 # how many commits changed the file (at least 1)
    last: datetime.datetime      # committer time of the newest of them, in UTC
    first: datetime.datetime     # … and of the oldest (when the file was added)


@dataclasses.dataclass(frozen=True)
class History:
    files: dict                  # real path -> FileHistory
    note: str | None = None      # why there is none (for the build log)

    def of(self, source_path):
        if not source_path:
            return None
        return self.files.get(os.path.realpath(source_path))


def history(settings):
    """The run's history, read once (the first content item asks; a run is one commit)."""
    known = settings.get(SETTING)
    if known is None:
        known = settings[SETTING] = read_history(settings)
        if known.note:
            logger.warning("Hinweis: %s", known.note)
    return known


def file_history(item):
    """FileHistory of a content item's file, or None (not in git, no history)."""
    settings = getattr(item, "settings", None)
    if not settings:
        return None
    return history(settings).of(getattr(item, "source_path", None))


def last_modified(item):
    """When the item last changed, aware: `modified` as written, else the last commit of
    its file, else None (callers fall back to `date`)."""
    written = getattr(item, "modified", None)  # Pelican sets it only where it is written
    if written is not None:
        return written
    known = file_history(item)
    return known.last if known else None


def read_history(settings):
    if not settings.get("IQ_GIT_HISTORY", True):
        return History({})
    content = os.path.realpath(settings["PATH"])
    # One call for both answers (each git call costs the preview some milliseconds).
    where = (_git(content, "rev-parse", "--show-toplevel", "--is-shallow-repository")
             or "").split("\n")
    if len(where) < 2 or not where[0]:
        return History({}, _FALLBACK.format(reason="der Inhalt liegt nicht in einem "
                                                   "git-Verzeichnis"))
    top = os.path.realpath(where[0])
    if where[1].strip() == "true":
        return History({}, _FALLBACK.format(
            reason="die git-Kopie ist flach (ohne ältere Commits; in der CI „fetch-depth: 0“ "
                   "bzw. „GIT_DEPTH: 0“ setzen)"))
    log = _git(top, "log", "-z", "--name-only", "--no-renames", "--format=%x01%ct", "--",
               os.path.relpath(content, top))
    if log is None:
        return History({}, _FALLBACK.format(reason="git log ließ sich nicht lesen"))
    return History(parse_log(log, top))


_FALLBACK = ("Keine Änderungsgeschichte aus git, weil {reason}. Kalender und Feeds nehmen "
             "„modified“ bzw. „date“ aus den Dateien; abonnierte Kalender bemerken "
             "Änderungen dann nur, wenn „modified“ gesetzt ist.")


def parse_log(log, top):
    """`git log -z --name-only --format=%x01%ct` (newest first) -> {real path: FileHistory}."""
    counts, newest, oldest = {}, {}, {}
    for chunk in log.split("\x01"):
        if not chunk.strip("\0\n"):
            continue
        stamp, *names = chunk.split("\0")
        when = datetime.datetime.fromtimestamp(int(stamp.strip()), UTC)
        for name in names:
            name = name.strip("\n")
            if not name:
                continue
            path = os.path.join(top, name)
            counts[path] = counts.get(path, 0) + 1
            newest[path] = max(when, newest.get(path, when))
            oldest[path] = min(when, oldest.get(path, when))
    return {path: FileHistory(counts[path], newest[path], oldest[path]) for path in counts}


def _git(cwd, *args):
    """git's output as text, or None when git is missing or fails (not a repository,
    not a safe directory, …)."""
    try:
        done = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd,
                              capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "surrogateescape")
