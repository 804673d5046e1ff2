"""The results a text reports: a number with a metric beside it (`+6.91 BLEU`, `accuracy of 42.3%`,
`reduces memory by 65.5%`), or with a unit and the benchmark it was measured on (`42.3% on AIME-2024`).

A number without a metric or unit next to it is left out: precision comes first. Each result
records the rule that read its metric: "metric-after", "metric-described", "metric-before",
"comparative", "outcome-verb", "times", "listed-after-result", "listed-before-metric",
"reached-on-benchmark" (no unit: "achieving 7.9 in MT-Bench"), "share-retained" ("retains 98% of
LoRA's performance"), "reached-named-metric" and "versus-bracket" (a metric the gazetteer does not
know: "achieving 0% sink rate", "lower kurtosis (340 vs 33,510)"; see `result_shapes`), "share-used"
("using only 30% of the image token count", a reduction) and "acronym-of" ("an FID-VID of 6.98"),
"signed-change" (a sign says it is one: "(+5.59%)"), or "unit-and-benchmark" (also "GSM8K (98.1%)",
"MATH-500: +30.1%") and
"unit-and-lead-benchmark" (no metric: a score, on the benchmark after it or the one its sentence
opens on, "On LiveCodeBench, ...").
"""

from __future__ import annotations

import re

from generator.enrich.entities.datasets import dataset_name
from generator.enrich.entities.gazetteer import Gazetteer
from generator.enrich.entities.kinds import result_kind
from generator.enrich.entities.lists import QUALIFIER_WORDS, list_joint
from generator.enrich.entities.result_shapes import (
    REACHES,
    benchmark_before,
    metric_named,
    shared_baselines,
    unit_follows,
)

__all__ = ["QUALIFIER_WORDS", "find_results"]
from generator.model import Result, ResultKind
from generator.text.sentences import sentences

