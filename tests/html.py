"""Read built pages in tests: BeautifulSoup lookups that fail, saying so, when a page lacks a part."""

from __future__ import annotations

from bs4 import Tag


def attribute(tag: Tag, name: str) -> str:
    """Return a single-valued attribute of a tag (href, content, name); fail when it has none."""
    value = tag.get(name)
    assert isinstance(value, str), f"{tag}: no {name} attribute"
    return value


def one(root: Tag, selector: str) -> Tag:
    """Return the first tag under `root` that matches a CSS selector; fail when none does."""
    found = root.select_one(selector)
    assert found is not None, f"nothing matches {selector!r}"
    return found


def following(tag: Tag, name: str) -> Tag:
    """Return the first `name` tag after `tag` in the page; fail when there is none."""
    found = tag.find_next(name)
    assert isinstance(found, Tag), f"no {name} after {tag}"
    return found
