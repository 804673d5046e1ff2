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


def title_prefix(title: str) -> str:
    """Return what a title puts before its colon ("MT-Ladder" of "MT-Ladder: A ..."), or ""."""
    match = _PREFIX.match(title)
    return _TRAILING_WORDS.sub("", match.group("prefix").strip()) if match else ""


def short_name(title: str) -> str | None:
    """Return the name a title introduces before its colon (`MT-Ladder: A ...`), if any: a coined
    name, or words the title goes on to say are a dataset, model... ("The Nordic Pile: A 1.2TB
    Nordic Dataset")."""
    prefix = title_prefix(title)
    words = prefix.split()
    if not 1 <= len(words) <= 3 or "'s" in prefix:
        return None
    if _says_what_it_names(title, words):
        return prefix
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


#: After a title's colon, what the words before it name: "A 1.2TB Nordic Dataset for ...".
_TITLE_SAYS_WHAT = re.compile(
    # (the words between say what kind of thing, no "into", "of", "for": "A Deep Dive into ... Models")
    r":\s+An?\s+(?:(?!(?:into|of|for|on|in|with|to|from|and|or|the)\s)[\w.+-]+\s+){0,5}?"
    r"(?:Datasets?|Corpus|Corpora|Benchmarks?|Models?|Language Models?|LLMs?|Frameworks?|Toolkits?|Library|Suite)"
    r"(?![\w-])",
    re.IGNORECASE,
)


def _says_what_it_names(title: str, words: list[str]) -> bool:
    """Say whether a title's words before its colon are a name its colon says is a dataset, model...:
    capitalised words ("The" may begin them), not a slogan that starts with a verb ("Reversing ...")."""
    capitalised = all(w[0].isupper() or w[0].isdigit() for w in words)
    first = words[0].lower()
    return (
        capitalised
        and first not in _NOT_NAMES | _FIELD_ACRONYMS
        and not first.endswith("ing")
        and bool(_TITLE_SAYS_WHAT.match(title, title.find(":")))
    )


def _abstract_name(group: str) -> str:
    """Return the pattern of a coined name as an abstract writes it, captured as `group`.

    The name has digits, inner capitals, or capitalised parts joined by hyphens or dots.
    """
    return r"(?P<%s>[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*|[a-z]+[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)" % group


#: "we present X", "we propose X, a ...", "we introduce Unified Fine-Tuning (UFT)", "a framework
#: called X", "named X", "dubbed X": the name a paper introduces when its title has none.
_INTRODUCING = r"\b(?:(?:[Ww]e|[Tt]his (?:paper|work))\s+(?:present|propose|introduce|release|develop)s?|proposing)\s+"
_INTRODUCES = re.compile(
    _INTRODUCING
    + r"(?:(?:an?|the)\s+)?(?:(?P<expanded>(?:[A-Za-z-]+\s+){0,6}?)\(%s\)|%s(?=[\s,.:;)]))"
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
    text = _EMPHASIS.sub("", abstract)
    for match in _INTRODUCES.finditer(text):
        name = (match.group("name") or match.group("bare") or match.group("called") or "").rstrip(".")
        parts = name.split("-")
        if (
            len(name) >= 3
            and (_is_name_like(name) or _called_a_word(match, text))
            and not _LISTED_TECHNIQUES.search(match.group("expanded") or "")
            and name.lower() not in _FIELD_ACRONYMS
            and name not in COMMON_ACRONYMS
            and not any(part.islower() for part in parts[1:])
        ):
            return name
    return None


#: Lower-case words in a list before an acronym: the acronym is a known technique's, the list's last
#: item, not the paper's name (EMA of "we introduce curriculum learning and exponential moving
#: average (EMA)"; but "a Disentangled Geometry-editable and Appearance-preserving Diffusion (DGAD)").
_LISTED_TECHNIQUES = re.compile(r"^(?:[a-z-]+\s+)*(?:and|or)\s+(?:[a-z-]+\s+)+$")
#: A plain word called so that is a name, where the name ends: "a 7B LLM called Janus and", "named
#: Genius." (not "dubbed Subspace Gradient", whose name goes on).
_PLAIN_NAME = re.compile(r"[A-Z][a-z]{2,}(?<!ing)")
_PLAIN_NAME_ENDS = re.compile(r"[,.:;)]|\s+\(|\s+[a-z]+\b(?!\s+[A-Z])|$")


def _called_a_word(match: re.Match[str], text: str) -> bool:
    called = match.group("called")
    return bool(called and _PLAIN_NAME.fullmatch(called) and _PLAIN_NAME_ENDS.match(text, match.end("called")))


def introduced_prefix(title: str, abstract: str) -> str | None:
    """Return the title's words before its colon when the abstract introduces them as its contribution
    ("Control LLM: ..." and "We propose Control LLM, a novel approach"), not with an acronym after
    them ("we propose Negative Preference Optimization (NPO)": the acronym is the name)."""
    prefix = title_prefix(title)
    words = prefix.split()
    if not 1 <= len(words) <= 4 or not all(w[0].isupper() or w[0].isdigit() for w in words) or _SURVEY.search(title):
        return None
    introduces = re.compile(_INTRODUCING + r"(?:(?:the|an?)\s+)?" + re.escape(prefix) + r"(?=[,.:;)]|\s+[^\s(])")
    return prefix if introduces.search(_EMPHASIS.sub("", abstract)) else None


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
    name = short_name(title) or introduced_prefix(title, record.abstract) or abstract_name(title, record.abstract)
    return Paper(record=record, title=title, short_name=name, aliases=aliases(name))
