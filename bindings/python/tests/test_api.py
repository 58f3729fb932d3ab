"""The Python API: offsets, equality with the Rust annotate example, options, errors."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

import nomina
from texts import ALL, ENGLISH, FRENCH, HOSTILE, ITALIAN

REPO = Path(__file__).resolve().parents[3]


def check_invariants(text: str, doc: nomina.Document) -> None:
    # Sentences cover the text in order, without gap or overlap.
    pos = 0
    for s in doc.sentences:
        assert s.start == pos
        assert s.end > s.start
        pos = s.end
    assert pos == (len(text) if doc.sentences else 0) or text.strip() == ""
    # Mentions slice to their text, are sorted, do not overlap, lie in their sentence.
    last_end = 0
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        s = doc.sentences[m.sentence]
        assert s.start <= m.start < m.end <= s.end
        assert m.candidates[0] == m.id
        assert m.match in ("exact", "elision", "case", "accent", "short-form", "stem")


def found(doc: nomina.Document) -> list[tuple[str, str]]:
    return [(m.id, m.text) for m in doc.mentions]


def test_french(analyzer: nomina.Analyzer) -> None:
    doc = analyzer.analyze(FRENCH)
    assert doc.language == "fr"
    assert found(doc) == [
        ("Q30", "États-Unis"),
        ("Q380", "Meta"),
        ("Q907112", "Netflix"),
        ("MP", "messages privés"),
        ("Q458", "Union européenne"),
        ("Q90", "Paris"),
        ("Q380", "Meta Platforms"),
        ("Q3884", "Amazon"),
    ]
    amazon = doc.mentions[-1]
    assert amazon.candidates == ["Q3884", "Q3783"]
    assert amazon.match == "elision"
    assert doc.mentions[3].match == "stem"
    check_invariants(FRENCH, doc)


def test_italian(analyzer: nomina.Analyzer, gazetteer_path: Path) -> None:
    doc = analyzer.analyze(ITALIAN)
    assert doc.language == "it"
    # `meta` (the goal) is not Meta; dell’ elides; NETFLIX matches by case.
    assert found(doc) == [
        ("Q458", "Unione europea"),
        ("Q380", "Meta"),
        ("Q907112", "NETFLIX"),
        ("MP", "messaggi privati"),
        ("Q220", "Roma"),
        ("Q3783", "Amazzonia"),
        # One sense per document: the text names the river unambiguously (Amazzonia), so the
        # shared name Amazon puts the river first.
        ("Q3783", "Amazon"),
    ]
    assert doc.mentions[-1].resolved_by_context
    assert doc.mentions[-1].candidates == ["Q3783", "Q3884"]
    assert [m.match for m in doc.mentions][:3] == ["elision", "exact", "case"]
    check_invariants(ITALIAN, doc)
    plain = nomina.Analyzer(gazetteer_path, context_resolution=False).analyze(ITALIAN)
    assert plain.mentions[-1].candidates == ["Q3884", "Q3783"]


def test_english(analyzer: nomina.Analyzer) -> None:
    doc = analyzer.analyze(ENGLISH)
    assert doc.language == "en"
    assert [m.text for m in doc.mentions] == [
        "European Union",
        "Meta",
        "Meta",
        "Netflix",
        "Microsoft",
        "Google",
        "Rome",
    ]
    check_invariants(ENGLISH, doc)


@pytest.mark.parametrize("text", HOSTILE)
def test_offsets_on_hostile_text(analyzer: nomina.Analyzer, text: str) -> None:
    doc = analyzer.analyze(text)
    check_invariants(text, doc)
    assert json.loads(doc.to_json()) == doc.to_dict()


def test_hostile_expectations(analyzer: nomina.Analyzer) -> None:
    emoji = analyzer.analyze(HOSTILE[0])
    assert [m.text for m in emoji.mentions] == ["Meta", "Netflix", "Union européenne", "😀 Smile"]
    nfd = analyzer.analyze(HOSTILE[1])
    texts = [m.text for m in nfd.mentions]
    assert texts == [unicodedata.normalize("NFD", t) for t in ["Union européenne", "États-Unis", "Émilie Dupré", "München"]]
    assert [m.match for m in nfd.mentions][0] == "elision"
    scripts = analyzer.analyze(HOSTILE[2])
    assert [m.id for m in scripts.mentions] == ["Q7747", "Q148", "Q142", "Q90"]
    apostrophes = analyzer.analyze(HOSTILE[3])
    assert [m.text for m in apostrophes.mentions] == [
        "Unione europea",
        "Italia",
        "France",
        "Union europeenne",
        "COEUR DE LION",
        "Coeur de Lion",
    ]
    spaces = analyzer.analyze(HOSTILE[4])
    assert [m.text for m in spaces.mentions] == ["Meta\u00a0Platforms", "Union\r\neuropéenne", "Netflix"]
    astral = analyzer.analyze(HOSTILE[5])
    assert [m.text for m in astral.mentions] == ["Amazon", "Meta"]
    assert analyzer.analyze(HOSTILE[6]).mentions == []


def test_lone_surrogates(analyzer: nomina.Analyzer) -> None:
    # Python strings may hold lone surrogates, which UTF-8 cannot encode: still no error,
    # and offsets are still Python indices.
    text = "\ud800 Meta \udfff et Netflix \ud83d."
    doc = analyzer.analyze(text)
    assert [m.text for m in doc.mentions] == ["Meta", "Netflix"]
    check_invariants(text, doc)
    [batch] = analyzer.analyze_batch([text], threads=2)
    assert batch == doc
    assert json.loads(doc.to_json())["mentions"][0]["start"] == 2


def test_empty_and_blank(analyzer: nomina.Analyzer) -> None:
    empty = analyzer.analyze("")
    assert (empty.language, empty.sentences, empty.mentions) == (None, [], [])
    assert empty.to_dict() == {"language": None, "sentences": [], "mentions": []}
    assert analyzer.analyze("   ").mentions == []


def annotate_example(gazetteer: Path, files: list[Path]) -> list[dict[str, object]]:
    cargo = shutil.which("cargo")
    if cargo is None:
        pytest.skip("cargo is not installed")
    out = subprocess.run(
        [cargo, "run", "--release", "--quiet", "--example", "annotate", "--", "--gazetteer", str(gazetteer)]
        + [str(f) for f in files],
        cwd=REPO,
        check=True,
        capture_output=True,
        env={**os.environ, "CARGO_TERM_COLOR": "never"},
    ).stdout
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def to_chars(text: str, record: dict[str, object]) -> dict[str, object]:
    """The annotate example's record with byte offsets turned into code point offsets."""
    data = text.encode("utf-8")

    def c(b: object) -> int:
        assert isinstance(b, int)
        return len(data[:b].decode("utf-8"))

    sentences = record["sentences"]
    mentions = record["mentions"]
    assert isinstance(sentences, list) and isinstance(mentions, list)
    return {
        "language": record["language"],
        "sentences": [{**s, "start": c(s["start"]), "end": c(s["end"])} for s in sentences],
        "mentions": [{**m, "start": c(m["start"]), "end": c(m["end"])} for m in mentions],
    }


