"""Apply the rule set to one text: keyword pass, status, quantity, attribution, evidence rows.

The Aho–Corasick keyword pass runs over the whole text; everything costlier (segmentation,
quantities, attribution) runs only on the sentences that hold a hit.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from citydx.registry import Registry
from extractors.attribution import CITY, NATIONAL, OTHER_CITY, PROVINCE, Attributor, NameIndex
from extractors.domain_count import count_domains, pointed_count
from extractors.keyword_scan import KeywordScanner
from extractors.metadata import DocumentMeta, parse_metadata, top_lines
from extractors.normalize import normalize_for_matching
from extractors.patterns import LIST_ITEM as _LIST_ITEM
from extractors.patterns import NUMBERING as _NUMBERING
from extractors.patterns import SENTENCE_END as _SENTENCE_END
from extractors.patterns import SENTENCE_END_CHARS
from extractors.quantities import find_quantities
from extractors.rule_filters import RuleFilters
from extractors.rules import DETECT, IndicatorRules, Rule, RuleSet
from extractors.sections import (
    COURSE_HEADING,
    COURSE_WORDS,
    PROBLEM_HEADING,
    PROBLEM_WORDS,
    Headings,
)
from extractors.status import (
    CLAUSES,
    SHORTFALL,
    StatusDetector,
    clause_end_at,
    clause_start_at,
    make_tokenizer,
)

_JOINT = ("与", "和", "同", "、", "及", "联合")
# Between a city's name and the keyword, words that only continue the thing's name
# ("上海数据交易所", "北京国际大数据交易所"), no verb or particle ("上海共建的", "在上海设立").
_NAME_PART = re.compile(r"(市|国际|国际大|大)?")
_LOCATED = ("位于", "坐落于", "坐落在", "地处")
# A guest met (会见, 接待, 来自) is a partner too: "会见北京某科技集团董事长…双方…"
_PARTNER_MARKS = ("与", "同", "联合", "携手", "对接", "会同", "会见", "接见", "会谈", "来自",
                  "接待", "拜会")
# "借鉴杭州经验，…", "学习深圳做法，我局…": a place named as the model learnt from is not the
# actor; "学习杭州城市大脑建设经验" names the model's thing, which stays the model's.
_MODEL_BEFORE = ("学习", "借鉴", "参照", "参考", "对标", "复制", "学习借鉴", "对标学习")
_MODEL_AFTER = re.compile(r"(市|省)?(的)?(成功|先进|好的|有益)?(经验|做法|模式|理念)")
# A list a national or provincial body publishes ("公布…典型案例名单") and the selection of one
# named later in the sentence ("芜湖市报送的…项目成功入选").
_PUBLISHED_LIST = re.compile(r"(公布|发布|公示|印发|确定|评选出)[^,，。;；]{0,30}?"
                             r"(名单|案例|试点|示范|榜单|清单|项目)")
_SELECTED = re.compile(r"入选|获评|获批|上榜|列入|被评为|被认定|被确定|获得")
_JOINT_VERBS = ("共建", "共同", "联合", "合作", "携手", "协同建设")
# A sentence that names a change ("新增9个", "由145家增至186家") holds a step and a total.
_INCREMENT_WORDS = ("新增", "增加", "新推出", "新引入", "新入驻", "新培育", "新认定", "净增",
                    "新签约", "新上线", "增至", "增长至", "增长到", "提升至", "提高到", "新落地",
                    "扩容至", "扩容到", "扩展至", "扩展到", "扩充至", "跃升至", "升级至", "提升到",
                    "新引进", "新注册", "新登记", "新建成", "新接入", "新纳入", "新发布", "新设立",
                    "新开通", "新布设", "新部署")
# "6个事项完成流程再造并上线，全市…事项累计达到二十二个": a number right after one of these is
# the running total even when the step is told without a word of increase.
# "全省已建成…120个，其中我市15个": a wider total whose share for the author's city is named.
_CITY_SHARE = re.compile(r"其中[,，]?\s*(我市|本市)")
_WIDE_SCOPES = ("全省", "我省", "全国", "全区", "本省")
_RUNNING_TOTAL = ("累计", "共计", "总计", "合计", "总数", "总量")
# "由200P扩展至500P", "从年初的145家增至186家": the number after 由/从 is what there was before.
_FROM = re.compile(r"[从由][^\d,，;；。]{0,5}$")
_TO = re.compile(r"[^\d,，;；。]{0,6}?[至到]")
# Words right before a total: "累计达到32项", "总数由年初的145家增至186家".
_TOTAL_WORDS = ("累计", "达到", "共计", "总计", "合计", "总数", "增至", "增长至", "增长到",
                "提升至", "提高到", "增加到", "总量", "达", "扩容至", "扩容到", "扩展至", "扩展到",
                "扩充至", "跃升至", "升级至", "提升到")
# A total word earlier in the number's clause: "至此全市累计推出“一类事”服务场景25个".
_CLAUSE_TOTAL = re.compile(r"累计|共计|总计|合计|总数|总量")
# "现将《…》印发给你们", "《…》现予颁布", "《…》自5月1日起施行": the verb follows the title.
_ISSUED_AFTER = ("印发给", "现印发", "予以印发", "予以发布", "现予发布", "现予颁布", "予以颁布",
                 "现予公布", "予以公布", "现予印发",
                 "起施行", "起正式施行", "起实施", "正式施行")
# A plan word right before an issuing verb: "研究制定《…》", "拟印发《…》", "将出台《…》".
_PLAN_BEFORE_VERB = ("研究", "拟", "计划", "将", "抓紧", "尽快", "加快", "启动", "正在", "即将",
                     "争取", "力争")
# Words that cite a title as the ground of other work: "根据市政府印发的《…》，现开展培训".
_CITING = re.compile(r"(根据|按照|依据|依照|对照|参照|遵照|贯彻|落实|结合|围绕|为)"
                     r"[^,，;；。]{0,16}的$")
# "《…》将于下月正式印发", "《…》已报市政府审议，计划年内出台": the title's issue is ahead.
_WILL_ISSUE_AFTER = re.compile(r"[^。;；]{0,24}?(将|将于|拟于|计划|预计|有望|力争)"
                               r"[^,，;；。]{0,10}?(印发|出台|发布|颁布|施行|实施)")
# Which edition of a title is issued, between the verb and 《: "发布新版《…》", "印发修订后的《…》",
# "发布2024年版《…》", "印发新修订的《…》"; the verb before it still issues the title.
_TITLE_QUALIFIER = re.compile(r"(?:(?:20\d{2}\s*年|最?新|修订|第[一二三四五六七八九十\d]{1,2})"
                              r"版本?的?|(?:经|最)?新?(?:修订|修改|更新|调整|完善)后?的|新一版的?|"
                              r"最新的?)$")
# Between a list's lead-in "：" and one of its titles: other titles, numbering and punctuation.
_TITLES = re.compile(r"《[^《》]{1,80}》")
_LIST_GAP = re.compile(r"[\s\d一二三四五六七八九十()（）.、．。；;，,]*")
# "政策解读：《…》", "一图读懂《…》": the explained title comes after these words.
_EXPLAINING = re.compile(r"(解读|图解|读懂)[:：]?\s*$")
_DRAFTING = ("启动", "编制", "起草", "研究制定", "制定工作", "修编", "征求意见")
# "《…》正式印发", "《…》日前印发实施": the verb right after the title, past a few adverbs.
_DIRECT_ISSUED = re.compile(r"^(已经?|日前|近日|正式|现|予以|现予|于[\d一二三四五六七八九十]+月"
                            r"[\d一二三四五六七八九十]+日|[(（][^)）]{0,8}[)）]|"
                            r"于(去年|今年|前年|上月|本月|年初|20\d{2}年)(\d{1,2}月)?(\d{1,2}日)?)*"
                            r"(印发|发布|出台|颁布|表决通过|审议通过)")
# "决定废止《…》，本决定自公布之日起施行": what follows a new subject is not about the title.
_NEW_SUBJECT = re.compile(r"本(决定|通知|意见|办法|公告|规定|方案|细则|条例|文件)")
# A clause that names a topic, not a fact: an item heading of a reply ("一、关于城市感知平台。"),
# the proposer's words ("您提出的…建议", "您提到的…问题", "代表建议…").
_TOPIC_CLAUSE = re.compile(rf"^\s*(?:{_NUMBERING})?\s*关于|"
                           # "您在提案中提到的…", "代表们在议案中提出的…": the words may sit
                           # between who proposes and the verb
                           r"(?:您|代表们?|委员们?)(?:在[^,，。;；]{1,8}中)?"
                           r"(?:提出|提到|所提|反映|建议)")
_BYLINE = re.compile(r"(来源|信息来源|文章来源|发布时间|发布日期|作者|编辑|责任编辑|浏览次数|字号)"
                     r"\s*[:：]")
# "关于组建市大数据集团有关情况的说明": the title names the topic; the body says what happened.
_TOPIC_TITLE = re.compile(r"关于.+的(有关)?(情况)?(说明|请示|报告|汇报|简报|函|复函|答复|建议|"
                          r"提案)$")
_EXPLAINED = re.compile(r"\s*(的)?(政策解读|解读|图解|问答|答记者问)")
_SCOPE = re.compile(r"[省市]?(内)?(率先|首个|首家|首批|第一|唯一|领先|前列|最早|范围内)")
_DRAFT_TITLE = re.compile(r"[(（](送审稿|征求意见稿|讨论稿|草案|修订草案|草案稿)[)）]$")
# "（一）数据要素×工业制造。", "二、算力设施。": a short numbered heading ending its own sentence.
_ITEM_HEADING = re.compile(rf"\s*({_NUMBERING}|[一二三四五六七八九十]+是)[^,，;；:：]{{2,20}}$")
_META_LABEL = re.compile(r"^[\u4e00-\u9fff\s\u3000]{2,8}[:：]")
_PLAN_TITLE = re.compile(r"(工作要点|行动计划|行动方案|实施方案|建设方案|工作方案|工作计划|规划|"
                         r"工作思路|工作安排|工作打算|工作重点|重点工作安排)"
                         r"([(（][^)）]{0,12}[)）])?》?(的通知)?$")
# "我市印发数字经济发展规划", "…实施方案出台": a news headline reports the plan's issue; its body
# is news of what exists, not the plan's own list of tasks ("关于印发《…》的通知" is the plan).
_NEWS_OF_PLAN = re.compile(r"(?<!关于)(印发|出台|发布|公布|出炉|亮相|审议通过|获批)|"
                           # "2023年工作总结和2024年工作计划": a review of work done heads facts;
                           # the plan is the part that says what will be done
                           r"总结|回顾|完成情况|进展情况")
# "关于开展…培训的通知", "关于做好…工作的通知": a notice of work to do issues no policy.
_WORK_NOTICE = re.compile(r"关于(进一步)?(开展|做好|组织|举办|报送|征集|申报|参加|召开|推荐|填报)")
# What a work notice is about when it names a measure or platform only as its topic.
_WORK_TOPIC = re.compile(r"培训|宣贯|解读|调查|问卷|评估|座谈|研讨|会议")
# "…监测系统建设项目招标公告", "…采购项目中标结果公示": a tender names a project to come, so the
# whole notice is a plan; "…项目竣工验收结果公示", "…项目通过验收": a project accepted exists.
_TENDER_TITLE = re.compile(r"(招标|采购|比选|磋商|询价|遴选|谈判|中标|成交)(结果|候选人)?的?"
                           r"(公告|公示|文件|意向|需求)|招标$")
_ACCEPTED_TITLE = re.compile(r"(?<!初步)(?<!初)(竣工|终|最终)?验收(结果|情况)?的?(公示|公告)|"
                             r"(?<!初步)通过(竣工|终|最终)?验收")
_POLICY_TITLE = re.compile(r"(办法|方案|规划|意见|细则|通知|规定|条例|计划|措施|政策|标准|指南|"
                           r"纲要|决定|制度|规则|清单|目录|要点)([(（](试行|暂行|修订|征求意见稿)[)）])?$")


@dataclass(frozen=True)
class Evidence:
    indicator: str
    level: str
    status: str
    snippet: str
    start: int
    end: int
    rule_id: str
    attribution: str
    confidence: float
    quantity: float | None = None
    unit: str | None = None
    kind: str = ""
    repealed: bool = False
    evidence_date: str = ""
    # the things the row's hits name, for a combine that counts named things (`names: true`)
    names: tuple[str, ...] = ()

    def credit(self, shares: dict[str, float]) -> float:
        """Share of credit this row gives the city it was found for (0 if repealed)."""
        return 0.0 if self.repealed else shares.get(self.attribution, 0.0)


@dataclass
class _Doc:
    text: str
    norm: str
    meta: DocumentMeta
    attribution: str
    title_span: tuple[int, int]
    author: str | None = None  # from the issuer or source line, not guessed from the headline
    plan_title: bool = False  # "…三年行动计划": the whole body lists what is to be done
    tender: bool = False  # "…建设项目招标公告": the headline names a project to come
    accepted: bool = False  # "…项目竣工验收结果公示": what the notice lists exists
    visited: str | None = None  # "赴杭州学习考察": the host's attribution, for what is seen there
    _plan: tuple[tuple[int, int], ...] | None = None
    _problems: tuple[tuple[int, int], ...] | None = None
    _courses: tuple[tuple[int, int], ...] | None = None
    _headings: Headings | None = None
    mentions: dict = field(default_factory=dict)
    _topic: dict = field(default_factory=dict)
    _ends: list[int] | None = None  # positions of the sentence ends, once asked
    filter_words: dict = field(default_factory=dict)  # span → the rules' filter words in it
    skipped: dict = field(default_factory=dict)  # sentence start → whether no rule reads it

    def on_topic(self, sent: tuple[int, int], cues: tuple[str, ...]) -> bool:
        """Whether the sentence reports on a topic ("听取…汇报"); asked once per sentence."""
        found = self._topic.get(sent[0])
        if found is None:
            sentence = self.norm[sent[0]:sent[1]]
            found = self._topic[sent[0]] = any(w in sentence for w in cues)
        return found

    @property
    def plan_sections(self) -> tuple[tuple[int, int], ...]:
        """Spans under headings of tasks, found when a status first needs them."""
        if self._plan is None:
            self._plan = ((self.title_span[1], len(self.norm)),) if self.plan_title \
                else self.headings.plan_sections()
        return self._plan

    @property
    def problem_sections(self) -> tuple[tuple[int, int], ...]:
        """Spans under a heading of shortfalls ("三、存在的问题"), found when first asked."""
        if self._problems is None:
            self._problems = self.headings.sections(PROBLEM_HEADING, PROBLEM_WORDS)
        return self._problems

    @property
    def course_sections(self) -> tuple[tuple[int, int], ...]:
        """Spans under a heading of what a course or meeting covers ("二、培训内容")."""
        if self._courses is None:
            self._courses = self.headings.sections(COURSE_HEADING, COURSE_WORDS)
        return self._courses

    @property
    def headings(self) -> Headings:
        """The text's numbered lines, found once for every kind of section."""
        if self._headings is None:
            self._headings = Headings(self.norm)
        return self._headings

    @property
    def sentence_ends(self) -> list[int]:
        """Positions of the sentence ends, in order; the keyword walk finds them (`_hits`),
        else one pass when first asked."""
        if self._ends is None:
            self._ends = [m.start() for m in _SENTENCE_END.finditer(self.norm)]
        return self._ends

    def sentence(self, pos: int) -> tuple[int, int]:
        """Bounds of the sentence holding pos: from after the last sentence end before it to the
        first at or after it."""
        ends = self.sentence_ends
        i = bisect_left(ends, pos)
        return (ends[i - 1] + 1 if i else 0, ends[i] if i < len(ends) else len(self.norm))


