"""Helpers for the Spark tests: loopback-only settings."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

import pytest

LOOPBACK = "127.0.0.1"


def require_spark() -> None:
    """Skips without pyspark or Java, unless NOMINA_REQUIRE_SPARK is set (as in CI): then the
    Spark tests fail instead of being skipped."""
    if os.environ.get("NOMINA_REQUIRE_SPARK"):
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401

        assert shutil.which("java") or os.environ.get("JAVA_HOME"), "Java is not installed"
        return
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Java is not installed (apt-get install openjdk-17-jre-headless)")


def loopback_env() -> None:
    """Every Spark process of the tests binds to the loopback address only."""
    os.environ["SPARK_LOCAL_IP"] = LOOPBACK
    os.environ["SPARK_LOCAL_HOSTNAME"] = "localhost"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable


def session(master: str, app: str, conf: dict[str, str]) -> Any:
    from pyspark.sql import SparkSession

    loopback_env()
    builder = (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.driver.host", LOOPBACK)
        .config("spark.driver.bindAddress", LOOPBACK)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.driver.memory", "1g")
    )
    for k, v in conf.items():
        builder = builder.config(k, v)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
