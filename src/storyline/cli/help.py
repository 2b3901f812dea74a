"""Help text a person reads: ``PATH...`` rather than typer's ``{paths}...`` and ``<list[str]>``.

typer 0.29 prints each parameter's Python type (``<list[str]>``, ``<bool>`` for a flag) and puts a required
argument in braces on the usage line; ``metavar`` fixes options but not arguments. The command and group
classes here hand typer's parameters to two subclasses that print the metavar (``PATH...``) and leave the
type column of a flag empty; parsing is untouched. These hooks are typer's internals (typer 0.29 carries
its own copy of click as ``typer._click``), so ``tests/test_cli_help.py`` checks the printed help itself.
"""

from __future__ import annotations

from typer import _click as click
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


class _ReadableArgument(TyperArgument):
    def display_type_rich(self, ctx: click.Context) -> str | None:
        return None  # the name column already shows the metavar, PATH...

    def _usage_display_name(self) -> str:
        name = self.metavar or self.name or ""
        return name if self.required else f"[{name}]"


class _ReadableFlag(TyperOption):
    def display_type_rich(self, ctx: click.Context) -> str | None:
        return None  # a flag takes no value; typer would print <bool>


def _readable(params: list[click.Parameter]) -> list[click.Parameter]:
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = _ReadableArgument
        elif type(param) is TyperOption and param.is_flag:
            param.__class__ = _ReadableFlag
    return params


class ReadableCommand(TyperCommand):
    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return _readable(super().get_params(ctx))


class ReadableGroup(TyperGroup):
    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return _readable(super().get_params(ctx))
