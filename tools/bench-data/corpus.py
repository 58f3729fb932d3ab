#!/usr/bin/env python3
"""Turns unpacked Debian documentation packages into nomina's benchmark corpus.

Usage: corpus.py --out OUT_DIR [--target-mb N] [--seed S] UNPACKED_DIR [EXTRA_TXT_DIR...]

Reads every HTML/XHTML page, man page, fortune file and plain-text file under UNPACKED_DIR
(gzip-compressed or not), keeps the paragraphs of running French or Italian prose (a vote of
function words decides; code, tables, menus and short lines are dropped), removes repeated
paragraphs, and writes:

  OUT_DIR/real.jsonl    every real document, as found (a file's paragraphs, cut into pieces of
                        about 6 KB, the size of a long news article)
  OUT_DIR/corpus.jsonl  real.jsonl, then documents re-assembled from the same real paragraphs
                        (one language each, shuffled with --seed) until --target-mb MB of text
  OUT_DIR/stats.json    counts per language and source

Each line: {"id": str, "lang": "fr"|"it", "source": str, "text": str}. .txt files under
EXTRA_TXT_DIR (news articles of your own, one per file) are added as real documents when they
vote French or Italian.
"""
import argparse
import gzip
import hashlib
import json
import os
import random
import re
import sys
from html.parser import HTMLParser

# Words frequent in running prose of each language and rare in the others.
FUNCTION_WORDS = {
    "fr": "le la les des du au aux et est une dans pour pas sur avec cette ce qui que sont ou "
          "par plus nous vous leur être été peut fait sans entre aussi mais donc très comme",
    "it": "il lo gli della delle dei degli nel nella è una per con sono non che del al alla "
          "questo questa essere può anche più come tra sulla sul viene deve molto quando",
    "en": "the and of to is in that for with are this be by from or an which can you not "
          "have will your all when these there been was",
}
FUNCTION_WORDS = {lang: set(words.split()) for lang, words in FUNCTION_WORDS.items()}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
MIN_WORDS = 8
DOC_BYTES = 6000

BLOCK_TAGS = {
    "p", "div", "li", "dd", "dt", "td", "th", "tr", "br", "hr", "h1", "h2", "h3", "h4", "h5",
    "h6", "blockquote", "section", "article", "title", "caption", "para", "listitem", "entry",
    "table", "ul", "ol", "dl", "body", "figure", "header", "footer",
}
SKIPPED_TAGS = {
    "script", "style", "pre", "code", "kbd", "samp", "var", "tt", "screen", "programlisting",
    "nav", "noscript", "svg", "math", "head", "menu", "select", "button",
}


def vote(text):
    """The language whose function words dominate, or None; and the number of words."""
    words = [w.lower() for w in WORD.findall(text)]
    counts = {lang: 0 for lang in FUNCTION_WORDS}
    for w in words:
        for lang, table in FUNCTION_WORDS.items():
            if w in table:
                counts[lang] += 1
    best = max(counts, key=counts.get)
    others = sum(c for lang, c in counts.items() if lang != best)
    if counts[best] >= 2 and counts[best] >= 3 * others and counts[best] * 12 >= len(words):
        return best, len(words)
    return None, len(words)


def is_prose(par):
    """Running text rather than code, a table row, a path list or a menu."""
    if len(par) < 40:
        return False
    letters = sum(ch.isalpha() for ch in par)
    if letters < 0.65 * len(par):
        return False
    if par.count("/") + par.count("=") + par.count("{") + par.count("_") > len(par) / 40:
        return False
    return True


