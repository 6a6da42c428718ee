"""Legal bases: what a rule rests on, resolved to the regulation's own clauses.

``lexicons/sources.toml`` holds three tables:

- ``[[document]]`` — one regulation or official guidance (title, issuer, number,
  date, the exchange and board it governs);
- ``[[clause]]`` — one article of a document with its quoted sentence and whether
  the wording and number were checked against the text (``verified``);
- ``[[basis]]`` — a named basis (``no_price_prediction`` …) that rules and lexicon
  entries cite, resolving per exchange and board to clauses.

A reference string is one or more basis ids joined by ``；``, each optionally
followed by an item in full-width brackets (``incentive_plan_contents（五）``),
which is appended to the clauses marked ``itemized``.

Resolution: ``all`` is always cited; then the board's list (``sse_star``) if
there is one, else the exchange's (``sse``). An unknown exchange cites ``all``.

A document or clause may say which document types it governs (``applies_to``:
the SSE handbook governs action plans and their kin, the 互动易 and e互动 clauses
replies and IR records). A finding in another type of document does not cite it,
unless nothing else would be cited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

EXCHANGES = ("sse", "szse", "bse")
EXCHANGE_NAMES = {"sse": "上海证券交易所", "szse": "深圳证券交易所", "bse": "北京证券交易所"}
_SHORT = {"sse": "上交所", "szse": "深交所", "bse": "北交所"}
BOARDS = ("main", "star", "chinext", "bse")
BOARD_NAMES = {"main": "主板", "star": "科创板", "chinext": "创业板", "bse": "北交所"}

# How the project once cited its seed files: "000 Q1", "003 第五条", "MVM 第九条", "seed004 分析 §2".
_SEED_STYLE = re.compile(r"^\s*(?:00\d|MVM|SIM|seed\d*)(?:\s|$|；|;)")
_REF = re.compile(r"^(?P<id>[a-z][a-z0-9_]*)(?P<item>（[^（）]+）)?$")


class CitationError(ValueError):
    """A sources table or a reference that does not resolve."""


def is_seed_style(source: str) -> bool:
    """True for the project's old seed-file citations (``000 Q1``, ``SIM 第九条``)."""
    return any(_SEED_STYLE.match(part) for part in re.split(r"[；;]", source) if part.strip())


@dataclass(frozen=True)
class SourceDocument:
    id: str
    title: str
    issuer: str
    number: str
    date: str
    exchange: str
    board: str
    note: str = ""
    applies_to: tuple[str, ...] = ()  # document types it governs; empty: every type

    def heading(self) -> str:
        """《title》（issuer，date）."""
        return f"《{self.title}》（{self.issuer}，{self.date}）"


@dataclass(frozen=True)
class Clause:
    id: str
    document: SourceDocument
    article: str
    quote: str
    verified: bool
    found_at: str
    itemized: bool = False
    note: str = ""
    applies_to: tuple[str, ...] = ()  # its own scope, else its document's (see ``scope``)

    @property
    def scope(self) -> tuple[str, ...]:
        """The document types this clause governs; empty for every type."""
        return self.applies_to or self.document.applies_to

    def applies(self, doc_type: str | None) -> bool:
        """Whether a finding in a ``doc_type`` document may cite it (None: any)."""
        return doc_type is None or not self.scope or doc_type in self.scope

    def article_with(self, item: str) -> str:
        article = self.article
        if item and self.itemized:
            article += f"第{item}项"
        return article


@dataclass(frozen=True)
class Basis:
    id: str
    title: str
    lists: Mapping[str, tuple[str, ...]]  # "all", "sse", "sse_star", …

    def clause_ids(self, exchange: str | None, board: str | None) -> list[str]:
        ids = list(self.lists.get("all", ()))
        extra: tuple[str, ...] = ()
        if exchange in EXCHANGES:
            extra = self.lists.get(f"{exchange}_{board}", ()) if board else ()
            if not extra:
                extra = self.lists.get(exchange, ())
        for clause_id in extra:
            if clause_id not in ids:
                ids.append(clause_id)
        return ids


