"""Evaluation scripts, one per stage: `python eval/<stage>.py` prints precision/recall/F1."""
