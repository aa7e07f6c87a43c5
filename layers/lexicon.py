"""The rule words every extractor shares: bullets, brackets, numerals, verbs, suffixes.

One list per kind of word, so a rule in `projects`, `structures`, `indicators`
or `sections` reads "a bullet", "a build verb" or "a name ending" instead of
carrying its own copy. Nothing here names a document, a box number or a place:
the words are those of Chinese planning prose in general (纲要, 政府工作报告,
专项规划), so a new district's plan is read by the same rules.
"""

from __future__ import annotations

import re

#: Characters that open a list item in a box.
BULLETS = "◆◇·•●▪■□○◎★☆▶►➢-—"
BULLET_RE = re.compile(rf"[{re.escape(BULLETS)}](?![{re.escape(BULLETS)}])\s*")
OPEN_BRACKETS = "(（[【“《〔﹝"
CLOSE_BRACKETS = ")）]】”》〕﹞"
#: Chinese numerals used in counts ("一核四城") and in numbered boxes (专栏一).
CN_DIGITS = "〇零一二两三四五六七八九十百千"
CN_NUMERAL = "一二两三四五六七八九十百千万多"
#: Item numbers: "1." "1、" "（1）" "(1)" "①" "01".
ITEM_NUMBER_RE = re.compile(
    r"(?:(?P<num>\d{1,2})\s*[.、．](?!\d)|[(（]\s*(?P<pnum>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]"
    r"|(?P<circled>[①-⑳]))\s*"
)
#: Spaces a title may use between its label and its text (incl. full-width U+3000).
TITLE_GAP = r"[ \t\u00a0\u3000]*[:：]?[ \t\u00a0\u3000]*"
#: "专栏1：…", "专栏 1 …", "专栏一　…", "专栏4　新农村建设重点工程"; the title may be on the next line.
BOX_TITLE_RE = re.compile(
    rf"^专栏[ \t\u00a0\u3000]*(?P<num>\d{{1,3}}|[{CN_DIGITS}]{{1,4}})(?![\d{CN_DIGITS}])"
    rf"{TITLE_GAP}(?P<title>.*)$"
)
#: "表1：…", "表 2-1 …", "表三　…".
TABLE_TITLE_RE = re.compile(
    rf"^表[ \t\u00a0\u3000]*(?P<num>\d{{1,2}}(?:[-－—]\d{{1,2}})?|[{CN_DIGITS}]{{1,3}})"
    rf"(?![\d{CN_DIGITS}年])(?P<gap>{TITLE_GAP})(?P<title>.*)$"
)

