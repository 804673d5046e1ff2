"""Catalog-wide enricher: group papers into topics found in the collection's own text.

Topics are clusters of the papers' LSA vectors (spherical k-means, fixed seed), about sqrt(N/2)
of them, each named by the phrase its papers use far more than the rest (see `labels`). Nothing
about any field is hard-coded: physics listings get physics topics.

Topics are stable: the state file remembers each paper's primary topic and each topic's label.
While the collection has not outgrown its topics (fewer than twice the papers per topic it was
discovered with), known papers keep their topic and new papers join the nearest one. When it
has, topics are discovered afresh and each new cluster inherits the slug and label of the old
topic most of its papers came from. A curator's taxonomy file has the last word (`taxonomy`).

The topics are found once, while the build makes the catalog context (`find_topics`), since the
topic list is the collection's, not one paper's, and later enrichers name topics (related papers
give "same topic: ..." as a reason); the enricher, `assign_topics`, gives each paper its own.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

import numpy as np
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.preprocessing import normalize

from generator.enrich.context import CatalogContext, FoundTopics
from generator.enrich.labels import PhraseScorer
from generator.enrich.taxonomy import Taxonomy
from generator.enrich.text import TextFeatures, paper_text
from generator.model import KnownTopics, Paper, Term
from generator.text.slugs import slugify, unique

#: A paper also gets a topic whose centre is at least this close, relative to its primary's.
SECONDARY_RATIO = 0.85
MAX_TOPICS_PER_PAPER = 3
NEIGHBOURS = 3
#: k-means runs whose agreement makes the topics, and how many papers at most they are run on.
RUNS = 20
CONSENSUS_SAMPLE = 1000


def topic_count(papers: int) -> int:
    """Return how many topics a collection of this size is split into: about sqrt(N / 2)."""
    return max(1, min(papers, round(math.sqrt(papers / 2))))


def assign_topics(papers: list[Paper], context: CatalogContext) -> list[Paper]:
    """Return papers with `topics` set (primary first): those the context's topics give them."""
    return [replace(paper, topics=context.topics.of[paper.slug]) for paper in papers]


def find_topics(papers: list[Paper], features: TextFeatures, known: KnownTopics, taxonomy: Taxonomy) -> FoundTopics:
    """Return each paper's topics (primary first) and the topics, largest first."""
    if not papers:
        return FoundTopics(of={}, topics=())
    # In semantic mode the sentence embeddings take part, in the share they have in related papers:
    # they group papers by meaning as well as wording.
    vectors = features.meaning
    if vectors.shape[1] == 0:
        # No term is shared by two papers (no abstracts, or one word each): every paper is as near
        # as any other, so they make one topic.
        vectors = np.zeros((len(papers), 1), dtype=np.float32)
    slugs = [p.slug for p in papers]
    primary = _primary(vectors, slugs, known)
    # Name new clusters before the curator's taxonomy, which refers to topics by slug; then
    # name what the taxonomy's splits made.
    previous = {slug: label for slug, (label, _) in known.labels.items()}
    namer = _Namer([paper_text(p) for p in papers], taxonomy, previous)
    primary = namer.name(primary)
    discovered = frozenset(primary)
    primary = namer.name(taxonomy.apply(primary, slugs, lambda members, n: _cluster(vectors[members], n)))
    names = sorted(set(primary))
    labels = namer.labels(primary)
    index = {name: i for i, name in enumerate(names)}
    codes = np.array([index[t] for t in primary])
    centres = _centres(vectors, codes, len(names))
    found = [tuple(names[i] for i in own) for own in _topics_of(codes, vectors @ centres.T)]
    of = _kept_topics(slugs, found, known, set(names))
    labelled = {name: (name, *labels[name]) for name in names}
    topics = _terms(names, labelled, of, centres @ centres.T)
    return FoundTopics(of=of, topics=tuple(topics), discovered=discovered)


