"""UI texts in Chinese (default) and English: the one catalogue of every word the app shows.

`layers/` returns codes and numbers; `view/` and `ui/` word them through `t(key, lang)` here.
"""

from __future__ import annotations

from geo.gazetteer import PRECISIONS

LANGUAGES = {"zh": "中文", "en": "English"}

_TEXTS: dict[str, dict[str, str]] = {
    # {districts}: the districts of the plan catalog (江北区、鄞州区 as shipped).
    "app_title": {"zh": "规划地图 · {districts}", "en": "Plan map · {districts}"},
    "overview": {"zh": "规划总览", "en": "Plan overview"},
    "overview_caption": {
        "zh": "{districts}规划的空间布局。地图无需联网即可显示。",
        "en": "Spatial layout of the plans of {districts}. The map works offline.",
    },
    # One label in both languages: whoever cannot read the current one still finds the switch.
    "language": {"zh": "语言 · Language"},
    "nearby_page": {"zh": "我家附近", "en": "Near me"},
    "nearby_title": {"zh": "我家附近规划了什么？", "en": "What is planned near me?"},
    "nearby_caption": {
        "zh": "输入地名或地址（如 慈城、宁波大学、江北区大庆南路100号），或在地图上点一下，或使用“我的位置”，查看附近的规划项目，由近及远。",
        "en": "Type a place or an address (e.g. 慈城, 宁波大学, 江北区大庆南路100号), click the map, or use “my location” to see planned projects nearby, nearest first.",
    },
    "nearby_place": {"zh": "地点或地址", "en": "Place or address"},
    # The answer's one-line summary (view/nearby_words.py `nearby_summary`): "2 公里内有 12 个项目：道路桥梁 5 个、…".
    "nearby_summary": {"zh": "{dist}内有 {n} 个项目", "en": "{n} projects within {dist}"},
    "nearby_summary_parts": {"zh": "：{parts}", "en": ": {parts}"},
    "nearby_summary_part": {"zh": "{category} {n} 个", "en": "{n} {category}"},
    "list_sep": {"zh": "、", "en": ", "},
    # `python -m layers nearby` (view/nearby_command.py), in Chinese like the rest of its output.
    "cli_nearby_unplaced": {"zh": "（地址中的“{rest}”无法离线定位，已按“{name}”查找；位置精度：{precision}）",
                            "en": "(“{rest}” in the address cannot be placed offline; searched around “{name}”; "
                                  "location precision: {precision})"},
    "cli_nearby_district_only": {"zh": "另有 {n} 个项目仅知所在区（不计入附近）",
                                 "en": "{n} more projects known only by district (not counted as near)"},
    "nearby_placeholder": {"zh": "输入地名或地址，可输入部分名称", "en": "Type a place or an address (partial names work)"},
    "nearby_address_used": {
        "zh": "地址中的“{rest}”无法离线定位（没有门牌数据），已按“{name}”查找。位置精度：{precision}",
        "en": "“{rest}” in the address cannot be placed offline (there is no house-number data); searching around “{name}”. Location: {precision}",
    },
    "ningbo_city": {"zh": "宁波市", "en": "Ningbo (the whole city)"},
    "nearby_recognised": {
        "zh": "“{typed}”中认出了{place}（“{rest}”无法离线定位）。",
        "en": "In “{typed}”, {place} was recognised (“{rest}” cannot be placed offline). ",
    },
    "nearby_not_point_city": {
        "zh": "{place}是整个城市，不是一个点，无法按距离查找。下面按区列出规划项目；也可以在地图上点一下，查看那一点附近。",
        "en": "{place} is the whole city, not a point, so there is nothing to measure distances from. The plans' projects "
        "are listed by district below; or click the map to search around a point.",
    },
    "nearby_not_point_district": {
        "zh": "{place}是整个区，不是一个点，无法按距离查找。下面列出{place}的规划项目；也可以在地图上点一下，查看那一点附近。",
        "en": "{place} is a whole district, not a point, so there is nothing to measure distances from. {place}'s "
        "projects are listed below; or click the map to search around a point.",
    },
    "nearby_not_point_district_only": {
        "zh": "{place}目前只知道在{district}，没有具体位置，无法按距离查找。下面列出{district}的规划项目；也可以在地图上点一下{place}所在的位置。",
        "en": "{place} is so far known only to be in {district}, with no location of its own, so distances cannot be "
        "measured from it. {district}'s projects are listed below; or click where {place} is on the map.",
    },
    "nearby_not_point_unlocated": {
        "zh": "{place}尚未定位（只知道在{district}），无法按距离查找。下面列出{district}的规划项目；也可以在地图上点一下{place}所在的位置。",
        "en": "{place} has no location yet (it is known to be in {district}), so distances cannot be measured from it. "
        "{district}'s projects are listed below; or click where {place} is on the map.",
    },
    "nearby_district_list": {"zh": "{district}的 {n} 个规划项目", "en": "{n} planned projects in {district}"},
    "nearby_try_instead": {"zh": "已定位的相近地点：", "en": "Located places with a similar name:"},
    "nearby_search_at": {"zh": "查找{place}附近", "en": "Search near {place}"},
    "nearby_inferred": {
        "zh": "另有 {n} 个项目提到了附近的地点，但项目本身的位置不知道（位置只是从文字推断的，不按距离排序）",
        "en": "{n} more projects mention a place nearby, but where the project itself is is not known (inferred "
        "from the text only, not ranked by distance)",
    },
    "nearby_inferred_row": {
        "zh": "{name}（提到{via}，{via}距此 {distance}；项目本身位置未知）",
        "en": "{name} (mentions {via}, which is {distance} away; the project's own location is unknown)",
    },
    "precision_exact": {"zh": "精确位置", "en": "exact location"},
    "precision_approximate": {"zh": "近似位置", "en": "approximate location"},
    "precision_district": {"zh": "仅知所在区", "en": "known only by district"},
    "precision_unlocated": {"zh": "未定位", "en": "not located"},
    "method_own_place": {"zh": "位置就是项目本身（{precision}）", "en": "located as the project itself ({precision})"},
    "method_mentioned_station": {
        "zh": "位置借用文字提到的车站{place}，只是推断（{precision}）",
        "en": "location borrowed from the station {place} its text names; inferred only ({precision})",
    },
    "method_mentioned_place": {
        "zh": "位置借用文字提到的{place}，只是推断（{precision}）",
        "en": "location borrowed from {place}, which its text mentions; inferred only ({precision})",
    },
    "method_mentioned_seat": {
        "zh": "位置借用文字提到的街道/镇{place}的驻地，只是推断（{precision}）",
        "en": "location borrowed from the seat of {place}, which its text mentions; inferred only ({precision})",
    },
    "method_road_extent": {
        "zh": "按道路与两端道路推算的路段（{precision}）",
        "en": "the road's stretch between the two roads named ({precision})",
    },
    "method_members": {"zh": "由组成部分绘制（{precision}）", "en": "drawn from its parts ({precision})"},
    "method_district_only": {"zh": "仅知所在区", "en": "known only by district"},
    "nearby_unknown_place": {
        "zh": "地名表中没有“{place}”{close}。请换一个地名、街道或地标，或在地图上点选。",
        "en": "The gazetteer has no place named “{place}”{close}. Try another name, a street or a landmark, or click the map.",
    },
    "nearby_close_names": {"zh": "，相近的有：{names}", "en": "; close names: {names}"},
    "nearby_not_in_ningbo": {
        "zh": "“{place}”不在宁波范围内（请按“纬度,经度”输入，如 29.90,121.55）。",
        "en": "“{place}” is not in Ningbo (type latitude,longitude, e.g. 29.90,121.55).",
    },
    "nearby_origin_precision": {"zh": "中心位置：{precision}", "en": "Centre: {precision}"},
    "nearby_radius": {"zh": "范围", "en": "Radius"},
    "nearby_clicked": {"zh": "地图上选的点", "en": "Point picked on the map"},
    "nearby_clear_click": {"zh": "改用输入的地名", "en": "Use the typed place instead"},
    "nearby_hint": {"zh": "请输入地名，或在地图上点选一个位置。", "en": "Type a place, or click a point on the map."},
    # ◎, not an emoji: emoji depend on the fonts of the viewing machine and showed as empty boxes.
    "nearby_locate": {"zh": "◎ 我的位置", "en": "◎ My location"},
    "nearby_locate_denied": {"zh": "◎ 无法获取位置", "en": "◎ Location unavailable"},
    "nearby_none": {"zh": "{radius}内没有已定位的规划项目。可以扩大范围试试。", "en": "No located projects within {radius}. Try a larger radius."},
    "nearby_district_only": {
        "zh": "另有 {n} 个项目只知道在{district}某处（不计入附近）",
        "en": "{n} more projects are known only to be somewhere in {district} (not counted as near)",
    },
    "col_name": {"zh": "项目", "en": "Project"},
    "col_category": {"zh": "类别", "en": "Category"},
    "col_words": {"zh": "规划原文", "en": "The plan's words"},
    "col_precision": {"zh": "位置精度", "en": "Location precision"},
    "read_in_plan": {"zh": "在原文中查看", "en": "Read it in the plan"},
    "source_page": {"zh": "规划原文", "en": "Plan text"},
    "tours": {"zh": "演示路线", "en": "Presenter tours"},
    "unknown_document": {"zh": "没有文件 {doc}，已显示第一个文件。", "en": "No document {doc}; showing the first one."},
    "original_file": {"zh": "原始文件", "en": "original file"},
    "document_unreadable": {"zh": "无法读取文件 {doc}：{detail}", "en": "Cannot read document {doc}: {detail}"},
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
    "ind_compare_needs_two": {"zh": "对比需要至少两个区的规划设有此表的指标；目前只有：{districts}。",
                              "en": "A comparison needs two districts whose plans set this table's indicators; "
                                    "now only: {districts}."},
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
    # Curation page (pages/curation.py, ui/curation_*.py).
    "cur_page": {"zh": "校正地图", "en": "Fix the map"},
    "cur_unknown_title": {"zh": "地名库未收录的地名（{n}）", "en": "Names not in the gazetteer ({n})"},
    "cur_unknown_caption": {
        "zh": "规划原文中像地名、但地名库里没有的词（分词工具自动识别，可能有误），提到最多的排在前面。",
        "en": "Words of the plans that look like place names but are not in the gazetteer (found by a word "
        "tagger, so some may be wrong), most mentioned first.",
    },
    "cur_unknown_name": {"zh": "名称", "en": "Name"},
    "cur_unknown_mentions": {"zh": "提及次数", "en": "Mentions"},
    "cur_unknown_documents": {"zh": "文件数", "en": "Documents"},
    "cur_unknown_quote": {"zh": "首次出现处原文", "en": "First mention"},
    "cur_unknown_link": {"zh": "原文", "en": "Source"},
    "cur_title": {"zh": "校正地图：补定位、改近似、留记录", "en": "Fix the map: place the unlocated, correct the approximate, keep a history"},
    "cur_caption": {
        "zh": "列出规划提到但尚未定位或只是近似定位的地点，最需要的排在前面；每处修改都记录修改人、时间、原因和来源，可撤销。",
        "en": "Places the plans name that are unlocated or only approximate, most needed first. Every change records who, "
        "when, why and the source, and can be undone.",
    },
    "cur_read_only": {
        "zh": "只读模式：可查看待校正地点、原文和修改记录。编辑人员请在左侧登录后修改。",
        "en": "Read-only: the queue, the plan's words and the history are visible. Editors log in on the left to make changes.",
    },
    "cur_login": {"zh": "编辑人员登录", "en": "Editor login"},
    "cur_name": {"zh": "用户名", "en": "Name"},
    "cur_password": {"zh": "密码", "en": "Password"},
    "cur_login_button": {"zh": "登录", "en": "Log in"},
    "cur_logout": {"zh": "退出登录", "en": "Log out"},
    "cur_logged_in": {"zh": "已登录编辑：**{name}**", "en": "Editing as **{name}**"},
    "cur_no_editors": {
        "zh": "本站未配置编辑人员，校正页面为只读。",
        "en": "This deployment configures no editors; the page is read-only.",
    },
    "cur_config_error": {"zh": "编辑功能暂不可用（服务器配置有误，详情见服务器日志）。",
                         "en": "Editing is unavailable (a server configuration problem; see the server log)."},
    "cur_tab_places": {"zh": "待校正地点", "en": "Places to fix"},
    "cur_tab_records": {"zh": "未精确定位的项目", "en": "Records not drawn exactly"},
    "cur_tab_history": {"zh": "全部修改记录", "en": "All changes"},
    "cur_tab_files": {"zh": "导出 / 导入", "en": "Export / import"},
    "cur_tab_suggestions": {"zh": "来源建议", "en": "Suggestions"},
    "cur_sg_caption": {
        "zh": "公开数据与其他来源按名称找到的位置，等待编辑确认：{waiting} 条待定（无歧义 {unambiguous}）。接受即写入校正记录，可撤销。",
        "en": "Locations that public data and other sources offer by name, waiting for an editor: {waiting} waiting ({unambiguous} unambiguous). Accepting writes a curation change that can be undone.",
    },
    "cur_sg_source": {"zh": "来源", "en": "Source"},
    "cur_sg_none": {"zh": "暂无建议。运行 `python -m geo suggest --source KEY` 生成。",
                    "en": "No suggestions yet. Run `python -m geo suggest --source KEY`."},
    "cur_sg_pick": {"zh": "查看建议", "en": "Look at a suggestion"},
    "cur_sg_accept": {"zh": "接受此建议", "en": "Accept this suggestion"},
    "cur_sg_decline": {"zh": "拒绝此建议", "en": "Decline this suggestion"},
    "cur_sg_accept_all": {"zh": "接受全部无歧义建议（{n} 条）", "en": "Accept all unambiguous ({n})"},
    "cur_sg_accepted": {"zh": "已接受 {n} 条建议。", "en": "Accepted {n} suggestion(s)."},
    "cur_sg_declined": {"zh": "已拒绝该建议，不再提示。", "en": "Declined; it will not be offered again."},
    "cur_sg_read_only": {"zh": "登录编辑后可接受或拒绝建议。", "en": "Log in as an editor to accept or decline."},
    "cur_queue_caption": {
        "zh": "共 {n} 处：未定位 {unlocated}，近似 {approximate}，仅知所在区 {district}。排序：先未定位，再按依赖它的项目数与提及次数。",
        "en": "{n} places: {unlocated} unlocated, {approximate} approximate, {district} district only. Ranked unlocated "
        "first, then by records depending on it and mentions.",
    },
    "cur_q_id": {"zh": "编号", "en": "Id"},
    "cur_q_name": {"zh": "地名", "en": "Name"},
    "cur_q_type": {"zh": "类型", "en": "Type"},
    "cur_q_precision": {"zh": "精度", "en": "Precision"},
    "cur_q_mentions": {"zh": "提及次数", "en": "Mentions"},
    "cur_q_documents": {"zh": "文件数", "en": "Documents"},
    "cur_q_projects": {"zh": "依赖项目数", "en": "Records depending"},
    "cur_q_adcode": {"zh": "区划代码", "en": "Adcode"},
    "cur_q_note": {"zh": "说明", "en": "Note"},
    "cur_pick": {"zh": "选择地点", "en": "Pick a place"},
    "cur_pick_help": {"zh": "输入地名筛选，最需要校正的在前", "en": "Type to filter; most needed first"},
    "cur_type": {"zh": "类型", "en": "Type"},
    "cur_precision": {"zh": "位置精度", "en": "Precision"},
    "cur_method": {"zh": "方法", "en": "Method"},
    "cur_source": {"zh": "来源（必填）", "en": "Source (required)"},
    "cur_source_help": {
        "zh": "坐标或范围从哪里来：网页地址、地图名称、文件，或“现场踏勘”等",
        "en": "Where the location comes from: a page address, a map, a document, a site visit…",
    },
    "cur_note": {"zh": "说明", "en": "Note"},
    "cur_reason": {"zh": "修改原因（可选）", "en": "Reason (optional)"},
    "cur_prec_exact": {"zh": "精确", "en": "exact"},
    "cur_prec_approximate": {"zh": "近似", "en": "approximate"},
    "cur_prec_district": {"zh": "仅知所在区", "en": "district only"},
    "cur_prec_unlocated": {"zh": "未定位", "en": "unlocated"},
    "cur_contexts": {"zh": "规划原文中的 {n} 处提及", "en": "{n} mentions in the plans"},
    "cur_no_mentions": {"zh": "规划原文中没有提到这个地名。", "en": "The plans do not name this place."},
    "cur_all_contexts": {"zh": "显示全部 {n} 处", "en": "Show all {n}"},
    "cur_map_help": {
        "zh": "橙色为该地点当前的位置（虚线）；灰点为已定位的地名，供参考。",
        "en": "Orange: where the place is now (dashed); grey dots: located places, for orientation.",
    },
    "cur_map_help_editor": {
        "zh": "用地图左侧的工具画点、线或面；编辑按钮可调整当前形状，删除按钮可删去。保存的是绘制图层上的全部形状。",
        "en": "Draw a point, line or area with the tools on the left of the map; the edit tool reshapes the current "
        "shape, the bin deletes one. Everything on the drawing layer is saved.",
    },
    "cur_no_draw_tools": {
        "zh": "地图绘制工具未安装（运行 `python -m view.assets`，需要 npm）；仍可选择同一已有地点或输入经纬度。",
        "en": "The map's drawing tools are not installed (run `python -m view.assets`, which needs npm); "
        "“same as” and typed coordinates still work.",
    },
    "cur_how": {"zh": "定位方式", "en": "How to locate it"},
    "cur_how_draw": {"zh": "在地图上画", "en": "Draw on the map"},
    "cur_how_same": {"zh": "同一已有地点", "en": "Same as an existing place"},
    "cur_how_coords": {"zh": "输入经纬度", "en": "Type coordinates"},
    "cur_how_none": {"zh": "不画位置", "en": "No location"},
    "cur_draw_hint": {"zh": "尚未在地图上画出形状。", "en": "Nothing drawn on the map yet."},
    "cur_drawn": {
        "zh": "已画：{kind}，{n} 个顶点，代表点 {lon:.6f}, {lat:.6f}（WGS84）",
        "en": "Drawn: {kind}, {n} vertices, representative point {lon:.6f}, {lat:.6f} (WGS84)",
    },
    "cur_drawn_several": {
        "zh": "绘制图层上有 {n} 个形状，将一起保存为一个多部件形状；如只要新画的，请用删除按钮删去旧形状。",
        "en": "{n} shapes are on the drawing layer and are saved together as one multi-part shape; delete the old "
        "one with the bin if only the new one is meant.",
    },
    "cur_same_as": {"zh": "与哪个已有地点相同", "en": "The same place as"},
    "cur_same_as_help": {"zh": "例如：此处“外滩”即“老外滩”", "en": "e.g. this 外滩 is 老外滩"},
    "cur_lon": {"zh": "经度", "en": "Longitude"},
    "cur_lat": {"zh": "纬度", "en": "Latitude"},
    "cur_datum": {"zh": "坐标系", "en": "Datum"},
    "cur_datum_wgs84": {"zh": "WGS84（GPS、OpenStreetMap、维基百科）", "en": "WGS84 (GPS, OpenStreetMap, Wikipedia)"},
    "cur_datum_gcj02": {"zh": "GCJ-02（高德、腾讯）", "en": "GCJ-02 (Amap, Tencent)"},
    "cur_datum_bd09": {"zh": "BD-09（百度）", "en": "BD-09 (Baidu)"},
    "cur_save": {"zh": "保存", "en": "Save"},
    "cur_saved": {"zh": "已保存。", "en": "Saved."},
    "cur_refused": {"zh": "未保存：{detail}", "en": "Not saved: {detail}"},
    "cur_conflict": {
        "zh": "未保存：{detail}。请点“重新载入”查看最新位置；您填写的内容会保留。",
        "en": "Not saved: {detail}. Press “Reload” to see the latest location; what you typed is kept.",
    },
    "cur_reload": {"zh": "重新载入", "en": "Reload"},
    "cur_rebuilding": {"zh": "正在更新地图图层…", "en": "Updating the map layers…"},
    "cur_rebuilt": {"zh": "地图已更新（{summary}）。", "en": "The map is updated ({summary})."},
    "cur_rebuild_failed": {
        "zh": "但地图图层未能更新：{detail}。请运行 `python -m layers build`。",
        "en": "But the map layers could not be updated: {detail}. Run `python -m layers build`.",
    },
    "cur_history": {"zh": "修改记录", "en": "History"},
    "cur_no_history": {"zh": "尚无修改记录。", "en": "No changes yet."},
    "cur_no_row": {"zh": "（无）", "en": "(none)"},
    "cur_h_time": {"zh": "时间（UTC）", "en": "Time (UTC)"},
    "cur_h_place": {"zh": "地点", "en": "Place"},
    "cur_h_editor": {"zh": "修改人", "en": "Editor"},
    "cur_h_action": {"zh": "操作", "en": "Action"},
    "cur_h_before": {"zh": "修改前", "en": "Before"},
    "cur_h_after": {"zh": "修改后", "en": "After"},
    "cur_h_reason": {"zh": "原因", "en": "Reason"},
    "cur_h_source": {"zh": "来源", "en": "Source"},
    "cur_action_set": {"zh": "修改", "en": "set"},
    "cur_action_undo": {"zh": "撤销", "en": "undo"},
    "cur_action_import": {"zh": "导入", "en": "import"},
    "cur_undo_reason": {"zh": "撤销原因（可选）", "en": "Reason for undoing (optional)"},
    "cur_undo": {"zh": "撤销最近一次修改（{change}）", "en": "Undo the latest change ({change})"},
    "cur_undone": {"zh": "已撤销。", "en": "Undone."},
    "cur_records_caption": {
        "zh": "{n} 条项目或空间结构只知道所在区，或只是近似位置；“依赖地点”为定位它们所需的地名。",
        "en": "{n} projects or structures known only by district or drawn approximately; “places” are those their "
        "location depends on.",
    },
    "cur_rec_id": {"zh": "编号", "en": "Id"},
    "cur_rec_kind": {"zh": "类别", "en": "Kind"},
    "cur_rec_name": {"zh": "名称", "en": "Name"},
    "cur_rec_doc_id": {"zh": "文件", "en": "Document"},
    "cur_rec_start": {"zh": "起", "en": "Start"},
    "cur_rec_end": {"zh": "止", "en": "End"},
    "cur_rec_precision": {"zh": "精度", "en": "Precision"},
    "cur_rec_place_ids": {"zh": "依赖地点编号", "en": "Place ids"},
    "cur_rec_place_names": {"zh": "依赖地点", "en": "Places"},
    "cur_rec_location_note": {"zh": "位置说明", "en": "Location note"},
    "cur_rec_link": {"zh": "原文", "en": "Source"},
    "cur_export_caption": {
        "zh": "已校正的 {n} 个地点，可导出供审核（GeoJSON 为 WGS84）。",
        "en": "{n} curated places, exported for review (GeoJSON in WGS84).",
    },
    "cur_export_geojson": {"zh": "导出 GeoJSON", "en": "Export GeoJSON"},
    "cur_export_csv": {"zh": "导出 CSV", "en": "Export CSV"},
    "cur_import_caption": {
        "zh": "导入审核后的 GeoJSON 或 CSV（导出的格式，最大 {mb} MB）。逐行检查坐标系、几何、是否在宁波市内、类型与来源；合格的行生效，不合格的逐行列出。",
        "en": "Import a reviewed GeoJSON or CSV (the export formats, up to {mb} MB). Every row is checked (CRS, "
        "geometry, inside Ningbo, type, source); good rows are applied, every rejected row is listed.",
    },
    "cur_import_file": {"zh": "审核后的文件", "en": "Reviewed file"},
    "cur_import_button": {"zh": "导入", "en": "Import"},
    "cur_imported": {"zh": "已导入 {n} 处修改。", "en": "Imported {n} changes."},
    "cur_import_unreadable": {"zh": "无法导入 {name}：{detail}", "en": "Cannot import {name}: {detail}"},
    "cur_import_summary": {
        "zh": "**{name}**：接受 {accepted} 行，拒绝 {rejected} 行，{unchanged} 行与现有相同。",
        "en": "**{name}**: {accepted} rows accepted, {rejected} rejected, {unchanged} already as in the file.",
    },
    "cur_import_accepted": {"zh": "已更新：", "en": "Updated: "},
    "cur_r_row": {"zh": "行", "en": "Row"},
    "cur_r_place": {"zh": "地点", "en": "Place"},
    "cur_r_reason": {"zh": "拒绝原因", "en": "Why rejected"},
    # 规划文件 Plans: the catalog, and adding / replacing / removing a plan (editors).
    "plans_page": {"zh": "规划文件", "en": "Plans"},
    "plans_caption": {
        "zh": "地图所读的规划文件。编辑者可以添加任一区县的规划（文本、Word、带文字层的 PDF、网页），替换或删除；图层随即重建。",
        "en": "The plan documents the map reads. Editors can add a plan of any county-level district (text, Word, "
              "PDF with a text layer, web page), replace or remove one; the layers are rebuilt at once.",
    },
    "plans_read_only": {"zh": "登录为编辑者后可添加、替换或删除规划文件。",
                        "en": "Log in as an editor to add, replace or remove plans."},
    "plans_col_title": {"zh": "标题", "en": "Title"},
    "plans_col_district": {"zh": "区县", "en": "District"},
    "plans_col_adcode": {"zh": "行政区划代码", "en": "Adcode"},
    "plans_col_kind": {"zh": "类型", "en": "Kind"},
    "plans_col_date": {"zh": "日期", "en": "Date"},
    "plans_col_publisher": {"zh": "发布单位", "en": "Publisher"},
    "plans_col_projects": {"zh": "项目", "en": "Projects"},
    "plans_col_structures": {"zh": "空间结构", "en": "Structures"},
    "plans_col_indicators": {"zh": "指标", "en": "Indicators"},
    "plans_col_text": {"zh": "原文", "en": "Text"},
    "plans_tab_add": {"zh": "添加", "en": "Add"},
    "plans_tab_replace": {"zh": "替换", "en": "Replace"},
    "plans_tab_remove": {"zh": "删除", "en": "Remove"},
    "plans_add_caption": {
        "zh": "格式：.txt（UTF-8、GB18030、UTF-16、Big5，自动识别）、.docx、带文字层的 .pdf（扫描件不行）、.html（只取可见文字）。区县填代码或名称。",
        "en": "Formats: .txt (UTF-8, GB18030, UTF-16, Big5, detected), .docx, .pdf with a text layer (not a scan), "
              ".html (visible text only). District: adcode or name.",
    },
    "plans_file": {"zh": "文件（最大 {mb} MB）", "en": "File (up to {mb} MB)"},
    "plans_district": {"zh": "区县（代码或名称）", "en": "District (adcode or name)"},
    "plans_title_field": {"zh": "标题（留空则取第一行）", "en": "Title (empty: the first line)"},
    "plans_kind": {"zh": "类型", "en": "Kind"},
    "plans_date": {"zh": "日期", "en": "Date"},
    "plans_publisher": {"zh": "发布单位", "en": "Publisher"},
    "plans_to_simplified": {"zh": "繁体（Big5）文本转为简体", "en": "Convert traditional (Big5) text to simplified"},
    "plans_add_button": {"zh": "添加规划", "en": "Add plan"},
    "plans_choose_replace": {"zh": "要替换的规划", "en": "Plan to replace"},
    "plans_choose_remove": {"zh": "要删除的规划", "en": "Plan to remove"},
    "plans_replace_confirm": {"zh": "确认用新文件替换此规划的文字", "en": "Yes, replace this plan's text by the new file"},
    "plans_replace_button": {"zh": "替换", "en": "Replace"},
    "plans_remove_confirm": {"zh": "输入要删除的规划编号以确认", "en": "Type the plan's id to confirm"},
    "plans_remove_button": {"zh": "删除规划", "en": "Remove plan"},
    "plans_no_file": {"zh": "请先选择文件。", "en": "Choose a file first."},
    "plans_no_district": {"zh": "请填写区县（代码或名称）。", "en": "Give the district (adcode or name)."},
    "plans_confirm_first": {"zh": "请先勾选确认。", "en": "Tick the confirmation first."},
    "plans_confirm_id": {"zh": "未删除：请输入编号 {id} 以确认。", "en": "Not removed: type the id {id} to confirm."},
    "plans_working": {"zh": "正在读取并重建图层…", "en": "Reading and rebuilding the layers…"},
    "plans_refused": {"zh": "未作任何修改：{reason}（{detail}）", "en": "Nothing was changed: {reason} ({detail})"},
    "plans_why_refused": {"zh": "无法完成此操作", "en": "the change was refused"},
    "plans_why_disk": {"zh": "无法写入文件（磁盘已满或只读）", "en": "the files cannot be written (disk full or read-only)"},
    "plans_why_unreadable": {"zh": "文件无法读取", "en": "the file cannot be read"},
    "plans_why_format": {"zh": "不支持的文件格式（可用 .txt .docx .pdf .html）",
                         "en": "unsupported format (use .txt, .docx, .pdf, .html)"},
    "plans_why_empty": {"zh": "文件是空的", "en": "the file is empty"},
    "plans_why_no_chinese": {"zh": "文件中没有中文文字", "en": "the file has no Chinese text"},
    "plans_why_binary": {"zh": "这是二进制文件，不是文本", "en": "this is a binary file, not text"},
    "plans_why_encoding": {"zh": "无法识别文字编码，请另存为 UTF-8",
                           "en": "the encoding is not recognised; save it as UTF-8"},
    "plans_why_docx": {"zh": "不是可读的 .docx 文件", "en": "not a readable .docx file"},
    "plans_why_pdf": {"zh": "不是可读的 PDF 文件", "en": "not a readable PDF"},
    "plans_why_protected": {"zh": "PDF 有密码保护", "en": "the PDF is password-protected"},
    "plans_why_scanned": {"zh": "PDF 没有文字层（扫描件），请先做文字识别（OCR）或上传文本",
                          "en": "the PDF has no text layer (a scan); run OCR first or upload the text"},
    "plans_why_too_large": {"zh": "文件超过 50 MB", "en": "the file is larger than 50 MB"},
    "plans_why_unknown_district": {"zh": "找不到这个区县", "en": "no such county-level district"},
    "plans_why_ambiguous_district": {"zh": "有多个同名区县，请填代码或全称",
                                     "en": "several districts have this name; give the adcode or the full name"},
    "plans_why_duplicate": {"zh": "这份文字已在目录中", "en": "this text is already in the catalog"},
    "plans_why_same_text": {"zh": "新文件与现有文字相同", "en": "the new file has the same text"},
    "plans_why_unknown_plan": {"zh": "目录中没有这个规划", "en": "no such plan in the catalog"},
    "plans_why_only_plan": {"zh": "这是目录中唯一的规划", "en": "it is the only plan in the catalog"},
    "plans_why_tour": {"zh": "有演示路线引用了它的内容，请先修改演示路线",
                       "en": "a tour cites its records; edit the tour first"},
    "plans_why_busy": {"zh": "目录刚被别人修改，请重试", "en": "the catalog was just changed by someone else; try again"},
    "plans_why_kind": {"zh": "类型只能用小写字母、数字和连字符", "en": "the kind must be lower-case letters, digits and '-'"},
    "plans_why_date": {"zh": "日期格式应为 YYYY、YYYY-MM 或 YYYY-MM-DD", "en": "write the date as YYYY, YYYY-MM or YYYY-MM-DD"},
    "plans_warn_no_records": {"zh": "在这份文字中没有找到项目、空间结构或指标；可用 python -m layers report 查看读取情况。",
                              "en": "No projects, structures or indicators were found in this text; "
                                    "python -m layers report shows what was read."},
    "plans_warn_traditional_kept": {"zh": "文字为繁体（Big5），按原样保存；提取规则读取简体，可能找到的内容较少（可勾选“转为简体”重新添加）。",
                                    "en": "The text is Big5 (traditional) and kept as written; the extraction rules "
                                          "read simplified text, so few records may be found (tick “convert” to convert it)."},
    "plans_done_added": {"zh": "已添加 {title}（{district}，编号 {id}）：{counts}；图层已重建（{seconds} 秒）。",
                         "en": "Added {title} ({district}, id {id}): {counts}; layers rebuilt in {seconds} s."},
    "plans_done_replaced": {"zh": "已替换 {title}（编号 {id}）：{counts}；图层已重建（{seconds} 秒）。",
                            "en": "Replaced {title} (id {id}): {counts}; layers rebuilt in {seconds} s."},
    "plans_done_removed": {"zh": "已删除 {title}（编号 {id}）；图层已重建（{seconds} 秒）。",
                           "en": "Removed {title} (id {id}); layers rebuilt in {seconds} s."},
    # Planner's map (static/planmap.js through view/planmap.py): what is not drawn, stacks, labels.
    "pm_unplaced": {"zh": "未定位 · 读原文", "en": "Not located · read the plan"},
    "pm_unplaced_group": {"zh": "未在图上的规划内容", "en": "Plan items not on the map"},
    "pm_unplaced_parts": {"zh": "{n} 个部分未定位", "en": "{n} parts not located"},
    "pm_unplaced_all": {"zh": "全部未定位", "en": "none located"},
    "pm_unplaced_projects": {"zh": "{district}：仅知所在区的项目（{n}）", "en": "{district}: projects known only by district ({n})"},
    "pm_unplaced_note": {
        "zh": "图上没有画出这一项：规划原文没有给出可定位的位置。",
        "en": "This item is not drawn: the plan gives no location that could be placed.",
    },
    "pm_structure": {"zh": "空间结构", "en": "Structure"},
    "pm_project": {"zh": "项目", "en": "Project"},
    "pm_close": {"zh": "关闭", "en": "Close"},
    "pm_stacked": {
        "zh": "此处共有 {n} 个项目画在同一点：位置借自“{place}”，不是各项目自己的位置。图上已将它们错开显示。",
        "en": "{n} projects are drawn on this one point: the location is borrowed from “{place}”, not each project's own. "
              "They are spread apart on the map.",
    },
    "source_site": {"zh": "来源网站：{sites}", "en": "source site: {sites}"},
    # Planner's map panel, search, popups and legend (view/planmap.py hands them to static/planmap.js).
    "pm_layers": {"zh": "图层", "en": "Layers"},
    "pm_search": {"zh": "搜索", "en": "Search"},
    "pm_search_placeholder": {"zh": "搜索地名或项目，如“慈城”“文创”", "en": "Search places or projects, e.g. 慈城"},
    "pm_search_none": {"zh": "没有匹配的地名或项目", "en": "No place or project matches"},
    "pm_document": {"zh": "文件", "en": "Document"},
    "pm_section": {"zh": "章节", "en": "Section"},
    "pm_lead_unit": {"zh": "牵头单位", "en": "Lead unit"},
    "pm_precision": {"zh": "位置精度", "en": "Location precision"},
    "pm_location_source": {"zh": "位置来源", "en": "Location source"},
    "pm_read_source": {"zh": "在原文中查看 ↗", "en": "Read it in the plan ↗"},
    "pm_g_structures": {"zh": "空间结构", "en": "Spatial structures"},
    "pm_g_projects": {"zh": "项目（按类别）", "en": "Projects by category"},
    "pm_g_rail": {"zh": "轨道与铁路", "en": "Rail"},
    "pm_g_places": {"zh": "地名", "en": "Places"},
    "pm_f_district": {"zh": "区", "en": "District"},
    "pm_f_plan": {"zh": "规划文件", "en": "Plan document"},
    "pm_f_cat": {"zh": "项目类别", "en": "Project category"},
    "pm_rail_existing": {"zh": "已建轨道与铁路", "en": "Existing rail and metro"},
    "pm_rail_planned": {"zh": "规划/在建轨道与铁路", "en": "Planned / under construction rail"},
    "pm_stations": {"zh": "车站", "en": "Stations"},
    "pm_rivers": {"zh": "江河", "en": "Rivers"},
    "pm_places": {"zh": "已定位地名", "en": "Located places"},
    "pm_district_only": {"zh": "仅知所在区的项目", "en": "Projects known only by district"},
    "pm_district_only_name": {"zh": "{district}：{n} 个项目仅知所在区", "en": "{district}: {n} projects known only by district"},
    "pm_legend_exact": {"zh": "精确位置：实线、实色", "en": "Exact location: solid"},
    "pm_legend_approx": {"zh": "近似位置：浅色，面为虚线边", "en": "Approximate: pale, areas dashed"},
    "pm_legend_planned": {"zh": "规划或在建：长虚线", "en": "Planned or under construction: long dashes"},
    "pm_legend_district_only": {"zh": "仅知所在区：灰色圆圈，不是精确位置", "en": "Known only by district: grey circle, not a location"},
    "pm_related": {"zh": "提到同一地点的规划内容（{n}）", "en": "Plan items naming the same place ({n})"},
    "pm_related_more": {"zh": "另有 {n} 条", "en": "{n} more"},
    "pm_not_drawn": {"zh": "未在图上", "en": "not on the map"},
    "pm_related_doc": {"zh": "（{doc}）", "en": " ({doc})"},
    # Short names of the document kinds, to tell apart structures of the same name.
    "doc_kind_five-year-plan": {"zh": "十四五纲要", "en": "14th FYP"},
    "doc_kind_government-work-report": {"zh": "政府工作报告", "en": "work report"},
    "doc_kind_regional-integration-plan": {"zh": "长三角规划", "en": "YRD plan"},
    "doc_kind_press-feature": {"zh": "报道", "en": "press"},
    # Editors' GIS layer import (ui/layer_import.py).
    "imp_toggle": {"zh": "导入 GIS 图层作为地点来源", "en": "Import a GIS layer as a place source"},
    "imp_caption": {"zh": "GeoPackage、压缩的 Shapefile（.zip）、GeoJSON、KML、含经纬度或 WKT 列的 CSV、OpenStreetMap（.osm/.osm.pbf），最大 {mb} MB。选择名称字段并声明坐标系；来源和许可必填。导入的图层只提供候选地点，不会直接改动地图。", "en": "GeoPackage, zipped Shapefile (.zip), GeoJSON, KML, CSV with lon/lat or WKT columns, OpenStreetMap (.osm/.osm.pbf), up to {mb} MB. Choose the name field and declare the datum; source and licence are required. An imported layer only offers candidate places; it changes nothing on the map by itself."},
    "imp_file": {"zh": "图层文件", "en": "Layer file"},
    "imp_layer": {"zh": "图层", "en": "Layer"},
    "imp_encoding": {"zh": "CSV 编码", "en": "CSV encoding"},
    "imp_name_field": {"zh": "名称字段", "en": "Name field"},
    "imp_datum": {"zh": "坐标系（必填）", "en": "Datum (required)"},
    "imp_source": {"zh": "图层来源（必填）", "en": "Source of the layer (required)"},
    "imp_licence": {"zh": "许可（必填）", "en": "Licence (required)"},
    "imp_attribution": {"zh": "署名（可选）", "en": "Credit line (optional)"},
    "imp_button": {"zh": "导入图层", "en": "Import layer"},
    "imp_choose": {"zh": "请选择", "en": "Choose"},
    "imp_incomplete": {"zh": "请选择名称字段和坐标系，并填写来源和许可。", "en": "Choose the name field and the datum, and give the source and the licence."},
    "imp_done": {"zh": "已导入 {file}：{n} 个有名称的要素（坐标系 {datum}；无名称未导入 {unnamed} 个，宁波以外未导入 {outside} 个）。", "en": "Imported {file}: {n} named features (datum {datum}; left out {unnamed} without a name, {outside} outside 宁波)."},
    "imp_refused": {"zh": "未导入 {file}：{detail}", "en": "{file} was not imported: {detail}"},
    "imp_imported": {"zh": "已导入的图层", "en": "Imported layers"},
    "imp_none": {"zh": "尚未导入图层。", "en": "No layer imported yet."},
    "imp_datum_wgs84": {"zh": "WGS84（GPS、OpenStreetMap）", "en": "WGS84 (GPS, OpenStreetMap)"},
    "imp_datum_cgcs2000": {"zh": "CGCS2000（天地图、国家测绘成果）", "en": "CGCS2000 (天地图, national survey data)"},
    "imp_datum_gcj02": {"zh": "GCJ-02（高德、腾讯）", "en": "GCJ-02 (高德/Amap, Tencent)"},
    "imp_datum_bd09": {"zh": "BD-09（百度）", "en": "BD-09 (Baidu)"},
    "imp_too_large": {"zh": "文件有 {mb} MB，超过 {limit_mb} MB 的上限；请先裁剪到宁波范围或拆分", "en": "{mb} MB is more than the {limit_mb} MB limit"},
    # After a refusal worded by `layer_refusal`; English keeps the exception's own "; nothing was imported".
    "imp_nothing_imported": {"zh": "。未导入任何内容。", "en": "; nothing was imported"},
    # How a record was placed (view/location_words.py words `location_note`, stored as names and codes).
    "loc_own_place": {"zh": "{place}（是该项目本身；{describe}）", "en": "{place} (the project itself; {describe})"},
    "loc_mentioned_station": {
        "zh": "{place}（项目文字提到的车站，取车站位置，不是项目本身的范围；{describe}）",
        "en": "{place} (a station the project's text names: the station's location, not the project's own extent; "
              "{describe})",
    },
    "loc_mentioned_place": {"zh": "{place}（项目文字提到的地点；{describe}）",
                            "en": "{place} (a place the project's text names; {describe})"},
    "loc_mentioned_seat": {"zh": "{place}（项目文字提到的街道/镇，取其{what}；{describe}）",
                           "en": "{place} (a 街道/镇 the project's text names: its {what}; {describe})"},
    "loc_seat_area": {"zh": "街道/镇范围，不是项目位置", "en": "area, not the project's location"},
    "loc_seat_geonames": {"zh": "街道/镇驻地点（GeoNames），不是项目位置",
                          "en": "seat (GeoNames), not the project's location"},
    "loc_seat_point": {"zh": "街道/镇代表点，不是项目位置", "en": "representative point, not the project's location"},
    "loc_member": {"zh": "{place}（{describe}）", "en": "{place} ({describe})"},
    "loc_members": {"zh": "由成员地点绘制：{names}", "en": "drawn from its member places: {names}"},
    "loc_road_extent": {"zh": "{road}在{start}与{end}之间的路段（由道路与两端道路的位置推算）",
                        "en": "the stretch of {road} between {start} and {end} (derived from where the roads lie)"},
    "loc_district_only": {"zh": "仅知在{district}（{reason}）", "en": "known only to be in {district} ({reason})"},
    "loc_reason_unlocated": {"zh": "提到的地点尚无坐标：{names}", "en": "the places it names have no coordinates yet: {names}"},
    "loc_reason_nothing": {"zh": "文字未提到可定位的地点", "en": "its text names no place that can be located"},
    "loc_describe": {"zh": "{precision}，{method}", "en": "{precision}, {method}"},
    "loc_describe_sites": {"zh": "，来源网站：{sites}", "en": ", source sites: {sites}"},
    # The gazetteer's `method` codes (how a place's coordinates were obtained).
    "gaz_method_published": {"zh": "公开坐标", "en": "published coordinates"},
    "gaz_method_derived_boundaries": {"zh": "由行政区界推算", "en": "derived from administrative boundaries"},
    "gaz_method_digitized": {"zh": "按描述绘制", "en": "drawn from a description"},
    "gaz_method_computed_members": {"zh": "由组成部分推算", "en": "computed from its parts"},
    "gaz_method_district_only": {"zh": "仅知所在区", "en": "known only by district"},
    "gaz_method_none": {"zh": "无", "en": "none"},
    # Location precision as the map's popups and the near-me page word it.
    "precision_label_exact": {"zh": "精确（已公开坐标）", "en": "exact (published coordinate)"},
    "precision_label_approximate": {"zh": "近似（按描述绘制或推算）", "en": "approximate (drawn or derived)"},
    "precision_label_district": {"zh": "仅知所在区", "en": "district only"},
    "precision_label_unlocated": {"zh": "未定位", "en": "unlocated"},
    # Tour controls on the map (view/tours.py hands them to static/tour.js).
    "tour_prev": {"zh": "上一步", "en": "Previous"},
    "tour_next": {"zh": "下一步", "en": "Next"},
    "tour_step": {"zh": "第", "en": "Step"},
    "tour_presenter": {"zh": "演示模式", "en": "Presenter mode"},
    "tour_presenter_exit": {"zh": "退出演示", "en": "Leave presenter mode"},
    "tour_notes": {"zh": "讲者备注（自撰，非规划原文）", "en": "Presenter notes (our words, not the plan's)"},
    "tour_read_source": {"zh": "原文 ↗", "en": "Plan text ↗"},
    "tour_keys": {"zh": "← → 或 PgUp / PgDn 翻页 · Home / End 首尾 · P 演示模式 · Esc 退出", "en": "← → or PgUp / PgDn to step · Home / End · P presenter mode · Esc to leave"},
    # Tours page (pages/tours.py).
    "tours_choose": {"zh": "演示路线", "en": "Tour"},
    "tours_unknown": {"zh": "没有演示路线 {tour}，已打开第一条（可选：{known}）。", "en": "No tour {tour}; showing the first one (known: {known})."},
    "tours_steps": {"zh": "{n} 步", "en": "{n} steps"},
    "tours_download": {"zh": "下载离线演示文件（HTML）", "en": "Download offline tour (HTML)"},
    "tours_download_help": {"zh": "单个 HTML 文件，断网时用浏览器直接打开即可演示。", "en": "One HTML file that runs from disk in a browser with no network."},
    "tours_help": {"zh": "用 ← → 或 PgUp / PgDn（翻页笔）翻页，P 进入演示模式；地址栏链接会记住当前路线和步骤。", "en": "Step with ← → or PgUp / PgDn (presentation clickers); P for presenter mode. The page URL keeps the tour and step."},
    # The in-page map (ui/map_component.py): shown in the map's place while it loads.
    "map_loading": {"zh": "正在加载地图…", "en": "Loading the map…"},
    "map_preparing": {"zh": "正在准备规划图层…", "en": "Preparing the plan layers…"},
}


