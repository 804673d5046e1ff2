from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from generator import parallel
from generator.build import build
from generator.config import Settings
from tests.enrich.test_topics import three_fields


def test_results_come_back_in_order_from_other_processes() -> None:
    items = list(range(101))
    assert parallel.map_in_order(lambda n: (n * n, os.getpid()), items, jobs=2, min_items=1) != [
        (n * n, os.getpid()) for n in items
    ], "the work ran in this process only"
    assert [square for square, _ in parallel.map_in_order(lambda n: (n * n, 0), items, 2, 1)] == [n * n for n in items]


def test_a_failure_in_a_worker_reaches_the_caller() -> None:
    def fail(n: int) -> int:
        raise ValueError(f"bad item {n}")

    with pytest.raises(ValueError, match="bad item"):
        parallel.map_in_order(fail, [1, 2, 3], jobs=2, min_items=1)


def test_the_pages_are_the_same_bytes_with_one_process_or_two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    forks: list[str | None] = []
    get_context = multiprocessing.get_context

    def counted(method: str | None = None) -> multiprocessing.context.BaseContext:
        forks.append(method)
        return get_context(method)

    monkeypatch.setattr(multiprocessing, "get_context", counted)
    data = three_fields(tmp_path)
    outputs = []
    for jobs in (1, 2):
        docs = tmp_path / f"docs-{jobs}"
        # Cold: each build cleans and extracts every paper itself, none from the other's cache.
        state = tmp_path / f"state-{jobs}.json"
        settings = Settings(data_dir=data, docs_dir=docs, state_file=state, jobs=jobs, cold=True)
        build(settings)
        outputs.append({p.relative_to(docs): p.read_bytes() for p in docs.rglob("*") if p.is_file()})
    assert forks == ["fork", "fork"], "enriching and rendering ran in worker processes"
    assert outputs[0] == outputs[1] and len(outputs[0]) > 20
