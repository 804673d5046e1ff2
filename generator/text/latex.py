"""Turn the LaTeX debris of scraped abstracts into the text a reader should see."""

from __future__ import annotations

import functools
import re
import unicodedata

from pylatexenc import latexwalker
from pylatexenc.latex2text import LatexNodes2Text

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
#: A command and what it takes: a word command with an optional braced argument (`\alpha`,
#: `\mathcal{O}`, `\methodname`), or an accent on a letter (`\'o`, `\"{u}`, `\c{c}`).
_COMMAND = re.compile(
    r"""\\(?:(?P<accent>['"`^~=.])\{?(?P<letter>[A-Za-z])\}?"""
    r"|(?P<name>[A-Za-z]+)(?![A-Za-z])(?:\{(?P<argument>[^{}]*)\})?)"
)
#: Letter commands that are accents: `\c{c}` is ç, `\v{s}` is š.
_LETTER_ACCENTS = frozenset("cvuHkrdbt")
_DEGREES = re.compile(r"\^\{?\\circ\}?")
#: Numbered HTML entities that lost their `&#` on the way: "scratchx2013even", "(7B)x2014a model".
_ENTITY_DEBRIS = re.compile(r"(?<=[A-Za-z)\]])x(201[3489cd]|2026)(?=[A-Za-z(])")
#: A superscript or subscript of one character in math ("10^5", "x_t"), braced for `to_spans`.
_BARE_SCRIPT = re.compile(r"([\^_])([A-Za-z0-9])")
#: A power of ten or two written outside math: "10^5", "2^16".
_BARE_POWER = re.compile(r"(?<=\d)\^(\d{1,3})(?![\d{])")
#: Math that is one symbol: `$W$`, `$k$`, `$N$`.
_ONE_SYMBOL = re.compile(r"[A-Za-z][A-Za-z0-9]{0,2}")
#: Two sentences glued at a full stop ("mechanisms.Experimental results"): a lower-case word of
#: three letters or more, then a capitalised word. Abbreviations ("e.g.", "U.S.") are shorter.
_GLUED_SENTENCES = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z][a-z]+\b)")
_TO_TEXT = LatexNodes2Text(math_mode="text", strict_latex_spaces=False)


_WALKER_CONTEXT = latexwalker.get_default_latex_context_db()


@functools.lru_cache(maxsize=4096)
def _required_arguments(name: str) -> int:
    """Return how many braced arguments a command pylatexenc knows requires (`frac`: 2; unknown: 0)."""
    spec = _WALKER_CONTEXT.get_macro_spec(name)
    return str(getattr(getattr(spec, "args_parser", None), "argspec", None) or "").count("{")


@functools.lru_cache(maxsize=4096)
def _latex_text(command: str) -> str:
    """Return what pylatexenc reads a command as ("" for a command it does not know).

    A command cut short by the data ("\\href{url}" with no second argument) makes pylatexenc fail
    inside its own macro handlers; such a command is read as its plain argument text instead.
    """
    try:
        return str(_TO_TEXT.latex_to_text(command))
    except (IndexError, latexwalker.LatexWalkerError):
        return re.sub(r"^\\[A-Za-z]+|[{}]", "", command)


#: Link commands: cut short by the data, they are left out rather than read as their word.
_LINKS = frozenset({"href", "url"})
_HREF = re.compile(r"\\href\{([^{}]*)\}\{([^{}]*)\}")
_MACRO_WITH_ARG = re.compile(r"\\(?:url|text|textrm|mathrm|mbox|cite\w*|ref)\{([^{}]*)\}")
#: Commands that pylatexenc reads as something other than what abstracts mean by them.
_NOT_SYMBOLS = frozenset({"sim"})
#: Font switches, which change how the text after them looks and say nothing ("{\\em Lorentzian}").
_SWITCHES = frozenset(
    [
        "em",
        "bf",
        "it",
        "rm",
        "sl",
        "sf",
        "tt",
        "sc",
        "up",
        "md",
        "bfseries",
        "itshape",
        "rmfamily",
        "sffamily",
        "ttfamily",
        "scshape",
        "upshape",
        "mdseries",
        "normalfont",
        "tiny",
        "scriptsize",
        "footnotesize",
        "small",
        "normalsize",
        "large",
        "Large",
        "LARGE",
        "huge",
        "Huge",
        "displaystyle",
        "textstyle",
        "scriptstyle",
    ]
)
_SWITCH = re.compile(r"\\(?:%s)(?![A-Za-z])\s*" % "|".join(sorted(_SWITCHES, key=len, reverse=True)))
_INLINE = re.compile(
    r"(?P<url>%s)"
    r"|(?<![A-Za-z])\\?(?P<command>%s)\{(?P<argument>[^{}]*)\}"
    r"|_\{(?P<sub>[^{}]*)\}"
    r"|\^\{(?P<sup>[^{}]*)\}"
    # a braced word or phrase, as BibTeX keeps its capitals: "{LoRA}", "{second-order optimization}"
    r"|\{(?P<braced>[A-Za-z0-9][\w.+()-]*(?: [\w.+()-]+){0,8})\}" % (URL_PATTERN.pattern, "|".join(_FORMATTING)),
    re.IGNORECASE,
)


