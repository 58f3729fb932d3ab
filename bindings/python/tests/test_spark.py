"""nomina.spark.annotate in local[2]."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator, Sequence

import pytest

import nomina
from spark_util import require_spark, session
from texts import ALL

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    require_spark()
    log = tmp_path_factory.mktemp("spark-local") / "builds.log"
    s = session("local[2]", "nomina-test-local", {"spark.executorEnv.NOMINA_SPARK_BUILD_LOG": str(log)})
    try:
        s.build_log = log
        yield s
    finally:
        s.stop()


def rows_of(texts: Sequence[str | None]) -> list[tuple[int, str | None]]:
    return list(enumerate(texts))


def expected(analyzer: nomina.Analyzer, text: str | None) -> dict[str, Any]:
    if text is None:
        return {"language": None, "sentences": None, "mentions": None}
    d = analyzer.analyze(text).to_dict()
    mentions = d["mentions"]
    assert isinstance(mentions, list)
    order = ("id", "kind", "start", "end", "text", "name", "sentence", "match", "candidates")
    return {
        **d,
        "mentions": [
            {**{k: m[k] for k in order}, "resolved_by_context": m.get("resolved_by_context", False)}
            for m in mentions
        ],
    }


@pytest.mark.parametrize("method", ["auto", "mapInArrow", "arrow_udf", "pandas_udf"])
def test_annotate_local(spark: Any, gazetteer_path: Path, analyzer: nomina.Analyzer, method: str) -> None:
    from pyspark.sql.pandas import functions as pandas_functions

    from nomina.spark import annotate

    if method == "arrow_udf" and not hasattr(pandas_functions, "arrow_udf"):
        pytest.skip("arrow_udf needs pyspark 4.1")
    texts: list[str | None] = [*ALL * 5, None]
    df = spark.createDataFrame(rows_of(texts), "doc long, text string").repartition(4)
    out = annotate(df, gazetteer=str(gazetteer_path), text_col="text", method=method)
    assert out.columns == ["doc", "text", "language", "sentences", "mentions"]
    assert out.schema["mentions"].dataType.simpleString() == (
        "array<struct<id:string,kind:string,start:bigint,end:bigint,text:string,name:string,"
        "sentence:bigint,match:string,candidates:array<string>,resolved_by_context:boolean>>"
    )
    rows = sorted(out.collect(), key=lambda r: r["doc"])
    assert len(rows) == len(texts)
    for row in rows:
        text = texts[row["doc"]]
        assert row["text"] == text
        got = {
            "language": row["language"],
            "sentences": None if row["sentences"] is None else [s.asDict() for s in row["sentences"]],
            "mentions": None if row["mentions"] is None else [m.asDict() for m in row["mentions"]],
        }
        assert got == expected(analyzer, text)
    # Spark SQL sees the same offsets: substring is 1-based, in characters.
    from pyspark.sql import functions as F

    checked = (
        out.select("text", F.explode("mentions").alias("m"))
        .select((F.expr("substring(text, m.start + 1, m.end - m.start)") == F.col("m.text")).alias("ok"))
        .collect()
    )
    assert checked and all(r["ok"] for r in checked)


def test_annotate_options_and_errors(spark: Any, gazetteer_path: Path) -> None:
    from nomina.spark import annotate

    df = spark.createDataFrame([("Meta et Netflix à Paris, dit-on.",)], "body string")
    out = annotate(df, str(gazetteer_path), text_col="body", languages=["fr"]).collect()
    assert [m["text"] for m in out[0]["mentions"]] == ["Meta", "Netflix", "Paris"]
    with pytest.raises(ValueError, match="unknown language"):
        annotate(df, str(gazetteer_path), text_col="body", languages=["xx"])
    with pytest.raises(ValueError, match="no column"):
        annotate(df, str(gazetteer_path), text_col="text")
    with pytest.raises(FileNotFoundError):
        annotate(df, str(gazetteer_path.parent / "missing.tsv"), text_col="body")
    clash = spark.createDataFrame([("x", "fr")], "text string, language string")
    with pytest.raises(ValueError, match="already has"):
        annotate(clash, str(gazetteer_path))


def test_one_analyzer_per_python_worker(spark: Any, gazetteer_path: Path) -> None:
    from nomina.spark import annotate

    log: Path = spark.build_log
    before = log.read_text().splitlines() if log.exists() else []
    df = spark.createDataFrame(rows_of(list(ALL) * 40), "doc long, text string").repartition(16)
    opts: dict[str, Any] = {"languages": ["fr", "it", "en", "de"]}
    # (A bare count() would not run the analysis: Spark prunes the UDF's unused columns.)
    n = annotate(df, str(gazetteer_path), **opts).selectExpr("sum(size(mentions)) as n").collect()[0]["n"]
    assert n > 0
    again = annotate(df, str(gazetteer_path), method="mapInArrow", **opts)
    assert again.selectExpr("sum(size(mentions)) as n").collect()[0]["n"] == n
    builds = log.read_text().splitlines()[len(before) :]
    pids = [b.split("\t")[0] for b in builds]
    # local[2]: at most two Python workers, each built the analyzer once for 32 tasks.
    assert 1 <= len(builds) <= 2
    assert len(set(pids)) == len(pids)
