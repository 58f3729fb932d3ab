"""Pickling (the analyzer is rebuilt from its gazetteer's path or names) and threads."""

from __future__ import annotations

import copy
import pickle
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nomina
from texts import ALL, FRENCH, ITALIAN


def test_pickle_analyzer_from_path(analyzer: nomina.Analyzer) -> None:
    data = pickle.dumps(analyzer)
    assert len(data) < 1000  # the path, not the names
    again = pickle.loads(data)
    assert isinstance(again, nomina.Analyzer)
    for text in ALL:
        assert again.analyze(text) == analyzer.analyze(text)


def test_pickle_analyzer_from_names_keeps_options() -> None:
    gaz = nomina.Gazetteer.from_tsv("Q1\torganization\tMeta\nC1\tconcept\tmessage privé\tfr\n")
    an = nomina.Analyzer(gaz, languages=["fr", "it"], stem_kinds=["concept"])
    again = pickle.loads(pickle.dumps(an))
    assert again.languages == ["fr", "it"]
    text = "Meta a lu les messages privés."
    assert [m.match for m in again.analyze(text).mentions] == ["exact", "stem"]
    assert again.analyze(text) == an.analyze(text)
    assert copy.deepcopy(an).analyze(text) == an.analyze(text)


def test_pickle_gazetteer(gazetteer_path: Path) -> None:
    gaz = nomina.Gazetteer.from_path(gazetteer_path)
    assert pickle.loads(pickle.dumps(gaz)).to_jsonl() == gaz.to_jsonl()
    inline = nomina.Gazetteer.from_tsv("Q1\torganization\tMeta\n")
    assert pickle.loads(pickle.dumps(inline)).to_jsonl() == inline.to_jsonl()


def test_batch_equals_single(analyzer: nomina.Analyzer) -> None:
    texts = ALL * 20
    single = [analyzer.analyze(t) for t in texts]
    for threads in (None, 1, 2, 3):
        assert analyzer.analyze_batch(texts, threads=threads) == single
    assert analyzer.analyze_batch([]) == []
    assert analyzer.analyze_batch(iter(texts[:5]), threads=2) == single[:5]


def test_python_threads_share_one_analyzer(analyzer: nomina.Analyzer) -> None:
    texts = [FRENCH, ITALIAN] * 200
    expected = [analyzer.analyze(t).to_json() for t in texts]
    barrier = threading.Barrier(4)

    def work(i: int) -> list[str]:
        barrier.wait()
        return [analyzer.analyze(t).to_json() for t in texts]

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(work, range(4)))
    assert all(r == expected for r in results)


def test_documents_outlive_analyzer(gazetteer_path: Path) -> None:
    an = nomina.Analyzer.from_path(gazetteer_path)
    docs = an.analyze_batch([FRENCH, ITALIAN])
    mentions = docs[0].mentions
    del an, docs
    assert mentions[1].text == "Meta"


def test_arrow_columns_match_documents(analyzer: nomina.Analyzer) -> None:
    import pyarrow as pa

    texts: list[str | None] = [*ALL, None, "\ud800 Meta"]
    batch = nomina.analyze_arrow(analyzer, texts, threads=2)
    rows = batch.to_pylist()
    for text, row in zip(texts, rows):
        if text is None:
            assert row == {"language": None, "sentences": None, "mentions": None}
            continue
        d = analyzer.analyze(text).to_dict()
        assert row["language"] == d["language"]
        assert row["sentences"] == d["sentences"]
        mentions = d["mentions"]
        assert isinstance(mentions, list)
        assert [{**m, "text": text[m["start"] : m["end"]]} for m in row["mentions"]] == [
            {
                **{k: m[k] for k in ("id", "kind", "start", "end", "text", "name", "sentence", "match", "candidates")},
                "resolved_by_context": m.get("resolved_by_context", False),
            }
            for m in mentions
        ]
    # From an Arrow array (a slice, with nulls), and a large_string array.
    arr = pa.array(["x", *[t for t in texts if t is None or "\ud800" not in t]])
    sliced = arr.slice(1)
    via_arrow = nomina.analyze_arrow(analyzer, sliced)
    assert via_arrow.to_pylist() == nomina.analyze_arrow(analyzer, sliced.to_pylist()).to_pylist()
    large = nomina.analyze_arrow(analyzer, sliced.cast(pa.large_string()))
    assert large.to_pylist() == via_arrow.to_pylist()
    assert nomina.analyze_arrow(analyzer, pa.chunked_array([sliced, sliced])).num_rows == 2 * len(sliced)
    assert nomina.analyze_arrow(analyzer, pa.array([], pa.string())).num_rows == 0