@dataclass(frozen=True)
class Market:
    """Where a filing is listed, and how that was found."""

    exchange: str | None = None  # sse | szse | bse | None (unknown)
    board: str | None = None  # main | star | chinext | bse | None
    how: str = ""  # "option", "config", "代码 688123", "文中“上证e互动”" …

    def label(self) -> str:
        if not self.exchange:
            return "交易所未知（引用证监会规定）"
        name = EXCHANGE_NAMES[self.exchange]
        if self.board and self.board != "bse":
            name += BOARD_NAMES[self.board]
        return name


UNKNOWN_MARKET = Market()


@dataclass
class Citations:
    documents: dict[str, SourceDocument] = field(default_factory=dict)
    clauses: dict[str, Clause] = field(default_factory=dict)
    bases: dict[str, Basis] = field(default_factory=dict)
    _memo: dict[tuple[str, str | None, str | None, str | None], str] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------ loading
    def add_tables(self, data: Mapping[str, Any], where: str) -> None:
        """Add the ``document``, ``clause`` and ``basis`` tables of one file."""
        for index, row in enumerate(data.get("document", []), start=1):
            here = f"{where} [[document]] #{index}"
            doc_id = _text(row, "id", here)
            exchange = _text(row, "exchange", here)
            if exchange not in ("all", *EXCHANGES):
                raise CitationError(f"{here}: exchange must be all, sse, szse or bse, not {exchange!r}")
            self.documents[doc_id] = SourceDocument(
                id=doc_id,
                title=_text(row, "title", here),
                issuer=_text(row, "issuer", here),
                number=_text(row, "number", here, required=False),
                date=_text(row, "date", here),
                exchange=exchange,
                board=_text(row, "board", here, required=False) or "all",
                note=_text(row, "note", here, required=False),
                applies_to=_names(row, "applies_to", here),
            )
        for index, row in enumerate(data.get("clause", []), start=1):
            here = f"{where} [[clause]] #{index}"
            clause_id = _text(row, "id", here)
            doc_id = _text(row, "document", here)
            if doc_id not in self.documents:
                raise CitationError(f"{here} ({clause_id}): unknown document {doc_id!r}")
            verified = row.get("verified")
            if not isinstance(verified, bool):
                raise CitationError(f"{here} ({clause_id}): 'verified' must be true or false")
            self.clauses[clause_id] = Clause(
                id=clause_id,
                document=self.documents[doc_id],
                article=_text(row, "article", here),
                quote=_text(row, "quote", here, required=False),
                verified=verified,
                found_at=_text(row, "found_at", here, required=False),
                itemized=bool(row.get("itemized", False)),
                note=_text(row, "note", here, required=False),
                applies_to=_names(row, "applies_to", here),
            )
        for index, row in enumerate(data.get("basis", []), start=1):
            here = f"{where} [[basis]] #{index}"
            basis_id = _text(row, "id", here)
            if not _REF.match(basis_id):
                raise CitationError(f"{here}: basis id {basis_id!r} must be lower-case letters, digits and _")
            lists: dict[str, tuple[str, ...]] = {}
            for key, value in row.items():
                if key in ("id", "title", "note"):
                    continue
                exchange = key.split("_", 1)[0]
                if key != "all" and exchange not in EXCHANGES:
                    raise CitationError(f"{here} ({basis_id}): unknown key {key!r} (all, sse, szse, bse, sse_star …)")
                if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                    raise CitationError(f"{here} ({basis_id}): {key!r} must be a list of clause ids")
                for clause_id in value:
                    if clause_id not in self.clauses:
                        raise CitationError(f"{here} ({basis_id}): unknown clause {clause_id!r}")
                lists[key] = tuple(value)
            if not lists.get("all"):
                raise CitationError(f"{here} ({basis_id}): 'all' (the clauses cited for any exchange) is required")
            self.bases[basis_id] = Basis(id=basis_id, title=_text(row, "title", here), lists=lists)
        self._memo.clear()

    # ------------------------------------------------------------ references
    def parse(self, reference: str) -> list[tuple[Basis, str]]:
        """The bases (with items) of a reference string; CitationError if one is unknown."""
        out: list[tuple[Basis, str]] = []
        for part in re.split(r"[；;]\s*", reference.strip()):
            part = part.strip()
            if not part:
                continue
            match = _REF.match(part)
            basis = self.bases.get(match.group("id")) if match else None
            if match is None or basis is None:
                raise CitationError(f"unknown basis {part!r}; use one of: {', '.join(sorted(self.bases))}")
            item = match.group("item") or ""
            out.append((basis, item))
        return out

    def known(self, reference: str) -> bool:
        try:
            return bool(self.parse(reference))
        except CitationError:
            return False

    def clauses_for(
        self, reference: str, market: Market = UNKNOWN_MARKET, doc_type: str | None = None
    ) -> list[tuple[Clause, str]]:
        """The clauses a reference cites for ``market``, each with its item, in order, once.

        With ``doc_type``, clauses that govern other types of document are left out, unless
        that would leave nothing to cite (a basis made only of them)."""
        seen: set[tuple[str, str]] = set()
        out: list[tuple[Clause, str]] = []
        for basis, item in self.parse(reference):
            for clause_id in basis.clause_ids(market.exchange, market.board):
                clause = self.clauses[clause_id]
                key = (clause_id, item if clause.itemized else "")
                if key not in seen:
                    seen.add(key)
                    out.append((clause, key[1]))
        scoped = [(clause, item) for clause, item in out if clause.applies(doc_type)]
        return scoped or out

    def render(self, reference: str, market: Market = UNKNOWN_MARKET, doc_type: str | None = None) -> str:
        """``《title》（issuer，date）第X条、第Y条；《…》…`` for ``market`` (and a finding in a
        ``doc_type`` document, see ``clauses_for``).

        Text that is not a basis reference (a team lexicon's own wording) is
        returned as it is.
        """
        key = (reference, market.exchange, market.board, doc_type)
        cached = self._memo.get(key)
        if cached is not None:
            return cached
        if not self.known(reference):
            self._memo[key] = reference
            return reference
        # document → clause id → (clause, items): the items of one clause are named together.
        grouped: dict[str, dict[str, tuple[Clause, list[str]]]] = {}
        for clause, item in self.clauses_for(reference, market, doc_type):
            entry = grouped.setdefault(clause.document.id, {}).setdefault(clause.id, (clause, []))
            if item and item not in entry[1]:
                entry[1].append(item)
        parts = []
        for clauses in grouped.values():
            articles = []
            for clause, items in clauses.values():
                article = clause.article + (f"第{''.join(items)}项" if items else "")
                article += "" if clause.verified else "〔条款未核实〕"
                if clause.document.exchange not in ("all", market.exchange):
                    # another exchange's text, or an exchange's where the exchange is unknown (the
                    # SSE handbook is the only source for what an action plan contains): said so,
                    # since it may not bind this company
                    article += f"〔{_SHORT[clause.document.exchange]}规定，供参照〕"
                if article not in articles:  # two clauses of one article (its text and its list) are named once
                    articles.append(article)
            first = next(iter(clauses.values()))[0]
            parts.append(first.document.heading() + "、".join(articles))
        text = "；".join(parts)
        self._memo[key] = text
        return text

    def cited_by(self, references: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
        """Clause id → what cites it, over every market, from (who, reference) pairs."""
        markets = [UNKNOWN_MARKET] + [
            Market(exchange, board) for exchange in EXCHANGES for board in (None, "main", "star", "chinext")
        ]
        out: dict[str, list[str]] = {}
        for who, reference in references:
            if not self.known(reference):
                continue
            for market in markets:
                for clause, _item in self.clauses_for(reference, market):
                    users = out.setdefault(clause.id, [])
                    if who not in users:
                        users.append(who)
        return out


def _names(row: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = row.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise CitationError(f"{where}: {key!r} must be a list of document type names")
    return tuple(value)


def _text(row: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = row.get(key, "")
    if not isinstance(value, str):
        raise CitationError(f"{where}: {key!r} must be a string")
    if required and not value.strip():
        raise CitationError(f"{where}: {key!r} is required")
    return value