class Extractor:
    """Built once (rules, registry, tokenizer) and reused for every document."""

    def __init__(self, ruleset: RuleSet, registry: Registry, tokenizer=None) -> None:
        self.ruleset = ruleset
        self.registry = registry
        self.credit_shares = dict(ruleset.tree.credit)
        self._rules: list[Rule] = list(ruleset.rules)
        self._by_indicator = {ind.indicator: ind for ind in ruleset.indicators}
        keywords: dict[str, list[int]] = {}
        for index, rule in enumerate(self._rules):
            for word in rule.keywords:
                keywords.setdefault(normalize_for_matching(word), []).append(index)
        self._keywords = KeywordScanner(
            ((word, (tuple(indexes), _claimable(word, owners, keywords, self._rules), owners))
             for word, indexes in keywords.items()
             for owners in [frozenset(self._rules[i].indicator for i in indexes)]),
            marks=SENTENCE_END_CHARS)
        self._longest = max(map(len, keywords), default=0)
        self._filters = [RuleFilters.of(rule) for rule in self._rules]
        self._gates = [f.gate_pattern for f in self._filters]
        self._hit_gates: dict[tuple[int, ...], re.Pattern] = {}  # a hit's rules → their gates
        self._filter_words = KeywordScanner(
            (word, word) for word in sorted({w for f in self._filters for w in f.words}))
        common = ruleset.common
        self._issuing = tuple(normalize_for_matching(v) for v in common.issuing_verbs)
        self._repeal = tuple(normalize_for_matching(v) for v in common.repeal_verbs)
        self._topic = tuple(normalize_for_matching(v) for v in common.topic_cues)
        self._skip = _any_of(normalize_for_matching(v) for v in common.skip_sentence_cues
                             if not v.startswith("^"))
        self._skip_start = _any_of([normalize_for_matching(v[1:]) for v in
                                    common.skip_sentence_cues if v.startswith("^")], r"\s*")
        self.status = StatusDetector(common, lambda: tokenizer or make_tokenizer(
            ruleset.userdict, self.status.cue_words))
        self._attributors: dict[str, Attributor] = {}
        self._names = NameIndex(registry, common)
        # indicators whose combine counts named things: only their hits are named
        self._named = frozenset(ind.indicator for ind in ruleset.indicators
                                if any(c.names for c in ind.combine))

    def attributor(self, city: str) -> Attributor:
        if city not in self._attributors:
            self._attributors[city] = Attributor(city, self.registry, self.ruleset.common,
                                                 self._names)
        return self._attributors[city]

    def extract(self, text: str, city: str, meta: DocumentMeta | None = None,
                title: str = "") -> list[Evidence]:
        """Every evidence row the text supports, for the city whose site it was found on."""
        return self.extract_for(text, (city,), meta, title)[city]

    def extract_for(self, text: str, cities: Sequence[str], meta: DocumentMeta | None = None,
                    title: str = "") -> dict[str, list[Evidence]]:
        """The rows of one text for each of several cities, as `extract` gives them one by one.

        A provincial document speaks to every city of its province. Keywords, statuses, levels
        and quantities do not depend on the city, so they are worked out once; only who did it
        (the attribution) and what it adds up to per attribution are worked out per city.
        """
        self.status.new_document()
        doc = self._prepare(text, meta, title)
        rows, anchors = self._rows(doc)
        if not rows:  # most pages: nobody to attribute anything to
            return {city: [] for city in cities}
        found: dict[str, list[Evidence]] = {}
        for city in cities:
            attributor = self.attributor(city)
            city_doc = self._for_city(doc, attributor)
            attributed = [_evolve(row, attribution=self._attribution(city_doc, attributor, *at))
                          for row, at in zip(rows, anchors, strict=True)]
            found[city] = self._finish(attributed, city_doc)
        return found

    def _rows(self, doc: _Doc) -> tuple[list[Evidence], list[tuple[int, int, bool]]]:
        """Rows before attribution, each with where its attribution is read from."""
        rows: list[Evidence] = []
        anchors: list[tuple[int, int, bool]] = []
        seen: dict[tuple[int, int], dict[str, int]] = {}
        hit_rules: list[tuple[int, tuple[int, ...]]] = []  # (sentence start, rules) per hit
        gates, hit_gates, norm = self._gates, self._hit_gates, doc.norm
        hits = self._hits(doc)
        # each hit's sentence as `doc.sentence` gives it, worked out here: most hits go no
        # further than the gate test below, and a call per hit cost more than the test
        ends, size = doc.sentence_ends, len(norm)
        for start, end, indexes in hits:
            at = bisect_left(ends, start)
            s0, s1 = ends[at - 1] + 1 if at else 0, ends[at] if at < len(ends) else size
            hit_rules.append((s0, indexes))
            # The rules whose gate words (RuleFilters.gate_pattern) the sentence has: for most
            # hits, none. One pattern of all the hit's rules' gate words says so for all of them
            # at once.
            gate = hit_gates.get(indexes)
            if gate is None:
                gate = hit_gates[indexes] = _union_gate([gates[i] for i in indexes])
            if not gate.search(norm, s0, s1):
                continue
            live = indexes if len(indexes) == 1 else \
                [i for i in indexes if gates[i] is None or gates[i].search(norm, s0, s1)]
            sent = (s0, s1)
            if self._skipped(doc, sent):
                continue
            for index in live:
                statuses = seen.setdefault((index, sent[0]), {})
                row = self._match(index, doc, sent, start, end + 1,
                                  narrow=bool(statuses))
                if row is None:
                    continue
                in_title = doc.title_span[0] <= start < doc.title_span[1]
                named = row.indicator in self._named and not in_title
                if row.status not in statuses:
                    statuses[row.status] = len(rows)
                    if named:
                        row = replace(row, names=(_thing_name(doc.norm, sent, start, end + 1),))
                    rows.append(row)
                    anchors.append((sent[0], start, in_title))
                    continue
                first = statuses[row.status]
                if row.quantity is not None and rows[first].quantity is None:
                    # "“一件事一次办”改革，…等二十六项“一件事”": the number sits by a later hit.
                    rows[first] = replace(rows[first], quantity=row.quantity, unit=row.unit)
                if named:  # "建成A中心和B创新园": a second thing of the same rule
                    name = _thing_name(doc.norm, sent, start, end + 1)
                    rows[first] = replace(rows[first], names=(*rows[first].names, name))
        self._follow_ups(doc, seen, rows, anchors, hit_rules)
        return rows, anchors

    def _follow_ups(self, doc: _Doc, seen: dict[tuple[int, int], dict[str, int]],
                    rows: list[Evidence], anchors: list[tuple[int, int, bool]],
                    hit_rules: list[tuple[int, tuple[int, ...]]]) -> None:
        """"…启动建设城市运行管理服务平台。该平台已于5月上线运行。": a sentence that points back
        to the thing the sentence before named (该平台, 此中心, 相关措施) tells that thing's status,
        and the thing stays whose it was. The pointer's noun must be of the thing's kind (a
        platform or body for a platform, a measure for a measure)."""
        if not seen:
            return
        norm = doc.norm
        # a pointer can only point back to a sentence with a hit, so none before the first
        first_hit = min(s0 for _, s0 in seen)
        # Most pages hold no pointer: a bare noun needs 已 after it, and 该/此/上述/相关 open
        # every other; a find of those characters is far cheaper than either pattern's scan.
        bare = [m for m in _BARE_POINTER.finditer(norm, first_hit)
                if _opens_sentence(norm, m.start())] if "已" in norm else []
        back = list(_BACK_REFERENCE.finditer(norm, first_hit)) \
            if any(c in norm for c in _BACK_REFERENCE_CHARS) else []
        pointers = sorted([*back, *bare], key=lambda p: p.start())
        for m in pointers:
            sent = doc.sentence(m.start())
            if sent[0] == 0 or self._skipped(doc, sent):
                continue
            prev = doc.sentence(sent[0] - 1)
            # indicators the sentence names itself, whether their rules passed there or not
            here = {self._rules[i].indicator for i, s0 in seen if s0 == sent[0]}
            here.update(self._rules[i].indicator for s0, rules in hit_rules if s0 == sent[0]
                        for i in rules)
            for (index, s0), statuses in list(seen.items()):
                rule = self._rules[index]
                if s0 != prev[0] or not statuses or rule.indicator in here:
                    continue
                first = statuses[next(iter(statuses))]
                hit = anchors[first][1]
                name = norm[hit:min(hit + 16, prev[1])]
                if not _same_kind(m.group(0), name) or m.re is _BARE_POINTER \
                        and m.group(0) not in name:
                    continue  # a bare noun repeats the thing's own ("平台" for a 平台)
                row = self._match(index, doc, sent, m.start(), m.end(), follow_up=True)
                # a denial after the thing ("该平台尚未与省级平台打通") is of a part or a stage
                if row is None or row.status in statuses or row.status in ("mentioned", "negated"):
                    continue
                seen[(index, sent[0])] = {row.status: len(rows)}
                rows.append(row)
                anchors.append(anchors[first])

    def _hits(self, doc: _Doc) -> list[tuple[int, int, tuple[int, ...]]]:
        """Keyword hits (start, last index, rules), in text order; the same walk over the text
        finds the sentence ends, which the document keeps for `_Doc.sentence`.

        A hit inside a longer keyword of other indicators is theirs: "实施细则" inside
        "授权运营管理实施细则" is not a data-management rule, "一件事" inside "高效处置一件事"
        is not a service item, "数字经济" inside "数字经济监测平台" is not a development aim.
        """
        # value: (rules, inside others' keywords, owners)
        found, doc._ends = self._keywords.hits_and_marks(doc.norm)
        hits = [(start, stop - 1, value[0]) for start, stop, value in found]
        claimable = [i for i, (_, _, value) in enumerate(found) if value[1]]
        if not claimable:
            return hits
        held = _held_hits(hits)
        if held.isdisjoint(claimable):
            return hits
        ends = [end for _, end, _ in hits]  # the automaton reports hits in order of their end
        dropped = set()
        for i in held.intersection(claimable):
            start, end, indexes = hits[i]
            claimed: frozenset[str] = frozenset()
            # A longer hit holding this one ends at or after it, within the longest keyword.
            for j in range(bisect_left(ends, end), bisect_right(ends, start + self._longest)):
                other_start, other_end, _ = hits[j]
                if other_start <= start and other_end - other_start > end - start:
                    claimed = claimed | found[j][2][2]
            if claimed:
                kept = tuple(k for k in indexes if self._rules[k].indicator in claimed)
                hits[i] = (start, end, kept)
                if not kept:
                    dropped.add(i)
        out = [hit for i, hit in enumerate(hits) if i not in dropped] if dropped else hits
        return out

    def _words_in(self, doc: _Doc, span: tuple[int, int]) -> frozenset[str]:
        """The rules' filter words in a sentence or clause, found once for all its hits."""
        found = doc.filter_words.get(span)
        if found is None:
            found = doc.filter_words[span] = self._filter_words.values(doc.norm, *span)
        return found

    def _skipped(self, doc: _Doc, sent: tuple[int, int]) -> bool:
        """A sentence no rule reads (skip cues, the sign-off line); asked once per sentence."""
        skipped = doc.skipped.get(sent[0])
        if skipped is None:
            skipped = doc.skipped[sent[0]] = self._skip_sentence(doc.norm, sent) \
                or _signature(doc, sent)
        return skipped

    def _skip_sentence(self, norm: str, sent: tuple[int, int]) -> bool:
        return bool(self._skip and self._skip.search(norm, *sent)) \
            or bool(self._skip_start and self._skip_start.match(norm, *sent))

    def _prepare(self, text: str, meta: DocumentMeta | None, title: str) -> _Doc:
        """The document as every city sees it; `_for_city` adds who wrote it."""
        norm = normalize_for_matching(text)
        meta = meta or parse_metadata(text)
        span = _title_span(text, meta, title)
        plan_title = bool(_PLAN_TITLE.search(norm, *span)) \
            and not _NEWS_OF_PLAN.search(norm, *span)
        tender = bool(_TENDER_TITLE.search(norm, *span))
        accepted = not tender and bool(_ACCEPTED_TITLE.search(norm, *span)) \
            and not _WORK_NOTICE.search(norm, *span)
        return _Doc(text, norm, meta, CITY, span, None, plan_title or tender, tender=tender,
                    accepted=accepted)

    @staticmethod
    def _for_city(doc: _Doc, attributor: Attributor) -> _Doc:
        """The document's author as seen from one city (a copy sharing the city-free caches)."""
        norm, meta, span = doc.norm, doc.meta, doc.title_span
        attribution = attributor.of_issuer(meta.issuer)
        forwarded = max(norm.find("转发", span[0], span[1]), norm.find("转载", span[0], span[1]))
        if forwarded >= 0:  # "昆明市人民政府转发国务院关于…": the document is the forwarded one's
            mentions = attributor.mentions(norm[forwarded:span[1]]) \
                or _forwarded_issuer(norm, span, attributor)
            attribution = mentions[0].attribution if mentions else attribution
        if attribution is None and meta.source:
            attribution = attributor.of_source(meta.source)
        author = attribution
        if attribution is None:
            # A headline names its actor first: "转载：国家网信办部署…", "市数据局赴杭州…".
            mentions = _without_visitors(norm, span[0], attributor.mentions(norm[span[0]:span[1]]))
            if not mentions:  # "西咸协同创新中心揭牌": the lead sentence names the actor
                lead = _lead_sentence(norm, span[1])
                mentions = _without_visitors(norm, lead[0], _actors(
                    norm, lead, attributor.mentions(norm[lead[0]:lead[1]])))
            attribution = mentions[0].attribution if mentions else CITY
        return _evolve(doc, attribution=attribution, author=author,
                       visited=_visited(norm, span, attributor))

    def _match(self, index: int, doc: _Doc, sent: tuple[int, int], start: int, end: int,
               narrow: bool = False, follow_up: bool = False) -> Evidence | None:
        """The row one hit supports, its attribution left for `extract_for` to fill in.

        follow_up: the hit is a pointer back (该平台) to a thing whose sentence passed the
        rule's filters, so they are not asked again."""
        rule = self._rules[index]
        norm = doc.norm
        if follow_up:
            return self._row(rule, doc, sent, start, end, narrow)
        filters = self._filters[index]
        if filters.words:
            present = self._words_in(doc, sent)
            in_clause: frozenset[str] = frozenset()
            if rule.scope == "clause":  # what the clause needs, the sentence holds first
                if not filters.may_pass(present):
                    return None
                present = in_clause = self._words_in(doc, _clause(norm, sent, start, end))
            elif filters.none_of_clause & present:  # else the clause cannot hold one either
                in_clause = self._words_in(doc, _clause(norm, sent, start, end))
            if not filters.passes(present, in_clause):
                return None
        if rule.near and not self._near(rule, norm, sent, start, end):
            return None
        in_title = doc.title_span[0] <= start < doc.title_span[1]
        if rule.title_only and not in_title and not self._issued_title(norm, sent[0], start):
            return None
        return self._row(rule, doc, sent, start, end, narrow)

    def _row(self, rule: Rule, doc: _Doc, sent: tuple[int, int], start: int, end: int,
             narrow: bool) -> Evidence | None:
        norm = doc.norm
        in_title = doc.title_span[0] <= start < doc.title_span[1]
        statuses = self._statuses(rule, doc, sent, start, end, in_title)
        if rule.status_map:
            statuses = list(dict.fromkeys(rule.status_map.get(st, st) for st in statuses))
        level, status = _pick_level(rule, statuses)
        if level is None:
            return None
        if level == "planned":
            status = "planned"
        elif level == "mentioned" and not (status == "planned" and (self.status.has_intent(
                norm, sent[0], sent[1], start, end) or _title_issue_ahead(norm, sent, start, end))):
            status = "mentioned"  # an exhortation ("要…") mentions; a concrete plan stays planned
        if status == "mentioned" and _topic_notice(doc):
            return None  # "培训内容：…数据安全事件报送流程": a course's topic, no work of the city
        quantity, unit = self._quantity(rule, norm, sent, start, end)
        # A second status from the same sentence is anchored on its own clause.
        span = _clause(norm, sent, start, end) if narrow else sent
        s, e = _strip(doc.text, *span)
        return Evidence(rule.indicator, level, status, doc.text[s:e], s, e, rule.id, "",
                        rule.confidence if status != "mentioned" else rule.confidence * 0.8,
                        quantity, unit, rule.kind, doc.meta.repealed, doc.meta.evidence_date)

    def _statuses(self, rule: Rule, doc: _Doc, sent: tuple[int, int], start: int, end: int,
                  in_title: bool) -> list[str]:
        norm = doc.norm
        bracket = _cited_title(norm, sent[0], start, end)
        if bracket is not None:
            return self._title_statuses(doc, sent, bracket, end, in_title)
        if in_title and _TOPIC_TITLE.search(norm, *doc.title_span):
            return ["mentioned"]
        if not in_title:
            clause = _clause(norm, sent, start, end)
            if _TOPIC_CLAUSE.search(norm[clause[0]:start]):
                # "二、关于授权运营平台。", "您提到的设立交易机构问题，…": the clause names a
                # topic; what the sentence goes on to say of it is its status
                if self.status.words(norm[clause[1]:sent[1]]) & self.status.negation:
                    return ["negated"]  # "关于“一件事”：…已梳理清单，但…尚未全面推行"
                # a fact told after it may be of a part ("…已梳理清单，但…尚未全面推行"): a
                # fact of the thing names it again, in a hit of its own
                if any(self.status.candidates(self.status.words(m.group(0)))[:1] == ["planned"]
                       for m in CLAUSES.finditer(norm, clause[1], sent[1])):
                    return ["planned", "mentioned"]
                return self._topic_heading_fact(doc, sent) or ["mentioned"]
        if in_title and _WORK_NOTICE.search(norm, *doc.title_span) \
                and _WORK_TOPIC.search(norm, *doc.title_span):
            return []  # "关于举办…管理办法培训班的通知": the topic of a training, no fact
        if in_title and doc.tender:
            return ["planned", "mentioned"]  # "…监测系统建设项目招标公告": a project to come
        if any(a <= start < b for a, b in doc.course_sections) and not in_title \
                and not self.status.clause_is_past(norm, sent[0], sent[1], start, end):
            return []  # "二、培训内容。（一）公共数据授权运营平台应用": a topic taught, no fact
        if rule.status != DETECT:
            return self._unwished(self._fixed_statuses(rule, doc, sent, start, end),
                                  norm, sent, start, end)
        span = _headline_phrase(norm, sent, start, end) if in_title else sent
        found = self.status.detect(norm, *span, start, end,
                                   own_clause=self._figure_in_clause(rule, norm, span, start, end))
        if found == ["mentioned"] and _ITEM_HEADING.match(norm, sent[0], sent[1]):
            found = self._body_status(doc, sent) or found
        if found[:1] in (["built"], ["issued"]) and self._in_plan(doc, sent, start, end):
            found = ["planned"]  # "二、重点任务 …（一）建成城市生命体征监测系统"
        if (found[:1] in (["built"], ["issued"]) or found == ["mentioned"]) \
                and self._in_problems(doc, sent, start, end):
            # "三、存在的问题 一是城市运行平台运行不稳定": what a self-check lists as lacking is
            # a shortfall, neither a fact nor (by `unmarked`) a thing in use, unless told done
            found = ["mentioned", SHORTFALL]
        if doc.on_topic(sent, self._topic):
            # "会议听取了城市大脑建设情况汇报" reports on a topic: no fact without a fact's verb
            if found[:1] == ["built"] and not self.status.clause_has_built(
                    norm, sent[0], sent[1], start, end):
                found = ["mentioned"]
        elif rule.unmarked and found == ["mentioned"]:
            found = [rule.unmarked]
        elif doc.accepted and found == ["mentioned"] and not in_title:
            found = ["built"]  # "验收结果公示 … 建设内容：…平台": what was accepted exists
        if in_title:
            title = norm[doc.title_span[0]:doc.title_span[1]].strip()
            if _POLICY_TITLE.search(title) and not _WORK_NOTICE.search(title):
                found = ["issued", *found]
        found = self._unwished(found, norm, sent, start, end)
        if found and found[0] == "planned":
            return ["planned", "mentioned"]  # intent counts as a mention where no plan level
        return found

    def _unwished(self, found: list[str], norm: str, sent: tuple[int, int], start: int,
                  end: int) -> list[str]:
        """A fact, issue or plan that someone only wishes for ("企业希望…出台…政策") is a
        mention, after any `unmarked` status has been given."""
        if found[:1] in (["built"], ["issued"], ["planned"]) and self.status.wished(
                norm, sent[0], sent[1], start, end):
            return ["mentioned"]
        return found

    @staticmethod
    def _near(rule: Rule, norm: str, sent: tuple[int, int], start: int, end: int) -> bool:
        """One of the rule's `near` words within its window after (or before) the keyword."""
        windows = []
        if rule.near_side in ("after", "both"):
            windows.append(norm[end:min(end + rule.near_within, sent[1])])
        if rule.near_side in ("before", "both"):
            windows.append(norm[max(start - rule.near_within, sent[0]):start])
        return any(w in window for window in windows for w in rule.near)

    @staticmethod
    def _figure_in_clause(rule: Rule, norm: str, sent: tuple[int, int], start: int,
                          end: int) -> bool:
        """A figure in the rule's unit in the hit's own clause ("算力规模达到1500P")."""
        if rule.quantity is None:
            return False
        a, b = _clause(norm, sent, start, end)
        return any(q.unit in rule.quantity.units for q in find_quantities(norm[a:b]))

    def _body_status(self, doc: _Doc, sent: tuple[int, int]) -> list[str]:
        """"（一）数据要素×工业制造。平台已接入企业860家。": a heading with no verb of its own
        takes the fact its first body sentence states."""
        if sent[1] + 1 >= len(doc.norm) or doc.norm[sent[1]] == "\n":
            return []
        following = doc.sentence(sent[1] + 1)
        words = self.status.words(doc.norm[following[0]:following[1]])
        found = self.status.candidates(words)
        past = self.status.clause_is_past(doc.norm, *following, following[0], following[0])
        if found[:1] in (["built"], ["issued"]):
            # read as a hit at its start would be: "…项目已于8月开工，…建成后将形成…" is a plan
            found = self.status.detect(doc.norm, *following, following[0], following[0])
        if found[:1] == ["planned"] and words & self.status.strong_planned:
            # "一是公共数据授权运营平台。平台建设项目已完成招标，计划明年一季度上线。"
            return ["planned", "mentioned"]
        return found if found[:1] in (["built"], ["issued"]) and past else []

    def _topic_heading_fact(self, doc: _Doc, sent: tuple[int, int]) -> list[str]:
        """"二、关于政务数据与社会数据融合。我局已推动…数据向银行开放": a reply's item heading
        names the topic; a fact its first body sentence states is the topic's. A plan or a
        denial there stays the body's own ("该事项需审慎推进，我局将加强研究" plans nothing)."""
        if not _ITEM_HEADING.match(doc.norm, sent[0], sent[1]):
            return []
        found = self._body_status(doc, sent)
        if found[:1] in (["built"], ["issued"]):
            return found
        if sent[1] + 1 >= len(doc.norm) or doc.norm[sent[1]] == "\n":
            return []
        # "我局推动…数据向银行开放，已支撑…审批": done, told in a later clause of the body
        body = doc.sentence(sent[1] + 1)
        found = self.status.detect(doc.norm, *body, body[1], body[1])
        past = self.status.clause_is_past(doc.norm, *body, body[1] - 1, body[1] - 1)
        return found if found[:1] in (["built"], ["issued"]) and past else []

    def _title_statuses(self, doc: _Doc, sent: tuple[int, int], bracket: int, end: int,
                        in_title: bool) -> list[str]:
        """A keyword inside 《…》: issued, drafted, repealed or only cited."""
        norm = doc.norm
        if norm[max(sent[0], bracket - 6):bracket].endswith(self._repeal):
            return []  # "决定废止《…》": the title is being repealed
        close = norm.find("》", end - 1)
        if _DRAFT_TITLE.search(norm, bracket, close):
            return ["planned", "mentioned"]  # "审议通过了《…协议（送审稿）》": not signed yet
        lead = norm[max(sent[0], bracket - 6):bracket]
        if "征求" in lead:
            return ["planned", "mentioned"]  # "公开征求《…办法》意见": a draft, not in force
        if self._issued_before(norm, sent[0], bracket) or self._issued_after(norm, end, sent[1]) \
                or self._issued_list(norm, bracket):
            return ["issued", "mentioned"]
        if _EXPLAINING.search(lead) and not _WORK_NOTICE.search(norm, *doc.title_span):
            return ["issued", "mentioned"]  # "解读《…办法》": a measure explained is in force
        if in_title and _EXPLAINED.match(norm, close + 1) and \
                not _WORK_NOTICE.search(norm, *doc.title_span):
            return ["issued", "mentioned"]  # "《…办法》政策解读" explains a measure in force
        # "启动《…规划》编制工作" plans the document; "根据《…》", "拟对《…》开展评估" cite it.
        after = re.split(r"[,，:：]", norm[close + 1:close + 7], maxsplit=1)[0]  # "》，现启动…申报"
        near = norm[max(sent[0], bracket - 4):bracket] + " " + after
        drafted = any(v in near for v in _DRAFTING) or self._planned_before(norm, sent[0], bracket)
        # "《…办法》已报市政府审议，将于下月正式印发": a step under way or an issue ahead
        rest = norm[close + 1:sent[1]]
        # …but not a step of another thing after "》，" ("根据《…》，现启动…申报工作")
        own = re.split(r"[,，:：]", rest[:24], maxsplit=1)[0]
        drafted = drafted or bool(self.status.words(own) & self.status.pending) \
            or bool(_WILL_ISSUE_AFTER.match(rest))
        return ["planned"] if drafted else []

    def _fixed_statuses(self, rule: Rule, doc: _Doc, sent: tuple[int, int], start: int,
                        end: int) -> list[str]:
        """A fixed status ("交易所 … 推进改革" shows the exchange exists) yields only to a plan
        or negation around the keyword ("计划设立交易所", "交易服务中心正处于筹建阶段")."""
        norm = doc.norm
        if rule.status == "planned" and self._done_later(doc, sent, end):
            return []  # "…经立项批复后开工建设，2023年建成投入使用": the steps led to the thing
        before = self.status.clause_prefix(norm, sent[0], start)
        if before[:1] == ["negated"] or before[:1] == ["planned"] and \
                self.status.strong_plan(norm, sent[0], start):
            return before
        if any(v in norm[end:end + 6] for v in (*_DRAFTING, "征求意见")):
            return ["planned"]  # "…管理办法起草工作进展", "…办法（征求意见稿）"
        if self.status.carried_plan(norm, sent[0], start, end):
            return ["planned"]  # "今年，我们将建成…平台，出台…管理办法": 将 governs the list
        after = norm[end:_clause(norm, sent, start, end)[1]]
        if self.status.words(after) & self.status.pending:
            return ["planned"]
        own = self.status.clause_words(norm, sent[0], sent[1], start, end)
        if own & self.status.negation or self.status.words(norm[sent[0]:sent[1]]) \
                & self.status.negation and not own & self.status.facts:
            # "参加了全国评选，均未获奖"; but "已出台…办法，但尚未出台实施细则" keeps its fact
            return ["negated"]
        if self.status.candidates(own)[-1:] == [SHORTFALL]:
            return ["mentioned", SHORTFALL]  # "与周边城市共建的创新平台较少": a lack, no fact
        if self._planned_here(doc, sent, start, end):
            return ["planned"]  # a task "出台…管理办法" under "二、重点任务"
        return [rule.status]

    def _done_later(self, doc: _Doc, sent: tuple[int, int], end: int) -> bool:
        """A later clause of the sentence says the thing was finished: a built word after a past
        marker or after a year no later than the document's own ("2023年建成投入使用"), with no
        plan word. A step told before it (立项, 开工) was then a step on the way, not a plan."""
        year = doc.meta.evidence_date[:4]
        for m in CLAUSES.finditer(doc.norm, end, sent[1]):
            done = _DONE_CLAUSE.search(m.group(0))
            if done is None or self.status.words(m.group(0)) & self.status.planned:
                continue
            if done.group(2) is None or year.isdigit() and done.group(2) <= year:
                return True
        return False

    def _in_plan(self, doc: _Doc, sent: tuple[int, int], start: int, end: int) -> bool:
        """Under a heading of tasks, with no marker that the thing is already done."""
        # the clause's own words first: a past marker there settles it without the sections
        return not self.status.clause_is_past(doc.norm, sent[0], sent[1], start, end) \
            and any(a <= start < b for a, b in doc.plan_sections)

    def _in_problems(self, doc: _Doc, sent: tuple[int, int], start: int, end: int) -> bool:
        """Under a heading of shortfalls, with no marker that the thing is already done."""
        return any(a <= start < b for a, b in doc.problem_sections) and \
            not self.status.clause_is_past(doc.norm, sent[0], sent[1], start, end)

    def _planned_here(self, doc: _Doc, sent: tuple[int, int], start: int, end: int) -> bool:
        """A fixed-status keyword in a task with its own fact verb ("设立数据交易所")."""
        words = self.status.clause_words(doc.norm, sent[0], sent[1], start, end)
        return bool(words & self.status.facts) \
            and self._in_plan(doc, sent, start, end)

    def _issued_before(self, norm: str, sent_start: int, bracket: int) -> bool:
        while bracket > sent_start and norm[bracket - 1] in "》、和及与":
            previous = norm.rfind("《", sent_start, bracket - 1)  # 印发《甲》《乙》: one verb
            if previous < 0:
                break
            bracket = previous
        bracket = _before_edition(norm, sent_start, bracket)
        window = norm[max(sent_start, bracket - 8):bracket]
        for verb in self._issuing:
            for form in (verb, verb + "了", verb + "的"):
                if window.endswith(form):
                    # "研究制定《…办法》", "拟出台《…》": the title is still to be made
                    if window[:-len(form)].endswith(_PLAN_BEFORE_VERB):
                        return False
                    # "正式印发的《…规划》" names an issued title; "根据市政府印发的《…》"
                    # cites it for the work the sentence is about
                    return form[-1] != "的" or not _CITING.search(
                        norm, max(sent_start, bracket - 24), bracket)
        return False

    def _issued_list(self, norm: str, bracket: int) -> bool:
        """"两份配套文件已正式印发：（一）《…细则》。（二）《…办法》。": the title is an item of a
        list whose lead-in says the items were issued; "拟印发以下文件：" keeps them ahead."""
        colon = max(norm.rfind("：", max(0, bracket - 200), bracket),
                    norm.rfind(":", max(0, bracket - 200), bracket))
        if colon < 0 or not _LIST_GAP.fullmatch(_TITLES.sub("", norm[colon + 1:bracket])):
            return False
        start = max(norm.rfind("。", 0, colon), norm.rfind("\n", 0, colon)) + 1
        lead = norm[start:colon]
        if not any(v in lead for v in self._issuing):
            return False
        found = self.status.candidates(set(self.status.words(lead)))
        return "issued" in found and found[0] not in ("planned", "negated")

    def _planned_before(self, norm: str, sent_start: int, bracket: int) -> bool:
        """"拟出台《…》", "研究制定《…》": an issuing verb that a plan word puts in the future."""
        bracket = _before_edition(norm, sent_start, bracket)  # "将发布新版《…》"
        window = norm[max(sent_start, bracket - 8):bracket]
        return any(window.endswith(v) and window[:-len(v)].endswith(_PLAN_BEFORE_VERB)
                   for v in self._issuing)

    def _issued_after(self, norm: str, end: int, sent_end: int) -> bool:
        """"现将《…》印发给你们", "《…》正式印发": the verb follows the title."""
        close = norm.find("》", end - 1)
        if close < 0 or close >= sent_end:
            return False
        # "《…》已经市政府第12次常务会议审议通过，现予公布，自…起施行": the verb may come late
        window = norm[close + 1:min(close + 40, sent_end)]
        subject = _NEW_SUBJECT.search(window)
        window = window[:subject.start()] if subject else window
        return any(v in window for v in _ISSUED_AFTER) or bool(_DIRECT_ISSUED.match(window))

    def _issued_title(self, norm: str, sent_start: int, pos: int) -> bool:
        bracket = norm.rfind("《", sent_start, pos)
        return bracket >= 0 and self._issued_before(norm, sent_start, bracket)

    def _attribution(self, doc: _Doc, attributor: Attributor, sent_start: int, hit: int,
                     in_title: bool) -> str:
        key = (id(attributor), sent_start)
        if key not in doc.mentions:
            end = doc.sentence(sent_start)[1]
            doc.mentions[key] = attributor.mentions(doc.norm[sent_start:end])
        before = _without_partners(doc.norm, sent_start, hit, [
            m for m in doc.mentions[key] if m.end <= hit - sent_start
            and not (m.adjacent and hit - sent_start - m.end > 2)
            and not _in_cited_title(doc.norm, sent_start, m, hit)])
        if len(before) > 1 and any(m.attribution == CITY for m in before):
            # "南通在全省率先建成…", "建成江苏省首个…": the province is the scope, not the actor
            before = [m for m in before if m.attribution not in (PROVINCE, NATIONAL)
                      or not _SCOPE.match(doc.norm, sent_start + m.end)]
        if not before and doc.visited and _VISIT_VERB.search(doc.norm, sent_start, hit):
            return doc.visited  # "考察团参观了城市大脑运营指挥中心": the host's, on a study tour
        if not before:
            # "一网统管平台在上海率先建成": a place named later in the same clause.
            clause_end = _clause(doc.norm, doc.sentence(sent_start), hit, hit + 1)[1]
            after = [m for m in doc.mentions[key]
                     if hit - sent_start < m.start and m.end <= clause_end - sent_start]
            if after and after[0].attribution != CITY and \
                    doc.norm[sent_start + after[0].start - 1] in "在由于":
                return after[0].attribution
            return doc.attribution
        last = before[-1]
        first = before[0]
        if last.attribution in (NATIONAL, PROVINCE) and \
                _CITY_SHARE.search(doc.norm, hit, doc.sentence(sent_start)[1]):
            return CITY  # "全省已建成数字化车间120个，其中我市15个": the city's share is named
        if last.attribution in (NATIONAL, PROVINCE) and \
                _PUBLISHED_LIST.search(doc.norm, sent_start + last.end, hit + 12):
            # "国家数据局公布…典型案例，芜湖市报送的…项目成功入选": the judge publishes the
            # list; the one selected is who did the thing
            end = doc.sentence(sent_start)[1]
            chosen = [m for m in doc.mentions[key] if m.start >= hit - sent_start
                      and m.attribution == CITY
                      and _SELECTED.search(doc.norm, sent_start + m.end, end)]
            if chosen:
                return CITY
        if last.generic and doc.author in (OTHER_CITY, PROVINCE, NATIONAL):
            return doc.author  # "本市…" in 无锡's measures on 常州's portal is 无锡
        if last.generic and len(before) > 1 and before[-2].attribution == OTHER_CITY and \
                doc.norm[sent_start + last.start:sent_start + last.end] not in ("我市", "本市") \
                and (doc.norm[sent_start + before[-2].start - 1] != "在"
                     or not any(m.attribution == CITY for m in before[:-2])):
            # "杭州市数据局局长介绍，全市已建成…", "在上海市城市运行管理中心，大屏上…全市的…":
            # 全市 is that city's, unless the city acts before the place ("我市在杭州…")
            return OTHER_CITY
        if last.attribution == OTHER_CITY and _NAME_PART.fullmatch(
                doc.norm, sent_start + last.end, hit) and \
                not doc.norm.startswith(_JOINT_VERBS, hit) and \
                doc.norm[max(0, sent_start + last.start - 1):sent_start + last.start] \
                not in ("(", "（", "—", "-", "–", "~", "·"):
            return OTHER_CITY  # "与上海数据交易所签署", "在北京国际大数据交易所挂牌": its name
        if last.attribution == OTHER_CITY and first.attribution == CITY and \
                doc.norm[sent_start + first.end:sent_start + first.end + 3].lstrip("市")\
                .startswith(_JOINT):
            return CITY  # "苏州与上海共建的…", "连云港市与上海、与南京共建的…": a partner
        run = _run_start(doc.norm, sent_start, before)
        if last.attribution == OTHER_CITY and run > 0 and before[run - 1].attribution == CITY \
                and doc.norm[sent_start + before[run].start - 1] == "在":
            return CITY  # "嘉兴市在上海、深圳设立的科创飞地": the places are where, the city is who
        if last.attribution == OTHER_CITY and len(before) > 1 and before[-2].attribution == CITY \
                and before[-2].end + 1 == last.start \
                and doc.norm[sent_start + last.start - 1] in "—-–~·":
            return CITY  # "株洲—东莞产业转移合作园": a joint name holds the city's own
        return last.attribution

    def _quantity(self, rule: Rule, norm: str, sent: tuple[int, int], start: int,
                  end: int) -> tuple[float | None, str | None]:
        spec = rule.quantity
        if spec is None:
            return None, None
        best = None
        total = 0.0
        running_total = None
        sentence = norm[sent[0]:sent[1]]
        increment = any(w in sentence for w in _INCREMENT_WORDS)
        for q in find_quantities(sentence):
            qs, qe = q.start + sent[0], q.end + sent[0]
            if q.unit not in spec.units or (qs < end and qe > start) or \
                    _FROM.search(norm, max(sent[0], qs - 6), qs) and _TO.match(norm, qe):
                continue  # "由200P扩展至500P": 200P was there before, 500P is there now
            distance = qs - end if qs >= end else start - qe
            total += q.value
            if distance <= spec.max_distance and (best is None or distance < best[0]):
                best = (distance, q.value)
            if (increment or any(w in norm[max(sent[0], qs - 6):qs] for w in _RUNNING_TOTAL)) \
                    and self._is_total(norm, sent, qs):
                running_total = q.value
        if running_total is not None and not spec.sum:
            # "新增19个…，累计达到32项": what exists is the total, not the increment.
            return running_total, spec.unit
        share = _city_share(norm, sent, end, spec.units)
        if share is not None:
            return share, spec.unit  # "全省…120个，其中我市15个": the city has 15
        if best is None:
            return None, None
        return (round(total, 6) if spec.sum else best[1]), spec.unit

    @staticmethod
    def _is_total(norm: str, sent: tuple[int, int], qs: int) -> bool:
        """Whether the number at qs is a running total rather than the step it grew by."""
        if any(w in norm[max(sent[0], qs - 4):qs] for w in _TOTAL_WORDS):
            return True
        before = norm[clause_start_at(norm, sent[0], qs):qs]
        return bool(_CLAUSE_TOTAL.search(before)) and not re.search(r"\d", before)

    def _finish(self, rows: list[Evidence], doc: _Doc) -> list[Evidence]:
        out: list[Evidence] = []
        for indicator in dict.fromkeys(r.indicator for r in rows):
            group = [r for r in rows if r.indicator == indicator]
            if any(r.status == "negated" for r in group):
                # "赣州市数字化改革推进情况" heads a text that denies it: the headline names the
                # topic the body speaks about, it is no mention of its own.
                group = [r for r in group if r.status != "mentioned"
                         or not doc.title_span[0] <= r.start < doc.title_span[1]]
            rules = self._by_indicator[indicator]
            if rules.count:
                group = _with_count(group, rules, doc)
            out.extend(group)
            out.extend(_combined(group, rules, doc))
        return out


