"""URLs in text: find them, trim what a sentence put after them, and say whether one is usable."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

#: Addresses people paste without a scheme: a URL may start with one of these.
BARE_HOSTS = ("www.", "github.com/", "gitlab.com/", "huggingface.co/", "hf.co/")
_BARE = "|".join(re.escape(host) for host in BARE_HOSTS)
#: A URL with a scheme, or a bare code-host address that people paste without one.
URL_PATTERN = re.compile(r"(?:https?://|(?<![\w.@/-])(?:%s))[^\s<>\"'`{}|\\^]+" % _BARE, re.IGNORECASE)
_TRAILING = ".,;:!?'\"*"


def is_http_url(value: str) -> bool:
    """Say whether text is an http(s) URL whose host has a dot (`https://[x]/` and `https://x` are not)."""
    url = value if re.match(r"(?i)https?://", value) else "https://" + value
    try:
        parts = urlsplit(url)
    except ValueError:  # a bracketed host that is no IPv6 address: `https://[github.com/x`
        return False
    return parts.scheme.lower() in ("http", "https") and "." in parts.netloc


def trim_url(found: str) -> str:
    """Strip the sentence punctuation, unbalanced brackets and `.git` that follow a pasted URL.

    Linear in the URL's length: the brackets are counted once and the end moves back, so a URL
    followed by a long run of `)` is not recounted and copied for each one.
    """
    counts = {c: found.count(c) for c in "()[]"}
    end = len(found)
    while True:
        before = end
        while end and found[end - 1] in _TRAILING:
            end -= 1
        for closer, opener in ((")", "("), ("]", "[")):
            if end and found[end - 1] == closer and counts[closer] > counts[opener]:
                counts[closer] -= 1
                end -= 1
        if found[max(end - 4, 0) : end].lower() == ".git" and end >= 4:
            end -= 4
        if end == before:
            return found[:end]


def clean_url(found: str) -> str | None:
    """Return a clickable http(s) URL from a match, or None when nothing usable is left."""
    url = trim_url(found)
    if not re.match(r"(?i)https?://", url):
        url = "https://" + url
    if not is_http_url(url):  # also a bracketed host that is no IPv6 address (`https://[x]/repo`)
        return None
    # Percent-encode spaces, quotes and non-ASCII; `escape_url` handles the Markdown context.
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
