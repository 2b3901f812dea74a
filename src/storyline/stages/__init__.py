"""One module per pipeline stage, named as in DESIGN.md.

``pipeline.py`` is the only place that knows their order.
"""