#: Project categories (`layers.categories` keys) in words.
_CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "rail": {"zh": "铁路轨道", "en": "Rail and metro"},
    "hospitals": {"zh": "医疗卫生", "en": "Hospitals and health"},
    "schools": {"zh": "学校教育", "en": "Schools and education"},
    "social_services": {"zh": "社会服务", "en": "Social services and elderly care"},
    "housing": {"zh": "住房安置", "en": "Housing"},
    "energy": {"zh": "能源设施", "en": "Energy"},
    "water": {"zh": "水利水务", "en": "Water, rivers and flood control"},
    "parks_green": {"zh": "公园绿地", "en": "Parks and green space"},
    "sports": {"zh": "体育设施", "en": "Sports"},
    "culture_tourism": {"zh": "文化旅游", "en": "Culture and tourism"},
    "transport_hubs": {"zh": "交通枢纽场站", "en": "Stations, hubs and parking"},
    "roads": {"zh": "道路桥梁", "en": "Roads, bridges and tunnels"},
    "agriculture": {"zh": "农业农村", "en": "Agriculture and rural"},
    "commerce": {"zh": "商业商贸", "en": "Commerce and retail"},
    "industry_platforms": {"zh": "产业平台", "en": "Industry platforms and parks"},
    "development_blocks": {"zh": "开发区块", "en": "Development blocks and new towns"},
    "digital": {"zh": "数字基础设施", "en": "Digital infrastructure and platforms"},
    "environment": {"zh": "生态环境治理", "en": "Environmental protection"},
    "innovation": {"zh": "科技人才", "en": "Innovation and talent"},
    "programs": {"zh": "行动计划", "en": "Programmes and policies"},
    "other": {"zh": "其他", "en": "Other"},
}


