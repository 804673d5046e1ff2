"""Turn the catalog into Markdown files: templates, rendering, and the one module that writes."""
