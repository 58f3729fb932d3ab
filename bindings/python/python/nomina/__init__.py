"""nomina: gazetteer entities in French, Italian and English news text.

>>> import nomina
>>> an = nomina.Analyzer(nomina.Gazetteer.from_tsv("Q380\\torganization\\tMeta\\n"))
>>> [(m.id, m.start, m.end) for m in an.analyze("Meta conteste l’amende.").mentions]
[('Q380', 0, 4)]

Offsets are Python string indices: ``text[m.start:m.end] == m.text`` for any text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from nomina._nomina import (
    Analyzer,
    Document,
    Gazetteer,
    GazetteerError,
    Mention,
    Sentence,
    __version__,
    fold,
)

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "Analyzer",
    "Document",
    "Gazetteer",
    "GazetteerError",
    "Mention",
    "Sentence",
    "__version__",
    "analyze_arrow",
    "fold",
]


def analyze_arrow(
    analyzer: Analyzer,
    texts: "pa.Array | pa.ChunkedArray | Iterable[str | None]",
    threads: int = 1,
) -> "pa.RecordBatch":
    """Analyses texts into an Arrow record batch of three columns: ``language`` (string),
    ``sentences`` (list<struct<start, end, language>>) and ``mentions`` (list<struct<id, kind,
    start, end, text, name, sentence, match, candidates: list<string>, resolved_by_context: bool>>),
    offsets in code points. A null text gives a null row. Needs pyarrow; no Python object is made per mention.
    """
    from nomina._arrow import analyze_arrow as _analyze_arrow

    return _analyze_arrow(analyzer, texts, threads)
