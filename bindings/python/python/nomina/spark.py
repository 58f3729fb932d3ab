"""nomina on Spark: annotate a DataFrame's text column, on one machine or a cluster.

>>> from nomina.spark import annotate
>>> out = annotate(df, gazetteer="names.tsv", text_col="text", languages=["fr", "it"])

`annotate` ships the gazetteer to the executors with `SparkContext.addFile` (or uses the copy
given to `spark-submit --files`), builds one analyzer per Python worker process on first use
and keeps it for every later task of that process, and moves the data as Arrow record batches
(an Arrow UDF, or `mapInArrow` before pyspark 4.1): no Python object is made per row or per
mention.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any, Iterator
from urllib.parse import urlparse

from nomina._nomina import Analyzer, Gazetteer

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

__all__ = ["annotate", "mentions_type", "sentences_type", "output_fields"]

#: When set (on the executors: `spark.executorEnv.NOMINA_SPARK_BUILD_LOG`), every analyzer
#: build appends `pid<TAB>executor files directory<TAB>gazetteer` to this file.
BUILD_LOG_ENV = "NOMINA_SPARK_BUILD_LOG"

_CACHE: dict[tuple[str, tuple[tuple[str, Any], ...]], Analyzer] = {}
_LOCK = threading.Lock()
_NEW_COLUMNS = ("language", "sentences", "mentions")


def sentences_type() -> "Any":
    """array<struct<start: bigint, end: bigint, language: string>>"""
    from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType

    return ArrayType(
        StructType(
            [
                StructField("start", LongType()),
                StructField("end", LongType()),
                StructField("language", StringType()),
            ]
        )
    )


def mentions_type() -> "Any":
    """array<struct<id, kind, start, end, text, name, sentence, match, candidates: array<string>,
    resolved_by_context: boolean>>"""
    from pyspark.sql.types import ArrayType, BooleanType, LongType, StringType, StructField, StructType

    return ArrayType(
        StructType(
            [
                StructField("id", StringType()),
                StructField("kind", StringType()),
                StructField("start", LongType()),
                StructField("end", LongType()),
                StructField("text", StringType()),
                StructField("name", StringType()),
                StructField("sentence", LongType()),
                StructField("match", StringType()),
                StructField("candidates", ArrayType(StringType())),
                StructField("resolved_by_context", BooleanType()),
            ]
        )
    )


def output_fields() -> "list[Any]":
    """The three columns `annotate` adds: language, sentences, mentions."""
    from pyspark.sql.types import StringType, StructField

    return [
        StructField("language", StringType()),
        StructField("sentences", sentences_type()),
        StructField("mentions", mentions_type()),
    ]


def _options_key(options: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(
        sorted((k, tuple(v) if isinstance(v, (list, tuple)) else v) for k, v in options.items())
    )


def _analyzer(file_name: str, options: tuple[tuple[str, Any], ...]) -> Analyzer:
    """This process's analyzer for the shipped gazetteer `file_name`, built once."""
    key = (file_name, options)
    analyzer = _CACHE.get(key)
    if analyzer is not None:
        return analyzer
    with _LOCK:
        analyzer = _CACHE.get(key)
        if analyzer is None:
            from pyspark import SparkFiles

            kwargs: dict[str, Any] = {k: list(v) if isinstance(v, tuple) else v for k, v in options}
            analyzer = Analyzer.from_path(SparkFiles.get(file_name), **kwargs)
            _CACHE[key] = analyzer
            log = os.environ.get(BUILD_LOG_ENV)
            if log:
                with open(log, "a", encoding="utf-8") as f:
                    root = os.path.abspath(SparkFiles.getRootDirectory())
                    f.write(f"{os.getpid()}\t{root}\t{file_name}\n")
    return analyzer


def _ship(df: "DataFrame", gazetteer: str | os.PathLike[str]) -> str:
    """Adds the gazetteer to the job's files unless a file of that name is there already
    (given to `spark-submit --files`); returns its file name."""
    sc = df.sparkSession.sparkContext
    path = os.fspath(gazetteer)
    parsed = urlparse(path)
    is_local = parsed.scheme in ("", "file")
    name = os.path.basename(parsed.path if parsed.scheme else path)
    if not name:
        raise ValueError(f"gazetteer {path!r} does not name a file")
    try:
        listed = [os.path.basename(urlparse(f).path) for f in sc.listFiles]
    except Exception:  # older Spark without listFiles
        listed = []
    if name in listed:
        return name
    if is_local:
        local = parsed.path if parsed.scheme else path
        if not os.path.isfile(local):
            raise FileNotFoundError(2, "gazetteer not found", local)
        path = os.path.abspath(local)
    sc.addFile(path)
    return name


