"""studykb: turn Markdown study logs into a MkDocs Material knowledge base.

The stages, one module each: ``parse`` (log text to Session records),
``link`` (sessions to the knowledge model), ``render`` (model to Markdown
pages), ``write`` (pages to disk, only when changed). ``pipeline`` runs them.
"""
