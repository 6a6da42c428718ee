"""Command line: argument handling only; the work is in engine and report.

Built on typer (the design card's choice; 0.24, on click). The app is built
when a command runs, after :mod:`disclint.i18n` has chosen the language, so
help texts, typer's and click's own words and every message speak Chinese
by default and English with ``DISCLINT_LANG=en`` or an English ``LANG``.
Heavy parts (engine, parsers, reporters) are imported inside the commands.
Exit statuses: ``0`` nothing at or above ``--fail-on``, ``1`` findings at or
above it, ``2`` a usage error (three lines: usage, where to find help, one
``disclint：错误：…`` line) or an input that could not be read.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import typer

from disclint import __version__
from disclint.i18n import _
from disclint.messages import counted, error_text, visible
from disclint.parse.limits import DEFAULT_LIMITS
from disclint.report import format_help

if TYPE_CHECKING:
    from disclint.model.findings import FileResult
    from disclint.parse.limits import Limits
    from disclint.startup.config import Config, ConfigResolver

SUMMARY = "Lint Chinese disclosure drafts (提质增效重回报行动方案、估值提升计划、激励计划草案……)."

# Files a folder walk names as skipped rather than passing over in silence.
UNSUPPORTED_SUFFIXES = (".doc", ".wps", ".docm", ".rtf")
REVIEWED_SUFFIX = ".reviewed.docx"
REVIEW_FOLDER = "审阅"
# The reasons the parsers give for a file with nothing in it.
EMPTY_ERRORS = ("empty file", "empty document: the .docx body has no text")
_SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}


class BadValue(ValueError):
    """An option value that does not parse; the message says what was expected."""


class UsageError(Exception):
    """A usage problem: printed as one ``disclint: error: …`` line, exit status 2."""


class CommandExit(Exception):
    """A command's exit status (1: findings at or above --fail-on, 2: an input could not be read)."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def error_prefix() -> str:
    """``disclint: error: `` in the user's language: the start of every one-line error."""

    return _("disclint: error: ")


def _echo(message: str, *, err: bool = False, newline: bool = True) -> None:
    stream = sys.stderr if err else sys.stdout
    if err:  # messages quote paths and values from the user: no escape sequence reaches the terminal
        message = visible(message, lines=True)
    stream.write(message + ("\n" if newline else ""))


def iter_inputs(
    paths: list[str], *, skipped: list[Path] | None = None, review_folders: Sequence[str] = (REVIEW_FOLDER,)
) -> Iterator[tuple[str, Path | None]]:
    """Files to lint, in a stable order: (display name, path); folders walked.

    A walk leaves out what disclint wrote itself — ``*.reviewed.docx`` and the
    review folders ``annotate`` writes to (``审阅/``) — and collects the files
    it cannot read but a user would expect it to (a ``.doc``) in ``skipped``.
    """
    from disclint.parse.formats import walked_suffixes

    for raw in paths:
        if raw == "-":
            yield "-", None
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for file in _walk(path, review_folders):
                name = file.name
                lowered = name.lower()
                if name.startswith((".", "~$")) or lowered.endswith(REVIEWED_SUFFIX):
                    continue
                if lowered.endswith(walked_suffixes()):
                    found.append(file)
                elif lowered.endswith(UNSUPPORTED_SUFFIXES) and skipped is not None:
                    skipped.append(file)
            for file in sorted(found):
                yield printable_path(str(file)), file
        else:
            yield printable_path(raw), path


def _walk(top: Path, review_folders: Sequence[str]) -> Iterator[Path]:
    """Everything in ``top`` and its sub-folders that is not a folder, as ``os.walk`` finds it
    (links to folders not followed, folders it cannot list passed over), but with a stack of its
    own: ``os.walk`` recurses once per level and a tree nested a thousand deep ended the run with
    a RecursionError."""
    stack = [str(top)]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if not is_folder:
                yield Path(entry.path)
            elif not (
                entry.is_symlink()
                or entry.name in _SKIPPED_DIRS
                or entry.name.startswith(".")
                or entry.name in review_folders
            ):
                stack.append(entry.path)


