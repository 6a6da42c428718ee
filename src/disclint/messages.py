"""Messages that other parts of disclint write in English, shown to a person in their language.

A file that cannot be read carries a one-line English reason in its result
(the JSON ``error`` field keeps it as is: tools match on it). Where a person
reads it — the ``disclint：错误：`` line on stderr, the HTML report — it goes
through :func:`error_text`, which recognises the reasons the parsers give
and translates them through the catalog; a reason it does not know is shown
as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from disclint.i18n import _, is_chinese


def _templates() -> list[tuple[str, str]]:
    """(English template, translated template); ``{name}`` matches any text."""
    return [
        ("empty file", _("empty file")),
        ("binary file, not text (contains NUL bytes)", _("binary file, not text (contains NUL bytes)")),
        ("binary file, not text (too many control characters)", _("binary file, not text (too many control characters)")),
        ("cannot decode: not UTF-8 or GB18030 text", _("cannot decode: not UTF-8 or GB18030 text")),
        ("no such file", _("no such file")),
        ("broken symbolic link", _("broken symbolic link")),
        ("permission denied", _("permission denied")),
        ("is a directory", _("is a directory")),
        ("cannot read: {reason}", _("cannot read: {reason}")),
        ("PDF has no pages", _("PDF has no pages")),
        ("no text layer — run OCR first (scanned or image-only PDF)", _("no text layer — run OCR first (scanned or image-only PDF)")),
        (
            "text layer is unreadable (fonts without a Unicode map) — run OCR first",
            _("text layer is unreadable (fonts without a Unicode map) — run OCR first"),
        ),
        ("no text besides running headers and page numbers", _("no text besides running headers and page numbers")),
        ("not a PDF file (no %PDF header)", _("not a PDF file (no %PDF header)")),
        (
            "encrypted PDF: it needs a password to open; save an unprotected copy",
            _("encrypted PDF: it needs a password to open; save an unprotected copy"),
        ),
        (
            "encrypted PDF with an unsupported security handler; save an unprotected copy",
            _("encrypted PDF with an unsupported security handler; save an unprotected copy"),
        ),
        ("corrupt PDF: its pages cannot be read", _("corrupt PDF: its pages cannot be read")),
        ("corrupt PDF: page {page} cannot be read", _("corrupt PDF: page {page} cannot be read")),
        ("corrupt or unreadable PDF", _("corrupt or unreadable PDF")),
        ("empty document: the .docx body has no text", _("empty document: the .docx body has no text")),
        (
            "password-protected .docx: remove the password in Word and save again",
            _("password-protected .docx: remove the password in Word and save again"),
        ),
        (
            "this is a legacy Word .doc file named .docx: save it as .docx and lint that",
            _("this is a legacy Word .doc file named .docx: save it as .docx and lint that"),
        ),
        ("not a .docx file (not a ZIP package)", _("not a .docx file (not a ZIP package)")),
        ("corrupt or unreadable .docx file ({reason})", _("corrupt or unreadable .docx file ({reason})")),
        ("corrupt .docx file ({reason})", _("corrupt .docx file ({reason})")),
        ("{kind} files are not supported: save as .docx and lint that", _("{kind} files are not supported: save as .docx and lint that")),
        (
            "the file is {size}, more than the limit of {limit}; raise it with --max-file-size",
            _("the file is {size}, more than the limit of {limit}; raise it with --max-file-size"),
        ),
        (
            "the input is {size}, more than the limit of {limit}; raise it with --max-file-size",
            _("the input is {size}, more than the limit of {limit}; raise it with --max-file-size"),
        ),
        (
            "not checked: it took longer than the time budget of {seconds} s (raise it with --timeout)",
            _("not checked: it took longer than the time budget of {seconds} s (raise it with --timeout)"),
        ),
        (
            "internal error while checking this file ({reason}); --debug shows the traceback",
            _("internal error while checking this file ({reason}); --debug shows the traceback"),
        ),
        (
            "{kind}, not a regular file: only regular files are read",
            _("{kind}, not a regular file: only regular files are read"),
        ),
        # disclint.outputs refusing or failing to write a report, config, baseline or reviewed copy
        (
            "{target}: refusing to write {what} over an input ({source}); choose another file",
            _("{target}: refusing to write {what} over an input ({source}); choose another file"),
        ),
        ("{target}: refusing to write {what}: it is {kind}", _("{target}: refusing to write {what}: it is {kind}")),
        ("{target}: cannot write {what}: {reason}", _("{target}: cannot write {what}: {reason}")),
    ]


def _words() -> dict[str, str]:
    """The fixed words that fill the templates' slots (what is written, what the target is)."""
    return {
        "the report": _("the report"),
        "the config": _("the config"),
        "the baseline": _("the baseline"),
        "the reviewed copy": _("the reviewed copy"),
        "a folder": _("a folder"),
        "not a regular file": _("not a regular file"),
    }


@lru_cache(maxsize=4)
def _compiled(language: str) -> list[tuple[re.Pattern[str], str]]:
    compiled = []
    for english, translated in _templates():
        parts = re.split(r"(\{\w+\})", english)
        pattern = "".join(f"(?P<{part[1:-1]}>.+?)" if part.startswith("{") else re.escape(part) for part in parts)
        compiled.append((re.compile(pattern + r"\Z"), translated))
    return compiled


def error_text(message: str) -> str:
    """``message`` (a reason a file could not be read) in the user's language."""
    if not is_chinese():
        return message
    for pattern, translated in _compiled("zh"):
        match = pattern.match(message)
        if match:
            words = _words()
            return translated.format(**{key: words.get(value, value) for key, value in match.groupdict().items()})
    return message