#: Bullets that open a 专栏 item line (a narrower set than `BULLETS`: "-" and "—" also
#: start extents and dashes inside an item, so a box line is cut only at these).
BOX_BULLET_RE = re.compile(r"[◆·•●▪]\s*")
#: Verbs that open a list of projects inside a box item or a body clause
#: ("加快推进A、B等项目建设"); longest first so the whole verb is taken.
LIST_VERBS: tuple[str, ...] = tuple(sorted((
    "加快谋划推进", "全力配合建设", "加快推进", "加快建设", "重点推进", "规划建设",
    "谋划建设", "谋划布局", "启动建设", "推进建设", "谋划推进", "加快实施", "改扩建", "新建", "迁建",
    "续建", "扩建", "建成", "推进", "加快", "实施", "建设", "扩容", "开工", "在", "打通", "重点搭建",
    "搭建", "全面建成",
), key=len, reverse=True))
#: "配合<a partner>建设A、B": the partner (a city, a company) stands between the two words.
PARTNER_VERB = r"配合[^、，,。；;]{1,4}?建设"
#: Verbs that open a list of projects in prose; longest first so the whole verb is taken.
LEAD_VERBS: tuple[str, ...] = tuple(sorted((
    "加快谋划推进", "全力配合建设", "加快推进", "加快建设", "重点推进", "规划建设",
    "谋划建设", "谋划布局", "启动建设", "推进建设", "谋划推进", "加快实施", "改扩建", "新建", "迁建",
    "续建", "扩建", "建成", "推进", "加快", "实施", "建设", "扩容", "开工", "在", "打通", "重点搭建",
    "搭建", "全面建成", "全面开工建设", "开工建设", "建成投用", "建成开放", "启动", "投用",
    "全面推进", "力促", "抓好", "做好", "完成", "全面完成", "力争开工建设", "开工建设", "加快打造",
    "打造", "建成通车", "全线贯通", "聚焦",
), key=len, reverse=True))
#: Verbs of a visit ("视察了A、B和C项目", "走进A、B"): what follows is a list of the places
#: visited, among them the projects, so an entry that names no built thing ("德朗能锂电池",
#: a firm) is skipped instead of making the clause prose.
VISIT_VERBS: tuple[str, ...] = tuple(sorted((
    "视察了", "视察", "察看了", "察看", "实地察看", "实地察看了", "实地视察了", "走进", "来到",
    "参观了", "参观", "调研了",
), key=len, reverse=True))
#: Verbs of hearing reports ("会议听取了A、B、C的进展情况"): what follows is a list of the
#: matters reported on, among them the projects, so an entry that names no built thing
#: ("关于…事宜") is skipped, as after a visit verb.
HEARING_VERBS: tuple[str, ...] = ("听取了", "听取", "听取汇报了")
#: What the matters of a hearing or a progress list are reported for ("…的进展情况、存在问题
#: 以及下一步计划"): the list of names ends where it begins.
REPORT_TOPIC_RE = re.compile(r"的(?:进展情况|建设情况|推进情况|进展|情况汇报|工作汇报)")
#: "项目共6个,即A、B、…、F": a count of projects ending one clause, then 即 opening the next
#: with the names, as many as counted; the plan calls every entry a project.
COUNTED_BEFORE_RE = re.compile(r"(?:项目|工程)共?(?P<n>[\d一二两三四五六七八九十]+)(?:个|项)$")
COUNTED_OPENING = "即"
#: "…污水处理厂及配套管网项目": the works that go with a built thing are part of its name,
#: so the entry is not cut at the conjunction before them.
WITH_ITS_WORKS_RE = re.compile(r"^(?:相关|其他)?配套")
#: Verbs that place sites ("布局A、B"): an aim listed beside the sites ("…户外运动目的地",
#: `AIM_WORDS_RE`) is skipped; any other entry that names nothing makes the clause prose.
PLACE_VERBS: tuple[str, ...] = ("谋划布局", "布局")
#: Words before a list that say whom or what a work serves ("主要用于A、B、C等拆迁户"), or
#: what a place already has ("拥有A、B等服务业集聚区"): the list names no planned works.
BENEFICIARY_LEAD_RE = re.compile(r"^[^、，,。；;]{0,4}?(?:用于|服务于|惠及|覆盖|辐射|面向|拥有)")
#: A count of sub-projects after a list ("由A、B和C三个子项目组成"): the plan calls the
#: entries projects.
COUNT_PROJECTS_TRAIL = r"[\d一二两三四五六七八九十]+(?:个|项)(?:子)?(?:项目|工程)(?:组成|构成)?[^、]{0,16}$"
#: "由A、B…组成": the word that opens such a list.
MADE_OF_LEAD = "由"
#: Words of the sentence a list may open with, before its first name ("我区A、B陆续开工",
#: "其中包括A、B等6个交通项目", "对A、B…八个项目进行了详细了解"): cut from the first entry.
LIST_OPENING_WORDS: tuple[str, ...] = ("其中包括", "其中", "我区", "我县", "我市", "我镇", "对")
LIST_OPENING_RE = re.compile("^(?:" + "|".join(LIST_OPENING_WORDS) + ")")
#: "新建凤栖里路连接张柏路、柏银路": after this word a list names what the first entry
#: joins (roads already there), not works of its own.
#: "…国道连接匝道工程": a ramp or road that does the joining is a work itself.
CONNECT_WORDS_RE = re.compile(r"连接(?!线|道|匝道|公路|通道)|接通")
#: "今年3月开工建设的A、B等8条道路工程", "2023年9月开工的A、B工程": a lead verb with the
#: relative particle after it opens the list; the particle is no part of the first name.
RELATIVE_PARTICLE = "的"
#: "航站楼、跑道及相关配套设施": a short part word with the works that go with it names
#: parts of the entry before it, not a work of its own.
PARTS_OF_RE = re.compile(r"^(?P<part>[^、，,。；;]{1,4})(?:及|和|与)(?:相关|其他)?配套(?:设施|工程)$")
#: A school called by its number ("六十九中", "十一中", "三小"): a name without the usual ending.
NUMBERED_SCHOOL_RE = re.compile(r"[一二三四五六七八九十百\d][中小]$")
#: What names a kind of works, not one work, once the works and status words are off
#: ("道路改造项目" → "道路"): after 和 it is a second kind of works of the same named place
#: ("尧山路城市基础设施和道路改造项目"), so the name is not cut there.
WORKS_KIND_RE = re.compile(r"^(?:道路|管网|管道|设施|基础设施|配套设施|绿化|亮化|景观|环境|水系|房屋)$")
#: A quoted name followed by the works done to it ("“一岸一线”综合整治"): one named work.
QUOTED_WORKS_RE = re.compile(r"“[^“”]{2,12}”(?:综合整治|整治|改造提升|改造|提升|工程|项目|建设)")
#: A list of at least this many entries that the plan counts as projects ("…八个项目")
#: keeps its names when at most a quarter of its entries name no built thing
#: ("…、浮临高速建设及通车准备情况、…"): only those entries are dropped.
LONG_LIST_MIN = 6
#: "推进临空港新城综合管廊工程", "引进落地A项目": a verb before one name that ends in a works word.
WORKS_NAME_VERBS: tuple[str, ...] = ("推进", "引进落地", "引进", "签约落地")
#: "引进落地总投资21.18亿元的A项目": what the work costs, written between the verb and its name.
INVESTMENT_PHRASE = r"(?:总投资|投资)约?[\d.]+\s*(?:亿|万)元的"
#: "A项目2026年建成通车": when, written between a name and the verb of how far it is.
#: 底/前/中 only after a year or month: alone, "中" ends a school's name ("六十九中").
DATE_PHRASE = r"(?:(?:(?:19|20)\d\d年(?:\d{1,2}月)?|\d{1,2}月)(?:底|前|内|初|中)?)?"
#: "A1个项目竣工通车": a count of projects the names are, between them and their verb.
PROJECT_COUNT_PHRASE = r"(?:[\d一二两三四五六七八九十]+个(?:项目|工程))"
#: Parts of a works ("…项目焊装厂房、冲压厂房、总装车间陆续封顶"): a works name followed
#: by its parts and how far they are names the works, not the parts.
WORK_PART_WORDS: tuple[str, ...] = ("厂房", "车间", "主楼", "裙楼", "大楼", "楼", "仓库", "主厂房", "塔楼")
#: A metro line called by its number ("1号线"): a name though shorter than most.
NUMBERED_LINE_RE = re.compile(r"^[\d一二三四五六七八九十]+号线$")
#: "完成府河运动天地建设": a verb before one name, then the word that says it is built.
WORKS_DONE_VERBS: tuple[str, ...] = ("完成",)
#: What after those verbs is a kind or a stage, not one work ("推进区级交通工程项目",
#: "完成核心区开发建设").
WORKS_SINGLE_NOT_RE = re.compile(r"^[区市县镇]级|工程项目$|开发$")
#: Where a visit or a ceremony takes place ("在A现场", "主现场设立在A项目"): one name the
#: plan calls a project or works, then a word for the site.
VENUE_WORDS: tuple[str, ...] = ("设立在", "设在", "在")
SITE_WORDS: tuple[str, ...] = ("建设现场", "施工现场", "现场", "工地")
#: What a venue name may be beside the works word: a site named by what it is built as,
#: in brackets too ("在A公交(B客运枢纽站)建设现场"), but never a class of projects
#: ("在某县重点项目建设现场" is where the reporter went, not one work).
VENUE_CLASS_RE = re.compile(r"(?:重点|重大|民生|产业|在建)(?:项目|工程)$")
#: How a progress report goes on after the works it names: their investment, a plan and a
#: date, a stage or a part under way ("凉唐公路改造完成投资…", "A、B计划9月底建成通车",
#: "A基坑土方工程基本结束", "A正在进行…", "A项目同样进展顺利", "A确定了代建单位").
REPORT_LEADS: tuple[str, ...] = (
    "完成投资", "累计完成投资", "计划", "钢构主体", "主体工程", "主体结构", "土建工程", "基坑",
    "正在进行", "已开始", "已完成", "基本完成", "确定了", "同样进展顺利", "进展顺利", "开工建设",
    "实现并网", "投产送电", "完成以", "即将", "施工设计", "正抓紧", "已超", "路基",
)
#: "南昌至宁都、南昌至上栗高速公路": an extent with no ending before one with it shares the
#: ending of the last entry (two roads, the first written short).
SHORT_EXTENT_RE = re.compile(r"^[^、，,。；;至]{2,8}至[^、，,。；;至]{2,8}$")
#: "62个续建项目中A…", "20个加快前期工作项目中A施工设计即将展开": a count of a class of
#: projects opens the clause and the works named after it are among them.
CLASS_OPENING_RE = re.compile(r"^[\d一二两三四五六七八九十]+个[^、，,。；;]{0,10}?(?:项目|工程)中")
#: A part of a work written straight after it ("华能安源电厂新建工程1号机组"): not the name.
WORK_PART_TAIL_RE = re.compile(r"(?<=工程|项目)[\d一二三四五六七八九十]+号机组$")
#: Verbs written after a list: "A、B建成通车", "A、B等项目开工建设".
TRAIL_VERBS: tuple[str, ...] = tuple(sorted((
    "建成通车", "开工建设", "建成投用", "建成开放", "建成开业", "全面建成", "基本建成", "建成",
    "开工", "通车", "投用", "投运", "投产", "落地", "全面落地", "竣工", "完工", "启用", "开通",
    "开业", "贯通", "全线贯通", "项目建设", "等项目建设", "前期", "等项目前期", "尽早开工",
    "加快推进", "顺利推进", "基本成型", "完成拆迁", "开发建设", "建设", "提前开工", "提速放量",
    "前期工作", "项目前期工作", "全线铺开", "铺开", "加速放量", "放量", "并网发电", "并网",
    "进场施工", "竣备并交付", "竣备", "交付", "结顶", "投入使用", "开工建设", "共建", "封顶",
    "开门应诊", "完工交付", "建成运营", "投入运营", "建成投入使用", "实现投产", "实现开工",
    "实现通车", "取得重大进展", "取得进展", "竣工通车",
), key=len, reverse=True))
#: Verbs that say a work is started, running or done; alone after one name they make it a
#: project ("清溪水库加速放量", "茶山抽蓄并网发电"). Stricter than `TRAIL_VERBS`: no 建设, 前期.
PROGRESS_VERBS: tuple[str, ...] = tuple(sorted((
    "开工建设", "开工", "建成通车", "建成投用", "建成开放", "建成", "全面建成", "通车", "投用", "投运",
    "投产", "竣工", "完工", "全线铺开", "铺开", "加速放量", "并网发电", "并网", "进场施工",
    "竣备并交付", "竣备", "交付", "结顶", "投入使用", "开通", "贯通", "全线贯通", "开业",
    "基本成型", "成型", "全面落地", "完成拆迁", "封顶", "开门应诊", "完工交付", "建成运营", "投入运营",
    # a review says how the year went: "A一期项目顺利实现投产", "A项目取得重大进展"
    "建成投入使用", "实现投产", "实现开工", "实现通车", "取得重大进展", "取得进展", "竣工通车",
), key=len, reverse=True))
#: Kinds a list of names may be said to become ("A、B等成为10亿级综合体"): the names are
#: then instances of a built kind, even when they carry no name ending themselves.
BECOME_KINDS_RE = re.compile(r"(?:综合体|商业体|商圈|商业中心|购物中心|地标|街区|广场|基地|园区)$")
#: Words that open what is said about a project right after its name ("A项目占地面积196亩",
#: "B工程涉及13个镇", "C项目正在进行…"): a sentence listing projects this way names each.
DESCRIPTION_WORDS: tuple[str, ...] = (
    "占地", "总建筑面积", "建筑面积", "总投资", "计划投资", "位于", "涉及", "拟建", "正在", "计划",
    "新建", "建成后", "重点", "主要", "预计", "已", "将", "共", "包括", "规划", "用地", "总长",
    "全长", "是", "由", "采用", "目前",
)
#: What may stand between a list and its verb when the verb tells how far the work is
#: ("A、B主体结构顺利完工", "A先行进场施工", "A已开工建设").
PROGRESS_SUBJECTS = ("主体结构", "主体工程", "主体", "全线", "先行", "已", "正", "已经")
#: Verbs that, alone before one name, make it a project ("开工建设国际会议中心", "投用宁波院士中心").
SINGLE_BUILD_VERBS: tuple[str, ...] = (
    "力争开工建设", "开工建设", "加快建设", "高起点建设", "谋划", "投用", "建成投用", "建成", "新建",
    "迁建", "改扩建", "启动", "全力推动", "推动", "建设", "实施", "创办",
)
#: Endings of a built thing or site, strict enough that one name after a verb is a project.
SINGLE_SUFFIX_RE = re.compile(
    r"(?:路|桥|铁路|高速|通道|隧道|站|机场|码头|中心|馆|院|学校|中学|小学|幼儿园|医院|公园|广场|"
    r"综合体|园|基地|地块|区块|新城|新区|片区|实验室|枢纽|变|线|段|[一二三四五六七八九十]期|水库|"
    r"厂|大道|国道|省道|快速路|高架|港区|街区|小镇|合作区|发展区|功能区|区域|电站|抽蓄|府|苑|围涂|发射场|[东南西北]延|"
    r"大楼|先导区|校区|新院|院区|电场|干管|防洪堤|教学楼|[一二三四五六七八九十百\d][中小])$"
)
#: Words that make one name an aim, not a thing to build ("高能级创新型城区", "甬舟同城");
#: 城区 only at the end: opening a name ("城区老旧片区改造项目") it says where the works are;
#: 型 not after 新: "新型锂盐" is a kind of product a plant makes, "创新型" is an aim.
AIM_WORDS_RE = re.compile(r"一体|同城|强区|城区$|之城|生态区|示范区|高地|标杆|样板|典范|^为|^成为|(?<!新)型|目的地")

