"""Harvested names benchmark: precision and recall of models and datasets with the names harvested from
model and dataset registries (`generator/gazetteer/harvested.yaml`) off and on, and the time they cost.

Run with `make quality` (or `python -m benchmarks.harvested`; `--halves` to choose the labelled sets).
The labelled sets are those of `benchmarks.entities`; results go to benchmarks/HARVESTED.md and
benchmarks/harvested.json. The test halves (hf2025-test, vision-test) were measured once, after the rules
were settled on the others; hf2025c-test is kept out of the tuning sets too.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

import yaml

from benchmarks.entities import HALVES, HERE, built, corpus_sample, labelled_papers, measure
from benchmarks.switches import ms_per_item, ms_per_setting, switched
from generator.enrich.entities import extract_entities
from generator.enrich.entities.harvested import SWITCH, find_harvested
from generator.enrich.text import paper_text
from generator.model import Paper

CATEGORIES = ("models", "datasets")
VISION = HERE / "labels" / "vision2025h1.yaml"
#: The labelled sets rules may be tuned on: all but the two test halves, measured once.
TESTS = ("hf2025-test", "hf2025c-test", "vision-test")
TUNING = ("vision-dev", *(h for h in HALVES if h not in TESTS))


def vision_pairs(work: Path) -> list[tuple[str, Paper, dict[str, Any]]]:
    """Return the labelled vision papers of the 2025 H1 corpus (labels/vision2025h1.yaml), labelled
    with models and datasets only, in halves vision-dev and vision-test."""
    sample = yaml.safe_load(VISION.read_text(encoding="utf-8"))["papers"]
    papers = {p.record.arxiv_id: p for p in built(work / "vision", [corpus_sample(work, sample)])}
    return [(e["arxiv"], papers[e["arxiv"]], {**e, "results": [], "half": f"vision-{e['half']}"}) for e in sample]


Pair = tuple[str, Paper, dict[str, Any]]


def run(switch: str) -> list[Pair]:
    """Return every labelled paper, built with the harvested names `switch` ("on" or "off")."""
    labels = yaml.safe_load((HERE / "entity_labels.yaml").read_text(encoding="utf-8"))
    with switched(SWITCH, switch), tempfile.TemporaryDirectory() as work:
        return labelled_papers(Path(work), labels) + vision_pairs(Path(work))


def extraction_ms(papers: list[Paper], rounds: int = 5) -> dict[str, float]:
    """Return the mean processor milliseconds entity extraction takes a paper with the harvested names
    off and on (the best of some rounds, off and on in turn), and the cost of their look-up alone."""
    best = ms_per_setting(SWITCH, ("off", "on"), papers, extract_entities, rounds)
    texts = [paper_text(paper) for paper in papers]
    best["look-up"] = ms_per_item(texts, find_harvested, rounds)  # the look-up of every word
    return best


def pooled(scores: dict[str, Any], halves: tuple[str, ...], category: str) -> dict[str, float]:
    """Return the counts and precision and recall of a category over some halves."""
    tp, fp, fn = (sum(scores[h][category][k] for h in halves) for k in ("tp", "fp", "fn"))
    return {"tp": tp, "fp": fp, "fn": fn, "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn)}


def _of(items: list[str]) -> list[str]:
    return [x for x in items if x.split(" ")[-2].rstrip(":") in CATEGORIES]


def compare(off_pairs: list[Pair], on_pairs: list[Pair], halves: tuple[str, ...]) -> dict[str, Any]:
    """Return models' and datasets' scores on some halves off and on, the harvested rules' precision, and
    the names switching on found and wrongly added."""
    off, on = (measure([p for p in pairs if p[2]["half"] in halves]) for pairs in (off_pairs, on_pairs))
    return {
        "halves": list(halves),
        "off": {c: pooled(off["scores"], halves, c) for c in CATEGORIES},
        "on": {c: pooled(on["scores"], halves, c) for c in CATEGORIES},
        "rules": {c: {r: x for r, x in on["rules"][c].items() if r.startswith("harvested")} for c in CATEGORIES},
        "found added": _of(sorted(set(off["missed"]) - set(on["missed"]))),
        "false added": _of(sorted(set(on["false"]) - set(off["false"]))),
    }


def report(result: dict[str, Any]) -> str:
    lines = [
        "# Harvested names: models and datasets with and without them",
        "",
        "Written by `make quality` (`python -m benchmarks.harvested`). The names are those of",
        "`generator/gazetteer/harvested.yaml` (`make harvest-names`), switched on by `$ATLAS_HARVESTED_NAMES`.",
        "*tuning sets* pools every labelled set the rules may be tuned on (those of `benchmarks/ENTITIES.md`",
        "but hf2025-test, and vision-dev); *vision-dev* and *vision-test* are the 22 vision papers of the",
        "2025 H1 corpus (`benchmarks/labels/vision2025h1.yaml`); the test halves were never used to tune.",
        "",
        "| sets | category | off P | off R | on P | on R | on true / false / missed |",
        "|---|---|---|---|---|---|---|",
    ]
    for group, g in result["groups"].items():
        for c in CATEGORIES:
            off, on = g["off"][c], g["on"][c]
            counts = f"{on['tp']} / {on['fp']} / {on['fn']}"
            row = f"{off['precision']:.2f} | {off['recall']:.2f} | {on['precision']:.2f} | {on['recall']:.2f}"
            lines.append(f"| {group} | {c} | {row} | {counts} |")
    lines += ["", "| sets | category | rule | precision | true | false |", "|---|---|---|---|---|---|"]
    for group, g in result["groups"].items():
        for c, rules in g["rules"].items():
            for rule, x in sorted(rules.items()):
                lines.append(f"| {group} | {c} | {rule} | {x['precision']:.2f} | {x['tp']} | {x['fp']} |")
    ms = result["ms per paper"]
    lines += [
        "",
        f"Entity extraction per labelled paper (processor time, best of 5): {ms['off']:.2f} ms off,",
        f"{ms['on']:.2f} ms on; the harvested look-up alone {ms['look-up']:.2f} ms.",
    ]
    for group, g in result["groups"].items():
        lines += ["", f"## {group}: found by switching on", ""] + ([f"- {x}" for x in g["found added"]] or ["- none"])
        lines += ["", f"## {group}: wrongly added by switching on", ""] + (
            [f"- {x}" for x in g["false added"]] or ["- none"]
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=HERE, help="folder for HARVESTED.md and harvested.json")
    parser.add_argument("--tuning-only", action="store_true", help="leave the test halves out")
    args = parser.parse_args(argv)
    off, on = run("off"), run("on")
    groups = {"tuning sets": TUNING, "vision-dev": ("vision-dev",)}
    if not args.tuning_only:
        groups |= {name: (name,) for name in ("vision-test", "hf2025-test", "hf2025c-test")}
    result: dict[str, Any] = {"groups": {name: compare(off, on, halves) for name, halves in groups.items()}}
    result["ms per paper"] = extraction_ms([paper for _, paper, _ in off])
    (args.output / "harvested.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (args.output / "HARVESTED.md").write_text(report(result), encoding="utf-8")
    print(report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