def annotate(
    df: "DataFrame",
    gazetteer: str | os.PathLike[str],
    text_col: str = "text",
    *,
    threads: int = 1,
    method: str = "auto",
    **analyzer_options: Any,
) -> "DataFrame":
    """`df` with three new columns: `language` (string), `sentences`
    (array<struct<start, end, language>>) and `mentions` (array<struct<id, kind, start, end,
    text, name, sentence, match, candidates: array<string>, resolved_by_context: boolean>>),
    offsets in characters of
    `text_col`. A null text gives nulls.

    `gazetteer` is a TSV or JSON Lines file on the driver (or any URI `SparkContext.addFile`
    takes, or the name of a file given to `spark-submit --files`); `analyzer_options` are those
    of `nomina.Analyzer` (`languages`, `stem_kinds`, `overlaps`, `short_forms`,
    `context_resolution`, `common_words`). `threads` is per task (Spark already runs
    one task per core).

    `method` picks how rows cross to Python, always as Arrow batches: `"arrow_udf"` (pyspark
    4.1 and later: only the text column crosses, and the new columns come back as one Arrow
    struct), `"mapInArrow"` (every column crosses both ways), or `"pandas_udf"` (an Arrow
    pandas UDF; the slowest, kept for comparison). `"auto"`, the default, is `"arrow_udf"` where
    pyspark has it, else `"mapInArrow"`: the two ran equally fast in our measurements
    (bindings/python/README), and `arrow_udf` moves only the text column.
    """
    from pyspark.sql.types import StringType, StructType

    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in {df.columns}")
    if not isinstance(df.schema[text_col].dataType, StringType):
        raise TypeError(f"column {text_col!r} is {df.schema[text_col].dataType.simpleString()}, not string")
    clash = [c for c in _NEW_COLUMNS if c in df.columns]
    if clash:
        raise ValueError(f"df already has column(s) {clash}: rename them before annotating")
    # Fail on the driver, not on every executor, if the options are wrong (checked on a
    # one-name gazetteer: the real one is loaded by the executors only).
    Analyzer(Gazetteer.from_tsv("check\tmisc\tcheck\n"), **analyzer_options)
    name = _ship(df, gazetteer)
    options = _options_key(analyzer_options)
    if method == "auto":
        from pyspark.sql.pandas import functions as pandas_functions

        method = "arrow_udf" if hasattr(pandas_functions, "arrow_udf") else "mapInArrow"
    if method == "mapInArrow":
        schema = StructType(df.schema.fields + output_fields())
        return df.mapInArrow(_arrow_fn(name, options, text_col, threads), schema)
    if method == "arrow_udf":
        return _annotate_arrow_udf(df, name, options, text_col, threads)
    if method == "pandas_udf":
        return _annotate_pandas_udf(df, name, options, text_col, threads)
    raise ValueError(f"method must be 'mapInArrow', 'arrow_udf' or 'pandas_udf', not {method!r}")


def _arrow_fn(
    name: str, options: tuple[tuple[str, Any], ...], text_col: str, threads: int
) -> "Any":
    def run(batches: "Iterator[pa.RecordBatch]") -> "Iterator[pa.RecordBatch]":
        import pyarrow as pa

        from nomina._arrow import analyze_arrow

        analyzer = _analyzer(name, options)
        for batch in batches:
            new = analyze_arrow(analyzer, batch.column(text_col), threads)
            yield pa.RecordBatch.from_arrays(
                [*batch.columns, *new.columns], names=[*batch.schema.names, *new.schema.names]
            )

    return run


def _annotate_pandas_udf(
    df: "DataFrame", name: str, options: tuple[tuple[str, Any], ...], text_col: str, threads: int
) -> "DataFrame":
    import pandas as pd
    from pyspark.sql.functions import col
    from pyspark.sql.pandas.functions import pandas_udf
    from pyspark.sql.types import StructType

    result: StructType = StructType(output_fields())

    def run(texts: pd.Series) -> pd.DataFrame:
        import pyarrow as pa

        from nomina._arrow import analyze_arrow

        analyzer = _analyzer(name, options)
        batch = analyze_arrow(analyzer, pa.Array.from_pandas(texts, type=pa.string()), threads)
        return batch.to_pandas()

    # Spark reads the kind of UDF from the annotations, which must be objects, not strings.
    run.__annotations__ = {"texts": pd.Series, "return": pd.DataFrame}
    udf = pandas_udf(run, result)  # type: ignore[call-overload]
    tmp = "__nomina_annotate"
    with_struct = df.withColumn(tmp, udf(col(text_col)))
    return with_struct.select(
        *[with_struct[c] for c in df.columns],
        *[col(f"{tmp}.{c}").alias(c) for c in _NEW_COLUMNS],
    )


def _annotate_arrow_udf(
    df: "DataFrame", name: str, options: tuple[tuple[str, Any], ...], text_col: str, threads: int
) -> "DataFrame":
    import pyarrow as pa
    from pyspark.sql.functions import col
    from pyspark.sql.pandas import functions as pandas_functions
    from pyspark.sql.types import StructType

    arrow_udf = getattr(pandas_functions, "arrow_udf", None)
    if arrow_udf is None:
        raise ValueError("method='arrow_udf' needs pyspark 4.1 or later")

    def run(texts: pa.Array) -> pa.Array:
        from nomina._arrow import analyze_arrow

        batch = analyze_arrow(_analyzer(name, options), texts, threads)
        return pa.StructArray.from_arrays(batch.columns, fields=list(batch.schema))

    run.__annotations__ = {"texts": pa.Array, "return": pa.Array}
    udf = arrow_udf(run, StructType(output_fields()))
    tmp = "__nomina_annotate"
    with_struct = df.withColumn(tmp, udf(col(text_col)))
    return with_struct.select(
        *[with_struct[c] for c in df.columns],
        *[col(f"{tmp}.{c}").alias(c) for c in _NEW_COLUMNS],
    )
