"""Type stubs of the nomina extension module."""

import os
from pathlib import Path
from typing import Iterable, Literal, Sequence, final

__version__: str

MatchKind = Literal["exact", "elision", "case", "accent", "short-form", "stem"]

class GazetteerError(ValueError):
    """A gazetteer could not be loaded or compiled; `file` and `line` (1-based) name the
    offending line when there is one."""

    file: str | None
    line: int | None

@final
class Gazetteer:
    """Entities and their names, from a TSV or JSON Lines file or string."""

    @classmethod
    def from_path(cls, path: str | os.PathLike[str]) -> "Gazetteer": ...
    @classmethod
    def from_tsv(cls, tsv: str) -> "Gazetteer": ...
    @classmethod
    def from_jsonl(cls, jsonl: str) -> "Gazetteer": ...
    def to_jsonl(self) -> str: ...
    @property
    def path(self) -> Path | None: ...
    @property
    def names_len(self) -> int: ...
    def __len__(self) -> int: ...

@final
class Sentence:
    """A sentence: code point span (trailing white space included) and language."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def language(self) -> str | None: ...
    def to_dict(self) -> dict[str, int | str | None]: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Mention:
    """A mention of a gazetteer entity: `text[m.start:m.end] == m.text`."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def sentence(self) -> int: ...
    @property
    def match(self) -> MatchKind: ...
    @property
    def candidates(self) -> list[str]: ...
    @property
    def resolved_by_context(self) -> bool: ...
    def to_dict(self) -> dict[str, object]: ...
    def __eq__(self, other: object) -> bool: ...

@final
class Document:
    """The analysis of one text."""

    @property
    def language(self) -> str | None: ...
    @property
    def sentences(self) -> list[Sentence]: ...
    @property
    def mentions(self) -> list[Mention]: ...
    def to_dict(self) -> dict[str, object]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

@final
class Analyzer:
    """Finds gazetteer entities in text; build once, share across threads."""

    def __init__(
        self,
        gazetteer: Gazetteer | str | os.PathLike[str],
        languages: Sequence[str] | None = None,
        stem_kinds: Sequence[str] | None = None,
        overlaps: str | None = None,
        short_forms: Sequence[str] | None = None,
        context_resolution: bool = True,
        common_words: bool = True,
    ) -> None: ...
    @classmethod
    def from_path(
        cls,
        path: str | os.PathLike[str],
        languages: Sequence[str] | None = None,
        stem_kinds: Sequence[str] | None = None,
        overlaps: str | None = None,
        short_forms: Sequence[str] | None = None,
        context_resolution: bool = True,
        common_words: bool = True,
    ) -> "Analyzer": ...
    @property
    def languages(self) -> list[str]: ...
    @property
    def overlaps(self) -> str: ...
    @property
    def short_forms(self) -> list[str]: ...
    @property
    def context_resolution(self) -> bool: ...
    @property
    def common_words(self) -> bool: ...
    def common_name(self, kind: str, name: str) -> str | None: ...
    @property
    def names_len(self) -> int: ...
    def analyze(self, text: str) -> Document: ...
    def analyze_batch(self, texts: Iterable[str], threads: int | None = None) -> list[Document]: ...
    def _columns(self, texts: Iterable[str | None], threads: int = 1) -> dict[str, object]: ...
    def _columns_from_arrow(
        self,
        offsets: bytes,
        data: bytes,
        validity: bytes | None,
        offset: int,
        length: int,
        width: int,
        threads: int = 1,
    ) -> dict[str, object]: ...
    def _count_mentions(self, texts: Iterable[str], threads: int = 1) -> int: ...
    @classmethod
    def _restore(
        cls,
        path: str | None,
        jsonl: str | None,
        languages: Sequence[str] | None,
        stem_kinds: Sequence[str] | None,
        overlaps: str | None = None,
        short_forms: Sequence[str] | None = None,
        context_resolution: bool = True,
        common_words: bool = True,
    ) -> "Analyzer": ...

def fold(text: str) -> str:
    """The folded form nomina compares (lower case, no accents, typographic variants unified)."""
