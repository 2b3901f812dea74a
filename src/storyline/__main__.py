"""`python -m storyline` runs the command line."""

from storyline.cli import app

app(prog_name="storyline")
