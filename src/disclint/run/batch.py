"""Batch runs: many files over worker processes, in a stable order.

``--jobs N`` lints with N processes; without it disclint uses one process for
fewer than :data:`MANY_FILES` files (a pre-commit hook on two staged files
never pays for a pool) and one per CPU otherwise. ``--jobs 0`` means one per
CPU. Results come back in input order whatever the number of jobs, so the
output is byte-identical to ``--jobs 1``.

On Linux the workers are forked after the :class:`~disclint.run.engine.Linter`
is built, so they inherit its lexicons and matchers instead of rebuilding
them; elsewhere each worker builds its own from the (picklable) config.

A progress bar (rich) is drawn on stderr when stderr is a terminal and there
are at least :data:`PROGRESS_FILES` files; it never touches stdout, where the
report goes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from disclint.model.results import FileOutcome
from disclint.run.engine import Linter

if TYPE_CHECKING:
    from disclint.run.cache import DocumentCache

MANY_FILES = 8
PROGRESS_FILES = 20


@dataclass(frozen=True)
class InputSpec:
    """One input: a file path, or bytes read from stdin under a name."""

    shown: str
    path: Path | None = None
    data: bytes | None = None
    parse_as: str | None = None  # the name whose suffix picks the parser (stdin)


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def effective_jobs(requested: int | None, files: int) -> int:
    """The number of worker processes for ``files`` inputs."""
    if files <= 1:
        return 1
    if requested is None:
        return 1 if files < MANY_FILES else min(cpu_count(), files)
    if requested <= 0:
        return min(cpu_count(), files)
    return min(requested, files)


def wants_progress(stream: TextIO, files: int) -> bool:
    try:
        return files >= PROGRESS_FILES and stream.isatty()
    except (AttributeError, ValueError):
        return False


# ---------------------------------------------------------------- workers


def start_method() -> str | None:
    """``fork`` on Linux (workers inherit the built linter); the platform's default elsewhere."""
    import multiprocessing

    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return None


_WORKER: Linter | None = None


def _init_worker(
    linter: Linter | None, config: Any, cache: DocumentCache | None, parent: int, settings: tuple[Any, ...] = ()
) -> None:
    global _WORKER
    from disclint.run.signals import worker_started

    # Ctrl-C and SIGTERM are the main process's to handle: it ends the pool; workers end
    # with it (parent-death signal), and never print tracebacks.
    worker_started(parent)
    if _WORKER is None:
        if linter is None:
            linter = Linter.create(config)
            linter.cache = cache
            if settings:  # limits, time budget, --debug, baseline fingerprints
                linter.limits, linter.timeout, linter.debug, linter.fingerprints = settings
        _WORKER = linter


def _lint_task(task: list[tuple[int, InputSpec]]) -> list[tuple[int, FileOutcome]]:
    assert _WORKER is not None
    return [(index, lint_input(_WORKER, spec)) for index, spec in task]


def plan_tasks(sizes: Sequence[int], workers: int) -> list[list[int]]:
    """Input indexes grouped into pool tasks: the biggest files first, tasks shrinking towards the end.

    Each task takes about 1/(4 × workers) of the work still to hand out, so
    early tasks are big (little overhead) and the last ones are single small
    files: no worker is left with a long task while the others idle.
    """
    order = sorted(range(len(sizes)), key=lambda index: -sizes[index])
    remaining = sum(sizes)
    tasks: list[list[int]] = []
    current: list[int] = []
    current_size = 0
    for index in order:
        current.append(index)
        current_size += sizes[index]
        if current_size >= remaining / (4 * workers):
            tasks.append(current)
            remaining -= current_size
            current, current_size = [], 0
    if current:
        tasks.append(current)
    return tasks


def _input_size(spec: InputSpec) -> int:
    if spec.data is not None:
        return len(spec.data)
    try:
        return spec.path.stat().st_size if spec.path is not None else 0
    except OSError:
        return 0


def lint_input(linter: Linter, spec: InputSpec) -> FileOutcome:
    if spec.data is not None:
        outcome = linter.check_bytes(spec.data, spec.parse_as or spec.shown)
        outcome.result.path = spec.shown
        outcome.relative = linter.config.relative_path(spec.shown)
        return outcome
    assert spec.path is not None
    return linter.check_path(spec.path, spec.shown)


def run(
    linter: Linter,
    inputs: Sequence[InputSpec],
    *,
    jobs: int | None = None,
    progress: bool = False,
    on_result: Callable[[FileOutcome], None] | None = None,
) -> list[FileOutcome]:
    """Lint ``inputs`` with ``jobs`` processes; outcomes in input order."""
    workers = effective_jobs(jobs, len(inputs))
    bar = _Progress(len(inputs)) if progress else None
    outcomes: list[FileOutcome] = []
    try:
        for outcome in _outcomes(linter, inputs, workers, bar):
            outcomes.append(outcome)
            if on_result is not None:
                on_result(outcome)
            if bar is not None:
                bar.advance(outcome.result.path)
    finally:
        if bar is not None:
            bar.close()
    return outcomes


