"""Command line: argument handling only; the work is in engine and report."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from disclint import __version__

if TYPE_CHECKING:
    from disclint.config import Config
    from disclint.findings import FileResult

app = typer.Typer(
    name="disclint",
    help="Lint Chinese disclosure drafts (提质增效重回报行动方案、估值提升计划、激励计划草案……).",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

WALKED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
_SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"disclint {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """disclint: a linter for Chinese disclosure drafts of listed companies."""


def _fail_usage(message: str) -> typer.Exit:
    typer.echo(f"disclint: error: {message}", err=True)
    return typer.Exit(code=2)


def iter_inputs(paths: list[str]) -> Iterator[tuple[str, Path | None]]:
    """Files to lint, in a stable order: (display name, path); folders walked."""
    for raw in paths:
        if raw == "-":
            yield "-", None
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(name for name in dirs if name not in _SKIPPED_DIRS and not name.startswith("."))
                for name in files:
                    if name.lower().endswith(WALKED_SUFFIXES) and not name.startswith((".", "~$")):
                        found.append(Path(root) / name)
            for file in sorted(found):
                yield str(file), file
        else:
            yield raw, path


@app.command()
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or folders to lint; '-' reads stdin.")] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="text, json, github (Actions annotations), sarif (2.1.0), junit (XML) or html (a self-contained report).",
        ),
    ] = "text",
    doc_type: Annotated[
        str,
        typer.Option(
            "--type",
            help="auto|action_plan|valuation_plan|evaluation_report|incentive_plan|esop|dividend|voluntary|generic",
        ),
    ] = "auto",
    select: Annotated[
        Optional[str], typer.Option(help="Rule codes, prefixes or categories to enable (comma separated).")
    ] = None,
    ignore: Annotated[Optional[str], typer.Option(help="Rule codes, prefixes or categories to disable.")] = None,
    fail_on: Annotated[
        Optional[str], typer.Option("--fail-on", help="error|warning|info|never (default error).")
    ] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this config file.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore config files.")] = False,
    jobs: Annotated[
        Optional[int],
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Worker processes (default: 1 for a few files, one per CPU for many; 0: one per CPU).",
        ),
    ] = None,
    stdin_filename: Annotated[Optional[str], typer.Option("--stdin-filename", help="Name to report for stdin.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print the number of findings per rule instead of the findings.")
    ] = False,
    baseline: Annotated[
        Optional[Path], typer.Option("--baseline", help="Do not report findings recorded in this baseline file.")
    ] = None,
    write_baseline: Annotated[
        Optional[Path],
        typer.Option("--write-baseline", help="Record every finding of this run in this baseline file, then exit 0."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the cache of parsed files.")
    ] = False,
    cache_dir: Annotated[
        Optional[Path],
        typer.Option("--cache-dir", help="Cache folder (default: $DISCLINT_CACHE_DIR, config, ~/.cache/disclint)."),
    ] = None,
) -> None:
    """Lint files or folders and report the problems found."""
    from disclint.config import (
        CACHE_DIR_ENV,
        FAIL_ON,
        NO_CACHE_ENV,
        cache_dir_for,
    )
    from disclint.report import FORMATS, STATISTICS_FORMATS
    from disclint.structure import DOC_TYPES

    if output_format not in FORMATS:
        raise _fail_usage(f"unknown --format {output_format!r}; use one of {', '.join(FORMATS)}")
    if statistics and output_format not in STATISTICS_FORMATS:
        raise _fail_usage(f"--statistics prints text or json, not {output_format}")
    if doc_type != "auto" and doc_type not in DOC_TYPES:
        raise _fail_usage(f"unknown --type {doc_type!r}; use auto or one of {', '.join(DOC_TYPES)}")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise _fail_usage(f"unknown --fail-on {fail_on!r}; use one of {', '.join(FAIL_ON)}")
    if baseline is not None and write_baseline is not None:
        raise _fail_usage("use either --baseline or --write-baseline, not both")
    config = _build_config(
        no_config=no_config, config_file=config_file, select=select, ignore=ignore, fail_on=fail_on, doc_type=doc_type
    )
    # The lexicon cache (disclint.lexicons) reads the same variables: one cache
    # folder and one switch for the whole run, restored afterwards.
    env: dict[str, str] = {}
    if no_cache:
        env[NO_CACHE_ENV] = "1"
    elif cache_dir is not None or config.cache_dir is not None:
        env[CACHE_DIR_ENV] = str(cache_dir_for(config, cache_dir).resolve())
    with _scoped_env(env):
        _check(
            config,
            paths or ["."],
            output_format=output_format,
            jobs=jobs,
            stdin_filename=stdin_filename,
            output=output,
            statistics=statistics,
            baseline=baseline,
            write_baseline=write_baseline,
            cache_dir=None if no_cache or os.environ.get(NO_CACHE_ENV) else cache_dir_for(config, cache_dir),
        )


def _build_config(
    *,
    no_config: bool,
    config_file: Path | None,
    select: str | None,
    ignore: str | None,
    fail_on: str | None,
    doc_type: str,
) -> Config:
    """The config file (unless --no-config) with the command-line options on top."""
    from disclint.config import Config, ConfigError, find_config_file, load_config, split_list

    try:
        if no_config:
            config = Config()
        elif config_file is not None:
            if not config_file.is_file():
                raise ConfigError(f"{config_file}: config file not found")
            config = load_config(config_file)
        else:
            found = find_config_file(Path.cwd())
            config = load_config(found) if found else Config()
        if select is not None:
            config.select = split_list(select)
        if ignore is not None:
            config.ignore = config.ignore + split_list(ignore)
        if fail_on is not None:
            config.fail_on = fail_on
        if doc_type != "auto":
            config.doc_type, config.doc_type_source = doc_type, "option"
    except ConfigError as exc:
        raise _fail_usage(str(exc)) from None
    return config


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
    config: Config,
    paths: list[str],
    *,
    output_format: str,
    jobs: int | None,
    stdin_filename: str | None,
    output: Path | None,
    statistics: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    cache_dir: Path | None,
) -> None:
    from disclint.baseline import Baseline, BaselineError, write_run_baseline
    from disclint.batch import InputSpec, run, wants_progress
    from disclint.config import ConfigError
    from disclint.engine import Linter, finish_run
    from disclint.lexicons import LexiconError
    from disclint.report import DOCUMENT_FORMATS

    try:
        linter = Linter.create(config)
    except (ConfigError, LexiconError) as exc:
        raise _fail_usage(str(exc)) from None
    linter.document_view = output_format in DOCUMENT_FORMATS
    recorded: Baseline | None = None
    baseline_path = baseline if baseline is not None else (None if write_baseline is not None else config.baseline)
    if baseline_path is not None:
        try:
            recorded = Baseline.load(baseline_path)
        except BaselineError as exc:
            raise _fail_usage(str(exc)) from None

    specs: list[InputSpec] = []
    for shown, path in iter_inputs(paths):
        if path is None:
            name = stdin_filename or "-"
            specs.append(
                InputSpec(shown=name, data=sys.stdin.buffer.read(), parse_as=name if name != "-" else "stdin.txt")
            )
        else:
            specs.append(InputSpec(shown=shown, path=path))
    if not specs:
        raise _fail_usage("no .txt, .md, .docx or .pdf files found")
    if cache_dir is not None and any(
        spec.path is not None and spec.path.suffix.lower() in (".docx", ".pdf") for spec in specs
    ):
        from disclint.cache import DocumentCache

        linter.cache = DocumentCache(cache_dir)

    outcomes = run(linter, specs, jobs=jobs, progress=wants_progress(sys.stderr, len(specs)))
    finish_run(linter, outcomes)
    for outcome in outcomes:
        if outcome.result.error:
            typer.echo(f"disclint: error: {outcome.result.path}: {outcome.result.error}", err=True)

    if write_baseline is not None:
        try:
            recorded, count, files = write_run_baseline(write_baseline, outcomes)
        except BaselineError as exc:
            raise _fail_usage(str(exc)) from None
        typer.echo(f"disclint: wrote {count} finding(s) in {files} file(s) to {write_baseline}", err=True)
    if recorded is not None:
        recorded.apply(outcomes)

    results = [outcome.result for outcome in outcomes]
    _write_output(output_format, results, output, fail_on=config.fail_on, statistics=statistics)

    if any(result.error for result in results):
        raise typer.Exit(code=2)
    if any(config.fails(item.finding.severity) for result in results for item in result.findings):
        raise typer.Exit(code=1)


def _write_output(fmt: str, results: list[FileResult], output: Path | None, *, fail_on: str, statistics: bool) -> None:
    from disclint.report import write_report

    if output is None:
        write_report(fmt, results, sys.stdout, fail_on=fail_on, statistics=statistics)
        return
    try:
        with output.open("w", encoding="utf-8", newline="\n") as stream:
            write_report(fmt, results, stream, color=False, fail_on=fail_on, statistics=statistics)
    except OSError as exc:
        raise _fail_usage(f"{output}: cannot write the report: {exc.strerror or exc}") from None


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the starter config.")] = Path("disclint.toml"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter config (disclint.toml)."""
    from disclint.config import STARTER_CONFIG

    if path.name == "pyproject.toml":
        raise _fail_usage(
            "init writes a disclint.toml; to configure in pyproject.toml, put the same keys under [tool.disclint]"
        )
    if path.exists() and not force:
        raise _fail_usage(f"{path} already exists; use --force to overwrite it")
    try:
        path.write_text(STARTER_CONFIG, encoding="utf-8")
    except OSError as exc:
        raise _fail_usage(f"{path}: cannot write: {exc.strerror or exc}") from None
    typer.echo(f"wrote {path}")