def printable_path(text: str) -> str:
    """A path as the reports show it. Bytes of a file name that are not UTF-8 reach Python as
    lone surrogates, which no report can encode (SARIF and every ``-o`` ended in a traceback,
    JSON and JUnit on stdout were not valid UTF-8): they are shown as ``\\xNN`` escapes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def _non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise BadValue(_("expects a whole number of 0 or more, not {value!r}").format(value=value)) from None
    if number < 0:
        raise BadValue(_("expects a whole number of 0 or more, not {value}").format(value=number))
    return number


DEFAULT_TIMEOUT = 120.0


def _mb(size: int) -> int:
    return size // (1024 * 1024)


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise BadValue(_("expects a number of seconds, not {value!r}").format(value=value)) from None
    if not number >= 0 or number == float("inf"):
        raise BadValue(_("expects a number of seconds of 0 or more, not {value}").format(value=value))
    return number


def _megabytes(value: str) -> int:
    try:
        number = float(value)
    except ValueError:
        raise BadValue(_("expects a size in MB, not {value!r}").format(value=value)) from None
    if not number > 0 or number == float("inf"):
        raise BadValue(_("expects a size in MB greater than 0, not {value}").format(value=value))
    return max(1, int(number * 1024 * 1024))


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise BadValue(_("expects a whole number of 1 or more, not {value!r}").format(value=value)) from None
    if number < 1:
        raise BadValue(_("expects a whole number of 1 or more, not {value}").format(value=number))
    return number


def check(
    paths: list[str] | None = None,
    output_format: str = "text",
    doc_type: str = "auto",
    select: str | None = None,
    ignore: str | None = None,
    fail_on: str | None = None,
    config_file: Path | None = None,
    no_config: bool = False,
    jobs: int | None = None,
    exchange: str = "auto",
    stdin_filename: str | None = None,
    output: Path | None = None,
    statistics: bool = False,
    baseline: Path | None = None,
    write_baseline: Path | None = None,
    no_cache: bool = False,
    cache_dir: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_file_size: int | None = None,
    max_unzipped_size: int | None = None,
    max_pages: int | None = None,
    max_page_objects: int | None = None,
    max_lines: int | None = None,
    max_chars: int | None = None,
    debug: bool = False,
    show_config: Path | None = None,
    exit_zero: bool = False,
    allow_empty: bool = False,
    drafts_in: str | None = None,
) -> None:
    """Lint files or folders and report the problems found."""
    from disclint.report import OUTPUT_FORMATS
    from disclint.startup.config import (
        CACHE_DIR_ENV,
        EXCHANGE_CHOICES,
        FAIL_ON,
        NO_CACHE_ENV,
        cache_dir_for,
    )
    from disclint.structure import DOC_TYPES

    if output_format not in OUTPUT_FORMATS:
        raise UsageError(
            _("unknown --format {value!r}; use one of {choices}").format(
                value=output_format, choices=", ".join(OUTPUT_FORMATS)
            )
        )
    if statistics and OUTPUT_FORMATS[output_format].statistics is None:
        raise UsageError(_("--statistics prints text or json, not {value}").format(value=output_format))
    if doc_type != "auto" and doc_type not in DOC_TYPES:
        raise UsageError(
            _("unknown --type {value!r}; use auto or one of {choices}").format(
                value=doc_type, choices=", ".join(DOC_TYPES)
            )
        )
    if fail_on is not None and fail_on not in FAIL_ON:
        raise UsageError(
            _("unknown --fail-on {value!r}; use one of {choices}").format(value=fail_on, choices=", ".join(FAIL_ON))
        )
    if exchange not in EXCHANGE_CHOICES:
        raise UsageError(
            _("unknown --exchange {value!r}; use one of {choices}").format(
                value=exchange, choices=", ".join(EXCHANGE_CHOICES)
            )
        )
    if baseline is not None and write_baseline is not None:
        raise UsageError(_("use either --baseline or --write-baseline, not both"))
    resolver = _resolver(
        no_config=no_config,
        config_file=config_file,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        doc_type=doc_type,
        exchange=exchange,
    )
    if show_config is not None:
        _show_config(resolver, show_config)
        return
    paths = paths or ["."]
    # Run-level settings (baseline, cache folder) come from the config of the first input.
    first = next((Path(raw) for raw in paths if raw != "-"), None)
    if first is None and stdin_filename:
        first = Path(stdin_filename)
    config = _config_in(resolver, (first if first.is_dir() else first.parent) if first is not None else Path.cwd())
    # The lexicon cache (disclint.lexicons) reads the same variables: one cache
    # folder and one switch for the whole run, restored afterwards.
    env: dict[str, str] = {}
    if no_cache:
        env[NO_CACHE_ENV] = "1"
    elif cache_dir is not None or config.cache_dir is not None:
        env[CACHE_DIR_ENV] = str(cache_dir_for(config, cache_dir).resolve())
    limits = _limits(max_file_size, max_unzipped_size, max_pages, max_lines, max_chars)
    if max_page_objects is not None:
        import dataclasses

        limits = dataclasses.replace(limits, max_page_objects=max_page_objects)
    with _scoped_env(env):
        _check(
            resolver,
            config,
            paths,
            limits=limits,
            timeout=timeout or None,
            debug=debug,
            output_format=output_format,
            jobs=jobs,
            stdin_filename=stdin_filename,
            output=output,
            statistics=statistics,
            baseline=baseline,
            write_baseline=write_baseline,
            cache_dir=None if no_cache or os.environ.get(NO_CACHE_ENV) else cache_dir_for(config, cache_dir),
            exit_zero=exit_zero,
            allow_empty=allow_empty,
            drafts_in=drafts_in,
        )


def _limits(
    max_file_size: int | None,
    max_unzipped_size: int | None,
    max_pages: int | None,
    max_lines: int | None,
    max_chars: int | None,
) -> Limits:
    import dataclasses

    from disclint.parse.limits import Limits

    limits = Limits()
    if max_file_size is not None:
        limits = dataclasses.replace(limits, max_file_bytes=max_file_size)
    if max_unzipped_size is not None:
        limits = dataclasses.replace(
            limits, max_member_bytes=max_unzipped_size, max_package_bytes=2 * max_unzipped_size
        )
    if max_pages is not None:
        limits = dataclasses.replace(limits, max_pdf_pages=max_pages)
    if max_lines is not None:
        limits = dataclasses.replace(limits, max_lines=max_lines)
    if max_chars is not None:
        limits = dataclasses.replace(limits, max_chars=max_chars)
    return limits


def _resolver(
    *,
    no_config: bool,
    config_file: Path | None,
    select: str | None,
    ignore: str | None,
    fail_on: str | None,
    doc_type: str,
    exchange: str = "auto",
) -> ConfigResolver:
    from disclint.startup.config import ConfigResolver, Overrides

    return ConfigResolver(
        overrides=Overrides(select=select, ignore=ignore, fail_on=fail_on, doc_type=doc_type, exchange=exchange),
        config_file=config_file,
        no_config=no_config,
    )


def _config_in(resolver: ConfigResolver, folder: Path) -> Config:
    from disclint.startup.config import ConfigError

    try:
        return resolver.for_folder(folder)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _build_config(
    *,
    no_config: bool,
    config_file: Path | None,
    select: str | None,
    ignore: str | None,
    fail_on: str | None,
    doc_type: str,
    folder: Path | None = None,
) -> Config:
    """The config that applies in ``folder`` (default: the working directory), command-line options on top."""
    resolver = _resolver(
        no_config=no_config, config_file=config_file, select=select, ignore=ignore, fail_on=fail_on, doc_type=doc_type
    )
    return _config_in(resolver, folder if folder is not None else Path.cwd())


def _show_config(resolver: ConfigResolver, target: Path) -> None:
    """``check --show-config FILE``: which config file applies to FILE, and the settings it gives."""

    folder = target if target.is_dir() else (target.parent if target.parent != Path("") else Path.cwd())
    config = _config_in(resolver, folder)
    source = str(config.path) if config.path is not None else _("none (the defaults)")
    lines = [
        _("File: {path}").format(path=target),
        _("Config file: {source}").format(source=source),
        f"preset = {config.preset!r}",
        f"select = {config.select or ['all']!r}",
        f"ignore = {config.ignore!r}",
        f"fail-on = {config.fail_on!r}",
    ]
    relative = config.relative_path(str(target))
    doc_type, origin = config.doc_type_for(relative)
    origins = {
        "auto": _("detected from the text"),
        "option": _("from --type"),
        "config": _("from the config file"),
    }
    lines.append(f"type = {doc_type or 'auto'!r}  # {origins.get(origin, origin)}")
    ignored = sorted(config.ignored_for(relative))
    if ignored:
        lines.append(f"per-file-ignores → {', '.join(ignored)}")
    if config.severity:
        lines.append("severity = {" + ", ".join(f"{key} = {value!r}" for key, value in config.severity.items()) + "}")
    if config.lexicons:
        lines.append(f"lexicons = {[str(path) for path in config.lexicons]!r}")
    if config.suppressions:
        lines.append(_("suppressions: {entries}").format(entries=counted("entry", len(config.suppressions))))
    if config.baseline is not None:
        lines.append(f"baseline = {str(config.baseline)!r}")
    if config.cache_dir is not None:
        lines.append(f"cache-dir = {str(config.cache_dir)!r}")
    lines.append(f"review-folder = {config.review_folder!r}")
    _echo("\n".join(lines))


@contextlib.contextmanager
def _scoped_env(updates: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in updates}
    os.environ.update(updates)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _check(
    resolver: ConfigResolver,
    config: Config,
    paths: list[str],
    *,
    limits: Limits,
    timeout: float | None,
    debug: bool,
    output_format: str,
    jobs: int | None,
    stdin_filename: str | None,
    output: Path | None,
    statistics: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    cache_dir: Path | None,
    exit_zero: bool = False,
    allow_empty: bool = False,
    drafts_in: str | None = None,
) -> None:
    from disclint.lexicons import LexiconError
    from disclint.model.results import FileOutcome
    from disclint.parse.formats import is_binary, is_draft
    from disclint.parse.limits import read_stream
    from disclint.report import OUTPUT_FORMATS
    from disclint.run.baseline import Baseline, BaselineError, write_run_baseline
    from disclint.run.batch import InputSpec, run, wants_progress
    from disclint.run.engine import Linter, finish_run
    from disclint.startup.config import ConfigError

    recorded: Baseline | None = None
    baseline_path = baseline if baseline is not None else (None if write_baseline is not None else config.baseline)
    if baseline_path is not None:
        try:
            recorded = Baseline.load(baseline_path)
        except BaselineError as exc:
            # A baseline named in the config file: say so (file and key), as for every config error.
            given = f"{config.where('baseline')}: " if baseline is None and config.path is not None else ""
            raise UsageError(f"{given}{exc}") from None

    specs: list[InputSpec] = []
    skipped: list[Path] = []
    review_folders = sorted({REVIEW_FOLDER, Path(config.review_folder).name})
    for shown, path in iter_inputs(paths, skipped=skipped, review_folders=review_folders):
        if path is None:
            name = printable_path(stdin_filename) if stdin_filename else "-"
            specs.append(
                InputSpec(
                    shown=name,
                    data=read_stream(sys.stdin.buffer, limits),
                    parse_as=name if name != "-" else "stdin.txt",
                )
            )
        else:
            specs.append(InputSpec(shown=shown, path=path))
    for path in skipped:
        _echo(
            _("disclint: skipped {path}: {suffix} files cannot be read; save it as .docx").format(
                path=path, suffix=path.suffix.lower()
            ),
            err=True,
        )
    if drafts_in is not None:
        # pre-commit names every staged file: keep the drafts, pass over the rest without a word.
        folders = [name.strip() for name in drafts_in.split(",") if name.strip()]
        specs = [spec for spec in specs if spec.path is None or is_draft(str(spec.path), folders)]
        if not specs:
            return
    if not specs:
        raise UsageError(
            _("no {suffixes} files found in {paths}").format(suffixes=_suffixes(walked=True), paths=", ".join(paths))
        )

    # Each file is linted with the config closest to it (as ruff does); one linter per config file.
    groups: dict[int, tuple[Linter, list[int]]] = {}
    configs: list[Config] = []
    for index, spec in enumerate(specs):
        if spec.path is not None:
            folder = spec.path.parent if spec.path.parent != Path("") else Path.cwd()
        elif stdin_filename:
            folder = Path(stdin_filename).parent
        else:
            folder = Path.cwd()
        file_config = _config_in(resolver, folder)
        key = id(file_config)
        if key not in groups:
            try:
                linter = Linter.create(file_config)
            except (ConfigError, LexiconError) as exc:
                raise UsageError(str(exc)) from None
            if not linter.checks_content():
                # --select HY --ignore HY, or a config whose ignore takes all it selects: nothing would be
                # checked, and "未发现问题" would read as a clean draft.
                nothing = _("disclint: warning: {where}: no rule is selected; nothing is checked")
                _echo(nothing.format(where=file_config.where("select")), err=True)
            linter.document_view = OUTPUT_FORMATS[output_format].shows_document
            linter.limits, linter.timeout, linter.debug = limits, timeout, debug
            linter.fingerprints = recorded is not None or write_baseline is not None
            groups[key] = (linter, [])
            configs.append(file_config)
        groups[key][1].append(index)

    # Never write an input: the report and the baseline are checked before anything is linted.
    read = [spec.path for spec in specs if spec.path is not None]
    for file_config in configs:
        read += _run_files(file_config, None)
    if baseline_path is not None:
        read.append(baseline_path)
    if output is not None:
        output = _checked_target(output, [*read, *([write_baseline] if write_baseline else [])], "the report")
    if write_baseline is not None:
        write_baseline = _checked_target(write_baseline, read, "the baseline")
    if cache_dir is not None and any(spec.path is not None and is_binary(spec.path.name) for spec in specs):
        from disclint.run.cache import DocumentCache, context_fingerprint

        for linter, _indexes in groups.values():
            linter.cache = DocumentCache(cache_dir, context_fingerprint(linter.lexicon.fingerprint, linter.config.path))

    progress = wants_progress(sys.stderr, len(specs))
    slots: list[FileOutcome | None] = [None] * len(specs)
    for linter, indexes in groups.values():
        group_outcomes = run(linter, [specs[index] for index in indexes], jobs=jobs, progress=progress)
        finish_run(linter, group_outcomes)
        for index, outcome in zip(indexes, group_outcomes, strict=True):
            slots[index] = outcome
    outcomes = [outcome for outcome in slots if outcome is not None]
    failing = {
        id(outcome): linter.config for linter, indexes in groups.values() for outcome in (slots[i] for i in indexes)
    }
    if allow_empty:
        # An empty draft (a placeholder just added) is worth a word, not a blocked commit.
        for outcome in outcomes:
            if outcome.result.error in EMPTY_ERRORS:
                _echo(
                    _("disclint: warning: {path}: {reason}; not checked").format(
                        path=visible(outcome.result.path), reason=error_text(outcome.result.error)
                    ),
                    err=True,
                )
        outcomes = [outcome for outcome in outcomes if outcome.result.error not in EMPTY_ERRORS]
    for outcome in outcomes:
        if outcome.result.error:
            _echo(f"{error_prefix()}{visible(outcome.result.path)}: {error_text(outcome.result.error)}", err=True)
            if debug and outcome.traceback:
                _echo(outcome.traceback.rstrip("\n"), err=True)

    if write_baseline is not None:
        try:
            recorded, count, files = write_run_baseline(write_baseline, outcomes)
        except BaselineError as exc:
            raise UsageError(str(exc)) from None
        _echo(
            _("disclint: recorded {problems} in {files} in the baseline {path}").format(
                problems=counted("problem", count), files=counted("file", files), path=write_baseline
            ),
            err=True,
        )
    if recorded is not None:
        recorded.apply(outcomes)

    results = [outcome.result for outcome in outcomes]
    _write_output(
        output_format,
        results,
        output,
        fail_on=config.fail_on,
        statistics=statistics,
        baseline_written=str(write_baseline) if write_baseline is not None else None,
        skipped=len(skipped),
    )

    if any(result.error for result in results):
        raise CommandExit(2)
    if exit_zero:
        return
    if any(
        failing[id(outcome)].fails(item.finding.severity) for outcome in outcomes for item in outcome.result.findings
    ):
        raise CommandExit(1)


def _run_files(config: Config, baseline: Path | None) -> list[Path]:
    """Files a run reads besides its inputs: the config file, team lexicons, the baseline."""
    files = [*config.lexicons]
    if config.path is not None:
        files.append(config.path)
    if baseline is not None:
        files.append(baseline)
    return files


def _checked_target(target: Path, inputs: Sequence[Path], what: str) -> Path:
    """``target`` if writing ``what`` there is safe (see :mod:`disclint.run.outputs`); else a UsageError."""
    from disclint.run.outputs import OutputError, check_target

    try:
        check_target(target, inputs, what=what)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    return target


def _write_output(
    fmt: str,
    results: list[FileResult],
    output: Path | None,
    *,
    fail_on: str,
    statistics: bool,
    baseline_written: str | None = None,
    skipped: int = 0,
) -> None:
    import io

    from disclint.explain import catalogue
    from disclint.report import OUTPUT_FORMATS, write_report
    from disclint.run.outputs import OutputError, atomic_write_text, check_target

    rules = catalogue(with_help=OUTPUT_FORMATS[fmt].rule_help and not statistics)
    # A page of HTML scrolling past in a terminal is never what was wanted: said after it.
    page_on_terminal = output is None and OUTPUT_FORMATS[fmt].shows_document and _is_terminal(sys.stdout)
    if output is None and (fmt == "text" or _utf8(sys.stdout)):
        write_report(
            fmt,
            results,
            sys.stdout,
            catalogue=rules,
            fail_on=fail_on,
            statistics=statistics,
            baseline_written=baseline_written,
            skipped=skipped,
        )
        if page_on_terminal:
            _echo(_("disclint: note: the HTML report is a page for a browser: write it with -o report.html"), err=True)
        return
    buffer = io.StringIO(newline="\n")
    write_report(
        fmt,
        results,
        buffer,
        catalogue=rules,
        color=False,
        fail_on=fail_on,
        statistics=statistics,
        baseline_written=baseline_written,
        skipped=skipped,
    )
    if output is None:  # data for a program (JSON, SARIF, HTML …) on a stdout in GBK: UTF-8 all the same
        _write_data(buffer.getvalue())
        if page_on_terminal:
            _echo(_("disclint: note: the HTML report is a page for a browser: write it with -o report.html"), err=True)
        return
    try:
        # Checked again just before writing: the target may have changed while the files were linted.
        atomic_write_text(check_target(output, what="the report"), buffer.getvalue(), shown=output)
    except OutputError as exc:
        raise UsageError(str(exc)) from None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _utf8(stream: TextIO) -> bool:
    return (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")


def _write_data(text: str) -> None:
    """``text`` on stdout as UTF-8 bytes whatever the stream's encoding (the formats for programs are
    UTF-8: a JSON or HTML report redirected on a Chinese Windows machine would otherwise be GBK)."""
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None or _utf8(sys.stdout):
        _echo(text, newline=False)
        return
    sys.stdout.flush()
    binary.write(text.encode("utf-8"))
    binary.flush()


def init(path: Path = Path("disclint.toml"), force: bool = False) -> None:
    """Write a commented starter config (disclint.toml)."""
    from disclint.startup.config import starter_config

    if path.name == "pyproject.toml":
        raise UsageError(
            _("init writes a disclint.toml; to configure in pyproject.toml, put the same keys under [tool.disclint]")
        )
    if (path.exists() or path.is_symlink()) and not force:
        raise UsageError(_("{path} already exists; use --force to overwrite it").format(path=path))
    from disclint.run.outputs import OutputError, atomic_write_text, check_target

    try:
        atomic_write_text(check_target(path, what="the config"), starter_config(), what="the config", shown=path)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    _echo(_("wrote {path}").format(path=path))


def annotate(
    path: Path,
    output: Path | None = None,
    doc_type: str = "auto",
    select: str | None = None,
    ignore: str | None = None,
    config_file: Path | None = None,
    no_config: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> None:
    """Write a Word copy of the draft with a review comment on each finding (the original is not touched).

    ``timeout``: one budget for reading, linting and writing the copy (0: none); past it the draft
    is reported as not checked, status 2, and nothing is written (the copy is written to a
    temporary file and renamed into place)."""
    from disclint.lexicons import LexiconError
    from disclint.report.docx_comments import AnnotateError, default_output
    from disclint.report.docx_comments import annotate as write_reviewed
    from disclint.run.engine import Linter
    from disclint.run.guard import FileTimeout, guarded
    from disclint.startup.config import ConfigError
    from disclint.structure import DOC_TYPES

    if doc_type != "auto" and doc_type not in DOC_TYPES:
        raise UsageError(
            _("unknown --type {value!r}; use auto or one of {choices}").format(
                value=doc_type, choices=", ".join(DOC_TYPES)
            )
        )
    config = _build_config(
        no_config=no_config,
        config_file=config_file,
        select=select,
        ignore=ignore,
        fail_on=None,
        doc_type=doc_type,
        folder=path.parent if path.parent != Path("") else Path.cwd(),
    )
    try:
        linter = Linter.create(config)
    except (ConfigError, LexiconError) as exc:
        raise UsageError(str(exc)) from None
    linter.document_view = True
    target = output or default_output(path, config.review_folder)
    _checked_target(target, [path, *_run_files(config, None)], "the reviewed copy")
    # One budget for reading and linting the draft (the linter's own) and writing the copy (the rest of it).
    started = time.monotonic()
    linter.timeout = timeout or None
    result = linter.lint_path(path)
    if result.error:
        _echo(f"{error_prefix()}{visible(result.path)}: {error_text(result.error)}", err=True)
        raise CommandExit(2)
    left = max(0.001, timeout - (time.monotonic() - started)) if timeout else None
    try:
        summary = guarded(lambda: write_reviewed(result, target, source=path), left)
    except FileTimeout:
        reason = f"not checked: it took longer than the time budget of {timeout:g} s (raise it with --timeout)"
        _echo(f"{error_prefix()}{visible(result.path)}: {error_text(reason)}", err=True)
        raise CommandExit(2) from None
    except AnnotateError as exc:
        raise UsageError(str(exc)) from None
    if summary.missing_sections:
        line = _("wrote {path}: {comments} ({problems}, {missing})")
    else:
        line = _("wrote {path}: {comments} ({problems})")
    _echo(
        line.format(
            path=summary.output,
            comments=counted("comment", summary.comments),
            problems=counted("problem", summary.findings),
            missing=counted("missing section", summary.missing_sections),
        )
    )


def list_rules(output_format: str = "text") -> None:
    """List every rule: code, category, severity, summary."""
    from disclint.explain import render_rules_json, render_rules_text

    if output_format == "json":
        _write_data(render_rules_json())
    elif output_format == "text":
        _echo(render_rules_text(), newline=False)
    else:
        raise UsageError(_("unknown --format {value!r}; use text or json").format(value=output_format))


def explain(code: str) -> None:
    """What a rule checks, why (the clause it rests on), and bad/good examples."""
    from disclint.explain import render_explain

    text = render_explain(code)
    if text is None:
        raise UsageError(_("unknown rule code {code!r}; see `disclint rules`").format(code=code))
    _echo(text, newline=False)


# ---------------------------------------------------------------- the typer app


def _timeout_option() -> Any:
    """``--timeout SECONDS`` of check and annotate: one file's time budget."""
    return typer.Option(
        f"{DEFAULT_TIMEOUT:g}",
        "--timeout",
        metavar="SECONDS",
        callback=_option_value(_seconds),
        help=_(
            "Time budget per file; a file that takes longer is reported as not checked (default {seconds}; 0: none)."
        ).format(seconds=f"{DEFAULT_TIMEOUT:g}"),
        show_default=False,
    )


