"""Scale benchmark: the targets of issue #21, measured side by side with plain MkDocs in one run.

Run with `make bench` (`python -m benchmarks.run`; `--quick` for a small run of every measurement).
For 1,009 real papers (the first 81 days of `../shared/corpus/hf_daily_2025H1/`) and the synthetic
corpus at 1,000 and 10,000 papers it measures, with repetitions and medians: a cold generate +
build against plain MkDocs + Material over the same papers as minimal pages; then, in the same
build folder with its state file and caches left in place, one more day of papers (the next daily
file; 25 synthetic papers) generated and built again, against a plain cold build of all the
papers; the generator alone cold and for that update; paper-page HTML sizes and the search index.
At 100,000 papers it runs the generator alone with the peak memory of its process tree, and with
`--full-site 100000` builds the whole site too. Every measurement is its own function: one that
fails is reported in its row and the run goes on. Results: benchmarks/results.json and RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from benchmarks.corpus import write_corpus
from benchmarks.processes import machine, peak_rss_mb, peak_tree_memory
from benchmarks.targets import report
from benchmarks.workload import (
    ROOT,
    BuildFolder,
    Corpus,
    build_plain,
    folder_size,
    page_sizes,
    paper_count,
    plain_site,
    real,
    search_sizes,
    synthetic,
)
from generator.workspace import copy_hand_written_docs

HERE = Path(__file__).resolve().parent


class Sizes(NamedTuple):
    """The sizes of one kind of run."""

    real_files: int  # days of real papers (the next day is the update)
    sizes: tuple[int, ...]  # synthetic corpus sizes
    day: int  # synthetic papers in one more day
    generator_only: tuple[int, ...]  # sizes for the generator alone
    repetitions: int  # rounds below 10,000 papers


#: The sizes of a full run, and of `--quick` (every measurement, small, once).
FULL = Sizes(real_files=81, sizes=(1000, 10000), day=25, generator_only=(100000,), repetitions=3)
QUICK = Sizes(real_files=2, sizes=(40,), day=5, generator_only=(60,), repetitions=1)
SECTIONS = ("corpora", "generator_only", "full_site")


def one_round(folder: BuildFolder, corpus: Corpus, plain: tuple[Path, Path], search: str) -> dict[str, Any]:
    """Build cold, then add a day and rebuild in the same folder; each beside a plain cold build."""
    cold_generator, peak, _ = folder.generate()
    cold_build = folder.build(search)
    plain_cold = build_plain(plain[0])
    sizes = {**page_sizes(folder.site), "generated_files": sum(1 for p in folder.docs.rglob("*") if p.is_file())}
    sizes["site_bytes"] = folder_size(folder.site)
    corpus.write_day(folder.data)
    update_generator, _, output = folder.generate()
    written = re.search(r"(\d+) files written", output)
    update_build = folder.build(search)
    plain_next = build_plain(plain[1])
    return {
        "generator_seconds": cold_generator,
        "generator_peak_mb": peak,
        "build_seconds": cold_build,
        "plain_seconds": plain_cold,
        "cold_ratio": (cold_generator + cold_build) / plain_cold,
        "update_generator_seconds": update_generator,
        "update_build_seconds": update_build,
        "plain_next_seconds": plain_next,
        "rebuild_ratio": (update_generator + update_build) / plain_next,
        "update_files_written": int(written.group(1)) if written else -1,
        "caches_kept": folder.caches(),
        **sizes,
    }


def measure_corpus(corpus: Corpus, repetitions: int, work: Path, search: str) -> dict[str, Any]:
    """Measure one corpus: cold build and one-day rebuild against plain MkDocs; medians of the rounds."""
    data, next_data = work / "data", work / "data-next"
    corpus.write(data)
    shutil.copytree(data, next_data)
    corpus.write_day(next_data)
    papers, after = paper_count(data), paper_count(next_data)
    plain = (plain_site(work / "plain", data), plain_site(work / "plain-next", next_data))
    copy_hand_written_docs(work / "hand")
    rounds = []
    for number in range(repetitions):
        folder = BuildFolder(work / f"build-{number}")
        folder.prepare(data, work / "hand")
        rounds.append(one_round(folder, corpus, plain, search))
        if number == 0:
            sizes = search_sizes(folder.site, papers)
        shutil.rmtree(folder.root)
    row: dict[str, Any] = {"corpus": corpus.kind, "papers": papers, "day_papers": after - papers}
    row["repetitions"] = repetitions
    for key, value in rounds[0].items():
        numbers = [r[key] for r in rounds]
        row[key] = round(statistics.median(numbers), 3) if isinstance(value, float) else value
    row["generator_peak_mb"] = max(r["generator_peak_mb"] for r in rounds)
    return {**row, "search": sizes}


def measure_generator_only(count: int, work: Path) -> dict[str, Any]:
    """Measure the generator alone, cold, with the peak memory of its process tree (sum of PSS)."""
    folder = BuildFolder(work / "build")
    data = work / "data"
    write_corpus(count, data)
    copy_hand_written_docs(work / "hand")
    folder.prepare(data, work / "hand")
    seconds, tree, output = peak_tree_memory(["/usr/bin/time", "-v", *folder.generator_command()], ROOT)
    return {
        "papers": count,
        "generator_seconds": round(seconds, 2),
        "generator_peak_mb": peak_rss_mb(output),
        "generator_tree_mb": tree,
    }


def measure_full_site(count: int, work: Path, search: str) -> dict[str, Any]:
    """Build the whole site once: the generator and the build, each with its process tree's peak memory."""
    folder = BuildFolder(work / "build")
    data = work / "data"
    write_corpus(count, data)
    copy_hand_written_docs(work / "hand")
    folder.prepare(data, work / "hand")
    generator_seconds, generator_mb, _ = peak_tree_memory(folder.generator_command(), ROOT)
    build_seconds, build_mb = 0.0, 0
    for command in folder.build_commands(search):
        seconds, peak, _ = peak_tree_memory(command, folder.root)
        build_seconds, build_mb = build_seconds + seconds, max(build_mb, peak)
    return {
        "papers": count,
        "generator_seconds": round(generator_seconds, 2),
        "generator_tree_mb": generator_mb,
        "build_seconds": round(build_seconds, 2),
        "build_tree_mb": build_mb,
        **page_sizes(folder.site),
        "site_bytes": folder_size(folder.site),
        "search": search_sizes(folder.site, count),
    }


