"""Synthetic content in the content model, for the build benchmark.

A realistic mix (10 % newsletter issues, 30 % fact sheets, 60 % events), German text of
about 600 words per item, a fixed seed: the same N always gives the same files.

    python benchmarks/generate.py 1000 /tmp/bench-1000
"""

import argparse
import datetime
import json
import os
import random
import shutil

WORDS = """Anerkennung Beratung Qualifizierung Fachkräfte Unternehmen Verwaltung Integration
Arbeitsmarkt Zuwanderung Netzwerk Projekt Förderung Landesnetzwerk Beratungsstelle Abschluss
Berufserfahrung Sprachkenntnisse Weiterbildung Kompetenz Vielfalt Diversität Willkommenskultur
Fachkräftesicherung Einwanderung Ausländerbehörde Visum Chancenkarte Bewerbung Einarbeitung
Mentoring Tandem Workshop Seminar Konferenz Praxis Instrument Konzept Handlungsempfehlung
Arbeitgeber Personalverantwortliche Jobcenter Agentur Kammer Handwerk Pflege Medizin Ingenieurwesen
Lehrkräfte Erzieherinnen Anpassungsqualifizierung Kenntnisprüfung Gleichwertigkeit Bescheid
Antrag Verfahren Zuständigkeit Information Transparenz Vernetzung Kooperation Nachhaltigkeit
Transfer Innovation Effizienz Wirkung Erfahrung Ergebnis Herausforderung Umsetzung Fazit
Zielgruppe Frauen Familien Kinderbetreuung Teilzeit Vollzeit Region Landkreis Stadt Hannover
Osnabrück Braunschweig Oldenburg Göttingen Lüneburg Hildesheim Wolfsburg Celle Emden""".split()
LINKS = "und mit für bei durch über nach zur zum von im in auf als auch sowie damit".split()
VERBS = """unterstützt verbessert begleitet stärkt fördert erleichtert ermöglicht verbindet
informiert qualifiziert berät entwickelt erprobt sichert öffnet""".split()
NETWORKS = ["Niedersachsen", "Bayern", "Hessen", "Berlin", "Hamburg", "Sachsen", "Bremen",
            "Nordrhein-Westfalen", "Thüringen", "Saarland"]
FORMATS = ["Online-Seminar"] * 6 + ["Fachtag", "Konferenz", "Runder Tisch", "Netzwerktreffen"]
AUDIENCES = ["Unternehmen", "Beratungsstellen", "Jobcenter", "Kommunen", "Kammern",
             "Migrantenorganisationen", "Personalverantwortliche"]
TOPICS = ["Anerkennung", "Diversity Management", "Fachkräftesicherung", "Sprache im Beruf",
          "Antidiskriminierung", "Existenzgründung", "Pflege"]
CRITERIA = ["transferable", "innovative", "sustainable", "efficient"]


def sentence(rng):
    words = [rng.choice(WORDS if i % 3 else LINKS) for i in range(rng.randint(7, 13))]
    words.insert(2, rng.choice(VERBS))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def body_text(rng, words):
    """Paragraphs of about `words` words in total."""
    parts, count = [], 0
    while count < words:
        text = paragraph(rng, rng.randint(3, 6))
        parts.append(text)
        count += len(text.split())
    return parts


def front_matter(data):
    # JSON is YAML: values with colons or quotes need no escaping rules of our own.
    return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items()) + "\n---\n"


