"""Which exchange and board a filing is listed on, so citations name that exchange's rules.

Given (``--exchange``, ``exchange``/``board`` in the config) wins; otherwise the
证券代码 on the cover decides (60xxxx/688xxx Shanghai, 00xxxx/30xxxx Shenzhen,
8xxxxx/92xxxx/43xxxx Beijing), then the platform the text names (上证e互动,
互动易), then the exchange the text names most often. Nothing found: unknown,
and citations fall back to the CSRC rules that apply to all.
"""

from __future__ import annotations

import re

from disclint.citations import BOARDS, EXCHANGES, UNKNOWN_MARKET, Market

_CODE = re.compile(r"(?:证券|股票|公司)代码\s*[:：]?\s*[（(]?\s*(\d{6})(?!\d)")
_PLATFORMS = (("sse", re.compile(r"上证\s*e\s*互动|上证e访谈")), ("szse", re.compile(r"互动易")))
_NAMES = (
    ("sse", re.compile(r"上海证券交易所|上交所")),
    ("szse", re.compile(r"深圳证券交易所|深交所")),
    ("bse", re.compile(r"北京证券交易所|北交所")),
)
_STAR = re.compile(r"科创板")
_CHINEXT = re.compile(r"创业板")
_HEAD = 4000  # the cover and first pages carry the code


def market_from_code(code: str) -> Market | None:
    """The exchange and board of a six-digit A-share code, or None."""
    if re.fullmatch(r"68[89]\d{3}", code):
        return Market("sse", "star", f"证券代码 {code}")
    if re.fullmatch(r"60[0-5]\d{3}", code):
        return Market("sse", "main", f"证券代码 {code}")
    if re.fullmatch(r"30[01]\d{3}", code):
        return Market("szse", "chinext", f"证券代码 {code}")
    if re.fullmatch(r"00[0-3]\d{3}", code):
        return Market("szse", "main", f"证券代码 {code}")
    if re.fullmatch(r"(?:8[3-9]|92|43)\d{4}", code):
        return Market("bse", "bse", f"证券代码 {code}")
    return None


def detect_market(text: str) -> Market:
    """The market a filing's text shows, or ``UNKNOWN_MARKET``."""
    for match in _CODE.finditer(text[:_HEAD]):
        found = market_from_code(match.group(1))
        if found:
            return found
    platforms = [exchange for exchange, pattern in _PLATFORMS if pattern.search(text)]
    if len(platforms) == 1:
        exchange = platforms[0]
        return Market(exchange, _board(exchange, text), f"文中提及{'上证e互动' if exchange == 'sse' else '互动易'}")
    counts = {exchange: len(pattern.findall(text)) for exchange, pattern in _NAMES}
    best = max(counts.values())
    leaders = [exchange for exchange, count in counts.items() if count == best]
    if best and len(leaders) == 1:
        exchange = leaders[0]
        names = {"sse": "上海证券交易所", "szse": "深圳证券交易所", "bse": "北京证券交易所"}
        return Market(exchange, _board(exchange, text), f"文中提及{names[exchange]}")
    return UNKNOWN_MARKET


def _board(exchange: str, text: str) -> str | None:
    if exchange == "bse":
        return "bse"
    if exchange == "sse" and _STAR.search(text):
        return "star"
    if exchange == "szse" and _CHINEXT.search(text):
        return "chinext"
    return None


def resolve_market(text: str, exchange: str | None, board: str | None, how: str = "") -> Market:
    """``exchange``/``board`` as given (``None`` or ``"auto"``: detect from ``text``)."""
    if exchange in EXCHANGES:
        if board is None or board == "auto":
            board = _board(exchange, text) if exchange != "bse" else "bse"
            detected = detect_market(text)
            if detected.exchange == exchange and detected.board:
                board = detected.board
        return Market(exchange, board if board in BOARDS else None, how or "given")
    found = detect_market(text)
    if found.exchange and board in BOARDS:
        return Market(found.exchange, board, found.how)
    return found
