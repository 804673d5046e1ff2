"""Authors and venues as taxonomies: a page per author of two papers or more, and per venue.

An author is a name as the listings write it, folded for identity: accents, case and punctuation
do not count ("José" is "Jose"), and neither does the order BibTeX writes ("Del Maestro, Adrian"
is read as "Adrian Del Maestro" by the reader). Two spellings that differ only in the given
names are one author when they cannot be two: "A. Del Maestro" is "Adrian Del Maestro" when he
is the only full name of that surname and initial in the collection and the two share a
co-author or a main topic (the evidence a listing has that they are one person: a physicist "M.
Feng" of 2007 is not the "Michael Feng" of a 2025 agents paper). When two full names fit ("Yu Wang" and "Yan
Wang"), "Y. Wang" stays apart; what was merged and what was kept apart are reported
(`AuthorNames`). Two people who write the very same name share one page: nothing in
a listing tells them apart.

A venue is the journal or proceedings a paper appeared in, without its volume, pages and year
("Phys. Rev. B 74, 024520 (2006)" is "Phys. Rev. B").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from generator.model import Paper, Term
from generator.text.slugs import slugify, unique

#: An author or venue gets a page when at least this many papers have it.
MIN_PAPERS = 2
#: Co-authors shown on an author's page, most shared papers first.
CO_AUTHORS = 8
#: Words that belong to the surname that follows them ("Del Maestro", "van der Waals").
PARTICLES = frozenset({"da", "de", "del", "della", "der", "di", "du", "la", "le", "van", "von", "dos", "ten", "ter"})
_NOT_LETTERS = re.compile(r"[^\w\s-]")
#: A venue's volume, number, pages or year at its end: "74, 024520 (2006)", "vol. 3", "pp. 1-9".
_AFTER_COLON = re.compile(r":\s*\d.*$")
_GLUED_VOLUME = re.compile(r"(?<=[A-Za-z.])\d+[A-Za-z]?$")
_ABBREVIATION = re.compile(r"\.(?=[A-Za-z])")
_VENUE_TAIL = re.compile(r"(?:[\s,;:]+(?:\(\d{4}\)|\d[\w()\-\u2013:.]*|vol\.?|no\.?|pp?\.?))+[\s,;:.]*$", re.IGNORECASE)


def fold(name: str) -> str:
    """Return a name as identity sees it: no accents, lower case, no punctuation but hyphens, single spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(_NOT_LETTERS.sub(" ", plain).casefold().split())


def _parts(folded: str) -> tuple[list[str], str]:
    """Return a folded name's given names and its surname (with the particles before it)."""
    words = folded.split()
    if len(words) < 2:
        return [], folded
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    return words[:start], " ".join(words[start:])


@dataclass
class AuthorNames:
    """Each written name's author (by folded key), and what was merged or kept apart, for the report."""

    key_of: dict[str, str] = field(default_factory=dict)
    #: (the name shown, the other spellings taken as that author).
    merged: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    #: (an initialled name, the full names it could be): kept apart.
    ambiguous: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


def author_names(papers: list[Paper]) -> AuthorNames:
    """Group the written names into authors: same folded name; or another spelling of that surname
    and first name, or initials that fit it, when the two share a co-author or a main topic."""
    spellings: Counter[str] = Counter(name for p in papers for name in dict.fromkeys(p.record.authors))
    by_fold: dict[str, list[str]] = {}
    for name in sorted(spellings):
        if fold(name):
            by_fold.setdefault(fold(name), []).append(name)
    # Folded names by surname and first initial: "del maestro|a" holds "adrian del maestro" and "a del maestro".
    by_initial: dict[str, list[str]] = {}
    for folded in by_fold:
        if _parts(folded)[0]:
            by_initial.setdefault(_initial_key(folded), []).append(folded)
    # What says two spellings are one person: each folded name's co-authors, by surname and initial
    # (so "S. Sachdev" is "Subir Sachdev"), and the main topics of its papers.
    partners: dict[str, set[str]] = {}
    for paper in papers:
        keys = {fold(n) for n in paper.record.authors if fold(n)}
        topic = {f"topic:{paper.topics[0]}"} if paper.topics else set()
        for folded in keys:
            partners.setdefault(folded, set()).update({_initial_key(k) for k in keys - {folded}} | topic)
    result = AuthorNames()
    into = {f: f for f in by_fold}
    for folded_names in by_initial.values():
        _join(folded_names, into, [by_fold, spellings, partners], result)
    groups: dict[str, list[str]] = {}
    for folded, target in into.items():
        groups.setdefault(target, []).extend(by_fold[folded])
    for target, names in sorted(groups.items()):
        result.key_of.update(dict.fromkeys(names, target))
        shown = _best(names, spellings)
        others = tuple(sorted(set(names) - {shown}))
        if others:
            result.merged.append((shown, others))
    return result


