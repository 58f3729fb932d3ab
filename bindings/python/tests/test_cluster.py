"""nomina.spark.annotate on a standalone cluster on the loopback address: one master and two
workers (one core each) started by Spark's own `spark-class`, stopped by their process ids."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest

import nomina
from spark_util import LOOPBACK, loopback_env, require_spark, session
from texts import ALL

pytestmark = [pytest.mark.spark, pytest.mark.cluster]

START_TIMEOUT = 120.0


def free_ports(n: int) -> list[int]:
    """`n` distinct free loopback ports: the sockets stay bound until all are chosen, so the
    kernel cannot hand the same port out twice (it did: the master's UI and RPC then collided)."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            socks.append(s)
            s.bind((LOOPBACK, 0))
        return [int(s.getsockname()[1]) for s in socks]
    finally:
        for s in socks:
            s.close()


def spark_class() -> Path:
    from pyspark.find_spark_home import _find_spark_home

    return Path(_find_spark_home()) / "bin" / "spark-class"


def master_state(ui_port: int) -> dict[str, Any]:
    with urllib.request.urlopen(f"http://{LOOPBACK}:{ui_port}/json/", timeout=5) as r:
        state: dict[str, Any] = json.load(r)
        return state


def stop(procs: list[subprocess.Popen[bytes]]) -> None:
    """Stops the processes we started, by their ids: SIGTERM, then SIGKILL after a grace."""
    for p in reversed(procs):
        if p.poll() is None:
            os.kill(p.pid, signal.SIGTERM)
    deadline = time.monotonic() + 30
    for p in reversed(procs):
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.kill(p.pid, signal.SIGKILL)
            p.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    require_spark()
    loopback_env()
    base = tmp_path_factory.mktemp("spark-cluster")
    env = {
        **os.environ,
        "SPARK_LOCAL_IP": LOOPBACK,
        "SPARK_LOG_DIR": str(base / "logs"),
        "SPARK_NO_DAEMONIZE": "1",
        # No REST submission server (it would listen on the fixed port 6066).
        "SPARK_MASTER_OPTS": "-Dspark.master.rest.enabled=false",
    }
    port, ui_port, *worker_ports = free_ports(6)
    url = f"spark://{LOOPBACK}:{port}"
    procs: list[subprocess.Popen[bytes]] = []
    logs = []
    try:
        master_log = open(base / "master.log", "wb")
        logs.append(master_log)
        procs.append(
            subprocess.Popen(
                [str(spark_class()), "org.apache.spark.deploy.master.Master",
                 "--host", LOOPBACK, "--port", str(port), "--webui-port", str(ui_port)],
                env=env, stdout=master_log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
        )
        for i in range(2):
            work = base / f"work{i}"
            work.mkdir()
            log = open(base / f"worker{i}.log", "wb")
            logs.append(log)
            procs.append(
                subprocess.Popen(
                    [str(spark_class()), "org.apache.spark.deploy.worker.Worker",
                     "--host", LOOPBACK, "--port", str(worker_ports[2 * i]),
                     "--webui-port", str(worker_ports[2 * i + 1]),
                     "--cores", "1", "--memory", "1g", "--work-dir", str(work), url],
                    env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                )
            )
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            for p in procs:
                if p.poll() is not None:
                    raise RuntimeError(f"a Spark process exited early; see logs in {base}")
            try:
                if len([w for w in master_state(ui_port).get("workers", []) if w.get("state") == "ALIVE"]) == 2:
                    break
            except (OSError, ValueError):
                # Not listening yet, or the UI answered before it was ready (not JSON).
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the cluster did not start in {START_TIMEOUT} s; see logs in {base}")
            time.sleep(0.5)
        yield {"url": url, "base": base, "pids": [p.pid for p in procs]}
    finally:
        stop(procs)
        for f in logs:
            f.close()


def test_cluster_annotate_builds_one_analyzer_per_executor(
    cluster: dict[str, Any], gazetteer_path: Path, analyzer: nomina.Analyzer
) -> None:
    from nomina.spark import annotate

    build_log: Path = cluster["base"] / "builds.log"
    spark = session(
        cluster["url"],
        "nomina-test-cluster",
        {
            "spark.executor.cores": "1",
            "spark.executor.memory": "1g",
            "spark.cores.max": "2",
            "spark.executorEnv.NOMINA_SPARK_BUILD_LOG": str(build_log),
            "spark.executorEnv.SPARK_LOCAL_IP": LOOPBACK,
        },
    )
    try:
        sc = spark.sparkContext
        deadline = time.monotonic() + START_TIMEOUT
        # The driver and both executors.
        while sc._jsc.sc().getExecutorMemoryStatus().size() < 3:
            if time.monotonic() > deadline:
                raise RuntimeError("the executors did not register")
            time.sleep(0.5)
        texts = list(ALL) * 30
        df = spark.createDataFrame(list(enumerate(texts)), "doc long, text string").repartition(12)
        out = annotate(df, gazetteer=str(gazetteer_path), text_col="text")
        rows = sorted(out.collect(), key=lambda r: r["doc"])
        assert len(rows) == len(texts)
        for row in rows:
            doc = analyzer.analyze(texts[row["doc"]])
            assert row["language"] == doc.language
            assert [(m["id"], m["start"], m["end"], m["text"]) for m in row["mentions"]] == [
                (m.id, m.start, m.end, m.text) for m in doc.mentions
            ]
        # A second job reuses the analyzers.
        assert annotate(df, gazetteer=str(gazetteer_path)).filter("size(mentions) > 0").count() > 0
    finally:
        spark.stop()
    builds = [line.split("\t") for line in build_log.read_text().splitlines()]
    executors = [b[1] for b in builds]
    # Two executors (each with its own files directory), each built its analyzer once.
    assert len(set(executors)) == 2, builds
    assert sorted(executors) == sorted(set(executors)), builds
    assert all(b[2] == gazetteer_path.name for b in builds)
