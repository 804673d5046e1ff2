"""Identify: who each paper is before anything is added to it.

`merge` makes one record of each paper listed by several sources; `papers` gives each its clean
title, short name and slug; `state_file` reads, checks and writes the state file; `state` matches
each build's papers with it, so slugs and URLs stay stable across builds, and remembers what the
previous build showed.
"""
