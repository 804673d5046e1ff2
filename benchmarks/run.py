"""Scale benchmark: generator and site build at N papers, side by side with plain MkDocs.

Run with `make bench` (or `python -m benchmarks.run --sizes 244 1000 10000 --generator-only 100000`).
For each N it measures, with several repetitions and medians:
generator time and peak memory (/usr/bin/time -v), `mkdocs build` time, paper-page HTML size
(median, max), search-index size, site size, files rewritten when one paper is added, and the
build time of plain MkDocs + Material over minimal paper pages (title + abstract) with the same
navigation design (paper pages kept out of the nav). Results go to benchmarks/results.json and
benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from benchmarks.corpus import write_corpus
from generator.emit.manifest import copy_hand_written
from generator.ingest.listing import read_listing

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
PYTHON = sys.executable


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, int, str]:
    """Run a command under /usr/bin/time -v; return (wall seconds, peak RSS in MB, stdout)."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", *command], cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return elapsed, _peak_rss_mb(done.stderr), done.stdout


def _peak_rss_mb(time_report: str) -> int:
    """Return the peak RSS in MB that `/usr/bin/time -v` reported (0 if it reported none)."""
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_report)
    return int(rss.group(1)) // 1024 if rss else 0


def site_config(work: Path, docs: Path, site: Path) -> Path:
    """Write the project's mkdocs.yml for a build in `work`, with absolute paths and no watch list."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        config = yaml_load(handle)  # MkDocs' own loader, which resolves `!ENV`
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    config.pop("watch", None)
    config.update(docs_dir=str(docs), site_dir=str(site))
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def copy_hand_written_docs(destination: Path) -> None:
    """Copy the project's docs folder without what the generator writes into it."""
    copy_hand_written(ROOT / "docs_src", destination)


def plain_site(work: Path, listing: Path) -> Path:
    """Write minimal pages (title + abstract) and a plain Material config with the same nav design."""
    docs = work / "plain_docs"
    (docs / "papers").mkdir(parents=True)
    records, _ = read_listing("papers.txt", listing.read_text(encoding="utf-8"))
    for number, record in enumerate(records):
        (docs / "papers" / f"{number}.md").write_text(f"# {record.title}\n\n{record.abstract}\n", encoding="utf-8")
    (docs / "index.md").write_text("# Papers\n\nA plain collection.\n", encoding="utf-8")
    config = {
        "site_name": "Plain",
        "docs_dir": str(docs),
        "site_dir": str(work / "plain_site"),
        "nav": [{"Home": "index.md"}],
        "not_in_nav": "/papers/*.md",
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
    }
    path = work / "plain.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def generator_command(data: Path, docs: Path, state: Path) -> list[str]:
    return [PYTHON, "-m", "generator", "--data", str(data), "--docs", str(docs), "--state", str(state)]


def generate(data: Path, docs: Path, state: Path) -> tuple[float, int, str]:
    return timed(generator_command(data, docs, state), ROOT)


def measure(count: int, repetitions: int, work: Path) -> dict[str, Any]:
    """Measure one collection size; return medians and sizes."""
    data = work / f"data-{count}"
    listing = write_corpus(count, data)
    copy_hand_written_docs(work / "hand")
    gen_times, gen_rss, build_times, plain_times = [], [], [], []
    docs = work / "docs_src"
    site = work / "site"
    config = site_config(work, docs, site)
    plain = plain_site(work, listing)
    for _ in range(repetitions):
        shutil.rmtree(docs, ignore_errors=True)
        shutil.copytree(work / "hand", docs)
        state = work / "state.json"
        state.unlink(missing_ok=True)
        seconds, rss, _ = generate(data, docs, state)
        gen_times.append(seconds)
        gen_rss.append(rss)
        seconds, _, _ = timed([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(config)])
        build_times.append(seconds)
        seconds, _, _ = timed([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(plain)])
        plain_times.append(seconds)
    pages = sorted(p.stat().st_size for p in (site / "papers").glob("*/index.html"))
    index = (site / "search" / "search_index.json").stat().st_size
    plain_index = (work / "plain_site" / "search" / "search_index.json").stat().st_size
    generated = sum(1 for p in docs.rglob("*") if p.is_file())
    # One more paper in a file of its own: how many generated files change?
    # (JSON lines: a two-line .txt would be read as page chrome, not as a paper.)
    extra = data / "one-more.jsonl"
    extra.write_text(
        json.dumps(
            {"title": "OneMoreNet: A Paper Added Later", "abstract": "We add one paper. It should change few files."}
        )
        + "\n",
        encoding="utf-8",
    )
    _, _, out = generate(data, docs, work / "state.json")
    written = int(re.search(r"(\d+) files written", out).group(1))  # type: ignore[union-attr]
    extra.unlink()
    gen, build, plain_build = (
        statistics.median(gen_times),
        statistics.median(build_times),
        statistics.median(plain_times),
    )
    return {
        "papers": count,
        "repetitions": repetitions,
        "generator_seconds": round(gen, 2),
        "generator_peak_mb": max(gen_rss),
        "mkdocs_build_seconds": round(build, 2),
        "plain_mkdocs_build_seconds": round(plain_build, 2),
        "ratio_generate_and_build_to_plain": round((gen + build) / plain_build, 3),
        "paper_page_bytes_median": int(statistics.median(pages)),
        "paper_page_bytes_max": pages[-1],
        "search_index_bytes": index,
        "search_index_bytes_per_paper": round(index / count),
        "plain_search_index_bytes_per_paper": round(plain_index / count),
        "site_bytes": folder_size(site),
        "generated_files": generated,
        "files_rewritten_adding_one_paper": written,
        "rewritten_fraction": round(written / generated, 4),
    }


