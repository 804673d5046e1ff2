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
        # A command the data cut short is no crash: its argument is kept as text.
        (r"on \href{https://hf.co/d/AM{AM}, and more", "on {https://hf.co/d/AM{AM}, and more"),
        (r"see https://a.github.io/{https://a.github.io/}.", "see https://a.github.io/."),
        ("  spread \n over   lines ", "spread over lines"),
        # Accents and symbols as pylatexenc reads them; commands nobody defined become their word.
        (r"results of B\'ona, Bousquet and Erd\H{o}s", "results of B\u00f3na, Bousquet and Erd\u0151s"),
        (r"a Fran\c{c}ais \"uber", "a Fran\u00e7ais \u00fcber"),
        (r"decompositions $c=\si_1\si_2 \cdots\si_d$ of", "decompositions c=si_{1}si_{2} \u22efsi_{d} of"),
        (r"in $\mathcal{O}(n^2)$ time", "in \U0001d4aa(n^{2}) time"),
        (r"weights $W$ and $k$ heads", "weights W and k heads"),
        (r"the {\em Lorentzian} path and $M_{\rm B}$", "the {Lorentzian} path and M_{B}"),
        (r"in $\tilde{O}(n)$, not \frac{\sqrt{n}}{2}", "in \u00d5(n), not frac{\u221a(n)}{2}"),
        (r"about 10^5 steps", "about 10^{5} steps"),
        # Numbered HTML entities that lost their "&#" on the way.
        (
            "rivaling Llama-2 (7B)x2014a model trained from scratchx2013even",
            "rivaling Llama-2 (7B)\u2014a model trained from scratch\u2013even",
        ),
        ("the 0x2014 register and Ax2014", "the 0x2014 register and Ax2014"),
        # Sentences glued at a full stop get their space back; abbreviations and URLs do not.
        ("validation mechanisms.Experimental results", "validation mechanisms. Experimental results"),
        (
            "e.g.BERT and the U.S.Army at https://a.org/Page.Html",
            "e.g.BERT and the U.S.Army at https://a.org/Page.Html",
        ),
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
        ("between {second-order optimization} and", (Span("text", "between second-order optimization and"),)),
        ("about 10^{5} steps", (Span("text", "about 10"), Span("sup", "5"), Span("text", " steps"))),
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