#: Gazetteer place types (`type` column codes) in words.
_PLACE_TYPES: dict[str, dict[str, str]] = {
    "station": {"zh": "车站", "en": "station"},
    "area": {"zh": "片区", "en": "area"},
    "road": {"zh": "道路", "en": "road"},
    "school": {"zh": "学校", "en": "school"},
    "industrial_park": {"zh": "产业园", "en": "industrial park"},
    "subdistrict": {"zh": "街道", "en": "subdistrict"},
    "rail_line": {"zh": "轨道线路", "en": "rail line"},
    "hospital": {"zh": "医院", "en": "hospital"},
    "venue": {"zh": "场馆", "en": "venue"},
    "landmark": {"zh": "地标", "en": "landmark"},
    "district": {"zh": "区", "en": "district"},
    "city": {"zh": "市", "en": "city"},
    "town": {"zh": "镇", "en": "town"},
    "scenic_area": {"zh": "景区", "en": "scenic area"},
    "park": {"zh": "公园", "en": "park"},
    "other": {"zh": "其他", "en": "other"},
    "village": {"zh": "村", "en": "village"},
    "new_town": {"zh": "新城", "en": "new town"},
    "river": {"zh": "河流", "en": "river"},
    "development_zone": {"zh": "开发区", "en": "development zone"},
    "temple": {"zh": "寺庙", "en": "temple"},
    "lake": {"zh": "湖泊", "en": "lake"},
    "mountain": {"zh": "山", "en": "mountain"},
    "port": {"zh": "港口", "en": "port"},
    "hub": {"zh": "交通枢纽", "en": "transport hub"},
    "bridge": {"zh": "桥梁", "en": "bridge"},
}


