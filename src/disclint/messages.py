"""Messages that other parts of disclint write in English, shown to a person in their language.

A file that cannot be read carries a one-line English reason in its result
(the JSON ``error`` field keeps it as is: tools match on it). Where a person
reads it — the ``disclint：错误：`` line on stderr, the HTML report — it goes
through :func:`error_text`, which recognises the reasons the parsers give
and translates them through the catalog; a reason it does not know is shown
as it is.
"""

from __future__ import annotations

import errno
import os
import re
from functools import lru_cache

from disclint.i18n import _, is_chinese, ngettext

# Control characters as the Control Pictures block draws them (ESC as ␛, a newline as ␊, DEL as
# ␡), one character for one so that columns and carets stay where they were; C1 controls (the
# 8-bit CSI 0x9B starts an escape sequence on some terminals) as U+FFFD.
_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421} | dict.fromkeys(range(0x80, 0xA0), 0xFFFD)
_PICTURES_KEEPING_LINES = {code: picture for code, picture in _PICTURES.items() if code not in (0x09, 0x0A)}


def visible(text: str, *, lines: bool = False) -> str:
    """``text`` safe to print on a terminal. A file name or a draft may hold escape sequences
    (recolour the terminal, set its title) or a newline (a fake report line): every control
    character is shown as its picture instead; ``lines`` keeps newlines and tabs."""
    return text.translate(_PICTURES_KEEPING_LINES if lines else _PICTURES)


