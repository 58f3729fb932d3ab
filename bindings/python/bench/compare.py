#!/usr/bin/env python3
"""Compares nomina's Python API with flashtext and spaCy's PhraseMatcher on one corpus.

    python bench/compare.py --gazetteer G.tsv --corpus C.jsonl [--mb 20] [--runs 3]

One thread unless said; MB = 10^6 bytes of UTF-8 text; every figure is the median of
`--runs` runs, and every ratio the median of the per-run ratios, all in this one process on the
same documents, so that a noisy machine affects them alike. Rows:

- nomina (Rust only): the analysis loop in Rust, no Python object (`Analyzer._count_mentions`);
  the ceiling of the Python API on this machine.
- `analyze`: one call per document, then (id, start, end) read from every mention.
- `analyze_batch`, 1 and 2 threads: batches of 1,024 documents, same reading.
- nomina (Rust only), 2 threads: the Rust loop of `analyze_batch` alone, on two threads.
- `analyze_arrow`: Arrow columns for batches of 1,024 documents (what the Spark path uses).
- flashtext (if installed): `KeywordProcessor(case_sensitive=False)` with every name of the
  gazetteer, `extract_keywords(text, span_info=True)`.
- spaCy (if installed): `blank("fr")` tokenizer, `PhraseMatcher(attr="LOWER")` with every name.

Corpus: JSON Lines with a "text" key, or plain text (one document a line).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterable

import nomina

BATCH = 1024
SLICE_MB = 2.0


def load_corpus(path: Path, mb: float | None) -> list[str]:
    limit = None if mb is None else int(mb * 1e6)
    texts: list[str] = []
    total = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            text = json.loads(line)["text"] if path.suffix in (".jsonl", ".json") else line
            if not text:
                continue
            texts.append(text)
            total += len(text.encode("utf-8"))
            if limit is not None and total >= limit:
                break
    return texts


def load_names(path: Path) -> list[tuple[str, str]]:
    """(id, name) of every name of a TSV or JSON Lines gazetteer."""
    out: list[tuple[str, str]] = []
    with path.open(encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            if path.suffix in (".jsonl", ".json", ".ndjson"):
                e = json.loads(line)
                for n in e.get("names", []):
                    out.append((e["id"], n if isinstance(n, str) else n.get("text") or n.get("name")))
            else:
                cols = line.split("\t")
                if len(cols) >= 3:
                    out.append((cols[0], cols[2].strip()))
    return out


def chunks(texts: list[str], n: int = BATCH) -> Iterable[list[str]]:
    for i in range(0, len(texts), n):
        yield texts[i : i + n]


def bench_nomina(an: nomina.Analyzer) -> dict[str, Callable[[list[str]], int]]:
    def rust(texts: list[str]) -> int:
        return sum(an._count_mentions(c, 1) for c in chunks(texts))

    def rust2(texts: list[str]) -> int:
        return sum(an._count_mentions(c, 2) for c in chunks(texts))

    def analyze(texts: list[str]) -> int:
        n = 0
        for t in texts:
            for m in an.analyze(t).mentions:
                m.id, m.start, m.end
                n += 1
        return n

    def batch(threads: int) -> Callable[[list[str]], int]:
        def run(texts: list[str]) -> int:
            n = 0
            for c in chunks(texts):
                for d in an.analyze_batch(c, threads=threads):
                    for m in d.mentions:
                        m.id, m.start, m.end
                        n += 1
            return n

        return run

    def arrow(texts: list[str]) -> int:
        import pyarrow.compute as pc

        n = 0
        for c in chunks(texts):
            rb = nomina.analyze_arrow(an, c, 1)
            n += pc.sum(pc.list_value_length(rb.column("mentions"))).as_py() or 0
        return n

    runs = {
        "nomina, Rust only (no Python objects)": rust,
        "nomina `analyze` (+ id, start, end of each mention)": analyze,
        "nomina `analyze_batch`, 1 thread": batch(1),
        "nomina `analyze_batch`, 2 threads": batch(2),
        "nomina, Rust only, 2 threads": rust2,
    }
    try:
        import pyarrow  # noqa: F401

        runs["nomina `analyze_arrow`, 1 thread"] = arrow
    except ImportError:
        pass
    return runs


def bench_flashtext(names: list[tuple[str, str]]) -> Callable[[list[str]], int] | None:
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        return None
    kp = KeywordProcessor(case_sensitive=False)
    for id_, name in names:
        kp.add_keyword(name, id_)

    def run(texts: list[str]) -> int:
        return sum(len(kp.extract_keywords(t, span_info=True)) for t in texts)

    return run


def bench_spacy(names: list[tuple[str, str]], texts: list[str]) -> Callable[[list[str]], int] | None:
    try:
        import spacy
        from spacy.matcher import PhraseMatcher
    except ImportError:
        return None
    nlp: Any = spacy.blank("fr")
    nlp.max_length = max([int(nlp.max_length), *(len(t) + 1 for t in texts)])
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("NAMES", list(nlp.tokenizer.pipe(n for _, n in names)))

    def run(texts: list[str]) -> int:
        return sum(len(matcher(doc)) for doc in nlp.tokenizer.pipe(texts))

    return run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gazetteer", required=True, type=Path)
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--mb", type=float, default=None, help="use the first MB of the corpus")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip", action="append", default=[], help="flashtext, spacy")
    args = ap.parse_args()

    texts = load_corpus(args.corpus, args.mb)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"corpus: {args.corpus} — {len(texts):,} documents, {size / 1e6:.1f} MB", flush=True)

    t0 = time.perf_counter()
    an = nomina.Analyzer.from_path(args.gazetteer)
    print(f"nomina: {an.names_len:,} names, load + build {time.perf_counter() - t0:.2f} s", flush=True)
    runs = bench_nomina(an)
    if "flashtext" not in args.skip:
        names = load_names(args.gazetteer)
        t0 = time.perf_counter()
        f = bench_flashtext(names)
        if f is not None:
            runs["flashtext"] = f
            print(f"flashtext: build {time.perf_counter() - t0:.2f} s", flush=True)
    if "spacy" not in args.skip:
        names = load_names(args.gazetteer)
        t0 = time.perf_counter()
        s = bench_spacy(names, texts)
        if s is not None:
            runs["spaCy PhraseMatcher (LOWER)"] = s
            print(f"spaCy: build {time.perf_counter() - t0:.2f} s", flush=True)

    # Every run walks the corpus in slices of about SLICE_MB and times every method on each
    # slice in turn (the order rotating), so that the load of a shared machine, which varies
    # from second to second, falls on every method alike.
    slices: list[list[str]] = [[]]
    acc = 0
    for t in texts:
        slices[-1].append(t)
        acc += len(t.encode("utf-8"))
        if acc >= SLICE_MB * 1e6:
            slices.append([])
            acc = 0
    slices = [x for x in slices if x]
    names_ = list(runs)
    speeds: dict[str, list[float]] = {k: [] for k in runs}
    cores: dict[str, list[float]] = {k: [] for k in runs}
    counts: dict[str, int] = {}
    for r in range(args.runs):
        spent = dict.fromkeys(runs, 0.0)
        cpu = dict.fromkeys(runs, 0.0)
        found = dict.fromkeys(runs, 0)
        for i, part in enumerate(slices):
            k = (i + r) % len(names_)
            for name in names_[k:] + names_[:k]:
                t0, c0 = time.perf_counter(), time.process_time()
                found[name] += runs[name](part)
                spent[name] += time.perf_counter() - t0
                cpu[name] += time.process_time() - c0
        for name in runs:
            counts[name] = found[name]
            speeds[name].append(size / 1e6 / spent[name])
            cores[name].append(cpu[name] / spent[name])
            print(f"  run {r + 1} {name}: {size / 1e6 / spent[name]:.1f} MB/s, {found[name]:,} mentions", file=sys.stderr, flush=True)

    rust = speeds["nomina, Rust only (no Python objects)"]
    analyze = speeds["nomina `analyze` (+ id, start, end of each mention)"]
    flash = speeds.get("flashtext")

    def ratio(a: list[float], b: list[float]) -> float:
        return statistics.median(x / y for x, y in zip(a, b))

    print()
    print(f"| | MB/s (median of {args.runs}) | / Rust only | / flashtext | CPU time / wall time | mentions |")
    print("|---|---|---|---|---|---|")
    for name, v in speeds.items():
        vs_flash = f"{ratio(v, flash):.1f}x" if flash else "–"
        print(
            f"| {name} | {statistics.median(v):.1f} | {ratio(v, rust):.2f} | {vs_flash} "
            f"| {statistics.median(cores[name]):.2f} | {counts[name]:,} |"
        )
    two = speeds["nomina `analyze_batch`, 2 threads"]
    one = speeds["nomina `analyze_batch`, 1 thread"]
    print()
    print(f"analyze / Rust only: {ratio(analyze, rust):.2f} (target >= 0.60)")
    print(f"analyze_batch 2 threads / 1 thread: {ratio(two, one):.2f}x (target >= 1.8x)")
    rust2 = speeds["nomina, Rust only, 2 threads"]
    print(f"Rust only 2 threads / 1 thread: {ratio(rust2, rust):.2f}x")
    if flash:
        print(f"analyze / flashtext: {ratio(analyze, flash):.1f}x (target >= 10x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
