"""The analysed document that rules read.

``Analysis`` is built once per document by the engine: sentences with their
matching copies, quantities, the detected document type and structure, and
the lexicons. Expensive views (quantities, token boundaries) are computed on
first use and cached, so a rule pays only for what it asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from disclint.citations import UNKNOWN_MARKET, Market
from disclint.frames import Frame, Matcher, frame_hits_in
from disclint.lexicons import Lexicon, Term
from disclint.model.document import BlockKind, Document
from disclint.model.findings import Category, Finding, Severity
from disclint.structure.bundle import Part, split_parts
from disclint.structure.headings import Heading, find_headings
from disclint.text.normalize import SPACE_CHARS, NormText, normalize_span
from disclint.text.numbering import item_marker
from disclint.text.numbers import Quantity, find_quantities
from disclint.text.segment import Segmenter
from disclint.text.sentences import Sentence, split_sentences

_TITLE = re.compile(r"《[^《》]{0,80}》")
_CLAUSE_STOPS = "，。；：,;:！？!?"
# 释义: "简称 指 全称……" (the reader may keep or drop the spaces around 指); 剑指, 直指, 意指 are verbs.
_DEFINITION = re.compile(
    r"^[^，。；：]{0,24}?(?<![手食中拇剑直意])指(?![标出导定引南明日挥令向数望的责控])[^，。；]{2,}"
)
# The date an announcement is signed, in Arabic or Chinese numerals (二O一八年四月二十一日).
_YEAR_DIGITS = "0-9〇零OoＯ○一二三四五六七八九"
_DATE_LINE = re.compile(
    rf"^[^，。；]{{0,40}}?([{_YEAR_DIGITS}]{{4}})年[0-9一二三四五六七八九十]{{1,3}}月[0-9一二三四五六七八九十]{{1,3}}日$"
)
# A report on a period: "2017年度内部控制评价报告", "2020年年度报告", "2018年半年度报告".
_PERIOD_TITLE = re.compile(r"(\d{4})年(?:年度|度|半年度|第?[一二三四]季度)?[^，。；]{0,20}报告")
_YEAR_DIGIT_VALUE = {char: index % 10 for index, char in enumerate("0123456789")} | {
    char: value
    for value, chars in enumerate(("〇零OoＯ○", "一", "二", "三", "四", "五", "六", "七", "八", "九"))
    for char in chars
}


def _year_of(digits: str) -> int:
    return int("".join(str(_YEAR_DIGIT_VALUE[char]) for char in digits))


_PLACE_AFTER_COPULA = re.compile(
    r"((?:成为|(?<![但就总若或于还即凡只正])是|位居|位列|居于|跻身|作为)(?:目前|当前|现在)?)"
    r"(我国|中国(?![\u4e00-\u9fff]{0,8}(?:公司|委员会|协会|集团))|全国|国内|全球|世界|[\u4e00-\u9fff]{2}省"
    # "……，是行业内名副其实的标杆": the industry is where, not who.
    r"|行业内|业内|业界|同行业中|领域内)"
)
# Names of the parties a filing speaks of: "深圳市巨烽显示科技有限公司（以下简称“深圳巨烽”）",
# "Perflow Medical Ltd.（以下简称“Perflow”）", "证券简称：京新药业". A group of short names that
# holds an own marker (公司, 本公司, 发行人) or a part of the issuer's name is the issuer's; one
# defined for another organisation is another party, and a claim whose subject it is is not the
# issuer's. A restructuring's target (标的公司, 置入资产) is what the issuer is buying: not another party.
_SHORT_NAME_MARK = re.compile(r"[（(](?:以下)?(?:简称|合称|统称)[：:]?")
_SHORT_NAME_LIST = re.compile(r"(?:[“\"「][^”\"」\n]{1,16}[”\"」][、,，或和及与]?){1,5}")
_NAME_BEFORE = re.compile(r"[^，。；：（）()“”\"\n]{2,40}$")
_QUOTED = re.compile(r"[“\"「]([^”\"」\n]{1,16})[”\"」]")
_OWN_MARKER = re.compile(
    r"^(?:本?公司|我公司|发行人|本发行人|上市公司|本集团|集团|股份公司|本行|我行|我司|本企业|母公司)$"
)
_TARGET_MARKER = re.compile(r"标的|置入|注入|拟购买")
_ORGANISATION = re.compile(
    r"(?:公司|集团|企业|合伙[）)]?|研究院|研究所|事务所|银行|大学|医院|合作社|联社|协会|中心|"
    r"Ltd\.?|LTD\.?|Limited|Inc\.?|INC\.?|plc|PLC|GmbH|AG|Corporation|Corp\.?|LLC|S\.A\.|N\.V\.)$"
)
_ISSUER_TITLE = re.compile(
    r"([\u4e00-\u9fff]{2,30}?(?:股份)?有限(?:责任)?公司)(?:[（(][^）)]{0,30}[）)])?"
    r"(?:首次公开发行|公开发行|公开增发|招股|关于|\d{4}年|二[〇零O○]|重大资产|发行股份|非公开|年度报告|半年度报告|季度报告)"
)
_ISSUER_DEFINITION = re.compile(
    r"(?:发行人|本公司|公司)[、，,\w]{0,20}?指([\u4e00-\u9fff]{2,30}?(?:股份)?有限(?:责任)?公司)"
)
_STOCK_NAME = re.compile(
    r"(?:证券|股票|A股)简称[:：]\s*([\u4e00-\u9fffA-Za-z*]{2,8}?)(?=公告编号|编号|证券代码|股票代码|债券|[\s，。；:：]|$)",
    re.MULTILINE,
)
_NAME_SUFFIX = re.compile(r"(?:股份|集团|控股|公司)+$")
# A sentence that opens by introducing a party: "亚慧生物是一家生物技术公司，……".
_INTRODUCED = re.compile(r"^([\u4e00-\u9fffA-Za-z]{2,12}?)(?:是|系|为)一家")


@dataclass(frozen=True)
class PartyNames:
    """The short names of the issuer (``own``) and of other parties (``other``), longest first."""

    issuer: str
    own: tuple[str, ...]
    other: tuple[str, ...]

    @cached_property
    def own_pattern(self) -> re.Pattern[str] | None:
        return re.compile("|".join(map(re.escape, self.own))) if self.own else None

    @cached_property
    def other_pattern(self) -> re.Pattern[str] | None:
        return re.compile("|".join(map(re.escape, self.other))) if self.other else None

    def is_issuer(self, name: str) -> bool:
        """A name the issuer goes by: an own marker, a short name defined for it, or (for a
        name no definition gives) a part of its full name: 京新药业, 四方科技 …"""
        if _OWN_MARKER.match(name) or name in self.own:
            return True
        if name in self.other:
            return False
        return _part_of(name, self.issuer)


def party_names(text: str) -> PartyNames:
    """The parties a document names, from its first lines and its 以下简称 definitions."""
    head = text[:3000]
    issuer = _issuer_name(text)
    own: set[str] = set()
    stock = _STOCK_NAME.search(head)
    if stock:
        own.add(stock.group(1))
    groups: list[tuple[str, list[str]]] = []
    for mark in _SHORT_NAME_MARK.finditer(text):
        listed = _SHORT_NAME_LIST.match(text, mark.end())
        defined = _NAME_BEFORE.search(text, max(0, mark.start() - 40), mark.start())
        if listed is None or defined is None:
            continue
        names = [name.strip() for name in _QUOTED.findall(listed.group(0)) if len(name.strip()) >= 2]
        if names:
            groups.append((defined.group(0).strip(), names))
    if not issuer:
        issuer = next((full for full, names in groups if any(_OWN_MARKER.match(name) for name in names)), "")
    other: set[str] = set()
    for full, names in groups:
        if any(_OWN_MARKER.match(name) or name in own for name in names):
            own.update(names)
        elif not _ORGANISATION.search(full) or any(_TARGET_MARKER.search(name) for name in names):
            continue  # a document, a deal, a figure, or the business being bought
        elif issuer and (full.endswith(issuer) or issuer.endswith(full)):
            own.update(names)
        else:
            other.update(names)
    other -= own
    if issuer:  # a short name made of the issuer's own name is the issuer's, whatever the definition
        other = {name for name in other if not _part_of(name, issuer)}
    return PartyNames(issuer, _longest_first(own), _longest_first(other))


_ADVISER_BEFORE = re.compile(r"保荐|承销|律师|会计师|审计|评估|财务顾问")


def _issuer_name(text: str) -> str:
    """The issuer's full name: the 释义 entry for 发行人/本公司, else the first company name
    that a title follows (……股份有限公司首次公开发行股票招股说明书, ……有限公司关于……的公告),
    not a sponsor's or an adviser's."""
    defined = _ISSUER_DEFINITION.search(text[:60000])
    if defined:
        return defined.group(1)
    for found in _ISSUER_TITLE.finditer(text[:3000]):
        if not _ADVISER_BEFORE.search(text[max(0, found.start() - 12) : found.start()]):
            return found.group(1)
    return ""


def _part_of(name: str, issuer: str) -> bool:
    """A short name made of the issuer's own name (京新药业 of 浙江京新药业股份有限公司); a holding
    company that shares only its root (京新控股) is another party."""
    core = _NAME_SUFFIX.sub("", name)
    return bool(issuer) and len(core) >= 3 and core in issuer


def _longest_first(names: set[str]) -> tuple[str, ...]:
    return tuple(sorted(names, key=lambda name: (-len(name), name)))


# A sentence that opens with its source: "根据某研究院预测数据，……", "据某协会统计，……".
_SOURCE_OPENING = re.compile(
    r"^(?:根据|据)(?!(?:本?公司|内部|管理层|初步|不完全))[^，。；]{2,40}?(?:预测|统计|数据|报告|研究|调研|测算)"
)
# A sentence that draws its conclusion from the table or figures just shown: "由此可见，……一直处于行业领先地位".
_CONCLUSION_OPENING = re.compile(r"^(?:由此可见|由上表可见|从上表(?:中)?可以?看出|上表显示|综上所述|可见)")
_QUESTION_START = re.compile(r"(?:问|提问|投资者提问|投资者问|网友提问|Q\d*)[:：]")


def _ending_by(pattern: re.Pattern[str], text: str, limit: int) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text`` that ends by ``limit``."""
    for found in pattern.finditer(text):
        if found.start() >= limit:
            break
        if found.end() <= limit:
            return found
    return None


