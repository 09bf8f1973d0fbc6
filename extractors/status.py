"""Status of a match from the words around it: issued, built, planned, negated or mentioned.

Cue words are found in the hit's clause by longest match over the cue vocabulary plus a list of
words that only look like cues ("数据要素" is not "要", "城市运行" is not "运行"). A one-character
cue that survives ("将", "未", "无") is confirmed against whole jieba words of the clause, so "未"
does not fire inside "未来". Only clauses around keyword hits are looked at, and jieba only for
those few, which keeps extraction many times faster than segmenting whole documents.
"""

from __future__ import annotations

import functools
import re
from collections import OrderedDict

from extractors.keyword_scan import KeywordScanner
from extractors.normalize import normalize_for_matching
from extractors.rules import CommonRules

CLAUSE_BREAKS = ",:，："
_BREAK = re.compile(f"[{re.escape(CLAUSE_BREAKS)}]")
_LAST_BREAK = re.compile(f".*{_BREAK.pattern}", re.S)  # greedy: up to the last break
# Stands in the cue words of a clause for "a step towards the thing is done": a plan.
PREPARING = "<preparing>"
# Marks a mention that is a duty set by the text, so no `unmarked` status replaces it.
DUTY = "<duty>"
# Marks a mention that tells a lack ("平台功能还不完善", "共建的平台较少"): no `unmarked` status
# and no fixed status replaces it.
SHORTFALL = "<shortfall>"
# Drafting led by a body: "组织编制…办法" is work under way, "牵头编制的《…》" names who wrote it.
_LED_DRAFTING = frozenset(("组织编制", "牵头编制", "组织起草", "牵头起草"))
# Marks a thing relied on ("将依托…平台，谋划…") that the sentence only names: no `unmarked`
# status replaces the mention.
RELIED = "<relied>"
# "平台还不具备跨层级调度能力": a thing that lacks a power exists; "不具备建设…的条件" denies it.
_LACKS_POWER = re.compile(r"[^,，:：;；。条]{0,16}?(能力|功能)")
# A target date or aim earlier in the sentence makes "建成" a plan: "到2025年底，基本建成…".
# "下一步，…设立…中心" looks ahead in the same way. A bare date is no horizon: "于2022年设立" and
# "截至2024年底" tell when something was done; a future "将于/拟于/力争于" has its own plan word.
_HORIZON = re.compile(r"(?<!截)(到|至)\s*(20\d{2}\s*年|“?十[四五六]五”?\s*(末|期末))|"
                      r"20\d{2}\s*年(底|末|内)?前|力争|预计|计划|目标|下一步|下阶段|今后|明年|[\d一二三四五六七八九十]+月(底|末|中旬|下旬)?前|"
                      r"年底前|年内")


# "建成后", "上线以后": a time after the thing is done, ahead when the sentence goes on in the
# future ("…后，将实现", "…后，预计"); "上线前" is before it; "待", "一旦", "如果" suppose it.
_DONE_WORDS = r"(建成|上线|投用|投运|启用|运营|运行|投入使用|投入运行|建设完成|落地|揭牌)"
_AFTER_DONE = re.compile(_DONE_WORDS + r"(之)?(以)?后")
_BEFORE_DONE = re.compile(_DONE_WORDS + r"(之)?前(?!列)")
_IF = re.compile(r"^\s*待|一旦|如果|如能|若能|倘若|假如")
# A launch still ahead: "预计明年上半年上线试运行", "力争年底前投入使用", "届时将形成…".
_LAUNCH_AHEAD = re.compile(r"(预计|计划|力争|争取|有望|可望|拟|将)[^,，;；。]{0,12}?"
                           r"(上线|投用|投入使用|投入运行|投入运营|投运|建成|启用|投产|竣工|完工|"
                           r"交付|开园|揭牌|运营|运行)|届时")
# The clauses of a sentence: the runs between CLAUSE_BREAKS.
CLAUSES = re.compile(r"[^,，:：]+")


def clause_start_at(norm: str, low: int, hit_start: int) -> int:
    """Where the clause holding a hit at hit_start begins, no earlier than low. One regex
    call in C: asked for nearly every hit, the four `rfind`s it replaces cost more."""
    found = _LAST_BREAK.match(norm, low, hit_start)
    return found.end() if found else low