def _limit_option(flag: str, metavar: str, parse: Callable[[str], Any], help_text: str) -> Any:
    """An input limit's option: absent means the default limit; the text is parsed by ``parse``."""
    return typer.Option(None, flag, metavar=metavar, callback=_option_value(parse), help=help_text)


def _option_value(parse: Callable[[str], Any]) -> Callable[[Any], Any]:
    """A typer callback that parses an option's text with ``parse`` (None stays None)."""

    def callback(value: Any) -> Any:
        if value is None or not isinstance(value, str):
            return value
        try:
            return parse(value)
        except BadValue as exc:
            raise typer.BadParameter(str(exc)) from None

    return callback


def _type_help() -> str:
    """--type's help, naming every type of the registry (the names are not translated)."""
    from disclint.structure.doctypes import ORIGINAL, names

    # TRANSLATORS: the separator between the names listed in --type's help
    separator = _(", ")
    return _(
        "auto (detect), {original}, or a type of what companies file: {filed} (disclint explain TYPE says what it is)."
    ).format(
        original=separator.join(ORIGINAL),
        filed=separator.join(name for name in names() if name not in ORIGINAL),
    )


def _suffixes(*, binary: bool | None = None, walked: bool = False) -> str:
    """ ".txt/.md/.docx/.pdf": the suffixes the input-format registry reads (or walks in folders)."""
    from disclint.parse.formats import suffixes, walked_suffixes

    return "/".join(walked_suffixes() if walked else suffixes(binary=binary))


