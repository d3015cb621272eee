"""decap-server, the web editor's local backend: saves from /admin/ go into a folder on
this computer (the checkout), with no account at GitHub or GitLab.

Used by `invoke cms` (the project folder) and by the browser tests (a scratch copy).
decap-server's file mode writes the files at once; it knows no review branches, which is
why the preview's settings (pelicanconf.py) use Decap's simple publish mode.
"""

import os
import shutil
import signal
import socket
import subprocess
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVER = os.path.join(HERE, "node_modules", "decap-server", "dist", "index.js")
PORT = 8081
# The pid of `invoke cms`'s decap-server, kept across the preview's restarts (see below).
RUNNING = "IQ_DECAP_SERVER_PID"


class CmsServerError(Exception):
    """decap-server cannot run; the message says why and what to do, in German."""


def start_decap_server(folder, port=PORT, log=subprocess.DEVNULL, mode="fs"):
    """decap-server for `folder`, listening on 127.0.0.1 only (nobody else on the network
    may write into the checkout). Returns the process once it accepts connections.

    `mode` "fs" writes files (`invoke cms`); "git" keeps the review workflow in branches of
    the repository, as GitHub/GitLab would, but commits and checks out in that folder, so
    it is only for scratch repositories (tests/test_cms_workflow.py)."""
    node = shutil.which("node")
    if node is None or not os.path.isfile(SERVER):
        raise CmsServerError("Der lokale Speicherdienst des Web-Editors (decap-server) ist "
                             "nicht installiert. Bitte einmal „./scripts/install-site“ ausführen.")
    if port_in_use(port):
        raise CmsServerError(f"Port {port} ist schon belegt: läuft „invoke cms“ bereits in "
                             "einem anderen Fenster? Bitte dort beenden (Strg+C).")
    environment = {**os.environ, "MODE": mode, "GIT_REPO_DIRECTORY": os.path.abspath(folder),
                   "PORT": str(port), "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
    process = subprocess.Popen([node, SERVER], cwd=folder, env=environment,
                               stdout=log, stderr=log)
    deadline = time.monotonic() + 20
    while not port_in_use(port):
        if process.poll() is not None or time.monotonic() > deadline:
            stop_decap_server(process)
            raise CmsServerError("decap-server ist nicht gestartet (Node.js-Fehler).")
        time.sleep(0.05)
    return process


def stop_decap_server(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def port_in_use(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def decap_server_for_preview(folder, port=PORT):
    """decap-server for `invoke cms`: its pid. The preview restarts its own process with
    os.execv when the code changes (scripts/preview.py); the server started before lives
    on as a child of the same process and is used again instead of a second one."""
    pid = int(os.environ.get(RUNNING) or 0)
    if pid and is_alive(pid) and port_in_use(port):
        return pid
    pid = start_decap_server(folder, port).pid
    os.environ[RUNNING] = str(pid)  # os.execv hands the environment on
    return pid


def stop_decap_server_pid(pid):
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def is_alive(pid):
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True
