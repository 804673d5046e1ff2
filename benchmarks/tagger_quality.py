"""The entity tagger in the entity benchmark: each labelled set with the tagger off and on, the precision
of what it adds, and what it costs in extraction time (`python -m benchmarks.entities` writes it into
ENTITIES.md and entities.json)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from benchmarks.switches import ms_per_setting, switched
from generator.enrich.entities import extract_entities
from generator.enrich.entities.tagged import RULE
from generator.enrich.entities.tagger import DEFAULT, MIN_PROBABILITY
from generator.model import Paper
from generator.text.names import normalise_name

SETTINGS = ("off", "on")
#: The budget of extraction time a paper, tagger included (issue #19).
BUDGET_MS = 5.0
Pairs = list[tuple[str, Paper, dict[str, Any]]]


def tagger(setting: str) -> AbstractContextManager[None]:
    """Switch the tagger on or off (`$ATLAS_TAGGER`) inside the block."""
    return switched("ATLAS_TAGGER", setting)


def default_setting() -> str:
    return "on" if DEFAULT else "off"


def added(pairs: Pairs) -> dict[str, dict[str, dict[str, int]]]:
    """Return, per labelled set and category, how many of the tagger's names are labelled and not."""
    counts: dict[str, dict[str, dict[str, int]]] = {}
    for _, paper, entry in pairs:
        half = counts.setdefault(entry["half"], {c: {"tp": 0, "fp": 0} for c in ("models", "datasets")})
        for category, entities in (("models", paper.models), ("datasets", paper.datasets)):
            labels = {normalise_name(n) for n in entry[category]}
            for entity in entities:
                if entity.rule == RULE:
                    half[category]["tp" if normalise_name(entity.name) in labels else "fp"] += 1
    return counts


def added_names(pairs: Pairs) -> list[str]:
    """Return each name the tagger added, with its set, paper and category, and whether it is labelled."""
    found = []
    for key, paper, entry in pairs:
        for category, entities in (("models", paper.models), ("datasets", paper.datasets)):
            labels = {normalise_name(n) for n in entry[category]}
            for entity in entities:
                if entity.rule == RULE:
                    right = "true" if normalise_name(entity.name) in labels else "false"
                    found.append(f"{entry['half']} {key} {category}: {entity.name} ({right})")
    return found


def extraction_ms(papers: list[Paper], repetitions: int = 3) -> dict[str, float]:
    """Return the mean extraction time a paper in milliseconds of processor time, the best of some
    runs, tagger off and on."""
    return ms_per_setting("ATLAS_TAGGER", SETTINGS, papers, extract_entities, repetitions)


def compare(pairs: dict[str, Pairs], measure: Callable[[Pairs], dict[str, Any]]) -> dict[str, Any]:
    """Return the scores of every labelled set with the tagger off and on, its additions and its time."""
    return {
        "default": default_setting(),
        "min probability": MIN_PROBABILITY,
        "scores": {setting: measure(pairs[setting])["scores"] for setting in SETTINGS},
        "added": added(pairs["on"]),
        "added names": added_names(pairs["on"]),
        "extraction ms": extraction_ms([paper for _, paper, _ in pairs["off"]]),
    }


def report(result: dict[str, Any], halves: tuple[str, ...]) -> list[str]:
    """Return the tagger's section of ENTITIES.md."""
    ms = result["extraction ms"]
    lines = [
        "",
        "## The tagger, off and on",
        "",
        "The CRF tagger (`generator/enrich/entities/tagger.py`, trained by `make train-tagger`; its data:",
        "`generator/tagger/README.md`) adds names the rules let in, read with a probability of at least",
        f"{result['min probability']}. It is {result['default']} by default (`$ATLAS_TAGGER=on|off`); the tables",
        "above are with it as by default. The probability and its filters were tuned on *hf2025-dev*",
        "alone; the tagger never trained on a labelled paper. Added: the tagger's names (rule `tagger`),",
        "labelled (true) or not (false).",
        "",
        "| half | category | P off | R off | P on | R on | added true | added false |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for half in halves:
        for category in ("models", "datasets"):
            off, on = (result["scores"][s][half][category] for s in SETTINGS)
            tally = result["added"].get(half, {}).get(category, {"tp": 0, "fp": 0})
            lines.append(
                f"| {half} | {category} | {off['precision']:.2f} | {off['recall']:.2f} | {on['precision']:.2f} "
                f"| {on['recall']:.2f} | {tally['tp']} | {tally['fp']} |"
            )
    lines.append("")
    for category in ("models", "datasets"):
        tp, fp = (sum(h[category][c] for n, h in result["added"].items() if n != "hf2025-dev") for c in ("tp", "fp"))
        share = f"precision {tp / (tp + fp):.2f}" if tp + fp else "no name added"
        lines.append(f"- pooled over every set but *hf2025-dev*, its {category}: {tp} true, {fp} false ({share})")
    lines += [
        "",
        "A source whose names are under 0.9 precision stays off by default (issue #19).",
        "",
        "Extraction time a paper (processor time over every labelled paper, the best of three runs):",
        f"{ms['off']:.2f} ms with the tagger off, {ms['on']:.2f} ms on (budget {BUDGET_MS:.0f} ms).",
        "",
        "The tagger's names:",
        "",
    ]
    lines += [f"- {x}" for x in result["added names"]] or ["- none"]
    return lines