#: A comparative right after a number with a unit that says it is an outcome ("6x faster", "3x cheaper",
#: "79.1% fewer tokens", "25.9% higher ASR"), with the metric it stands for ("50% more data" may be a
#: setting as well as an outcome: left out). "X is 2.33 times slower than ours" is ours' speedup.
_COMPARATIVE_METRIC = {
    "faster": "speedup",
    "slower": "speedup",
    "cheaper": "reduction",
    "fewer": "reduction",
    "less": "reduction",
    "lower": "reduction",
    "smaller": "reduction",
    "compression": "reduction",
    "better": "improvement",
    "higher": "improvement",
    "more accurate": "improvement",
    "more effective": "improvement",
}
_NUMBER = re.compile(
    # A range is one result, as written: "by 26-54%", "2-4 points", "a 2-2.5x reduction", "7.4x -7.8x".
    # ("by3.1%": a space lost in the source; not the digits after a thousands comma, "1,000 times")
    # "1.13 to 43.3x" too, but not "from 17.7% to 78.7%" (two results: where it starts and ends).
    r"(?:(?<![\w.^@-])(?<!\d,)|(?<=\bby))(?P<value>[+-]?(?:\d+(?:\.\d+)?(?:%|x|\u00d7)?\s?(?:-|\u2013|--)\s?(?=\d)"
    r"|(?<!from\s)\d+(?:\.\d+)?\s+to\s+(?=\d+(?:\.\d+)?\s?(?:%|x|\u00d7)))?\d+(?:\.\d+)?)"
    r"(?P<unit>\s?%|\s?(?:\u00d7|x|X)(?![\w])|[-\s]?(?:points?|pp)(?![\w])|\s?(?:ms|seconds?|minutes?|hours?)(?![\w])"
    # "3times": what is left of LaTeX's \times; "119.2 times speedup"
    r"|times(?![\w])|\s?times(?=\s+(?:"
    + "|".join(_COMPARATIVE_METRIC)
    + r"|speed-?ups?|acceleration)\b))?(?![\w]|\.\d)"
)
#: Words that may stand between a number and its metric: "2.72x decoding speedup", "30% lower latency".
_MODIFIER = (
    r"(?!(?:of|the|a|an|in|on|for|to|with|and|or|than|at|by|as)\b)[A-Za-z][\w-]*\s+"  # ("63% GPU memory reduction")
)
#: (one word may stand between: "21.59x context compression", "5% lower latency"; not a dimension, as a
#: design's "32x spatial and 4x temporal compression" is its size, not an outcome)
_COMPARATIVE = re.compile(
    r" (?:(?!(?:while|whereas|but|which|when|is|are|was|were|than|spatial|temporal|channel)\b)%s)?(%s)\b"
    % (_MODIFIER, "|".join(_COMPARATIVE_METRIC))
)
#: An outcome verb with "by" before a number: "reduce parameters by up to 90%", "lowering average
#: TTFT and average JCT by 97% and 47%", "outperforms the baseline by 37.6%".
_CHANGED_BY = re.compile(
    r"\b(?P<verb>improv|boost|outperform|surpass|exceed|beat|lift|rais|enhanc|reduc|lower|cut|decreas|sav"
    r"|compress|shrink|accelerat"
    r"|speed(?:s|ing)?\s+up)\w*"
    # (a model's name between may hold digits: "outperforms GPT-5 by 34.7%"; another result may not)
    # (and one word between "by" and the number: "by up to", "by almost", "by fully")
    r"\b(?:[^.;%%]|\.(?=\w)){0,90}?(?:\b(?:by|from)\s+(?:(?:%s)\s+|an\s+average\s+of\s+|on\s+average\s+|[a-z]+\s+)?"
    # (or an example of how much: "outperforms prior arts on the MMVP-VLM benchmark, e.g., 6.0% on OpenAICLIP")
    r"|,\s+(?:e\.g\.|i\.e\.),?\s+(?:(?:%s)\s+)?)$" % (QUALIFIER_WORDS, QUALIFIER_WORDS)
)
#: A change said by its start, "increases answer accuracy on IMO problems from 33.3% to 77.8%" (not "by":
#: "we increase the batch size by 2x" is a setting).
_INCREASED_FROM = re.compile(
    r"\b(?:increas|elevat)\w*\b(?:[^.;%%]|\.(?=\w)){0,90}?\bfrom\s+(?:(?:%s)\s+)?$" % QUALIFIER_WORDS
)
_QUALIFIER = re.compile(
    # (a word and a sign together: "up to ~70%"; not the arrow of "74.4%->82.1%")
    # (and its article, kept as written: "up to a 31%")
    r"(?:(?<![\w-])(?:%s)\s+(?:an?\s+)?[<~\u2248\u2264\u2265]?|[<~\u2248\u2264\u2265]|(?<!-)>)$" % QUALIFIER_WORDS,
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
    found: list[tuple[int, Result]] = []  # (where each result's number is)
    shown_sentence = sentence.strip()  # (once: each result keeps it)
    lead = _lead_benchmark(sentence, gazetteer)
    previous: tuple[re.Match[str], str, str] | None = None  # the last result's number, metric and rule
    # Numbers with a unit and no metric yet, in a list that may end in one ("37.6% and 40.7%
    # improvements"): where each ended, its value shown, its benchmark and what kind it is.
    waiting: list[tuple[int, str, str, tuple[ResultKind, str]]] = []
    matches = list(_NUMBER.finditer(sentence))
    for index, match in enumerate(matches):
        borrowed = unit_follows(sentence, match, matches[index + 1 : index + 2])
        shown, unit, metric, rule = _number(match, sentence, gazetteer, borrowed)
        benchmark = _benchmark_after(sentence, match.end(), gazetteer) or benchmark_before(sentence, match, gazetteer)
        joint = _continues(sentence, previous[0], match) if previous and not metric else None
        if previous and joint:  # "by 26.8%, 20.2%, and 5.6%", "from 17.7% to 78.7%"
            # (where a change an outcome verb says ends is a score: "improves it from 5% to 27%")
            metric = "score" if joint == "to" and previous[2] == "outcome-verb" else previous[1]
            rule = "listed-after-result"
        if not metric and not unit and benchmark and REACHES.search(sentence, 0, match.start()):
            metric, rule = "score", "reached-on-benchmark"  # "achieving up to 7.9 in MT-Bench"
        kind = result_kind(sentence, match.start(), match.end(), metric)
        listed = bool(waiting) and list_joint(sentence[waiting[-1][0] : match.start()]) is not None
        if not metric and not (unit and (benchmark or lead)):
            previous = previous if not unit else None  # ("7% over ... across 8 tasks, and 10% over ...")
            waiting = [*(waiting if listed else []), (match.end(), shown, benchmark, kind)] if unit or borrowed else []
            continue
        if metric and listed:  # (each of the list is what its end is, unless its own words said otherwise)
            found += [
                (e, Result(w, metric, b, shown_sentence, "listed-before-metric", *(kind if k[0] == "score" else k)))
                for e, w, b, k in waiting
            ]
        waiting = []
        previous = (match, metric or "score", rule)
        benchmark, rule = benchmark or lead, rule or ("unit-and-benchmark" if benchmark else "unit-and-lead-benchmark")
        found.append((match.start(), Result(shown, metric or "score", benchmark, shown_sentence, rule, *kind)))
    return shared_baselines(found, sentence)


#: "substantial improvements in downstream task performance (up to 4.6% on ...)", "improves accuracy on
#: 16 tasks (up to 2%)"
_GAIN_BRACKETED = re.compile(
    r"\b(?:improv\w*|gains?|boost\w*|increas\w*)(?:\s+[\w-]+){0,7}\s+\(\s*(?:%s)\s+$" % QUALIFIER_WORDS
)
#: The share of a model's performance a method keeps: "retains 98% of LoRA's performance",
#: "preserves over 95% of accuracy", "recovering over 99% of performance gains".
_RETAINED_BEFORE = re.compile(r"\b(?:retain|preserv|recover|maintain|keep)\w*\s+(?:(?:%s)\s+)?$" % QUALIFIER_WORDS)
_RETAINED_AFTER = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w\u2019'-]+\s+){0,2}?(?:performance|accuracy|quality|capabilit)"
)
#: A sentence that opens on its benchmark: "On LiveCodeBench, rStar-Coder improves Qwen2.5-7B from
#: 17.4% to 57.3%".
_LEAD = re.compile(r"\s*(?:On|In)\s+(?:the\s+)?")