# "已建成投用", "2023年建成投入使用", "于2022年底上线": the thing done, right after the marker or
# the year it was done ("上线时间已延误" is no such clause).
_DONE_CLAUSE = re.compile(r"(已经?|于?(20\d{2})\s*年(?:底|末|初|\d{1,2}月)?)\s*"
                          r"(?:全面|正式|顺利|基本)?(建成|上线|投用|投入使用|投入运行|投运|启用|"
                          r"揭牌|挂牌|通过验收|竣工)")
# A sentence pointing back to the thing the sentence before named.
# Each branch opens with its own literal, so the regex engine skips ahead to 该/此/上/相.
_POINTED = (r"(?:平台|系统|中心|体系|实验室|园区|集团|公司|"
            r"办法|政策|措施|规划|方案|清单|目录|细则|机制|项目)")
# "…启动建设城市运行管理平台。目前，平台已完成…": a bare noun opening a sentence, told done,
# points back as 该平台 does (the noun alone is the match, so the clause is read as for 该平台).
# The noun comes first in the pattern, so the regex engine skips ahead to 平/中/系; what must
# stand before it (the sentence's start, 目前, 现, 如今) is asked of each match by _opens_sentence.
_BARE_POINTER = re.compile(r"(?:平台|中心|系统)(?=(?:目前|现)?已)")
_BARE_POINTER_LEADS = ("", "目前", "目前,", "目前，", "现", "如今,", "如今，")
_BACK_REFERENCE = re.compile(rf"该{_POINTED}|此{_POINTED}|上述{_POINTED}|相关(?:措施|政策|办法)")
# One of these stands in every match of _BACK_REFERENCE (述 for 上述, 相关 itself: 关 is common).
_BACK_REFERENCE_CHARS = ("该", "此", "述", "相关")
# Nouns a pointer may use for the same thing: a platform is also a system; a measure is a
# policy. Others must repeat the thing's own noun (该中心 for a centre, 该集团 for a group).
_SAME_NOUNS = (("平台", "系统"), ("办法", "政策", "措施", "细则"))


