"""Command line of `layers`: `python -m layers {build,report,...}`."""

from __future__ import annotations

import argparse
import importlib
import sys

#: Sub-command → module whose `main(argv)` runs it. Each module parses its own
#: arguments, so adding a command never touches the others.
COMMANDS: dict[str, str] = {
    "build": "layers.build",
    "report": "layers.report",
    "nearby": "layers.nearby",
    "tour-export": "layers.tours_export",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m layers")
    parser.add_argument("command", choices=sorted(COMMANDS))
    args, rest = parser.parse_known_args(argv[:1])
    module = importlib.import_module(COMMANDS[args.command])
    return int(module.main(rest + argv[1:]) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
