from __future__ import annotations

import pytest

from generator.model import Span
from generator.text.latex import clean_latex, clean_title, flatten, to_spans


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (r"improves by 3.5\% over", "improves by 3.5% over"),
        (r"the ``supervised pre-training'' setting", "the \u201csupervised pre-training\u201d setting"),
        (r"Pre-training~(MVP) for", "Pre-training (MVP) for"),
        (r"on tasks, e.g.\ reading", "on tasks, e.g. reading"),
        (r"with 100M sim 1B parameters", "with 100M~1B parameters"),
        (r"gains sim7\% on average", "gains ~7% on average"),
        (r"a $\sim$2x speedup", "a ~2x speedup"),
        # Math symbols as a reader sees them, not as bare words ("1.47times", "360^circ").
        (
            r"for 1.47$\times$ the cost at $\alpha \le 0.5$, $360^\circ\times180^\circ$",
            "for 1.47\u00d7 the cost at \u03b1 \u2264 0.5, 360\u00b0\u00d7180\u00b0",
        ),
        (r"the \timestamp and \methodname", "the timestamp and methodname"),
        (r"costs $100K to train", "costs $100K to train"),
        (r"a simple similar simulation", "a simple similar simulation"),
        (r"R\&D and C\_stack", "R&D and C_stack"),
        (r"see \href{https://x.org/a}{the code}.", "see the code (https://x.org/a)."),
        (r"see \href{javascript:alert(1)}{the code}.", "see the code."),
        (r"at \url{https://x.org/b}", "at https://x.org/b"),
        (r"see https://a.github.io/{https://a.github.io/}.", "see https://a.github.io/."),
        ("  spread \n over   lines ", "spread over lines"),
    ],
)
def test_clean_latex(raw: str, expected: str) -> None:
    assert clean_latex(raw) == expected


@pytest.mark.parametrize(
    ("raw", "short_name", "expected"),
    [
        (r"a method named ``\growlength'' to", "GrowLength", "a method named \u201cGrowLength\u201d to"),
        (r"we propose \methodname, from", "SwitchGPT", "we propose SwitchGPT, from"),
        (r"we present \ewtune, a DP", "EW-Tune", "we present EW-Tune, a DP"),
        (r"we present \methodname here", None, "we present methodname here"),
        (r"\ewtune~adds privacy", None, "ewtune adds privacy"),
    ],
)
def test_undefined_macros_become_the_short_name_or_their_bare_word(
    raw: str, short_name: str | None, expected: str
) -> None:
    assert clean_latex(raw, short_name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three textit{O}bstacles", (Span("text", "three "), Span("em", "O"), Span("text", "bstacles"))),
        (r"a \emph{new} idea", (Span("text", "a "), Span("em", "new"), Span("text", " idea"))),
        ("called G_{stack}, it", (Span("text", "called G"), Span("sub", "stack"), Span("text", ", it"))),
        ("x^{2} grows", (Span("text", "x"), Span("sup", "2"), Span("text", " grows"))),
        ("the {LoRA} adapter", (Span("text", "the LoRA adapter"),)),
        ("keeps {{ 7*7 }} literal", (Span("text", "keeps {{ 7*7 }} literal"),)),
        (
            "at https://github.com/a/b.git.",
            (Span("text", "at "), Span("link", "https://github.com/a/b", "https://github.com/a/b"), Span("text", ".")),
        ),
        (
            "(see https://github.com/linkedin/ControlLLM)",
            (
                Span("text", "(see "),
                Span("link", "https://github.com/linkedin/ControlLLM", "https://github.com/linkedin/ControlLLM"),
                Span("text", ")"),
            ),
        ),
    ],
)
def test_to_spans(text: str, expected: tuple[Span, ...]) -> None:
    assert to_spans(text) == expected


def test_titles_are_plain_text() -> None:
    assert clean_title(r"Scaling G_{stack} to 50\% \textit{More}") == "Scaling G_stack to 50% More"
    assert flatten((Span("text", "x"), Span("sup", "2"))) == "x^2"
