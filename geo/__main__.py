"""Command line of `geo`: `python -m geo lookup NAME`, `python -m geo crosscheck`, `python -m geo editor-hash NAME`,
`python -m geo suggest --source KEY [--accept-unambiguous --editor NAME]`,
`python -m geo import-places FILE --name-field … --datum … --source … --licence …`."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from geo.access.editors import ENV_VAR, hash_password
from geo.errors import GeoError
from geo.gazetteer import crosscheck_distances, load_gazetteer
from geo.geocode import Located, locate, unknown_place_message
from geo.settings import GAZETTEER_DIR

#: Fields printed for a place, in this order.
FIELDS = ("id", "name", "type", "lat", "lon", "precision", "method", "source")


def main(argv: list[str] | None = None) -> int:
    """Run one sub-command; returns the exit status (1 for an unknown name or bad data)."""
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.command == "editor-hash":
        return _editor_hash(args.name)
    if args.command == "suggest":
        return _suggest(args)
    if args.command == "import-places":
        return _import_places(args)
    try:
        gazetteer = load_gazetteer(args.gazetteer)
        if args.command == "crosscheck":
            table = crosscheck_distances(args.gazetteer / "crosscheck", gazetteer=gazetteer)
            print(table.to_string(index=False) if len(table) else "no cross-check rows")
            return 0 if table["within"].all() else 1
        found = locate(args.name, district=args.district, gazetteer=gazetteer)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if found is None:
        print(unknown_place_message(args.name, gazetteer), file=sys.stderr)
        return 1
    print(_render(found, as_json=args.json))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    parser.add_argument(
        "--gazetteer", type=Path, default=GAZETTEER_DIR, help="gazetteer folder (default: %(default)s)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    lookup = commands.add_parser("lookup", help="where a place name is, and how we know")
    lookup.add_argument("name", help="place name or alias as written, e.g. 慈城镇")
    lookup.add_argument("--district", help="document district, as name or adcode (江北区, 330205)")
    lookup.add_argument("--json", action="store_true", help="print one JSON object")
    commands.add_parser("crosscheck", help="distances of cross-check coordinates to entries")
    editor = commands.add_parser(
        "editor-hash", help=f"print the name:HASH line of an editor login for {ENV_VAR} or secrets [editors]"
    )
    editor.add_argument("name", help="the editor's login name")
    suggest = commands.add_parser(
        "suggest", help="match a place source against the gazetteer; write data/gazetteer/suggestions/KEY.csv"
    )
    suggest.add_argument("--source", required=True, help="source key: gazetteer, geonames, osm, metro, …")
    suggest.add_argument("--accept-unambiguous", action="store_true",
                         help="accept every unambiguous suggestion through the curation store (needs --editor)")
    suggest.add_argument("--editor", help=f"editor login name (from {ENV_VAR}); the password is asked for")
    _add_import_places(commands)
    return parser


def _suggest(args: argparse.Namespace) -> int:
    """Refresh one source's suggestions and, with --accept-unambiguous, accept the unambiguous ones."""
    from geo.access.editors import authenticate, configured_editors
    from geo.sources.registry import source as source_by_key
    from geo.sources.suggestions import SuggestionStore

    if args.accept_unambiguous and not args.editor:
        print("error: --accept-unambiguous needs --editor NAME (an editor login)", file=sys.stderr)
        return 1
    try:
        editor = None
        if args.accept_unambiguous:
            password = (getpass.getpass(f"password for {args.editor}: ") if sys.stdin.isatty()
                        else sys.stdin.readline().rstrip("\r\n"))
            editor = authenticate(args.editor, password, editors=configured_editors())
        source = source_by_key(args.source)
        store = SuggestionStore(args.gazetteer)
        gazetteer = store.curation.gazetteer()
        summary = store.refresh(source, gazetteer)
        print(f"{source.key}: {summary.unambiguous} unambiguous, {summary.ambiguous} ambiguous, "
              f"{summary.rejected} rejected places; {summary.waiting} suggestions waiting in {store.path(source.key)}")
        if editor is not None:
            report = store.accept_unambiguous(editor, source, gazetteer)
            for change in report.accepted:
                after = change.after or {}  # an accepted suggestion always sets a row
                print(f"accepted {change.place_id} ({after['name']}): {after['precision']} "
                      f"from {after['source'][:90]}")
            for refused in report.rejected:
                print(f"not applied {refused.place_id}: {refused.reason}", file=sys.stderr)
            store.refresh(source, store.curation.gazetteer())
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def _add_import_places(commands: argparse._SubParsersAction) -> None:
    from geo.sources.base import DATUMS
    from geo.sources.layer import FORMATS

    imp = commands.add_parser(
        "import-places", help=f"import a GIS layer as a place source ({', '.join(sorted(FORMATS))})")
    imp.add_argument("file", type=Path, help="the layer file")
    imp.add_argument("--name-field", required=True, help="the attribute holding the place names")
    imp.add_argument("--datum", required=True, help=f"datum of the coordinates: {', '.join(DATUMS)}")
    imp.add_argument("--source", required=True, help="where the layer comes from (who made it, which page)")
    imp.add_argument("--licence", required=True, help="the layer's licence, e.g. 'ODbL 1.0'")
    imp.add_argument("--layer", help="which layer of a multi-layer file (GeoPackage, KML)")
    imp.add_argument("--attribution", default="", help="credit line to show (default: the source)")
    imp.add_argument("--encoding", help="a CSV's encoding when it is not UTF-8, e.g. gb18030")
    imp.add_argument("--imports", type=Path, help="imports folder (default: GAZETTEER_DIR/imports)")


def _import_places(args: argparse.Namespace) -> int:
    """Import one layer; prints what was stored, or the reason nothing was."""
    from geo.sources.layer import import_layer, imports_dir

    try:
        meta = import_layer(args.file, name_field=args.name_field, datum=args.datum, source=args.source,
                            licence=args.licence, layer=args.layer, attribution=args.attribution,
                            encoding=args.encoding, directory=args.imports)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    folder = args.imports or imports_dir()
    print(f"imported {meta.features} named features from {meta.file} as '{meta.key}' into {folder}"
          f" (datum {meta.datum}; left out: {meta.skipped_unnamed} without a name, "
          f"{meta.skipped_outside} outside 宁波)")
    return 0


def _editor_hash(name: str) -> int:
    """Ask for a password twice (or read one line from a pipe) and print `name:HASH`."""
    if not name or any(c in name for c in ",:") or name != name.strip():
        print(f"error: editor name {name!r} must not be empty or contain , : or outer spaces", file=sys.stderr)
        return 1
    if sys.stdin.isatty():
        password = getpass.getpass(f"password for {name}: ")
        if getpass.getpass("again: ") != password:
            print("error: the passwords differ", file=sys.stderr)
            return 1
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        print(f"{name}:{hash_password(password)}")
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def _render(found: Located, *, as_json: bool) -> str:
    values = {field: getattr(found, field) for field in FIELDS}
    for field in ("lat", "lon"):
        if values[field] is not None:
            values[field] = round(values[field], 6)  # 1e-6° ≈ 0.1 m, finer than any source
    if as_json:
        return json.dumps(values, ensure_ascii=False)
    width = max(map(len, FIELDS))
    return "\n".join(f"{k:<{width}}  {'' if v is None else v}" for k, v in values.items())


if __name__ == "__main__":
    raise SystemExit(main())
