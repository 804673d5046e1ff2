"""Harvested names benchmark: precision and recall of models and datasets with the names harvested from
model and dataset registries (`generator/gazetteer/harvested.yaml`) off and on, and the time they cost.

Run with `make quality` (or `python -m benchmarks.harvested`; `--halves` to choose the labelled sets).
The labelled sets are those of `benchmarks.entities`; results go to benchmarks/HARVESTED.md and
benchmarks/harvested.json. The harvested-test set (hf2025-test) was measured once, after the rules were
settled on the others.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from benchmarks.entities import HALVES, HERE, labelled_papers, measure
from generator.enrich.entities import extract_entities
from generator.enrich.entities.harvested import SWITCH
from generator.model import Paper

CATEGORIES = ("models", "datasets")


def run(switch: str) -> tuple[dict[str, Any], list[Paper]]:
    """Return the entity benchmark's measure with the harvested names `switch` ("on" or "off"), and the
    labelled papers."""
    os.environ[SWITCH] = switch
    labels = yaml.safe_load((HERE / "entity_labels.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as work:
        pairs = labelled_papers(Path(work), labels)
    return measure(pairs), [paper for _, paper, _ in pairs]


def extraction_ms(papers: list[Paper], rounds: int = 5) -> dict[str, float]:
    """Return the mean milliseconds entity extraction takes per paper with the harvested names off and
    on: the best of some rounds, off and on taken in turn (the machine's load changes)."""
    best = {"off": float("inf"), "on": float("inf")}
    for switch in best:
        os.environ[SWITCH] = switch
        extract_entities(papers[0])  # the gazetteer and the harvested names are read once, not timed
    for _ in range(rounds):
        for switch in best:
            os.environ[SWITCH] = switch
            start = time.perf_counter()
            for paper in papers:
                extract_entities(paper)
            best[switch] = min(best[switch], (time.perf_counter() - start) * 1000 / len(papers))
    return best


def pooled(scores: dict[str, Any], halves: list[str], category: str) -> dict[str, float]:
    """Return the counts and precision and recall of a category over some halves."""
    tp, fp, fn = (sum(scores[h][category][k] for h in halves) for k in ("tp", "fp", "fn"))
    return {"tp": tp, "fp": fp, "fn": fn, "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn)}


def harvested_rules(result: dict[str, Any]) -> dict[str, dict[str, dict[str, float]]]:
    """Return the precision of each harvested rule, per category."""
    return {c: {r: s for r, s in result["rules"][c].items() if r.startswith("harvested")} for c in CATEGORIES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=HERE, help="folder for HARVESTED.md and harvested.json")
    parser.add_argument("--halves", default=",".join(h for h in HALVES if h != "hf2025-test"))
    args = parser.parse_args(argv)
    halves = args.halves.split(",")
    (off, papers), (on, _) = run("off"), run("on")
    timing = extraction_ms(papers)
    os.environ.pop(SWITCH, None)
    added = sorted(set(on["false"]) - set(off["false"]))
    found = sorted(set(off["missed"]) - set(on["missed"]))
    result = {
        "halves": halves,
        "off": {c: pooled(off["scores"], halves, c) for c in CATEGORIES},
        "on": {c: pooled(on["scores"], halves, c) for c in CATEGORIES},
        "per half": {
            h: {s: {c: r["scores"][h][c] for c in CATEGORIES} for s, r in (("off", off), ("on", on))} for h in halves
        },
        "rules": harvested_rules(on),
        "ms per paper": timing,
        "false added": [x for x in added if x.split(" ")[-2].rstrip(":") in CATEGORIES],
        "found added": [x for x in found if x.split(" ")[-2].rstrip(":") in CATEGORIES],
    }
    (args.output / "harvested.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        json.dumps(
            {k: result[k] for k in ("off", "on", "rules", "ms per paper", "false added", "found added")}, indent=1
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