def _library_words() -> list[tuple[str, str]]:
    """typer's and click's fixed words (they carry no catalog of their own) and their translation."""
    return [
        ("Usage: ", _("Usage: ")),
        ("Options:", _("Options:")),
        ("Commands:", _("Commands:")),
        ("Arguments:", _("Arguments:")),
        ("Show this message and exit.", _("Show this message and exit.")),
        ("Install completion for the current shell.", _("Install completion for the current shell.")),
        (
            "Show completion for the current shell, to copy it or customize the installation.",
            _("Show completion for the current shell, to copy it or customize the installation."),
        ),
        ("[OPTIONS]", _("[OPTIONS]")),
        ("[COMMAND] [ARGS]...", _("[COMMAND] [ARGS]...")),
        ("COMMAND [ARGS]...", _("COMMAND [ARGS]...")),
    ]


_LIBRARY_PATTERNS: list[tuple[str, str]] = [
    (r"\[default: (?P<value>[^\]]*)\]", "[default: {value}]"),
    (r"No such option: (?P<name>\S+)", "No such option: {name}"),
    (r"\(Possible options: (?P<names>[^)]*)\)", "(did you mean {names}?)"),
    (r" ?Did you mean (?P<names>[^?]+)\?", "(did you mean {names}?)"),
    (r"(?P<names>用法：) ", "{names}"),
    (r"Invalid value for (?P<name>.+?): (?P<message>.*)", "Invalid value for {name}: {message}"),
    (r"Missing argument '(?P<name>[^']+)'\.", "Missing argument '{name}'."),
    (r"Option '(?P<name>[^']+)' requires an argument\.", "Option '{name}' requires an argument."),
    (r"Got unexpected extra arguments? \((?P<values>.*)\)", "Unexpected extra arguments ({values})."),
    (r"No such command '(?P<name>[^']+)'\.", "No such command {name!r}."),
    (r"Option '(?P<name>[^']+)' does not take a value\.", "Option '{name}' does not take a value."),
]


