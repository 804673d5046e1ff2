"""Text helpers every stage shares, and the bottom layer: nothing here imports another stage.

LaTeX cleaning (`latex`), URLs in text (`urls`), slugs (`slugs`), names and acronyms (`names`),
sentences (`sentences`), invisible and look-alike characters (`lookalike`), and where a YAML
error is (`yamlerrors`).
"""