def _initial_key(folded: str) -> str:
    given, surname = _parts(folded)
    return f"{surname}|{given[0][0]}" if given else surname


def _first(folded: str) -> str:
    return _parts(folded)[0][0]


def _fits(initialled: str, full: str) -> bool:
    """Say whether each given name of one is, or is the initial of, the other's given name there."""
    initials, given = _parts(initialled)[0], _parts(full)[0]
    return len(initials) <= len(given) and all(g.startswith(i) for i, g in zip(initials, given, strict=False))


def _join(folded_names: list[str], into: dict[str, str], seen: list[Any], result: AuthorNames) -> None:
    """Join the forms of one surname and first initial that are one person by the evidence a listing
    has: a co-author or a main topic in common. A form of the same first name ("xin eric wang", "xin wang") joins the
    one most papers use; initials join the one full name they fit ("w s lee": "wee sun lee"; "k l
    wang" fits no "kai wang"). Initials that two full names fit are reported, kept apart."""
    by_fold, spellings, partners = seen

    def papers_of(folded: str) -> int:
        return sum(spellings[n] for n in by_fold[folded])

    full = sorted((f for f in folded_names if len(_first(f)) > 1), key=lambda f: (-papers_of(f), -len(f), f))
    for form in full:
        main = next(f for f in full if _first(f) == _first(form))
        if form != main and _fits(form, main) | _fits(main, form) and partners[form] & partners[main]:
            into[form] = main
    roots = [f for f in full if into[f] == f]
    shared = {root: set().union(*(partners[f] for f in full if into[f] == root)) for root in roots}
    for form in (f for f in folded_names if len(_first(f)) == 1):
        fitting = [root for root in roots if _fits(form, root)]
        evidence = [root for root in fitting if partners[form] & shared[root]]
        if len(fitting) == 1 and evidence:
            into[form] = evidence[0]
        elif len(fitting) > 1:
            could = tuple(_best(by_fold[root], spellings) for root in sorted(fitting))
            result.ambiguous.append((_best(by_fold[form], spellings), could))


def _best(names: list[str], spellings: Counter[str]) -> str:
    """Return the spelling to show: one with a full first name, then the one most papers use, the longest."""
    return min(names, key=lambda n: (not _full(n), -spellings[n], -len(n), n))


def _full(name: str) -> bool:
    given, _ = _parts(fold(name))
    return bool(given) and len(given[0]) > 1


def author_terms(papers: list[Paper], names: AuthorNames, topic_labels: dict[str, str]) -> tuple[Term, ...]:
    """Return a term per author of MIN_PAPERS papers or more: their papers (newest first), their
    main topics in the description, and their frequent co-authors as the term's neighbours."""
    by_key: dict[str, dict[str, Paper]] = {}
    spelled: dict[str, Counter[str]] = {}
    for paper in papers:
        for name in dict.fromkeys(paper.record.authors):
            key = names.key_of.get(name)
            if key:
                by_key.setdefault(key, {})[paper.slug] = paper
                spelled.setdefault(key, Counter())[name] += 1
    kept = sorted((k for k, m in by_key.items() if len(m) >= MIN_PAPERS), key=lambda k: (-len(by_key[k]), k))
    labels = {key: _best(list(spelled[key]), spelled[key]) for key in kept}
    taken: set[str] = set()
    slugs = {}
    for key in kept:
        slugs[key] = unique(slugify(labels[key], "author"), taken)
        taken.add(slugs[key])
    return tuple(_author(labels[k], slugs, k, list(by_key[k].values()), names, topic_labels) for k in kept)


