"""The domains of a paper: medical, finance, code... from the gazetteer's words for each."""

from __future__ import annotations

from collections import Counter

from generator.enrich.entities.gazetteer import Gazetteer

MAX_DOMAINS = 2


def find_domains(title: str, abstract: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    """Return the domains the title names, or the abstract names at least twice (at most two)."""
    in_title = Counter(gazetteer.domain_of[w.lower()] for w in gazetteer.domains.findall(title))
    in_abstract = Counter(gazetteer.domain_of[w.lower()] for w in gazetteer.domains.findall(abstract))
    scored = [
        (-(in_title[domain] * 3 + in_abstract[domain]), domain)
        for domain in set(in_title) | set(in_abstract)
        if in_title[domain] or in_abstract[domain] >= 2
    ]
    return tuple(domain for _, domain in sorted(scored)[:MAX_DOMAINS])