def newsletter(rng, index):
    # Four issues a year from 2000. Years end at 2100 (the site's check), so beyond 400
    # issues (5,000 items) a further series runs through the same years: issues 5-8 …
    series, quarter = index // 400, index % 4 + 1
    year, issue = 2000 + (index // 4) % 100, quarter + 4 * series
    date = datetime.date(year, quarter * 3, 10 + series)
    articles = ["## " + " ".join(rng.sample(WORDS, 4)) + "\n\n" + "\n\n".join(body_text(rng, 110))
                for _ in range(5)]
    meta = {"title": f"Newsletter {issue} | {year % 100:02d}", "issue": issue, "year": year,
            "date": date.isoformat(), "summary": sentence(rng)}
    text = front_matter(meta) + "Liebe Leserinnen und Leser,\n\n" + paragraph(rng, 4) + "\n\n" + \
        "\n\n".join(articles) + "\n"
    return f"newsletter/{year}-{issue:02d}.md", text


def factsheet(rng, index):
    chosen = rng.sample(CRITERIA, rng.randint(1, 4))
    start = rng.randint(2008, 2023)
    meta = {
        "title": f"Steckbrief {index}: " + " ".join(rng.sample(WORDS, 3)),
        "subtitle": sentence(rng),
        "date": (datetime.date(2015, 1, 1) + datetime.timedelta(days=index)).isoformat(),
        "criteria": {c: (sentence(rng) if rng.random() < 0.5 else True) for c in sorted(chosen)},
        "audiences": rng.sample(AUDIENCES, 2),
        "instrument": {"type": "Instrument", "name": " ".join(rng.sample(WORDS, 2)),
                       "description": paragraph(rng, 2)},
        "provider": "Träger " + rng.choice(WORDS),
        "network": rng.choice(NETWORKS),
        "funding_period": f"{start}–{start + 3}",
        "topics": rng.sample(TOPICS, 2),
    }
    sections = [f"## {name}\n\n" + "\n\n".join(body_text(rng, 180))
                for name in ("Ausgangslage/Herausforderung", "Umsetzung", "Fazit")]
    return f"good-practice/steckbrief-{index:05d}.md", front_matter(meta) + "\n\n".join(sections) + "\n"


def event(rng, index):
    day = datetime.date(2020, 1, 1) + datetime.timedelta(days=(index * 7) % 3650)
    hour = rng.choice([9, 10, 11, 14])
    start = datetime.datetime.combine(day, datetime.time(hour, 0))
    end = start + datetime.timedelta(minutes=rng.choice([60, 90, 180]))
    meta = {
        "title": f"Veranstaltung {index}: " + " ".join(rng.sample(WORDS, 3)),
        "date": (day - datetime.timedelta(days=30)).isoformat(),
        "start": f"{start:%Y-%m-%d %H:%M}",
        "end": f"{end:%Y-%m-%d %H:%M}",
        "format": rng.choice(FORMATS),
        "location": "Online (MS Teams)",
        "registration_url": f"https://www.iq-niedersachsen.example/anmeldung/{index}/",
        "organiser": "IQ Netzwerk Niedersachsen",
        "audiences": rng.sample(AUDIENCES, 2),
    }
    if index % 20 == 0:
        later = start + datetime.timedelta(days=56)
        meta["more_dates"] = [{"start": f"{later:%Y-%m-%d %H:%M}",
                               "end": f"{later + (end - start):%Y-%m-%d %H:%M}"}]
    if index % 33 == 0:
        meta["cancelled"] = True
    return f"events/{day:%Y-%m-%d}-veranstaltung-{index:05d}.md", \
        front_matter(meta) + "\n\n".join(body_text(rng, 600)) + "\n"


def generate(items, folder, seed=2025):
    rng = random.Random(seed)
    content = os.path.join(folder, "content")
    shutil.rmtree(content, ignore_errors=True)
    newsletters, sheets = max(1, items // 10), items * 3 // 10
    makers = [(newsletter, newsletters), (factsheet, sheets), (event, items - newsletters - sheets)]
    for make, count in makers:
        for index in range(count):
            relative, text = make(rng, index)
            path = os.path.join(content, relative)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
    os.makedirs(os.path.join(content, "pages"), exist_ok=True)
    write_lists(content)
    return content


PLURALS = {"Online-Seminar": "Online-Seminare", "Fachtag": "Fachtage", "Konferenz": "Konferenzen",
           "Runder Tisch": "Runde Tische", "Netzwerktreffen": "Netzwerktreffen"}


def write_lists(content):
    """The shared lists (content/listen/) with every value the generated items use."""
    lists = {
        "adressaten": AUDIENCES, "themen": TOPICS, "netzwerke": NETWORKS,
        "foerderrunden": [f"{start}–{start + 3}" for start in range(2023, 2007, -1)],
        "formate": [{"value": name, "plural": plural} for name, plural in PLURALS.items()],
    }
    os.makedirs(os.path.join(content, "listen"), exist_ok=True)
    for name, entries in lists.items():
        with open(os.path.join(content, "listen", f"{name}.yaml"), "w", encoding="utf-8") as handle:
            # JSON is YAML (see front_matter): one entry a line.
            handle.write("".join(f"- {json.dumps(e, ensure_ascii=False)}\n" for e in entries))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("items", type=int)
    parser.add_argument("folder")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    print(generate(args.items, args.folder, args.seed))


if __name__ == "__main__":
    main()