def _same_kind(pointer: str, name: str) -> bool:
    """Whether the pointer's noun (该平台 → 平台) can name the thing the keyword at name is."""
    noun = pointer[-2:] if not pointer.endswith("实验室") else "实验室"
    nouns = next((group for group in _SAME_NOUNS if noun in group), (noun,))
    return any(n in name for n in nouns)


def _run_start(norm: str, sent_start: int, names: list) -> int:
    """Index of the first of the other cities that end names joined by 、/和/及 ("在上海、深圳")."""
    i = len(names) - 1
    while i > 0 and names[i - 1].attribution == OTHER_CITY and \
            norm[sent_start + names[i - 1].end:sent_start + names[i].start] in ("、", "和", "及"):
        i -= 1
    return i


def _in_cited_title(norm: str, sent_start: int, mention, hit: int) -> bool:
    """"我市贯彻落实《浙江省…办法》，制定了实施细则": a name inside a title the sentence cites,
    closed before the keyword, is the title's issuer, not the actor of the sentence."""
    at = sent_start + mention.start
    opened = norm.rfind("《", sent_start, at)
    if opened < 0 or norm.rfind("》", opened, at) >= 0:
        return False
    closed = norm.find("》", at, hit)
    return closed >= 0


def _headline_phrase(norm: str, sent: tuple[int, int], start: int,
                     end: int) -> tuple[int, int]:
    """"宿迁：“建管用”一体推进 城市数字化运营体系初步成形": a headline's phrases are parted by a
    space, and each says its own thing."""
    left = max(norm.rfind(" ", sent[0], start), norm.rfind("\u3000", sent[0], start)) + 1
    ends = [e for e in (norm.find(" ", end, sent[1]), norm.find("\u3000", end, sent[1])) if e >= 0]
    return max(left, sent[0]), min(ends or [sent[1]])


