"""Name groups of papers with the phrase that sets each apart, as its papers write it.

Candidate phrases are the runs of one to three words between stop words and punctuation
("continual pre-training", "LLM unlearning", "reinforcement learning"), RAKE-style, so a label
never straddles a comma or a bracket; singular and plural count as one phrase. A phrase scores
by how well the papers that use it match the group: the Dice coefficient of the two sets,
2|G∩P| / (|G| + |P|). A phrase most of the group uses and few others do scores near 1; one every
group uses (the collection's own generic words, whatever its field) or one paper's term scores
low, so "generic" is learned from the collection, not from a list. A label is a phrase of two
or three words, or a name or acronym the collection writes with capitals ("QCD", "LLMs"):
a lone lower-case word ("transition", "sources") says too little, unless most of the group
writes it, most papers that write it are in the group, and it sets the group apart far better
than any phrase (WORD_LEAD): then it names the group in the plural ("Agents", "Surveys").

The groups of one collection are named together, best match first, so no two labels say the
same thing ("language models" beside "large language models"): a later group takes its next
phrase. A group no phrase covers (a fifth of its papers) is named for the two phrases that set it
apart, saying no word twice ("Magnetic field and phase transition"), or "Other papers" when it has
no two such phrases: never after one of its papers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.enrich.casing import Casing, plural_of, spelling
from generator.enrich.folding import Said, fold, same_thing
from generator.enrich.phrases import phrases

PHRASE_PREFERENCE = 0.4
TAIL_PREFERENCE = 0.9
#: Phrases used by most of the collection cannot name one of its groups.
COMMON = 0.5
#: A label must be used by at least this share of its group's papers (and by two of them).
COVERAGE = 1 / 5
#: ... and at least this share of the papers that use it must be in the group.
PRECISION = 1 / 3
#: Labels are computed from at most this many papers of the collection, and of each group.
SAMPLE = 1000
GROUP_SAMPLE = 100
KEY_PHRASES = 3
OTHER = "Other papers"
#: A lone lower-case word names a group only when most of it uses the word (WORD_COVERAGE), most
#: papers that use it are in the group ("equations", "modalities" are not), and the word sets
#: the group apart far better than any phrase (WORD_LEAD times the best one's score):
#: "Agents" of a group of agent papers whose best phrase is "external tools", "Surveys" of one
#: whose best is "future research directions".
WORD_COVERAGE = 1 / 2
WORD_LEAD = 1.5


@dataclass(frozen=True)
class Label:
    """A group's name, the phrases that follow it, and how much of the group its name covers."""

    text: str
    key_phrases: tuple[str, ...]
    coverage: float
    #: The label's phrase, folded ("" for "A and B" of a group no phrase covers, and "Other papers").
    key: str = ""
    #: Every phrase the label names, folded (both of "A and B"): no other label may say them.
    named: tuple[str, ...] = ()

    @property
    def description(self) -> str:
        """Return the key phrases as one sentence, grammatical whatever they are ("Key phrases: a, b.")."""
        return f"Key phrases: {', '.join(self.key_phrases)}." if self.key_phrases else ""