def category_label(key: str, lang: str = "zh") -> str:
    """"道路桥梁" for the project category "roads"; raises KeyError listing the keys for an unknown one."""
    try:
        return _CATEGORY_LABELS[key][lang]
    except KeyError:
        raise KeyError(f"unknown category {key!r}; valid: {', '.join(_CATEGORY_LABELS)}") from None


def place_type(code: str, lang: str = "zh") -> str:
    """"车站" for the gazetteer type "station"; an unknown code as it is."""
    entry = _PLACE_TYPES.get(str(code or ""), {})
    return entry.get(lang) or entry.get("zh") or str(code or "")


#: The catalogue's notes on each document (data/plans/catalog.csv keeps them in English for the
#: record), in the reader's language.
_PLAN_NOTES: dict[str, dict[str, str]] = {
    "jiangbei-2021-government-work-report": {
        "zh": "文件标题行写的是“重庆市江北区”，但报告在宁波市江北区第十一届人民代表大会第六次会议上作出，正文讲的是宁波市江北区；本应用从不把它定位到重庆。",
        "en": "The file's title line says 重庆市江北区, but it was delivered at 宁波市江北区第十一届人民代表大会第六次会议 "
        "and the body is about Ningbo's 江北区; it is never placed in Chongqing.",
    },
    "yinzhou-yangtze-delta-14th-plan": {
        "zh": "文号：鄞政办发〔2021〕79号；项目表为表4-1至表4-4。",
        "en": "鄞政办发〔2021〕79号; project tables 表4-1 … 表4-4.",
    },
    "jiangbei-2022-press-feature": {
        "zh": "这是一篇新闻报道，不是规划文件；文中只给出年份。",
        "en": "A press article, not a plan; its date is given only as the year.",
    },
    "yinzhou-14th-five-year-plan": {
        "zh": "文件从第一章中间开始，未写明日期和发布单位；这两项留空，不作猜测。",
        "en": "The file starts inside 第一章 and states neither its date nor its publisher; they are left blank rather "
        "than guessed.",
    },
}


