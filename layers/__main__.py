"""Command line of `layers`: `python -m layers {build,report,...}`."""

from __future__ import annotations

import argparse
import importlib
import sys

#: Sub-command → module whose `main(argv)` runs it (or `module:function` when one
#: module serves several commands). Each module parses its own arguments, so
#: adding a command never touches the others.
COMMANDS: dict[str, str] = {
    "build": "layers.build",
    "report": "layers.report",
    "nearby": "view.nearby_command",  # words its answer, so it lives in view/ (imported only when run)
    "tour-export": "view.tours_export",  # draws a map, so it lives in view/ (imported only when run)
    "add": "layers.plan_edit:add_main",
    "replace": "layers.plan_edit:replace_main",
    "remove": "layers.plan_edit:remove_main",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m layers")
    parser.add_argument("command", choices=sorted(COMMANDS))
    args, rest = parser.parse_known_args(argv[:1])
    module_name, _, function = COMMANDS[args.command].partition(":")
    module = importlib.import_module(module_name)
    return int(getattr(module, function or "main")(rest + argv[1:]) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