def _lead_benchmark(sentence: str, gazetteer: Gazetteer) -> str:
    """Return the benchmark a sentence opens on ("On X, ..."), or ""."""
    lead = _LEAD.match(sentence)
    match = gazetteer.datasets.match(sentence, lead.end()) if lead else None
    if match is None or not re.match(r"(?:\s+(?:benchmark|dataset|test\s+set))?\s*,", sentence[match.end() :]):
        return ""
    return dataset_name(match)


def _continues(sentence: str, previous: re.Match[str], match: re.Match[str]) -> str | None:
    """Return how a number continues the list of the result before it ("and", "to"; see `list_joint`):
    with a unit, or without one as the one before ("0.944 for Task Aggregate and 0.487 for overall
    Aggregate"); None if it does not."""
    joint = list_joint(sentence[previous.end() : match.start()])
    if joint is None or match.group("unit"):
        return joint
    value, before = match.group("value"), previous.group("value")
    same = not previous.group("unit") and "." in value and len(value.partition(".")[2]) == len(before.partition(".")[2])
    return joint if same else None


def _number(match: re.Match[str], sentence: str, gazetteer: Gazetteer, borrowed: bool) -> tuple[str, str, str, str]:
    """Return a number as shown, its unit, and the metric beside it with the rule that read it
    (`borrowed`: it has no unit of its own but the next number's, "by 4.85 and 10.88 points")."""
    value, unit = match.group("value"), (match.group("unit") or "").strip()
    if unit.startswith("-"):  # "a 24-point improvement" is 24 points
        unit = "points" if unit.startswith("-point") else unit[1:]
    after = sentence[match.end() : match.end() + 40]
    before = sentence[max(0, match.start() - 90) : match.start()]
    metric, rule = _metric_beside(after, before, gazetteer, has_unit=bool(unit) or borrowed)
    if not metric and not unit and value.startswith("+"):  # a sign says it is a change: "+6.8 jump in win-rates"
        metric, rule = _metric_beside(after, before, gazetteer, has_unit=True)
    if unit == "times":  # "11 times better", "3 times faster", "3times" (LaTeX's \\times)
        unit = "x"
        if after.lstrip().startswith(("faster", "slower", "better", "higher")):
            metric, rule = ("speedup" if after.lstrip().startswith(("faster", "slower")) else "improvement"), "times"
    if not metric and unit and value.startswith("+"):  # a sign says it is a change: "(+5.59%)", "MATH-500: +30.1%"
        metric, rule = "improvement", "signed-change"
    if not metric:
        metric, rule = metric_named(unit, sentence[match.end() : match.end() + 60], before)
    qualifier = _QUALIFIER.search(before)
    shown = value + (f" {unit}" if unit[:1].isalpha() and unit.lower() != "x" else unit)
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
    described = re.match(r" (?:%s){1,2}(?:in\s+|of\s+)?(%s)" % (_MODIFIER, gazetteer.metric.pattern), after)
    if described:
        return gazetteer.canonical_metric(described.group(1)), "metric-described"
    # "accuracy of 42.3%", "improves BLEU by 2.1 points", "a speedup of 1.8x"
    preceding = re.search(
        # "improvements of over 20%", "latency is approximately 100ms", "gains, i.e., 2-6%"
        r"(%s)(?:(?:[\s,]+[\w-]+){0,2}[\s,]+(?:of|by|to|from|reaches|at)|(?:\s+[\w-]+){0,4}\s+(?:is|was)(?:\s+only)?"
        r"|,\s+(?:i\.e\.|e\.g\.),?)(?:\s*(?:%s))?\s*$" % (gazetteer.metric.pattern, QUALIFIER_WORDS),
        before,
    )
    if preceding:
        return gazetteer.canonical_metric(preceding.group(1)), "metric-before"
    if _GAIN_BRACKETED.search(before):
        return "improvement", "metric-before"
    if _RETAINED_BEFORE.search(before) and _RETAINED_AFTER.match(after):
        return "retained performance", "share-retained"
    comparative = _COMPARATIVE.match(after)
    if comparative:  # "79.1% fewer tokens", "50x longer", "6x faster"
        return _COMPARATIVE_METRIC[comparative.group(1)], "comparative"
    return _outcome_verb(before)


def _outcome_verb(before: str) -> tuple[str, str]:
    """Return the change an outcome verb before a number says ("reduces memory by", "increases X from")."""
    if _INCREASED_FROM.search(before):
        return "improvement", "outcome-verb"
    changed = _CHANGED_BY.search(before)
    if changed:
        verb = changed.group("verb")
        if verb in ("reduc", "lower", "cut", "decreas", "sav", "compress", "shrink"):
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
