"""Text helpers every stage shares, and the bottom layer: nothing here imports another stage.

LaTeX cleaning (`latex`), URLs in text (`urls`), slugs (`slugs`), names and acronyms (`names`),
sentences (`sentences`), invisible and look-alike characters (`lookalike`), characters XML cannot
hold (`xml`), and where a YAML error is (`yamlerrors`).
"""