def test_same_as_rust_annotate_example(analyzer: nomina.Analyzer, gazetteer_path: Path, tmp_path: Path) -> None:
    files = []
    for i, text in enumerate(ALL):
        f = tmp_path / f"doc{i}.txt"
        f.write_bytes(text.encode("utf-8"))
        files.append(f)
    records = annotate_example(gazetteer_path, files)
    assert len(records) == len(ALL)
    total = 0
    for text, record in zip(ALL, records):
        doc = analyzer.analyze(text)
        expected = to_chars(text, record)
        assert doc.to_dict() == expected
        assert json.loads(doc.to_json()) == expected
        # Same keys in the same order as the example.
        assert list(json.loads(doc.to_json())) == [k for k in record if k != "doc"]
        total += len(doc.mentions)
    assert total > 40


def test_jsonl_gazetteer() -> None:
    gaz = nomina.Gazetteer.from_path(Path(__file__).parent / "data" / "news.jsonl")
    assert (len(gaz), gaz.names_len) == (2, 3)
    an = nomina.Analyzer(gaz)
    assert [m.id for m in an.analyze("Facebook et l’Union européenne.").mentions] == ["Q380", "Q458"]
    # Facebook is French-only.
    assert an.analyze("Facebook was fined by the regulator on Tuesday.").mentions == []
    again = nomina.Gazetteer.from_jsonl(gaz.to_jsonl())
    assert again.to_jsonl() == gaz.to_jsonl()


def test_options() -> None:
    gaz = nomina.Gazetteer.from_tsv("Q1\torganization\tMeta\nC1\tconcept\tmessage privé\n")
    an = nomina.Analyzer(gaz, languages=["fr", "it"])
    assert an.languages == ["fr", "it"]
    assert nomina.Analyzer(gaz).languages == ["fr", "it", "en"]
    text = "Meta a lu des messages privés."
    assert [m.text for m in an.analyze(text).mentions] == ["Meta"]
    stem = nomina.Analyzer(gaz, stem_kinds=["concept"])
    assert [(m.text, m.match) for m in stem.analyze(text).mentions] == [("Meta", "exact"), ("messages privés", "stem")]
    de = nomina.Analyzer(gaz, languages=["de"])
    assert de.analyze("Meta hat die Nachrichten gelesen und die Behörde wartet noch.").language == "de"


def test_overlaps() -> None:
    gaz = nomina.Gazetteer.from_tsv(
        "Q60\tlocation\tNew York\nQ9684\torganization\tNew York Times\nQ1490\tlocation\tTimes Square\n"
    )
    texts = {
        "fr": "Le New York Times a publié l’enquête.",
        "it": "Il New York Times ha pubblicato l’inchiesta.",
        "en": "The New York Times Square office is closed.",
    }
    none = nomina.Analyzer(gaz)
    nested = nomina.Analyzer(gaz, overlaps="nested")
    every = nomina.Analyzer(gaz, overlaps="all")
    assert (none.overlaps, nested.overlaps, every.overlaps) == ("none", "nested", "all")
    for lang in ("fr", "it"):
        assert [m.text for m in none.analyze(texts[lang]).mentions] == ["New York Times"]
        assert [m.text for m in nested.analyze(texts[lang]).mentions] == ["New York Times", "New York"]
    # A name that starts inside a mention and ends after it is only in "all".
    assert [m.text for m in nested.analyze(texts["en"]).mentions] == ["New York Times", "New York"]
    assert [m.text for m in every.analyze(texts["en"]).mentions] == [
        "New York Times",
        "New York",
        "Times Square",
    ]
    with pytest.raises(ValueError, match="overlaps"):
        nomina.Analyzer(gaz, overlaps="some")
    again = pickle.loads(pickle.dumps(nested))
    assert again.overlaps == "nested"
    assert again.analyze(texts["fr"]) == nested.analyze(texts["fr"])


def test_analyzer_from_path_and_str(gazetteer_path: Path) -> None:
    a = nomina.Analyzer.from_path(gazetteer_path, languages=["fr"])
    b = nomina.Analyzer(str(gazetteer_path), languages=["fr"])
    assert a.analyze(FRENCH) == b.analyze(FRENCH)
    assert a.names_len == nomina.Gazetteer.from_path(gazetteer_path).names_len


def test_fold() -> None:
    assert nomina.fold("L’Union Européenne") == "l'union europeenne"
