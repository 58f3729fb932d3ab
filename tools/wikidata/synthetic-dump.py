#!/usr/bin/env python3
"""A synthetic Wikidata JSON dump, to measure the wikidata_gazetteer example's speed.

    tools/wikidata/synthetic-dump.py 50000 > synth.json      # 613 MB, 12 KB a line
    gzip -k synth.json; bzip2 -k synth.json
    cargo run --release --example wikidata_gazetteer -- -l fr,it,en synth.json > /dev/null

Entities of the dump's shape (the documented latest-all.json format: a JSON array, one entity
a line): labels and descriptions in 3 to 44 languages (regional variants and `mul` among
them), aliases in up to 4, P31 statements (some preferred or deprecated) over a few mapped
and unmapped classes, 2 to 12 other properties with references, sitelinks. Names are random
syllables; the output is the same for the same N (fixed seed).
"""
import json
import random
import sys

random.seed(7)
n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
langs = ["en", "fr", "it", "de", "es", "pt", "nl", "pl", "ru", "sv", "ca", "cs", "da", "fi", "hu",
         "ja", "ko", "zh", "ar", "he", "tr", "uk", "ro", "el", "bg", "sr", "hr", "sk", "sl", "et",
         "lv", "lt", "eu", "gl", "id", "ms", "vi", "th", "fa", "hi", "mul", "en-gb", "en-ca",
         "fr-ca"]
# Mapped in examples/data/wikidata-kinds.tsv, and not (Q11424 film, Q13442814 article, Q16521 taxon).
classes = [5, 5, 5, 783794, 4830453, 515, 486972, 4022, 11424, 13442814, 16521, 747074, 484170,
           7278, 11032]


def word():
    syllables = random.randint(2, 4)
    return "".join(random.choice("bcdfglmnprstvz") + random.choice("aeiou")
                   for _ in range(syllables)).capitalize()


def snak(p, q):
    return {"snaktype": "value", "property": p, "hash": "%040x" % random.getrandbits(160),
            "datavalue": {"value": {"entity-type": "item", "numeric-id": q, "id": "Q%d" % q},
                          "type": "wikibase-entityid"},
            "datatype": "wikibase-item"}


def statement(eid, p, q):
    return {"mainsnak": snak(p, q), "type": "statement",
            "id": "%s$%08x-0000-4000-8000-%012x" % (eid, random.getrandbits(32), random.getrandbits(48)),
            "rank": random.choice(["normal"] * 9 + ["preferred", "deprecated"]),
            "references": [{"hash": "%040x" % random.getrandbits(160),
                            "snaks": {"P143": [snak("P143", 328)]}, "snaks-order": ["P143"]}]}


out = sys.stdout
out.write("[\n")
for i in range(n):
    eid = "Q%d" % (i + 1)
    name = word() + " " + word()
    ls = random.sample(langs, random.randint(3, len(langs)))
    e = {"type": "item", "id": eid,
         "labels": {l: {"language": l, "value": name if random.random() < 0.8 else word()} for l in ls},
         "descriptions": {l: {"language": l, "value": "description " + word().lower() + " " + word().lower()}
                          for l in ls},
         "aliases": {l: [{"language": l, "value": word()} for _ in range(random.randint(1, 3))]
                     for l in random.sample(ls, min(len(ls), 4))},
         "claims": {"P31": [statement(eid, "P31", random.choice(classes)) for _ in range(random.randint(1, 2))]},
         "sitelinks": {l.replace("-", "_") + "wiki": {"site": l.replace("-", "_") + "wiki", "title": name, "badges": []}
                       for l in ls if l != "mul"},
         "lastrevid": random.randint(1, 2_000_000_000)}
    for p in range(random.randint(2, 12)):
        prop = "P%d" % (100 + p)
        e["claims"][prop] = [statement(eid, prop, random.randint(1, 10**8)) for _ in range(random.randint(1, 2))]
    out.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")))
    out.write(",\n" if i + 1 < n else "\n")
out.write("]\n")