def plan_note(doc_id: str, lang: str = "zh") -> str:
    """The catalogue's note on a document in `lang`; empty when there is none."""
    entry = _PLAN_NOTES.get(doc_id, {})
    return entry.get(lang) or entry.get("zh", "")


#: Chinese wording of each refusal code of `geo.sources.layer`; in English the exception's own message
#: (`geo.sources.layer.MESSAGES`, which also names the file) is shown, so there is no English column here.
_LAYER_REFUSALS_ZH: dict[str, str] = {
    "format": "不是可读取的图层格式，请使用 {formats}",
    "missing": "文件不存在",
    "empty": "文件是空的，没有任何要素",
    "too_large": "文件有 {mb} MB，超过 {limit_mb} MB 的上限；请先裁剪到宁波范围或拆分",
    "unreadable": "无法作为图层读取：{detail}",
    "which_layer": "文件中有多个图层（{layers}），请选择一个",
    "no_layer": "没有图层“{layer}”；现有图层：{layers}",
    "no_source": "请填写图层来源",
    "no_licence": "请填写图层的许可",
    "no_datum": "请声明坐标系：{datums}",
    "unknown_datum": "未知坐标系“{datum}”，请使用 {datums}",
    "no_name_field": "没有字段“{field}”；现有字段：{fields}",
    "no_names": "字段“{field}”中没有任何名称",
    "csv_columns": "找不到经纬度列或 WKT 列（现有列：{columns}）；请命名为 lon 和 lat，或 wkt",
    "csv_values": "有坐标或 WKT 值无法读取（{detail}）",
    "not_utf8": "CSV 不是 UTF-8 编码（第 {offset} 字节起），看起来是 {guess}：请另存为 UTF-8，或在上方选择编码 {guess}",
    "encoding_given": "无法按 {encoding} 读取：{detail}",
    "crs_unusable": "文件声明的坐标系 {crs} 既不是地理坐标也不是投影坐标",
    "projected_undefined": "坐标是投影坐标（单位米：{bounds}），但文件没有投影定义；请连同 .prj/坐标系一起导出，或导出为经纬度",
    "outside_all": "按 {datum} 读取后，{total} 个要素没有一个在宁波市内（范围 {bounds}）；请检查声明的坐标系和文件",
    "swapped": "坐标看起来把纬度和经度写反了（经度读到 {bounds}）；请交换两列（宁波的经度约为 121.5）",
}


def layer_refusal(code: str, lang: str = "zh") -> str | None:
    """The reader's wording of a layer-import refusal code; None where the exception's own message serves."""
    return _LAYER_REFUSALS_ZH.get(code) if lang == "zh" else None


def precision_labels(lang: str = "zh") -> dict[str, str]:
    """Precision code ("exact", "approximate", "district", "unlocated") → its popup wording in `lang`."""
    return {code: t(f"precision_label_{code}", lang) for code in PRECISIONS}


def doc_kind_label(kind: str, lang: str = "zh") -> str:
    """"十四五纲要" for the catalog's document kind "five-year-plan"; empty for a kind with no short name."""
    return t(f"doc_kind_{kind}", lang) if has_text(f"doc_kind_{kind}") else ""


def has_text(key: str) -> bool:
    """Whether `key` has a text (for reasons that may or may not have their own wording)."""
    return key in _TEXTS


def t(key: str, lang: str = "zh") -> str:
    """The text for `key` in `lang`, falling back to Chinese."""
    entry = _TEXTS[key]
    return entry.get(lang) or entry["zh"]