#: Status words written after a name ("…段改扩建"): not part of what makes it a name.
STATUS_TAIL_RE = re.compile(r"(?:改扩建|扩建|改建|迁建|重建|改造提升|改造|开发建设|建设)$")
#: Adverbs that may stand between a list and its trailing verb ("全面建成", "尽早开工").
TRAIL_ADVERBS = ("全面", "基本", "顺利", "尽早", "加快", "率先", "相继", "先后", "均", "全部", "基本",
                 "按期", "陆续", "如期", "提前", "加速")

#: How a named object (a project, a site) ends: a noun of built things and places.
NAME_SUFFIXES: tuple[str, ...] = (
    "工程", "项目", "路", "桥", "大桥", "线", "站", "园", "区", "中心", "学校", "医院", "院", "馆",
    "城", "港", "镇", "村", "湖", "山", "基地", "小镇", "房", "所", "变", "段", "通道", "隧道", "大道",
    "高速", "拓宽", "铁路", "街", "广场", "综合体", "地块", "工厂", "平台", "楼", "厂", "场", "带",
    "廊", "湾", "岸", "片", "块", "校", "中学", "小学", "幼儿园", "省道", "快速路", "延", "延伸段",
    "期", "系统", "设施", "综合体", "圈", "谷", "飞地", "TOD", "机场", "码头", "枢纽", "水库", "河",
    "江", "塘", "闸", "公园", "社区", "街区", "实验室", "研究院", "园区", "新城", "新区", "片区",
    "景区", "高架", "公路", "会展中心", "酒店", "区域", "机场", "电站", "抽蓄", "府", "苑", "围涂",
    "干管", "防洪堤", "电场", "国道",
)
NAME_SUFFIX_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, NAME_SUFFIXES),
                                                   key=len, reverse=True)) + r")$")
