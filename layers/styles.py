"""How layers look: one colour per project category, per structure kind and
for rail (the words for each precision are in view/text.py). Shared by the
planner's map, the tours and the nearby page, so a category looks the same everywhere."""

from __future__ import annotations

#: Project category key (layers/categories.py) → colour. Chosen to stay
#: distinguishable on the pale basemap; related categories share a hue family.
CATEGORY_COLORS: dict[str, str] = {
    "rail": "#6a3d9a",
    "roads": "#e15759",
    "transport_hubs": "#b07aa1",
    "hospitals": "#d62728",
    "schools": "#1f77b4",
    "social_services": "#17becf",
    "housing": "#bcbd22",
    "energy": "#ff7f0e",
    "water": "#4e79a7",
    "parks_green": "#2ca02c",
    "sports": "#59a14f",
    "culture_tourism": "#9c755f",
    "agriculture": "#8cd17d",
    "commerce": "#ff9da7",
    "industry_platforms": "#f28e2b",
    "development_blocks": "#e377c2",
    "digital": "#76b7b2",
    "environment": "#86bcb6",
    "innovation": "#edc948",
    "programs": "#a0a0a0",
    "other": "#7f7f7f",
}

#: Structure kind → style overrides for the client-side renderer. Colour is not
#: here: every structure (一带两轴三核四片, 三港三城 …) takes one hue of its own
#: (`STRUCTURE_HUES`), and its parts are shades of that hue, so a part never
#: borrows another layer's colour. No kind is dashed: on the map dashes mean
#: "planned" (lines) or "approximate" (area outlines), nothing else.
STRUCTURE_STYLES: dict[str, tuple[str, dict[str, object]]] = {
    "belt": ("#1b9e77", {"weight": 10, "opacity": 0.45, "fillOpacity": 0.18}),
    "axis": ("#d95f02", {"weight": 6}),
    "core": ("#c2185b", {"weight": 3, "fillOpacity": 0.35}),
    "zone": ("#7570b3", {"weight": 2, "fillOpacity": 0.15}),
    "block": ("#e6ab02", {"weight": 2, "fillOpacity": 0.25}),
    "ring": ("#66a61e", {"weight": 6, "opacity": 0.6}),
    "line": ("#a6761d", {"weight": 4}),
    "layout": ("#666666", {"weight": 2, "fillOpacity": 0.12}),
    "other": ("#666666", {"weight": 2, "fillOpacity": 0.12}),
}

#: One hue per drawn structure, in order of appearance; none is a project
#: category's, rail's, river's or place's colour (tests/ui/test_planmap_truth.py).
STRUCTURE_HUES: tuple[str, ...] = (
    "#00695c", "#ad1457", "#5d4037", "#283593", "#827717", "#6a1b9a",
    "#00838f", "#bf360c", "#33691e", "#4e342e", "#1565c0", "#880e4f",
    "#004d40", "#e65100", "#311b92", "#3e2723",
)

#: Shade of the structure's hue per kind: mix with white (>0) or black (<0).
_KIND_SHADE: dict[str, float] = {"belt": 0.45, "axis": -0.25, "core": 0.0, "zone": 0.3, "block": 0.15,
                                 "ring": 0.4, "line": -0.1, "layout": 0.55, "other": 0.55}

RAIL_COLORS: dict[str, str] = {"existing": "#4b0082", "planned": "#9b59b6", "station": "#2e4a7d"}
RIVER_COLOR = "#4a90c2"
PLACE_COLOR = "#34495e"

def category_color(key: str) -> str:
    """The colour of a project category (grey for an unknown key)."""
    return CATEGORY_COLORS.get(key, CATEGORY_COLORS["other"])


def structure_style(kind: str) -> tuple[str, dict[str, object]]:
    """(colour, style overrides) for a structure kind (belt, axis, core …)."""
    return STRUCTURE_STYLES.get(kind, STRUCTURE_STYLES["other"])


def structure_hue(index: int) -> str:
    """The hue of the `index`-th drawn structure (cycles past the list's end)."""
    return STRUCTURE_HUES[index % len(STRUCTURE_HUES)]


def structure_part_color(hue: str, kind: str) -> str:
    """A part's colour: its structure's hue, lighter or darker by the part's kind."""
    mix = _KIND_SHADE.get(kind, _KIND_SHADE["other"])
    rgb = [int(hue[i:i + 2], 16) for i in (1, 3, 5)]
    target = 255 if mix > 0 else 0
    out = [round(c + (target - c) * abs(mix)) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in out)
