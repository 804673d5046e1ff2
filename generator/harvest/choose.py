"""Which harvested names to keep: the strict rules, and what the corpus says is an ordinary word."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from generator.enrich.entities.gazetteer import Gazetteer
from generator.enrich.entities.harvested import STOPLIST, harvest_key, shaped_like_a_name
from generator.harvest.sources import Listed, spellings_in
from generator.text.names import COMMON_ACRONYMS

#: The shortest key a name may have ("T2" is too often something else), and a dataset's without a
#: digit: a short acronym ("PSC", "SiD") names too many other things.
MIN_KEY = 3
MIN_DATASET_ACRONYM = 4


def corpus_words(folder: Path, left_out: frozenset[str]) -> Counter[str]:
    """Return the words of a daily-papers corpus's titles and abstracts, counted (papers in `left_out`,
    by arXiv id, are skipped: the labelled ones are not learned from)."""
    seen: set[str] = set()
    texts = []
    for day in sorted(folder.glob("*.json")):
        for item in json.loads(day.read_text(encoding="utf-8")):
            paper = item.get("paper") or {}
            paper_id = str(paper.get("id", ""))
            if paper_id and paper_id not in seen and paper_id not in left_out:
                seen.add(paper_id)
                texts.append(f"{paper.get('title', '')} {paper.get('summary', '')}")
    return spellings_in(texts)


def ordinary_words(words: Counter[str]) -> frozenset[str]:
    """Return the keys the corpus writes as ordinary words: in lower case twice or more, or in lower
    case in a quarter of its uses or more ("mixers", "gap", "pass"); a name with a digit is none."""
    lower: Counter[str] = Counter()
    every: Counter[str] = Counter()
    for word, count in words.items():
        if any(c.isdigit() for c in word):
            continue
        key = harvest_key(word)
        every[key] += count
        if word.islower():
            lower[key] += count
    return frozenset(k for k, n in lower.items() if n >= 2 or n * 4 >= every[k])


def refusal(listed: Listed, ordinary: frozenset[str], gazetteer: Gazetteer) -> str:
    """Return why a harvested name is refused ("" when it is kept)."""
    key = harvest_key(listed.name)
    if not shaped_like_a_name(listed.name):
        return "no digit or inner capital"
    if len(key) < MIN_KEY or (listed.kind == "dataset" and len(key) < MIN_DATASET_ACRONYM and key.isalpha()):
        return "too short"
    if listed.name in STOPLIST or listed.name in COMMON_ACRONYMS:
        return "stoplist"
    if key in ordinary:
        return "an ordinary word in the corpus"
    if listed.kind == "dataset" and gazetteer.models.fullmatch(listed.name):
        return "a model in the gazetteer"  # tfds's gpt3 is GPT-3's text, and GPT-3 a model
    if listed.kind == "model" and gazetteer.datasets.fullmatch(listed.name):
        return "a dataset in the gazetteer"
    return ""


def choose(
    listed: Iterable[Listed], ordinary: frozenset[str], gazetteer: Gazetteer
) -> tuple[dict[str, list[Listed]], Counter[str]]:
    """Return the kept names by key (every listing of each), and how many listings each reason refused.

    A key listed as a model and as a dataset is refused: which one a paper means is not known.
    """
    kept: dict[str, list[Listed]] = {}
    refused: Counter[str] = Counter()
    for item in listed:
        reason = refusal(item, ordinary, gazetteer)
        if reason:
            refused[reason] += 1
        else:
            kept.setdefault(harvest_key(item.name), []).append(item)
    for key in [k for k, items in kept.items() if len({i.kind for i in items}) > 1]:
        refused["both a model and a dataset"] += len(kept.pop(key))
    return kept, refused