def attempt(label: str, measurement: Callable[[Path], dict[str, Any]], size: int) -> dict[str, Any]:
    """Run one measurement in a temporary folder; a failure becomes the row's error, not the run's end."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f"atlas-bench-{size}-") as work:
        try:
            row = {"label": label, **measurement(Path(work))}
        except Exception as error:  # every failure, reported in its row: the other rows still run
            traceback.print_exc()
            row = {"label": label, "papers": size, "error": f"{type(error).__name__}: {str(error)[-600:]}"}
    row["wall_seconds"] = round(time.perf_counter() - started, 1)
    row["load_1min_after"] = round(os.getloadavg()[0], 2)
    print(json.dumps(row), flush=True)
    return row


def plan(args: argparse.Namespace) -> list[tuple[str, str, Callable[[Path], dict[str, Any]], int]]:
    """Return every measurement of this run: (section, label, function of a work folder, size)."""
    sizes = QUICK if args.quick else FULL
    reps = args.repetitions or sizes.repetitions
    large = 1 if args.quick else args.large_repetitions
    search = args.search_command
    steps: list[tuple[str, str, Callable[[Path], dict[str, Any]], int]] = []
    files = sizes.real_files if args.real_files is None else args.real_files
    if files:
        steps.append(("corpora", "real", partial(measure_corpus, real(files), reps, search=search), files))
    for count in sizes.sizes if args.sizes is None else args.sizes:
        corpus = synthetic(count, args.day or sizes.day)
        times = reps if count < 10000 else large
        steps.append(("corpora", "synthetic", partial(measure_corpus, corpus, times, search=search), count))
    for count in sizes.generator_only if args.generator_only is None else args.generator_only:
        steps.append(("generator_only", "synthetic", partial(measure_generator_only, count), count))
    for count in (sizes.generator_only if args.quick else ()) if args.full_site is None else args.full_site:
        steps.append(("full_site", "synthetic", partial(measure_full_site, count, search=search), count))
    return steps


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="every measurement at small sizes, once (a test)")
    parser.add_argument("--real-files", type=int, help="days of real papers (default 81, 1,009 papers; 0: none)")
    parser.add_argument("--sizes", type=int, nargs="*", help="synthetic corpus sizes (default 1000 10000)")
    parser.add_argument("--day", type=int, help="synthetic papers in one more day (default 25)")
    parser.add_argument("--repetitions", type=int, help="rounds below 10,000 papers (default 3)")
    parser.add_argument("--large-repetitions", type=int, default=2, help="rounds at 10,000 papers and more")
    parser.add_argument("--generator-only", type=int, nargs="*", help="sizes for the generator alone (100000)")
    parser.add_argument("--full-site", type=int, nargs="*", help="sizes to build whole, e.g. 100000 (default none)")
    parser.add_argument(
        "--search-command",
        default="",
        help="a search indexer run after each build of the project's site and timed with it, e.g. "
        "'{python} -m pagefind --site {site}' ({site} and {python} are filled in)",
    )
    parser.add_argument("--output", type=Path, default=HERE)
    parser.add_argument("--render", type=Path, help="measure nothing: write RESULTS.md again from this results.json")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    if args.render:
        (args.output / "RESULTS.md").write_text(report(json.loads(args.render.read_text())), encoding="utf-8")
        return 0
    results: dict[str, Any] = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "machine": machine()}
    results["command"] = " ".join(["python -m benchmarks.run", *(sys.argv[1:] if argv is None else argv)])
    results.update(quick=args.quick, search_command=args.search_command, **{section: [] for section in SECTIONS})
    started = time.perf_counter()
    for section, label, measurement, size in plan(args):
        results[section].append(attempt(label, measurement, size))
        results["wall_seconds"] = round(time.perf_counter() - started)
        results["load_at_end"] = [round(load, 2) for load in os.getloadavg()]
        write_results(results, args.output)  # after each row: a long run stopped early keeps what it measured
    print(report(results))
    failed = any("error" in row for section in SECTIONS for row in results[section])
    return 1 if failed else 0


def write_results(results: dict[str, Any], output: Path) -> None:
    output.mkdir(parents=True, exist_ok=True)
    (output / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    (output / "RESULTS.md").write_text(report(results), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
