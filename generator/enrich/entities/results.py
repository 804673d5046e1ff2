"""The results a text reports: a number with a metric beside it (`+6.91 BLEU`, `accuracy of 42.3%`,
`reduces memory by 65.5%`), or with a unit and the benchmark it was measured on (`42.3% on AIME-2024`).

A number without a metric or unit next to it is left out: precision comes first. Each result
records the rule that read its metric: "metric-after", "metric-described", "metric-before",
"comparative", "outcome-verb", "times", "listed-after-result", "listed-before-metric", or
"unit-and-benchmark" (no metric: a score).
"""

from __future__ import annotations

import re

from generator.enrich.entities.datasets import dataset_name
from generator.enrich.entities.gazetteer import Gazetteer
from generator.enrich.entities.kinds import result_kind
from generator.model import Result, ResultKind
from generator.text.sentences import sentences

_NUMBER = re.compile(
    # A range is one result, as written: "by 26-54%", "2-4 points", "a 2-2.5x reduction".
    r"(?<![\w.^@-])(?P<value>[+-]?(?:\d+(?:\.\d+)?%?(?:-|\u2013|--)(?=\d))?\d+(?:\.\d+)?)(?P<unit>\s?%|\s?(?:\u00d7|x)(?![\w])|[-\s]?(?:points?|pp)(?![\w])"
    r"|\s?times(?=\s+(?:better|faster|higher|more|lower|less|fewer|smaller|cheaper)\b))?(?![\w]|\.\d)"
)
#: Words that may stand between a number and its metric: "2.72x decoding speedup", "30% lower latency".
_MODIFIER = r"(?!(?:of|the|a|an|in|on|for|to|with|and|or|than|at|by|as)\b)[a-z][\w-]*\s+"
#: An outcome verb with "by" before a number: "reduce parameters by up to 90%", "lowering average
#: TTFT and average JCT by 97% and 47%", "outperforms the baseline by 37.6%".
_CHANGED_BY = re.compile(
    r"\b(?P<verb>improv|boost|outperform|surpass|exceed|lift|rais|enhanc|reduc|lower|cut|decreas|sav|accelerat"
    r"|speed(?:s|ing)?\s+up)\w*"
    # (a model's name between may hold digits: "outperforms GPT-5 by 34.7%"; another result may not)
    r"\b[^.;%]{0,70}?\b(?:by|from)\s+(?:up\s*to\s+|about\s+|around\s+|over\s+|nearly\s+|approximately\s+|roughly\s+"
    r"|an\s+average\s+of\s+|on\s+average\s+)?$"
)
#: A comparative right after a number with a unit that says it is an outcome ("6x faster", "3x cheaper"),
#: with the metric it stands for. ("50% more data", "30% fewer tokens" may be a setting as well as an
#: outcome: left out.)
_COMPARATIVE_METRIC = {"faster": "speedup", "cheaper": "reduction", "better": "improvement"}
_COMPARATIVE = re.compile(r" (%s)\b" % "|".join(_COMPARATIVE_METRIC))
#: Between the numbers of one list: "26.8%, 20.2%, and 5.6%", "from 17.7% to 78.7%".
_LISTED_ON = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|to|/)\s*")
#: ... or after the benchmark of the one before: "success rates of 28.0% on AndroidWorld and 19.8% on
#: OSWorld", "15.3% accuracy on BrowseComp, 29.2% on BrowseComp-ZH".
_LISTED_AFTER_ON = re.compile(
    r"(?:\s+[a-z][\w-]*)?\s+(?:on|in)\s+(?:the\s+)?[A-Z][\w.+-]*(?:\s[\w.+-]+){0,2}\s*(?:,|,?\s*and|,?\s*or)\s*"
)
#: What the text says of a number's exactness, kept with it: "up to 65.5%", "over 20%", "<4.3%".
QUALIFIER_WORDS = (
    r"up\s*to|over|more\s+than|nearly|almost|about|around|approximately|roughly|at\s+least|less\s+than|under"
)
_QUALIFIER = re.compile(
    r"(?:(?<![\w-])(?:%s)\s+|[<~\u2248\u2264\u2265]|(?<!-)>)$" % QUALIFIER_WORDS,  # (not the arrow of "74.4%->82.1%")
    re.IGNORECASE,
)
_ON = re.compile(r"\s*(?:on|in|for)\s+(?:the\s+)?")
_WORD_THEN_ON = re.compile(r"\s+\w+\s+(?:on|in)\s+(?:the\s+)?")


def find_results(text: str, gazetteer: Gazetteer) -> tuple[Result, ...]:
    """Return the numbers the text reports next to a metric or with a unit and a benchmark."""
    results: list[Result] = []
    for sentence in sentences(text):
        results += _sentence_results(sentence, gazetteer)
    return tuple(results)