#: The narrower name endings the box-list splitter checks (`projects._is_name`). Kept apart
#: from `NAME_SUFFIX_RE`: with the wider list, box sentences of the shipped plans split into
#: other entries ("公共服务配套及商业广场") and body lists are read in another order.
LIST_NAME_SUFFIX_RE = re.compile(
    r"(?:工程|项目|路|桥|线|站|园|区|中心|学校|医院|院|馆|城|港|镇|村|湖|山|基地|小镇|房|所|变|段|"
    r"通道|隧道|大道|高速|拓宽|铁路|街|广场|综合体|地块|工厂|平台|楼|厂|场|带|廊|湾|岸|片|块|校|中学|"
    r"小学|幼儿园|省道|国道|快速路|[东南西北]延|延伸段|[一二三四]期|系统|设施|体|圈|谷|飞地|TOD)$"
)
#: Words that show a list piece is a sentence, not a name. Apart from `PROSE_WORDS_RE`:
#: this one also rejects "等" inside a piece, and lets through the words box names carry
#: ("…强排能力提升工程", "…公交场站体系建设工程") that the wider list takes for prose.
STRONG_PROSE_RE = re.compile(
    r"打造|力争|实现|形成|成为|到20\d\d|不少于|以上|%|举办|开展|围绕|依托|聚焦|确保|每年|达到|超过|"
    r"通过|增设|连通|按照|沿轴线|贯穿|并与|共计|构成|等"
)
#: Action words that make a long list piece (over 20 characters, no name ending) prose.
WEAK_PROSE_RE = re.compile(r"推进|发展|实施|提升|加快|完善|强化|促进|推动|全面|基本|累计|谋划|整合|培育|结合")
#: Works tails of a road or line name ("…及接线工程", "…北延二期"): taken off before the
#: name ending is checked and before the road is looked up as a place.
ROAD_TAIL_RE = re.compile(
    r"(?:及接线工程|及接线|及连接线|过江通道及接线工程|拓宽工程|拓宽|道路维修改造工程|道路工程|改扩建工程|"
    r"工程|[东南西北]延(?:二期|工程)?|延伸段|[一二三]期|北延二期)$"
)
#: A status word written after a box list entry ("周尧昆虫博物馆迁建"): it becomes the
#: entry's status. Narrower than `STATUS_TAIL_RE` (no 改建, 改造, 开发建设): with 改造 the
#: entry "供水管网新建及改造" would lose its last word.
PART_STATUS_TAIL_RE = re.compile(r"(?:重建|迁建|改扩建|扩建|改造提升|建设)$")
#: How a place name ends (for gazetteer look-ups and unknown-name candidates).
PLACE_SUFFIXES: tuple[str, ...] = (
    "省", "市", "区", "县", "镇", "乡", "街道", "村", "社区", "新城", "新区", "片区", "湖", "江", "河",
    "山", "港", "湾", "岛", "路", "桥", "站", "园", "城",
)
#: Words that make a phrase a sentence, not a name.
PROSE_WORDS_RE = re.compile(
    r"打造|力争|实现|形成|成为|到20\d\d|不少于|以上|%|举办|开展|围绕|依托|聚焦|确保|每年|达到|超过|"
    r"通过|增设|连通|按照|沿轴线|贯穿|并与|共计|构成|提高|增长|下降|比重|占比|力度|水平|能力|"
    # "服务中心" is a building ("海峡旅游服务中心"); 服务 elsewhere is the work of an office
    r"机制|体系|政策|改革|服务(?!中心(?:改造|建设|迁建|扩建)?(?:项目|工程)?$)|质量|效率|规模|收入|亿元|万元|万人|个百分点"
)

