"""Configuration: defaults, ``[tool.disclint]`` in pyproject.toml or
``disclint.toml`` (the nearest one upward from the working directory), then
command-line options on top.

Every key is checked when the file is read: an unknown key, an unknown rule
code, a bad glob, an unknown document type, a missing or empty lexicon file
or a bad date raises :class:`ConfigError` with one line that names the file
and the key, and the command exits with status 2. The keys are documented in
``docs/workflow.md``; ``disclint init`` writes a commented starter file.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from disclint.cache_folder import user_cache_dir
from disclint.i18n import _
from disclint.messages import os_reason, toml_reason
from disclint.model.findings import Category, Severity
from disclint.startup.globs import Glob, GlobError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


EXCHANGE_CHOICES = ("auto", "sse", "szse", "bse")
BOARD_CHOICES = ("auto", "main", "star", "chinext", "bse")


class ConfigError(Exception):
    """A bad configuration; the message names the file and the key."""


FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = ("error", "warning", "info")
KNOWN_KEYS = (
    "exchange",
    "board",
    "select",
    "ignore",
    "fail-on",
    "type",
    "severity",
    "per-file-ignores",
    "per-file-types",
    "lexicons",
    "suppressions",
    "baseline",
    "cache-dir",
    "preset",
    "review-folder",
)
# A preset is a named set of defaults; the file's own keys and the command line go on top.
PRESETS = {"default": {"fail-on": "error"}, "strict": {"fail-on": "warning"}}
REVIEW_FOLDER = "审阅"
_SUPPRESSION_KEYS = ("file", "code", "excerpt", "reason", "expires")
CACHE_DIR_ENV = "DISCLINT_CACHE_DIR"
NO_CACHE_ENV = "DISCLINT_NO_CACHE"


@dataclass(frozen=True)
class SidecarSuppression:
    """One ``[[suppressions]]`` entry: for files where an inline comment cannot live.

    ``codes`` is the expanded set of rule codes of ``code`` (a code, prefix or
    category); ``excerpt`` is compared with a finding's excerpt after
    whitespace and full-width folding (a trailing ``…`` makes it a prefix).
    """

    index: int  # 1-based position in the config file, for messages
    file: Glob
    code: str
    codes: frozenset[str]
    excerpt: str
    reason: str | None = None
    expires: _dt.date | None = None

    def label(self) -> str:
        return f"suppressions[{self.index}]（{self.file.pattern}，{self.code}，“{self.excerpt}”）"


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    doc_type: str | None = None
    doc_type_source: str = "auto"
    # Where the filings are listed (None: detected per file from its 证券代码 or text).
    exchange: str | None = None
    board: str | None = None
    exchange_source: str = "auto"
    path: Path | None = None
    # Severity overrides: selector (code, prefix or category) → severity.
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: list[tuple[Glob, frozenset[str]]] = field(default_factory=list)
    per_file_types: list[tuple[Glob, str]] = field(default_factory=list)
    lexicons: list[Path] = field(default_factory=list)
    suppressions: list[SidecarSuppression] = field(default_factory=list)
    baseline: Path | None = None
    cache_dir: Path | None = None
    preset: str = "default"
    # Where ``annotate`` writes reviewed copies: a folder name (inside each draft's folder) or a path.
    review_folder: str = REVIEW_FOLDER
    # root, resolved once per config file and working directory (it is asked for every file)
    _root: tuple[Path | None, str, Path] | None = field(default=None, init=False, repr=False, compare=False)

    def fails(self, severity: Severity) -> bool:
        if self.fail_on == "never":
            return False
        return severity.rank >= Severity(self.fail_on).rank

    # ------------------------------------------------------------ paths
    @property
    def root(self) -> Path:
        """The project root: the config file's folder, or the working directory."""
        cwd = os.getcwd()
        if self._root is None or self._root[0] != self.path or self._root[1] != cwd:
            resolved = self.path.parent.resolve() if self.path is not None else Path(cwd).resolve()
            self._root = (self.path, cwd, resolved)
        return self._root[2]

    def where(self, key: str) -> str:
        """``file: key`` for error messages."""
        return _where(self.path, key) if self.path is not None else f"--{key}"

    def relative_path(self, shown: str) -> str:
        """``shown`` (as given on the command line) relative to the project root, with ``/``."""
        return relative_to(shown, self.root)

    def doc_type_for(self, relative: str) -> tuple[str | None, str]:
        """The document type given for this file (``--type``, ``type`` or ``per-file-types``)."""
        if self.doc_type_source == "option" and self.doc_type:
            return self.doc_type, "option"
        for glob, doc_type in self.per_file_types:
            if glob.matches(relative):
                return doc_type, "config"
        if self.doc_type:
            return self.doc_type, self.doc_type_source
        return None, "auto"

    def ignored_for(self, relative: str) -> frozenset[str]:
        ignored: set[str] = set()
        for glob, codes in self.per_file_ignores:
            if glob.matches(relative):
                ignored |= codes
        return frozenset(ignored)


