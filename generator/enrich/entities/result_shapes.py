"""Shapes of results that need more than the words right beside a number (see `results`).

A number without a unit takes the unit of the next one of its list ("by 4.85 and 10.88 points"); a
metric the gazetteer does not know is read from the words after a number the method reaches
("achieving 0% sink rate", rule "reached-named-metric") or before an "(ours vs theirs)" bracket
("lower kurtosis (340 vs 33,510)", rule "versus-bracket"), from the share of a resource a method uses
("using only 30% of the image token count", rule "share-used"), or from an acronym before "of" ("achieves an
FID-VID of 6.98", rule "acronym-of"); and the changes of one sentence share
the baseline one of them names ("4.1% over standard DPO ..., and a 9.0% gain"); a benchmark may
come before its number, in brackets or before a colon ("GSM8K (98.1%)", "MATH-500: +30.1%").
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.enrich.entities.datasets import dataset_name
from generator.enrich.entities.gazetteer import Gazetteer
from generator.enrich.entities.lists import QUALIFIER_WORDS
from generator.model import Result

#: What a number without a unit is when a benchmark follows it: "achieving up to 7.9 in MT-Bench".
REACHES = re.compile(
    r"\b(?:achiev|reach|attain|scor|obtain)\w*\s+(?:an?\s+)?(?:(?:%s)\s+)?$" % QUALIFIER_WORDS, re.IGNORECASE
)


def shared_baselines(found: list[tuple[int, Result]], sentence: str) -> list[Result]:
    """Give a change whose words name no baseline the one a change of its kind before it in the
    sentence names: "an average improvement of 4.1% over standard DPO ..., and a 9.0% gain in ..."
    (not one that names its own object: "surpasses A by 5.74% and B by 20.84%")."""
    said: dict[str, tuple[int, str]] = {}
    shared = []
    for start, result in found:
        if result.kind in ("gain", "reduction", "speedup") and not result.baseline and result.kind in said:
            since, baseline = said[result.kind]
            if not _OWN_OBJECT.search(sentence, since, start):
                result = replace(result, baseline=baseline)
        elif result.baseline:
            said[result.kind] = (start, result.baseline)
        shared.append(result)
    return shared


_OWN_OBJECT = re.compile(
    r"(?:\band|,)\s+(?:the\s+)?[^\s,;]+(?:\s+[^\s,;]+){0,5}?\s+by\s+(?:(?:%s)\s+)?$" % QUALIFIER_WORDS
)


#: Between a number without a unit and the next one of its list: "by 4.85 and 10.88 points".
_UNIT_LIST = re.compile(r"\s*(?:,\s+(?:and\s+)?|\s+and\s+)")  # (not "12,000x": no space after its comma)


def unit_follows(sentence: str, match: re.Match[str], following: list[re.Match[str]]) -> bool:
    """Return whether a number without a unit takes the unit of the next, listed right after it
    ("surpasses ... by 4.85 and 10.88 points on Ruler-128K and InfiniteBench")."""
    if match.group("unit") or not following or not following[0].group("unit"):
        return False
    return _UNIT_LIST.fullmatch(sentence, match.end(), following[0].start()) is not None


_NOT_A_NOUN = r"(?!(?:of|the|a|an|in|on|for|to|with|and|or|than|at|by|as|while|when|which|compared|over|across|vs)\b)"
#: A metric the gazetteer does not know, named by one or two words between a number the method reaches
#: and the end of its phrase: "achieving 0% sink rate", "reaches 92% pass rate on".
_NAMED_AFTER = re.compile(
    r" (%s[a-z][\w-]*(?:\s+%s[a-z][\w-]*)?)(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|across|while|and|with|for|at|compared|"
    r"over|than|when|under)\b)" % (_NOT_A_NOUN, _NOT_A_NOUN)
)
#: Our number against another's, in brackets after the metric they differ in: "significantly lower
#: kurtosis (340 vs 33,510)", "higher accuracy (85.2% vs. 80.1%)".
_VERSUS_METRIC = re.compile(
    r"\b(?:lower|higher|better|fewer|less|more|smaller|larger)\s+(%s[a-z][\w-]*(?:\s+%s[a-z][\w-]*)?)\s+\($"
    % (_NOT_A_NOUN, _NOT_A_NOUN)
)


#: The share of a resource a method uses, which names what it saves: "consuming only 29.8% of the
#: memory", "uses only 30% of the image token count", "using less than 0.01% training data of baselines".
_USES_BEFORE = re.compile(  # (only with a word that says it is little: "using 10% of the data" is a setting)
    r"\b(?:us(?:es|ing|e)|consum(?:es|ing|e)|requir(?:es|ing|e)|need(?:s|ing)?)\s+"
    r"(?:only\s+)?(?:only|just|merely|less\s+than|fewer\s+than)\s+$"
)
_USES_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?P<what>(?:[\w-]+\s+){0,2}?(?:memory|token\s+count|tokens|parameters"
    r"|compute|FLOPs|training\s+data|data|cost|time|energy|storage|GPU\s+hours|samples))\b"
)
#: A metric named by its acronym, of a number without a unit the method reaches: "achieves an FID-VID of
#: 6.98", "achieves an Evidence Lower Bound (ELBO) of 1.38" (an upper-case acronym, or one just defined).
_ACRONYM_OF = re.compile(
    r"\b(?:(?:achiev|reach|attain|obtain)\w*|with)\s+(?:an?\s+|the\s+)?(?:(?:best|lowest|highest|new|average)\s+)?"
    r"(?:[A-Z][\w-]*\s+){0,4}?(?:\((?P<defined>[A-Z][\w-]*)\)|(?P<acronym>[A-Z][A-Za-z0-9]*[A-Z][\w-]*))"
    r"\s+(?:score\s+)?of\s+$"
)


def metric_named(unit: str, after: str, before: str) -> tuple[str, str]:
    """Return a metric the gazetteer does not know, named in one of four shapes, and its rule."""
    if unit == "%" and _USES_BEFORE.search(before):
        used = _USES_AFTER.match(after)
        if used:
            return used.group("what"), "share-used"
    if not unit:
        acronym = _ACRONYM_OF.search(before)
        if acronym:
            return acronym.group("defined") or acronym.group("acronym"), "acronym-of"
    if unit == "%" and REACHES.search(before):
        named = _NAMED_AFTER.match(after)
        if named:
            return named.group(1), "reached-named-metric"
    versus = _VERSUS_METRIC.search(before)
    if versus and re.match(r"\s*(?:vs\.?|versus)\s*\d", after):
        return versus.group(1), "versus-bracket"
    return "", ""


#: What stands between a benchmark and its number: "GSM8K (98.1%)", "MATH-500: +30.1%".
_BENCHMARK_THEN = re.compile(r"(?:\s*\(|\s*:\s*)$")


def benchmark_before(sentence: str, match: re.Match[str], gazetteer: Gazetteer) -> str:
    """Return the benchmark a number with a unit is given for in a bracket or after a colon, "new best
    results on GSM8K (98.1%), AIME'24 (94.4%)", "(MATH-500: +30.1%, AMC23: +27.5%)", else ""."""
    between = _BENCHMARK_THEN.search(sentence, max(0, match.start() - 3), match.start())
    if not match.group("unit") or between is None or not re.match(r"\s*[),;]", sentence[match.end() :]):
        return ""
    for found in gazetteer.datasets.finditer(sentence, max(0, between.start() - 60), between.start()):
        if found.end() == between.start():
            return dataset_name(found)
    return ""