def _library_messages() -> dict[str, str]:
    return {
        "[default: {value}]": _("[default: {value}]"),
        "No such option: {name}": _("No such option: {name}"),
        "(did you mean {names}?)": _("(did you mean {names}?)"),
        "{names}": "{names}",
        "Invalid value for {name}: {message}": _("Invalid value for {name}: {message}"),
        "Missing argument '{name}'.": _("Missing argument '{name}'."),
        "Option '{name}' requires an argument.": _("Option '{name}' requires an argument."),
        "Unexpected extra arguments ({values}).": _("Unexpected extra arguments ({values})."),
        "No such command {name!r}.": _("No such command {name!r}."),
        "Option '{name}' does not take a value.": _("Option '{name}' does not take a value."),
    }


def localize(text: str) -> str:
    """typer's and click's English in ``text`` (help, usage, error messages) in the user's language."""
    from disclint.i18n import is_chinese

    if not is_chinese():
        return text
    for english, translated in _library_words():
        pattern = r"\s+".join(re.escape(word) for word in english.split(" ") if word)
        if english.endswith(" "):
            pattern += " "
        text = re.sub(pattern, _replacement(translated), text)
    messages = _library_messages()
    for pattern, template in _LIBRARY_PATTERNS:
        text = re.sub(pattern, _filled(messages[template]), text)
    # click writes its headings as "Options" + ":"; a Chinese heading takes the full-width colon.
    text = re.sub(r"^(参数|选项|命令|位置参数):$", r"\1：", text, flags=re.MULTILINE)
    return text


