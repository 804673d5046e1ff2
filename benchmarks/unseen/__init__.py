"""Labelled sets of real papers nobody here tuned on, read from fetched public repositories (see README.md)."""