def clause_end_at(norm: str, hit_end: int, high: int) -> int:
    """Where the clause holding a hit ending at hit_end ends (its break), at most high."""
    found = _BREAK.search(norm, hit_end, high)
    return found.start() if found else high


# "将组建数据集团", "将于下月正式印发《…》": will, then a verb that founds or issues the thing
# ("将深化", "将积极探索" are no such verb).
_WILL_ISSUE = re.compile(r"将(于|在)?[^,，;；。]{0,10}?(印发|出台|发布|颁布|成立|组建|设立|挂牌|"
                         r"揭牌|上线|建成|制定|签署|启用|共建|联合建设|共同建设|合作共建)")
# Verbs that close 将 as the object marker (把): "将数字政府建设成效纳入考核", "将…作为抓手".
_DISPOSAL = frozenset(("纳入", "作为", "列为", "列入", "视为", "当作", "写入", "融入", "摆在",
                       "放在", "转化为"))
# Founding together after 将 is a plan: "我市与昆明市将共建…平台".
_JOINT_FOUNDING = frozenset(("共建", "联合建设", "共同建设", "合作共建", "携手共建", "共同打造"))
_FUTURE = re.compile(r"将|预计|届时|可望|有望|即可|可实现|能够实现")
# A measure's article sets a duty ("应当…归集", "须通过…平台"): what it names need not exist yet.
_DUTY = re.compile(r"应当|必须|不得|应按照|应依托|应通过|须通过|须按照|应于|请各")
# A recommendation that names who does it and by when reads as a decision: "建议由市发展改革委
# 牵头启动编制…", "建议市数据局研究制定…，力争明年提请审议".
_ASSIGNED = re.compile(r"建议(由)?市[\u4e00-\u9fff]{1,10}(局|委|办|中心)|"
                       r"由[\u4e00-\u9fff]{2,12}牵头|力争(明年|年内|年底|20\d{2}年)")


# "我市高度重视…平台建设，但目前平台尚未建成", "…是重要内容，我市还没有出台相关办法": a later
# clause that denies the thing itself (no subject, the city, or a pointer to it) speaks for the
# clause that names it. What may stand before the denial, and after its verb:
_GENERIC_NOUN = r"(平台|系统|中心|体系|办法|机制|政策|制度|措施|细则)"
_DENIER = re.compile(r"\s*(但是?|然而|不过|而|可)?\s*(我市|本市|全市)?"
                     r"\s*(目前|当前|现阶段|至今|迄今)?"
                     rf"\s*(该|此|这一|相关)?{_GENERIC_NOUN}?"
                     r"\s*(目前|当前|至今|仍然?|还|均|也)?\s*")
_DENIED_REST = re.compile(r"\s*(了)?\s*((相关|该|此|上述|专门的?|对应的?|这[类项个])"
                          rf"[\u4e00-\u9fff]{{0,10}}|{_GENERIC_NOUN})?\s*$")
# The thing a clause's subject relies on or is built on: "依托…平台建设", "基于…平台开发".
_RELIED_ON = re.compile(r"(依托|基于|借助|依靠|利用|接入)[^,，:：;；。]{0,16}$")
# Adverbs and prepositions after 将 in the sense of "will": "将于", "将在年内", "将为企业".
# "为加快推进城市治理现代化，平台统筹调度…": a purpose clause opening the sentence says why,
# so its plan words are no status of the clauses after it.
_PURPOSE = re.compile(r"\s*为了?(?!此|期|民|主|准|止|由|人)[^,，;；。:：]{3,40}[,，]")
# A quoted name ("“宿到家”小程序", "“专班推进、清单管理”机制"): its words name the thing, they
# tell nothing of its status. Short spans only, so a quoted sentence keeps its cues.
_QUOTED = re.compile(r"“[^“”]{1,16}”")
# "到" is a plan cue only before the time it aims at ("到2027年", "到明年底", "到“十五五”末").
_TO_DATE = re.compile(r"\s*(20\d{2}|\d{2,4}\s*年|明年|今年|年底|年末|本年|下半年|上半年|月底|"
                      r"[\d一二三四五六七八九十]+月|本世纪|“十[四五六]五”|十[四五六]五|期末|届时)")
