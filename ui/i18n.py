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
    "online_tiles": {"zh": "在线底图（OpenStreetMap，需联网）", "en": "Online basemap (OpenStreetMap, needs internet)"},
    "plan_districts": {"zh": "规划区", "en": "Plan districts"},
    "context_districts": {"zh": "宁波其他区县", "en": "Other Ningbo districts"},
    "documents": {"zh": "规划文件", "en": "Plan documents"},
    "no_layers": {
        "zh": "尚未生成图层。请运行 `python -m layers build`（`make run` 会自动生成）。",
        "en": "Layers are not built yet. Run `python -m layers build` (`make run` builds them).",
    },
}


def t(key: str, lang: str = "zh") -> str:
    """The text for `key` in `lang`, falling back to Chinese."""
    entry = _TEXTS[key]
    return entry.get(lang) or entry["zh"]