#: What `_INLINE` can match starts with one of these; text without any is one plain span.
_MAY_HAVE_MARKUP = re.compile(r"[{]|https?://|%s" % "|".join(re.escape(h) for h in BARE_HOSTS), re.IGNORECASE)


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def expand_macros(text: str, short_name: str | None) -> str:
    """Read every command: symbols and accents as pylatexenc knows them (`\\times` is the multiplication sign,
    `B\\'ona` is Bóna), formatting kept for `to_spans`, and a command nobody defined as the
    paper's short name when it stands for it, else as its bare word."""

    def replace(match: re.Match[str]) -> str:
        name, argument = match.group("name"), match.group("argument")
        if name is None or (name in _LETTER_ACCENTS and argument is not None and len(argument) == 1):
            return _latex_text(match.group())  # an accent
        if name.lower() in _FORMATTING:
            return match.group()
        if name in _LINKS and argument is None:
            return ""  # cut short by the data: "\\href{url{text}" has no argument to read
        given = 0 if argument is None else 1
        required = _required_arguments(name)
        if required > given:
            # Its arguments did not come with it: `\\frac{\\sqrt{n}}{2}` is read as its word, and
            # an accent with nothing to sit on (`\\tilde\\Theta`) is left out.
            return "" if required == 1 else name
        known = _latex_text(match.group()) if name not in _NOT_SYMBOLS else ""
        if known.strip() and not all(unicodedata.combining(c) for c in known.strip()):
            return known
        if short_name and (name.lower() in GENERIC_MACROS or name.lower() == _squash(short_name)):
            word = short_name
        else:
            word = name
        return word if not argument else f"{word}{{{argument}}}"

    return _COMMAND.sub(replace, _SWITCH.sub("", text))


def _math(match: re.Match[str], short_name: str | None) -> str:
    """Return inline math as text: its commands read, its scripts braced for `to_spans`."""
    content = match.group(1)
    if _ONE_SYMBOL.fullmatch(content):
        return content
    if not re.search(r"[\\^_~]", content):
        return match.group()  # "$100K to train ... $": money, not math
    content = expand_macros(_DEGREES.sub("°", content), short_name)
    return _BARE_SCRIPT.sub(r"\1{\2}", content)


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
    if "x20" in text:
        text = _ENTITY_DEBRIS.sub(lambda m: chr(int(m.group(1), 16)), text)
    if "$" in text:
        text = _MATH.sub(lambda m: _math(m, short_name), text)
    if "\\" in text:
        # \href keeps its text, and its target only when that is an http(s) address.
        text = _HREF.sub(lambda m: f"{m[2]} ({m[1]})" if re.match(r"https?://", m[1]) else m[2], text)
        text = _MACRO_WITH_ARG.sub(r"\1", text)
        text = expand_macros(_DEGREES.sub("°", text), short_name)
    if "^" in text:
        text = _BARE_POWER.sub(r"^{\1}", text)
    if "." in text:
        text = _glued_sentences(text)
    return " ".join(text.split())


def _glued_sentences(text: str) -> str:
    """Put the space back between sentences glued at a full stop, outside URLs."""
    parts, position = [], 0
    for url in URL_PATTERN.finditer(text):
        parts += [_GLUED_SENTENCES.sub(". ", text[position : url.start()]), url.group()]
        position = url.end()
    parts.append(_GLUED_SENTENCES.sub(". ", text[position:]))
    return "".join(parts)


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
