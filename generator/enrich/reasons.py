"""Why two related papers are related, in words a reader can use.

The most specific thing first: a mention, a benchmark or model family both name (unless so much of
the collection names it that it says nothing: "both use GPT"), a shared topic, then the terms they
share most, as they write them. A term must be a phrase both papers write (not two words that meet
across a full stop, not part of a compound: "continual pre" of "continual pre-training"), hold no
number or size ("7b"), no filler word ("llms like"), not be the collection's common ground ("data"),
and, for a single word, be what both papers are about: in each one's title or written twice in it
("pruning"), not a word in passing ("leaving", "typically").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from generator.enrich.filler import FILLER_WORDS
from generator.enrich.text import STOP_WORDS, TextFeatures, paper_text
from generator.enrich.written import matches, written
from generator.model import Paper

SHARED_TERMS = 3
#: The shared terms that weigh most, of which those that say something are shown.
CONSIDERED = 20


#: A model family or benchmark named by more than this share of the collection's papers (and more
#: than COMMON_AT_LEAST of them) says nothing as a reason: "both use GPT".
COMMON_SHARE = 0.1


COMMON_AT_LEAST = 5


#: A term more than this share of the collection's papers hold is its common ground, no reason to
#: read one paper after another ("training" or "data" in a collection about pre-training). A field's
#: word in a collection of four fields is still said.
GENERIC_SHARE = 0.25


_NEXT = re.compile(r"[\s-](\w[\w-]*)")
#: What may follow a term written on its own: nothing (a phrase break, the end) or a stop word.
_ALONE = STOP_WORDS | {""}
_PHRASE_BREAK = re.compile(r"[.,;:!?()\[\]\"]+(?:\s|$)|[()\[\]\"]")


@dataclass(frozen=True)
class Sayable:
    """What a reason may name: topic labels, the families and benchmarks that are not too common to
    say anything, and each paper's words as written (a shared term must be a phrase of both)."""

    labels: dict[str, str]
    common: frozenset[str]
    #: Each paper's words, lower case, a bar where punctuation breaks a phrase.
    texts: list[str]
    #: Each paper's title, written the same way.
    titles: list[str]
    #: The papers, to spell a shared term as a paper writes it, capitals and all ("GaLore", "MT").
    papers: list[Paper] = field(default_factory=list)


def sayable(papers: list[Paper], labels: dict[str, str]) -> Sayable:
    """Learn from the collection which shared names say nothing: those more than COMMON_SHARE of its
    papers name ("both use GPT" in a collection of language-model papers)."""
    counts = Counter(name for p in papers for name in {m.family for m in p.models} | {d.hub for d in p.datasets})
    common = frozenset(name for name, n in counts.items() if n > max(COMMON_AT_LEAST, COMMON_SHARE * len(papers)))
    return Sayable(
        labels,
        common,
        [_written_as_phrases(paper_text(p)) for p in papers],
        [_written_as_phrases(p.title) for p in papers],
        papers,
    )


def _written_as_phrases(text: str) -> str:
    """Return a text lower-cased, with a bar where punctuation breaks a phrase."""
    return _PHRASE_BREAK.sub(" | ", text.lower())


def reasons(paper: Paper, other: Paper, terms: list[str], said: Sayable) -> tuple[str, ...]:
    """Say why two papers are related, the most specific first: a mention, a benchmark or model
    family both name (unless most of the collection does), a shared topic, the terms they share."""
    labels = said.labels
    why: list[str] = []
    if any(m.slug == other.slug for m in paper.mentions):
        why.append(f"mentions {other.short_name or other.title}")
    if any(m.slug == other.slug for m in paper.mentioned_by):
        why.append(f"mentioned by {other.short_name or other.title}")
    hubs = [h for h in dict.fromkeys(d.hub for d in paper.datasets) if h in {d.hub for d in other.datasets}]
    hubs = [h for h in hubs if h not in said.common]
    if hubs:
        why.append("both evaluate on " + ", ".join(hubs[:3]))
    families = [f for f in dict.fromkeys(m.family for m in paper.models) if f in {m.family for m in other.models}]
    families = [f for f in families if f not in said.common]
    if families:
        why.append("both use " + ", ".join(families[:3]))
    shared_topics = [labels[t] for t in paper.topics if t in other.topics and t in labels]
    if shared_topics:
        why.append("same topic: " + ", ".join(shared_topics))
    if terms:
        why.append("shared terms: " + ", ".join(terms))
    return tuple(why) or ("similar wording",)