_FUTURE_NEXT = frozenset(("于", "在", "继续", "进一步", "持续", "全面", "加快", "逐步", "着力",
                          "陆续", "力争", "按照", "依托", "通过", "争取", "会", "有", "成为", "为",
                          "以", "从", "向", "对", "围绕", "结合", "根据", "不断", "大力", "积极",
                          "深入", "同步", "率先", "尽快", "正式", "首次", "再", "全力", "集中",
                          "统筹", "分批", "适时", "按", "由", "与", "同", "和", "重点", "研究",
                          # a measure to be written: "下一步，我市将制定…管理办法"
                          "制定", "制订", "修订", "修改", "起草", "编制", "出台"))


@functools.lru_cache(maxsize=4)
def make_tokenizer(userdict: str, extra_words: tuple[str, ...] = ()):
    """The one jieba.Tokenizer extraction uses (never the global jieba), with the domain words.

    Cached per (dictionary, words): loading jieba's dictionary takes seconds, and a process that
    builds several extractors from the same rules (tests, eval) needs it once.
    """
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    if userdict:
        tokenizer.load_userdict(userdict)
    for word in extra_words:
        tokenizer.add_word(word, freq=100000)
    return tokenizer


def _automaton(cues: frozenset[str], not_cues: frozenset[str]) -> KeywordScanner:
    """Cue words, and words that hold a cue but are none ("数据要素" holds 要): value None."""
    values = {word: None for word in not_cues}
    values.update((word, word) for word in cues)
    return KeywordScanner(values.items(), longest=True)


def _past(text: str, past: frozenset[str]) -> bool:
    return "已" in text or any(p in text for p in past if len(p) > 1)


