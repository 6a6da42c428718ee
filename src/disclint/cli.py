"""Command line: argument handling only; the work is in engine and report.

Built on the standard library's argparse, not typer (the design card's
choice): importing typer and its click and building the five commands'
parameters from their annotations cost about 0.06 s on every run — a one-line
file took 0.153 s with typer and 0.090 s without (README, "Dependencies"). Options, messages and exit statuses are as before:
``2`` for every usage error, with a one-line ``disclint: error: …`` for
what the options mean and argparse's usage line for what it cannot parse.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from disclint import __version__
from disclint.i18n import _
from disclint.parse.limits import DEFAULT_LIMITS

if TYPE_CHECKING:
    from disclint.config import Config, ConfigResolver
    from disclint.findings import FileResult
    from disclint.parse.limits import Limits

SUMMARY = "Lint Chinese disclosure drafts (提质增效重回报行动方案、估值提升计划、激励计划草案……)."

WALKED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
# Files a folder walk names as skipped rather than passing over in silence.
UNSUPPORTED_SUFFIXES = (".doc", ".wps", ".docm", ".rtf")
REVIEWED_SUFFIX = ".reviewed.docx"
REVIEW_FOLDER = "审阅"
_SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}


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
    stream.write(message + ("\n" if newline else ""))


def iter_inputs(
    paths: list[str], *, skipped: list[Path] | None = None, review_folders: Sequence[str] = (REVIEW_FOLDER,)
) -> Iterator[tuple[str, Path | None]]:
    """Files to lint, in a stable order: (display name, path); folders walked.

    A walk leaves out what disclint wrote itself — ``*.reviewed.docx`` and the
    review folders ``annotate`` writes to (``审阅/``) — and collects the files
    it cannot read but a user would expect it to (a ``.doc``) in ``skipped``.
    """
    for raw in paths:
        if raw == "-":
            yield "-", None
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(
                    name
                    for name in dirs
                    if name not in _SKIPPED_DIRS and not name.startswith(".") and name not in review_folders
                )
                for name in files:
                    lowered = name.lower()
                    if name.startswith((".", "~$")) or lowered.endswith(REVIEWED_SUFFIX):
                        continue
                    if lowered.endswith(WALKED_SUFFIXES):
                        found.append(Path(root) / name)
                    elif lowered.endswith(UNSUPPORTED_SUFFIXES) and skipped is not None:
                        skipped.append(Path(root) / name)
            for file in sorted(found):
                yield str(file), file
        else:
            yield raw, path


def _non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expects a whole number of 0 or more, not {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"expects a whole number of 0 or more, not {number}")
    return number


_TYPE_HELP = (
    "auto, action_plan, valuation_plan, evaluation_report, incentive_plan, esop, dividend, voluntary, generic, "
    "or a type of what companies file (periodic_report, buyback, inquiry_reply, prospectus, …: "
    "see disclint rules --format json)."
)


def _check_parser() -> argparse.ArgumentParser:
    parser = _parser(
        "check", "Lint files or folders and report the problems found.", "disclint check [options] [PATH ...]"
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="Files or folders to lint; '-' reads stdin.")
    parser.add_argument(
        "--format",
        dest="output_format",
        metavar="FORMAT",
        default="text",
        help="text, json, github (Actions annotations), sarif (2.1.0), junit (XML) or html (a self-contained report).",
    )
    parser.add_argument(
        "--type",
        dest="doc_type",
        metavar="TYPE",
        default="auto",
        help=_TYPE_HELP,
    )
    parser.add_argument(
        "--exchange",
        metavar="EXCHANGE",
        default="auto",
        help="auto, sse, szse or bse: whose rules the findings cite (auto: from the 证券代码 or the text).",
    )
    parser.add_argument(
        "--select", metavar="CODES", help="Rule codes, prefixes or categories to enable (comma separated)."
    )
    parser.add_argument("--ignore", metavar="CODES", help="Rule codes, prefixes or categories to disable.")
    parser.add_argument("--fail-on", dest="fail_on", metavar="LEVEL", help="error|warning|info|never (default error).")
    parser.add_argument("--config", dest="config_file", metavar="FILE", type=Path, help="Use this config file.")
    parser.add_argument("--no-config", action="store_true", help="Ignore config files.")
    parser.add_argument(
        "--jobs",
        "-j",
        metavar="N",
        type=_non_negative,
        help="Worker processes (default: 1 for a few files, one per CPU for many; 0: one per CPU).",
    )
    parser.add_argument("--stdin-filename", metavar="NAME", help="Name to report for stdin.")
    parser.add_argument("--output", "-o", metavar="FILE", type=Path, help="Write the report to this file.")
    parser.add_argument(
        "--statistics", action="store_true", help="Print the number of findings per rule instead of the findings."
    )
    parser.add_argument(
        "--baseline", metavar="FILE", type=Path, help="Do not report findings recorded in this baseline file."
    )
    parser.add_argument(
        "--write-baseline",
        metavar="FILE",
        type=Path,
        help="Record every finding of this run in this baseline file, then exit 0.",
    )
    parser.add_argument("--no-cache", action="store_true", help="Neither read nor write the cache of parsed files.")
    parser.add_argument(
        "--show-config",
        metavar="FILE",
        type=Path,
        help="Print which config file applies to FILE and the settings it gives, then exit.",
    )
    parser.add_argument(
        "--exit-zero",
        action="store_true",
        help="Report the findings but exit 0 whatever they are (2 still means an input could not be read).",
    )
    parser.add_argument(
        "--cache-dir",
        metavar="DIR",
        type=Path,
        help="Cache folder (default: $DISCLINT_CACHE_DIR, config, ~/.cache/disclint).",
    )
    parser.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        help=f"Time budget per file; a file that takes longer is reported as not checked (default {DEFAULT_TIMEOUT:g}; 0: none).",
    )
    parser.add_argument(
        "--max-file-size",
        metavar="MB",
        type=_megabytes,
        help=f"Largest input file read, in MB (default {_mb(DEFAULT_LIMITS.max_file_bytes)}).",
    )
    parser.add_argument(
        "--max-unzipped-size",
        metavar="MB",
        type=_megabytes,
        help=f"Largest part of a .docx package once inflated, in MB (default {_mb(DEFAULT_LIMITS.max_member_bytes)}; "
        "the whole package may inflate to twice that).",
    )
    parser.add_argument(
        "--max-pages",
        metavar="N",
        type=_positive,
        help=f"Most pages read from a PDF (default {DEFAULT_LIMITS.max_pdf_pages}).",
    )
    parser.add_argument(
        "--max-lines",
        metavar="N",
        type=_positive,
        help=f"Most lines (text, PDF) or paragraphs (.docx) read from one file (default {DEFAULT_LIMITS.max_lines}).",
    )
    parser.add_argument(
        "--max-chars",
        metavar="N",
        type=_positive,
        help=f"Most characters of text read from one file (default {DEFAULT_LIMITS.max_chars}).",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="Print the traceback of an unexpected error in a file, after its error line.",
    )
    return parser


DEFAULT_TIMEOUT = 120.0


def _mb(size: int) -> int:
    return size // (1024 * 1024)


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expects a number of seconds, not {value!r}") from None
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"expects a number of seconds of 0 or more, not {value}")
    return number


def _megabytes(value: str) -> int:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expects a size in MB, not {value!r}") from None
    if not number > 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"expects a size in MB greater than 0, not {value}")
    return max(1, int(number * 1024 * 1024))


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expects a whole number of 1 or more, not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expects a whole number of 1 or more, not {number}")
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
    max_lines: int | None = None,
    max_chars: int | None = None,
    debug: bool = False,
    show_config: Path | None = None,
    exit_zero: bool = False,
) -> None:
    """Lint files or folders and report the problems found."""
    from disclint.config import (
        CACHE_DIR_ENV,
        EXCHANGE_CHOICES,
        FAIL_ON,
        NO_CACHE_ENV,
        cache_dir_for,
    )
    from disclint.report import FORMATS, STATISTICS_FORMATS
    from disclint.structure import DOC_TYPES

    if output_format not in FORMATS:
        raise UsageError(f"unknown --format {output_format!r}; use one of {', '.join(FORMATS)}")
    if statistics and output_format not in STATISTICS_FORMATS:
        raise UsageError(f"--statistics prints text or json, not {output_format}")
    if doc_type != "auto" and doc_type not in DOC_TYPES:
        raise UsageError(f"unknown --type {doc_type!r}; use auto or one of {', '.join(DOC_TYPES)}")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise UsageError(f"unknown --fail-on {fail_on!r}; use one of {', '.join(FAIL_ON)}")
    if exchange not in EXCHANGE_CHOICES:
        raise UsageError(f"unknown --exchange {exchange!r}; use one of {', '.join(EXCHANGE_CHOICES)}")
    if baseline is not None and write_baseline is not None:
        raise UsageError("use either --baseline or --write-baseline, not both")
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
    from disclint.config import ConfigResolver, Overrides

    return ConfigResolver(
        overrides=Overrides(select=select, ignore=ignore, fail_on=fail_on, doc_type=doc_type, exchange=exchange),
        config_file=config_file,
        no_config=no_config,
    )


def _config_in(resolver: ConfigResolver, folder: Path) -> Config:
    from disclint.config import ConfigError

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
    lines.append(f"type = {doc_type or 'auto'!r}  # {origin}")
    ignored = sorted(config.ignored_for(relative))
    if ignored:
        lines.append(f"per-file-ignores → {', '.join(ignored)}")
    if config.severity:
        lines.append("severity = {" + ", ".join(f"{key} = {value!r}" for key, value in config.severity.items()) + "}")
    if config.lexicons:
        lines.append(f"lexicons = {[str(path) for path in config.lexicons]!r}")
    if config.suppressions:
        lines.append(_("suppressions: {count} entries").format(count=len(config.suppressions)))
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
) -> None:
    from disclint.baseline import Baseline, BaselineError, write_run_baseline
    from disclint.batch import InputSpec, run, wants_progress
    from disclint.config import ConfigError
    from disclint.engine import FileOutcome, Linter, finish_run
    from disclint.lexicons import LexiconError
    from disclint.parse.limits import read_stream
    from disclint.report import DOCUMENT_FORMATS

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
            name = stdin_filename or "-"
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
    if not specs:
        raise UsageError(_("no .txt, .md, .docx or .pdf files found in {paths}").format(paths=", ".join(paths)))

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
            linter.document_view = output_format in DOCUMENT_FORMATS
            linter.limits, linter.timeout, linter.debug = limits, timeout, debug
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
    if cache_dir is not None and any(
        spec.path is not None and spec.path.suffix.lower() in (".docx", ".pdf") for spec in specs
    ):
        from disclint.cache import DocumentCache, context_fingerprint

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
    for outcome in outcomes:
        if outcome.result.error:
            _echo(f"{error_prefix()}{outcome.result.path}: {outcome.result.error}", err=True)
            if debug and outcome.traceback:
                _echo(outcome.traceback.rstrip("\n"), err=True)

    if write_baseline is not None:
        try:
            recorded, count, files = write_run_baseline(write_baseline, outcomes)
        except BaselineError as exc:
            raise UsageError(str(exc)) from None
        _echo(
            _("disclint: recorded {count} findings in {files} files in the baseline {path}").format(
                count=count, files=files, path=write_baseline
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
    """``target`` if writing ``what`` there is safe (see :mod:`disclint.outputs`); else a UsageError."""
    from disclint.outputs import OutputError, check_target

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
) -> None:
    import io

    from disclint.outputs import OutputError, atomic_write_text, check_target
    from disclint.report import write_report

    if output is None:
        write_report(
            fmt, results, sys.stdout, fail_on=fail_on, statistics=statistics, baseline_written=baseline_written
        )
        return
    buffer = io.StringIO(newline="\n")
    write_report(
        fmt, results, buffer, color=False, fail_on=fail_on, statistics=statistics, baseline_written=baseline_written
    )
    try:
        # Checked again just before writing: the target may have changed while the files were linted.
        atomic_write_text(check_target(output, what="the report"), buffer.getvalue(), shown=output)
    except OutputError as exc:
        raise UsageError(str(exc)) from None


def _init_parser() -> argparse.ArgumentParser:
    parser = _parser("init", "Write a commented starter config (disclint.toml).", "disclint init [--force] [PATH]")
    parser.add_argument(
        "path", nargs="?", type=Path, default=Path("disclint.toml"), help="Where to write the starter config."
    )
    parser.add_argument("--force", action="store_true", help="Overwrite an existing file.")
    return parser


def init(path: Path = Path("disclint.toml"), force: bool = False) -> None:
    """Write a commented starter config (disclint.toml)."""
    from disclint.config import STARTER_CONFIG

    if path.name == "pyproject.toml":
        raise UsageError(
            "init writes a disclint.toml; to configure in pyproject.toml, put the same keys under [tool.disclint]"
        )
    if (path.exists() or path.is_symlink()) and not force:
        raise UsageError(f"{path} already exists; use --force to overwrite it")
    from disclint.outputs import OutputError, atomic_write_text, check_target

    try:
        atomic_write_text(check_target(path, what="the config"), STARTER_CONFIG, what="the config", shown=path)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    _echo(f"wrote {path}")


def _annotate_parser() -> argparse.ArgumentParser:
    parser = _parser(
        "annotate",
        "Write a Word copy of the draft with a review comment on each finding (the original is not touched).",
        "disclint annotate [options] PATH",
    )
    parser.add_argument("path", type=Path, help="The draft to review (.docx, .pdf, .txt or .md).")
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        type=Path,
        help="The reviewed .docx (default: 审阅/NAME.reviewed.docx beside the draft; config: review-folder).",
    )
    parser.add_argument(
        "--type", dest="doc_type", metavar="TYPE", default="auto", help="auto or a document type, as for check."
    )
    parser.add_argument("--select", metavar="CODES", help="Rule codes, prefixes or categories to enable.")
    parser.add_argument("--ignore", metavar="CODES", help="Rule codes, prefixes or categories to disable.")
    parser.add_argument("--config", dest="config_file", metavar="FILE", type=Path, help="Use this config file.")
    parser.add_argument("--no-config", action="store_true", help="Ignore config files.")
    return parser


def annotate(
    path: Path,
    output: Path | None = None,
    doc_type: str = "auto",
    select: str | None = None,
    ignore: str | None = None,
    config_file: Path | None = None,
    no_config: bool = False,
) -> None:
    """Write a Word copy of the draft with a review comment on each finding (the original is not touched)."""
    from disclint.annotate import AnnotateError, default_output
    from disclint.annotate import annotate as write_reviewed
    from disclint.config import ConfigError
    from disclint.engine import Linter
    from disclint.lexicons import LexiconError
    from disclint.structure import DOC_TYPES

    if doc_type != "auto" and doc_type not in DOC_TYPES:
        raise UsageError(f"unknown --type {doc_type!r}; use auto or one of {', '.join(DOC_TYPES)}")
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
    result = linter.lint_path(path)
    if result.error:
        _echo(f"{error_prefix()}{result.path}: {result.error}", err=True)
        raise CommandExit(2)
    try:
        summary = write_reviewed(result, target, source=path)
    except AnnotateError as exc:
        raise UsageError(str(exc)) from None
    _echo(
        f"wrote {summary.output}: {summary.comments} 条批注（{summary.findings} 个问题"
        + (f"，缺少 {summary.missing_sections} 个部分" if summary.missing_sections else "")
        + "）"
    )


def _rules_parser() -> argparse.ArgumentParser:
    parser = _parser(
        "rules", "List every rule: code, category, severity, summary.", "disclint rules [--format text|json]"
    )
    parser.add_argument("--format", dest="output_format", metavar="FORMAT", default="text", help="text or json.")
    return parser


def list_rules(output_format: str = "text") -> None:
    """List every rule: code, category, severity, summary."""
    from disclint.explain import render_rules_json, render_rules_text

    if output_format == "json":
        _echo(render_rules_json(), newline=False)
    elif output_format == "text":
        _echo(render_rules_text(), newline=False)
    else:
        raise UsageError(f"unknown --format {output_format!r}; use text or json")


def _explain_parser() -> argparse.ArgumentParser:
    parser = _parser(
        "explain", "What a rule checks, why (the clause it rests on), and bad/good examples.", "disclint explain CODE"
    )
    parser.add_argument("code", help="A rule code such as PT001, or a document type such as action_plan.")
    return parser


def explain(code: str) -> None:
    """What a rule checks, why (the clause it rests on), and bad/good examples."""
    from disclint.explain import render_explain

    text = render_explain(code)
    if text is None:
        raise UsageError(f"unknown rule code {code!r}; see `disclint rules`")
    _echo(text, newline=False)


# ---------------------------------------------------------------- dispatch

# name → (parser, the function its options are passed to)
COMMANDS: dict[str, tuple[Callable[[], argparse.ArgumentParser], Callable[..., None]]] = {
    "check": (_check_parser, check),
    "init": (_init_parser, init),
    "annotate": (_annotate_parser, annotate),
    "rules": (_rules_parser, list_rules),
    "explain": (_explain_parser, explain),
}


class _Parser(argparse.ArgumentParser):
    """Usage errors in three short lines, as git and click print them, exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            2,
            f"usage: {self.format_usage().removeprefix('usage: ').strip()}\nTry '{self.prog} --help' for help.\n{self.prog}: error: {message}\n",
        )


