"""Turn the LaTeX debris of scraped abstracts into the text a reader should see."""

from __future__ import annotations

import re

from generator.model import Span, SpanKind
from generator.text.lookalike import strip_invisible
from generator.text.urls import BARE_HOSTS, URL_PATTERN, clean_url, trim_url

#: Macros that papers define for "our method"; they stand for the paper's short name.
GENERIC_MACROS = frozenset(
    {"method", "methodname", "ours", "ourmethod", "model", "modelname", "name", "system", "approach"}
)
_FORMATTING: dict[str, SpanKind] = {
    "textit": "em",
    "emph": "em",
    "textsl": "em",
    "mathit": "em",
    "textbf": "strong",
    "mathbf": "strong",
    "texttt": "code",
}
_SIMPLE_ESCAPES = {"%": "%", "&": "&", "_": "_", "#": "#", "$": "$", "{": "{", "}": "}"}

#: A URL written twice, as LaTeX's \url{} debris: "https://x.org{https://x.org}". Tried from the start of
#: each run of characters a URL may hold, up to its first "http" only: tried from every "http" of a long
#: run, it reads the run to its end each time. (Which "http" it starts at makes no difference: the URL
#: ends at the run's first brace either way.)
_URL_DUPLICATE = re.compile(
    r"(?<![^\s{}])(?>(?P<before>[^\s{}]*?)(?P<scheme>https?://))(?P<rest>[^\s{}]+)\{\s*https?://[^{}\s]*\s*\}"
)
#: A quotation in LaTeX's quotes; at most 500 characters, or a text of opening quotes with no closing
#: one is read to the end from each of them.
_DOUBLE_QUOTES = re.compile(r"``(.{1,500}?)''")
_SINGLE_QUOTES = re.compile(r"(?<![`\w])`([^`']+)'")
_ESCAPE = re.compile(r"\\([%&_#${}])")
_CONTROL_SPACE = re.compile(r"\\(?: |\\)")
_TIE = re.compile(r"(?<=\S)~(?=\S)")
_SIM_MACRO = re.compile(r"\$?\\sim\$?")
_SIM_BETWEEN = re.compile(r"(\d[A-Za-z%]{0,2}) sim (?=\d)")
_SIM_GLUED = re.compile(r"(?<![A-Za-z\\])sim(?=\d)")
_MATH = re.compile(r"\$([^$]{1,60}?)\$")
#: Math symbols, as a reader should see them: "1.47$\times$ the cost" is "1.47\u00d7 the cost", not
#: "1.47times" (written as escapes: several look like Latin letters).
_SYMBOLS = {
    "alpha": "\u03b1",
    "beta": "\u03b2",
    "gamma": "\u03b3",
    "delta": "\u03b4",
    "epsilon": "\u03b5",
    "varepsilon": "\u03b5",
    "zeta": "\u03b6",
    "eta": "\u03b7",
    "theta": "\u03b8",
    "vartheta": "\u03b8",
    "iota": "\u03b9",
    "kappa": "\u03ba",
    "lambda": "\u03bb",
    "mu": "\u03bc",
    "nu": "\u03bd",
    "xi": "\u03be",
    "pi": "\u03c0",
    "rho": "\u03c1",
    "sigma": "\u03c3",
    "tau": "\u03c4",
    "upsilon": "\u03c5",
    "phi": "\u03c6",
    "varphi": "\u03c6",
    "chi": "\u03c7",
    "psi": "\u03c8",
    "omega": "\u03c9",
    "Gamma": "\u0393",
    "Delta": "\u0394",
    "Theta": "\u0398",
    "Lambda": "\u039b",
    "Xi": "\u039e",
    "Pi": "\u03a0",
    "Sigma": "\u03a3",
    "Phi": "\u03a6",
    "Psi": "\u03a8",
    "Omega": "\u03a9",
    "times": "\u00d7",
    "approx": "\u2248",
    "le": "\u2264",
    "leq": "\u2264",
    "ge": "\u2265",
    "geq": "\u2265",
    "ne": "\u2260",
    "neq": "\u2260",
    "pm": "\u00b1",
    "mp": "\u2213",
    "cdot": "\u00b7",
    "to": "\u2192",
    "rightarrow": "\u2192",
    "leftarrow": "\u2190",
    "infty": "\u221e",
    "circ": "\u00b0",
    "partial": "\u2202",
    "nabla": "\u2207",
    "ell": "\u2113",
    "ldots": "\u2026",
    "cdots": "\u2026",
    "dots": "\u2026",
}
_DEGREES = re.compile(r"\^\{?\\circ\}?")
_SYMBOL = re.compile(r"\\(%s)(?![A-Za-z])" % "|".join(sorted(_SYMBOLS, key=len, reverse=True)))
_HREF = re.compile(r"\\href\{([^{}]*)\}\{([^{}]*)\}")
_MACRO_WITH_ARG = re.compile(r"\\(?:url|text|textrm|mathrm|mbox|cite\w*|ref)\{([^{}]*)\}")
_MACRO = re.compile(r"\\([A-Za-z]+)\b")
_INLINE = re.compile(
    r"(?P<url>%s)"
    r"|(?<![A-Za-z])\\?(?P<command>%s)\{(?P<argument>[^{}]*)\}"
    r"|_\{(?P<sub>[^{}]*)\}"
    r"|\^\{(?P<sup>[^{}]*)\}"
    r"|\{(?P<braced>[A-Za-z0-9][\w.+-]*)\}" % (URL_PATTERN.pattern, "|".join(_FORMATTING)),
    re.IGNORECASE,
)