#: Count + noun groups of a spatial structure code ("一核四城六空间", "一带两轴三核四片").
SPATIAL_NOUNS: tuple[str, ...] = (
    "带", "轴", "核", "片", "城", "区", "圈", "廊", "线", "环", "横", "纵", "港", "中心", "谷", "园",
    "湾", "点", "空间", "组团", "通道", "块", "郊", "枢纽", "基地", "疏港", "联", "心", "极",
)

#: Five-year periods an indicator table may speak of ("十一五" … "十五五").
FIVE_YEAR_RE = re.compile(r"“?十[一二三四五]五”?")
#: Header words of an indicator table; a table whose header holds three of them is one.
INDICATOR_HEADER_WORDS: tuple[str, ...] = (
    "指标", "单位", "基期", "目标", "年均增长", "年均", "属性", "预期性", "约束性", "序号", "类别",
)


def build_verb_alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of `words`, longest first (so "开工建设" beats "开工")."""
    return "(?:" + "|".join(map(re.escape, sorted(set(words), key=len, reverse=True))) + ")"


def cn_number(s: str) -> int | None:
    """"12" → 12, "十二" → 12, "两" → 2; None when `s` is not a number."""
    if s.isdigit():
        return int(s)
    digits = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
    total, current = 0, 0
    for ch in s:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "千":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return total + current


#: Action words a list entry may still open with ("发挥文创港", "做优中山东路"): cut, not named.
ENTRY_VERBS = (
    r"(?:确保|力争|争取|参与|统筹用好|规划建好|先后推动|主动承接|抢抓|紧抓|建设运营|大力加强与|构建|设立|"
    r"建立|深化与|深化|把|发挥|做优|做精|做强|做大|推动|增强|"
    r"提升|用好|承接|依托|扩容|以及|打造|培育|支持|引进|布局|谋划|新建|改建|扩建|迁建|续建|"
    r"建设|建成|推进|加快|实施|启动|开工|投用|配套|完善|改造|以)"
)
#: An entry verb after up to four characters ("重点推进…", but also "奉化中学迁建…").
ENTRY_VERB_RE = re.compile(r"^(?:[^、]{0,4}?)" + ENTRY_VERBS)
#: An entry verb with nothing before it ("扩容110kV林沐变").
ENTRY_VERB_FIRST_RE = re.compile(ENTRY_VERBS)
#: A list whose clause reads "以A、B为核心/代表/重点" names examples, not projects.
EXAMPLE_CLAUSE_RE = re.compile(r"为(?:代表|核心|重点|主|龙头|引领|支撑|载体|依托)")
#: Words that show an entry is a title, a count or a kind, not one named object.
NOT_A_NAME_RE = re.compile(
    r"^(?:一批|各类|各级|若干|多个|一大批|全国|全省|全市|全区)|现代化区|均衡|模范|之区|入选|称号|"
    r"[两三四五六七八九十]大|[两三四五六七八九十]个|载体|场景|资源|要素|地区$|领域|行业|企业$|"
    r"获评|十强|^法治|^“掌上|幸福家园|强区|^重点|^特色|板块$|^大花园$|^大通道$|^大都市区|^美丽|"
    r"赋权|扩区|^高能级|首位战略|先行区|前沿区|^省委|^市委|^国内外"
)
#: A count of things ("三条高速", "两大平台", "8 所中小学", "一批项目"): not one named object.
COUNT_RE = re.compile(
    r"^[\d一二两三四五六七八九十百千几多]+\s*(?:条|个|座|大|项|所|家|批|类|种|处|张|片|级|类)"
)
#: Scope words that make an entry a programme over many places ("农村联网公路", "城乡…改造").
SCOPE_RE = re.compile(r"^(?:农村|城乡|各地|各镇|沿线|政府)|政府$")
#: Modifiers that, taken away, leave only a kind of thing ("科技孵化园" → "园"): generic.
GENERIC_MODIFIER_RE = re.compile(
    r"公共|企业|科技|产业|特色|重点|群众|文化|技术|攻关|研究|开发|创新|孵化|展销|新能源汽车|充电|"
    r"共性|功能性|省级|市级|区级|国家级|博物|图书|美术|高压|养老|养护|停车|集聚|现代|农业|综合|"
    r"配套|专业|智慧|数字|公益|示范|应用|服务|体育|健身|新型|小型|大型|社区|城市|乡村|人才|"
    r"未来|高端|教育|医疗|文体|活动|滨水|研发|联合|孵化|海外|住宅|安置"
)


#: What kind of record a box item or table row is (`layers.projects` column `record_type`):
#: a quantified aim ("六倍增", "…比重力争达4%") is a target, not a project.
TARGET_RE = re.compile(
    r"\d+(?:\.\d+)?\s*[%％‰]|倍增|翻番|比重|占比|力争(?:达|超过|突破)|[增下]降\d|率(?:达|超过|提高)"
)
#: A name ending like this is a programme or policy, not a thing on the map.
PROGRAMME_END_RE = re.compile(r"(?:行动|计划|机制|政策|联盟|活动|体系|战略|改革|倍增|传承)”?$")
RECORD_TYPES = ("project", "target", "programme")


def record_type(name: str, *, category: str = "") -> str:
    """"target", "programme" or "project" for a record named `name`."""
    if TARGET_RE.search(name):
        return "target"
    if PROGRAMME_END_RE.search(name) or (name.endswith(("工程", "工程”")) and category in
                                          ("programs", "innovation")):
        return "programme"
    return "project"


# structures

#: Verbs that open a structure part's clause or its first list entry ("塑能中心城",
#: "重点打造东钱湖景观环线", "沿轴线依次布局都市生态农业区"): cut, they name no member.
#: Renewal verbs a plan puts before a city it names ("塑能中心城", "崛起姚江城", "复兴古县城").
STRUCTURE_RENEWAL_VERBS: tuple[str, ...] = ("塑能", "崛起", "复兴")
#: Verbs cut from a member's name in a spec's list ("继续推进近郊" → "近郊").
STRUCTURE_NAME_VERBS: tuple[str, ...] = (
    *STRUCTURE_RENEWAL_VERBS, "继续推进", "推进", "加快", "重点打造", "打造",
)
STRUCTURE_VERBS: tuple[str, ...] = (
    *STRUCTURE_NAME_VERBS, "高质量打造", "布局",
    "构建", "形成", "发展", "着力发展", "做优", "做强", "提升", "培育", "建设", "实施", "优化",
    "推动", "搭建",
)
#: Verbs a clause may open with when the clauses of a slogan give a code's groups in order
#: ("拓展升级竹房城镇带" → 竹房城镇带); the last of them within the clause's first words is cut.
STRUCTURE_ORDER_VERBS: tuple[str, ...] = (*STRUCTURE_VERBS, "升级", "拓展")
#: What may open a first entry with no verb: "以蓝色海湾、…为依托", "分别为以…".
STRUCTURE_LEAD_PREPOSITIONS: tuple[str, ...] = ("分别为以", "分别是以", "为以", "以")
#: How a plan introduces a group's members: "“一核”即…", "四城：A、B、C、D", "四城分别为…".
STRUCTURE_ENUM_WORDS: tuple[str, ...] = (
    "即", "是指", "指", "是", "为", "分别为", "分别是", "主要包括", "包括", "由", "：", ":",
)
#: A count closing a member list ("近郊、近水、近山三条产业融合主线", "…等五大片区建设"):
#: the count is checked against the code, the words after it are the role, not a member.
STRUCTURE_COUNT_TAIL_RE = re.compile(
    rf"(?:等)?[{CN_NUMERAL}]+(?:条|个|大|座|处|类|片|项)[^、]*$|等[^、]*$|(?:为主|为重点|组成|构成).*$"
)
#: A list closing with 等 and a count ("木京河、徐洞河等十条水系") names only some of its
#: members, as the plan says; the count is the group's, not the list's.
STRUCTURE_EXAMPLES_TAIL_RE = re.compile(rf"等(?P<n>[{CN_NUMERAL}]+)(?:条|个|大|座|处|类|片|项)[^、]*$")
#: Words that close a "由A、B、C构成的“三园区一基地”" list placed before its code.
STRUCTURE_MADE_OF_RE = re.compile(r"^由(?P<list>.+?)(?:共同)?(?:构成|组成)的$")
#: Verbs a plan builds an unquoted structure code with ("构建一带两轴空间格局").
STRUCTURE_CODE_VERBS: tuple[str, ...] = ("构建", "形成", "打造", "优化", "完善")
#: Words joining the clauses of one list ("A、B，以及C、D“一带一路四组团”").
STRUCTURE_LIST_JOINERS: tuple[str, ...] = ("以及", "及", "和", "与")
#: Nouns a structure code may count besides `SPATIAL_NOUNS` ("一带一路四组团": 路 = a corridor
#: road; "一心两翼": 翼 = a wing of the city; "一体两翼": 体 = the main body, a code only
#: beside another group, so "一体化" or a lone "“一体”" is never one).
STRUCTURE_EXTRA_NOUNS: tuple[str, ...] = ("路", "翼", "体", "脉")
#: How a bracket right after a code assigns members to its groups: "（A为一体，B、C为两翼）".
STRUCTURE_GLOSS_VERBS: tuple[str, ...] = ("为", "是")
#: Verbs after which a 专栏 item's opening name ends ("东部新城发挥…", "钱湖高科新城以…").
STRUCTURE_ITEM_VERBS: tuple[str, ...] = ("发挥", "完善", "以", "优先", "加快")
#: Verbs before a one-member group's name ("“一核”：加快推进长株潭一体化" names 长株潭).
STRUCTURE_ONE_LEAD_VERBS: tuple[str, ...] = ("加快推进", "加快建设", "推进", "打造", "建设", "以", "要")
#: A process the name undergoes, not part of it: "长株潭一体化" is the area 长株潭.
STRUCTURE_PROCESS_SUFFIXES: tuple[str, ...] = ("一体化发展", "一体化", "同城化")
#: Words that open a description, not a name, after a group's marker ("“一核”是要进一步…").
STRUCTURE_DESCRIPTION_OPENERS: tuple[str, ...] = ("要",)