def _replacement(translated: str) -> Callable[[re.Match[str]], str]:
    return lambda _match: translated


def _filled(template: str) -> Callable[[re.Match[str]], str]:
    return lambda match: template.format(**match.groupdict())


_WIDE = "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
_WIDE_RUNS = re.compile(f"[{_WIDE}]|[^{_WIDE}]+")
_NO_LINE_END = set("（《「『【〈“‘([")
_NO_LINE_START = set("，。、；：？！）》」』】〉”’…%,.;:!?)]")


def _display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def _cjk_text_wrapper() -> type:
    """click's TextWrapper, measuring Chinese characters as two columns and breaking between them.

    click counts characters and breaks only at spaces, so a Chinese help text
    ran twice as wide as the terminal, or was cut inside an option name.
    """
    from click._textwrap import TextWrapper

    class CJKTextWrapper(TextWrapper):
        def _split(self, text: str) -> list[str]:
            chunks: list[str] = []
            for chunk in super()._split(text):
                chunks.extend(_WIDE_RUNS.findall(chunk) if re.search(f"[{_WIDE}]", chunk) else [chunk])
            return chunks

        def _wrap_chunks(self, chunks: list[str]) -> list[str]:
            lines: list[str] = []
            chunks = list(reversed(chunks))
            while chunks:
                indent = self.subsequent_indent if lines else self.initial_indent
                room = self.width - _display_width(indent)
                if lines:
                    while chunks and not chunks[-1].strip():
                        chunks.pop()
                line: list[str] = []
                used = 0
                while chunks and used + _display_width(chunks[-1]) <= room:
                    used += _display_width(chunks[-1])
                    line.append(chunks.pop())
                if chunks and not line:
                    line.append(chunks.pop())  # longer than a line: it stands alone
                while chunks and chunks[-1][:1] in _NO_LINE_START:
                    line.append(chunks.pop())  # no closing punctuation at the start of a line
                while len(line) > 1 and line[-1][-1:] in _NO_LINE_END:
                    chunks.append(line.pop())  # no opening bracket at the end of a line
                while line and not line[-1].strip():
                    line.pop()
                if line:
                    lines.append(indent + "".join(line))
            return lines

    return CJKTextWrapper


def _install_wrapper() -> None:
    import click._textwrap as textwrap_module

    if not getattr(textwrap_module, "_disclint_cjk", False):
        textwrap_module.TextWrapper = _cjk_text_wrapper()  # type: ignore[misc,assignment]
        textwrap_module._disclint_cjk = True  # type: ignore[attr-defined]


_TYPE_LABEL = re.compile(r" <(?:list\[str\]|str|bool|path|int|float)>")
# typer lists the arguments without their help; the command's description already says what they are.
_ARGUMENTS_SECTION = re.compile(r"^(?:Arguments|参数)[:：]\n(?:  .*\n)+\n", re.MULTILINE)


class _Localized:
    """A typer command or group whose help and usage lines speak the user's language."""

    def get_usage(self, ctx: Any) -> str:
        return localize(super().get_usage(ctx))  # type: ignore[misc]

    def get_help(self, ctx: Any) -> str:
        _install_wrapper()
        text = _TYPE_LABEL.sub("", localize(super().get_help(ctx)))  # type: ignore[misc]
        return _ARGUMENTS_SECTION.sub("", text)


class _Command(_Localized, typer.core.TyperCommand):
    pass


class _Group(_Localized, typer.core.TyperGroup):
    pass


