"""Browser benchmark: time to first render of the Table, Map and Timeline pages at 10,000 papers.

Run with `make bench-explore` (or `python -m benchmarks.explore --papers 10000`). It generates the
synthetic corpus of `benchmarks/corpus.py` (with a date per paper, for the timeline), builds the
site, serves it on localhost and opens each page in Debian's Chromium (headless, through
Playwright) several times. For each page it records the time from navigation start until the
table's first rows or the map's first frame are drawn (`data-ready-at`, set by the page's script),
the size of the data the page fetches, and the longest main-thread task while loading
(PerformanceObserver "longtask": how long the page was frozen at worst). Medians go to
benchmarks/EXPLORE.md and benchmarks/explore.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.browser import served_browser
from benchmarks.corpus import write_dated_corpus
from benchmarks.workload import ROOT
from generator.workspace import copy_hand_written_docs, site_config

HERE = Path(__file__).resolve().parent
PAGES = {
    "table": ("explore/table/", ".atlas-table", "explore/table.json"),
    "map": ("explore/map/", ".atlas-map", "explore/map.json"),
    "timeline": ("explore/timeline/", ".atlas-map", "explore/map.json"),
}
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver(list => list.getEntries().forEach(e => window.__longTasks.push(e.duration)))
  .observe({type: "longtask", buffered: true});
"""


def build(count: int, work: Path) -> Path:
    data = work / "data"
    write_dated_corpus(count, data)
    docs = work / "docs_src"
    copy_hand_written_docs(docs)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--data",
            str(data),
            "--docs",
            str(docs),
            "--state",
            str(work / "s.json"),
            "--quiet",
        ],
        check=True,
        cwd=ROOT,
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site_config(work, docs, work / "site"))], check=True
    )
    return work / "site"


def measure(site: Path, repetitions: int, chromium: str) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with served_browser(site, chromium) as (browser, base):
        for name, (path, selector, data) in PAGES.items():
            ready, frozen = [], []
            for _ in range(repetitions):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.add_init_script(LONG_TASKS)
                page.goto(base + path)
                page.wait_for_selector(f"{selector}[data-ready='true']", timeout=120_000)
                ready.append(int(page.locator(selector).get_attribute("data-ready-at") or 0))
                frozen.append(page.evaluate("() => Math.round(Math.max(0, ...window.__longTasks))"))
                context.close()
            results[name] = {
                "first_render_ms_median": statistics.median(ready),
                "first_render_ms_all": ready,
                "longest_task_ms_median": statistics.median(frozen),
                "data_bytes": (site / data).stat().st_size,
            }
    return results


def report(count: int, results: dict[str, Any]) -> str:
    lines = [
        "# Explore pages: time to first render in a real browser",
        "",
        f"Written by `make bench-explore` (`python -m benchmarks.explore`): {count} synthetic papers,"
        " headless Chromium, site served on localhost; medians of the repetitions.",
        f"Machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}.",
        "",
        "| page | first render (ms from navigation start) | longest main-thread task (ms) | data fetched |",
        "|---|---|---|---|",
    ]
    for name, r in results.items():
        size = f"{r['data_bytes'] / 1e6:.1f} MB"
        lines.append(f"| {name} | {r['first_render_ms_median']} | {r['longest_task_ms_median']} | {size} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--output", type=Path, default=HERE)
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("no Chromium found: run `make browser` first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        results = measure(build(args.papers, Path(work)), args.repetitions, chromium)
    (args.output / "explore.json").write_text(json.dumps({"papers": args.papers, **results}, indent=2) + "\n")
    (args.output / "EXPLORE.md").write_text(report(args.papers, results))
    print(report(args.papers, results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
