"""studykb: turn Markdown study logs into a MkDocs Material knowledge base.

The stages, one module each: ``parse`` (log text to session entries),
``link`` (entries to the knowledge model: session ids, concepts, where each line
names them), ``render`` (model to Markdown pages), ``write`` (pages to disk, only
when changed). ``pipeline`` runs them; tests/test_stages.py keeps them in that order.
"""
