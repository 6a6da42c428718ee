"""Configuration: defaults, ``[tool.disclint]`` in pyproject.toml or
``disclint.toml`` (the nearest one upward from the working directory), then
command-line options on top.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from disclint.findings import Category, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(Exception):
    """A bad configuration; the message names the file and the key."""


FAIL_ON = ("error", "warning", "info", "never")
_KNOWN_KEYS = {"select", "ignore", "fail-on", "type"}


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    doc_type: str | None = None
    doc_type_source: str = "auto"
    path: Path | None = None

    def fails(self, severity: Severity) -> bool:
        if self.fail_on == "never":
            return False
        return severity.rank >= Severity(self.fail_on).rank


def find_config_file(start: Path) -> Path | None:
    """The nearest ``disclint.toml`` or ``pyproject.toml`` with ``[tool.disclint]``."""
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


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc


def load_config(path: Path) -> Config:
    if path.name == "pyproject.toml":
        table = _pyproject_table(path) or {}
        prefix = "[tool.disclint]"
    else:
        table = _read_toml(path)
        prefix = ""
    config = Config(path=path)
    for key, value in table.items():
        where = f"{path}: {prefix}{'.' if prefix else ''}{key}" if prefix else f"{path}: {key}"
        if key not in _KNOWN_KEYS:
            raise ConfigError(f"{where}: unknown key")
        if key in ("select", "ignore"):
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise ConfigError(f"{where}: must be a list of rule codes, prefixes or categories")
            setattr(config, key, list(value))
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise ConfigError(f"{where}: must be one of {', '.join(FAIL_ON)}")
            config.fail_on = value
        elif key == "type":
            from disclint.structure import DOC_TYPES

            if value not in DOC_TYPES:
                raise ConfigError(f"{where}: unknown document type {value!r}")
            config.doc_type = value
            config.doc_type_source = "config"
    return config


def split_list(value: str | None) -> list[str]:
    if not value:
        return []
    return [item.strip() for item in value.replace("，", ",").split(",") if item.strip()]


def resolve_selection(select: list[str], ignore: list[str], codes: list[str]) -> set[str]:
    """The rule codes enabled by ``select``/``ignore`` (codes, prefixes or categories)."""

    def expand(token: str) -> set[str]:
        token = token.strip()
        lowered = token.lower()
        if lowered == "all":
            return set(codes)
        categories = {category.value for category in Category}
        if lowered in categories:
            from disclint.rules import all_rules

            return {spec.code for spec in all_rules() if spec.category.value == lowered}
        upper = token.upper()
        matched = {code for code in codes if code.startswith(upper)}
        if not matched:
            raise ConfigError(f"unknown rule code, prefix or category: {token!r}")
        return matched

    enabled: set[str] = set()
    for token in select or ["all"]:
        enabled |= expand(token)
    for token in ignore:
        enabled -= expand(token)
    return enabled
