"""Give every paper its identity before any enricher runs: clean title, short name, slug."""

from __future__ import annotations

import re

from generator.model import Paper, Record
from generator.text.latex import clean_title
from generator.text.names import COMMON_ACRONYMS
from generator.text.slugs import slugify, unique

#: Words that head a title but are no name ("Survey: ...").
_NOT_NAMES = frozenset({"survey", "review", "overview", "introduction", "tutorial", "position", "abstract"})
#: Acronyms of the field itself; a title prefix starting with one is a topic, not a name.
_FIELD_ACRONYMS = frozenset({"llm", "llms", "ai", "nlp", "ml", "rl", "lm", "lms"})
_PREFIX = re.compile(r"^(?P<prefix>[^:]{1,60}?)\s*:\s+\S")
_TRAILING_WORDS = re.compile(r"\s+(?:Technical Report|Report)$")


def _is_name_like(word: str) -> bool:
    """Say whether a word looks coined: digits, inner capitals, or an acronym."""
    core = word.strip("!?.")
    if not core or not core[0].isalnum():
        return False
    return (
        any(c.isdigit() for c in core)
        or any(c.isupper() for c in core[1:])
        or bool(re.search(r"^[A-Z][^-]*-[A-Z0-9]", core))
    )


def short_name(title: str) -> str | None:
    """Return the name a title introduces before its colon (`MT-Ladder: A ...`), if any."""
    match = _PREFIX.match(title)
    if not match:
        return None
    prefix = _TRAILING_WORDS.sub("", match.group("prefix").strip())
    words = prefix.split()
    if not 1 <= len(words) <= 3 or "'s" in prefix:
        return None
    if len(words) == 1:
        word = words[0]
        if word.lower() in _NOT_NAMES or not (word[0].isupper() or _is_name_like(word)):
            return None
        return word
    first, rest = words[0], words[1:]
    if first.lower() in _FIELD_ACRONYMS or not _is_name_like(first):
        return None
    if all(_is_name_like(w) or w[0].isupper() or w.isdigit() for w in rest):
        return prefix
    return None


def _abstract_name(group: str) -> str:
    """Return the pattern of a coined name as an abstract writes it, captured as `group`.

    The name has digits, inner capitals, or capitalised parts joined by hyphens or dots.
    """
    return r"(?P<%s>[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*|[a-z]+[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)" % group


#: "we present X", "we propose X, a ...", "we introduce Unified Fine-Tuning (UFT)", "a framework
#: called X", "named X", "dubbed X": the name a paper introduces when its title has none.
_INTRODUCES = re.compile(
    r"\b(?:[Ww]e|[Tt]his (?:paper|work))\s+(?:present|propose|introduce|release|develop)s?\s+"
    r"(?:(?:an?|the)\s+)?(?:(?:[A-Za-z-]+\s+){0,6}?\(%s\)|%s(?=[\s,.:;)]))"
    % (_abstract_name("name"), _abstract_name("bare"))
    + r"|\b(?:called|named|dubbed|termed)\s+%s(?=[\s,.:;)])" % _abstract_name("called")
)
_EMPHASIS = re.compile(r"[*_`\\]+")
_SURVEY = re.compile(r"(?i)\b(?:survey|review|overview|tutorial)\b")


def abstract_name(title: str, abstract: str) -> str | None:
    """Return the coined name an abstract introduces ("we present X", "called X"), if any.

    Not for a survey or review, which names nothing of its own; not for the field's acronyms
    (ICL, RLHF) nor for words like "LLM-based".
    """
    if _SURVEY.search(title):
        return None
    for match in _INTRODUCES.finditer(_EMPHASIS.sub("", abstract)):
        name = (match.group("name") or match.group("bare") or match.group("called") or "").rstrip(".")
        parts = name.split("-")
        if (
            len(name) >= 3
            and _is_name_like(name)
            and name.lower() not in _FIELD_ACRONYMS
            and name not in COMMON_ACRONYMS
            and not any(part.islower() for part in parts[1:])
        ):
            return name
    return None


def unique_slug(paper: Paper, taken: set[str]) -> str:
    """Return a slug from the paper's short name or title that is not in `taken` (`-2`, `-3`...)."""
    return unique(slugify(paper.short_name or paper.title, "paper"), taken)


def aliases(name: str | None) -> tuple[str, ...]:
    """Return the spellings of a short name people type: as written, run together, spaced out."""
    if not name:
        return ()
    parts = [p for p in re.split(r"[\s\-_./]+", name) if p]
    return tuple(dict.fromkeys([name, "".join(parts), " ".join(parts)]))


def identify(record: Record) -> Paper:
    """Make a paper from a record: its clean title, the short name the title (or else the abstract)
    gives, its aliases."""
    title = clean_title(record.title) or "Untitled"
    name = short_name(title) or abstract_name(title, record.abstract)
    return Paper(record=record, title=title, short_name=name, aliases=aliases(name))
