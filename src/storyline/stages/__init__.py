"""The pipeline's stages, named as in DESIGN.md; ``pipeline.py`` is the only place that knows their order.

A stage of several modules is a package whose ``__init__`` is its contract — the functions the pipeline
calls, with the records they take and return, listed in ``__all__`` — and whose docstring maps the modules
inside: ``ingest``, ``clean``, ``entities``, ``dates``, ``claims``, ``copies``, ``stories``, ``ledger``, and
``quantities`` (whose contract the claims stage and the ledger call, not the pipeline). A stage of one job
is a module: ``language``, ``nlp``, ``timeline``. A stage imports records, ``config`` (its own section of
``Settings``), ``lexicons`` and, where it consumes another stage's output, that stage's contract; never the
store, the server or the CLI.
"""
