"""How a record was placed, in the reader's words: the popup's "位置来源" line.

`layers.locate` stores the note as names and codes (JSON in `location_note`,
with the `location_method`), never as prose; this module words it in Chinese
or English. A note that is not such JSON (a layer store built before the
change) is shown as it is.
"""

from __future__ import annotations

import json
from typing import Any

from view.text import has_text, t


def location_note(note: object, *, lang: str = "zh") -> str:
    """"潘火路站（项目文字提到的车站，取车站位置，不是项目本身的范围；近似位置，公开坐标）" and its English.

    `note` is the stored `location_note`; an empty or missing one (NaN, None) gives "".
    """
    if not isinstance(note, str) or not note:
        return ""
    try:
        args = json.loads(note) if note.startswith("{") else None
    except ValueError:
        args = None
    if not isinstance(args, dict):
        return note
    sep, method = t("list_sep", lang), str(args.get("location_method") or "")
    if method == "road_extent":
        return t("loc_road_extent", lang).format(road=args["road"], start=args["from"], end=args["to"])
    if method == "district_only":
        unlocated = args.get("unlocated") or []
        reason = (t("loc_reason_unlocated", lang).format(names=sep.join(unlocated)) if unlocated
                  else t("loc_reason_nothing", lang))
        return t("loc_district_only", lang).format(district=args["district"], reason=reason)
    if method == "members" and "members" in args:
        return t("loc_members", lang).format(names=sep.join(args["members"]))
    # One member place (or a way with no wording of its own): the place and how it is known.
    key = f"loc_{method}" if method != "members" and has_text(f"loc_{method}") else "loc_member"
    what = t(f"loc_seat_{args['seat']}", lang) if "seat" in args else ""
    return t(key, lang).format(place=args["place"], what=what, describe=_describe(args, lang))


def _describe(args: dict[str, Any], lang: str) -> str:
    precision, method = str(args.get("place_precision") or ""), str(args.get("place_method") or "")
    words = t("loc_describe", lang).format(
        precision=t(f"precision_{precision}", lang) if has_text(f"precision_{precision}") else precision,
        method=t(f"gaz_method_{method}", lang) if has_text(f"gaz_method_{method}") else method)
    sites = args.get("sites") or []
    return words + (t("loc_describe_sites", lang).format(sites=t("list_sep", lang).join(sites)) if sites else "")