def _signature(doc: _Doc, sent: tuple[int, int]) -> bool:
    """The sign-off line ("漳州市数字福建建设领导小组办公室" above the date) names who wrote the
    text; the body says what exists."""
    issuer = doc.meta.issuer.strip()
    return bool(issuer) and sent[0] >= doc.meta.body_start \
        and doc.text[sent[0]:sent[1]].strip() == issuer


def _without_partners(norm: str, sent_start: int, hit: int, before: list) -> list:
    """Other cities named as partners ("与长沙市共同建设的…", "对接上海、杭州资源") are not the
    actor; a partner named right before the keyword ("与上海数据交易所合作") owns the thing."""
    out = []
    partner = False
    previous_end = -1
    for m in before:
        lead = norm[max(sent_start, sent_start + m.start - 2):sent_start + m.start]
        if lead.endswith(_PARTNER_MARKS):
            partner = True
        elif not (partner and (lead.endswith(("、", "和", "及")) or norm[
                sent_start + previous_end:sent_start + m.start] in ("", "省", "市"))):
            partner = False  # "与广东省东莞市": a name right after a partner's is the partner's
        if m.attribution == OTHER_CITY and out and (
                lead.endswith(("(", "（")) and m.start - 1 == previous_end
                or norm[max(sent_start, sent_start + m.start - 3):sent_start + m.start]
                .endswith(_LOCATED)):
            previous_end = m.end  # "南通（上海）科创飞地": a partner or a place inside a name
            continue
        if m.attribution == OTHER_CITY and norm[max(sent_start, sent_start + m.start - 3):
                                                sent_start + m.start].endswith(_LOCATED) \
                and norm.find("的", sent_start + m.end, hit) >= 0:
            previous_end = m.end  # "位于上海杨浦的南通…飞地": where it is, not whose
            continue
        if m.attribution == OTHER_CITY and lead and norm[
                max(sent_start, sent_start + m.start - 4):sent_start + m.start] \
                .endswith(_MODEL_BEFORE) and _MODEL_AFTER.match(norm, sent_start + m.end):
            previous_end = m.end  # "借鉴杭州经验": the model learnt from, not the actor
            continue
        previous_end = m.end
        if partner and m.attribution in (OTHER_CITY, NATIONAL, PROVINCE) and (
                hit - (sent_start + m.end) > 3 or norm.startswith(_JOINT_VERBS, hit)
                or norm.startswith(_JOINT_VERBS, sent_start + m.end)):
            continue  # "与上海市共同建设的…": a joint verb after the partner, not its thing
        out.append(m)
    return out