def _tree_pss_kb(root: int) -> int:
    """Return the proportional set size of a process and all its descendants, in KiB (Linux)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack += children.get(pid, [])
        with contextlib.suppress(OSError):
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1))  # type: ignore[union-attr]
    return total


def peak_tree_memory(command: list[str], cwd: Path | None = None) -> tuple[float, int, str]:
    """Run a command; return (wall seconds, peak MB of it and its child processes together, output).

    `/usr/bin/time -v` reports the largest single process; the generator forks workers that share
    most of their memory with it, so the honest total is the sum of proportional set sizes (each
    shared page counted once), sampled four times a second.
    """
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_pss_kb(process.pid))
            time.sleep(0.25)
        elapsed = time.perf_counter() - started
        out.seek(0)
        output = out.read().decode(errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{output[-4000:]}")
    return elapsed, peak // 1024, output


def measure_generator_only(count: int, work: Path) -> dict[str, Any]:
    """Measure the generator alone (no site build) at a size too large to build here.

    One run under `/usr/bin/time -v` (the main process's peak) sampled for the whole tree's PSS.
    """
    data = work / f"data-{count}"
    write_corpus(count, data)
    command = generator_command(data, work / "docs_src", work / "state.json")
    seconds, tree, output = peak_tree_memory(["/usr/bin/time", "-v", *command], ROOT)
    return {
        "papers": count,
        "generator_seconds": round(seconds, 2),
        "generator_peak_mb": _peak_rss_mb(output),
        "generator_tree_mb": tree,
    }


def machine() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        lines = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**30
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": memory, "python": platform.python_version()}


def report(results: dict[str, Any]) -> str:
    rows = results["sizes"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {results['date']} on {results['machine']['cores']} cores ({results['machine']['cpu']}), "
        f"{results['machine']['memory_gib']} GiB, Python {results['machine']['python']}, with "
        "`make bench`. Medians of the repetitions; the corpus is `benchmarks/corpus.py`. The plain baseline "
        "is MkDocs + Material over minimal paper pages (title + abstract) with the same navigation design.",
        "",
        "| papers | reps | generator s | generator peak MB | mkdocs build s | plain build s | (gen+build)/plain "
        "| page HTML median / max | search index B/paper (plain) | site MB | files rewritten adding 1 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r['papers']:,} | {r['repetitions']} | {r['generator_seconds']} | {r['generator_peak_mb']} "
            f"| {r['mkdocs_build_seconds']} | {r['plain_mkdocs_build_seconds']} "
            f"| {r['ratio_generate_and_build_to_plain']} "
            f"| {r['paper_page_bytes_median']:,} / {r['paper_page_bytes_max']:,} "
            f"| {r['search_index_bytes_per_paper']:,} ({r['plain_search_index_bytes_per_paper']:,}) "
            f"| {r['site_bytes'] / 1e6:.1f} | {r['files_rewritten_adding_one_paper']} of {r['generated_files']} "
            f"({r['rewritten_fraction']:.2%}) |"
        )
    lines += [
        "",
        "| papers | generator only: s | peak MB, main process | peak MB, with its workers (sum of PSS) |",
        "| --- | --- | --- | --- |",
    ]
    for r in results["generator_only"]:
        tree = r.get("generator_tree_mb", "not measured")
        lines.append(f"| {r['papers']:,} | {r['generator_seconds']} | {r['generator_peak_mb']} | {tree} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[244, 1000, 10000])
    parser.add_argument("--repetitions", type=int, default=3, help="repetitions below 10,000 papers")
    parser.add_argument("--large-repetitions", type=int, default=2, help="repetitions at 10,000 papers and more")
    parser.add_argument("--generator-only", type=int, nargs="*", default=[100000])
    parser.add_argument("--output", type=Path, default=HERE)
    args = parser.parse_args(argv)
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": machine(),
        "sizes": [],
        "generator_only": [],
    }
    for count in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"atlas-bench-{count}-") as work:
            reps = args.repetitions if count < 10000 else args.large_repetitions
            results["sizes"].append(measure(count, reps, Path(work)))
            print(json.dumps(results["sizes"][-1]), flush=True)
            write_results(results, args.output)  # after each size: a long run stopped early keeps what it measured
    for count in args.generator_only:
        with tempfile.TemporaryDirectory(prefix=f"atlas-bench-{count}-") as work:
            results["generator_only"].append(measure_generator_only(count, Path(work)))
            print(json.dumps(results["generator_only"][-1]), flush=True)
            write_results(results, args.output)
    print(report(results))
    return 0


def write_results(results: dict[str, Any], output: Path) -> None:
    (output / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    (output / "RESULTS.md").write_text(report(results), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
