"""Where a text spells a name, and what it says the name is instead of a model or a dataset."""

from __future__ import annotations

import functools
import re

from generator.enrich.entities.names import NOT_A_MODEL_KIND, TOOL_KIND

_WORD_GOES_ON = re.compile(r"[\w-]")
_HYPHENATED_WORD = re.compile(r"(?<![\w-])[\w-]+")
#: Before a name, a list of tools it is in: "methods like ", "tools such as A, B, ".
_TOOLS_LISTED = re.compile(r"\b%s\s+(?:like|such\s+as|including|e\.g\.,?)\s+" % TOOL_KIND)
_TOOL_LISTED = re.compile(r"[\w-]+,\s+")
#: After a name, what says it is a tool: ", an evaluation framework".
_CALLED_A_TOOL = re.compile(r",\s+an?\s+(?:[\w-]+\s+){0,4}?%s" % TOOL_KIND)
#: After a name, what says it is a framework, method, system...: ", a two-stage ... framework", " framework".
#: ... where the name ends the phrase ("a 1.3B-parameter model, CuatroLLM, from scratch"), not begins a
#: clause ("with a 1.5B model, CLUE boosts accuracy").
_APPOSITION_ENDS = re.compile(r"\s*(?:[,.;:()]|$)|\s+(?:from|on|with|which|that|trained|as|in|for)\b")
_CALLED_OTHER_THAN_A_MODEL = re.compile(
    r"(?:\*\*)?(?:,?\s+(?:is\s+)?an?\s+(?:[\w-]+\s+){0,4}?|\s+)%s" % NOT_A_MODEL_KIND
)


class Words:
    """Where each word of a text starts, to find a name's every occurrence without searching the whole
    text once per name (which is quadratic: abstracts name more things the longer they are)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str, list[int]] = {}
        for match in _HYPHENATED_WORD.finditer(text):
            self._starts.setdefault(match.group(), []).append(match.start())
        self._tools_listed: set[int] | None = None

    def ends_of(self, name: str) -> list[int]:
        """Return where the name ends wherever the text spells it from the start of a word (no letter,
        digit, underscore or hyphen before it) to a character that is none of these, or to a space,
        a comma or any other character the name itself has there."""
        head = _HYPHENATED_WORD.match(name)
        if not head:  # a name that does not start as a word: searched for
            return [m.start() + len(name) for m in re.finditer(r"(?<![\w-])(?=%s)" % re.escape(name), self.text)]
        starts = self._starts.get(head.group(), ())
        return [start + len(name) for start in starts if self.text.startswith(name, start)]

    @property
    def tools_listed(self) -> set[int]:
        """Return where a word in a list of tools may start: after "methods like ", "tools such as A, "."""
        if self._tools_listed is None:
            found: set[int] = set()
            for match in _TOOLS_LISTED.finditer(self.text):
                position = match.end()
                while position not in found:
                    found.add(position)
                    item = _TOOL_LISTED.match(self.text, position)
                    if not item:
                        break
                    position = item.end()
            self._tools_listed = found
        return self._tools_listed


@functools.lru_cache(maxsize=4)
def words_of(text: str) -> Words:
    return Words(text)


def said_to_be_a_tool(text: str, name: str) -> bool:
    """Return whether the text says a name is a method, framework or tool ("methods like DeepEval",
    "DeepEval, an evaluation framework")."""
    words = words_of(text)
    return any(
        (end - len(name) in words.tools_listed and not _WORD_GOES_ON.match(text, end))
        or _CALLED_A_TOOL.match(text, end)
        for end in words.ends_of(name)
    )


def called_other_than_a_model(text: str, name: str) -> bool:
    """Return whether the text says a name is a framework, method, system... ("ToolPlanner, a two-stage
    reinforcement learning framework", "the TheoremLlama framework")."""
    return any(_CALLED_OTHER_THAN_A_MODEL.match(text, end) for end in words_of(text).ends_of(name))


def apposition(text: str, start: int, end: int) -> bool:
    """Return whether a name after "a ... model" names it: "a 7B model BaichuanSEED and", "a 1.3B-parameter
    model, CuatroLLM, from scratch"; not "with a 1.5B model, CLUE boosts accuracy" (after a comma, the
    name must end the phrase)."""
    before = start  # (not `text[:start].rstrip()`: a copy of the text so far for every match is quadratic)
    while before and text[before - 1].isspace():
        before -= 1
    after_a_comma = before > 0 and text[before - 1] == ","
    return not after_a_comma or bool(_APPOSITION_ENDS.match(text, end))
