"""Run results: one file's outcome, with what the run-level steps need besides its findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from disclint.model.document import Position
from disclint.model.findings import FileResult


@dataclass
class FileOutcome:
    """One file's result plus what the run-level steps (baseline, sidecar checks) need."""

    result: FileResult
    # One per finding; filled only when the run reads or writes a baseline (Linter.fingerprints).
    fingerprints: list[str] = field(default_factory=list)
    relative: str = ""  # path relative to the project root, for globs
    sidecar_applicable: list[int] = field(default_factory=list)
    sidecar_used: list[int] = field(default_factory=list)
    sidecar_expired_matched: list[int] = field(default_factory=list)
    origin: Position | None = None  # where a file-level finding goes (offset 0)
    origin_line: str = ""
    traceback: str | None = None  # an unexpected error's traceback, kept for --debug
