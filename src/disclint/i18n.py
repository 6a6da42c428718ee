"""Messages in the user's language, through the standard :mod:`gettext` machinery.

disclint speaks Chinese first: its users write and read Chinese all day. The
message ids in the source are English; the catalog
``locale/zh_CN/LC_MESSAGES/disclint.po`` (compiled to ``disclint.mo``, both
in the package) translates them. English is chosen by ``DISCLINT_LANG=en``,
or, when ``DISCLINT_LANG`` is not set, by a locale variable that names
English (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` — the first one
set, as gettext reads them). Anything else — Chinese, ``C``, nothing at all
(as on most Windows machines) — gives Chinese.

Rule messages, suggestions and clauses are the content of the report and
stay Chinese in both languages.
"""

from __future__ import annotations

import contextlib
import gettext
import os
import sys
from collections.abc import Iterator
from pathlib import Path

DOMAIN = "disclint"
LOCALE_DIR = Path(__file__).with_name("locale")
LANG_ENV = "DISCLINT_LANG"
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_current: gettext.NullTranslations | None = None
_current_language: str | None = None


def language() -> str:
    """``"en"`` or ``"zh"``: the language disclint speaks in this environment."""
    wanted = os.environ.get(LANG_ENV, "").strip()
    if not wanted:
        for variable in _LOCALE_VARIABLES:
            value = os.environ.get(variable, "").strip()
            if value:
                # LANGUAGE is a list (zh_CN:en); the first entry counts.
                wanted = value.split(":")[0]
                break
    return "en" if wanted.lower().startswith("en") else "zh"


def translations() -> gettext.NullTranslations:
    """The catalog for :func:`language` (loaded once per language)."""
    global _current, _current_language
    lang = language()
    if _current is None or _current_language != lang:
        if lang == "en":
            _current = gettext.NullTranslations()
        else:
            _current = gettext.translation(DOMAIN, LOCALE_DIR, languages=["zh_CN"], fallback=True)
        _current_language = lang
    return _current


def _(message: str) -> str:
    """``message`` (an English message id) in the user's language."""
    return translations().gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction where it is defined; it is translated with :func:`_` where it is shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    return translations().ngettext(singular, plural, count)


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Messages in ``lang`` ("zh" or "en") inside the block, whatever the environment says
    (for generated files such as docs/rules.md, which must not depend on who ran the generator)."""
    saved = os.environ.get(LANG_ENV)
    os.environ[LANG_ENV] = lang
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(LANG_ENV, None)
        else:
            os.environ[LANG_ENV] = saved


def tolerant_streams() -> None:
    """Standard output and error that cannot encode a character print ``?`` for it instead of failing.

    A Chinese Windows machine writes a redirected or piped output in its code page (GBK), and a
    Linux machine under ``LANG=zh_CN.GBK`` or ``C`` in GBK or ASCII: explain's ✗ and ✓, or a
    draft's own rare characters, ended the run in a UnicodeEncodeError after half a report.
    UTF-8 streams, and a console written with the Windows console API, are left as they are.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding not in ("utf8", "utf8sig") and reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or detached stream
                reconfigure(errors="replace")


def is_chinese() -> bool:
    return language() == "zh"


def install_for_libraries() -> None:
    """Let typer's and click's own words (``Usage:``, ``Options``, ``No such option``) speak the same language.

    Both look their messages up with :func:`gettext.gettext` in the default
    domain, some of them when typer is imported: so before that, this points
    the default domain at disclint's catalog (which carries their messages)
    and tells gettext the language through ``LANGUAGE`` in this process.
    """
    lang = language()
    os.environ["LANGUAGE"] = "en" if lang == "en" else "zh_CN"
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
