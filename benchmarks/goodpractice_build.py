"""One public build for benchmarks/goodpractice.py, with the good-practice plugin timed.

    python benchmarks/goodpractice_build.py CONTENT OUTPUT '{"BUILD_DATE": "2026-11-30"}'

The same build as `scripts/sitebuild.py --stage publishconf.py` (sitebuild.site_messages:
Pelican with all plugins, checks, search index, sitemap), run in its own process by the
benchmark. The plugin has no timing of its own, and plugins/ is not the benchmark's to
change, so the `prepare` hook of site_messages (called once Pelican has loaded the
plugins) wraps the generator's two steps in iq_core.timing.timed: with IQ_STEP_TIMES set,
"good practice context" and "good practice output" land in the steps file like the
project's own steps.
"""

import functools
import json
import logging
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

STEPS = {"generate_context": "good practice context", "generate_output": "good practice output"}


def timed_method(method, step):
    from iq_core.timing import timed  # importable once Pelican has loaded the plugins

    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        with timed(step):
            return method(*args, **kwargs)
    return wrapper


def build(content, output, overrides):
    from buildmessages import german_warnings
    from sitebuild import read_ahead, site_messages

    started = []

    def prepare(pelican):
        generator = sys.modules["good_practice.generator"].FactSheetGenerator
        for name, step in STEPS.items():
            setattr(generator, name, timed_method(getattr(generator, name), step))
        # What site_messages does without a hook: large sites read ahead on the second core.
        started.append(read_ahead(pelican.settings))

    logging.basicConfig(level=logging.WARNING, handlers=[german_warnings()])
    os.chdir(ROOT)  # as sitebuild's child: settings and theme relative to the project
    try:
        messages = site_messages(os.path.join(ROOT, "publishconf.py"), output, {**overrides, "PATH": content},
                                 prepare=prepare)
    finally:
        for ahead in filter(None, started):
            ahead.close()
    if messages:
        print("\n".join(f"- {message}" for message in messages), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    build(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), json.loads(sys.argv[3]))
