"""Per-paper work split over the machine's cores, results in input order, same bytes as serially.

Cleaning and extracting each paper, and rendering each paper page, depend on that paper alone;
with `jobs` > 1 and enough items, forked worker processes each take a contiguous share. The work
and its inputs reach the workers by inheritance (fork), not by pickling; only the results come
back. Small collections, and systems without fork, run in this process: forking costs more
than it saves below a couple of thousand items.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items the work runs in this process.
MIN_ITEMS = 2000
#: Shares per worker: a few, so a worker that drew slow items does not hold up the rest.
SHARES_PER_JOB = 4

# The work of the current call, inherited by the forked workers.
_work: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


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