def _author(
    label: str, slugs: dict[str, str], key: str, own: list[Paper], names: AuthorNames, topic_labels: dict[str, str]
) -> Term:
    """Return one author's term: papers newest first, main topics, co-authors with a page by shared papers."""
    together: Counter[str] = Counter()
    for paper in own:
        together.update({names.key_of[n] for n in paper.record.authors if names.key_of.get(n) in slugs} - {key})
    topics = Counter(topic_labels[p.topics[0]] for p in own if p.topics and p.topics[0] in topic_labels)
    described = ", ".join(f"{label} ({count})" for label, count in sorted(topics.items(), key=lambda t: (-t[1], t[0])))
    co_authors = sorted(together.items(), key=lambda t: (-t[1], t[0]))[:CO_AUTHORS]
    return Term(
        slug=slugs[key],
        label=label,
        description=f"Main topics of these papers: {described}." if described else "",
        papers=tuple(p.slug for p in newest(own)),
        primary_count=len(own),
        neighbours=tuple(slugs[k] for k, _ in co_authors),
    )


def venue(text: str) -> str:
    """Return a venue without its volume, pages and year, written with a space after each abbreviation.

    arXiv's references are compact ("Phys.Rev.D76:013009,2007", "Astrophys.J.663:1149-1173,2007"):
    what follows a colon and digits goes, and so does a volume glued to the name ("D76" is "D").
    """
    name = _AFTER_COLON.sub("", " ".join(text.split()))
    name = _GLUED_VOLUME.sub("", _VENUE_TAIL.sub("", name))
    name = _VENUE_TAIL.sub("", name).strip(" ,;:")
    return _ABBREVIATION.sub(". ", name)


def newest(papers: list[Paper]) -> list[Paper]:
    """Return papers newest first (undated last), then by title."""
    by_title = sorted(papers, key=lambda p: (p.title.casefold(), p.slug))
    return sorted(by_title, key=lambda p: p.record.date or "", reverse=True)


def venue_names(papers: list[Paper]) -> dict[str, str]:
    """Return each venue name the papers give -> the name its venue is shown by: an abbreviation
    is the venue it abbreviates ("Phys. Rev. B" is "Physical Review B", "PHYSICAL REVIEW A" is
    "Phys. Rev. A"), shown by its fullest spelling not in capitals."""
    names = sorted({venue(p.record.venue) for p in papers} - {""})
    by_initials: dict[tuple[str, ...], list[str]] = {}
    for name in names:
        by_initials.setdefault(tuple(w[:1] for w in _venue_words(name)), []).append(name)
    shown: dict[str, str] = {}
    for group in by_initials.values():
        # The fullest first: it is what the others abbreviate.
        group.sort(key=lambda n: (-sum(map(len, _venue_words(n))), n.isupper(), n))
        for name in group:
            full = next(f for f in group if _abbreviates_venue(_venue_words(name), _venue_words(f)))
            shown[name] = shown.get(full, full)
    for name, full in list(shown.items()):
        if full.isupper():  # "PHYSICAL REVIEW A" shown by an abbreviation written in lower case
            shown[name] = next((n for n, f in shown.items() if f == full and not n.isupper()), full)
    return shown


def _venue_words(name: str) -> list[str]:
    return re.findall(r"\w+", name.casefold())


def _abbreviates_venue(short: list[str], full: list[str]) -> bool:
    return len(short) == len(full) and all(f.startswith(s) for s, f in zip(short, full, strict=True))
