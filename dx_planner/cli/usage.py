"""The command line's parser: a mistake in the command line is a user's mistake like any
other (see ``cli.main``)."""

from __future__ import annotations

import argparse
from typing import NoReturn, TypeAlias


class UsageParser(argparse.ArgumentParser):
    """An unknown option or a value out of range ends in one line naming the option and
    exit status 1, where argparse prints its usage block and exits 2. The subcommands'
    parsers are of this class too (``add_subparsers`` makes them so)."""

    def error(self, message: str) -> NoReturn:
        self.exit(1, f"{self.prog}: {message}\n")


#: What each command module adds its parser to.
Commands: TypeAlias = "argparse._SubParsersAction[UsageParser]"
