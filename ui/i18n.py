"""UI texts in Chinese (default) and English."""

from __future__ import annotations

LANGUAGES = {"zh": "中文", "en": "English"}

_TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"zh": "规划地图 · 宁波江北区与鄞州区", "en": "Plan map · Ningbo Jiangbei & Yinzhou"},
    "overview": {"zh": "规划总览", "en": "Plan overview"},
    "overview_caption": {
        "zh": "江北区与鄞州区“十四五”规划的空间布局。地图无需联网即可显示。",
        "en": "Spatial layout of the Jiangbei and Yinzhou 14th Five-Year Plans. The map works offline.",
    },
    "language": {"zh": "语言", "en": "Language"},
    "nearby_page": {"zh": "我家附近", "en": "Near me"},
    "nearby_title": {"zh": "我家附近规划了什么？", "en": "What is planned near me?"},
    "nearby_caption": {
        "zh": "输入地名（如 慈城、宁波大学、下应街道），或在地图上点一下，或使用“我的位置”，查看附近的规划项目，由近及远。",
        "en": "Type a place (e.g. 慈城, 宁波大学), click the map, or use “my location” to see planned projects nearby, nearest first.",
    },
    "nearby_place": {"zh": "地点", "en": "Place"},
    "nearby_placeholder": {"zh": "输入地名，可输入部分名称", "en": "Type a place name (partial names work)"},
    "nearby_radius": {"zh": "范围", "en": "Radius"},
    "nearby_clicked": {"zh": "地图上选的点", "en": "Point picked on the map"},
    "nearby_clear_click": {"zh": "改用输入的地名", "en": "Use the typed place instead"},
    "nearby_unknown": {"zh": "找不到“{place}”。{detail}", "en": "Could not find “{place}”. {detail}"},
    "nearby_hint": {"zh": "请输入地名，或在地图上点选一个位置。", "en": "Type a place, or click a point on the map."},
    "nearby_locate": {"zh": "📍 我的位置", "en": "📍 My location"},
    "nearby_locate_denied": {"zh": "📍 无法获取位置", "en": "📍 Location unavailable"},
    "nearby_none": {"zh": "{radius}内没有已定位的规划项目。可以扩大范围试试。", "en": "No located projects within {radius}. Try a larger radius."},
    "nearby_district_only": {
        "zh": "另有 {n} 个项目只知道在{district}某处（不计入附近）",
        "en": "{n} more projects are known only to be somewhere in {district} (not counted as near)",
    },
    "col_distance": {"zh": "距离", "en": "Distance"},
    "col_name": {"zh": "项目", "en": "Project"},
    "col_category": {"zh": "类别", "en": "Category"},
    "col_words": {"zh": "规划原文", "en": "The plan's words"},
    "col_plan": {"zh": "出处", "en": "Plan › section"},
    "col_precision": {"zh": "位置精度", "en": "Location precision"},
    "read_in_plan": {"zh": "在原文中查看", "en": "Read it in the plan"},
    "source_page": {"zh": "规划原文", "en": "Plan text"},
    "unknown_document": {"zh": "没有文件 {doc}，已显示第一个文件。", "en": "No document {doc}; showing the first one."},
    "original_file": {"zh": "原始文件", "en": "original file"},
    "passage_at": {"zh": "高亮部分为原文第 {start}–{end} 个字符。", "en": "Highlighted: characters {start}–{end} of the document."},
    "basemap": {"zh": "底图", "en": "Basemap"},
    "basemap_none": {"zh": "离线矢量底图", "en": "Offline vector basemap"},
    "basemap_osm": {"zh": "OpenStreetMap（需联网）", "en": "OpenStreetMap (needs internet)"},
    "basemap_amap": {"zh": "高德地图（需联网，叠加层已转换为GCJ-02）", "en": "Amap (needs internet; overlays shifted to GCJ-02)"},
    "map_help": {
        "zh": "右上角“图层”面板可开关图层和筛选；左上角可搜索地名或项目；点击要素查看规划原文与位置来源。"
        "实线为精确位置，虚线或浅色为近似位置；仅知所在区的项目不画成精确位置。地址栏链接保存当前图层、视图和选中要素。",
        "en": "Use the Layers panel (top right) to toggle layers and filter; search places or projects (top left); "
        "click anything to read the plan's words and where its location comes from. Solid = exact, dashed or pale = "
        "approximate; projects known only by district are not drawn as if exact. The page URL keeps layers, view "
        "and selection, so it can be shared.",
    },
    "plan_districts": {"zh": "规划区", "en": "Plan districts"},
    "context_districts": {"zh": "宁波其他区县", "en": "Other Ningbo districts"},
    "documents": {"zh": "规划文件", "en": "Plan documents"},
    "document": {"zh": "文件", "en": "Document"},
    "no_layers": {
        "zh": "尚未生成图层。请运行 `python -m layers build`（`make run` 会自动生成）。",
        "en": "Layers are not built yet. Run `python -m layers build` (`make run` builds them).",
    },
}


def t(key: str, lang: str = "zh") -> str:
    """The text for `key` in `lang`, falling back to Chinese."""
    entry = _TEXTS[key]
    return entry.get(lang) or entry["zh"]
