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
    "tours": {"zh": "演示路线", "en": "Presenter tours"},
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
    # Indicators page (pages/indicators.py).
    "ind_page": {"zh": "规划指标", "en": "Plan indicators"},
    "ind_caption": {
        "zh": "两区“十四五”主要指标（表2）与“十三五”完成情况（表1）。数值均按原文照录，文字目标（如“冲刺千亿”“按市下达”）不折算为数字；点击“原文”查看所在表格行。",
        "en": "Both districts' 14th Five-Year Plan targets (表2) and 13th plan results (表1). Values are as the plans "
        "write them; worded targets (e.g. 冲刺千亿, 按市下达) are never turned into numbers. “Source” opens the table row.",
    },
    "ind_table_choice": {"zh": "表格", "en": "Table"},
    "ind_table_2": {"zh": "表2 “十四五”主要指标", "en": "表2 14th plan targets"},
    "ind_table_1": {"zh": "表1 “十三五”完成情况", "en": "表1 13th plan results"},
    "ind_view": {"zh": "视图", "en": "View"},
    "ind_view_tables": {"zh": "指标表", "en": "Tables"},
    "ind_view_compare": {"zh": "两区对比", "en": "Comparison"},
    "ind_view_charts": {"zh": "图表", "en": "Charts"},
    "ind_view_map": {"zh": "地图", "en": "Map"},
    "ind_download": {"zh": "下载 CSV", "en": "Download CSV"},
    "ind_source": {"zh": "原文", "en": "Source"},
    "ind_group": {"zh": "分类", "en": "Group"},
    "ind_seq": {"zh": "序号", "en": "No."},
    "ind_name": {"zh": "指标", "en": "Indicator"},
    "ind_unit": {"zh": "单位", "en": "Unit"},
    "ind_base": {"zh": "基期值", "en": "Base"},
    "ind_base_year": {"zh": "基期年", "en": "Base year"},
    "ind_target": {"zh": "目标值", "en": "Target"},
    "ind_target_year": {"zh": "目标年", "en": "Target year"},
    "ind_growth": {"zh": "年均增长", "en": "Yearly growth"},
    "ind_attribute": {"zh": "属性", "en": "Attribute"},
    "ind_department": {"zh": "责任部门", "en": "Department"},
    "ind_result": {"zh": "完成情况", "en": "Result"},
    "ind_verdict": {"zh": "评价", "en": "Verdict"},
    "ind_flags": {"zh": "提取说明", "en": "Extraction notes"},
    "ind_note": {"zh": "说明", "en": "Note"},
    "ind_concept": {"zh": "对比指标", "en": "Compared indicator"},
    "ind_no_rows": {"zh": "该区规划中没有此表。", "en": "This district's plan has no such table."},
    "ind_pairs": {"zh": "两区均设的指标（按含义匹配，单位一致）", "en": "Indicators both districts set (matched by meaning, same unit)"},
    "ind_mismatch": {
        "zh": "含义相同但单位不同，未作比较：{items}",
        "en": "Same meaning but different units, so not compared: {items}",
    },
    "ind_unmatched": {"zh": "仅一区设置的指标", "en": "Indicators only one district sets"},
    "ind_district": {"zh": "区", "en": "District"},
    "ind_chart_base_target": {"zh": "基期值与目标值", "en": "Base vs target"},
    "ind_chart_growth": {"zh": "由基期值和目标值推算的年均变化", "en": "Implied yearly change from base to target"},
    "ind_chart_growth_help": {
        "zh": "数量指标为年均复合增速（%）；比例指标为每年变化的百分点。规划写明的年均增长见提示框。",
        "en": "Amounts: compound yearly rate (%); shares: percentage points a year. The plan's own yearly growth is in the tooltip.",
    },
    "ind_chart_target_result": {"zh": "“十三五”目标与完成值", "en": "13th plan target vs result"},
    "ind_not_charted": {
        "zh": "以下指标没有可作图的数值，按原文列出：",
        "en": "These have no numbers to chart; listed as written:",
    },
    "ind_stated_growth": {"zh": "规划写明的年均增长", "en": "Growth stated in plan"},
    "ind_implied": {"zh": "推算值", "en": "Implied"},
    "ind_value_kind": {"zh": "着色数值", "en": "Colour by"},
    "ind_pick": {"zh": "选择指标", "en": "Pick an indicator"},
    "ind_no_data": {"zh": "无数据（规划未设此指标）", "en": "No data (not in this plan)"},
    "ind_not_numeric": {"zh": "非数值目标，按原文", "en": "not a number; as written"},
    "ind_darker": {"zh": "颜色越深，数值越大", "en": "Darker = larger value"},
    "ind_figures": {"zh": "规划写明的地点数据", "en": "Figures the plan states for places"},
    "ind_figures_caption": {
        "zh": "从规划正文中按“到20XX年，某地……数字+单位”句式提取；仅知所在区的地点不在地图上画点。",
        "en": "Found in the plan text by the pattern “by 20XX, <place> … number + unit”; places known only by district are "
        "listed but not drawn.",
    },
    "ind_precision": {"zh": "位置精度", "en": "Location precision"},
    "ind_place": {"zh": "地点", "en": "Place"},
    "ind_year": {"zh": "年份", "en": "Year"},
    "ind_quote": {"zh": "规划原话", "en": "The plan's words"},
    "ind_value": {"zh": "数值", "en": "Value"},
}


def t(key: str, lang: str = "zh") -> str:
    """The text for `key` in `lang`, falling back to Chinese."""
    entry = _TEXTS[key]
    return entry.get(lang) or entry["zh"]
