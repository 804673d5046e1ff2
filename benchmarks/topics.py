"""Topic measures for `make quality`: NMI against k-means baselines, and what the labels are like.

The label properties are the ones a reader notices: whether a topic's papers use its label (its
phrase, singular and plural folded, in the paper's title or abstract), how large the largest
topic is, whether a label is a phrase most of the collection uses (it then names nothing),
whether two labels say the same thing (one's words are all among the other's), and whether
labels are in sentence case (a word written with a capital only at its start is a name the
collection writes that way, not Title Case).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score

from generator.enrich.labels import fold, phrases, same_thing
from generator.model import Paper, Term

_WORD = re.compile(r"\w[\w-]*")


def kmeans_nmi(vectors: np.ndarray, labels: list[str], k: int) -> float:
    """Return the NMI with the labels of k-means over the vectors (k clusters, fixed seed)."""
    codes = KMeans(n_clusters=k, n_init=3, random_state=0).fit(vectors).labels_
    return float(normalized_mutual_info_score(labels, codes))


def label_phrases(label: str) -> list[str]:
    """Return the phrases a label names: itself, or each listed phrase of "Mixed: a, b"."""
    if label.startswith("Mixed: "):
        return [p.strip() for p in label.removeprefix("Mixed: ").split(",")]
    return [label]


def label_properties(papers: list[Paper], topics: list[Term], texts: list[str]) -> dict[str, Any]:
    """Return the measured properties of the topics' labels (see the module's docstring)."""
    keys = [{fold(p) for p in phrases(text)} for text in texts]
    index = {p.slug: i for i, p in enumerate(papers)}
    contains, common = [], []
    for topic in topics:
        wanted = [fold(p) for p in label_phrases(topic.label)]
        members = [index[slug] for slug in topic.papers[: topic.primary_count]]
        contains.append(float(np.mean([any(w in keys[i] for w in wanted) for i in members])))
        share = np.mean([any(w in k for w in wanted) for k in keys])
        if share > 0.5:
            common.append(topic.label)
    labels = [t.label for t in topics]
    duplicates = [f"{a} / {b}" for a, b in itertools.combinations(labels, 2) if same_thing(a, b)]
    return {
        "contains": contains,
        "topics_most_contain": sum(c > 0.5 for c in contains),
        "largest_share": max(t.primary_count for t in topics) / len(papers),
        "common_labels": common,
        "duplicate_pairs": duplicates,
        "not_sentence_case": [label for label in labels if not sentence_case(label, texts)],
        "labels": [(t.label, t.primary_count) for t in topics],
    }


def sentence_case(label: str, texts: list[str]) -> bool:
    """Return whether a label starts with a capital and has no Title-Case word the texts write in lower case."""
    if not label[:1].isupper():
        return False
    lower, capital = Counter[str](), Counter[str]()
    for text in texts:
        for word in _WORD.findall(text):
            (lower if word.islower() else capital)[word.lower()] += 1
    for word in label.removeprefix("Mixed: ").split(" ")[1:]:
        titled = word[:1].isupper() and word[1:].islower()
        if titled and lower[word.lower()] >= capital[word.lower()]:
            return False
    return True
