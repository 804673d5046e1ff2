"""The gazetteer compiled: one pattern per kind of name, and what each spelling stands for."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.enrich.entities import loader
from generator.enrich.entities.loader import GazetteerData, read_gazetteer
from generator.enrich.entities.names import BENCHMARK_VARIANTS, FOOTNOTE, TAIL
from generator.model import Problem
from generator.text.names import normalise_name


@dataclass(frozen=True)
class Gazetteer:
    """Compiled patterns of the gazetteer's names."""

    models: re.Pattern[str]
    family_of: dict[str, tuple[str, bool]]  # spelling -> (family, strict)
    #: A name coined from a family that is not strict: a capitalised prefix before it (SocBERT,
    #: ProLLaMA) or a lower-case suffix after it (BERTweet), then any version or size.
    coined: re.Pattern[str]
    datasets: re.Pattern[str]
    dataset_of: dict[str, tuple[str, str]]  # spelling -> (hub, kind)
    #: Distinctive one-word spellings by their normalised form, to find them written in lower case
    #: or with a hyphen ("ifeval", "truthful-qa"); plain words ("Pile", "MATH") are left out.
    dataset_by_key: dict[str, str]
    domains: re.Pattern[str]
    domain_of: dict[str, str]  # lower-case word or phrase -> domain
    metric: re.Pattern[str]
    metric_names: dict[str, str]  # lower-case spelling -> the gazetteer's spelling
    #: The bad entries, left out: the build reports them with the data's problems.
    problems: tuple[Problem, ...] = ()

    #: Words already tried as coined names, with the family they were coined from ("" for none).
    _coined_words: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def coined_family(self, word: str) -> str:
        """Return the family a word was coined from ("SocBERT" -> "BERT"), or "" (every word of every
        abstract is tried, and words repeat: each is tried once)."""
        family = self._coined_words.get(word)
        if family is None:
            match = None if word in self.family_of else self.coined.fullmatch(word)
            family = self.family_of[match.group("base") or match.group("head")][0] if match else ""
            self._coined_words[word] = family
        return family

    def canonical_metric(self, written: str) -> str:
        """Return a metric as the gazetteer spells it ("Improvements" -> "improvement")."""
        lower = written.lower()
        return self.metric_names.get(lower) or self.metric_names.get(lower.removesuffix("s")) or written


def alternatives(spellings: list[str]) -> str:
    """Return a pattern matching any of the spellings, the longest first where one begins another.

    Written as a trie ("Llama|LLaMA|LLaMA-Adapter" as "L(?:lama|LaMA(?:-Adapter)?)"): hundreds of names
    in one flat alternation are each tried at every position of every abstract.
    """
    trie: dict[str, Any] = {}
    for spelling in spellings:
        node = trie
        for char in spelling:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)
    # A spelling ends here, and a longer one goes on: the longer one is tried first (greedy "?").
    return "(?:%s)?" % body if "" in node else body


def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """Return the gazetteer of `folder` (by default `loader.GAZETTEER`, the shipped one) compiled,
    read once per process; its bad entries are left out, and kept as its problems."""
    return _compiled(folder if folder is not None else loader.GAZETTEER)


@functools.cache
def _compiled(folder: Path) -> Gazetteer:
    data, problems = read_gazetteer(folder)
    return compile_gazetteer(data, tuple(problems))


def compile_gazetteer(data: GazetteerData, problems: tuple[Problem, ...] = ()) -> Gazetteer:
    """Return the patterns and look-ups of the gazetteer's entries."""
    family_of: dict[str, tuple[str, bool]] = {}
    for family in data.families:
        for spelling in family.spellings:
            family_of[spelling] = (family.name, family.strict)
        for spelling in family.strict_spellings:
            family_of[spelling] = (family.name, True)
    dataset_of: dict[str, tuple[str, str]] = {s: (d.name, d.kind) for d in data.datasets for s in d.spellings}
    words = {s for d in data.datasets if d.spells_a_word for s in d.spellings}
    metrics = [m if not m.islower() else f"(?i:{re.escape(m)})" for m in data.metrics]
    return Gazetteer(
        models=re.compile(r"(?<![\w-])(?P<name>%s)%s%s(?![\w+])" % (alternatives(list(family_of)), TAIL, FOOTNOTE)),
        family_of=family_of,
        coined=_coined_pattern([s for s, (_, strict) in family_of.items() if not strict and len(s) >= 3]),
        datasets=re.compile(
            r"(?<![\w-])(?P<name>%s)(?:(?P<sep>[- ]?)(?P<year>(?:19|20)\d\d|(?<=[A-Z])\d\d"
            r"|(?<=[A-Z] )(?:1[4-9]|2\d)(?=/\d\d|[^\w%%.]|$)|[vV]\d+))?"
            r"(?P<variant>-%s)?(?![\w]|-\w|\.\d)" % (alternatives(list(dataset_of)), BENCHMARK_VARIANTS)
        ),
        dataset_of=dataset_of,
        dataset_by_key={
            normalise_name(s): s
            for s in sorted(dataset_of, key=lambda s: (-len(s), s))
            if _distinctive(s) and s not in words
        },
        domains=re.compile(
            r"(?<![\w-])(?:%s)(?![\w-])" % alternatives([w for d in data.domains for w in d.words]),
            re.IGNORECASE,
        ),
        domain_of={w.lower(): d.name for d in data.domains for w in d.words},
        metric_names={m.lower(): m for m in data.metrics},
        metric=re.compile(
            r"(?<![\w-])(?:%s)s?(?![\w-])" % "|".join(m if m.startswith("(?i:") else re.escape(m) for m in metrics)
        ),
        problems=problems,
    )


def _coined_pattern(spellings: list[str]) -> re.Pattern[str]:
    families = alternatives(spellings)
    return re.compile(
        r"(?<![\w-])(?:[A-Z][A-Za-z0-9]*?-?(?P<base>%s)|(?P<head>%s)[a-z]{2,})(?:\d+(?:\.\d+)*)?"
        r"(?:-\d+(?:\.\d+)?[BM])?(?![\w-])" % (families, families)
    )


def _distinctive(spelling: str) -> bool:
    """Return whether a one-word spelling could not be an ordinary word in any case (IFEval, GSM8K)."""
    if " " in spelling or len(normalise_name(spelling)) < 5:
        return False
    return any(c.isdigit() for c in spelling) or (any(c.isupper() for c in spelling[1:]) and not spelling.isupper())