class PhraseScorer:
    """Phrase frequencies over a collection, to score groups of it against."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        # The collection's sample, which its phrase counts, casing and plurals come from.
        self._sample = texts[:: max(1, len(texts) // SAMPLE)]
        self._size = len(self._sample)
        self._df: Counter[str] = Counter()
        self._keys: dict[str, frozenset[str]] = {}
        self._ranked: dict[tuple[int, ...], list[tuple[str, float, float]]] = {}
        self._labels: dict[tuple[tuple[int, ...], tuple[str, ...]], Label] = {}
        for text in self._sample:
            self._df.update(self._keys_of(text))
        self._casing = Casing(self._sample)
        # A word alone names a topic only if the collection uses it as a head noun, at the end of
        # its phrases ("field" of "magnetic field"), more often than before another ("magnetic").
        self._heads: Counter[str] = Counter()
        for key, count in self._df.items():
            words = key.split(" ")
            if len(words) > 1:
                self._heads[words[-1]] += count
                for word in words[:-1]:
                    self._heads[word] -= count

    def _nameable(self, key: str) -> bool:
        return " " in key or self._heads[key] > 0

    def _keys_of(self, text: str) -> frozenset[str]:
        found = self._keys.get(text)
        if found is None:
            found = self._keys[text] = frozenset(fold(p) for p in phrases(text))
        return found

    def ranked(self, members: Sequence[int]) -> list[tuple[str, float, float]]:
        """Return the group's folded phrases that could name it, best first, with their Dice score and coverage."""
        key = tuple(members)
        if key not in self._ranked:  # a topic is named more than once a build (found, then curated)
            self._ranked[key] = self._rank(members)
        return self._ranked[key]

    def _rank(self, members: Sequence[int]) -> list[tuple[str, float, float]]:
        sample = [self._texts[i] for i in members[:: max(1, len(members) // GROUP_SAMPLE)]]
        inside: Counter[str] = Counter()
        for text in sample:
            inside.update(self._keys_of(text))
        group = self._group_size(len(members))
        scored = []
        for key, count in inside.items():
            if not self._nameable(key):
                continue
            share = max(self._df[key], 1) / self._size
            if count < 2 or (share > COMMON and len(members) < len(self._texts)):
                continue  # one paper's term, or a phrase most of the collection uses
            coverage = count / len(sample)
            overlap = self._overlap(key, coverage, group)
            if overlap < PRECISION * max(self._df[key], 1):
                coverage = 0.0  # most of the papers that use it are elsewhere: it cannot name this group
            scored.append((key, 2 * overlap / (group + max(self._df[key], 1)), coverage))
        scored.sort(key=lambda item: (-item[1], item[0]))
        return scored

    def label(self, members: Sequence[int], taken: Sequence[str] = ()) -> Label:
        """Return the group's label: its best phrase that says nothing a `taken` label (folded) says."""
        key = (tuple(members), tuple(taken))
        if key not in self._labels:  # a topic is named more than once a build, beside the same others
            self._labels[key] = self._label(members, taken)
        return self._labels[key]

    def _label(self, members: Sequence[int], taken: Sequence[str]) -> Label:
        said = Said(taken)
        ranked = [item for item in self.ranked(members) if not said.says(item[0])]
        texts = [self._texts[i] for i in members]
        covered = [item for item in ranked if item[2] >= COVERAGE and self._names_alone(item[0])]
        word = self._leading_word(ranked, covered[0][1] if covered else 0.0, len(members))
        if word is not None:
            covered = [word]
        elif not covered:
            mixed = _distinct(sorted((k for k, _, _ in ranked), key=lambda k: " " not in k), 2, apart=True)
            if len(mixed) < 2 or not all(self._names_alone(k) for k in mixed):
                return Label(OTHER, tuple(self.spell(texts, k) for k in mixed), 0.0)
            text = " and ".join(self.spell(texts, k) for k in mixed)  # phrases hold no "and": a stop word
            return Label(text[:1].upper() + text[1:], (), 0.0, named=tuple(mixed))
        best = covered[0][1]
        key, _, coverage = next(
            (item for item in covered if " " in item[0] and item[1] >= PHRASE_PREFERENCE * best), covered[0]
        )
        scores = {k: (s, c) for k, s, c in covered}
        # A shorter tail used by more of the group, nearly as apart, is the phrase without a word before it.
        for size in range(2, key.count(" ") + 1):
            tail = " ".join(key.split(" ")[-size:])
            if tail in scores and scores[tail][0] >= TAIL_PREFERENCE * scores[key][0] and scores[tail][1] > coverage:
                key, coverage = tail, scores[tail][1]
                break
        # The key phrases are phrases first, then words, each saying something the others do not.
        others = _distinct(
            sorted((k for k, _, _ in ranked if not same_thing(k, key)), key=lambda k: " " not in k), KEY_PHRASES
        )
        text = self.spell(texts, key)
        if " " not in key:  # a word names a group in the plural ("Surveys") if the collection writes one
            text = plural_of(text, self.spell(self._sample, key, plural=True))
        others_spelled = tuple(self.spell(texts, k) for k in others)
        return Label(text[:1].upper() + text[1:], others_spelled, coverage, key, named=(key,))

    def _leading_word(
        self, ranked: list[tuple[str, float, float]], best: float, members: int
    ) -> tuple[str, float, float] | None:
        """Return the lone word that names the group of `members` papers better than any phrase
        could (`best`), if any."""
        group = self._group_size(members)
        for item in ranked:
            key, score, coverage = item
            if " " not in key and coverage >= WORD_COVERAGE and not self._names_alone(key):
                inside = self._overlap(key, coverage, group) / max(self._df[key], 1)
                return item if score >= WORD_LEAD * best and inside >= WORD_COVERAGE else None
        return None

    def _group_size(self, members: int) -> float:
        """Return the size of a group of `members` papers at the collection's sampling."""
        return members / len(self._texts) * self._size

    def _overlap(self, key: str, coverage: float, group: float) -> float:
        """Return how many of the sampled papers that use a phrase are in a group (estimated from its coverage)."""
        return min(coverage * group, self._df[key])

    def _names_alone(self, key: str) -> bool:
        """Say whether a folded phrase can be a label by itself: two or three words, or a name or an
        acronym the collection writes with capitals ("QCD"); a lone lower-case word says too little."""
        return " " in key or self._casing.is_name(key)

    def best_score(self, members: Sequence[int]) -> float:
        """Return the score of the group's best phrase that covers it: how clearly the group has a name."""
        return next((s for k, s, c in self.ranked(members) if c >= COVERAGE and " " in k), 0.0)

    def name_groups(
        self, groups: Sequence[Sequence[int]], taken: Sequence[str] = (), previous: Sequence[str] = ()
    ) -> list[Label]:
        """Return a label per group, no two (nor any `taken`) saying the same thing: the clearest choose first.

        `previous` holds each group's label of the last build ("" for none): a group keeps it while
        it still names the group (`kept`), so a topic is not renamed, and every page that shows it
        rewritten, because one more day of papers moved a score a little.
        """
        labels: dict[int, Label] = {}
        taken = [fold(t) for t in taken]
        before = list(previous) + [""] * (len(groups) - len(previous))
        others = 0
        # Groups keeping their label choose first, so a fresh label cannot take their phrases.
        for position in sorted(range(len(groups)), key=lambda i: (not before[i], -self.best_score(groups[i]), i)):
            label = self.kept(groups[position], before[position], taken) if before[position] else None
            labels[position] = label = label or self.label(groups[position], taken)
            taken.extend(label.named)
            if label.text == OTHER:
                others += 1  # told apart by number, not after one of their papers
                labels[position] = replace(label, text=f"{OTHER} ({others})" if others > 1 else OTHER)
        return [labels[i] for i in range(len(groups))]

    def kept(self, members: Sequence[int], previous: str, taken: Sequence[str]) -> Label | None:
        """Return the group's label of the last build if it still names the group, else None.

        A phrase label still names it while the phrase is one a fresh label could be (it covers
        COVERAGE of the group, mostly inside it), though another now scores a little higher. An
        "A and B" label (a group no phrase covered) stays while no phrase covers the group and both
        phrases are still among the group's. Neither may say what a `taken` label says.
        """
        parts = [fold(part) for part in previous.split(" and ")] if " and " in previous else [fold(previous)]
        said = Said(taken)
        if previous.startswith(OTHER) or not all(parts) or any(said.says(part) for part in parts):
            return None
        fresh = self.label(members, taken)
        if fresh.key and not self._names_alone(fresh.key) and fresh.key not in parts:
            return None  # a word now names the group far better than any phrase (WORD_LEAD)
        scores = {key: coverage for key, _, coverage in self.ranked(members)}
        if len(parts) == 1:
            key = parts[0]
            if scores.get(key, 0.0) < COVERAGE or not self._names_alone(key):
                return None
            coverage = scores[key]
        elif fresh.key or any(part not in scores for part in parts):
            return None  # a phrase covers the group now: its name is better than two phrases
        else:
            key, coverage = "", 0.0
        others = tuple(k for k in fresh.key_phrases if not any(same_thing(fold(k), part) for part in parts))
        return Label(previous, others, coverage, key, named=tuple(parts))

    def spell(self, texts: Sequence[str], key: str, plural: bool = False) -> str:
        """Return a folded phrase as the texts most often write it (`plural`: its plural, if they
        ever write one), in sentence case's lower form."""
        return self._casing.cased(spelling(texts, key, plural))


def _distinct(keys: list[str], count: int, apart: bool = False) -> list[str]:
    """Return the first `count` keys none of which says the same thing as an earlier one (`apart`: shares a word)."""
    chosen: list[str] = []
    for key in keys:
        if not any(same_thing(key, c) or (apart and set(key.split(" ")) & set(c.split(" "))) for c in chosen):
            chosen.append(key)
        if len(chosen) == count:
            break
    return chosen
