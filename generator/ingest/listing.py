"""Read the listing pasted from a trending-papers page: a title line, then its abstract line.

Lines are recognised by their shape, not their position: an abstract is long prose with
sentences, a title is a short line. Page chrome (sign-up prompts before the first paper and a
call-to-action word glued to the first title) is dropped.
"""

from __future__ import annotations

import re

from generator.ingest import fields
from generator.model import Problem, Record, Source

#: Words a web page puts on buttons; pasted text glues them to the next line's first word.
CHROME_WORDS = ("Subscribe", "Sign up", "Sign in", "Log in", "Follow")
_GLUED_CHROME = re.compile(r"^(?:%s)(?=[A-Z0-9])" % "|".join(re.escape(w) for w in CHROME_WORDS))
_SENTENCE_END = re.compile(r"[.!?](?:\s+(?=[A-Z(\"'])|$)")
_CHROME_LINE = re.compile(r"(?i)\b(?:subscribe|sign (?:up|in)|log in|inbox|newsletter)\b")

#: Longer lines are abstracts however they end; real titles stay far below this.
MAX_TITLE_CHARS = 300


def is_abstract_line(line: str) -> bool:
    """Say whether a line reads as an abstract rather than a title."""
    if len(line) > MAX_TITLE_CHARS:
        return True
    return len(line) > 60 and len(_SENTENCE_END.findall(line)) >= 2


def is_chrome_line(line: str) -> bool:
    """Say whether a line before the first paper is page furniture, not a title."""
    return line.endswith("!") or bool(_CHROME_LINE.search(line))


def read_listing(path: str, text: str) -> tuple[list[Record], list[Problem]]:
    """Pair title and abstract lines of a pasted listing; report what cannot be paired."""
    lines = [(number, " ".join(raw.split())) for number, raw in enumerate(fields.lines(text), 1)]
    lines = [(number, line) for number, line in lines if line]
    records: list[Record] = []
    problems: list[Problem] = []
    title: tuple[int, str] | None = None
    seen_paper = False
    for index, (number, line) in enumerate(lines):
        if is_abstract_line(line):
            if title is None:
                problems.append(Problem(Source(path, number), "abstract with no title line before it; skipped"))
                continue
            records.append(Record(title[1], line, Source(path, title[0])))
            title, seen_paper = None, True
            continue
        if not seen_paper and title is None and is_chrome_line(line):
            following = lines[index + 1][1] if index + 1 < len(lines) else ""
            if not is_abstract_line(following):
                continue  # page chrome before the first paper
        if title is not None:
            problems.append(Problem(Source(path, title[0]), "title with no abstract; kept without one", "warning"))
            records.append(Record(title[1], "", Source(path, title[0])))
            seen_paper = True
        title = (number, _GLUED_CHROME.sub("", line) if not seen_paper else line)
    if title is not None:
        problems.append(Problem(Source(path, title[0]), "title with no abstract; kept without one", "warning"))
        records.append(Record(title[1], "", Source(path, title[0])))
    if not records and not problems:
        problems.append(Problem(Source(path), "no papers found: expected a title line, then its abstract line"))
    return records, problems
