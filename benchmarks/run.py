"""Build benchmark: the project against plain Pelican on the same synthetic Markdown.

    python benchmarks/run.py                      # 100, 1,000 and 5,000 items
    python benchmarks/run.py --sizes 1000 --repeats 1000:5 --report /tmp/report.md

For each size the content is generated once (benchmarks/generate.py, fixed seed) and
kept in benchmarks/.work/ (gitignored). Then, alternating within one run,
(a) the project: `scripts/sitebuild.py --stage publishconf.py` (Pelican with all
    plugins, the checks of the written site, search index, sitemap; the public build,
    so feeds are written too), and
(b) plain Pelican: `python -m pelican CONTENT -s benchmarks/plainconf.py -q`
each run as one child process into a fresh output folder. Each build of (a) starts
without the compound splits of earlier builds, like a fresh clone (--warm-splits: with
them, like a repeated build or the preview). Wall time is measured
around the child; peak memory is the child's ru_maxrss from os.wait4 (the largest
resident set of the child or of a process it waited for, e.g. Pagefind).

Step times come from an opt-in hook (plugins/iq_core/timing.py): the project's child
runs with IQ_STEP_TIMES set and appends the duration of each step to a file. The hook
wraps whole steps, so it adds a few file appends to a build, not a profiler's overhead.

Further measurements:
- rebuild: a build with Pelican's content cache on (CACHE_CONTENT, LOAD_CONTENT_CACHE,
  CONTENT_CACHING_LAYER = "reader") fills the cache, one event file is edited, the
  timed rebuild reads only that file again (everything else is still written);
- calendars: the events plugin's calendar step for 10,000 events (see calendars.py).

The report (Markdown) goes to stdout and, with --report, to a file.
"""

import argparse
import datetime
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, ".work")
from generate import generate  # the script's folder is on sys.path

PROJECT_STEPS = [  # (step name in the hook's file, label in the report)
    ("pelican", "Pelican mit allen Plugins"),
    ("newsletter email", "– darin: E-Mail-Fassungen"),
    ("feeds", "– darin: Feeds (RSS + Atom)"),
    ("calendars", "– darin: Kalender (.ics)"),
    ("checks", "Prüfung der geschriebenen Website"),
    ("search index", "Suchindex (Pagefind)"),
    ("sitemap", "Sitemap + robots.txt"),
]


def content_for(items, seed=2025):
    """Generated content, reused while generate.py and the seed stay the same."""
    folder = os.path.join(WORK, f"n{items}")
    stamp = os.path.join(folder, "stamp.json")
    with open(os.path.join(HERE, "generate.py"), "rb") as handle:
        expected = {"items": items, "seed": seed,
                    "generator": hashlib.sha256(handle.read()).hexdigest()}
    try:
        with open(stamp, encoding="utf-8") as handle:
            if json.load(handle) == expected:
                return os.path.join(folder, "content")
    except (OSError, ValueError):
        pass
    content = generate(items, folder, seed)
    with open(stamp, "w", encoding="utf-8") as handle:
        json.dump(expected, handle)
    return content