def _claimable(word: str, owners: set[str], keywords: dict[str, list[int]], rules) -> bool:
    """Whether a longer keyword of another indicator holds this one (checked per hit)."""
    return any(word in other and len(other) > len(word)
               and {rules[i].indicator for i in indexes} - owners
               for other, indexes in keywords.items())


def _actors(norm: str, span: tuple[int, int], mentions: list) -> list:
    """Who acts in a lead sentence: not a title it cites, and the city itself when it speaks.

    "为贯彻落实《国务院关于…》精神，结合我市实际…" is the city's own text, not the nation's.
    """
    text = norm[span[0]:span[1]]
    outside = [m for m in mentions if text.rfind("《", 0, m.start) <= text.rfind("》", 0, m.start)]
    outside = _without_partners(norm, span[0], span[1] + 4, outside)  # "与长沙市共建的…"
    own = [m for m in outside if m.attribution == CITY]
    return own or outside


def _lead_sentence(norm: str, after: int) -> tuple[int, int]:
    """The first sentence after the headline, past lines such as "来源：中国政府网"."""
    start = after
    while True:
        while start < len(norm) and norm[start] in " \n\t\r":
            start += 1
        if not _BYLINE.match(norm, start):
            break
        line_end = norm.find("\n", start)
        start = len(norm) if line_end < 0 else line_end
    match = _SENTENCE_END.search(norm, start)
    return start, match.start() if match else len(norm)