#: What `_INLINE` can match starts with one of these; text without any is one plain span.
_MAY_HAVE_MARKUP = re.compile(r"[{]|https?://|%s" % "|".join(re.escape(h) for h in BARE_HOSTS), re.IGNORECASE)


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def expand_macros(text: str, short_name: str | None) -> str:
    """Replace undefined macros with the paper's short name when they stand for it."""

    def replace(match: re.Match[str]) -> str:
        word = match.group(1)
        if word in _FORMATTING:
            return match.group()
        if short_name and (word.lower() in GENERIC_MACROS or word.lower() == _squash(short_name)):
            return short_name
        return word

    return _MACRO.sub(replace, text)


def clean_latex(text: str, short_name: str | None = None) -> str:
    """Resolve escapes, quotes, ties, `sim` and macros; keep inline commands for `to_spans`."""
    # Each rewrite runs only when its trigger character is there: most text has none of them.
    if "{" in text:
        text = _URL_DUPLICATE.sub(r"\g<before>\g<scheme>\g<rest>", text)
    if "`" in text:
        text = _DOUBLE_QUOTES.sub("\u201c\\1\u201d", text)
        text = _SINGLE_QUOTES.sub("\u2018\\1\u2019", text)
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: _SIMPLE_ESCAPES[m.group(1)], text)
        text = _CONTROL_SPACE.sub(" ", text)
    if "~" in text:
        text = _TIE.sub(" ", text)
    if "sim" in text:
        text = _SIM_MACRO.sub("~", text)
        text = _SIM_BETWEEN.sub(r"\1~", text)
        text = _SIM_GLUED.sub("~", text)
    if "$" in text:
        text = _MATH.sub(lambda m: m.group(1) if re.search(r"[\\^_~]", m.group(1)) else m.group(), text)
    if "\\" in text:
        # \href keeps its text, and its target only when that is an http(s) address.
        text = _HREF.sub(lambda m: f"{m[2]} ({m[1]})" if re.match(r"https?://", m[1]) else m[2], text)
        text = _MACRO_WITH_ARG.sub(r"\1", text)
        text = _SYMBOL.sub(lambda m: _SYMBOLS[m.group(1)], _DEGREES.sub("°", text))
        text = expand_macros(text, short_name)
    return " ".join(text.split())


def to_spans(text: str) -> tuple[Span, ...]:
    """Split cleaned text into plain, formatted and link spans."""
    if not _MAY_HAVE_MARKUP.search(text):
        return (Span("text", text),) if text else ()  # most titles: nothing to split
    spans: list[Span] = []
    position = 0

    def plain(chunk: str) -> None:
        if not chunk:
            return
        if spans and spans[-1].kind == "text":
            spans[-1] = Span("text", spans[-1].text + chunk)
        else:
            spans.append(Span("text", chunk))

    for match in _INLINE.finditer(text):
        if match.start() < position:
            continue
        plain(text[position : match.start()])
        position = match.end()
        if match.group("url") is not None:
            url = clean_url(match.group())
            if url is None:
                plain(match.group())
                continue
            shown = trim_url(match.group())
            spans.append(Span("link", shown, url))
            plain(re.sub(r"(?i)\.git", "", match.group()[len(shown) :]))
        elif match.group("command") is not None:
            kind = _FORMATTING[match.group("command").lower()]
            spans.append(Span(kind, match.group("argument")))
        elif match.group("sub") is not None:
            spans.append(Span("sub", match.group("sub")))
        elif match.group("sup") is not None:
            spans.append(Span("sup", match.group("sup")))
        else:
            plain(match.group("braced"))
    plain(text[position:])
    return tuple(span for span in spans if span.text)


def flatten(spans: tuple[Span, ...]) -> str:
    """Render spans as plain text, keeping sub- and superscripts readable."""
    marks = {"sub": "_", "sup": "^"}
    return "".join(marks.get(span.kind, "") + span.text for span in spans)


def clean_title(raw: str) -> str:
    """Return a title as plain text without LaTeX debris or invisible characters."""
    return title_text(strip_invisible(raw))


def title_text(raw: str) -> str:
    """Return a title as plain text without LaTeX debris, invisible characters kept (see merge)."""
    return flatten(to_spans(clean_latex(raw)))