def run_child(command, env=None):
    """(wall seconds, peak RSS in MB) of one child process; fails loudly on errors."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    # wait4 gives the child's own resource usage (communicate() would reap it first).
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr.decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024


def project_build(content, output, overrides=None, steps_file=None):
    command = [sys.executable, "scripts/sitebuild.py", "--stage", "publishconf.py", output,
               "--content", content, "--overrides", json.dumps(overrides or {})]
    env = dict(os.environ)
    env.pop("IQ_STEP_TIMES", None)
    if steps_file:
        env["IQ_STEP_TIMES"] = steps_file
    return run_child(command, env)


def plain_build(content, output):
    command = [sys.executable, "-m", "pelican", content, "-s", "benchmarks/plainconf.py",
               "-o", output, "-q"]
    return run_child(command)


def read_steps(path):
    totals = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                totals[record["step"]] = totals.get(record["step"], 0.0) + record["seconds"]
    return totals


def model_once():
    """The folder of the SQLite compound model, converted once (timed, in a child process:
    the memory of the builds is measured per child, and children start from this one)."""
    folder = os.path.join(WORK, "suchindex-modell")
    if not os.path.isdir(folder):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sys; from search_index.model import "
                        "open_model; open_model(sys.argv[1])", folder],
                       cwd=os.path.join(ROOT, "plugins"), check=True)
        print(f"  Kompositamodell nach SQLite umgewandelt (einmal): "
              f"{time.perf_counter() - started:.1f} s", flush=True)
    return folder


def measure_size(items, repeats, scratch, overrides=None, warm=False):
    """`warm`: every build of (a) finds the compound splits of a build before (as a
    repeated build or preview does); otherwise each starts without them (a fresh clone)."""
    content = content_for(items)
    splits = os.path.join(scratch, f"cache-{items}")
    shutil.rmtree(splits, ignore_errors=True)
    # The compound model in SQLite is made once per model version, like an installed
    # package (see model_once); a fresh clone has no splits, which is what (a) starts from.
    overrides = {"SEARCH_MODEL_PATH": model_once(), **(overrides or {})}
    if warm:
        project_build(content, os.path.join(scratch, "out-fill"), {**(overrides or {}),
                                                                     "CACHE_PATH": splits})
    project, plain, memory_a, memory_b, steps = [], [], [], [], []
    for repeat in range(repeats):
        # Alternate the order, so a warm disk cache or a load spike hits both sides.
        order = ("a", "b") if repeat % 2 == 0 else ("b", "a")
        for side in order:
            output = os.path.join(scratch, f"out-{side}")
            shutil.rmtree(output, ignore_errors=True)
            if side == "a":
                steps_file = os.path.join(scratch, "steps.jsonl")
                if os.path.exists(steps_file):
                    os.remove(steps_file)
                if not warm:
                    shutil.rmtree(splits, ignore_errors=True)
                seconds, memory = project_build(content, output,
                                                {**(overrides or {}), "CACHE_PATH": splits},
                                                steps_file=steps_file)
                project.append(seconds)
                memory_a.append(memory)
                steps.append(read_steps(steps_file))
            else:
                seconds, memory = plain_build(content, output)
                plain.append(seconds)
                memory_b.append(memory)
            print(f"  {items} items, {side}: {seconds:.2f} s, {memory:.0f} MB", file=sys.stderr)
    step_medians = {name: statistics.median(s.get(name, 0.0) for s in steps)
                    for name, _ in PROJECT_STEPS}
    return {
        "items": items, "repeats": repeats,
        "project": statistics.median(project), "plain": statistics.median(plain),
        "project_runs": project, "plain_runs": plain,
        "project_mb": max(memory_a), "plain_mb": max(memory_b),
        "steps": step_medians,
    }


def measure_rebuild(items, repeats, scratch, project_overrides=None):
    """Full build with the cache on, then edit one event and rebuild (median of repeats)."""
    source = content_for(items)
    content = os.path.join(scratch, "rebuild-content")
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(source, content)
    cache = os.path.join(scratch, "cache")
    shutil.rmtree(cache, ignore_errors=True)
    overrides = {**(project_overrides or {}), "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
                 "CONTENT_CACHING_LAYER": "reader", "CACHE_PATH": cache}
    output = os.path.join(scratch, "out-rebuild")
    shutil.rmtree(output, ignore_errors=True)
    cold, _ = project_build(content, output, overrides)
    edited = sorted(os.listdir(os.path.join(content, "events")))[0]
    path = os.path.join(content, "events", edited)
    rebuilds = []
    for repeat in range(repeats):
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"\nNachtrag {repeat + 1}: Der Raum hat sich geändert.\n")
        shutil.rmtree(output, ignore_errors=True)
        seconds, _ = project_build(content, output, overrides)
        rebuilds.append(seconds)
        print(f"  rebuild {items} items: {seconds:.2f} s (cold with cache: {cold:.2f} s)",
              file=sys.stderr)
    return {"items": items, "cold": cold, "rebuild": statistics.median(rebuilds),
            "runs": rebuilds, "edited": f"events/{edited}"}


def measure_calendars(count, repeats, method):
    command = [sys.executable, os.path.join(HERE, "calendars.py"), str(count),
               "--repeats", str(repeats), "--method", method, "--json"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def load_average():
    return os.getloadavg()


def report(sizes, rebuild, calendars, started_load, ended_load, warm=False):
    lines = [f"Gemessen am {datetime.date.today().isoformat()} auf {os.cpu_count()} Kernen; "
             f"Last (1 min) vorher {started_load[0]:.2f}, nachher {ended_load[0]:.2f}.", ""]
    if warm:
        lines[0] += " (a) mit den Komposita-Zerlegungen eines Baus davor."
    lines += ["| Einträge | Projekt (a) | Pelican pur (b) | a/b | a/b ohne Suchindex | "
              "Spitze Speicher a / b | Läufe |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for size in sizes:
        without = size["project"] - size["steps"]["search index"]
        lines.append(
            f"| {size['items']:,} | {size['project']:.1f} s | {size['plain']:.1f} s | "
            f"{size['project'] / size['plain']:.2f} | {without / size['plain']:.2f} | "
            f"{size['project_mb']:.0f} / {size['plain_mb']:.0f} MB | {size['repeats']} |")
    lines += ["", "Zusätzliche Schritte des Projekts (Median, Sekunden):", "",
              "| Schritt | " + " | ".join(f"{s['items']:,}" for s in sizes) + " |",
              "| --- |" + " ---: |" * len(sizes)]
    for name, label in PROJECT_STEPS:
        lines.append(f"| {label} | " + " | ".join(f"{s['steps'][name]:.2f}" for s in sizes) + " |")
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        factor = last["items"] / first["items"]
        lines += ["", f"Wachstum {first['items']:,} → {last['items']:,} Einträge (×{factor:g}): "
                  f"Projekt ×{last['project'] / first['project']:.1f}, "
                  f"Pelican pur ×{last['plain'] / first['plain']:.1f}."]
        if len(sizes) > 2:
            middle = sizes[-2]
            lines.append(f"Wachstum {middle['items']:,} → {last['items']:,} "
                         f"(×{last['items'] / middle['items']:g}): Projekt "
                         f"×{last['project'] / middle['project']:.1f}, Pelican pur "
                         f"×{last['plain'] / middle['plain']:.1f}.")
    if rebuild:
        lines += ["", f"Neubau nach Änderung einer Datei ({rebuild['edited']}) mit Inhalts-Cache, "
                  f"{rebuild['items']:,} Einträge: {rebuild['rebuild']:.1f} s "
                  f"(Läufe: {', '.join(f'{r:.1f}' for r in rebuild['runs'])}); "
                  f"erster Bau mit Cache {rebuild['cold']:.1f} s."]
        full = next((s["project"] for s in sizes if s["items"] == rebuild["items"]), None)
        if full:
            lines[-1] += f" Anteil am vollen Bau ({full:.1f} s): {rebuild['rebuild'] / full:.2f}."
    if calendars:
        cold = calendars["cold"]
        lines += ["", f"Kalender für {cold['events']:,} Termine (Kalenderfunktionen des "
                  f"Plugins, alle Dateien: je Termin, alle, je Format): "
                  f"{cold['seconds']:.2f} s (Median aus {cold['repeats']}), "
                  f"{cold['files']:,} Dateien, {cold['megabytes']:.1f} MB."]
        if calendars.get("cached"):
            lines[-1] += (f" Neubau mit Inhalts-Cache (VEVENTs des Baus davor bekannt): "
                          f"{calendars['cached']['seconds']:.2f} s.")
    return "\n".join(lines) + "\n"


def parse_repeats(text, sizes, three_up_to=1000):
    """{size: runs}: three runs up to `three_up_to` items, one above; "100:5,…" overrides."""
    repeats = {size: (3 if size <= three_up_to else 1) for size in sizes}
    for part in filter(None, (text or "").split(",")):
        size, count = part.split(":")
        repeats[int(size)] = int(count)
    return repeats


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeats", help="z. B. 100:3,1000:3,5000:1 (Standard)")
    parser.add_argument("--rebuild-size", type=int, default=1000, help="0: kein Neubau-Test")
    parser.add_argument("--rebuild-repeats", type=int, default=3)
    parser.add_argument("--calendar-events", type=int, default=10000, help="0: ohne")
    parser.add_argument("--calendar-repeats", type=int, default=3)
    parser.add_argument("--calendar-method", choices=("pieces", "whole"), default="pieces",
                        help="whole: wie vor Issue 8 (für Vorher-Zahlen auf altem Code)")
    parser.add_argument("--report", help="Bericht zusätzlich in diese Datei schreiben")
    parser.add_argument("--warm-splits", action="store_true",
                        help="(a) mit den Komposita-Zerlegungen eines Baus davor (wie jeder "
                             "wiederholte Bau, z. B. die Vorschau); ohne: wie ein frischer Klon")
    parser.add_argument("--project-overrides", default="{}",
                        help='Einstellungen für (a), z. B. \'{"SEARCH_INDEX": false}\' '
                             '(Schreiben in einem Prozess, zum Vergleich)')
    args = parser.parse_args()
    repeats = parse_repeats(args.repeats, args.sizes)
    started = load_average()
    with tempfile.TemporaryDirectory(prefix="iq-bench-") as scratch:
        overrides = json.loads(args.project_overrides)
        sizes = [measure_size(size, repeats[size], scratch, overrides, args.warm_splits)
                 for size in args.sizes]
        rebuild = measure_rebuild(args.rebuild_size, args.rebuild_repeats, scratch, overrides) \
            if args.rebuild_size else None
    calendars = None
    if args.calendar_events:
        calendars = {"cold": measure_calendars(args.calendar_events, args.calendar_repeats,
                                               args.calendar_method)}
        if args.calendar_method != "whole":
            calendars["cached"] = measure_calendars(args.calendar_events, args.calendar_repeats,
                                                    "cached")
    text = report(sizes, rebuild, calendars, started, load_average(), args.warm_splits)
    print(text)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as handle:
            handle.write(text)
        with open(os.path.splitext(args.report)[0] + ".json", "w", encoding="utf-8") as handle:
            json.dump({"sizes": sizes, "rebuild": rebuild, "calendars": calendars}, handle,
                      indent=2)


if __name__ == "__main__":
    main()
