"""Turn the bytes of a text file into ``str``: UTF-8 (with or without BOM),
UTF-16 with BOM, or GB18030 — and refuse binary data with a clear message.
"""

from __future__ import annotations

from disclint.parse.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _plausible_text_ratio(text: str) -> float:
    """Share of characters that real Chinese or English prose is made of."""
    if not text:
        return 1.0
    good = 0
    for char in text:
        code = ord(char)
        if (
            char in "\n\r\t"
            or 0x20 <= code < 0x7F
            or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
            or 0x3000 <= code <= 0x303F  # CJK punctuation
            or 0xFF00 <= code <= 0xFFEF  # full-width forms
            or 0x2000 <= code <= 0x206F  # general punctuation (“” …)
            or 0x3400 <= code <= 0x4DBF
            or 0x2460 <= code <= 0x24FF  # circled numbers ①
            or 0x25A0 <= code <= 0x25FF  # ■ ● ◆
            or code in (0xA0, 0xB7, 0xD7, 0xF7, 0x2103, 0xFFFD)
        ):
            good += 1
    return good / len(text)


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
