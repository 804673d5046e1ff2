"""Name a group of papers with the phrase that sets it apart, as its papers write it.

Candidate phrases are the runs of one to three words between stop words and punctuation
("continual pre-training", "LLM unlearning", "reinforcement learning"), RAKE-style, so a label
never straddles a comma or a bracket. A phrase scores by how much more often the group's papers
use it than the whole collection does: p_in * log(p_in / p_all), the weight of that phrase in
the KL divergence of the group from the collection. A phrase of two or three words wins when it
scores at least 40% of the best single word: phrases say more than words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence

from generator.enrich.text import LABEL_STOP_WORDS

_CHUNK = re.compile(r"[^\w\s-]+|(?<!\w)-|-(?!\w)")
_WORD = re.compile(r"\w[\w-]*")
MAX_WORDS = 3
PHRASE_PREFERENCE = 0.4
TAIL_PREFERENCE = 0.9
#: Phrases used by more than this share of the collection cannot name one of its groups.
COMMON = 0.25
#: Labels are computed from at most this many papers of the collection, and of each group.
SAMPLE = 1000
GROUP_SAMPLE = 100


def phrases(text: str) -> set[str]:
    """Return the lower-cased candidate phrases of a text (runs of 1-3 non-stop words)."""
    found: set[str] = set()
    for chunk in _CHUNK.split(text):
        run: list[str] = []
        for word in [*_WORD.findall(chunk), ""]:
            lower = word.lower()
            if lower and lower not in LABEL_STOP_WORDS and not lower.replace("-", "").isdigit() and len(lower) > 1:
                run.append(lower)
                continue
            if 0 < len(run) <= MAX_WORDS:
                found.add(" ".join(run))
            # English phrases end in their head noun: "apply LLM unlearning" holds "LLM unlearning".
            found.update(" ".join(run[-size:]) for size in range(2, min(len(run), MAX_WORDS + 1)))
            found.update(run)
            run = []
    return found


def _spellings(texts: Sequence[str], phrase: str) -> str:
    """Return the commonest spelling of a phrase in the texts ("LLM unlearning")."""
    pattern = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, phrase.split(" "))) + r"(?![\w-])", re.I)
    counts = Counter(m.group() for text in texts for m in pattern.finditer(text))
    if not counts:
        return phrase
    best = max(counts.items(), key=lambda item: (item[1], item[0].islower(), item[0]))[0]
    return re.sub(r"\s+", " ", best)


class PhraseScorer:
    """Phrase frequencies over a collection, to score groups of it against."""

    def __init__(self, texts: Sequence[str]) -> None:
        step = max(1, len(texts) // SAMPLE)
        sample = texts[::step]
        self._size = len(sample)
        self._df: Counter[str] = Counter()
        # Topics are named more than once (found, then extended and renamed): phrases once a text.
        self._phrases: dict[str, set[str]] = {}
        for text in sample:
            self._df.update(self._phrases_of(text))

    def _phrases_of(self, text: str) -> set[str]:
        found = self._phrases.get(text)
        if found is None:
            found = self._phrases[text] = phrases(text)
        return found

    def ranked(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """Return the group's phrases, best first, with their scores (phrases of 2+ papers)."""
        step = max(1, len(texts) // GROUP_SAMPLE)
        sample = texts[::step]
        inside: Counter[str] = Counter()
        for text in sample:
            inside.update(self._phrases_of(text))
        scored = []
        for phrase, count in inside.items():
            if count < 2 and len(sample) > 1:
                continue
            p_in = count / len(sample)
            p_all = max(self._df[phrase], 1) / self._size
            if p_all > COMMON and len(texts) < self._size:
                continue  # a phrase a quarter of the collection uses names no group of it
            scored.append((phrase, p_in * math.log(max(p_in / p_all, 1.0))))
        scored.sort(key=lambda item: (-item[1], item[0]))
        return scored

    def label(self, texts: Sequence[str], taken: Collection[str] = ()) -> tuple[str, list[str]]:
        """Return a label for the group and its next best phrases (as the texts spell them)."""
        ranked = [(p, s) for p, s in self.ranked(texts) if p not in taken and s > 0]
        if not ranked:
            return "", []
        best_score = ranked[0][1]
        label = next((p for p, s in ranked if " " in p and s >= PHRASE_PREFERENCE * best_score), ranked[0][0])
        scores = dict(ranked)
        # A shorter tail used nearly as much is the phrase itself, without the verb before it.
        for size in range(2, label.count(" ") + 1):
            tail = " ".join(label.split(" ")[-size:])
            if scores.get(tail, 0) >= TAIL_PREFERENCE * scores[label]:
                label = tail
                break
        others: list[str] = []
        # The description lists phrases first, then words, each not part of another already listed.
        for phrase, _ in sorted(ranked, key=lambda item: " " not in item[0]):
            if phrase != label and phrase not in label and label not in phrase and all(phrase not in o for o in others):
                others.append(phrase)
            if len(others) == 3:
                break
        return _spellings(texts, label), [_spellings(texts, o) for o in others]