def _parser(name: str, description: str, usage: str) -> argparse.ArgumentParser:
    parser = _Parser(prog=f"disclint {name}", description=description, usage=usage, allow_abbrev=False, add_help=False)
    parser.add_argument("-h", "--help", action="help", help="Show this message and exit.")
    return parser


def overview() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = [
        "usage: disclint [--version] COMMAND [ARGS]...",
        "",
        SUMMARY,
        "",
        "commands:",
        *(f"  {name.ljust(width)}  {parser().description}" for name, (parser, _) in COMMANDS.items()),
        "",
        "options:",
        "  --version   Show the version and exit.",
        "  -h, --help  Show this message and exit.",
        "",
        "`disclint COMMAND --help` describes a command's options.",
    ]
    return "\n".join(lines) + "\n"


def run(argv: Sequence[str]) -> int:
    """Run the command line ``argv`` (without the program name); the exit status."""
    arguments = list(argv)
    if not arguments:
        _echo(overview(), newline=False)
        return 2
    first = arguments[0]
    if first in ("--help", "-h"):
        _echo(overview(), newline=False)
        return 0
    if first == "--version":
        _echo(f"disclint {__version__}")
        return 0
    if first not in COMMANDS:
        _echo("usage: disclint [--version] COMMAND [ARGS]...\nTry 'disclint --help' for help.", err=True)
        _echo(error_prefix() + _("no such command {name!r}").format(name=first), err=True)
        return 2
    from disclint.signals import Terminated, handled

    build, command = COMMANDS[first]
    try:
        with handled():
            return _dispatch(build, command, arguments)
    except KeyboardInterrupt:  # Ctrl-C: one line, no traceback; --jobs workers ignore it and are ended
        _echo("disclint: interrupted", err=True)
        return 130
    except Terminated:  # SIGTERM: the same, with the status a shell gives a process ended by it
        _echo("disclint: terminated", err=True)
        return 143


def _dispatch(build: Callable[[], argparse.ArgumentParser], command: Callable[..., None], arguments: list[str]) -> int:
    try:
        # Intermixed: options may come after the paths ("check a.txt --format json b.txt").
        options = vars(build().parse_intermixed_args(arguments[1:]))
    except SystemExit as finished:  # argparse: --help (0) or a usage error (2), already printed
        return finished.code if isinstance(finished.code, int) else 2
    try:
        command(**options)
    except UsageError as exc:
        _echo(f"{error_prefix()}{exc}", err=True)
        return 2
    except CommandExit as finished:
        return finished.status
    return 0


def app(argv: Sequence[str] | None = None) -> NoReturn:
    """The ``disclint`` command: run ``argv`` (default: the process's arguments) and exit with its status."""
    sys.exit(run(sys.argv[1:] if argv is None else argv))


def main() -> None:
    app()