class Paragraphs(HTMLParser):
    """The text of an HTML page, one string per block element, without code or navigation."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.buf = []
        self.skipping = 0

    def flush(self):
        text = " ".join("".join(self.buf).split())
        if text:
            self.out.append(text)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        tag = tag.lower().rsplit(":", 1)[-1]
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag):
        tag = tag.lower().rsplit(":", 1)[-1]
        if tag in SKIPPED_TAGS and self.skipping:
            self.skipping -= 1
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        if not self.skipping:
            self.buf.append(data)


def html_paragraphs(text):
    p = Paragraphs()
    try:
        p.feed(text)
        p.close()
    except Exception:  # a broken page gives what was read before the break
        pass
    p.flush()
    return p.out


ROFF_ESCAPES = re.compile(r"\\f[BIRP1-4]|\\f\(..|\\f\[[^\]]*\]|\\s[-+]?\d|\\\(..|\\\[[^\]]*\]|\\[&|^%:]")


def man_paragraphs(text):
    """Paragraphs of a roff man page: text lines between paragraph macros, escapes removed."""
    out, buf = [], []
    for line in text.splitlines():
        if line.startswith((".", "'")):
            macro = line[1:3].strip()
            if macro in ("PP", "P", "LP", "SH", "SS", "TP", "IP", "HP", "br", "sp", "nf", "EX", "TH"):
                if buf:
                    out.append(" ".join(buf))
                buf = []
            elif macro in ("B", "I", "BI", "IB", "BR", "RB", "IR", "RI"):
                words = line[3:].strip().replace('"', "")
                if words:
                    buf.append(words)
            continue
        line = ROFF_ESCAPES.sub("", line).replace("\\-", "-").replace("\\e", "\\").strip()
        if line:
            buf.append(line)
    if buf:
        out.append(" ".join(buf))
    return [" ".join(p.split()) for p in out]


def plain_paragraphs(text, fortune=False):
    sep = r"\n%\n" if fortune else r"\n\s*\n"
    return [" ".join(p.split()) for p in re.split(sep, text) if p.strip() and p.strip() != "%"]


def read_text(path):
    try:
        raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    except (OSError, EOFError):
        return None
    if b"\0" in raw[:4096]:
        return None
    for enc in ("utf-8", "latin-1"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return None


def paragraphs_of(path):
    name = path[:-3] if path.endswith(".gz") else path
    low = name.lower()
    if low.endswith((".html", ".htm", ".xhtml", ".shtml")):
        kind = "html"
    elif "/man/" in low and re.search(r"\.\d\w*$", low):
        kind = "man"
    elif "/fortunes/" in low and not low.endswith(".dat"):
        kind = "fortune"
    elif low.endswith((".txt", ".text")):
        kind = "text"
    else:
        return []
    text = read_text(path)
    if text is None:
        return []
    if kind == "html":
        return html_paragraphs(text)
    if kind == "man":
        return man_paragraphs(text)
    return plain_paragraphs(text, fortune=(kind == "fortune"))


def real_documents(root, seen):
    """(lang, source, [paragraphs]) per file, prose in French or Italian only, repeats removed."""
    for top, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            path = os.path.join(top, f)
            source = os.path.relpath(path, root)
            kept = {"fr": [], "it": []}
            for par in paragraphs_of(path):
                if not is_prose(par):
                    continue
                lang, n = vote(par)
                if lang not in kept or n < MIN_WORDS:
                    continue
                h = hashlib.blake2b(par.encode(), digest_size=12).digest()
                if h in seen:
                    continue
                seen.add(h)
                kept[lang].append(par)
            for lang, pars in kept.items():
                if pars:
                    yield lang, source, pars


def cut(pars, size=DOC_BYTES):
    """Groups paragraphs into documents of about `size` bytes."""
    doc, n = [], 0
    for p in pars:
        doc.append(p)
        n += len(p.encode()) + 2
        if n >= size:
            yield doc
            doc, n = [], 0
    if doc:
        yield doc


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("unpacked")
    ap.add_argument("extra", nargs="*", help="folders of .txt articles to add")
    ap.add_argument("--out", required=True)
    ap.add_argument("--target-mb", type=float, default=150)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    target = int(args.target_mb * 1e6)
    seen = set()
    pool = {"fr": [], "it": []}
    stats = {"real_documents": {"fr": 0, "it": 0}, "real_bytes": {"fr": 0, "it": 0}, "sources": {}}
    written = 0
    with open(os.path.join(args.out, "real.jsonl"), "w", encoding="utf-8") as real, \
            open(os.path.join(args.out, "corpus.jsonl"), "w", encoding="utf-8") as corpus:

        def emit(doc_id, lang, source, text, is_real):
            nonlocal written
            line = json.dumps({"id": doc_id, "lang": lang, "source": source, "text": text},
                              ensure_ascii=False) + "\n"
            if is_real:
                real.write(line)
            if written < target:
                corpus.write(line)
                written += len(text.encode())

        roots = [(args.unpacked, "deb")] + [(d, "extra") for d in args.extra]
        n = 0
        for root, origin in roots:
            for lang, source, pars in real_documents(root, seen):
                pool[lang].extend(pars)
                package = source.split(os.sep, 1)[0] if origin == "deb" else "extra"
                stats["sources"][package] = stats["sources"].get(package, 0) + len(pars)
                for doc in cut(pars):
                    text = "\n\n".join(doc)
                    n += 1
                    emit(f"{lang}-{n:06d}", lang, source, text, True)
                    stats["real_documents"][lang] += 1
                    stats["real_bytes"][lang] += len(text.encode())
        real_written = written
        rng = random.Random(args.seed)
        langs = [lang for lang in ("fr", "it") if pool[lang]]
        m = 0
        while written < target and langs:
            lang = rng.choice(langs)
            k = rng.randint(4, 12)
            pars = rng.sample(pool[lang], min(k, len(pool[lang])))
            m += 1
            emit(f"{lang}-mix-{m:06d}", lang, "re-assembled", "\n\n".join(pars), False)
    stats["corpus_bytes"] = written
    stats["real_share"] = round(real_written / written, 3) if written else 0
    stats["reassembled_documents"] = m
    with open(os.path.join(args.out, "stats.json"), "w") as f:
        json.dump(stats, f, indent=1, sort_keys=True)
    print(f"corpus.py: {written / 1e6:.1f} MB of text in {args.out}/corpus.jsonl, "
          f"{real_written / 1e6:.1f} MB of it real documents "
          f"({stats['real_documents']['fr']} fr, {stats['real_documents']['it']} it)", file=sys.stderr)
    if not written:
        sys.exit("corpus.py: no French or Italian prose found")


if __name__ == "__main__":
    main()