def _first(found: re.Match[str] | None, names: re.Pattern[str] | None, piece: str) -> int | None:
    """The earlier of a cue's match and a party name's match in ``piece`` (its start), or None."""
    named = names.search(piece) if names is not None else None
    starts = [match.start() for match in (found, named) if match is not None]
    return min(starts) if starts else None


@dataclass(frozen=True)
class Hit:
    """A lexicon term found in a sentence (normalised coordinates)."""

    term: Term
    sentence: Sentence
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]


def _inside_latin_word(text: str, start: int, end: int) -> bool:
    """A Latin-script word matched inside a longer one: "6G" in "STRtyper-26G" or "6GHz",
    "Kimi" in "Kimiko". A version after a name ("HBM3E", "GPT-4o") keeps the name."""
    first, last = text[start], text[end - 1]
    if first.isascii() and first.isalnum() and start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
        return True
    if end < len(text) and last.isascii() and last.isalnum():
        following = text[end]
        if following.isascii() and (following.isalpha() or (following.isdigit() and last.isdigit())):
            return True
    return False


@dataclass
class Analysis:
    document: Document
    lexicon: Lexicon
    segmenter: Segmenter | None = None  # None: the process's segmenter for the lexicon's terms
    doc_type: str = "generic"
    doc_type_forced: bool = False
    sentences: list[Sentence] = field(default_factory=list)
    # The exchange and board (given, or found from the 证券代码 or the text by
    # disclint.market): which exchange's rules a finding's reference cites.
    market: Market = UNKNOWN_MARKET

    def __post_init__(self) -> None:
        if self.segmenter is None:
            self.segmenter = self.lexicon.segmenter()
        if not self.sentences:
            self.sentences = split_sentences(self.document)
        self._quantities: dict[int, list[Quantity]] = {}
        self._block_norms: dict[int, NormText] = {}
        self._titles: dict[int, list[tuple[int, int]]] = {}
        self._rule_text: dict[int, bool] = {}
        self._heading: dict[int, bool] = {}
        self._intro_is_rule_text: dict[int, bool] = {}
        self._candidates: dict[int, frozenset[int]] = {}
        self._blocks_under: dict[str, frozenset[int]] = {}
        self._matchers: dict[int, Matcher] = {}
        self._frame_hits: dict[str, list[Hit]] = {}
        self.memo: dict[str, object] = {}

    # ------------------------------------------------------------ structure
    @cached_property
    def parts(self) -> list[Part]:
        """The documents in this file (one for an ordinary file), each with its type.

        A type given on the command line or in the config applies to a
        single-document file; in a bundle it applies to the first part.
        """
        parts = split_parts(self.document)
        if self.doc_type_forced and parts:
            first = parts[0]
            parts[0] = Part(
                first.title, first.start_block, first.end_block, self.doc_type, "given", first.truncated_start
            )
        return parts

    @cached_property
    def headings(self) -> list[Heading]:
        return find_headings(self.document)

    def part_of(self, sentence: Sentence) -> Part | None:
        for part in self.parts:
            if part.start_block <= sentence.block_index < part.end_block:
                return part
        return None

    def sentences_in(self, part: Part) -> list[Sentence]:
        return [s for s in self.sentences if part.start_block <= s.block_index < part.end_block]

    def headings_in(self, part: Part) -> list[Heading]:
        return [h for h in self.headings if part.start_block <= h.block_index < part.end_block]

    # ------------------------------------------------------------ views
    @cached_property
    def sentences_by_block(self) -> dict[int, list[Sentence]]:
        grouped: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            grouped.setdefault(sentence.block_index, []).append(sentence)
        return grouped

    @cached_property
    def full_norm(self) -> str:
        """The whole document's matching copy (sentences joined), for document-level cues."""
        return "\n".join(sentence.text for sentence in self.sentences)

    def quantities(self, sentence: Sentence) -> list[Quantity]:
        found = self._quantities.get(sentence.index)
        if found is None:
            found = find_quantities(sentence.text)
            self._quantities[sentence.index] = found
        return found

    def block_norm(self, block_index: int) -> NormText:
        norm = self._block_norms.get(block_index)
        if norm is None:
            block = self.document.blocks[block_index]
            norm = normalize_span(self.document.text, block.start, block.end)
            self._block_norms[block_index] = norm
        return norm

    def block_text(self, block_index: int) -> str:
        return self.block_norm(block_index).text

    def titles(self, sentence: Sentence) -> list[tuple[int, int]]:
        spans = self._titles.get(sentence.index)
        if spans is None:
            spans = [match.span() for match in _TITLE.finditer(sentence.text)]
            self._titles[sentence.index] = spans
        return spans

    @cached_property
    def last_past_year(self) -> int | None:
        """The latest year the document reports on as past, or None if it cannot tell.

        A document signed in 2018 reports 2017 as past; a report on a period (2017年度内部
        控制评价报告, 2020年年度报告) reports that period as past. A plan for the coming
        year is dated in the year it plans for, so its own year stays open."""
        limit: int | None = None
        blocks = self.document.blocks
        for index in range(len(blocks) - 1, max(-1, len(blocks) - 9), -1):
            match = _DATE_LINE.search(self.block_text(index))
            if match:
                limit = _year_of(match.group(1)) - 1
                break
        for part in self.parts:
            match = _PERIOD_TITLE.search(part.title or "")
            if match:
                period = _year_of(match.group(1))
                limit = period if limit is None else max(limit, period)
            break
        return limit

    # ------------------------------------------------------------ context tests
    def in_table(self, sentence: Sentence) -> bool:
        """The sentence is a table row or cell (the readers mark rows; a row is not a claim
        in prose, and its figures belong to its column headers)."""
        return self.document.blocks[sentence.block_index].kind is BlockKind.TABLE_ROW

    def is_definition(self, sentence: Sentence) -> bool:
        """An entry of a definitions list (释义: "某某 指 某公司……"): it defines a term."""
        if _DEFINITION.match(sentence.text) or _DEFINITION.match(self.block_text(sentence.block_index)):
            return True
        return self.under_heading("definitions_heading", sentence)

    def claim_subject(self, sentence: Sentence, index: int) -> str | None:
        """Whose claim the words at ``index`` are: "own" (the company, its products and
        shares), "other" (the country, an industry, a market, another company) or None
        when the sentence names no subject (a list item continuing the company's text).
        The first subject in the clause decides; without one, the first in the sentence."""
        text = sentence.text
        clause_start, _ = sentence.clause_at(index)
        names = self.party_names
        for start, end in ((clause_start, index), (0, clause_start)):
            if end <= start:
                continue
            piece = text[start:end]
            if start == clause_start and self.lexicon.cue("subject_own").search(text):
                # "公司……，是中国最大的金属容器生产企业之一": a place right after the copula
                # qualifies what the company is, it is not the subject of the clause.
                piece = _PLACE_AFTER_COPULA.sub(lambda found: found.group(1) + "　" * len(found.group(2)), piece)
            own = _first(self.lexicon.cue("subject_own").search(piece), names.own_pattern, piece)
            # the cue's lookahead may read past the words ("三一集团作为行业龙头企业": 集团(?=作为))
            extended = piece + text[end : end + 8]
            other = _first(_ending_by(self.lexicon.cue("subject_other"), extended, len(piece)), names.other_pattern, piece)
            if start == 0:
                introduced = _INTRODUCED.match(piece) if names.issuer else None
                if introduced and own is None and not names.is_issuer(introduced.group(1)):
                    return "other"  # "亚慧生物是一家……公司，核心产品为国内首创"
            if own is not None and (other is None or own <= other):
                return "own"
            if other is not None:
                return "other"
        return None

    def describes_a_partner(self, sentence: Sentence, index: int) -> bool:
        """The words at ``index`` describe a party that deals with the company, its customers or
        partners: "全球最大的疫苗企业之一某某正积极与本公司合作", "与……销量最大的公司建立了合作关系",
        "公司主要客户均具有……领先的市场规模". A hype word there ranks them, not the company; a hot topic
        there ("公司已与多家人形机器人企业开展合作") is still the company's own link to it."""
        text = sentence.text
        clause_start, clause_end = sentence.clause_at(index)
        after = text[index:clause_end]
        if self.has_cue("acts_on_company", after) or (
            self.has_cue("partner_after", after) and self.has_cue("partner_before", text[clause_start:index])
        ):
            return True
        # "公司的客户多为各行业领军企业": the company's customers are the subject of the clause,
        # or of the sentence when the clause names no subject of its own.
        clause = text[clause_start:index]
        if self.has_cue("subject_possessed", clause):
            return True
        own_or_other = self.has_cue("subject_own", clause) or self.has_cue("subject_other", clause)
        return not own_or_other and self.has_cue("subject_possessed", text[:clause_start])

    @cached_property
    def party_names(self) -> PartyNames:
        return party_names(self.full_norm)

    def names_the_issuer(self, sentence: Sentence) -> bool:
        """The sentence speaks of the issuer: 公司, 本公司, 发行人, or a name it goes by."""
        if self.lexicon.cue("subject_own").search(sentence.text):
            return True
        own = self.party_names.own_pattern
        return own is not None and own.search(sentence.text) is not None

    def attributed(self, sentence: Sentence, *, approvals: bool = True) -> bool:
        """A named source in the sentence, the next one (据某机构统计…; （资料来源：…）), or the one
        before it in the same paragraph when that one opens with it ("根据某研究院预测，……。……有望达到……").
        With ``approvals=False`` an approval or appraisal the product passed (通过一致性评价, 通过了鉴定)
        does not count: it backs the level it states, not a claim to be the first."""
        text = sentence.text
        if not approvals:
            text = self.lexicon.cue("approval_source").sub("", text)
        if self.has_cue("source_note", text) or self.has_cue("source_frame", text):
            return True
        if sentence.index > 0:
            before = self.sentences[sentence.index - 1]
            if before.block_index == sentence.block_index and _SOURCE_OPENING.match(before.text):
                return True
        if _CONCLUSION_OPENING.match(sentence.text):
            # the source note of the table the conclusion reads ("注：数据来源为……"), a few sentences up
            for before in self.sentences[max(0, sentence.index - 4) : sentence.index]:
                if sentence.block_index - before.block_index <= 4 and self.has_cue("source_note", before.text):
                    return True
        following = sentence.index + 1
        if following < len(self.sentences) and self.sentences[following].block_index - sentence.block_index <= 1:
            nxt = self.sentences[following].text
            return self.has_cue("source_note", nxt[:60]) or self.has_cue("source_frame", nxt[:60])
        return False

    def in_risk_section(self, sentence: Sentence) -> bool:
        """The sentence is under a risk-factor heading (风险因素, 可能面对的风险)."""
        return self.under_heading("risk_heading", sentence)

    def under_heading(self, cue: str, sentence: Sentence) -> bool:
        """The sentence is in a section whose heading, or a heading above it, matches ``cue``."""
        blocks = self._blocks_under.get(cue)
        if blocks is None:
            blocks = self._blocks_under[cue] = self._sections_matching(cue)
        return sentence.block_index in blocks

    def _sections_matching(self, cue: str) -> frozenset[int]:
        pattern = self.lexicon.cue(cue)
        inside: set[int] = set()
        stack: list[tuple[int, bool]] = []  # (level, matches) of the open headings
        headings = [heading for heading in self.headings if not heading.run_in]
        bounds = [heading.block_index for heading in headings] + [len(self.document.blocks)]
        for position, heading in enumerate(headings):
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            stack.append((heading.level, bool(pattern.search(heading.title)) and len(heading.title) <= 30))
            if any(flag for _, flag in stack):
                inside.update(range(heading.block_index, bounds[position + 1]))
        return frozenset(inside)

    def in_title(self, sentence: Sentence, start: int, end: int) -> bool:
        return any(title_start < end and start < title_end for title_start, title_end in self.titles(sentence))

    def clause_before(self, sentence: Sentence, index: int) -> str:
        """Text from the start of the clause holding ``index`` up to ``index``."""
        text = sentence.text
        start = index
        while start > 0 and text[start - 1] not in _CLAUSE_STOPS:
            start -= 1
        return text[start:index]

    def negated(self, sentence: Sentence, index: int) -> bool:
        return bool(self.lexicon.cue("negation").search(self.clause_before(sentence, index)))

    def has_cue(self, name: str, text: str) -> bool:
        return bool(self.lexicon.cue(name).search(text))

    def is_investor_question(self, sentence: Sentence) -> bool:
        """The sentence quotes an investor's question (互动易-style Q&A)."""
        if self.has_cue("investor_question", sentence.text):
            return True
        return sentence.index in self._inside_questions

    @cached_property
    def _inside_questions(self) -> frozenset[int]:
        """Sentences after a "问：" and before the answer starts, in the same paragraph."""
        inside: set[int] = set()
        answer_start = self.lexicon.cue("answer_start")
        for block_sentences in self.sentences_by_block.values():
            question_open = False
            for other in block_sentences:
                if answer_start.search(other.text):
                    question_open = False
                elif _QUESTION_START.match(other.text):
                    question_open = True
                if question_open:
                    inside.add(other.index)
        return frozenset(inside)

    @cached_property
    def _heading_blocks(self) -> frozenset[int]:
        return frozenset(heading.block_index for heading in self.headings if not heading.run_in)

    def is_heading(self, sentence: Sentence) -> bool:
        """A heading line, or a run-in heading such as "（二）降本增效。" before the paragraph."""
        cached = self._heading.get(sentence.index)
        if cached is None:
            cached = self._heading[sentence.index] = self._is_heading(sentence)
        return cached

    def _is_heading(self, sentence: Sentence) -> bool:
        block = self.document.blocks[sentence.block_index]
        if block.kind is BlockKind.HEADING or sentence.block_index in self._heading_blocks:
            return True
        text = sentence.text
        siblings = self.sentences_by_block.get(sentence.block_index, [])
        marker = item_marker(text)
        body = text[marker.end :] if marker else text
        body = body.rstrip("。：:")
        if len(siblings) == 1 and len(text) <= 30 and text[-1] not in "。！？!?；;，," and "，" not in body:
            return True
        # Run-in: "（二）降本增效。" or "（一）聚焦主业，提升经营效率。" opening a longer paragraph.
        return bool(
            marker
            and len(siblings) > 1
            and siblings[0] is sentence
            and len(body) <= 18
            and len(re.findall(r"[，,]", body)) <= 1
            and not re.search(r"[；;]", body)
        )

    def is_rule_text(self, sentence: Sentence) -> bool:
        """A rule or policy text: the sentence itself, or the list it belongs to
        ("出现下列情形之一的，应当……：" followed by （一）（二）…)."""
        cached = self._rule_text.get(sentence.index)
        if cached is not None:
            return cached
        result = self.has_cue("rule_text", sentence.text) or self._in_rule_list(sentence.block_index)
        self._rule_text[sentence.index] = result
        return result

    def _in_rule_list(self, block_index: int) -> bool:
        """Block ``block_index`` is an item of a list introduced by a rule text
        no more than 80 blocks before it."""
        intro = self._list_intros[block_index]
        if intro is None or block_index - intro > 80:
            return False
        cached = self._intro_is_rule_text.get(intro)
        if cached is None:
            cached = self._intro_is_rule_text[intro] = self.has_cue("rule_text", self.block_text(intro))
        return cached

    @cached_property
    def _list_intros(self) -> list[int | None]:
        """For each block that is a list item, the block ending in "：" that
        introduces its list (the items between it and the item all numbered)."""
        blocks = self.document.blocks
        text = self.document.text
        intros: list[int | None] = [None] * len(blocks)
        for index in range(1, len(blocks)):
            block = blocks[index]
            # The numbering is at the start: no need to copy the whole paragraph.
            if item_marker(text[block.start : min(block.end, block.start + 200)].lstrip()) is None:
                continue
            if self._ends_with_colon(index - 1):
                intros[index] = index - 1
            elif index - 1 > 0:
                intros[index] = intros[index - 1]
        return intros

    def _ends_with_colon(self, block_index: int) -> bool:
        block = self.document.blocks[block_index]
        tail = self.document.text[max(block.start, block.end - 16) : block.end].rstrip(SPACE_CHARS)
        if not tail:
            return self.block_text(block_index).endswith(("：", ":"))
        return tail.endswith(("：", ":"))

    def past_only(self, text: str) -> bool:
        """States a past fact: a completed-action cue and no future cue."""
        return self.has_cue("past", text) and not self.has_cue("future", text)

    # ------------------------------------------------------------ lexicon hits
    def candidate_terms(self, sentence: Sentence) -> frozenset[int]:
        """``id()`` of the lexicon terms whose trigger words occur in ``sentence``."""
        found = self._candidates.get(sentence.index)
        if found is None:
            found = self.lexicon.trigger_index().candidates(sentence.text)
            self._candidates[sentence.index] = found
        return found

    def present_terms(self, terms: Sequence[Term], term_ids: frozenset[int], sentence: Sentence) -> list[Term]:
        """Those of ``terms`` (whose ``id()``s are ``term_ids``) that may occur in ``sentence``."""
        candidates = self.candidate_terms(sentence)
        if term_ids.isdisjoint(candidates):
            return []
        return [term for term in terms if id(term) in candidates]

    def sentences_with(self, term_ids: frozenset[int]) -> list[Sentence]:
        """The sentences in which any of the terms ``term_ids`` may occur, in order."""
        by_term = self._sentences_by_term
        found: set[int] = set()
        for term_id in term_ids:
            found.update(by_term.get(term_id, ()))
        sentences = self.sentences
        return [sentences[index] for index in sorted(found)]

    @cached_property
    def _sentences_by_term(self) -> dict[int, list[int]]:
        """Inverted trigger index: term ``id()`` → positions in ``sentences``; one scan per sentence."""
        by_term: dict[int, list[int]] = {}
        for position, sentence in enumerate(self.sentences):
            for term_id in self.candidate_terms(sentence):
                by_term.setdefault(term_id, []).append(position)
        return by_term

    def term_hits(self, term: Term, sentence: Sentence) -> Iterator[Hit]:
        """Hits of ``term`` in ``sentence`` that survive the entry's own context checks."""
        text = sentence.text
        if id(term) not in self.candidate_terms(sentence):
            return
        segmenter = self.segmenter
        assert segmenter is not None  # set in __post_init__
        allowed: list[tuple[int, int]] | None = None  # computed at the first candidate
        position = 0
        while position <= len(text):
            match = term.regex.search(text, position)
            if match is None:
                return
            start, end = match.span()
            position = max(end, start + 1)
            if start == end:
                continue
            if allowed is None:
                allowed = [found.span() for pattern in term.allow for found in pattern.finditer(text)]
            if any(allow_start < end and start < allow_end for allow_start, allow_end in allowed):
                # Try again just after this start: "市值管理目标为总市值稳定在……"
                position = start + 1
                continue
            if term.allow_sentence and any(pattern.search(text) for pattern in term.allow_sentence):
                continue
            if term.require_sentence and not any(pattern.search(text) for pattern in term.require_sentence):
                continue
            if term.require_clause:
                clause_start, clause_end = sentence.clause_at(start)
                clause = text[clause_start:clause_end]
                if not any(pattern.search(clause) for pattern in term.require_clause):
                    continue
            if term.token_boundaries and (
                _inside_latin_word(text, start, end) or not segmenter.on_token_boundaries(text, start, end)
            ):
                continue
            yield Hit(term=term, sentence=sentence, start=start, end=end)

    # ------------------------------------------------------------ frames
    def matcher(self, sentence: Sentence) -> Matcher:
        """The class spans of ``sentence`` (one scan for every class), for frame matching."""
        found = self._matchers.get(sentence.index)
        if found is None:
            found = self._matchers[sentence.index] = Matcher(self.lexicon.frames, sentence.text)
        return found

    def frame_hits(self, rule: str) -> list[Hit]:
        """Hits of the frames of rule ``rule`` that no ``unless`` condition suppresses, in order."""
        hits = self._frame_hits.get(rule)
        if hits is None:
            frame_set = self.lexicon.frames
            hits = self._frame_hits[rule] = []
            for sentence, frames in self._frame_candidates.get(rule, ()):
                matcher = self.matcher(sentence)
                for frame in frames:
                    if not matcher.may_match(frame):
                        continue
                    term = self.lexicon.frame_term(frame)
                    for start, end in frame_hits_in(self, frame_set, frame, sentence, matcher):
                        hits.append(Hit(term=term, sentence=sentence, start=start, end=end))
        return list(hits)

    @cached_property
    def _frame_candidates(self) -> dict[str, list[tuple[Sentence, list[Frame]]]]:
        """For each rule, the sentences in which one of its frames may match, with those frames:
        each sentence scanned once for the words of every class and frame, whatever the rule."""
        index = self.lexicon.frames.index
        by_rule: dict[str, list[tuple[Sentence, list[Frame]]]] = {}
        for sentence in self.sentences:
            matcher = self.matcher(sentence)
            frames = index.candidates(matcher.found, matcher.anchor_words)
            if not frames:
                continue
            grouped: dict[str, list[Frame]] = {}
            for frame in frames:
                grouped.setdefault(frame.rule, []).append(frame)
            for rule, listed in grouped.items():
                by_rule.setdefault(rule, []).append((sentence, listed))
        return by_rule

    # ------------------------------------------------------------ findings
    def finding(
        self,
        *,
        code: str,
        category: Category,
        severity: Severity,
        message: str,
        sentence: Sentence,
        start: int,
        end: int,
        suggestion: str | None = None,
        reference: str | None = None,
        section: str | None = None,
    ) -> Finding:
        """A finding on ``sentence.text[start:end]`` (normalised coordinates)."""
        source_start, source_end = sentence.norm.span_to_source(start, end)
        return Finding(
            code=code,
            category=category,
            severity=severity,
            message=message,
            start=source_start,
            end=source_end,
            suggestion=suggestion,
            reference=reference,
            section=section,
        )
