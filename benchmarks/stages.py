"""Where the generator's time and memory go: each stage's wall time and the main process's memory after it.

    python -m benchmarks.stages --papers 10000 30000 --work /tmp/atlas-stages

For each size it writes the synthetic corpus (benchmarks/corpus.py) and runs one cold build in this
process, as `python -m generator` does (the same settings, `--jobs` as the CLI defaults it), with a
progress callback that notes, at every stage boundary, the wall clock, this process's CPU time and
its resident memory (current and peak so far, from /proc/self/status). Per-paper work runs in
worker processes from 2,000 papers: their CPU time is not in the CPU column, their wall time is.
`--profile DIR` also writes a cProfile of each build (`DIR/stages-N.prof`, main process only).
Results go to standard output as JSON lines, one per size; benchmarks/README.md quotes them.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import shutil
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import write_corpus
from benchmarks.processes import own_memory_mb
from benchmarks.workload import ROOT
from generator.build import STAGES, build
from generator.config import Settings
from generator.workspace import copy_hand_written_docs


class StageClock:
    """The progress callback: each stage's wall and CPU seconds, and the memory when it ended."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self._name = ""
        self._wall = self._cpu = 0.0

    def __call__(self, name: str) -> None:
        self._close()
        self._name, self._wall, self._cpu = name, time.perf_counter(), time.process_time()

    def _close(self) -> None:
        if not self._name:
            return
        now, peak = own_memory_mb()
        self.rows.append(
            {
                "stage": self._name,
                "wall_s": round(time.perf_counter() - self._wall, 2),
                "cpu_s": round(time.process_time() - self._cpu, 2),
                "rss_after_mb": now,
                "peak_rss_mb": peak,
            }
        )

    def finish(self) -> list[dict[str, Any]]:
        self._close()
        self._name = ""
        return self.rows


def measure(count: int, work: Path, profile: Path | None) -> dict[str, Any]:
    """Build `count` synthetic papers cold in this process; return each stage's numbers."""
    folder = work / f"stages-{count}"
    shutil.rmtree(folder, ignore_errors=True)
    write_corpus(count, folder / "data")
    copy_hand_written_docs(folder / "docs")
    settings = Settings(
        data_dir=folder / "data",
        docs_dir=folder / "docs",
        templates_dir=ROOT / "site_templates",
        state_file=folder / "state.json",
        today="2026-12-02",
    )
    clock = StageClock()
    profiler = cProfile.Profile()
    started = time.perf_counter()
    if profile:
        profiler.enable()
    build(settings, clock)
    if profile:
        profiler.disable()
        profile.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(profile / f"stages-{count}.prof")
    stages = clock.finish()
    shutil.rmtree(folder, ignore_errors=True)
    assert [row["stage"] for row in stages] == list(STAGES), "a stage the build reported is not in STAGES"
    return {"papers": count, "total_s": round(time.perf_counter() - started, 1), "stages": stages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, nargs="+", default=[10_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/atlas-stages"))
    parser.add_argument("--profile", type=Path, help="write a cProfile of each build into this folder")
    args = parser.parse_args(argv)
    for count in args.papers:
        print(json.dumps(measure(count, args.work, args.profile)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