def _sentence_results(sentence: str, gazetteer: Gazetteer) -> list[Result]:
    results: list[Result] = []
    shown_sentence = sentence.strip()  # (once: each result keeps it)
    previous: tuple[int, str] | None = None  # where the last result ended, and its metric
    # Numbers with a unit and no metric yet, in a list that may end in one ("37.6% and 40.7%
    # improvements"): where each ended, its value shown, its benchmark and what kind it is.
    waiting: list[tuple[int, str, str, tuple[ResultKind, str]]] = []
    for match in _NUMBER.finditer(sentence):
        shown, unit, metric, rule = _number(match, sentence, gazetteer)
        kind = result_kind(sentence, match.start(), match.end())
        benchmark = _benchmark_after(sentence, match.end(), gazetteer)
        between = sentence[previous[0] : match.start()] if previous else ""
        if not metric and previous and unit and (_LISTED_ON.fullmatch(between) or _LISTED_AFTER_ON.fullmatch(between)):
            metric, rule = previous[1], "listed-after-result"  # "by 26.8%, 20.2%, and 5.6%", "from 17.7% to 78.7%"
        listed = bool(waiting) and bool(_LISTED_ON.fullmatch(sentence[waiting[-1][0] : match.start()]))
        if not metric and not (unit and benchmark):
            previous = None
            waiting = [*(waiting if listed else []), (match.end(), shown, benchmark, kind)] if unit else []
            continue
        if metric and listed:
            results += [Result(w, metric, b, shown_sentence, "listed-before-metric", *k) for _, w, b, k in waiting]
        waiting = []
        previous = (match.end(), metric or "score")
        results.append(Result(shown, metric or "score", benchmark, shown_sentence, rule or "unit-and-benchmark", *kind))
    return results


def _number(match: re.Match[str], sentence: str, gazetteer: Gazetteer) -> tuple[str, str, str, str]:
    """Return a number as shown, its unit, and the metric beside it with the rule that read it."""
    value, unit = match.group("value"), (match.group("unit") or "").strip()
    if unit.startswith("-"):  # "a 24-point improvement" is 24 points
        unit = "points" if unit.startswith("-point") else unit[1:]
    after = sentence[match.end() : match.end() + 40]
    before = sentence[max(0, match.start() - 90) : match.start()]
    metric, rule = _metric_beside(after, before, gazetteer, has_unit=bool(unit))
    if unit == "times":  # "11 times better", "3 times faster"
        unit, rule = "x", "times"
        metric = "speedup" if after.lstrip().startswith("faster") else "improvement"
    qualifier = _QUALIFIER.search(before)
    shown = value + (f" {unit}" if unit[:1].isalpha() else unit)
    said = qualifier.group().strip() if qualifier else ""
    return (said + " " if said[-1:].isalpha() else said) + shown, unit, metric, rule


def _metric_beside(after: str, before: str, gazetteer: Gazetteer, has_unit: bool) -> tuple[str, str]:
    """Return the metric named right after the number, or before it, and the rule that read it.

    Before it: for a number with a unit, "accuracy of 42.3%", "improves BLEU by 2.1 points" or an
    outcome verb ("reduces memory by up to 65.5%"); without a unit only "a perplexity of 3.02".
    """
    following = gazetteer.metric.match(after.lstrip())
    if following and after[: len(after) - len(after.lstrip())] in (" ", ""):
        return gazetteer.canonical_metric(following.group()), "metric-after"
    if not has_unit:
        # "a perplexity of 3.02", "reaches an accuracy of 71.2"
        named = re.search(r"(%s)\s+(?:of|by|reaches|reaching)\s+$" % gazetteer.metric.pattern, before)
        return (gazetteer.canonical_metric(named.group(1)), "metric-before") if named else ("", "")
    described = re.match(r" (?:%s){1,2}(%s)" % (_MODIFIER, gazetteer.metric.pattern), after)
    if described:
        return gazetteer.canonical_metric(described.group(1)), "metric-described"
    # "accuracy of 42.3%", "improves BLEU by 2.1 points", "a speedup of 1.8x"
    preceding = re.search(
        r"(%s)(?:(?:[\s,]+[\w-]+){0,2}[\s,]+(?:of|by|to|from|reaches|at)"
        # "improvements of over 20%"
        r"(?:\s+(?:over|up\s*to|about|nearly|almost|around|approximately|roughly|more\s+than))?"
        r"|(?:\s+[\w-]+){0,4}\s+(?:is|was)(?:\s+only)?)\s+$" % gazetteer.metric.pattern,
        before,
    )
    if preceding:
        return gazetteer.canonical_metric(preceding.group(1)), "metric-before"
    comparative = _COMPARATIVE.match(after)
    if comparative:  # "79.1% fewer tokens", "50x longer", "6x faster"
        return _COMPARATIVE_METRIC[comparative.group(1)], "comparative"
    changed = _CHANGED_BY.search(before)
    if changed:
        verb = changed.group("verb")
        if verb in ("reduc", "lower", "cut", "decreas", "sav"):
            return "reduction", "outcome-verb"
        return ("speedup" if verb.startswith(("accelerat", "speed")) else "improvement"), "outcome-verb"
    return "", ""


def _benchmark_after(sentence: str, end: int, gazetteer: Gazetteer) -> str:
    """Return the benchmark named by "on X" right after a number that ends at `end` (within a short
    phrase; read in place, as a copy of the rest of the sentence for every number is quadratic)."""
    on = _ON.match(sentence, end) or _WORD_THEN_ON.match(sentence, end)
    if not on:
        return ""
    match = gazetteer.datasets.match(sentence, on.end())
    return dataset_name(match) if match else ""
