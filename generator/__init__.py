"""Paper Atlas: turn listings of research papers into a searchable MkDocs site."""

__version__ = "0.1.0"
