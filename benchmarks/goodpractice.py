"""Benchmark of the good-practice archive at national scale (issue 17).

    python benchmarks/goodpractice.py                         # 40, 400 and 2,000 sheets
    python benchmarks/goodpractice.py --sizes 400 --repeats 400:5 --report /tmp/gp.md

For each size, N fact sheets are generated once (goodpractice_content.py, fixed seed; kept
in benchmarks/.work/gp-N/) and the public site is built (goodpractice_build.py: the build
of `scripts/sitebuild.py --stage publishconf.py`, search index on) into a fresh folder,
each build in its own process and without the compound splits of a build before, like
run.py's (a). Reported: wall time of the build, the steps of the project's timing hook
plus the good-practice plugin (generate_context and generate_output), the page weight of
the archive and its facet pages (goodpractice_pages.py) and the pages below
/good-practice/ next to the number the facet code implies.

The report (Markdown, German like the site) goes to stdout and, with --report, to a file
(and the raw numbers to the same name with .json).
"""

import argparse
import datetime
import hashlib
import json
import os
import shutil
import statistics
import sys
import tempfile

from goodpractice_content import generate_archive  # the script's folder is on sys.path
from goodpractice_pages import BUDGET, expected_facet_pages, measure_archive
from run import HERE, WORK, load_average, model_once, parse_repeats, read_steps, run_child

SITE_URL = "https://www.iq-niedersachsen.example"  # PUBLIC_SITEURL, as publishconf builds it
BUILD_DATE = "2026-11-30"  # a fixed "today": the same sheets are published in every run
STEPS = [  # (step in the timing hook's file, label in the report)
    ("pelican", "Pelican mit allen Plugins"),
    ("good practice context", "– darin: Good-Practice-Plugin, Lesen und Facetten (generate_context)"),
    ("good practice output", "– darin: Good-Practice-Plugin, Schreiben (generate_output)"),
    ("search index", "– darin: Suchindex (Pagefind)"),
]


def content_for(sheets, seed=17):
    """(content folder, facet values of each sheet), reused while generator and seed stay."""
    folder = os.path.join(WORK, f"gp-{sheets}")
    stamp, values_file = os.path.join(folder, "stamp.json"), os.path.join(folder, "values.json")
    digest = hashlib.sha256()
    for name in ("goodpractice_content.py", "generate.py"):
        with open(os.path.join(HERE, name), "rb") as handle:
            digest.update(handle.read())
    expected = {"sheets": sheets, "seed": seed, "generator": digest.hexdigest()}
    try:
        with open(stamp, encoding="utf-8") as handle, open(values_file, encoding="utf-8") as values:
            if json.load(handle) == expected:
                return os.path.join(folder, "content"), json.load(values)
    except (OSError, ValueError):
        pass
    content, values = generate_archive(sheets, folder, seed)
    with open(values_file, "w", encoding="utf-8") as handle:
        json.dump(values, handle)
    with open(stamp, "w", encoding="utf-8") as handle:
        json.dump(expected, handle)
    return content, values


def build(content, output, overrides, steps_file):
    command = [sys.executable, os.path.join(HERE, "goodpractice_build.py"), content, output,
               json.dumps(overrides)]
    env = {**os.environ, "IQ_STEP_TIMES": steps_file}
    if os.path.exists(steps_file):
        os.remove(steps_file)
    return run_child(command, env)


def measure_size(sheets, repeats, scratch):
    content, values = content_for(sheets)
    splits, output = os.path.join(scratch, "splits"), os.path.join(scratch, f"out-{sheets}")
    steps_file = os.path.join(scratch, "steps.jsonl")
    # Without the PDFs: printing costs about 0.8 s a sheet on a cold cache and is not part
    # of what this benchmark compares (pages, their weight, the archive's own build time);
    # benchmarks/README.md reports the PDF cache separately.
    overrides = {"SEARCH_MODEL_PATH": model_once(), "CACHE_PATH": splits, "BUILD_DATE": BUILD_DATE,
                 "GOOD_PRACTICE_PDF_SAVE_AS": ""}
    walls, steps, memories = [], [], []
    for _ in range(repeats):
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(splits, ignore_errors=True)  # like a fresh clone, as run.py's (a)
        seconds, memory = build(content, output, overrides, steps_file)
        walls.append(seconds)
        memories.append(memory)
        steps.append(read_steps(steps_file))
        print(f"  {sheets} Steckbriefe: {seconds:.2f} s, {memory:.0f} MB", file=sys.stderr)
    result = {"sheets": sheets, "repeats": repeats, "build": statistics.median(walls),
              "runs": walls, "peak_mb": max(memories), "steps": {name: statistics.median(s.get(name, 0.0) for s in steps)
                                       for name, _ in STEPS},
              "expected": expected_facet_pages(values), **measure_archive(output, SITE_URL)}
    shutil.rmtree(output, ignore_errors=True)
    return result


