"""Distant supervision for the tagger: the rule extractor's names, as BIO labels, and the training run.

Used at development time only (`make train-tagger`, `benchmarks/train_tagger.py`); the generator
reads the model file this writes and never trains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pycrfsuite

from generator.enrich.entities.tagger import bio_tags, features, tokens
from generator.enrich.text import paper_text
from generator.model import Paper
from generator.text.names import COMMON_ACRONYMS

#: The training parameters (L-BFGS is deterministic: the same sequences give the same model).
PARAMETERS: dict[str, float | int | bool] = {
    "c1": 0.2,  # L1: most features get no weight, which keeps the model file small
    "c2": 0.01,
    "max_iterations": 150,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}
#: One training sequence: each token's features, and its label.
Sequence_ = tuple[list[list[str]], list[str]]
#: A word that looks like a name: a capital inside it, or letters and digits together ("OmniEditor", "Qwen2").
_NAME_LIKE = re.compile(r"[A-Za-z].*(?:[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]).*")
_SENTENCE_END = frozenset(".?!")


def name_spans(text: str, names: Iterable[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Return every place a text spells each (name, kind) whole, as (start, end, kind)."""
    found = []
    for name, kind in names:
        for match in re.finditer(r"(?<![\w-])%s(?![\w-]|[.+]\w)" % re.escape(name), text):
            found.append((match.start(), match.end(), kind))
    return found


def sentence_ranges(words: Sequence[str]) -> list[tuple[int, int]]:
    """Return where each sentence starts and ends among the words: at ".", "?" or "!" before a capital."""
    ranges = []
    start = 0
    for i, word in enumerate(words):
        if word in _SENTENCE_END and (i + 1 == len(words) or words[i + 1][:1].isupper()):
            ranges.append((start, i + 1))
            start = i + 1
    if start < len(words):
        ranges.append((start, len(words)))
    return ranges


def distant_labels(paper: Paper) -> list[Sequence_]:
    """Return a paper's sentences as features and the labels its extracted models and datasets give.

    A sentence with a word that looks like a name but was not extracted is left out: the rules miss
    names (their recall is about 0.7), and such a sentence would teach that a name in that place is none.
    """
    text = paper_text(paper)
    spans = tokens(text)
    names = [(m.name, "MODEL") for m in paper.models] + [(d.name, "DATASET") for d in paper.datasets]
    words = [text[start:end] for start, end in spans]
    labels = bio_tags(spans, name_spans(text, names))
    return [
        (features(words[start:end]), labels[start:end])
        for start, end in sentence_ranges(words)
        if not any(_unsure(word, label) for word, label in zip(words[start:end], labels[start:end], strict=True))
    ]


def _unsure(word: str, label: str) -> bool:
    """Return whether a word labelled O may be a name the rules missed."""
    return label == "O" and word not in COMMON_ACRONYMS and bool(_NAME_LIKE.fullmatch(word))


def train(sequences: Iterable[Sequence_], model_file: Path, parameters: dict[str, float | int | bool]) -> None:
    """Train a CRF on the sequences and write it to `model_file`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for items, labels in sequences:
        trainer.append(items, labels)
    trainer.set_params(parameters)
    model_file.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_file))
