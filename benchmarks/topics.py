"""Topic measures for `make quality`: NMI against k-means baselines, and what the labels are like.

NMI is measured between each paper's main topic and its label, for the default mode against
k-means over the tf-idf baseline's vectors, and for semantic mode against k-means over the
same MiniLM embeddings, each at the number of topics the mode found (k-means: 3 starts, seed 0).

The label properties are the ones a reader notices: whether a topic's papers use its label (its
phrase, singular and plural folded, in the paper's title or abstract), how large the largest
topic is, whether a label is a phrase most of the collection uses (it then names nothing),
whether two labels say the same thing (one's words are all among the other's, for any phrase
each names: "A and B", the label of a group no one phrase covers, names two), and whether
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

from generator.enrich.folding import fold, same_thing
from generator.enrich.phrases import phrases
from generator.enrich.text import paper_text
from generator.evaluation import tfidf_baseline
from generator.model import Paper, Term

_WORD = re.compile(r"\w[\w-]*")


def kmeans_nmi(vectors: np.ndarray, labels: list[str], k: int) -> float:
    """Return the NMI with the labels of k-means over the vectors (k clusters, fixed seed)."""
    codes = KMeans(n_clusters=k, n_init=3, random_state=0).fit(vectors).labels_
    return float(normalized_mutual_info_score(labels, codes))


def label_phrases(label: str) -> list[str]:
    """Return the phrases a label names: itself, or both of "A and B" (a phrase holds no "and", a stop word)."""
    return [p.strip() for p in re.sub(r" \(\d+\)$", "", label).split(" and ")]


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
    duplicates = [
        f"{a} / {b}"
        for a, b in itertools.combinations(labels, 2)
        if any(same_thing(x, y) for x in label_phrases(a) for y in label_phrases(b))
    ]
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
    for word in label.split(" ")[1:]:
        titled = word[:1].isupper() and word[1:].islower()
        if titled and lower[word.lower()] >= capital[word.lower()]:
            return False
    return True


#: The issue's targets: NMI of main topics over the k-means baseline of each mode, at the same k.
NMI_TARGETS = {"default": 0.05, "semantic": 0.02}


def topic_measures(
    papers: list[Paper], topics: list[Term], labels: list[str], semantic: tuple[list[Paper], np.ndarray] | None
) -> dict[str, Any]:
    """Return NMI of main topics and of each mode's k-means baseline, and the label properties.

    `semantic` is the catalog semantic mode built (same papers, same order) and its embeddings.
    """
    texts = [paper_text(p) for p in papers]
    main = [p.topics[0] for p in papers]
    k = len(set(main))
    result: dict[str, Any] = {
        "topics": float(normalized_mutual_info_score(labels, main)),
        "kmeans_tfidf": kmeans_nmi(tfidf_baseline(texts), labels, k),
        "k": k,
        "labels": label_properties(papers, topics, texts),
    }
    if semantic is not None:
        semantic_papers, vectors = semantic
        semantic_main = [p.topics[0] for p in semantic_papers]
        result["semantic"] = float(normalized_mutual_info_score(labels, semantic_main))
        result["semantic_k"] = len(set(semantic_main))
        result["kmeans_embedding"] = kmeans_nmi(vectors, labels, result["semantic_k"])
    return result


def nmi_rows(results: list[dict[str, Any]]) -> list[str]:
    """Return the Markdown table of NMI against the baselines, with whether each target is met."""
    lines = [
        f"Targets: default mode at least +{NMI_TARGETS['default']:.2f} over k-means on the tf-idf baseline, "
        f"semantic mode at least +{NMI_TARGETS['semantic']:.2f} over k-means on the embeddings (same k, same run).",
        "",
        "| set | NMI topics | k-means tf-idf | gain | met | NMI semantic | k-means embedding | gain | met | k "
        "| stability (state) | stability (no state) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        n, s = r["nmi"], r["stability"]
        gain = n["topics"] - n["kmeans_tfidf"]
        cells = [f"{n['topics']:.3f}", f"{n['kmeans_tfidf']:.3f}", f"{gain:+.3f}", _met(gain, "default")]
        if "semantic" in n:
            semantic_gain = n["semantic"] - n["kmeans_embedding"]
            cells += [f"{n['semantic']:.3f}", f"{n['kmeans_embedding']:.3f}", f"{semantic_gain:+.3f}"]
            cells.append(_met(semantic_gain, "semantic"))
        else:
            cells += ["not run"] * 4
        cells += [str(n["k"]), f"{s['with_state']:.3f}", f"{s['without_state']:.3f}"]
        lines.append(f"| {r['set']} | " + " | ".join(cells) + " |")
    return lines


def _met(gain: float, mode: str) -> str:
    return "yes" if gain >= NMI_TARGETS[mode] - 1e-9 else "no"


def label_rows(results: list[dict[str, Any]]) -> list[str]:
    """Return the Markdown table of label properties per set, then each set's labels."""
    lines = [
        "| set | topics most of whose papers use the label | mean share using it | largest topic's share "
        "| labels most of the collection uses | near-duplicate pairs | not sentence case |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        p = r["nmi"]["labels"]
        lines.append(
            f"| {r['set']} | {p['topics_most_contain']} of {len(p['contains'])} | {np.mean(p['contains']):.2f} "
            f"| {p['largest_share']:.2f} | {_listed(p['common_labels'])} | {_listed(p['duplicate_pairs'])} "
            f"| {_listed(p['not_sentence_case'])} |"
        )
    lines.append("")
    for r in results:
        p = r["nmi"]["labels"]
        named = "; ".join(
            f"{label} ({count}, {share:.0%})" for (label, count), share in zip(p["labels"], p["contains"], strict=True)
        )
        lines.append(f"- {r['set']}: {named}")
    return lines


def _listed(items: list[str]) -> str:
    return "none" if not items else f"{len(items)}: " + "; ".join(items)