def _templates() -> list[tuple[str, str]]:
    """(English template, translated template); ``{name}`` matches any text."""
    return [
        ("empty file", _("empty file")),
        ("binary file, not text (contains NUL bytes)", _("binary file, not text (contains NUL bytes)")),
        (
            "binary file, not text (too many control characters)",
            _("binary file, not text (too many control characters)"),
        ),
        ("cannot decode: not UTF-8 or GB18030 text", _("cannot decode: not UTF-8 or GB18030 text")),
        ("no such file", _("no such file")),
        ("broken symbolic link", _("broken symbolic link")),
        ("permission denied", _("permission denied")),
        ("is a directory", _("is a directory")),
        ("cannot read: {reason}", _("cannot read: {reason}")),
        ("PDF has no pages", _("PDF has no pages")),
        (
            "no text layer — run OCR first (scanned or image-only PDF)",
            _("no text layer — run OCR first (scanned or image-only PDF)"),
        ),
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
        (
            "not a Word document (no word/document.xml in the package)",
            _("not a Word document (no word/document.xml in the package)"),
        ),
        ("not a Word document (its main part is {kind})", _("not a Word document (its main part is {kind})")),
        (
            "not a Word document (its main part holds <w:{tag}>, not <w:document> with a body)",
            _("not a Word document (its main part holds <w:{tag}>, not <w:document> with a body)"),
        ),
        (
            "not valid {encoding} despite its byte-order mark: {reason}",
            _("not valid {encoding} despite its byte-order mark: {reason}"),
        ),
        (
            "python-docx is not installed: pip install python-docx",
            _("python-docx is not installed: pip install python-docx"),
        ),
        ("corrupt or unreadable .docx file ({reason})", _("corrupt or unreadable .docx file ({reason})")),
        ("corrupt .docx file ({reason})", _("corrupt .docx file ({reason})")),
        (
            "{kind} files are not supported: save as .docx and lint that",
            _("{kind} files are not supported: save as .docx and lint that"),
        ),
        (
            "the file is {size}, more than the limit of {limit}; raise it with --max-file-size",
            _("the file is {size}, more than the limit of {limit}; raise it with --max-file-size"),
        ),
        (
            "the input is {size}, more than the limit of {limit}; raise it with --max-file-size",
            _("the input is {size}, more than the limit of {limit}; raise it with --max-file-size"),
        ),
        (
            "the file has {count} lines, more than the limit of {limit}; raise it with --max-lines",
            _("the file has {count} lines, more than the limit of {limit}; raise it with --max-lines"),
        ),
        (
            "the file has {count} paragraphs, more than the limit of {limit}; raise it with --max-lines",
            _("the file has {count} paragraphs, more than the limit of {limit}; raise it with --max-lines"),
        ),
        (
            "the text is {count} characters, more than the limit of {limit}; raise it with --max-chars",
            _("the text is {count} characters, more than the limit of {limit}; raise it with --max-chars"),
        ),
        (
            "the PDF has {count} pages, more than the limit of {limit}; raise it with --max-pages",
            _("the PDF has {count} pages, more than the limit of {limit}; raise it with --max-pages"),
        ),
        (
            "page {page} of the PDF has {count} text objects, more than the limit of {limit}; "
            "raise it with --max-page-objects",
            _(
                "page {page} of the PDF has {count} text objects, more than the limit of {limit}; "
                "raise it with --max-page-objects"
            ),
        ),
        (
            "the .docx package inflated is {size}, more than the limit of {limit}; raise it with {option}",
            _("the .docx package inflated is {size}, more than the limit of {limit}; raise it with {option}"),
        ),
        (
            "{member} inflated is {size}, more than the limit of {limit}; raise it with {option}",
            _("{member} inflated is {size}, more than the limit of {limit}; raise it with {option}"),
        ),
        (
            "the .docx package has {count} members, more than the limit of {limit}",
            _("the .docx package has {count} members, more than the limit of {limit}"),
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
        # zipfile's reasons inside "corrupt .docx file (…)"
        "File is not a zip file": _("not a ZIP package"),
        "Bad magic number for central directory": _("its table of contents is damaged"),
        "Truncated file header": _("a part of the package is cut short"),
        # what the main part of an Office package that is not a Word document holds
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": _("an Excel workbook"),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": _(
            "a PowerPoint presentation"
        ),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": _("a Word template"),
        "application/vnd.ms-word.document.macroEnabled.main+xml": _("a Word document with macros (.docm)"),
        # the text encodings a byte-order mark names, and why their text did not decode
        "utf-8": "UTF-8",
        "utf-16-le": "UTF-16LE",
        "utf-16-be": "UTF-16BE",
        "truncated data": _("the text ends in the middle of a character"),
        "illegal UTF-16 surrogate": _("an invalid UTF-16 character"),
        "illegal encoding": _("an invalid character"),
        "invalid start byte": _("an invalid byte"),
        "invalid continuation byte": _("an invalid byte"),
        "unexpected end of data": _("the text ends in the middle of a character"),
        # the operating system's reasons inside "cannot write …: {reason}" and "cannot read: {reason}"
        **_os_words(),
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


# ------------------------------------------------------------------ counted things


def counted(what: str, count: int) -> str:
    """``count`` things, with the noun in the number the language wants ("1 file", "2 files"; "1 个文件").

    A sentence takes these phrases whole (``{files}``), so that each count
    agrees with its own noun whatever the others are.
    """
    phrases = {
        "file": ngettext("{count} file", "{count} files", count),
        "problem": ngettext("{count} problem", "{count} problems", count),
        "comment": ngettext("{count} comment", "{count} comments", count),
        "missing section": ngettext("{count} section missing", "{count} sections missing", count),
        "rule": ngettext("{count} rule", "{count} rules", count),
        "entry": ngettext("{count} entry", "{count} entries", count),
    }
    return phrases[what].format(count=count)


# ------------------------------------------------------------------ reasons from Python and the OS


def _os_reasons() -> dict[int, str]:
    return {
        errno.ENOENT: _("no such file or folder"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("operation not permitted"),
        errno.EISDIR: _("is a directory"),
        errno.ENOTDIR: _("a part of the path is not a folder"),
        errno.ENOSPC: _("no space left on the disk"),
        errno.EROFS: _("read-only file system"),
        errno.ELOOP: _("too many levels of symbolic links"),
        errno.ENAMETOOLONG: _("file name too long"),
        errno.EEXIST: _("it already exists"),
    }


def os_reason(exc: BaseException) -> str:
    """Why an operating-system call failed, in the user's language (the OS's own text is English)."""
    reasons = _os_reasons()
    number = getattr(exc, "errno", None)
    if isinstance(number, int) and number in reasons:
        return reasons[number]
    return str(getattr(exc, "strerror", None) or exc)


def _os_words() -> dict[str, str]:
    """The operating system's own text for the reasons :func:`os_reason` knows (``No such file or
    directory``), as a message built from ``exc.strerror`` carries it, and its translation."""
    return {os.strerror(number): reason for number, reason in _os_reasons().items()}


def _position(line: object, column: object) -> str:
    return _("line {line}, column {column}").format(line=line, column=column)


def _toml_templates() -> list[tuple[str, str]]:
    """tomllib's reasons (the ones a hand-written config meets) and their translation."""
    return [
        ("Invalid value", _("not a valid value")),
        ("Invalid statement", _("not a valid statement")),
        ("Invalid initial character for a key part", _("a key cannot start with this character")),
        ("Expected ']' at the end of a table declaration", _("a table name must end with ']'")),
        ("Expected ']]' at the end of an array declaration", _("an array of tables must end with ']]'")),
        ("Expected '=' after a key in a key/value pair", _("'=' expected after the key")),
        ("Unclosed array", _("an array ([…]) is not closed")),
        ("Unclosed inline table", _("an inline table ({…}) is not closed")),
        ("Unterminated string", _("a string is not closed")),
        ("Cannot overwrite a value", _("a key is given twice")),
        ("Cannot declare {key} twice", _("{key} is declared twice")),
        ("Invalid date or datetime", _("not a valid date or time")),
        ("Illegal character {char}", _("a character that TOML does not allow: {char}")),
        ("Found invalid character {char}", _("a character that TOML does not allow: {char}")),
        ("Expected {what}", _("{what} expected")),
    ]


def toml_reason(exc: Exception) -> str:
    """Why :mod:`tomllib` refused a file, with where, in the user's language."""
    text = str(exc)
    where = re.search(r" \(at (?:line (\d+), column (\d+)|(end of document))\)$", text)
    message = text[: where.start()] if where else text
    if not is_chinese():
        return text
    translated = _fill(message, _toml_templates())
    if where is None:
        return translated
    place = _("at the end of the file") if where.group(3) else _position(where.group(1), where.group(2))
    return _("{reason} ({place})").format(reason=translated, place=place)


def regex_reason(exc: Exception) -> str:
    """Why :mod:`re` refused a pattern (in a team's lexicon), with where, in the user's language."""
    message = getattr(exc, "msg", None)
    if not is_chinese() or not isinstance(message, str):
        return str(exc)
    reasons = {
        "missing ), unterminated subpattern": _("a '(' is not closed"),
        "unbalanced parenthesis": _("a ')' has no '('"),
        "unterminated character set": _("a '[' is not closed"),
        "nothing to repeat": _("a repetition (*, +, ?, {…}) follows nothing"),
        "multiple repeat": _("two repetitions in a row"),
    }
    reason = reasons.get(message, message)
    position = getattr(exc, "pos", None)
    if position is None:
        return reason
    return _("{reason} (at character {position})").format(reason=reason, position=position + 1)


def json_reason(exc: Exception) -> str:
    """Why :mod:`json` refused a file, with where, in the user's language."""
    if isinstance(exc, UnicodeDecodeError):
        return _("not UTF-8 (byte {start})").format(start=exc.start)
    message = getattr(exc, "msg", None)
    if not is_chinese() or not isinstance(message, str):
        return str(exc)
    reasons = {
        "Expecting value": _("a value expected"),
        "Extra data": _("more data after the end"),
        "Expecting property name enclosed in double quotes": _("a key in double quotes expected"),
        "Expecting ',' delimiter": _("',' expected"),
        "Expecting ':' delimiter": _("':' expected"),
        "Unterminated string starting at": _("a string is not closed"),
        "Invalid control character at": _("a control character in a string"),
    }
    place = _position(getattr(exc, "lineno", "?"), getattr(exc, "colno", "?"))
    return _("{reason} ({place})").format(reason=reasons.get(message, message), place=place)


def _fill(message: str, templates: list[tuple[str, str]]) -> str:
    for english, translated in templates:
        parts = re.split(r"(\{\w+\})", english)
        pattern = "".join(f"(?P<{part[1:-1]}>.+?)" if part.startswith("{") else re.escape(part) for part in parts)
        match = re.match(pattern + r"\Z", message)
        if match:
            return translated.format(**match.groupdict())
    return message