def _outcomes(
    linter: Linter, inputs: Sequence[InputSpec], workers: int, bar: _Progress | None
) -> Iterator[FileOutcome]:
    if workers <= 1:
        if bar is not None:
            bar.start()
        for spec in inputs:
            yield lint_input(linter, spec)
        return
    import multiprocessing

    global _WORKER
    method = start_method()
    fork = method == "fork"
    if fork:
        # Build the dictionary, scanners and cues once here: the forked workers share them copy-on-write.
        linter.build_shared()
    context = multiprocessing.get_context(method)
    # Forked workers inherit the built linter; spawned ones get the config and build their own.
    _WORKER = linter if fork else None
    tasks = [
        [(index, inputs[index]) for index in task]
        for task in plan_tasks([_input_size(spec) for spec in inputs], workers)
    ]
    try:
        with context.Pool(
            processes=workers,
            initializer=_init_worker,
            initargs=(
                None,
                linter.config,
                linter.cache,
                os.getpid(),
                (linter.limits, linter.timeout, linter.debug, linter.fingerprints),
            ),
        ) as pool:
            # The pool's processes exist now; only then start the progress bar's thread.
            if bar is not None:
                bar.start()
            # Tasks finish out of order; outcomes are handed on in input order as soon as they can be.
            ready: dict[int, FileOutcome] = {}
            following = 0
            results = pool.imap_unordered(_lint_task, tasks)
            workers_at_start = _worker_pids(pool)
            died = False
            while True:
                try:
                    finished = results.next(timeout=WATCH_INTERVAL)
                except StopIteration:
                    break
                except multiprocessing.TimeoutError:
                    if _a_worker_died(pool, workers_at_start):
                        died = True
                        _end_broken_pool(pool)
                        break
                    continue
                ready.update(finished)
                while following in ready:
                    yield ready.pop(following)
                    following += 1
        if died:
            # A worker was killed (a signal, the OOM killer, a crash in a native library): the pool
            # has lost its task and would wait for it for ever. The files not reported yet are
            # checked again, each in a process of its own, so that the one that kills it is named.
            for index in range(following, len(inputs)):
                yield ready.pop(index) if index in ready else _lint_alone(context, linter, inputs[index])
    finally:
        _WORKER = None


# How often (seconds) a --jobs run looks for a worker that died while it waits for results.
WATCH_INTERVAL = 0.5


def _worker_pids(pool: Any) -> frozenset[int]:
    return frozenset(process.pid for process in getattr(pool, "_pool", ()))


def _a_worker_died(pool: Any, at_start: frozenset[int]) -> bool:
    """A worker process ended (the pool replaces dead workers; without maxtasksperchild none ends otherwise)."""
    processes = list(getattr(pool, "_pool", ()))
    return _worker_pids(pool) != at_start or any(process.exitcode is not None for process in processes)


def _end_broken_pool(pool: Any) -> None:
    """End a pool that lost a worker, without waiting for ever.

    ``Pool.terminate`` can block on the task queue's lock once a worker has
    died (CPython's ``_help_stuff_finish``), so it runs in a daemon thread
    that stops the pool's handlers, and every worker left is killed here.
    """
    import threading

    ending = threading.Thread(target=pool.terminate, name="disclint-pool-end", daemon=True)
    ending.start()
    ending.join(WATCH_INTERVAL)
    for process in list(getattr(pool, "_pool", ())):
        if process.exitcode is None:
            process.kill()
        process.join(WATCH_INTERVAL)
    ending.join(WATCH_INTERVAL)


def _lint_one_in_child(spec: InputSpec, connection: Any, settings: tuple[Any, ...]) -> None:
    linter, config, cache, parent, limits = settings
    _init_worker(linter, config, cache, parent, limits)
    assert _WORKER is not None
    connection.send(lint_input(_WORKER, spec))
    connection.close()


def _lint_alone(context: Any, linter: Linter, spec: InputSpec) -> FileOutcome:
    """``spec`` linted in a process of its own; its death is this file's error line."""
    import signal

    receiver, sender = context.Pipe(duplex=False)
    settings = (
        linter if start_method() == "fork" else None,
        linter.config,
        linter.cache,
        os.getpid(),
        (linter.limits, linter.timeout, linter.debug),
    )
    process = context.Process(target=_lint_one_in_child, args=(spec, sender, settings), daemon=True)
    process.start()
    sender.close()
    try:
        while True:
            if receiver.poll(WATCH_INTERVAL):
                try:
                    outcome: FileOutcome = receiver.recv()
                    return outcome
                except EOFError:
                    pass  # the process ended without an answer
            if not process.is_alive() or receiver.closed:
                process.join(WATCH_INTERVAL)
                code = process.exitcode
                how = (
                    f"signal {signal.Signals(-code).name}"
                    if code is not None and code < 0 and -code in signal.valid_signals()
                    else f"status {code}"
                )
                return linter.failed(spec.shown, f"the process checking this file died ({how}); not checked")
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(WATCH_INTERVAL)


class _Progress:
    """A transient rich progress bar on stderr."""

    def __init__(self, total: int) -> None:
        self.total = total
        self._progress: Any = None
        self._task: Any = None

    def start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("disclint"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.description}", style="dim"),
            console=Console(file=sys.stderr),
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task("", total=self.total)

    def advance(self, path: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, advance=1, description=Path(path).name[:40])

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
