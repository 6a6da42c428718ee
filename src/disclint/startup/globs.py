"""File globs for the config (``per-file-ignores``, ``per-file-types``, ``suppress``).

The dialect is the one ruff and ``.gitignore`` users know:

* a pattern is matched against the file's path relative to the project root
  (the folder of the config file; the working directory without one), with
  ``/`` separators, e.g. ``drafts/2025/plan.docx``;
* a pattern without ``/`` matches the file name in any folder (``*.pdf``);
* ``*`` matches within one path segment, ``**`` across segments
  (``drafts/**/*.md`` matches ``drafts/a.md`` and ``drafts/x/y/a.md``),
  ``?`` one character, ``[abc]``/``[!abc]`` a character class, and
  ``{docx,pdf}`` one of the alternatives.

:class:`GlobError` says what is wrong with a bad pattern; the config loader
adds the file and key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from disclint.i18n import _


class GlobError(ValueError):
    """A pattern that cannot be compiled."""


def _translate(pattern: str) -> str:
    out: list[str] = []
    index = 0
    length = len(pattern)
    in_braces = False
    while index < length:
        char = pattern[index]
        if char == "*":
            if pattern.startswith("**", index):
                before_ok = index == 0 or pattern[index - 1] == "/"
                after = index + 2
                if before_ok and after < length and pattern[after] == "/":
                    out.append("(?:.*/)?")  # "**/": zero or more folders
                    index = after + 1
                    continue
                if before_ok and after == length:
                    out.append(".*")
                    index = after
                    continue
                raise GlobError(_("'**' must be a whole path segment, as in 'drafts/**/*.pdf'"))
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            close = pattern.find("]", index + 2 if pattern.startswith(("[!", "[^"), index) else index + 1)
            if close < 0:
                raise GlobError(_("unclosed '['"))
            body = pattern[index + 1 : close]
            negate = body.startswith(("!", "^"))
            if negate:
                body = body[1:]
            if not body:
                raise GlobError(_("empty character class '[]'"))
            escaped = body.replace("\\", "\\\\").replace("]", "\\]")
            out.append(f"[{'^/' if negate else ''}{escaped}]")
            index = close + 1
            continue
        elif char == "{":
            if in_braces:
                raise GlobError(_("nested '{' is not supported"))
            if pattern.find("}", index) < 0:
                raise GlobError(_("unclosed '{'"))
            in_braces = True
            out.append("(?:")
        elif char == "}":
            if not in_braces:
                raise GlobError(_("unmatched '}'"))
            in_braces = False
            out.append(")")
        elif char == "," and in_braces:
            out.append("|")
        elif char == "]":
            raise GlobError(_("unmatched ']'"))
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


@dataclass(frozen=True)
class Glob:
    """A compiled file glob; ``pattern`` is the text from the config."""

    pattern: str
    regex: re.Pattern[str]
    basename_only: bool

    @classmethod
    def compile(cls, pattern: str) -> Glob:
        if not isinstance(pattern, str) or not pattern.strip():
            raise GlobError(_("empty pattern"))
        text = pattern.strip().replace("\\", "/")
        while text.startswith("./"):
            text = text[2:]
        if text.endswith("/"):
            text += "**"  # a folder: everything below it
        basename_only = "/" not in text
        try:
            regex = re.compile(_translate(text) + r"\Z")
        except re.error as exc:  # pragma: no cover - _translate escapes everything else
            raise GlobError(str(exc)) from exc
        return cls(pattern=pattern, regex=regex, basename_only=basename_only)

    def matches(self, relative_path: str) -> bool:
        """``relative_path`` uses ``/`` and is relative to the project root (or absolute)."""
        path = relative_path.replace("\\", "/")
        while path.startswith("./"):
            path = path[2:]
        if self.basename_only:
            return self.regex.match(path.rsplit("/", 1)[-1]) is not None
        # A relative pattern never matches a file outside the project root
        # (whose path stays absolute).
        return self.regex.match(path) is not None
