"""What each taxonomy's pages call it and its terms, and how a term page lists a paper (`WORDS`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.model import Paper, Term, VocabularyKind
from generator.text.sentences import contribution_sentence

#: A topic page's one-line summary of each paper is cut at about this many characters.
SUMMARY_LENGTH = 200


@dataclass(frozen=True)
class Entry:
    """A paper as a term page lists it: its link, and what the taxonomy shows beside it."""

    title: str
    href: str
    short_name: str = ""
    #: The names the paper gives the term (a model family's models, `Llama-3-8B, Llama-2-7B`).
    names: str = ""
    #: Whether the term is the paper's primary one (always, in a taxonomy without one).
    main: bool = True
    #: The paper's one-line summary.
    line: str = ""


def summary(paper: Paper) -> str:
    """Return a paper's one-line summary: the sentence of its abstract that says what it does (not
    the field's background its first sentence often is), cut at a word if long."""
    text = " ".join(paper.abstract_text.split())
    sentence = contribution_sentence(text)
    if len(sentence) <= SUMMARY_LENGTH:
        return sentence
    return sentence[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + " …"


def topic_entry(paper: Paper, term: Term, href: str, main: bool) -> Entry:
    """List a paper on a topic with its short name and what it does, marked when not its main topic."""
    return Entry(paper.title, href, short_name=paper.short_name or "", main=main, line=summary(paper))


def model_entry(paper: Paper, term: Term, href: str, main: bool) -> Entry:
    """List a paper on a model family with the models of that family it names."""
    return Entry(paper.title, href, names=", ".join(m.name for m in paper.models if m.family == term.label))


def dataset_entry(paper: Paper, term: Term, href: str, main: bool) -> Entry:
    """List a paper on a dataset or benchmark by its title alone (its numbers are in the results table)."""
    return Entry(paper.title, href)


def dated_entry(paper: Paper, term: Term, href: str, main: bool) -> Entry:
    """List a paper of an author or venue (newest first) with its date and what it does."""
    line = " · ".join(part for part in (paper.record.date, summary(paper)) if part)
    return Entry(paper.title, href, short_name=paper.short_name or "", line=line)


@dataclass(frozen=True)
class Words:
    """What a taxonomy's pages call it and its terms, and how a term page lists a paper."""

    #: The index page's title and heading (`Topics`).
    title: str
    #: One term, and several, in a sentence (`topic`, `topics`).
    singular: str
    plural: str
    #: The index page's opening paragraph (Markdown): `{count}` terms, `{minimum}` papers each.
    intro: str
    #: What a term's papers do, after "N papers" on its page.
    counted: str
    #: The term page's link to the index.
    all_pages: str
    #: The term page's heading of its neighbours (`Nearby topics`, `Frequent co-authors`).
    nearby: str
    #: Whether terms carry a description: the term page opens with it, the index has a column.
    described: bool
    #: Below 1 in search: a term's page ranks under the paper of the same name (the FineWeb
    #: paper first, then the FineWeb hub).
    search_boost: float | None
    entry: Callable[[Paper, Term, str, bool], Entry]


_HUB_INTRO = (
    "Every {singular} that at least {minimum} papers of the collection name, with the number of papers. The names "
    "are found in the abstracts with a curated list (`generator/gazetteer/`) and patterns for names it does "
    "not know yet."
)
WORDS: dict[VocabularyKind, Words] = {
    "topics": Words(
        title="Topics",
        singular="topic",
        plural="topics",
        intro=(
            "{count} topics, found in the text of the collection's papers (largest first). Each paper has one main "
            "topic and up to two more; see [About](../about.md#topics) for how they are found and how to rename, "
            "merge, pin or split them."
        ),
        counted="have this as their main topic",
        all_pages="All topics",
        nearby="Nearby topics",
        described=True,
        search_boost=None,
        entry=topic_entry,
    ),
    "models": Words(
        title="Models",
        singular="model family",
        plural="model families",
        intro=_HUB_INTRO,
        counted="name this model family",
        all_pages="All model family pages",
        nearby="Nearby model families",
        described=False,
        search_boost=0.5,
        entry=model_entry,
    ),
    "datasets": Words(
        title="Datasets and benchmarks",
        singular="dataset or benchmark",
        plural="datasets and benchmarks",
        intro=_HUB_INTRO,
        counted="name this dataset or benchmark",
        all_pages="All dataset or benchmark pages",
        nearby="Nearby datasets and benchmarks",
        described=False,
        search_boost=0.5,
        entry=dataset_entry,
    ),
    "authors": Words(
        title="Authors",
        singular="author",
        plural="authors",
        intro=(
            "Every author of at least {minimum} papers of the collection, with the number of papers, when the "
            "listings name authors (Hugging Face, arXiv, BibTeX, Kaggle). A name is one author however its accents, "
            "case and order are written; another spelling or initials join the one full name they fit when the "
            'two share a co-author or a main topic ("A. Del Maestro" is "Adrian Del Maestro"). The names taken '
            "as one, and those kept apart, are listed at the end. Two people who write the very same name share "
            "a page."
        ),
        counted="are by this author",
        all_pages="All authors",
        nearby="Frequent co-authors",
        described=True,
        search_boost=0.5,
        entry=dated_entry,
    ),
    "venues": Words(
        title="Venues",
        singular="venue",
        plural="venues",
        intro=(
            "Every journal or proceedings at least {minimum} papers of the collection appeared in, as the listings "
            "name it, without volume, pages and year."
        ),
        counted="appeared in this venue",
        all_pages="All venues",
        nearby="Nearby venues",
        described=False,
        search_boost=0.5,
        entry=dated_entry,
    ),
}
#: Rows of a taxonomy's index page, largest terms first, so no page grows with the collection;
#: search finds every term's page.
INDEX_ROWS = 500
