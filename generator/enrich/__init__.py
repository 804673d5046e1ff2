"""Enrichers: per-paper ones take a paper and return a new one; catalog-wide ones see them all."""
