"""Command line: parses arguments, builds core objects, starts the TUI only when asked."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print("carbon-glossary", args)
    return 0
