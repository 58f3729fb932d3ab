"""Errors: GazetteerError with file and line, OSError, ValueError, TypeError; no panic."""

from __future__ import annotations

from pathlib import Path

import pytest

import nomina

DATA = Path(__file__).parent / "data"


def test_tsv_error_names_file_and_line() -> None:
    with pytest.raises(nomina.GazetteerError) as e:
        nomina.Gazetteer.from_path(DATA / "bad.tsv")
    assert isinstance(e.value, ValueError)
    assert e.value.file is not None and e.value.file.endswith("bad.tsv")
    assert e.value.line == 3
    assert "bad.tsv:3:" in str(e.value)


def test_jsonl_error_names_file_and_line() -> None:
    with pytest.raises(nomina.GazetteerError) as e:
        nomina.Analyzer.from_path(DATA / "bad.jsonl")
    assert e.value.file is not None and e.value.file.endswith("bad.jsonl")
    assert e.value.line == 2


def test_not_utf8() -> None:
    with pytest.raises(nomina.GazetteerError) as e:
        nomina.Gazetteer.from_path(DATA / "latin1.tsv")
    assert e.value.line == 1


def test_string_errors() -> None:
    with pytest.raises(nomina.GazetteerError) as e:
        nomina.Gazetteer.from_tsv("Q1\torganization\tMeta\nQ1\tperson\tMeta\n")
    assert e.value.line == 2
    with pytest.raises(nomina.GazetteerError):
        nomina.Gazetteer.from_jsonl("not json\n")


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as e:
        nomina.Gazetteer.from_path(tmp_path / "missing.tsv")
    assert isinstance(e.value, OSError)
    assert e.value.filename is not None and e.value.filename.endswith("missing.tsv")
    with pytest.raises(OSError):
        nomina.Analyzer.from_path(tmp_path)
    with pytest.raises(FileNotFoundError):
        nomina.Analyzer(str(tmp_path / "missing.jsonl"))


def test_bad_options() -> None:
    gaz = nomina.Gazetteer.from_tsv("Q1\torganization\tMeta\n")
    with pytest.raises(ValueError, match="unknown language code `xx`"):
        nomina.Analyzer(gaz, languages=["fr", "xx"])
    with pytest.raises(ValueError, match="empty"):
        nomina.Analyzer(gaz, languages=[])
    with pytest.raises(TypeError):
        nomina.Analyzer(gaz, languages="fr")
    with pytest.raises(TypeError):
        nomina.Analyzer(42)  # type: ignore[arg-type]
    an = nomina.Analyzer(gaz)
    with pytest.raises(ValueError):
        an.analyze_batch(["Meta"], threads=0)


def test_bad_texts() -> None:
    an = nomina.Analyzer(nomina.Gazetteer.from_tsv("Q1\torganization\tMeta\n"))
    with pytest.raises(TypeError):
        an.analyze(b"Meta")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        an.analyze(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        an.analyze_batch("Meta")
    with pytest.raises(TypeError, match="not int"):
        an.analyze_batch(["Meta", 3])  # type: ignore[list-item]


def test_huge_and_binary_like_text() -> None:
    an = nomina.Analyzer(nomina.Gazetteer.from_tsv("Q1\torganization\tMeta\n"))
    text = "\x00\x01\u200b\ufeff" * 10_000 + " Meta " + "\ufffd" * 1000
    doc = an.analyze(text)
    assert [text[m.start : m.end] for m in doc.mentions] == ["Meta"]
    assert an.analyze("Meta " * 200_000).mentions[-1].end == 200_000 * 5 - 1


def test_bad_arrow_buffers_are_errors_not_crashes() -> None:
    import struct

    an = nomina.Analyzer(nomina.Gazetteer.from_tsv("Q1\torganization\tMeta\n"))
    with pytest.raises(ValueError, match="too short"):
        an._columns_from_arrow(b"\x00" * 4, b"", None, 0, 5, 4)
    with pytest.raises(ValueError, match="width"):
        an._columns_from_arrow(b"\x00" * 8, b"", None, 0, 1, 3)
    with pytest.raises(ValueError, match="outside"):
        an._columns_from_arrow(struct.pack("<ii", 0, 100), b"abc", None, 0, 1, 4)
    with pytest.raises(ValueError, match="negative"):
        an._columns_from_arrow(struct.pack("<ii", 0, -1), b"abc", None, 0, 1, 4)
    with pytest.raises((ValueError, OverflowError)):
        an._columns_from_arrow(b"", b"", None, 2**63, 2**63, 4)
    # Invalid UTF-8 is replaced, not trusted.
    batch = an._columns_from_arrow(struct.pack("<ii", 0, 6), b"Meta \xff", None, 0, 1, 4)
    assert batch["mentions.length"] == 1
