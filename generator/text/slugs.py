"""Slugs: the lowercase ASCII names pages and files take, and how they are kept unique."""

from __future__ import annotations

import re
import unicodedata

_SLUG_MAX = 60
#: Every slug `slugify` and `unique` make, and the only ones a state file or taxonomy may name:
#: a slug becomes a file name, so `../` or `/` in one would write outside the docs folder.
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
#: Slugs a page may not take: the generated index pages live beside the pages they list.
RESERVED_SLUGS = frozenset({"index"})


def slugify(text: str, fallback: str) -> str:
    """Return a lowercase ASCII slug of at most 60 characters, cut at a word boundary.

    Text with no ASCII letter or digit left (a title in Chinese, a name of symbols) gets
    `fallback`, which names what the slug is for ("paper", "topic", "hub").
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > _SLUG_MAX:
        slug = slug[: _SLUG_MAX + 1].rsplit("-", 1)[0] if "-" in slug[:_SLUG_MAX] else slug[:_SLUG_MAX]
    return slug or fallback


def is_slug(text: object) -> bool:
    """Say whether `text` is a slug as the generator makes them (use it before a slug becomes a path)."""
    return isinstance(text, str) and SLUG.fullmatch(text) is not None


def unique(base: str, taken: set[str]) -> str:
    """Return `base`, or `base-2`, `base-3`... the first not in `taken` nor reserved."""
    slug, number = base, 1
    while slug in taken or slug in RESERVED_SLUGS:
        number += 1
        slug = f"{base}-{number}"
    return slug