class StatusDetector:
    def __init__(self, common: CommonRules, tokenizer_factory=None,
                 cache_size: int = 20000) -> None:
        def fold(words: tuple[str, ...]) -> frozenset[str]:
            return frozenset(normalize_for_matching(w) for w in words)

        cues = common.status_cues
        self.built = fold(cues.get("built", ()))
        self.issued = fold(cues.get("issued", ()))
        # pending cues ("筹建", "送审稿", "已报") say the thing is still being set up wherever
        # they stand, so they are plan words too
        self.planned = fold(cues.get("planned", ())) | fold(common.pending_cues) | {PREPARING}
        self.weak = fold(common.weak_planned_cues)
        self.past = fold(common.past_markers)
        self.negation = fold(common.negation_cues)
        self.clause_only = fold(common.clause_only_cues)
        self.intent = fold(common.intent_cues)
        self.not_cues = fold(common.not_cues)
        self.weak_past = fold(common.weak_past_markers)
        self.preparatory = fold(common.preparatory_steps)
        self.pending = fold(common.pending_cues)
        self.wish = fold(common.wish_cues)
        # most sentences hold no wish word at all: one search says so before any cue scan
        self._any_wish = re.compile("|".join(map(re.escape, sorted(self.wish)))) \
            if self.wish else None
        self.shortfall = fold(common.shortfall_cues) | {SHORTFALL}
        # "完成", "开展": built words that may only finish a step towards the thing
        # Plan words that govern the clauses after them in their sentence.
        self._carried = self.planned & frozenset(
            normalize_for_matching(w) for w in (
                "拟", "将", "即将", "将于", "拟于", "计划于", "计划", "将出台", "将印发", "将发布",
                "拟建", "拟建立", "拟出台", "拟制定", "拟设立", "近期将",
                # a demand governs the tasks it lists: "会议要求，市数据局牵头出台…办法，建成…平台"
                "会议要求", "要求各", "并要求", "强调", "确保"))
        self._will = frozenset(("将", "将于", "即将", "近期将"))
        # Unions asked for per hit, made once: the largest cost more to build than the test.
        self.facts = self.built | self.issued  # what says a thing exists or was issued
        self.strong_past = self.past - self.weak_past
        self.strong_planned = self.planned - self.weak
        self._plan_or_intent = self.planned | self.intent
        self._intent_or_pending = self.intent | self.pending
        self._jiang_cues = self.built | self.issued | self.planned | self.weak | self.intent
        self._clause_only_or_weak = self.clause_only | self.weak
        self._intent_prefixes = tuple(sorted(w for w in self._intent_or_pending if len(w) > 1))
        self._completion = frozenset(w for w in self.built
                                     if w.endswith("完成") or w.startswith("开展"))
        self._vocabulary = _automaton(self.built | self.issued | (self.planned - {PREPARING})
                                      | self.weak | self.past | self.negation | self.intent
                                      | self.pending | self.wish | self.shortfall,
                                      self.not_cues)
        self._confirm = frozenset(w for w in self.planned | self.past | self.negation | self.weak
                                  if len(w) == 1 and w != "已")
        self.jieba_calls = 0
        self._factory = tokenizer_factory
        self._tokenizer = None
        self._cache: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        self._words: dict[str, frozenset[str]] = {}
        self._cache_size = cache_size

    @property
    def tokenizer(self):
        """Built on first use: loading jieba's dictionary is the slowest step of start-up."""
        if self._tokenizer is None:
            self._tokenizer = self._factory()
        return self._tokenizer

    @property
    def cue_words(self) -> tuple[str, ...]:
        return tuple(sorted(self.built | self.issued | (self.planned - {PREPARING}) | self.weak
                            | self.negation))

    def tokens(self, text: str) -> tuple[str, ...]:
        cached = self._cache.get(text)
        if cached is not None:
            self._cache.move_to_end(text)
            return cached
        self.jieba_calls += 1
        tokens = tuple(self.tokenizer.cut(text, HMM=False))
        self._cache[text] = tokens
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return tokens

    def words(self, text: str) -> frozenset[str]:
        """Cue words in text: longest matches; one-character cues only as whole jieba words.

        Asked again and again of the same sentence and clause (once per rule that hit there),
        so the answers are kept for the document at hand (see `new_document`)."""
        found = self._words.get(text)
        if found is None:
            found = self._words[text] = frozenset(self._scan_words(text))
        return found

    def new_document(self) -> None:
        """Forget the cue words of the last document's texts: kept across documents they would
        only grow, and pay off mostly where texts repeat from page to page."""
        self._words.clear()

    def _scan_words(self, text: str) -> set[str]:
        found: set[str] = set()
        quoted = [m.span() for m in _QUOTED.finditer(text)] if "“" in text else []
        for start, stop, word in self._vocabulary.hits(text):  # longest first, no overlaps
            if word is None:
                continue  # a word that only holds a cue ("数据要素")
            end = stop - 1
            if (word in self.weak or word in _LED_DRAFTING) and text[end + 1:end + 2] == "的":
                continue  # "牵头建设的…平台", "牵头编制的《…规范》": an attribute naming the thing
            if quoted and any(a < start and end < b - 1 for a, b in quoted):
                continue  # a word inside a quoted name
            if word == "到" and not _TO_DATE.match(text, end + 1):
                continue  # "到" with no time after it aims at nothing ("送到家门口")
            if word.endswith("具备") and word in self.negation \
                    and _LACKS_POWER.match(text, end + 1):
                word = SHORTFALL  # "平台还不具备调度能力": a lack of the thing, not a denial
            found.add(word)
        ambiguous = found & self._confirm
        if ambiguous:
            found = (found - ambiguous) | (ambiguous & set(self.tokens(text)))
            if "将" in found and not self._future_jiang(self.tokens(text)):
                found.discard("将")
        return self._without_preparatory(found, text)

    def _future_jiang(self, tokens: tuple[str, ...]) -> bool:
        """将 as "will" ("将建成", "将于", "将进一步") rather than as 把 ("通过将…与…比对",
        "将…数据打通"): "will" comes before a verb or adverb; 把 takes an object, and then only
        a fact verb after it ("将平台建成投用") still says what is to be done."""
        words = [t for t in tokens if t.strip()]
        cues = self._jiang_cues
        for i, token in enumerate(words):
            if token != "将":
                continue
            following = words[i + 1] if i + 1 < len(words) else ""
            if not following or following in _FUTURE_NEXT or following in _JOINT_FOUNDING:
                return True
            if self._disposal_after(words, i):
                continue  # "将…纳入考核": 将 takes the object, nothing is foretold
            if following in cues:
                return True
            for w in words[i + 2:]:
                if w in CLAUSE_BREAKS or w in "；;":
                    break
                if w in self.built or w in self.issued:
                    return True
        return False

    @staticmethod
    def _disposal_after(words: list[str], i: int) -> bool:
        """A verb of placing (纳入, 作为, 列为) later in 将's clause makes 将 the object marker."""
        for w in words[i + 1:]:
            if w in CLAUSE_BREAKS or w in "；;":
                return False
            if w in _DISPOSAL:
                return True
        return False

    def _without_preparatory(self, found: set[str], text: str) -> set[str]:
        """"已完成联调测试" finishes a step towards the thing, not the thing itself."""
        if not found & self._completion:
            return found
        completed = found & self.built
        if completed <= self._completion and any(p in text for p in self.preparatory):
            return (found - completed - self.past) | {PREPARING}
        return found

    def _conditional(self, norm: str, sent_start: int, sent_end: int, clause_start: int,
                     clause_end: int) -> bool:
        """"平台建成后，将实现…", "待平台上线后", "如果平台能够上线", "上线前的最后调试": the built
        word names a time still ahead, so the clause says what will be, not what is."""
        clause = norm[clause_start:clause_end]
        if _BEFORE_DONE.search(clause) or _IF.search(clause):
            return True
        if not _AFTER_DONE.search(clause) or _past(clause, self.strong_past):
            return False
        rest = norm[clause_end:sent_end]
        return bool(_FUTURE.search(rest)) and not _past(rest, self.strong_past)

    def _steps_before_launch(self, norm: str, sent_start: int, sent_end: int) -> bool:
        """"目前已完成总体方案设计和硬件采购，正在开展模块开发，预计明年上半年上线": what is
        done are steps on the way (design, purchase, topping out, signing) to a launch still
        ahead, so the sentence tells of a plan. One clause done of something else ("一期已上线")
        keeps it a fact."""
        if not _LAUNCH_AHEAD.search(norm, sent_start, sent_end):
            return False
        steps = False
        for m in CLAUSES.finditer(norm, sent_start, sent_end):
            clause = m.group(0)
            if _LAUNCH_AHEAD.search(clause) or not _past(clause, self.strong_past):
                continue
            if not any(p in clause for p in self.preparatory):
                return False
            steps = True
        return steps

    def _carried_to(self, norm: str, opening: int, clause_start: int) -> bool:
        """Whether a plan word opening the sentence ("将出台办法，建成…平台") still governs the
        clause at clause_start: a clause between them that tells what is already done ("公司将按
        三条线组建团队，目前三类业务已全部开展，形成…体系") ends the list of things to do."""
        carried = False
        for m in CLAUSES.finditer(norm, opening, clause_start):
            clause = m.group(0)
            if self.words(clause) & self._carried:
                carried = True
            elif carried and _past(clause, self.strong_past):
                carried = False
        return carried

    def _denied_later(self, norm: str, clause_end: int, sent_end: int) -> bool:
        """A later clause of the sentence that is only a denial of a fact ("但目前平台尚未建成",
        "我市还没有出台相关办法"), with nothing else of its own to deny."""
        for m in CLAUSES.finditer(norm, clause_end, sent_end):
            clause = m.group(0)
            words = self.words(clause)
            denial = words & self.negation
            if not denial or not words & self.facts:
                continue
            at = min(clause.find(w) for w in denial if w in clause)
            word = max((w for w in denial if clause.startswith(w, at)), key=len)
            prefix = _DENIER.fullmatch(clause, 0, at)
            verb = next((w for w in self.facts
                         if clause.startswith(w, at + len(word))), None)
            if prefix and verb and _DENIED_REST.fullmatch(clause, at + len(word) + len(verb)):
                return True
        return False

    def carried_plan(self, norm: str, sent_start: int, hit_start: int, hit_end: int) -> bool:
        """A plan word in an earlier clause still governs the hit's clause, which has no past
        marker of its own ("将建成…平台，出台…办法"); a purpose clause opening the sentence
        ("为加快…，") governs nothing."""
        clause_start = clause_start_at(norm, sent_start, hit_start)
        if clause_start <= sent_start:
            return False
        opening = sent_start
        purpose = _PURPOSE.match(norm, sent_start, clause_start)
        if purpose:
            opening = purpose.end()
        clause_end = clause_end_at(norm, hit_end, len(norm))
        clause = norm[clause_start:clause_end]
        return clause_start > opening and not _past(clause, self.past) \
            and self._carried_to(norm, opening, clause_start)

    def candidates(self, words: set[str]) -> list[str]:
        """Statuses the words support, most specific first; [] when they hold no cue."""
        if words & self.negation:
            return ["negated"]
        built = bool(words & self.built)
        past_words = words & self.past
        if words & self.planned:  # "将于下月正式上线": 正式 is how, not when
            past_words -= self.weak_past
        past = bool(past_words) or any(w.startswith("已") for w in words)
        if built and past:
            return ["built", "issued", "mentioned"] if words & self.issued else \
                ["built", "mentioned"]
        if words & self.shortfall:
            # "平台功能还不完善", "机制有待健全", "感知设备覆盖不足": what is lacking in a thing,
            # neither a thing done nor one to build ("已建成…但功能不完善" stays done above)
            return ["mentioned", SHORTFALL]
        if words & self.planned:
            return ["planned"]
        found = [s for s, cue in (("built", built), ("issued", bool(words & self.issued)))
                 if cue]
        if found:
            return [*found, "mentioned"]
        if words & self.weak and not (past_words - self.weak_past - {"了"}
                                      or any(w.startswith("已") for w in words)):
            return ["planned"]  # "构建…体系" is a task; "已构建…体系" is done ("研究了" is not)
        if past_words - self.weak_past or any(w.startswith("已") for w in words):
            # "已形成300P算力": done, whatever the verb; "目前处于…" alone says when, not done
            return ["built", "mentioned"]
        return []

    def has_intent(self, norm: str, sent_start: int, sent_end: int, hit_start: int,
                   hit_end: int) -> bool:
        """A concrete plan ("启动…编制工作，计划年内形成") rather than an exhortation ("要…").

        A recommendation ("建议尽快研究制定…") is someone's advice, not the city's intent, unless
        it names who does it or by when ("建议由市发展改革委牵头启动编制…").
        """
        # Only the sentence up to the end of the hit's clause: in "将大力发展数字经济，…，拟建设…"
        # the later 拟 is another thing's plan, while an opening "计划…" governs what follows.
        clause_end = clause_end_at(norm, hit_end, sent_end)
        words = self.words(norm[sent_start:clause_end])
        if "建议" in words and not _ASSIGNED.search(norm, sent_start, sent_end):
            return False  # advice with no one to do it and no date is no plan yet
        text = norm[sent_start:clause_end]
        if words & self._will and _WILL_ISSUE.search(text):
            return True  # "将组建数据集团", "将于下月正式印发": a thing to found or issue
        # "正在谋划建设…产业园" is one word holding 谋划; "已报市政府审议", "在建" are steps
        # under way
        return bool(words & self._intent_or_pending) \
            or any(p in w for w in words - self.intent for p in self._intent_prefixes)

    def wished(self, norm: str, sent_start: int, sent_end: int, hit_start: int,
               hit_end: int) -> bool:
        """"企业希望政府尽快出台奖励政策", "委员呼吁建成…平台": a wish before the hit says what
        someone hopes for, neither a fact nor the city's plan; "希望已建成的平台…" still names a
        thing done in the hit's own clause."""
        if self._any_wish is None or not self._any_wish.search(norm, sent_start, hit_start):
            return False
        wishes = self.words(norm[sent_start:sent_end]) & self.wish
        if not wishes or not any(norm.find(w, sent_start, hit_start) >= 0 for w in wishes):
            return False
        return not self.clause_is_past(norm, sent_start, sent_end, hit_start, hit_end)

    def strong_plan(self, norm: str, sent_start: int, hit_start: int) -> bool:
        """A plan word before the hit, not a weak one ("建立…机制" is done, not planned)."""
        clause_start = clause_start_at(norm, sent_start, hit_start)
        return bool(self.words(norm[clause_start:hit_start]) & self.planned)

    def clause_prefix(self, norm: str, sent_start: int, hit_start: int) -> list[str]:
        """Candidates from the words before the hit in its clause ("计划设立…交易所")."""
        clause_start = clause_start_at(norm, sent_start, hit_start)
        return self.candidates(self.words(norm[clause_start:hit_start]))

    def clause_words(self, norm: str, sent_start: int, sent_end: int, hit_start: int,
                     hit_end: int) -> set[str]:
        clause_start = clause_start_at(norm, sent_start, hit_start)
        clause_end = clause_end_at(norm, hit_end, sent_end)
        return self.words(norm[clause_start:clause_end])

    def clause_has_built(self, norm: str, sent_start: int, sent_end: int, hit_start: int,
                         hit_end: int) -> bool:
        """A built verb in the hit's clause, not just a past marker ("听取了…汇报")."""
        return bool(self.clause_words(norm, sent_start, sent_end, hit_start, hit_end)
                    & self.built)

    def clause_is_past(self, norm: str, sent_start: int, sent_end: int, hit_start: int,
                       hit_end: int) -> bool:
        """"已建成", "累计接入": a marker that the thing is done, not how it is done."""
        words = self.clause_words(norm, sent_start, sent_end, hit_start, hit_end)
        return bool(words & self.strong_past) or any(w.startswith("已") for w in words)

    def detect(self, norm: str, sent_start: int, sent_end: int, hit_start: int,
               hit_end: int, own_clause: bool = False) -> list[str]:
        """Candidates from the hit's clause; failing that, from its whole sentence.

        own_clause: the clause states something of its own (a figure: "全市算力规模达到1500P，
        计划到2027年提升至5000P"), so a later clause's plan or fact is that clause's, and only what
        opens the sentence ("到2027年，…") still sets this clause's time.
        """
        clause_start = clause_start_at(norm, sent_start, hit_start)
        clause_end = clause_end_at(norm, hit_end, sent_end)
        clause = norm[clause_start:hit_start] + " " + norm[hit_end:clause_end]
        words = self.words(clause)
        relied = _RELIED_ON.search(norm, clause_start, hit_start)
        if relied:
            # "该平台依托全县基层治理平台建设": the building is the subject's; the thing relied
            # on is there already, its status told elsewhere ("后者自2022年投入使用以来")
            words -= self.weak
            between = self.words(norm[relied.start():hit_start])
            subject = self.words(norm[clause_start:relied.start()])
            if relied.group(1) in ("依托", "依靠", "借助") and subject & self.planned \
                    and not between and not self.words(norm[hit_end:clause_end]) - self.weak:
                # "我市将依托数据中心集群，谋划建设…": the plan is the subject's, for another
                # thing; what is relied on is only named ("拟依托…建设…中心" builds the hit)
                return ["mentioned", RELIED]
        found = self.candidates(words)
        if (not found or found == ["planned"] and not words & self.planned) \
                and self._denied_later(norm, clause_end, sent_end):
            return ["negated"]  # "重视…平台建设，但平台尚未建成": the thing itself is denied
        if found[:1] == ["built"] and _DUTY.search(norm, sent_start, clause_end):
            # "各部门应当向市公共数据平台归集数据": a duty the text sets; DUTY keeps a rule's
            # `unmarked` status from reading it as a fact
            return ["mentioned", DUTY]
        if found[:1] == ["built"] and self._conditional(norm, sent_start, sent_end, clause_start,
                                                      clause_end):
            return ["planned"]
        if found[:1] == ["built"] and _HORIZON.search(norm, sent_start, hit_start) \
                and not _past(clause, self.past):
            return ["planned"]
        if found[:1] == ["built"] and self._steps_before_launch(norm, sent_start, sent_end):
            return ["planned"]
        opening = sent_start
        purpose = _PURPOSE.match(norm, sent_start, clause_start)
        if purpose:
            opening = purpose.end()
        if found[:1] in (["built"], ["issued"]) and clause_start > opening \
                and not _past(clause, self.past) and self._carried_to(norm, opening, clause_start):
            return ["planned"]  # "将出台办法，建成授权运营平台": the plan word governs the list
        if found:
            return found
        later = self.words(norm[clause_end:sent_end])
        if own_clause:  # "…达到1500P，计划到2027年提升至5000P": the target is the later clause's
            later -= self._plan_or_intent
        # A weak task verb in another clause ("…在违法建设巡查等场景中发挥作用") names another
        # action or sits inside a noun; it says nothing of whether this clause's thing exists.
        found = self.candidates((self.words(norm[opening:clause_start]) | later)
                                - self._clause_only_or_weak)
        if found == ["negated"]:  # a negation in another clause does not negate this one
            return ["mentioned"]
        if found[:1] == ["built"] and self._steps_before_launch(norm, sent_start, sent_end):
            return ["planned"]
        return found or ["mentioned"]