@app.command()
def annotate(
    path: Annotated[Path, typer.Argument(help="The draft to review (.docx, .pdf, .txt or .md).")],
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="The reviewed .docx (default: NAME.reviewed.docx).")
    ] = None,
    doc_type: Annotated[str, typer.Option("--type", help="auto or a document type, as for check.")] = "auto",
    select: Annotated[Optional[str], typer.Option(help="Rule codes, prefixes or categories to enable.")] = None,
    ignore: Annotated[Optional[str], typer.Option(help="Rule codes, prefixes or categories to disable.")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this config file.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore config files.")] = False,
) -> None:
    """Write a Word copy of the draft with a review comment on each finding (the original is not touched)."""
    from disclint.annotate import AnnotateError, default_output
    from disclint.annotate import annotate as write_reviewed
    from disclint.config import ConfigError
    from disclint.engine import Linter
    from disclint.lexicons import LexiconError
    from disclint.structure import DOC_TYPES

    if doc_type != "auto" and doc_type not in DOC_TYPES:
        raise _fail_usage(f"unknown --type {doc_type!r}; use auto or one of {', '.join(DOC_TYPES)}")
    config = _build_config(
        no_config=no_config, config_file=config_file, select=select, ignore=ignore, fail_on=None, doc_type=doc_type
    )
    try:
        linter = Linter.create(config)
    except (ConfigError, LexiconError) as exc:
        raise _fail_usage(str(exc)) from None
    linter.document_view = True
    result = linter.lint_path(path)
    if result.error:
        typer.echo(f"disclint: error: {result.path}: {result.error}", err=True)
        raise typer.Exit(code=2)
    target = output or default_output(path)
    try:
        summary = write_reviewed(result, target, source=path)
    except AnnotateError as exc:
        raise _fail_usage(str(exc)) from None
    typer.echo(
        f"wrote {summary.output}: {summary.comments} 条批注（{summary.findings} 个问题"
        + (f"，缺少 {summary.missing_sections} 个部分" if summary.missing_sections else "")
        + "）"
    )


@app.command("rules")
def list_rules(
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """List every rule: code, category, severity, summary."""
    from disclint.explain import render_rules_json, render_rules_text

    if output_format == "json":
        typer.echo(render_rules_json(), nl=False)
    elif output_format == "text":
        typer.echo(render_rules_text(), nl=False)
    else:
        raise _fail_usage(f"unknown --format {output_format!r}; use text or json")


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="A rule code such as PT001, or a document type such as action_plan.")],
) -> None:
    """What a rule checks, why (the clause it rests on), and bad/good examples."""
    from disclint.explain import render_explain

    text = render_explain(code)
    if text is None:
        raise _fail_usage(f"unknown rule code {code!r}; see `disclint rules`")
    typer.echo(text, nl=False)


def main() -> None:
    app()
