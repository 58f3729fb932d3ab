#!/usr/bin/env python3
"""Spark in local[N] (loopback only): nomina.spark.annotate through mapInArrow and through an
Arrow pandas UDF, against flashtext in an Arrow pandas UDF, on the same cached DataFrame.

    python bench/spark_compare.py --gazetteer G.tsv --corpus C.jsonl [--mb 50] [--runs 3]

Each job computes every row's mentions and sums their number; throughput is the corpus's
UTF-8 size over the job's wall time (median of --runs). The DataFrame is read and cached
first, so reading JSON is not timed. Each Python worker builds its analyzer (or flashtext's
KeywordProcessor) once; the first run includes those builds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

LOOPBACK = "127.0.0.1"


def flashtext_job(df: Any, gazetteer: Path) -> Any:
    import pandas as pd
    from pyspark.sql.functions import col
    from pyspark.sql.pandas.functions import pandas_udf

    df.sparkSession.sparkContext.addFile(str(gazetteer))
    name = gazetteer.name

    def keywords() -> Any:
        import types

        from pyspark import SparkFiles

        cache = sys.modules.setdefault("_bench_flashtext", types.ModuleType("_bench_flashtext"))
        kp = getattr(cache, "kp", None)
        if kp is None:
            from flashtext import KeywordProcessor

            kp = KeywordProcessor(case_sensitive=False)
            with open(SparkFiles.get(name), encoding="utf-8") as f:
                for line in f:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) >= 3 and not line.startswith("#"):
                        kp.add_keyword(cols[2], cols[0])
            setattr(cache, "kp", kp)
        return kp

    def run(texts: pd.Series) -> pd.Series:
        kp = keywords()
        return pd.Series(
            [
                [{"id": i, "start": s, "end": e} for i, s, e in kp.extract_keywords(t or "", span_info=True)]
                for t in texts
            ]
        )

    run.__annotations__ = {"texts": pd.Series, "return": pd.Series}
    udf = pandas_udf(run, "array<struct<id:string,start:bigint,end:bigint>>")  # type: ignore[call-overload]
    return df.withColumn("mentions", udf(col("text")))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gazetteer", required=True, type=Path)
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--mb", type=float, default=None)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--skip", action="append", default=[], help="arrow_udf, pandas_udf, flashtext, noop")
    ap.add_argument("--wide", action="store_true", help="add a column as large as the text")
    args = ap.parse_args()

    os.environ["SPARK_LOCAL_IP"] = LOOPBACK
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    from nomina.spark import annotate

    corpus = args.corpus
    tmp = tempfile.TemporaryDirectory()
    if args.mb is not None:
        corpus = Path(tmp.name) / "slice.jsonl"
        limit, total = int(args.mb * 1e6), 0
        with args.corpus.open("rb") as src, corpus.open("wb") as dst:
            for line in src:
                dst.write(line)
                total += len(line)
                if total >= limit:
                    break

    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .appName("nomina-bench")
        .config("spark.driver.host", LOOPBACK)
        .config("spark.driver.bindAddress", LOOPBACK)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "4g")
        .config("spark.pyspark.python", sys.executable)
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        df = spark.read.json(str(corpus)).select("text")
        if args.wide:
            # A wider table: a second column as large as the text (say, its HTML source).
            df = df.selectExpr("text", "concat('<p>', text, '</p>') as html")
        df = df.repartition(args.cores * 4).cache()
        docs = df.count()
        size = df.selectExpr("sum(octet_length(text)) as n").collect()[0]["n"]
        print(f"corpus: {docs:,} documents, {size / 1e6:.1f} MB, local[{args.cores}]", flush=True)
        def noop() -> Any:
            # The Spark and Arrow round trip alone: the same rows through mapInArrow, and an
            # empty mentions column.
            from pyspark.sql.types import ArrayType, StringType, StructField, StructType

            def run(batches: Any) -> Any:
                import pyarrow as pa

                for b in batches:
                    empty = pa.array([[] for _ in range(b.num_rows)], pa.list_(pa.string()))
                    yield pa.RecordBatch.from_arrays([*b.columns, empty], names=[*b.schema.names, "mentions"])

            schema = StructType(df.schema.fields + [StructField("mentions", ArrayType(StringType()))])
            return df.mapInArrow(run, schema)

        jobs: dict[str, Callable[[], Any]] = {
            "nomina annotate, mapInArrow": lambda: annotate(df, str(args.gazetteer), method="mapInArrow"),
        }
        if "noop" not in args.skip:
            jobs["(no analysis: the mapInArrow round trip alone)"] = noop
        if "arrow_udf" not in args.skip:
            jobs["nomina annotate, arrow_udf"] = lambda: annotate(
                df, str(args.gazetteer), method="arrow_udf"
            )
        if "pandas_udf" not in args.skip:
            jobs["nomina annotate, Arrow pandas_udf"] = lambda: annotate(
                df, str(args.gazetteer), method="pandas_udf"
            )
        if "flashtext" not in args.skip:
            jobs["flashtext in an Arrow pandas_udf"] = lambda: flashtext_job(df, args.gazetteer)
        speeds: dict[str, list[float]] = {k: [] for k in jobs}
        counts: dict[str, int] = {}
        # One untimed pass: every Python worker builds its analyzer (or KeywordProcessor) now.
        for job in jobs.values():
            job().selectExpr("sum(size(mentions)) as n").collect()
        for r in range(args.runs):
            for name, job in jobs.items():
                t0 = time.perf_counter()
                n = job().selectExpr("sum(size(mentions)) as n").collect()[0]["n"]
                dt = time.perf_counter() - t0
                counts[name] = n
                speeds[name].append(size / 1e6 / dt)
                print(f"  run {r + 1} {name}: {size / 1e6 / dt:.1f} MB/s ({dt:.1f} s), {n:,} mentions", flush=True)
        base = speeds.get("flashtext in an Arrow pandas_udf")
        arrow = speeds["nomina annotate, mapInArrow"]

        def ratio(v: list[float], w: list[float] | None) -> str:
            return f"{statistics.median(a / b for a, b in zip(v, w)):.2f}x" if w else "–"

        print()
        print(f"| local[{args.cores}] | MB/s (median of {args.runs}) | / mapInArrow | / flashtext | mentions |")
        print("|---|---|---|---|---|")
        for name, v in speeds.items():
            print(f"| {name} | {statistics.median(v):.1f} | {ratio(v, arrow)} | {ratio(v, base)} | {counts[name]:,} |")
    finally:
        spark.stop()
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
