"""The subcommands of ``carbon-glossary``, one module per group.

A module here defines ``register(subparsers, parents)``: it adds its parsers with
``subparsers.add_parser(name, parents=parents, help=t(...))`` and sets
``parser.set_defaults(handler=function)``, where ``function(args, context) -> int`` returns
the exit code (0 ok, 1 nothing found, 2 bad usage or bad input). To add a group, write the
module and name it in ``carbon_glossary.cli.COMMAND_MODULES``.

Handlers print through ``context.out`` / ``context.err`` and get the glossary from
``context.glossary()``, which prints every problem of an invalid glossary and raises
:class:`~carbon_glossary.subcommands.context.CommandFailed` (exit 2) so that every command
refuses it the same way.
"""