def relative_to(shown: str, root: Path) -> str:
    path = Path(shown)
    absolute = path if path.is_absolute() else Path.cwd() / path
    absolute = Path(os.path.normpath(absolute))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        try:
            return absolute.resolve().relative_to(root).as_posix()
        except (ValueError, OSError):
            return absolute.as_posix()


def find_config_file(start: Path) -> Path | None:
    """The nearest ``disclint.toml`` or ``pyproject.toml`` with ``[tool.disclint]``, from ``start`` upward."""
    for directory in (start, *start.parents):
        candidate = directory / "disclint.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _pyproject_table(pyproject) is not None:
            return pyproject
    return None


def _pyproject_table(path: Path) -> dict[str, Any] | None:
    data = _read_toml(path)
    tool = data.get("tool", {})
    table = tool.get("disclint") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None


MAX_CONFIG_BYTES = 8 * 1024 * 1024


def read_toml_file(path: Path, label: str | None = None) -> dict[str, Any]:
    """A TOML file's table; :class:`ConfigError` (``path: why``) for anything that is not a
    readable, regular, UTF-8 TOML file of reasonable size."""
    import stat

    name = label or str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just below).
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ConfigError(_("{name}: not a regular file").format(name=name))
            blob = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(_("{name}: cannot read: {reason}").format(name=name, reason=os_reason(exc))) from exc
    if len(blob) > MAX_CONFIG_BYTES:
        raise ConfigError(_("{name}: larger than {size} MiB").format(name=name, size=MAX_CONFIG_BYTES // (1024 * 1024)))
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(_("{name}: not UTF-8 (byte {start})").format(name=name, start=exc.start)) from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason = toml_reason(exc)
    except RecursionError:
        reason = _("nested too deeply")
    if label:
        raise ConfigError(_("{label} is not valid TOML: {reason}").format(label=label, reason=reason))
    raise ConfigError(_("{name}: invalid TOML: {reason}").format(name=name, reason=reason))


def _read_toml(path: Path) -> dict[str, Any]:
    return read_toml_file(path)


def _where(path: Path, key: str) -> str:
    prefix = "[tool.disclint]." if path.name == "pyproject.toml" else ""
    return f"{path}: {prefix}{key}"


def _rule_codes() -> list[str]:
    from disclint.rules import all_rules

    return [spec.code for spec in all_rules()]


def expand_selector(token: str, codes: list[str]) -> set[str]:
    """The rule codes a selector names: ``all``, a category, a code or a code prefix."""
    token = token.strip()
    lowered = token.lower()
    if lowered == "all":
        return set(codes)
    if lowered in {category.value for category in Category}:
        from disclint.rules import all_rules

        return {spec.code for spec in all_rules() if spec.category.value == lowered}
    upper = token.upper()
    matched = {code for code in codes if code.startswith(upper)} if upper else set()
    if not matched:
        raise ConfigError(_("unknown rule code, prefix or category: {token!r}").format(token=token))
    return matched


def _selectors(value: Any, where: str, codes: list[str]) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(_("{where}: must be a list of rule codes, prefixes or categories").format(where=where))
    for item in value:
        try:
            expand_selector(item, codes)
        except ConfigError as exc:
            raise ConfigError(f"{where}: {exc}") from None
    return list(value)


def _glob(pattern: Any, where: str) -> Glob:
    if not isinstance(pattern, str):
        raise ConfigError(_("{where}: a file glob must be a string").format(where=where))
    try:
        return Glob.compile(pattern)
    except GlobError as exc:
        raise ConfigError(
            _("{where}: bad glob {pattern!r}: {exc}").format(where=where, pattern=pattern, exc=exc)
        ) from None


def _date(value: Any, where: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ConfigError(_("{where}: bad date {value!r}; write it as 2025-12-31").format(where=where, value=value))


def _path(value: Any, where: str, base: Path) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(_("{where}: must be a path (a non-empty string)").format(where=where))
    path = Path(os.path.expanduser(value))
    return path if path.is_absolute() else base / path


def _check_lexicon_file(path: Path, where: str, codes: list[str]) -> None:
    """Readable, valid TOML, not empty, and every ``[[term]]`` names a known rule."""
    if not path.is_file():
        raise ConfigError(_("{where}: lexicon file {path} not found").format(where=where, path=path))
    try:
        data = read_toml_file(path, label=_("lexicon {path}").format(path=path))
    except ConfigError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    terms = data.get("term", [])
    allow = data.get("allow", {})
    phrases = allow.get("phrases", []) if isinstance(allow, dict) else []
    if not terms and not phrases:
        raise ConfigError(
            _("{where}: lexicon {path} is empty (no [[term]] entries and no [allow] phrases)").format(
                where=where, path=path
            )
        )
    defaults = data.get("defaults", {})
    default_rule = defaults.get("rule") if isinstance(defaults, dict) else None
    for index, entry in enumerate(terms if isinstance(terms, list) else [], start=1):
        rule = entry.get("rule", default_rule) if isinstance(entry, dict) else None
        if isinstance(rule, str) and rule.upper() not in codes:
            raise ConfigError(
                _("{where}: {name} term #{index}: unknown rule code {rule!r}").format(
                    where=where, name=path.name, index=index, rule=rule
                )
            )


def load_config(path: Path) -> Config:
    table = (_pyproject_table(path) or {}) if path.name == "pyproject.toml" else _read_toml(path)
    config = Config(path=path)
    base = path.parent
    codes = _rule_codes()
    if "preset" in table:
        preset = table["preset"]
        if not isinstance(preset, str) or preset not in PRESETS:
            raise ConfigError(
                _("{where}: must be one of {choices}").format(where=_where(path, "preset"), choices=", ".join(PRESETS))
            )
        config.preset = preset
        config.fail_on = PRESETS[preset]["fail-on"]
    for key, value in table.items():
        where = _where(path, key)
        if key not in KNOWN_KEYS:
            hint = ""
            close = [known for known in KNOWN_KEYS if known.replace("-", "_") == key.replace("-", "_")]
            if close:
                hint = _(" (did you mean {key!r}?)").format(key=close[0])
            raise ConfigError(_("{where}: unknown key{hint}").format(where=where, hint=hint))
        if key in ("select", "ignore"):
            setattr(config, key, _selectors(value, where, codes))
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise ConfigError(
                    _("{where}: must be one of {choices}").format(where=where, choices=", ".join(FAIL_ON))
                )
            config.fail_on = value
        elif key == "exchange":
            if value not in EXCHANGE_CHOICES:
                raise ConfigError(
                    _("{where}: must be one of {choices}").format(where=where, choices=", ".join(EXCHANGE_CHOICES))
                )
            config.exchange = None if value == "auto" else value
            config.exchange_source = "config"
        elif key == "board":
            if value not in BOARD_CHOICES:
                raise ConfigError(
                    _("{where}: must be one of {choices}").format(where=where, choices=", ".join(BOARD_CHOICES))
                )
            config.board = None if value == "auto" else value
        elif key == "type":
            config.doc_type = _doc_type(value, where)
            config.doc_type_source = "config"
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(
                    _('{where}: must be a table of rule code = "error"|"warning"|"info"').format(where=where)
                )
            for selector, level in value.items():
                item_where = f"{where}.{selector}"
                _selectors([selector], item_where, codes)
                if level not in SEVERITIES:
                    raise ConfigError(
                        _("{item_where}: must be one of {choices}").format(
                            item_where=item_where, choices=", ".join(SEVERITIES)
                        )
                    )
                config.severity[selector] = level
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(
                    _('{where}: must be a table of "glob" = [rule codes, prefixes or categories]').format(where=where)
                )
            for pattern, selectors in value.items():
                item_where = f'{where}."{pattern}"'
                glob = _glob(pattern, item_where)
                expanded: set[str] = set()
                for selector in _selectors(selectors, item_where, codes):
                    expanded |= expand_selector(selector, codes)
                config.per_file_ignores.append((glob, frozenset(expanded)))
        elif key == "per-file-types":
            if not isinstance(value, dict):
                raise ConfigError(_('{where}: must be a table of "glob" = "document type"').format(where=where))
            for pattern, doc_type in value.items():
                item_where = f'{where}."{pattern}"'
                config.per_file_types.append((_glob(pattern, item_where), _doc_type(doc_type, item_where)))
        elif key == "lexicons":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list):
                raise ConfigError(_("{where}: must be a list of lexicon files (.toml)").format(where=where))
            for item in value:
                lexicon = _path(item, where, base)
                _check_lexicon_file(lexicon, where, codes)
                config.lexicons.append(lexicon)
        elif key == "suppressions":
            if not isinstance(value, list):
                raise ConfigError(_("{where}: must be an array of tables ([[suppressions]])").format(where=where))
            for index, entry in enumerate(value, start=1):
                config.suppressions.append(_suppression(entry, f"{where}[{index}]", index, codes))
        elif key == "baseline":
            config.baseline = _path(value, where, base)
        elif key == "cache-dir":
            config.cache_dir = _path(value, where, base)
        elif key == "review-folder":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(_("{where}: must be a folder name or path (a non-empty string)").format(where=where))
            folder = Path(os.path.expanduser(value.strip()))
            config.review_folder = str(folder if folder.is_absolute() or len(folder.parts) == 1 else base / folder)
    return config


def _doc_type(value: Any, where: str) -> str:
    from disclint.structure import DOC_TYPES

    if value not in DOC_TYPES:
        raise ConfigError(
            _("{where}: unknown document type {value!r}; use one of {choices}").format(
                where=where, value=value, choices=", ".join(DOC_TYPES)
            )
        )
    return str(value)


def _suppression(entry: Any, where: str, index: int, codes: list[str]) -> SidecarSuppression:
    if not isinstance(entry, dict):
        raise ConfigError(_("{where}: must be a table with file, code and excerpt").format(where=where))
    for key in entry:
        if key not in _SUPPRESSION_KEYS:
            raise ConfigError(
                _("{where}.{key}: unknown key (use {choices})").format(
                    where=where, key=key, choices=", ".join(_SUPPRESSION_KEYS)
                )
            )
    for key in ("file", "code", "excerpt"):
        if key not in entry:
            raise ConfigError(
                _("{where}.{key}: missing (a suppression needs file, code and excerpt)").format(where=where, key=key)
            )
    glob = _glob(entry["file"], f"{where}.file")
    code = entry["code"]
    if not isinstance(code, str):
        raise ConfigError(_("{where}.code: must be a rule code, prefix or category").format(where=where))
    _selectors([code], f"{where}.code", codes)
    excerpt = entry["excerpt"]
    if not isinstance(excerpt, str) or not excerpt.strip():
        raise ConfigError(_("{where}.excerpt: must be the flagged text (a non-empty string)").format(where=where))
    reason = entry.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise ConfigError(_("{where}.reason: must be a string").format(where=where))
    expires = _date(entry["expires"], f"{where}.expires") if "expires" in entry else None
    return SidecarSuppression(
        index=index,
        file=glob,
        code=code,
        codes=frozenset(expand_selector(code, codes)),
        excerpt=excerpt,
        reason=reason,
        expires=expires,
    )


@dataclass
class Overrides:
    """What the command line sets on top of every config file."""

    select: str | None = None
    ignore: str | None = None
    fail_on: str | None = None
    doc_type: str = "auto"
    exchange: str = "auto"

    def apply(self, config: Config) -> Config:
        if self.select is not None:
            config.select = split_list(self.select)
        if self.ignore is not None:
            config.ignore = config.ignore + split_list(self.ignore)
        if self.fail_on is not None:
            config.fail_on = self.fail_on
        if self.doc_type != "auto":
            config.doc_type, config.doc_type_source = self.doc_type, "option"
        if self.exchange != "auto":
            config.exchange, config.exchange_source = self.exchange, "option"
        return config


@dataclass
class ConfigResolver:
    """The config for each linted file, as ruff finds it: the closest config file above the file.

    ``--config FILE`` gives every file that one; ``--no-config`` gives none.
    Each config file is read once; the command-line options go on top of each.
    """

    overrides: Overrides = field(default_factory=Overrides)
    config_file: Path | None = None
    no_config: bool = False
    _found: dict[Path, Path | None] = field(default_factory=dict)
    _loaded: dict[Path | None, Config] = field(default_factory=dict)

    def file_for(self, folder: Path) -> Path | None:
        """The config file that applies in ``folder``, or None."""
        if self.no_config:
            return None
        if self.config_file is not None:
            return self.config_file
        folder = Path(os.path.abspath(folder))
        if folder not in self._found:
            self._found[folder] = find_config_file(folder)
        return self._found[folder]

    def for_folder(self, folder: Path) -> Config:
        path = self.file_for(folder)
        if path not in self._loaded:
            if path is None:
                config = Config()
            else:
                if not path.is_file():
                    raise ConfigError(_("{path}: config file not found").format(path=path))
                config = load_config(path)
            self._loaded[path] = self.overrides.apply(config)
        return self._loaded[path]

    def for_file(self, path: Path) -> Config:
        return self.for_folder(path.parent if path.parent != Path("") else Path.cwd())


def split_list(value: str | None) -> list[str]:
    if not value:
        return []
    return [item.strip() for item in value.replace("，", ",").split(",") if item.strip()]


def resolve_selection(select: list[str], ignore: list[str], codes: list[str]) -> set[str]:
    """The rule codes enabled by ``select``/``ignore`` (codes, prefixes or categories)."""
    enabled: set[str] = set()
    for token in select or ["all"]:
        enabled |= expand_selector(token, codes)
    for token in ignore:
        enabled -= expand_selector(token, codes)
    return enabled


def resolve_severities(overrides: dict[str, str], codes: list[str]) -> dict[str, Severity]:
    """Severity per code: the most specific selector wins (code > longer prefix > category/all)."""

    def specificity(selector: str) -> int:
        lowered = selector.strip().lower()
        if lowered == "all":
            return 0
        if lowered in {category.value for category in Category}:
            return 1
        return 2 + len(selector.strip())

    resolved: dict[str, tuple[int, Severity]] = {}
    for selector, level in overrides.items():
        rank = specificity(selector)
        for code in expand_selector(selector, codes):
            if code not in resolved or rank >= resolved[code][0]:
                resolved[code] = (rank, Severity(level))
    return {code: level for code, (_source, level) in resolved.items()}


def cache_dir_for(config: Config, option: Path | None) -> Path:
    """``--cache-dir``, then ``$DISCLINT_CACHE_DIR``, then ``cache-dir``, then the user's cache folder."""
    if option is not None:
        return option
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(os.path.expanduser(env))
    if config.cache_dir is not None:
        return config.cache_dir
    return user_cache_dir()


def starter_config() -> str:
    """The commented starter config ``disclint init`` writes: in Chinese, or in English on request."""
    from disclint.i18n import is_chinese

    return STARTER_CONFIG_ZH if is_chinese() else STARTER_CONFIG


STARTER_CONFIG_ZH = """\
# disclint 配置文件。每个设置项的说明见 docs/workflow.md。
# disclint 对每个被检查的文件，从文件所在文件夹向上找最近的 disclint.toml
# （或 pyproject.toml 中的 [tool.disclint]）；--config 指定的文件优先。
# 文中的相对路径都相对于本文件所在文件夹。先写顶层设置，[表] 放在最后。

# 预设："default"（有“错误”级问题才以状态 1 退出）或 "strict"（“警告”也拦截，
# 适合 pre-commit 和正式报送前的检查）。下面的 fail-on 会覆盖预设。
# preset = "strict"

# 要运行的规则：规则代码（PT001）、代码前缀（HY）或类别（price_target、hype、
# hot_topic、vague_pledge、forward_looking、missing_section、consistency、style），
# 或 "all"。默认运行全部规则。
# select = ["all"]
# ignore = ["ST003"]

# 出现不低于该级别的问题时以状态 1 退出："error"、"warning"、"info" 或 "never"。
fail-on = "error"

# 全部文件的文件类型（默认按标题自动识别）：action_plan、valuation_plan、
# evaluation_report、incentive_plan、esop、dividend、voluntary、generic，或实际披露
# 的其他类型（periodic_report、buyback、inquiry_reply、prospectus……，
# `disclint rules --format json` 列出全部）。命令行的 --type 优先。
# type = "action_plan"

# 团队自己的词表文件：为已有规则补充 [[term]] 条目（如 HT001 的热点概念），
# 以及公司特有的允许用语（[allow] phrases = ["领先者X1"]）。
# lexicons = ["disclint-lexicon.toml"]

# 用 `disclint check --write-baseline 文件` 记录的问题不再报告。
# baseline = ".disclint-baseline.json"

# `disclint annotate` 写审阅稿（*.reviewed.docx）的文件夹：只写文件夹名时建在每份
# 草稿旁边；`disclint check` 检查文件夹时会跳过它和所有 *.reviewed.docx。
# review-folder = "审阅"

# .docx/.pdf 解析结果的缓存文件夹；默认 ~/.cache/disclint
# （--cache-dir 与 $DISCLINT_CACHE_DIR 优先，--no-cache 关闭缓存）。
# cache-dir = ".disclint_cache"

# 调整规则的级别（代码、前缀或类别）。
# [severity]
# HY001 = "error"
# style = "info"

# 某些文件不运行某些规则："文件模式" = [代码、前缀或类别]。
# 不含 "/" 的模式匹配任何文件夹中的文件名；** 可跨文件夹。
# [per-file-ignores]
# "archive/**" = ["all"]
# "*互动易*.txt" = ["missing_section"]

# 按文件指定类型："文件模式" = "类型"。
# [per-file-types]
# "valuation/*.md" = "valuation_plan"
# "drafts/**/*激励计划*.docx" = "incentive_plan"

# .docx/.pdf 中无法写注释时，在这里登记抑制
# （.txt/.md 中可直接写 <!-- disclint-disable-next-line HY001 -- 理由 -->）。
# 过期的抑制不再生效，并报告为 ST102。
# [[suppressions]]
# file = "drafts/2025_估值提升计划.pdf"
# code = "HY001"
# excerpt = "领先者"
# reason = "“领先者”是公司注册商标的产品名称"
# expires = 2025-12-31
"""


STARTER_CONFIG = """\
# disclint configuration — docs/workflow.md describes every key.
# For each linted file disclint reads the nearest disclint.toml, or [tool.disclint] in
# pyproject.toml, from the file's folder upward; --config overrides it. Paths are relative to this file.
# Top-level keys come first; the [tables] follow at the end.

# Rules to run: codes (PT001), code prefixes (HY) or categories (price_target,
# hype, hot_topic, vague_pledge, forward_looking, missing_section, consistency,
# style), or "all". Default: every rule.
# select = ["all"]
# ignore = ["ST003"]

# Preset: "default" (exit 1 on errors) or "strict" (warnings block too: for pre-commit
# and the last check before filing). fail-on below overrides it.
# preset = "strict"

# Exit with status 1 when a finding at or above this severity is reported:
# "error", "warning", "info" or "never".
fail-on = "error"

# Document type of every file (default: detected from the title):
# action_plan, valuation_plan, evaluation_report, incentive_plan, esop,
# dividend, voluntary, generic, or a type of what companies file (periodic_report,
# buyback, inquiry_reply, prospectus, ...: `disclint rules --format json` lists them).
# --type on the command line overrides it.
# type = "action_plan"

# Where the company is listed: whose rules the findings' 依据 cite. auto (default)
# reads the 证券代码 on the cover (60/688 Shanghai, 00/30 Shenzhen, 8/92/43 Beijing)
# or the platform and exchange the text names; unknown cites the CSRC rules.
# --exchange on the command line overrides it.
# exchange = "szse"   # auto, sse, szse, bse
# board = "chinext"   # auto, main, star, chinext, bse

# The team's own lexicon files: more [[term]] entries for existing rules (e.g.
# hot-topic concepts for HT001) and company-specific allowed phrases
# ([allow] phrases = ["领先者X1"]).
# lexicons = ["disclint-lexicon.toml"]

# Findings recorded with `disclint check --write-baseline FILE` are not reported again.
# baseline = ".disclint-baseline.json"

# Where `disclint annotate` writes reviewed copies (*.reviewed.docx): a folder name is made
# beside each draft; `disclint check` walks past it and every *.reviewed.docx.
# review-folder = "审阅"

# Cache of parsed .docx/.pdf files; default: ~/.cache/disclint
# (--cache-dir and $DISCLINT_CACHE_DIR override it, --no-cache turns it off).
# cache-dir = ".disclint_cache"

# Change the severity of rules (codes, prefixes or categories).
# [severity]
# HY001 = "error"
# style = "info"

# Ignore rules in some files: "glob" = [codes, prefixes or categories].
# A glob without "/" matches the file name in any folder; ** spans folders.
# [per-file-ignores]
# "archive/**" = ["all"]
# "*互动易*.txt" = ["missing_section"]

# Document type per file: "glob" = "type".
# [per-file-types]
# "valuation/*.md" = "valuation_plan"
# "drafts/**/*激励计划*.docx" = "incentive_plan"

# Suppressions for .docx/.pdf, where an inline comment cannot live
# (in .txt/.md write <!-- disclint-disable-next-line HY001 -- 理由 --> instead).
# An expired suppression stops suppressing and is reported (ST102).
# [[suppressions]]
# file = "drafts/2025_估值提升计划.pdf"
# code = "HY001"
# excerpt = "领先者"
# reason = "“领先者”是公司注册商标的产品名称"
# expires = 2025-12-31
"""
