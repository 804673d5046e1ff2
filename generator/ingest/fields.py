"""Normalise the fields that different formats spell differently: ids, dates, names, lists."""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.utils import parsedate_to_datetime
from typing import Any

_ARXIV = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf)/|arxiv:|^)\s*"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v(?P<version>\d+))?(?:\.pdf)?\s*$",
    re.IGNORECASE,
)
_DOI = re.compile(r"(10\.\d{4,9}/\S+)")
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
#: A line end: only these end a line. `str.splitlines` also splits on form feeds, \x1c-\x1e, \x85,
#: U+2028 and U+2029, which pasted text carries inside a line.
LINE_END = re.compile(r"\r\n|\r|\n")
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}  # noqa: SIM905


def text(value: Any) -> str:
    """Return a field as one line of text; lists and missing values become ''."""
    if value is None or isinstance(value, (dict, list, tuple, bool)):
        return ""
    # JSON can spell lone surrogates ("\ud800") that no UTF-8 file can hold: make them "?".
    return " ".join(str(value).encode("utf-8", "replace").decode("utf-8").split())


def lines(content: str) -> list[str]:
    """Split text into lines at `\n`, `\r\n` and `\r` only; a final line end starts no empty line."""
    found = LINE_END.split(content)
    return found[:-1] if found and not found[-1] else found


def arxiv_id(value: Any) -> tuple[str, int | None]:
    """Split an arXiv id or URL into (id without version, version)."""
    match = _ARXIV.search(text(value))
    if not match:
        return "", None
    version = match.group("version")
    return match.group("id"), integer(version) if version else None


def doi(value: Any) -> str:
    """Return a DOI in lower case without resolver prefix, or ''."""
    match = _DOI.search(text(value))
    return match.group(1).rstrip(".").lower() if match else ""


def date(value: Any, month: Any = None) -> str:
    """Return `YYYY-MM-DD`, `YYYY-MM` or `YYYY` from an ISO date, a year and a month name, or ''."""
    raw = text(value)
    match = _DATE.search(raw)
    if not match:
        return ""
    year, mm, dd = match.groups()
    if mm is None and month is not None:
        name = text(month).lower()[:3]
        mm = f"{_MONTHS[name]:02d}" if name in _MONTHS else (f"{int(name):02d}" if name.isdigit() else None)
    return "-".join(part for part in (year, mm, dd) if part)


def names(value: Any) -> tuple[str, ...]:
    """Return author names from a list, or a string separated by ' and ', ';' or ','."""
    if isinstance(value, (list, tuple)):
        found = [text(v.get("name") if isinstance(v, dict) else v) for v in value]
    else:
        raw = text(value)
        separator = " and " if " and " in raw else (";" if ";" in raw else ",")
        found = [part.strip() for part in raw.split(separator)]
    return tuple(name for name in found if name)


def terms(value: Any) -> tuple[str, ...]:
    """Return a list of terms from a list or a space-, comma- or semicolon-separated string."""
    if isinstance(value, (list, tuple)):
        found: Iterable[str] = (text(v) for v in value)
    else:
        found = re.split(
            r"[;,]\s*|\s+" if "," not in text(value) and ";" not in text(value) else r"[;,]\s*", text(value)
        )
    return tuple(dict.fromkeys(t for t in found if t))


def integer(value: Any) -> int | None:
    """Return a whole number, or None (for infinity, NaN and digit strings beyond Python's limit too)."""
    try:
        return int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError, OverflowError):
        return None


def rfc2822_date(value: Any) -> str:
    """Return `YYYY-MM-DD` from a mail-style date (`Mon, 2 Apr 2007 19:18:42 GMT`), or ''."""
    try:
        return parsedate_to_datetime(text(value)).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""
