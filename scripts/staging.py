"""The staging folder of a build and the swap into place: readers never see half a site,
and a failed, interrupted or killed build leaves no folder behind."""

import os
import shutil
import tempfile

STAGING_PREFIX = ".build-"


def remove_leftovers(parent):
    """Staging folders of builds that were killed (their process is gone) are removed."""
    for name in os.listdir(parent):
        if not name.startswith((STAGING_PREFIX, ".old-")):
            continue
        pid = name[len(STAGING_PREFIX):].split("-", 1)[0] if name.startswith(STAGING_PREFIX) \
            else ""
        if pid.isdigit() and process_alive(int(pid)):
            continue  # another build (e.g. the live preview) is writing there right now
        shutil.rmtree(os.path.join(parent, name), ignore_errors=True)


def remove_staging(staging):
    """The staging folder and the search step's scratch folder next to it."""
    for folder in (staging, staging + ".suche"):
        shutil.rmtree(folder, ignore_errors=True)


def process_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def shown(path):
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def replace_folder(new, target):
    """Swap `new` into place of `target` with renames, so readers never see half a site."""
    old = None
    if os.path.exists(target):
        old = tempfile.mkdtemp(prefix=".old-", dir=os.path.dirname(target))
        os.rmdir(old)
        os.rename(target, old)
    os.rename(new, target)
    os.chmod(target, 0o755)
    if old:
        shutil.rmtree(old, ignore_errors=True)
