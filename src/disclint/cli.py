"""Command line: argument handling only; the work is in engine and report."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer

from disclint import __version__

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
OUTPUT_FORMATS = ("text", "json")


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
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    doc_type: Annotated[
        str,
        typer.Option(
            "--type",
            help="auto|action_plan|valuation_plan|evaluation_report|incentive_plan|esop|dividend|voluntary|generic",
        ),
    ] = "auto",
    select: Annotated[Optional[str], typer.Option(help="Rule codes, prefixes or categories to enable (comma separated).")] = None,
    ignore: Annotated[Optional[str], typer.Option(help="Rule codes, prefixes or categories to disable.")] = None,
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", help="error|warning|info|never (default error).")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this config file.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore config files.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Parallel processes (0: one per CPU).")] = 1,
    stdin_filename: Annotated[Optional[str], typer.Option("--stdin-filename", help="Name to report for stdin.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file.")] = None,
) -> None:
    """Lint files or folders and report the problems found."""
    from disclint.config import FAIL_ON, Config, ConfigError, find_config_file, load_config, split_list
    from disclint.engine import Linter
    from disclint.findings import FileResult
    from disclint.lexicons import LexiconError
    from disclint.report import write_report
    from disclint.structure import DOC_TYPES

    if output_format not in OUTPUT_FORMATS:
        raise _fail_usage(f"unknown --format {output_format!r}; use one of {', '.join(OUTPUT_FORMATS)}")
    if doc_type != "auto" and doc_type not in DOC_TYPES:
        raise _fail_usage(f"unknown --type {doc_type!r}; use auto or one of {', '.join(DOC_TYPES)}")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise _fail_usage(f"unknown --fail-on {fail_on!r}; use one of {', '.join(FAIL_ON)}")
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
        linter = Linter.create(config)
    except (ConfigError, LexiconError) as exc:
        raise _fail_usage(str(exc)) from None

    inputs = list(iter_inputs(paths or ["."]))
    if not inputs:
        raise _fail_usage("no .txt, .md, .docx or .pdf files found")
    results: list[FileResult] = []
    for display, path in inputs:
        if path is None:
            name = stdin_filename or "-"
            result = linter.lint_bytes(sys.stdin.buffer.read(), name if name != "-" else "stdin.txt")
            result.path = name
        else:
            result = linter.lint_path(path, display)
        results.append(result)
        if result.error:
            typer.echo(f"disclint: error: {result.path}: {result.error}", err=True)

    if output is not None:
        with output.open("w", encoding="utf-8") as stream:
            write_report(output_format, results, stream, color=False)
    else:
        write_report(output_format, results, sys.stdout)

    if any(result.error for result in results):
        raise typer.Exit(code=2)
    if any(config.fails(item.finding.severity) for result in results for item in result.findings):
        raise typer.Exit(code=1)


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
