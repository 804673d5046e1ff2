"""Catalog-wide enricher: link a paper to the papers its abstract names, and back.

A paper is mentioned when another paper's abstract spells its short name exactly (case and
all) as a whole name: not inside a longer word or name, so "PD" never matches "PDF" and "TART"
never matches "START". Each mention keeps the sentence it came from.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.enrich.context import CatalogContext
from generator.model import Mention, Paper
from generator.text.sentences import sentences

#: Names this short are too likely to be ordinary acronyms to link on their own.
MIN_NAME_LENGTH = 3


#: A name's first run of letters and digits, found where no word character or hyphen precedes it.
_FIRST_TOKEN = re.compile(r"(?<![\w-])[^\W_]+")


def first_token(name: str) -> str:
    """Return the first run of letters and digits of a name (`EE` of `EE-LLM`), its look-up key."""
    match = re.match(r"[^\W_]+", name)
    return match.group() if match else name


def _find_names(sentence: str, by_first_token: dict[str, list[str]]) -> list[str]:
    """Return the known names spelled whole in a sentence (one dictionary look-up per word).

    A single regular expression of every name was tried first: Python's `re` does not share
    prefixes across alternatives, and at 10,000 papers it took 80 seconds.
    """
    found = []
    for start in _FIRST_TOKEN.finditer(sentence):
        position = start.start()
        for name in by_first_token.get(start.group(), ()):
            end = position + len(name)
            if sentence.startswith(name, position) and _ends_whole(sentence, end):
                found.append(name)
                break  # names are longest first: "EE-LLM" before "EE"
    return found


def _ends_whole(sentence: str, end: int) -> bool:
    """Say whether a name ending at `end` ends a word: not followed by a word, a hyphen or `.x`."""
    following = sentence[end : end + 2]
    if not following:
        return True
    if following[0].isalnum() or following[0] in "_-":
        return False
    return not (following[0] == "." and len(following) > 1 and following[1].isalnum())


def link_mentions(papers: list[Paper], context: CatalogContext) -> list[Paper]:
    """Return papers with `mentions` (papers this one names) and `mentioned_by` filled in."""
    owner: dict[str, str] = {}
    for paper in papers:
        name = paper.short_name
        if name and len(name) >= MIN_NAME_LENGTH and name not in owner:
            owner[name] = paper.slug
    by_first_token: dict[str, list[str]] = {}
    for name in sorted(owner, key=len, reverse=True):
        by_first_token.setdefault(first_token(name), []).append(name)
    mentions: dict[str, list[Mention]] = {}
    mentioned_by: dict[str, list[Mention]] = {}
    for paper in papers:
        found: dict[str, Mention] = {}
        for sentence in sentences(paper.abstract_text):
            for name in _find_names(sentence, by_first_token):
                target = owner[name]
                if target != paper.slug and target not in found:
                    found[target] = Mention(target, name, sentence.strip())
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
