"""A learned second opinion: a CRF sequence tagger that reads model and dataset names from context.

The tagger (python-crfsuite) was trained by distant supervision: the rule extractor labelled a
corpus of real abstracts, and the tagger learnt the contexts names stand in ("compared to X", "on
X and Y benchmarks") from each word's shape, affixes and neighbours. `make train-tagger` trains it
(`benchmarks/train_tagger.py`) and writes `generator/tagger/`: the model file and what it was
trained on. What it finds is only a candidate: `tagged.py` adds a name when the extractor's rules
let it. `$ATLAS_TAGGER` (`on` or `off`) switches it; off by default (`benchmarks/ENTITIES.md` says why).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from generator.config import switch

#: The trained model, shipped with the package (`make train-tagger` writes it).
MODEL_FILE = Path(__file__).resolve().parents[2] / "tagger" / "entities.crfsuite"
#: Whether the tagger runs when `$ATLAS_TAGGER` is unset.
DEFAULT = False
#: The kinds it tags, as its labels name them (B-MODEL, I-DATASET ...).
KINDS = ("MODEL", "DATASET")
#: The least probability (the smallest marginal of its labels) a tagged name needs; tuned on the dev
#: half of `benchmarks/labels/hf2025h1.yaml`.
MIN_PROBABILITY = 0.9

#: A word as the extractor reads names (letters, digits, inner hyphens, dots and pluses: "Qwen2.5-7B",
#: "MBPP+"), or one sign.
TOKEN = re.compile(r"\w(?:[\w.+-]*[\w+])?|[^\w\s]")
_SHAPES = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)
_RUNS = re.compile(r"(.)\1+")
_SENTENCE_END = frozenset(".!?:;")


def tokens(text: str) -> list[tuple[int, int]]:
    """Return where each token of a text starts and ends."""
    return [match.span() for match in TOKEN.finditer(text)]


@functools.lru_cache(maxsize=1 << 16)
def word_features(word: str) -> tuple[str, ...]:
    """Return what a word looks like by itself: itself, its shape, its affixes, its capitals and digits."""
    shape = word.translate(_SHAPES)
    short = _RUNS.sub(r"\1", shape)
    found = ["w=" + word.lower(), "sh=" + short, "p3=" + word[:3], "s3=" + word[-3:], "s2=" + word[-2:]]
    if len(shape) <= 12:
        found.append("SH=" + shape)
    if any(c.isdigit() for c in word):
        found.append("digit")
    if "-" in word:
        found.append("hyphen")
    if any(c.isupper() for c in word[1:]):
        found.append("inner-capital")
    if word[:1].isupper():
        found.append("capital")
    return tuple(found)


_OFFSETS = (-2, -1, 1, 2)
_EDGES = tuple("%+d=edge" % offset for offset in _OFFSETS)


@functools.lru_cache(maxsize=1 << 16)
def _as_neighbour(word: str) -> tuple[tuple[str, str], ...]:
    """Return what a word says of the words around it, at each offset: its lower-case form and shape."""
    features = word_features(word)
    lower, shape = features[0][2:], features[1][3:]
    return tuple(("%+dw=%s" % (-offset, lower), "%+dsh=%s" % (-offset, shape)) for offset in _OFFSETS)


@functools.lru_cache(maxsize=1 << 16)
def _kept(word: str, known: frozenset[str] | None) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Return a word's own features and what it says of its neighbours, only those in `known` if given."""
    own, around = word_features(word), _as_neighbour(word)
    if known is None:
        return own, around
    return tuple(f for f in own if f in known), tuple(tuple(f for f in pair if f in known) for pair in around)


def features(words: Sequence[str], known: frozenset[str] | None = None) -> list[list[str]]:
    """Return each word's features: its own, and its neighbours' words and shapes two either side.

    With `known` (the features a model has weights for), only those: the others change nothing
    the model computes, and leaving them out saves handing them to it.
    """
    kept = [_kept(w, known) for w in words]
    lowers = [word_features(w)[0][2:] for w in words]
    edges = list(_EDGES) if known is None else [e if e in known else "" for e in _EDGES]
    first = known is None or "first" in known
    last = len(words) - 1
    items = []
    for i in range(len(words)):
        if 2 <= i <= last - 2:  # most words: every neighbour is there
            item = [*kept[i][0], *kept[i - 2][1][3], *kept[i - 1][1][2], *kept[i + 1][1][1], *kept[i + 2][1][0]]
        else:
            item = list(kept[i][0])
            for k, offset in enumerate(_OFFSETS):
                j = i + offset
                if 0 <= j <= last:
                    item += kept[j][1][3 - k]  # the neighbour at +offset, seen from here at -offset
                elif edges[k]:
                    item.append(edges[k])
        if first and (i == 0 or words[i - 1] in _SENTENCE_END):
            item.append("first")
        if 0 < i < last:
            pair = "-1w+1w=" + lowers[i - 1] + "|" + lowers[i + 1]
            if known is None or pair in known:
                item.append(pair)
        items.append(item)
    return items


def bio_tags(spans: Sequence[tuple[int, int]], names: Iterable[tuple[int, int, str]]) -> list[str]:
    """Return a BIO label per token for names given as (start, end, kind) character spans.

    A name counts where it starts at a token's start and ends at a token's end; names are taken
    longest first, and one that overlaps a name already labelled is left out.
    """
    labels = ["O"] * len(spans)
    starts = {start: i for i, (start, _) in enumerate(spans)}
    ends = {end: i for i, (_, end) in enumerate(spans)}
    for start, end, kind in sorted(names, key=lambda n: (n[0] - n[1], n[0], n[2])):
        first, last = starts.get(start), ends.get(end)
        if first is None or last is None or any(label != "O" for label in labels[first : last + 1]):
            continue
        labels[first : last + 1] = ["B-" + kind] + ["I-" + kind] * (last - first)
    return labels


@dataclass(frozen=True)
class Tagged:
    """A name the tagger read: where it is, its kind, and how sure the tagger is."""

    name: str
    kind: str  # "MODEL" or "DATASET"
    start: int
    probability: float


def enabled() -> bool:
    """Return whether the tagger is switched on (`$ATLAS_TAGGER` is `on` or `off`)."""
    return switch("ATLAS_TAGGER", DEFAULT)


@functools.lru_cache(maxsize=2)
def load_tagger(path: Path = MODEL_FILE) -> pycrfsuite.Tagger:
    """Return the trained tagger, opened once per process."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


@functools.lru_cache(maxsize=2)
def known_features(path: Path = MODEL_FILE) -> frozenset[str]:
    """Return the features the model at `path` has a weight for."""
    return frozenset(attribute for attribute, _ in load_tagger(path).info().state_features)


def tag(text: str, tagger: pycrfsuite.Tagger | None = None) -> list[Tagged]:
    """Return the names a tagger (the shipped one by default) reads in a text, in text order, each
    with its probability."""
    known = None if tagger else known_features()
    tagger = tagger or load_tagger()
    spans = tokens(text)
    if not spans:
        return []
    words = [text[start:end] for start, end in spans]
    labels = tagger.tag(features(words, known))
    found = []
    i = 0
    while i < len(labels):
        if not labels[i].startswith("B-"):
            i += 1
            continue
        kind, last = labels[i][2:], i
        while last + 1 < len(labels) and labels[last + 1] == "I-" + kind:
            last += 1
        probability = min(tagger.marginal(labels[j], j) for j in range(i, last + 1))
        found.append(Tagged(text[spans[i][0] : spans[last][1]], kind, spans[i][0], probability))
        i = last + 1
    return found
