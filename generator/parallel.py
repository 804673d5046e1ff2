"""Per-paper work, results in input order, the same bytes wherever it runs.

An `Executor` maps pure per-paper work (cleaning and extracting each paper, embedding its text)
over the papers. Two run it: `LocalExecutor`, the default, on this machine's cores, and the Dask
one (`generator/cluster.py`) on a distributed cluster, chosen by giving a scheduler's address.

Locally, with `jobs` > 1 and enough items, forked worker processes each take a contiguous share.
The work and its inputs reach the workers by inheritance (fork), not by pickling; only the results
come back. Small collections, and systems without fork, run in this process: forking costs more
than it saves below a couple of thousand items. Work done a batch at a time (a neural network
embedding texts) runs here in one call: it uses every core itself.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items the work runs in this process.
MIN_ITEMS = 2000
#: Shares per worker: a few, so a worker that drew slow items does not hold up the rest.
SHARES_PER_JOB = 4

# The work of the current call, inherited by the forked workers.
_work: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


class Executor(Protocol):
    """Where per-paper work runs; every method returns results in the order of the items."""

    def map(self, work: Callable[[T], R], items: Sequence[T]) -> list[R]:
        """Return `[work(item) for item in items]`."""
        ...

    def map_batches(self, work: Callable[[Sequence[T]], Sequence[R]], items: Sequence[T], size: int) -> list[R]:
        """Return the results of `work` over batches of the items (at most `size` each, when split), in order."""
        ...


@dataclass(frozen=True)
class LocalExecutor:
    """Per-paper work on this machine: up to `jobs` forked processes for `min_items` items or more."""

    jobs: int
    min_items: int | None = None

    def map(self, work: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return map_in_order(work, items, self.jobs, self.min_items)

    def map_batches(self, work: Callable[[Sequence[T]], Sequence[R]], items: Sequence[T], size: int) -> list[R]:
        return list(work(items))  # one call, in this process: batched work spreads over the cores itself


def executor(jobs: int, scheduler: str | None = None) -> Executor:
    """Return the executor for per-paper work: the Dask cluster at `scheduler` if given, else local processes."""
    if scheduler is None:
        return LocalExecutor(jobs)
    from generator.cluster import DaskExecutor  # only a distributed build imports Dask

    return DaskExecutor.connect(scheduler)


def default_jobs() -> int:
    """Return `$ATLAS_JOBS`, else the number of cores this process may use."""
    configured = os.environ.get("ATLAS_JOBS")
    if configured:
        return max(1, int(configured))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run_share(bounds: tuple[int, int]) -> list[Any]:
    assert _work is not None, "a worker started outside map_in_order"
    work, items = _work
    return [work(item) for item in items[bounds[0] : bounds[1]]]


def map_in_order(work: Callable[[T], R], items: Sequence[T], jobs: int, min_items: int | None = None) -> list[R]:
    """Return `[work(item) for item in items]`, computed by up to `jobs` forked processes."""
    if min_items is None:
        min_items = MIN_ITEMS
    if jobs < 2 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        return [work(item) for item in items]
    global _work
    shares = min(len(items), jobs * SHARES_PER_JOB)
    edges = [len(items) * k // shares for k in range(shares + 1)]
    _work = (work, items)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_run_share, list(itertools.pairwise(edges)), chunksize=1)
    finally:
        _work = None
    return [result for part in parts for result in part]