def _primary(vectors: np.ndarray, slugs: list[str], known: KnownTopics) -> list[str]:
    """Return each paper's primary topic, unnamed: the remembered ones extended while most papers have one."""
    remembered = [known.primary.get(s, "") for s in slugs]
    in_use = {t for t in remembered if t}
    target = topic_count(len(slugs))
    if in_use and 2 * len(in_use) > target and 2 * sum(map(bool, remembered)) >= len(slugs):
        return _extend(vectors, remembered)
    return _inherit(_cluster(vectors, target), remembered)


def _kept_topics(
    slugs: list[str], found: list[tuple[str, ...]], known: KnownTopics, names: set[str]
) -> dict[str, tuple[str, ...]]:
    """Return each paper's topics by slug: those `found`, or the ones it had while its main topic holds."""
    of: dict[str, tuple[str, ...]] = {}
    for slug, own in zip(slugs, found, strict=True):
        kept = known.all_of.get(slug, ())
        if kept and kept[0] == own[0] and all(t in names for t in kept):
            own = kept  # a known paper keeps its secondary topics while its main one holds
        of[slug] = own
    return of


def _terms(
    names: list[str], labelled: dict[str, tuple[str, str, str]], of: dict[str, tuple[str, ...]], nearness: np.ndarray
) -> list[Term]:
    """Return a term per topic, largest first: its papers (primary ones first) and its nearest topics."""
    members: dict[str, list[str]] = {name: [] for name in names}
    secondary: dict[str, list[str]] = {name: [] for name in names}
    for slug, own in of.items():
        members[own[0]].append(slug)
        for extra in own[1:]:
            secondary[extra].append(slug)
    topics = []
    for i, name in enumerate(names):
        slug, label, description = labelled[name]
        # The nearest few, listed by label: centres move a little with every paper added, and the
        # order of near-equals would shuffle with them.
        nearest = [j for j in np.argsort(-nearness[i], kind="stable") if j != i][:NEIGHBOURS]
        order = sorted(nearest, key=lambda j: labelled[names[j]][1])
        topics.append(
            Term(
                slug=slug,
                label=label,
                description=description,
                papers=tuple(members[slug] + secondary[slug]),
                primary_count=len(members[slug]),
                neighbours=tuple(labelled[names[j]][0] for j in order),
            )
        )
    topics.sort(key=lambda t: (-t.primary_count, t.slug))
    return topics


