"""Short names against the hand labels' `new_name` (the hf2025 sets of `labels/hf2025h1*.yaml`).

A paper's short name (`generator.identify.papers`) is right when it is the labelled new name
(normalised); an extracted name that is not the label is false, a labelled name not extracted is
missed. Reported by `python -m benchmarks.entities` in ENTITIES.md.
"""

from __future__ import annotations

from typing import Any

from generator.model import Paper
from generator.text.names import normalise_name


def measure_short_names(pairs: list[tuple[str, Paper, dict[str, Any]]]) -> dict[str, Any]:
    """Return per half the short names right, false and missed, and each one not as labelled."""
    counts: dict[str, dict[str, int]] = {}
    wrong: list[str] = []
    for key, paper, entry in pairs:
        if "new_name" not in entry:
            continue  # a set labelled without new names
        want, got = entry["new_name"] or "", paper.short_name or ""
        right = normalise_name(want) == normalise_name(got)
        tally = counts.setdefault(entry["half"], {"tp": 0, "fp": 0, "fn": 0})
        tally["tp"] += bool(got and right)
        tally["fp"] += bool(got and not right)
        tally["fn"] += bool(want and not right)
        if not right:
            wrong.append(f"{key}: {got or '(none)'}, labelled {want or '(none)'}")
    scores = {
        half: {
            **c,
            "precision": c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0,
            "recall": c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0,
        }
        for half, c in counts.items()
    }
    return {"scores": scores, "wrong": wrong}


def short_names_report(result: dict[str, Any]) -> list[str]:
    """Return the Markdown lines of the short names' section."""
    lines = [
        "## Short names",
        "",
        "A paper's short name (shown on its page, used for its slug and for mentions) against the",
        "labelled `new_name` of the hf2025 sets: the title's name before its colon, else the name the",
        "abstract introduces. The short-name rules were written from seed papers and the dev half.",
        "",
        "| half | precision | recall | right | false | missed |",
        "|---|---|---|---|---|---|",
    ]
    for half, s in sorted(result["scores"].items(), reverse=True):
        lines.append(f"| {half} | {s['precision']:.2f} | {s['recall']:.2f} | {s['tp']} | {s['fp']} | {s['fn']} |")
    lines += ["", "Not as labelled:", ""]
    return lines + ([f"- {x}" for x in result["wrong"]] or ["- none"]) + [""]
