"""Catalog-wide enricher: link a paper to the papers its abstract names, and back.

A paper is mentioned when another paper's abstract spells its short name exactly (case and
all) as a whole name: not inside a longer word or name, so "PD" never matches "PDF" and "TART"
never matches "START". Each mention keeps the sentence it came from.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.model import Mention, Paper

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
#: Names this short are too likely to be ordinary acronyms to link on their own.
MIN_NAME_LENGTH = 3


def _name_pattern(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-]|\.\w)")


def link_mentions(papers: list[Paper]) -> list[Paper]:
    """Return papers with `mentions` (papers this one names) and `mentioned_by` filled in."""
    owner: dict[str, str] = {}
    for paper in papers:
        name = paper.short_name
        if name and len(name) >= MIN_NAME_LENGTH and name not in owner:
            owner[name] = paper.slug
    pattern = _name_pattern(list(owner))
    mentions: dict[str, list[Mention]] = {}
    mentioned_by: dict[str, list[Mention]] = {}
    for paper in papers:
        if pattern is None:
            break
        found: dict[str, Mention] = {}
        for sentence in _SENTENCE.split(paper.abstract_text):
            for match in pattern.finditer(sentence):
                target = owner[match.group()]
                if target != paper.slug and target not in found:
                    found[target] = Mention(target, match.group(), sentence.strip())
        mentions[paper.slug] = list(found.values())
        for mention in found.values():
            mentioned_by.setdefault(mention.slug, []).append(Mention(paper.slug, mention.name, mention.sentence))
    return [
        replace(
            paper,
            mentions=tuple(mentions.get(paper.slug, ())),
            mentioned_by=tuple(mentioned_by.get(paper.slug, ())),
        )
        for paper in papers
    ]
