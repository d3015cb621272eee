"""Synthetic good-practice archives at national scale, for benchmarks/goodpractice.py.

N fact sheets in the content model, with the shared lists of the sample site
(tests/site/content/listen: 16 Landesnetzwerke, 13 Adressaten, 9 Themen, 4 Förderrunden),
so the facets have as many values as a national archive would. The text comes from
generate.py's word lists; a fixed seed gives the same files for the same N.

    python benchmarks/goodpractice_content.py 400 /tmp/gp-400
"""

import argparse
import datetime
import os
import random
import shutil

import yaml

from generate import WORDS, body_text, front_matter, paragraph, sentence  # script folder on sys.path

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE_LISTS = os.path.join(os.path.dirname(HERE), "tests", "site", "content", "listen")
CRITERIA = ("transferable", "innovative", "sustainable", "efficient")
# How many of the four criteria a sheet meets: most meet two or three (as the IQ sheets).
CRITERIA_COUNTS = (1, 2, 2, 2, 3, 3, 3, 4, 4)
SECTIONS = ("Ausgangslage/Herausforderung", "Umsetzung", "Fazit")
FIRST_DAY, DAYS = datetime.date(2012, 1, 1), 5000  # sheets from 2012 to mid-2025


def list_values(name):
    """The values editors write for one shared list (an entry or its `value`)."""
    with open(os.path.join(SAMPLE_LISTS, f"{name}.yaml"), encoding="utf-8") as handle:
        entries = yaml.safe_load(handle)
    return [entry["value"] if isinstance(entry, dict) else str(entry) for entry in entries]


def load_lists():
    return {"audiences": list_values("adressaten"), "topics": list_values("themen"),
            "networks": list_values("netzwerke"), "rounds": list_values("foerderrunden")}


def factsheet(rng, index, count, lists):
    """(relative path, file text, facet values) of sheet `index` of `count`."""
    chosen = sorted(rng.sample(CRITERIA, rng.choice(CRITERIA_COUNTS)), key=CRITERIA.index)
    # Niedersachsen (the site's own network) contributes more sheets than each other Land.
    networks = lists["networks"] + ["Niedersachsen"] * 3
    network = rng.choice(networks) if rng.random() < 0.95 else None
    # Newer funding rounds have more sheets; some older sheets name none.
    funding = rng.choices(lists["rounds"], weights=(4, 3, 2, 1))[0] if rng.random() < 0.9 else None
    day = FIRST_DAY + datetime.timedelta(days=index * DAYS // count)
    meta = {
        "title": " ".join(rng.sample(WORDS, 3)) + f" ({index + 1})",
        "subtitle": sentence(rng),
        "slug": f"steckbrief-{index + 1:05d}",
        "date": day.isoformat(),
        "summary": sentence(rng),
        "criteria": {c: (sentence(rng) if rng.random() < 0.6 else True) for c in chosen},
        "audiences": rng.sample(lists["audiences"], rng.randint(1, 4)),
        "instrument": {"type": rng.choice(["Instrument", "Projekt", "Methode"]),
                       "name": " ".join(rng.sample(WORDS, 2)), "description": paragraph(rng, 2)},
        "provider": "Träger " + rng.choice(WORDS),
        "topics": rng.sample(lists["topics"], rng.randint(0, 3)),
    }
    if network:
        meta["network"] = network
    if funding:
        meta["funding_period"] = funding
    if rng.random() < 0.6:
        meta["contact"] = {"role": "Ansprechperson", "name": f"Person {index + 1}",
                           "email": f"kontakt{index + 1}@traeger.example"}
    if rng.random() < 0.5:
        meta["links"] = [{"title": "Mehr zum Projekt",
                          "url": f"https://www.traeger.example/projekt-{index + 1}/"}]
    if not meta["topics"]:
        del meta["topics"]
    sections = [f"## {name}\n\n" + "\n\n".join(body_text(rng, 120)) for name in SECTIONS]
    facets = {"criteria": chosen, "network": network, "audiences": meta["audiences"],
              "topics": meta.get("topics", []), "funding_period": funding}
    return f"good-practice/{meta['slug']}.md", front_matter(meta) + "\n\n".join(sections) + "\n", facets


def generate_archive(count, folder, seed=17):
    """Write `folder`/content with `count` sheets; return (content folder, facet values
    of every sheet), the latter for the page count the facet code implies."""
    rng = random.Random(seed)
    content = os.path.join(folder, "content")
    shutil.rmtree(content, ignore_errors=True)
    os.makedirs(os.path.join(content, "good-practice"))
    os.makedirs(os.path.join(content, "pages"))
    shutil.copytree(SAMPLE_LISTS, os.path.join(content, "listen"))
    lists = load_lists()
    values = []
    for index in range(count):
        relative, text, facets = factsheet(rng, index, count, lists)
        with open(os.path.join(content, relative), "w", encoding="utf-8") as handle:
            handle.write(text)
        values.append(facets)
    return content, values


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sheets", type=int)
    parser.add_argument("folder")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    print(generate_archive(args.sheets, args.folder, args.seed)[0])


if __name__ == "__main__":
    main()
