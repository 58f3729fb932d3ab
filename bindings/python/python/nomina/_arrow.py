"""Arrow columns from nomina's analysis, built from buffers the extension fills."""

from __future__ import annotations

from typing import Iterable

import pyarrow as pa

from nomina._nomina import Analyzer

SENTENCE = pa.struct(
    [
        pa.field("start", pa.int64()),
        pa.field("end", pa.int64()),
        pa.field("language", pa.string()),
    ]
)

MENTION = pa.struct(
    [
        pa.field("id", pa.string()),
        pa.field("kind", pa.string()),
        pa.field("start", pa.int64()),
        pa.field("end", pa.int64()),
        pa.field("text", pa.string()),
        pa.field("name", pa.string()),
        pa.field("sentence", pa.int64()),
        pa.field("match", pa.string()),
        pa.field("candidates", pa.list_(pa.string())),
        pa.field("resolved_by_context", pa.bool_()),
    ]
)

SCHEMA = pa.schema(
    [
        pa.field("language", pa.string()),
        pa.field("sentences", pa.list_(SENTENCE)),
        pa.field("mentions", pa.list_(MENTION)),
    ]
)


def _buf(b: bytes | None) -> pa.Buffer | None:
    return None if b is None else pa.py_buffer(b)


def _strings(cols: dict[str, object], key: str, n: int) -> pa.Array:
    return pa.Array.from_buffers(
        pa.string(),
        n,
        [_buf(cols[key + ".valid"]), _buf(cols[key + ".offsets"]), _buf(cols[key + ".data"])],  # type: ignore[arg-type]
    )


def _ints(cols: dict[str, object], key: str, n: int) -> pa.Array:
    return pa.Array.from_buffers(pa.int64(), n, [None, _buf(cols[key])])  # type: ignore[arg-type]


def _bools(cols: dict[str, object], key: str, n: int) -> pa.Array:
    return pa.Array.from_buffers(pa.bool_(), n, [None, _buf(cols[key])])  # type: ignore[arg-type]


def _list(cols: dict[str, object], key: str, n: int, child: pa.Array) -> pa.Array:
    return pa.Array.from_buffers(
        pa.list_(child.type),
        n,
        [_buf(cols[key + ".valid"]), _buf(cols[key + ".offsets"])],  # type: ignore[arg-type]
        children=[child],
    )


def to_batch(cols: dict[str, object]) -> pa.RecordBatch:
    """The record batch of the buffers returned by `Analyzer._columns*`."""
    n: int = cols["length"]  # type: ignore[assignment]
    ns: int = cols["sentences.length"]  # type: ignore[assignment]
    nm: int = cols["mentions.length"]  # type: ignore[assignment]
    nc: int = cols["candidates.length"]  # type: ignore[assignment]
    sentence = pa.StructArray.from_arrays(
        [
            _ints(cols, "sentences.start", ns),
            _ints(cols, "sentences.end", ns),
            _strings(cols, "sentences.language", ns),
        ],
        fields=list(SENTENCE),
    )
    candidates = _list(cols, "mentions.candidates", nm, _strings(cols, "candidates", nc))
    mention = pa.StructArray.from_arrays(
        [
            _strings(cols, "mentions.id", nm),
            _strings(cols, "mentions.kind", nm),
            _ints(cols, "mentions.start", nm),
            _ints(cols, "mentions.end", nm),
            _strings(cols, "mentions.text", nm),
            _strings(cols, "mentions.name", nm),
            _ints(cols, "mentions.sentence", nm),
            _strings(cols, "mentions.match", nm),
            candidates,
            _bools(cols, "mentions.resolved_by_context", nm),
        ],
        fields=list(MENTION),
    )
    return pa.RecordBatch.from_arrays(
        [
            _strings(cols, "language", n),
            _list(cols, "sentences", n, sentence),
            _list(cols, "mentions", n, mention),
        ],
        schema=SCHEMA,
    )


def _string_array(arr: pa.Array, analyzer: Analyzer, threads: int) -> dict[str, object]:
    if pa.types.is_string(arr.type):
        width = 4
    elif pa.types.is_large_string(arr.type):
        width = 8
    else:
        arr = arr.cast(pa.string())
        width = 4
    validity, offsets, data = arr.buffers()
    return analyzer._columns_from_arrow(
        offsets.to_pybytes(),
        b"" if data is None else data.to_pybytes(),
        None if validity is None or arr.null_count == 0 else validity.to_pybytes(),
        arr.offset,
        len(arr),
        width,
        threads,
    )


def analyze_arrow(
    analyzer: Analyzer,
    texts: pa.Array | pa.ChunkedArray | Iterable[str | None],
    threads: int = 1,
) -> pa.RecordBatch:
    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks()
    if isinstance(texts, pa.Array):
        if len(texts) == 0:
            return pa.RecordBatch.from_pylist([], schema=SCHEMA)
        return to_batch(_string_array(texts, analyzer, threads))
    return to_batch(analyzer._columns(texts, threads))
