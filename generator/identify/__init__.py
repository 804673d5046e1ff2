"""Identify: who each paper is before anything is added to it.

`merge` makes one record of each paper listed by several sources; `papers` gives each its clean
title, short name and slug; `state` keeps slugs and URLs stable across builds and remembers what
the previous build showed.
"""