def shared_terms(features: TextFeatures, pairs: list[tuple[int, int]], said: Sayable) -> list[list[str]]:
    """Return, for each pair of rows, the terms that weigh most in both, phrases over their own words."""
    if not pairs:
        return []
    rows, cols = (np.array(side) for side in zip(*pairs, strict=True))
    matrix = features.tfidf
    # Row k of the product holds the weights of the terms pair k shares (and only those).
    shared = sparse.csr_matrix(matrix[rows].multiply(matrix[cols]))
    shared.sort_indices()
    # Weights rounded, ties by column (the vocabulary is sorted): a small shift in every weight
    # should not reorder the reasons.
    weights = np.round(shared.data, 3)
    # "novel" and "results" say nothing about why two papers go together; nor does the collection's
    # common ground ("pre-training" in one about pre-training).
    words, informative, share = features.term_words, features.informative, features.document_share
    result = []
    plain: dict[int, bool] = {}  # whether a term holds no number and no filler word, per column
    for k in range(len(pairs)):
        begin, end = shared.indptr[k], shared.indptr[k + 1]
        top = shared.indices[begin:end][np.argsort(-weights[begin:end], kind="stable")[:CONSIDERED]]
        row, col = pairs[k]
        kept = [int(i) for i in top[informative[top] & (share[top] <= GENERIC_SHARE)]]
        for i in kept:
            if i not in plain:
                plain[i] = _plain(features.terms[i], words[i])
        ranked = [(features.terms[i], words[i]) for i in kept if plain[i]]
        sayable = [(t, w) for t, w in ranked if _says_something(t, w, said, row, col)]
        result.append([_spelled(term, said, row) for term in _pick_terms(sayable)])
    return result


def _spelled(term: str, said: Sayable, row: int) -> str:
    """Return a term as paper `row` writes it most, capitals kept ("GaLore", not "galore"; "machine
    translation" of its abstract, not "Machine Translation" of its title)."""
    lowered = said.texts[row]
    found = matches(term, lowered)
    cased = _PHRASE_BREAK.sub(" | ", paper_text(said.papers[row])) if found and row < len(said.papers) else ""
    # Lower case keeps a text's length but for a few letters ("İ"): then its lower-case spelling.
    if found and len(cased) == len(lowered) and cased.lower() == lowered:
        # The spelling the paper uses most, the abstract's over the title's on a tie; a title's
        # Title Case is no spelling ("Reinforcement Learning"), its capitals inside words are ("GaLore").
        spellings = [cased[slice(*span)] for span in found]
        best = max(reversed(spellings), key=spellings.count)
        in_title = all(start < len(said.titles[row]) for start, _ in found)
        title_case = all(w[:1].isupper() and w[1:].islower() for w in re.split(r"[\s-]+", best) if w)
        return best.lower() if in_title and title_case else best
    return written(term, lowered)


def sayable_term(term: str, words: list[str], said: Sayable, row: int) -> bool:
    """Say whether a shared term means something to a reader of paper `row`: no number or size
    ("7b"), no filler word ("llms like", "smaller models"), a phrase the paper writes as such (not two
    words that meet across a full stop: "prediction. Summaries"), a word it writes on its own (not
    "shot" of "zero-shot")."""
    return _plain(term, words) and bool(matches(term, said.texts[row]))


def _plain(term: str, words: list[str]) -> bool:
    """Say whether a term holds no number or size and no filler word: the same beside any paper."""
    return not (any(c.isdigit() for c in term) or term in FILLER_WORDS or any(w in FILLER_WORDS for w in words))


def _says_something(term: str, words: list[str], said: Sayable, row: int, col: int) -> bool:
    """Say whether a `_plain` shared term is a reason: sayable to readers of both papers, and a phrase,
    or a word both of them are about ("leaving" or "typically", written once in passing, say nothing;
    nor does "corpora", which one paper is about and the other names once)."""
    if not (matches(term, said.texts[row]) and matches(term, said.texts[col])):
        return False
    if _modifier(term, said, row, col):
        return False
    return len(words) > 1 or (salient(term, said, row) and salient(term, said, col))


def _modifier(term: str, said: Sayable, row: int, col: int) -> bool:
    """Say whether both papers write a term only as a part of longer phrases, never on its own:
    "continual" of "continual pre-training", "natural language" of "natural language processing",
    "memory efficient" of "memory efficient fine-tuning"."""
    return all(
        _next_word(said.texts[k], end) not in _ALONE for k in (row, col) for _, end in matches(term, said.texts[k])
    )


def _next_word(text: str, end: int) -> str:
    """Return the word joined (by a space or a hyphen) to a match ending at `end`, else "" (a stop word)."""
    found = _NEXT.match(text, end)
    return found.group(1) if found else ""


def salient(term: str, said: Sayable, row: int) -> bool:
    """Say whether paper `row` is about a term, not just using it: in its title, or written twice."""
    return bool(matches(term, said.titles[row])) or len(matches(term, said.texts[row])) > 1


def _abbreviates(term: str, words: list[str], other: list[str]) -> bool:
    """Say whether one of two terms is the other's initials: "rl" and "reinforcement learning"."""

    def initials(phrase: list[str]) -> str:
        return "".join(word[:1] for word in phrase)

    short, long = (term, other) if len(words) == 1 else (" ".join(other), words)
    return len(long) > 1 and short.removesuffix("s") == initials(long)


def _pick_terms(ranked: list[tuple[str, list[str]]]) -> list[str]:
    """Return up to SHARED_TERMS of the ranked terms (with their words), no word of a phrase chosen."""
    chosen: list[tuple[str, list[str]]] = []
    for term, words in ranked:
        inside = [c for c, _ in chosen if c in words]
        if inside:  # "amino acid" says more than "acid"
            chosen = [(term, words) if c == inside[0] else (c, w) for c, w in chosen if c not in inside[1:]]
        elif len(chosen) < SHARED_TERMS and not any(term in w or _abbreviates(term, words, w) for _, w in chosen):
            chosen.append((term, words))
    return [term for term, _ in chosen]