def _cluster(vectors: np.ndarray, count: int) -> list[str]:
    """Split vectors into `count` clusters; return each one's cluster as a placeholder name.

    One k-means run depends on where it starts, and on small collections two starts can disagree
    on a third of the papers. So the clusters are those that RUNS runs agree on (evidence
    accumulation): two papers are close when many runs put them together, and average-linkage
    clustering of that agreement gives the topics. At scale it is computed on a sample, and every
    other paper joins the nearest of its clusters' centres.
    """
    # Never more clusters than distinct vectors: k-means cannot split identical papers.
    count = max(1, min(count, len(np.unique(vectors, axis=0))))
    if count == 1:
        return ["#0"] * len(vectors)
    step = max(1, -(-len(vectors) // max(CONSENSUS_SAMPLE, 10 * count)))
    sample = vectors[::step]
    together = np.zeros((len(sample), len(sample)), dtype=np.uint8)
    for run in range(RUNS):
        codes = KMeans(n_clusters=count, n_init=1, random_state=run).fit(sample).labels_
        together += codes[:, None] == codes[None, :]
    agreed = AgglomerativeClustering(n_clusters=count, metric="precomputed", linkage="average")
    codes = agreed.fit(RUNS - together.astype(np.float32)).labels_
    if step > 1:
        sampled = codes
        codes = np.argmax(vectors @ _centres(sample, sampled, count).T, axis=1)
        codes[::step] = sampled
    return [f"#{c}" for c in codes]


def _extend(vectors: np.ndarray, remembered: list[str]) -> list[str]:
    """Keep remembered topics; put every new paper in the topic whose centre is nearest."""
    names = sorted({t for t in remembered if t})
    known = np.array([bool(t) for t in remembered])
    codes = np.array([names.index(t) if t else -1 for t in remembered])
    centres = _centres(vectors, codes, len(names))
    nearest = np.argmax(vectors[~known] @ centres.T, axis=1)
    result = list(remembered)
    for position, choice in zip(np.flatnonzero(~known), nearest, strict=True):
        result[position] = names[choice]
    return result


def _centres(vectors: np.ndarray, codes: np.ndarray, count: int) -> np.ndarray:
    """Return the unit mean vector of each topic (codes 0..count-1; -1 belongs to none)."""
    return np.asarray(normalize(np.stack([vectors[codes == i].mean(axis=0) for i in range(count)])))


def _inherit(clusters: list[str], remembered: list[str]) -> list[str]:
    """Give each new cluster the remembered topic most of its papers had (each topic once)."""
    overlap = Counter((c, r) for c, r in zip(clusters, remembered, strict=True) if r)
    sizes = Counter(clusters)
    renamed: dict[str, str] = {}
    for (cluster, old), count in sorted(overlap.items(), key=lambda item: (-item[1], item[0])):
        if cluster not in renamed and old not in renamed.values() and 2 * count >= sizes[cluster]:
            renamed[cluster] = old
    return [renamed.get(c, c) for c in clusters]


def _topics_of(codes: np.ndarray, closeness: np.ndarray) -> list[tuple[int, ...]]:
    """Return each paper's topics: its primary, then others whose centre is nearly as close."""
    result = []
    for row, primary in zip(closeness, codes, strict=True):
        closeness_floor = row[primary] * SECONDARY_RATIO
        others = [int(j) for j in np.argsort(-row, kind="stable") if j != primary and row[j] >= closeness_floor > 0]
        result.append((int(primary), *others[: MAX_TOPICS_PER_PAPER - 1]))
    return result


class _Namer:
    """Give topics slugs and labels: the curator's, or from their papers' text, recomputed every build.

    A topic's slug is its identity (page, feed, the state file's memory) and stays; its label is
    found from its papers each build unless the taxonomy file names it, and a label of the last
    build (`previous`, by slug) is kept while it still names the topic's papers.
    """

    def __init__(self, texts: list[str], taxonomy: Taxonomy, previous: dict[str, str] | None = None) -> None:
        self._taxonomy = taxonomy
        self._scorer = PhraseScorer(texts)
        self._previous = previous or {}

    def name(self, primary: list[str]) -> list[str]:
        """Return primary topics with every placeholder (`#...`) replaced by a slug made from its label."""
        placeholders = sorted({t for t in primary if t.startswith("#")})
        if not placeholders:
            return primary
        taken = {t for t in primary if not t.startswith("#")}
        labels = self.labels(primary)
        renamed: dict[str, str] = {}
        for name in placeholders:
            renamed[name] = unique(slugify(labels[name][0], "topic"), taken)
            taken.add(renamed[name])
        return [renamed.get(t, t) for t in primary]

    def labels(self, primary: list[str]) -> dict[str, tuple[str, str]]:
        """Return each topic's label and description: the curator's, else its papers' phrases."""
        members: dict[str, list[int]] = {}
        for i, topic in enumerate(primary):
            members.setdefault(topic, []).append(i)
        names = sorted(members)
        curated = {n: self._taxonomy.names[n] for n in names if n in self._taxonomy.names}
        found = [n for n in names if n not in curated]
        result = dict(curated)
        named = self._scorer.name_groups(
            [members[n] for n in found],
            [text for text, _ in curated.values()],
            [self._previous.get(n, "") for n in found],
        )
        for name, found_label in zip(found, named, strict=True):
            result[name] = (found_label.text, found_label.description)
        for name, (text, description) in curated.items():
            if not description:  # the curator named it; its papers still say what it holds
                result[name] = (text, self._scorer.label(members[name]).description)
        return result
