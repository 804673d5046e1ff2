"""`make bench` cannot rot: its quick mode runs every measurement for real, small, and checks every target."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.sitebuild import ROOT

pytestmark = pytest.mark.slow  # generates and builds small sites, with MkDocs, about a dozen times

REAL_CORPUS = ROOT.parent / "shared" / "corpus" / "hf_daily_2025H1"
SECTIONS = ("corpora", "generator_only", "full_site")
#: Every target of issue #21 the report checks, each in a row of its own table.
TARGETS = (
    "cold generate + build / plain MkDocs",
    "rebuild after one more day / plain cold build",
    "generator, cold",
    "generator, one-day update",
    "generator alone, cold",
    "generator peak memory, with its workers",
    "whole site built",
    "bytes one search transfers",
    "paper-page HTML median / max, flat in N",
    "search index per paper",
)


def run_bench(output: Path, *options: str) -> tuple[subprocess.CompletedProcess[str], dict[str, Any], str]:
    """Run the benchmark into `output`; return the process, results.json and RESULTS.md."""
    command = [sys.executable, "-m", "benchmarks.run", "--quick", "--output", str(output), *options]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800, check=False)
    assert (output / "results.json").exists(), done.stdout[-3000:] + done.stderr[-3000:]
    results = json.loads((output / "results.json").read_text(encoding="utf-8"))
    return done, results, (output / "RESULTS.md").read_text(encoding="utf-8")


def verdicts(report: str) -> dict[str, list[str]]:
    """Return each target's verdicts (one per row) from the report's table of targets."""
    table = report.split("## Targets", 1)[1].split("\n## ", 1)[0]
    found: dict[str, list[str]] = {}
    for line in [line for line in table.splitlines() if line.startswith("|")][2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        found.setdefault(cells[0], []).append(cells[-1])
    return found


def test_quick_run_measures_every_target_and_says_whether_it_is_met(tmp_path: Path) -> None:
    real = [] if REAL_CORPUS.is_dir() else ["--real-files", "0"]
    done, results, report = run_bench(tmp_path, *real)
    errors = [row for section in SECTIONS for row in results[section] if "error" in row]
    assert (errors, done.returncode) == ([], 0), done.stdout[-3000:] + done.stderr[-3000:]
    assert set(verdicts(report)) == set(TARGETS), report
    assert all(verdict in {"met", "not met"} for found in verdicts(report).values() for verdict in found), report
    expected_corpora = {"synthetic"} | ({"real"} if REAL_CORPUS.is_dir() else set())
    assert {row["corpus"] for row in results["corpora"]} == expected_corpora
    for row in results["corpora"]:
        # The update really added papers and the rebuild wrote pages; both builds were timed.
        assert row["day_papers"] > 0 and row["update_files_written"] > 0, row
        assert row["build_seconds"] > 0 and row["update_build_seconds"] > 0 and row["plain_next_seconds"] > 0, row
    assert results["machine"]["cores"] and results["date"] in report


def test_a_failed_measurement_is_reported_in_its_row_and_the_run_goes_on(tmp_path: Path) -> None:
    # More days of real papers than the corpus holds: that row fails before building anything.
    done, results, report = run_bench(
        tmp_path, "--real-files", "100000", "--sizes", "--generator-only", "30", "--full-site"
    )
    assert done.returncode == 1
    assert [row["label"] for row in results["corpora"]] == ["real"] and "error" in results["corpora"][0]
    assert "error" not in results["generator_only"][0] and results["generator_only"][0]["generator_seconds"] > 0
    assert verdicts(report)["cold generate + build / plain MkDocs"] == ["failed"]
    assert verdicts(report)["generator alone, cold"] == ["met"]


def test_the_stage_clock_times_every_stage_of_a_real_build(tmp_path: Path) -> None:
    from generator.build import STAGES

    command = [sys.executable, "-m", "benchmarks.stages", "--papers", "40", "--work", str(tmp_path)]
    command += ["--profile", str(tmp_path / "profiles")]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=True)
    row = json.loads(done.stdout.strip().splitlines()[-1])
    assert row["papers"] == 40 and [s["stage"] for s in row["stages"]] == list(STAGES)
    assert all(s["wall_s"] >= 0 and s["peak_rss_mb"] >= s["rss_after_mb"] > 0 for s in row["stages"])
    assert sum(s["wall_s"] for s in row["stages"]) <= row["total_s"] + 0.1
    assert (tmp_path / "profiles" / "stages-40.prof").stat().st_size > 0