def _pick_level(rule: Rule, statuses: list[str]) -> tuple[str | None, str]:
    for status in statuses:
        if status in rule.levels:
            return rule.levels[status], status
    return None, ""


def _title_issue_ahead(norm: str, sent: tuple[int, int], start: int, end: int) -> bool:
    """"《…规划》已审议通过，近期将印发": a later clause tells the title's own issue ahead, a
    concrete plan rather than a mention. The title must be the subject, its predicate right after
    it: in "根据《…规划》，我局将于下月印发细则" the plan is another document's."""
    if _cited_title(norm, sent[0], start, end) is None:
        return False
    close = norm.find("》", end - 1, sent[1])
    return 0 <= close < sent[1] - 1 and norm[close + 1] not in ",，:：;；" \
        and bool(_WILL_ISSUE_AFTER.match(norm, close + 1, sent[1]))


def _cited_title(norm: str, sent_start: int, start: int, end: int) -> int | None:
    """Offset of the 《 that encloses the hit, or None when the hit is not inside a title."""
    open_at = norm.rfind("《", sent_start, start)
    if open_at < 0 or norm.rfind("》", open_at, start) >= 0:
        return None
    close_at = norm.find("》", end - 1)
    if close_at < 0 or norm.find("《", end, close_at) >= 0:
        return None
    return open_at


