"""Turn the bytes of a text file into ``str``: UTF-8 (with or without BOM),
UTF-16 with BOM, or GB18030 — and refuse binary data with a clear message.
"""

from __future__ import annotations

import re

from disclint.parse.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


# Characters real Chinese or English prose is made of: ASCII text, CJK
# ideographs and punctuation, full-width forms, general punctuation (“” …),
# circled numbers ①, shapes ■ ● ◆, and a few symbols.
_IMPLAUSIBLE = re.compile(
    "[^\n\r\t\v\f\x20-\x7e\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\u3400-\u4dbf"
    "\u2460-\u24ff\u25a0-\u25ff\u00a0\u00b7\u00d7\u00f7\u2103\ufffd]"
)


def _plausible_text_ratio(text: str) -> float:
    """Share of characters that real Chinese or English prose is made of."""
    if not text:
        return 1.0
    # Counted from what is left once they are removed: one string, not a list of every odd character.
    return len(_IMPLAUSIBLE.sub("", text)) / len(text)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)`` or raise :class:`InputError`."""
    if not data.strip():
        raise InputError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {encoding} despite its byte-order mark: {exc.reason}") from exc
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text (contains NUL bytes)")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # GB18030 decodes many byte sequences; only accept it when the result
        # reads like text rather than mojibake.
        if encoding == "utf-8" or _plausible_text_ratio(text) >= 0.9:
            if _plausible_text_ratio(text[:20000]) < 0.7:
                raise InputError("binary file, not text (too many control characters)")
            return text, encoding
    raise InputError("cannot decode: not UTF-8 or GB18030 text")