def build_app() -> Any:
    """The command line as a typer app; help texts in the user's language.

    Built when a command runs (not at import), after :mod:`disclint.i18n` has
    chosen the language, so typer's and click's own words are translated too.
    """
    import click
    import typer

    app = typer.Typer(
        name="disclint",
        cls=_Group,
        help=_("Lint Chinese disclosure drafts (提质增效重回报行动方案、估值提升计划、激励计划草案……)."),
        context_settings={"help_option_names": ["-h", "--help"]},
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        add_completion=True,
        no_args_is_help=False,
        # click 8.4+ names the close matches of a mistyped command itself; typer's own
        # suggestion on top of it said "did you mean 'check'?" twice.
        suggest_commands=not hasattr(click.exceptions, "NoSuchCommand"),
    )

    def show_version(value: bool) -> None:
        if value:
            _echo(f"disclint {__version__}")
            raise typer.Exit(0)

    @app.callback(invoke_without_command=True, epilog=_("`disclint COMMAND --help` describes a command's options."))
    def main(
        ctx: typer.Context,
        version: bool = typer.Option(
            False, "--version", help=_("Show the version and exit."), callback=show_version, is_eager=True
        ),
    ) -> None:
        if ctx.invoked_subcommand is None:
            _echo(ctx.get_help())
            raise typer.Exit(2)

    @app.command(
        "check",
        cls=_Command,
        help=_("Lint files or folders and report the problems found.")
        + "\n\n"
        + _("PATH: files or folders to lint (default: the current folder); '-' reads stdin."),
    )
    def check_command(
        paths: list[str] | None = typer.Argument(
            None, metavar="PATH", help=_("Files or folders to lint; '-' reads stdin."), show_default=False
        ),
        output_format: str = typer.Option(
            "text",
            "--format",
            metavar="FORMAT",
            help=format_help(),  # the output registry's list, translated piece by piece
        ),
        doc_type: str = typer.Option("auto", "--type", metavar="TYPE", help=_type_help()),
        exchange: str = typer.Option(
            "auto",
            "--exchange",
            metavar="EXCHANGE",
            help=_("auto, sse, szse or bse: whose rules the findings cite (auto: from the 证券代码 or the text)."),
        ),
        select: str | None = typer.Option(
            None, "--select", metavar="CODES", help=_("Rule codes, prefixes or categories to enable (comma separated).")
        ),
        ignore: str | None = typer.Option(
            None, "--ignore", metavar="CODES", help=_("Rule codes, prefixes or categories to disable.")
        ),
        fail_on: str | None = typer.Option(
            None,
            "--fail-on",
            metavar="LEVEL",
            help=_("error|warning|info|never (default error; the strict preset: warning)."),
        ),
        exit_zero: bool = typer.Option(
            False,
            "--exit-zero",
            help=_("Report the findings but exit 0 whatever they are (2 still means an input could not be read)."),
        ),
        allow_empty: bool = typer.Option(
            False,
            "--allow-empty",
            help=_(
                "An empty file is a warning, not an error (exit 2): for pre-commit, where a new draft may be empty."
            ),
        ),
        drafts_in: str | None = typer.Option(
            None,
            "--drafts-in",
            metavar="FOLDERS",
            help=_(
                "For the pre-commit hooks: lint only the drafts among the files named — {binary} anywhere, {text} "
                "only inside one of FOLDERS (folder names, comma-separated, at any depth) — and pass over the rest."
            ).format(binary=_suffixes(binary=True), text=_suffixes(binary=False)),
        ),
        config_file: Path | None = typer.Option(
            None, "--config", metavar="FILE", help=_("Use this config file for every input.")
        ),
        no_config: bool = typer.Option(False, "--no-config", help=_("Ignore config files.")),
        show_config: Path | None = typer.Option(
            None,
            "--show-config",
            metavar="FILE",
            help=_("Print which config file applies to FILE and the settings it gives, then exit."),
        ),
        jobs: str | None = typer.Option(
            None,
            "--jobs",
            "-j",
            metavar="N",
            callback=_option_value(_non_negative),
            help=_("Worker processes (default: 1 for a few files, one per CPU for many; 0: one per CPU)."),
        ),
        stdin_filename: str | None = typer.Option(
            None, "--stdin-filename", metavar="NAME", help=_("Name to report for stdin.")
        ),
        output: Path | None = typer.Option(
            None, "--output", "-o", metavar="FILE", help=_("Write the report to this file.")
        ),
        statistics: bool = typer.Option(
            False, "--statistics", help=_("Print the number of findings per rule instead of the findings.")
        ),
        baseline: Path | None = typer.Option(
            None, "--baseline", metavar="FILE", help=_("Do not report findings recorded in this baseline file.")
        ),
        write_baseline: Path | None = typer.Option(
            None,
            "--write-baseline",
            metavar="FILE",
            help=_("Record every finding of this run in this baseline file, then exit 0."),
        ),
        no_cache: bool = typer.Option(False, "--no-cache", help=_("Neither read nor write the cache of parsed files.")),
        cache_dir: Path | None = typer.Option(
            None,
            "--cache-dir",
            metavar="DIR",
            help=_("Cache folder (default: $DISCLINT_CACHE_DIR, config, ~/.cache/disclint)."),
        ),
        timeout: str = _timeout_option(),
        max_file_size: str | None = _limit_option(
            "--max-file-size",
            "MB",
            _megabytes,
            _("Largest input file read, in MB (default {mb}).").format(mb=_mb(DEFAULT_LIMITS.max_file_bytes)),
        ),
        max_unzipped_size: str | None = _limit_option(
            "--max-unzipped-size",
            "MB",
            _megabytes,
            _(
                "Largest part of a .docx package once inflated, in MB (default {mb}; the whole package may inflate to twice that)."
            ).format(mb=_mb(DEFAULT_LIMITS.max_member_bytes)),
        ),
        max_pages: str | None = _limit_option(
            "--max-pages",
            "N",
            _positive,
            _("Most pages read from a PDF (default {pages}).").format(pages=DEFAULT_LIMITS.max_pdf_pages),
        ),
        max_page_objects: str | None = _limit_option(
            "--max-page-objects",
            "N",
            _positive,
            _("Most text objects on one PDF page (default {objects}).").format(objects=DEFAULT_LIMITS.max_page_objects),
        ),
        max_lines: str | None = _limit_option(
            "--max-lines",
            "N",
            _positive,
            _("Most lines (text, PDF) or paragraphs (.docx) read from one file (default {lines}).").format(
                lines=DEFAULT_LIMITS.max_lines
            ),
        ),
        max_chars: str | None = _limit_option(
            "--max-chars",
            "N",
            _positive,
            _("Most characters of text read from one file (default {chars}).").format(chars=DEFAULT_LIMITS.max_chars),
        ),
        debug: bool = typer.Option(
            False, "--debug", help=_("Print the traceback of an unexpected error in a file, after its error line.")
        ),
    ) -> None:
        options = dict(locals())
        check(**options)

    @app.command(
        "init",
        cls=_Command,
        help=_("Write a commented starter config (disclint.toml).")
        + "\n\n"
        + _("PATH: where to write it (default: disclint.toml in the current folder)."),
    )
    def init_command(
        path: Path = typer.Argument(
            Path("disclint.toml"), metavar="[PATH]", help=_("Where to write the starter config."), show_default=False
        ),
        force: bool = typer.Option(False, "--force", help=_("Overwrite an existing file.")),
    ) -> None:
        init(path, force)

    @app.command(
        "annotate",
        cls=_Command,
        help=_("Write a Word copy of the draft with a review comment on each finding (the original is not touched).")
        + "\n\n"
        + _("PATH: the draft to review ({suffixes}).").format(suffixes=_suffixes()),
    )
    def annotate_command(
        path: Path = typer.Argument(
            ..., metavar="PATH", help=_("The draft to review ({suffixes}).").format(suffixes=_suffixes())
        ),
        output: Path | None = typer.Option(
            None,
            "--output",
            "-o",
            metavar="FILE",
            help=_("The reviewed .docx (default: 审阅/NAME.reviewed.docx beside the draft; config: review-folder)."),
        ),
        doc_type: str = typer.Option(
            "auto", "--type", metavar="TYPE", help=_("auto or a document type, as for check.")
        ),
        select: str | None = typer.Option(
            None, "--select", metavar="CODES", help=_("Rule codes, prefixes or categories to enable.")
        ),
        ignore: str | None = typer.Option(
            None, "--ignore", metavar="CODES", help=_("Rule codes, prefixes or categories to disable.")
        ),
        config_file: Path | None = typer.Option(None, "--config", metavar="FILE", help=_("Use this config file.")),
        no_config: bool = typer.Option(False, "--no-config", help=_("Ignore config files.")),
        timeout: str = _timeout_option(),
    ) -> None:
        annotate(path, output, doc_type, select, ignore, config_file, no_config, float(timeout))

    @app.command("rules", cls=_Command, help=_("List every rule: code, category, severity, summary."))
    def rules_command(
        output_format: str = typer.Option("text", "--format", metavar="FORMAT", help=_("text or json.")),
    ) -> None:
        list_rules(output_format)

    @app.command(
        "explain",
        cls=_Command,
        help=_("What a rule checks, why (the clause it rests on), and bad/good examples.")
        + "\n\n"
        + _("CODE: a rule code such as PT001, or a document type such as action_plan."),
    )
    def explain_command(
        code: str = typer.Argument(
            ..., metavar="CODE", help=_("A rule code such as PT001, or a document type such as action_plan.")
        ),
    ) -> None:
        explain(code)

    return app