def _clause(norm: str, sent: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    return clause_start_at(norm, sent[0], start), clause_end_at(norm, end, sent[1])


def _title_span(text: str, meta: DocumentMeta, title: str) -> tuple[int, int]:
    """The document's own title: the given one if found, else the first short line of the body."""
    if title:
        at = text.find(title)
        if at >= 0:
            return at, at + len(title)
    head = _headline_above(text, meta.body_start)
    if head is not None:
        return head
    for start, end in top_lines(text, 3, meta.body_start):
        stripped = text[start:end].strip()
        if stripped:
            at = text.find(stripped, start)
            if len(stripped) <= 80 and not stripped.endswith("。"):
                return at, at + len(stripped)
            break
    return 0, 0


# "现将国家数据局等17部门印发的《…》转发给你们", "现将《…》（国家数据局印发）转发": the body
# names who issued the forwarded title when the headline ("关于转发《…》的通知") does not.
_FORWARD_LINE = re.compile(r"[^。\n]*(印发的|发布的|制定的)?《[^。\n]*转(发|载)[^。\n]*")


def _forwarded_issuer(norm: str, span: tuple[int, int], attributor: Attributor) -> list:
    """Who issued the title a headline forwards, from the body's line that forwards it."""
    line = _FORWARD_LINE.search(norm, span[1], min(len(norm), span[1] + 600))
    if line is None:
        return []
    text = line.group(0)
    bracket = text.find("《")
    # "经市政府同意，现将国务院办公厅《…》转发": the issuer is in the clause of the title
    clause = max(text.rfind(ch, 0, bracket) for ch in ",，:：") + 1
    return attributor.mentions(text[clause:text.rfind("转")])


# "市数据局赴杭州学习考察…", "组织考察团赴深圳、广州考察": a study tour to another place.
_VISIT = re.compile(r"赴([^,，。;；\n]{2,16}?)(学习|考察|调研|交流|参观|观摩)")
# What visitors do with the host's things: see them, hear of them, study them.
_VISIT_VERB = re.compile(r"参观|考察|观摩|察看|了解|听取|走进|实地|体验|学习|走访|观看|聆听|座谈")


def _visited(norm: str, span: tuple[int, int], attributor: Attributor) -> str | None:
    """The place a study tour went to, from the headline or the lead sentence; None if none
    or if it is the city's own (a district visited)."""
    lead = _lead_sentence(norm, span[1])
    for a, b in (span, lead):
        found = _VISIT.search(norm, a, b)
        if found:
            mentions = attributor.mentions(found.group(1))
            if mentions and mentions[0].attribution != CITY:
                return mentions[0].attribution
            return None
    return None


def _headline_above(text: str, body_start: int) -> tuple[int, int] | None:
    """"转发…的通知" then "发布机构：…", "发布日期：…": a headline printed above its metadata."""
    if body_start <= 0:
        return None
    pos = 0
    for line in text[:body_start].split("\n"):
        stripped = line.strip()
        if stripped:
            if _META_LABEL.match(stripped) or len(stripped) > 80 or stripped.endswith("。"):
                return None
            at = text.find(stripped, pos)
            return at, at + len(stripped)
        pos += len(line) + 1
    return None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _with_count(group: list[Evidence], rules: IndicatorRules, doc: _Doc) -> list[Evidence]:
    """Count-type indicators: a stated "N个领域" wins, else the distinct domains named in the
    sentences that support the indicator."""
    spec = rules.count
    if spec is None:
        return group
    spans = [doc.sentence(r.start) for r in group if r.level in spec.levels]
    spans += _heading_bodies(doc, spans)
    found = count_domains(doc.norm, spans, spec.domains)
    stated = [r.quantity for r in group if r.level in spec.levels and r.quantity is not None]
    stated += pointed_count(doc.norm, spans)
    if stated:  # a number stated anywhere in the document beats counting its domain words
        found = max(stated)
    out = []
    for r in group:
        if r.level in spec.levels and r.quantity is None and found:
            r = replace(r, quantity=float(found), unit=spec.unit)
        out.append(r)
    return out


def _city_share(norm: str, sent: tuple[int, int], end: int,
                units: tuple[str, ...]) -> float | None:
    """The first figure in the rule's unit after "其中我市/本市" later in the sentence."""
    if "其中" not in norm[end:sent[1]]:
        return None
    lead = norm[sent[0]:end]
    if not any(w in lead for w in _WIDE_SCOPES) or "我市" in lead or "本市" in lead:
        return None  # "我市…32万个，其中我市新增8万个": the total is already the city's
    share = _CITY_SHARE.search(norm, end, sent[1])
    if share is None:
        return None
    rest = norm[share.end():sent[1]]
    found = [q for q in find_quantities(rest) if q.unit in units]
    if not found or any(w in rest[:found[0].start] for w in _INCREMENT_WORDS):
        return None
    return found[0].value


def _topic_notice(doc: _Doc) -> bool:
    """A notice of a course or meeting to hold ("关于举办…培训班的通知"): what it names with no
    fact or plan of its own is the topic taught or discussed."""
    a, b = doc.title_span
    return b > a and bool(_WORK_NOTICE.search(doc.norm, a, b)) \
        and bool(_WORK_TOPIC.search(doc.norm, a, b))


# People from a place ("成都市考察团一行来我市调研", "外地考察团来我市交流") are guests, not actors.
_VISITORS = re.compile(r"市?(考察团|代表团|调研组|考察组|客商|嘉宾|来宾)")


def _without_visitors(norm: str, offset: int, mentions: list) -> list:
    """Mentions less the places visitors come from, when someone else is named after them."""
    if len(mentions) < 2:
        return mentions
    kept = [m for m in mentions[:-1] if not _VISITORS.match(norm, offset + m.end)]
    return kept + mentions[-1:]


def _heading_bodies(doc: _Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"一、关于“数据要素×”应用。我市已在工业制造、交通运输…四个领域推出应用": a heading
    with no verb takes its fact from the body sentence after it, so that sentence's domains and
    stated count are the heading's too."""
    out = []
    for a, b in dict.fromkeys(spans):
        if _ITEM_HEADING.match(doc.norm, a, b) and b + 1 < len(doc.norm) \
                and doc.norm[b] != "\n":
            out.append(doc.sentence(b + 1))
    return out


def _combined(group: list[Evidence], rules: IndicatorRules,
              doc: _Doc | None = None) -> list[Evidence]:
    """Higher levels that need several kinds in one document (e.g. CIM and real-scene 3D).

    For a count of kinds (`min_kinds`), the items of a numbered list ("一是…；二是…",
    "一、…二、…") that each report a part are as many things: a report lists separate
    achievements, so two centres of one kind in two items are two platforms."""
    out = []
    for combine in rules.combine:
        for attribution in dict.fromkeys(r.attribution for r in group):
            parts = [r for r in group if r.level in combine.from_levels and r.kind
                     and r.status in combine.from_statuses and r.attribution == attribution]
            kinds = {r.kind for r in parts}
            if combine.kinds:
                enough = set(combine.kinds) <= kinds
            else:
                items = {_list_item(doc, r.start) for r in parts} - {None} if doc else set()
                named = _distinct_names(n for r in parts for n in r.names) \
                    if combine.names else 0
                enough = max(len(kinds), len(items), named) >= combine.min_kinds
            if parts and enough:
                first = parts[0]
                out.append(replace(first, level=combine.level, status=combine.status,
                                   rule_id=f"{rules.key}.combine.{combine.level}",
                                   confidence=min(r.confidence for r in parts), kind=""))
    return out


# What ends the run of characters naming a thing before its keyword: punctuation, joiners,
# 的, and the verbs that found or run it ("已建成投用嘉兴（上海）科技创新中心").
_NAME_BREAK = re.compile(r".*(?:[,，、。;；:：“”\"'\s的和与及并]|建成|投用|投入运行|运行|设立|成立|"
                         r"共建|揭牌|打造|组建|挂牌|启用|上线|依托|建设|落地|引进|拥有)")


# The last character of a keyword that names a thing (中心, 平台, 实验室, 创新园, 研究院, 基地,
# 飞地, 联合体, 联盟, 走廊, 交易所): only such hits name one; "共建的" names none.
_THING_END = frozenset("心台室园院地体盟廊区所站库网厅港")
# A thing described rather than named: counted, ranked or pointed at.
_DESCRIBED = re.compile(r"首[个家批]|唯一|第[一二三]|[该此这]|[一两多][个家批类所]")


def _thing_name(norm: str, sent: tuple[int, int], start: int, end: int) -> str:
    """The name a hit gives its thing: the keyword and at least two words naming it just
    before; "" when the keyword names no thing or nothing names it."""
    if norm[end - 1] not in _THING_END:
        return ""
    before = norm[max(sent[0], start - 16):start]
    item = _LIST_ITEM.match(before)  # "二是…", "（二）…": the item's number is no name
    before = before[item.end():] if item and start - 16 <= sent[0] else before
    cut = _NAME_BREAK.match(before)
    own = before[cut.end():] if cut else before
    if len(own) < 2 or _DESCRIBED.search(own):
        return ""  # "这是惠州引进的首个跨市联合实验室": the thing told again, not another one
    return own + norm[start:end]


def _distinct_names(names) -> int:
    """How many things the names stand for: a name inside another ("创新中心" in "嘉兴科技创新
    中心") is the same thing told shorter."""
    kept: list[str] = []
    for name in sorted(set(names) - {""}, key=len, reverse=True):
        if not any(name in longer for longer in kept):
            kept.append(name)
    return len(kept)


def _list_item(doc: _Doc, pos: int) -> int | None:
    """Where the numbered item holding pos opens ("二是…", "二、…", "（二）…"), on its line; None
    when pos is in no such item."""
    line_start = doc.norm.rfind("\n", 0, pos) + 1
    sent = doc.sentence(pos)
    while sent[0] >= line_start:
        if _LIST_ITEM.match(doc.norm, sent[0]) and not doc.norm.startswith(("-", "•", "·"),
                                                                           sent[0]):
            return sent[0]
        if sent[0] <= line_start:
            return None
        sent = doc.sentence(sent[0] - 1)
    return None


def load_extractor(rules_folder=None) -> Extractor:
    """The project's extractor: rules/extraction/, the indicator tree and the city registry."""
    from citydx.registry import load_registry
    from extractors.rules import load_ruleset

    return Extractor(load_ruleset(rules_folder), load_registry())


def _any_of(words: Iterable[str], prefix: str = "") -> re.Pattern | None:
    """One pattern for a list of cue words (one search instead of a test per word); None for
    no words, as an empty alternation would match everywhere."""
    words = list(words)
    return re.compile(prefix + "(?:" + "|".join(map(re.escape, words)) + ")") if words else None


def _union_gate(gates: list[re.Pattern | None]) -> re.Pattern:
    """One pattern a sentence matches when it opens any of the gates (a rule with no gate is
    always open: the empty pattern)."""
    if any(gate is None for gate in gates):
        return re.compile("")
    return re.compile("|".join(gate.pattern for gate in gates))


def _held_hits(hits: list[tuple[int, int, tuple[int, ...]]]) -> set[int]:
    """Which hits lie inside a longer one: in order of start, longest first, a hit ending no
    later than the furthest end seen so far is held by an earlier hit. One sort and one pass,
    where most keywords that could be held are not."""
    held, reach = set(), -1
    for _start, neg_end, i in sorted((s, -e, i) for i, (s, e, _) in enumerate(hits)):
        if -neg_end <= reach:
            held.add(i)
        else:
            reach = -neg_end
    return held


def _evolve(obj: Any, **changes: Any) -> Any:
    """`dataclasses.replace` for the two copies made per city (the document as one city sees
    it, each row with its attribution): the fields are copied as they are, not passed through
    `__init__` one by one, which cost a twentieth of the extraction time."""
    if not changes.keys() <= obj.__dict__.keys():
        unknown = sorted(changes.keys() - obj.__dict__.keys())
        raise TypeError(f"{type(obj).__name__} has no field {unknown}")
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    new.__dict__.update(changes)
    return new


def _opens_sentence(norm: str, pos: int) -> bool:
    """Whether pos opens a sentence, perhaps after 目前, 现 or 如今 ("。目前，平台已…")."""
    for lead in _BARE_POINTER_LEADS:
        start = pos - len(lead)
        if start >= 1 and norm[start - 1] in "。！；\n" and norm.startswith(lead, start):
            return True
    return False


def _before_edition(norm: str, sent_start: int, bracket: int) -> int:
    """Where an edition word before a title starts ("发布新版《…目录》", "印发修订后的《…》"), so
    the verb before it is read as the title's; the title's own 《 when there is none."""
    qualifier = _TITLE_QUALIFIER.search(norm, max(sent_start, bracket - 10), bracket)
    return qualifier.start() if qualifier is not None else bracket
