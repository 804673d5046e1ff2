"""Rebuild benchmark: one more day of papers, generated and built with the page cache warm.

`python -m benchmarks.rebuild --data FOLDER` (a folder of daily files, e.g. Hugging Face daily
papers). The last file (by name) is the new day. Side by side, in each repetition:
- plain: MkDocs + Material cold over minimal pages (title + abstract) of all the papers;
- no cache: `mkdocs build` of all the papers with `ATLAS_PAGE_CACHE=off` (MkDocs' own rebuild);
- cold cache: `mkdocs build` of the papers before the new day, from an empty cache;
- update: the generator adding the new day to that folder (with its state), then
- warm cache: `mkdocs build` of the result, with the cache the cold build left;
- unchanged: the same build again, every page from the cache;
- baseline (with `--baseline ROOT`): the build of another checkout's hook (e.g. main), all papers.
Medians of the repetitions, in wall and in CPU seconds (steadier on a shared machine), go to
stdout as JSON; the sites of the warm and no-cache builds must be the same bytes, or it fails.
The builds run in this order in each repetition: plain, cold cache, update, warm cache,
unchanged, no cache, baseline.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import resource
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from benchmarks.processes import timed
from benchmarks.workload import PYTHON, ROOT, plain_site
from generator.workspace import copy_hand_written_docs, site_config


def generator_command(data: Path, docs: Path, state: Path) -> list[str]:
    """Return the command that generates `data` into `docs` with the state file `state`."""
    return [PYTHON, "-m", "generator", "--data", str(data), "--docs", str(docs), "--state", str(state)]


#: CPU seconds (user + system) of each command `cpu_timed` ran, by the name it was given.
CPU: dict[str, list[float]] = {}


def cpu_timed(name: str, command: list[str], cwd: Path | None = None) -> float:
    """Run `command`; record its CPU seconds under `name` (steadier than wall time on a shared machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = timed(command, cwd)[0]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(name, []).append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return seconds


def mkdocs(name: str, config: Path, cache: bool = True) -> float:
    """Time `mkdocs build --strict` of `config`, with the page cache on or off."""
    switch = f"ATLAS_PAGE_CACHE={'on' if cache else 'off'}"
    return cpu_timed(name, ["env", switch, PYTHON, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)])


def baseline_config(root: Path, work: Path, docs: Path) -> Path:
    """Write the mkdocs.yml of the checkout at `root` for a build of `docs`, with its own Python."""
    code = "import sys; from pathlib import Path; from generator.workspace import site_config; "
    code += "print(site_config(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[1]) / 'site'))"
    (work / "baseline").mkdir()
    subprocess.run([PYTHON, "-c", code, str(work / "baseline"), str(docs)], cwd=root, check=True, capture_output=True)
    return work / "baseline" / "mkdocs.yml"


def prepare(data: Path, work: Path) -> Path:
    """Split `data` into the days before the last and all of them; generate the first into work/before."""
    before, everything = work / "data-before", work / "data-all"
    days = sorted(p for p in data.iterdir() if p.is_file())
    shutil.copytree(data, everything)
    before.mkdir()
    for day in days[:-1]:
        shutil.copy(day, before)
    copy_hand_written_docs(work / "before")
    timed(generator_command(before, work / "before", work / "before.state.json"), ROOT)
    return everything


def repetition(work: Path, everything: Path, configs: dict[str, Path]) -> dict[str, float]:
    """Run each build once, side by side; return the seconds of each."""
    docs, site = work / "docs", work / "cached" / "site"
    seconds = {"plain": mkdocs("plain", configs["plain"])}
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(work / "before", docs)
    shutil.copy(work / "before.state.json", work / "state.json")
    shutil.rmtree(work / "cached" / ".cache", ignore_errors=True)
    seconds["cold_cache"] = mkdocs("cold_cache", configs["cached"])
    update = generator_command(everything, docs, work / "state.json")
    seconds["update"] = cpu_timed("update", update, ROOT)
    seconds["warm_cache"] = mkdocs("warm_cache", configs["cached"])
    shutil.rmtree(work / "site-warm", ignore_errors=True)
    shutil.copytree(site, work / "site-warm")
    seconds["unchanged"] = mkdocs("unchanged", configs["cached"])  # every page from the cache
    seconds["no_cache"] = mkdocs("no_cache", configs["cached"], cache=False)
    if "baseline" in configs:
        seconds["baseline"] = mkdocs("baseline", configs["baseline"])
    return seconds


def same_sites(first: Path, second: Path) -> bool:
    """Say whether two site folders hold the same files with the same bytes."""
    comparison = filecmp.dircmp(first, second)
    if comparison.left_only or comparison.right_only or comparison.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(first, second, comparison.common_files, shallow=False)
    return not mismatch and not errors and all(same_sites(first / d, second / d) for d in comparison.common_dirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a folder of daily files; the last is the new day")
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another checkout (e.g. main) whose hook builds too")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="atlas-rebuild-") as folder:
        work = Path(folder)
        everything = prepare(arguments.data, work)
        (work / "cached").mkdir()
        configs = {
            "plain": plain_site(work, everything),
            "cached": site_config(work / "cached", work / "docs", work / "cached" / "site"),
        }
        if arguments.baseline:
            configs["baseline"] = baseline_config(arguments.baseline, work, work / "docs")
        runs = [repetition(work, everything, configs) for _ in range(arguments.repetitions)]
        if not same_sites(work / "cached" / "site", work / "site-warm"):
            raise SystemExit("the warm build's site differs from the build without the cache")
    wall = {name: statistics.median(run[name] for run in runs) for name in runs[0]}
    cpu = {name: statistics.median(seconds) for name, seconds in CPU.items()}
    print(json.dumps({"repetitions": arguments.repetitions, "wall": ratios(wall), "cpu": ratios(cpu)}, indent=2))


def ratios(seconds: dict[str, float]) -> dict[str, float]:
    """The medians, rounded, with the ratios the issue's targets name."""
    result = {name: round(value, 2) for name, value in seconds.items()}
    result["update_and_warm_to_plain"] = round((seconds["update"] + seconds["warm_cache"]) / seconds["plain"], 3)
    result["warm_to_plain"] = round(seconds["warm_cache"] / seconds["plain"], 3)
    result["warm_to_no_cache"] = round(seconds["warm_cache"] / seconds["no_cache"], 3)
    return result


if __name__ == "__main__":
    main()
