"""A deterministic synthetic corpus: N realistic papers recombined from the seed listing.

Titles are unique (each carries a coined short name), abstracts are 6-9 sentences drawn from
the seed's own abstracts with the paper's name, model names and sometimes a code link woven in.
The output is a trending-page listing, the default input format.
"""

from __future__ import annotations

import datetime
import json
import random
import re
from pathlib import Path

from generator.ingest.listing import read_listing

SEED = Path(__file__).resolve().parent.parent / "data" / "trending-papers.txt"
MODELS = ["Llama-3-8B", "GPT-4", "Qwen2.5-7B", "Gemma-2B", "Mistral-7B", "OLMo-1B", "Phi-3-mini", "T5-Large"]
DATASETS = ["GSM8K", "MMLU", "MATH", "SlimPajama", "TriviaQA", "HumanEval", "C4", "the Pile"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _seed_parts() -> tuple[list[str], list[str], list[str]]:
    records, _ = read_listing("seed", SEED.read_text(encoding="utf-8"))
    sentences = [s for r in records for s in _SENTENCE.split(r.abstract) if 40 <= len(s) <= 400 and "http" not in s]
    tails = [r.title.split(": ", 1)[1] for r in records if ": " in r.title]
    plain = [r.title for r in records if ": " not in r.title]
    return sentences, tails, plain


def _name(rng: random.Random, index: int) -> str:
    head = rng.choice(["Fast", "Deep", "Meta", "Tiny", "Open", "Auto", "Sparse", "Multi", "Self", "Long"])
    tail = rng.choice(["LLM", "Former", "Tune", "Mix", "Net", "GPT", "Align", "Distill", "Scale", "Coder"])
    return f"{head}{tail}-{index}" if rng.random() < 0.5 else f"{head}{tail}{index}"


def papers(count: int, seed: int = 0, start: int = 0) -> list[tuple[str, str]]:
    """Return `count` papers as (title, abstract); the same count, seed and start always give the same.

    Names are numbered from `start`, so a listing that starts where another ends (with another
    seed) holds papers of its own: one more day of papers for a rebuild.
    """
    rng = random.Random(seed)
    sentences, tails, plain = _seed_parts()
    result = []
    for index in range(start, start + count):
        name = _name(rng, index)
        # Most titles introduce their name before a colon; some only mention it.
        title = f"{name}: {rng.choice(tails)}" if rng.random() < 0.6 else f"{rng.choice(plain)} ({name})"
        body = rng.sample(sentences, rng.randint(6, 9))
        body.insert(
            rng.randint(0, 2),
            f"We present {name}, built on {rng.choice(MODELS)} and evaluated on {rng.choice(DATASETS)}.",
        )
        if rng.random() < 0.4:
            body.append(f"Code is available at https://github.com/lab{index % 97}/{name}.")
        result.append((title, " ".join(body)))
    return result


def make_corpus(count: int, seed: int = 0, start: int = 0) -> str:
    """Return a listing of `papers(count, seed, start)` as a trending-papers page pastes them."""
    lines = ["Get trending papers in your email inbox once a day!", "Get trending papers in your email inbox!"]
    for number, (title, abstract) in enumerate(papers(count, seed, start)):
        lines += [("Subscribe" if number == 0 else "") + title, abstract]
    return "\n".join(lines) + "\n"


def write_corpus(count: int, folder: Path, seed: int = 0, start: int = 0, name: str = "papers.txt") -> Path:
    """Write the corpus of `count` papers (numbered from `start`) into `folder` as `name`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(make_corpus(count, seed, start), encoding="utf-8")
    return path


def write_dated_corpus(count: int, folder: Path, seed: int = 0) -> Path:
    """Write the same papers as `write_corpus`, as JSON lines with a date each (spread evenly over
    two years, from 2024-01-01), for the pages that draw papers over time."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "papers.jsonl"
    rows = []
    for number, (title, abstract) in enumerate(papers(count, seed)):
        day = datetime.date(2024, 1, 1) + datetime.timedelta(days=number * 730 // max(count, 1))
        rows.append(json.dumps({"title": title, "abstract": abstract, "date": day.isoformat()}))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