def run(argv: Sequence[str]) -> int:
    """Run the command line ``argv`` (without the program name); the exit status."""
    from disclint.i18n import install_for_libraries, tolerant_streams

    tolerant_streams()

    install_for_libraries()
    from disclint.run.signals import Terminated, handled

    command = typer.main.get_command(build_app())
    for param in command.params:
        if param.name == "install_completion":
            param.callback = _install_completion
    try:
        with handled():
            return _dispatch(command, list(argv))
    except KeyboardInterrupt:  # Ctrl-C: one line, no traceback; --jobs workers ignore it and are ended
        _echo(_("disclint: interrupted"), err=True)
        return 130
    except Terminated:  # SIGTERM: the same, with the status a shell gives a process ended by it
        _echo(_("disclint: terminated"), err=True)
        return 143


_COMPLETION_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """``--install-completion``: typer's installer, with what it says in the user's language.

    typer prints its own two lines as plain English strings (not through
    gettext), and an unknown shell as a bare "Shell … not supported": this
    callback replaces typer's and says the same through the catalog.
    """
    if not value or ctx.resilient_parsing:
        return value
    from typer import _completion_shared as completion

    shell = value if isinstance(value, str) else completion._get_shell_name()
    if shell not in _COMPLETION_SHELLS:
        raise UsageError(
            _("cannot install completion for the shell {shell!r}: use one of {choices}").format(
                shell=shell or "?", choices=", ".join(_COMPLETION_SHELLS)
            )
        )
    shell, path = completion.install(shell=shell)
    _echo(_("{shell} completion installed in {path}").format(shell=shell, path=path))
    _echo(_("Completion takes effect once you restart the terminal."))
    raise typer.Exit(0)


def _dispatch(command: Any, arguments: list[str]) -> int:
    from click.exceptions import ClickException
    from click.exceptions import UsageError as ClickUsageError
    from typer import Exit

    try:
        status = command.main(args=arguments, prog_name="disclint", standalone_mode=False)
    except ClickUsageError as exc:
        # Three short lines, as git and click print them: usage, where to find help, what is wrong.
        if exc.ctx is not None:
            _echo(exc.ctx.get_usage(), err=True)
            _echo(
                _("Try '{command} --help' for help.").format(command=exc.ctx.command_path),
                err=True,
            )
        _echo(f"{error_prefix()}{localize(exc.format_message())}", err=True)
        return 2
    except ClickException as exc:
        _echo(f"{error_prefix()}{localize(exc.format_message())}", err=True)
        return exc.exit_code
    except Exit as finished:
        return finished.exit_code
    except UsageError as exc:
        _echo(f"{error_prefix()}{error_text(str(exc))}", err=True)
        return 2
    except CommandExit as finished:
        return finished.status
    if status == 130:  # typer turns Ctrl-C into this status, silently
        _echo(_("disclint: interrupted"), err=True)
    return status if isinstance(status, int) else 0


def app(argv: Sequence[str] | None = None) -> NoReturn:
    """The ``disclint`` command: run ``argv`` (default: the process's arguments) and exit with its status."""
    sys.exit(run(sys.argv[1:] if argv is None else argv))


def main() -> None:
    app()