def number(value, digits=0):
    """German notation: 2.000 and 1,5."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def kilobytes(weight):
    return f"{number(weight['html'] / 1000, 1)} / {number(weight['total'] / 1000, 1)} KB"


def report(sizes, started_load, ended_load):
    header = "| | " + " | ".join(f"{number(s['sheets'])} Steckbriefe" for s in sizes) + " |"
    rule = "| --- |" + " ---: |" * len(sizes)

    def row(label, cell):
        return f"| {label} | " + " | ".join(cell(s) for s in sizes) + " |"

    lines = [f"Gemessen am {datetime.date.today():%d. %m. %Y} auf {os.cpu_count()} Kernen; Last "
             f"(1 min) vorher {number(started_load[0], 2)}, nachher {number(ended_load[0], 2)}. "
             "Gewicht: HTML / HTML + CSS + JS, die die Seite lädt (unkomprimiert, wie das "
             f"Budget von `invoke verify`: {number(BUDGET)} Byte).", "", header, rule,
             row("`/good-practice/` (Archiv)", lambda s: kilobytes(s["archive"])),
             row("schwerste Archiv- oder Facettenseite", lambda s: kilobytes(s["heaviest_page"])),
             row("– welche", lambda s: f"`{s['heaviest_page']['url'].removeprefix('/good-practice/')}`"),
             row("Median der Facettenseiten", lambda s: kilobytes(s["median_facet"])),
             row("Archiv- und Facettenseiten über dem Budget", lambda s:
                 f"{number(s['over_budget'])} von {number(s['archive_and_facet_pages'])} "
                 f"(nur HTML: {number(s['over_budget_html_only'])})"),
             row("beim ersten Filtern: Skript / Index / je Karte", lambda s:
                 " / ".join(f"{number(s['on_use'][key] / 1000, 1)} KB"
                            for key in ("script", "index", "card"))),
             row("Steckbriefseiten", lambda s: number(s["counts"]["Steckbriefe"])),
             row("Archivseiten (3 Sortierungen, je 20 Steckbriefe)", lambda s:
                 f"{number(s['counts']['Archiv'])} (Formel: {number(s['expected']['archive'])})"),
             row("Facettenauswahlen: 15 + Netzwerke + Adressaten + Themen + Förderrunden",
                 lambda s: "{selections} = 15 + {network} + {audiences} + {topics} + "
                           "{funding_period}".format(**s["expected"])),
             row("Facettenseiten (gebaut)", lambda s: number(s["counts"]["Facettenseiten"])),
             row("Facettenseiten laut Formel (je Auswahl ⌈n/20⌉ Seiten)",
                 lambda s: number(s["expected"]["total"])),
             row("Kriterienseite", lambda s: number(s["counts"]["Kriterienseite"])),
             row("andere Dateien (Karten, index.json, Feeds, PDFs)",
                 lambda s: number(s["counts"]["andere Dateien"])),
             row("alles unter `/good-practice/`", lambda s: f"{number(s['megabytes'], 1)} MB"),
             row("Bau der öffentlichen Website (Wartezeit)", lambda s:
                 f"{number(s['build'], 1)} s" + (f" (Median aus {s['repeats']})" if s["repeats"] > 1 else ""))]
    for name, label in STEPS:
        lines.append(row(label, lambda s, name=name: f"{number(s['steps'][name], 2)} s"))
    # ru_maxrss of the build's process or of one it waited for (Pagefind), as in run.py.
    lines.append(row("Spitze Speicher (größter Prozess des Baus)",
                     lambda s: f"{number(s['peak_mb'])} MB"))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[40, 400, 2000])
    parser.add_argument("--repeats", help="z. B. 40:3,400:3,2000:1 (Standard)")
    parser.add_argument("--report", help="Bericht zusätzlich in diese Datei schreiben")
    args = parser.parse_args()
    repeats = parse_repeats(args.repeats, args.sizes, three_up_to=400)
    started = load_average()
    with tempfile.TemporaryDirectory(prefix="iq-gp-bench-") as scratch:
        sizes = [measure_size(size, repeats[size], scratch) for size in args.sizes]
    text = report(sizes, started, load_average())
    print(text)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as handle:
            handle.write(text)
        with open(os.path.splitext(args.report)[0] + ".json", "w", encoding="utf-8") as handle:
            json.dump(sizes, handle, indent=2)


if __name__ == "__main__":
    main()
