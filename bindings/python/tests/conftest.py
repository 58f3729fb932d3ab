from __future__ import annotations

import sys
from pathlib import Path

import pytest

import nomina

HERE = Path(__file__).parent
DATA = HERE / "data"
sys.path.insert(0, str(HERE))


@pytest.fixture(scope="session")
def gazetteer_path() -> Path:
    return DATA / "news.tsv"


@pytest.fixture(scope="session")
def analyzer(gazetteer_path: Path) -> nomina.Analyzer:
    return nomina.Analyzer.from_path(gazetteer_path)
