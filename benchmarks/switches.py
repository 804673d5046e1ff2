"""On/off switches of the extractor read from the environment, and what a switch costs in time.

The entity and harvested-names benchmarks both build labelled papers with a source switched off and on
(`$ATLAS_TAGGER`, `$ATLAS_HARVESTED_NAMES`) and time extraction both ways: one context manager sets a
switch and puts the environment back as it was, one loop times the settings in turn.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def switched(variable: str, setting: str) -> Iterator[None]:
    """Set `$variable` to `setting` inside the block; afterwards it is as it was (or unset)."""
    before = os.environ.get(variable)
    os.environ[variable] = setting
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(variable, None)
        else:
            os.environ[variable] = before


def ms_per_item(items: Sequence[T], work: Callable[[T], object], rounds: int) -> float:
    """Return the processor milliseconds `work` takes an item, the best of some rounds (a shared
    machine's load changes wall-clock time more than processor time)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for item in items:
            work(item)
        best = min(best, time.process_time() - start)
    return 1000 * best / len(items)


def ms_per_setting(
    variable: str, settings: Sequence[str], items: Sequence[T], work: Callable[[T], object], rounds: int = 3
) -> dict[str, float]:
    """Return `ms_per_item` with `$variable` at each setting, the settings taken in turn in every round;
    each setting's first call is not timed (it reads the data files the setting needs)."""
    for setting in settings:
        with switched(variable, setting):
            work(items[0])
    best = {setting: float("inf") for setting in settings}
    for _ in range(rounds):
        for setting in settings:
            with switched(variable, setting):
                best[setting] = min(best[setting], ms_per_item(items, work, 1))
    return best
