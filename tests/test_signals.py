"""A --jobs run that is interrupted, terminated or whose main process is killed
leaves no worker behind (checked by PID), and says why it stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to list children")

PARAGRAPH = "公司力争到2027年末市值迈上三百亿元台阶，主营产品的工艺遥遥领先。公司将持续完善治理，加强与投资者的沟通。\n"


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the English one-line reasons (disclint speaks Chinese by default)."""
    monkeypatch.setenv("DISCLINT_LANG", "en")


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for thread in threads:
        try:
            with open(f"/proc/{pid}/task/{thread}/children", encoding="ascii") as handle:
                found |= {int(item) for item in handle.read().split()}
        except OSError:
            continue
    return found


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as handle:
            state = handle.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _wait_for(condition: object, limit: float = 30.0) -> bool:
    """Poll ``condition()`` until it holds or ``limit`` seconds pass (a bound, not a timing check)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.fixture()
def busy_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    for index in range(40):
        (folder / f"draft{index:02d}.txt").write_text(PARAGRAPH * 1200, encoding="utf-8")
    return folder


def _start(folder: Path, tmp_path: Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    environment = dict(os.environ, DISCLINT_CACHE_DIR=str(tmp_path / "cache"))
    process = subprocess.Popen(
        [sys.executable, "-m", "disclint", "check", "--jobs", "2", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=environment,
        start_new_session=True,
        # A test run started in the background of a shell inherits SIGINT ignored; a user at a
        # terminal does not: give the run the user's default.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    if not _wait_for(lambda: len(_children(process.pid)) >= 2):
        process.kill()
        pytest.fail("the pool's workers never started")
    return process, _children(process.pid)


def _no_orphans(children: set[int], limit: float = 30.0) -> None:
    left = set(children)
    try:
        assert _wait_for(lambda: not {pid for pid in left if _running(pid)}, limit), (
            f"workers left running: {sorted(pid for pid in left if _running(pid))}"
        )
    finally:
        for pid in left:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize(
    ("signum", "status", "message"),
    [(signal.SIGINT, 130, "disclint: interrupted"), (signal.SIGTERM, 143, "disclint: terminated")],
)
def test_interrupt_or_terminate_ends_the_run_and_its_workers(
    busy_folder: Path, tmp_path: Path, signum: int, status: int, message: str
) -> None:
    process, children = _start(busy_folder, tmp_path)
    os.kill(process.pid, signum)
    try:
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == status
    text = err.decode("utf-8", "replace")
    assert message in text and "Traceback" not in text
    _no_orphans(children)


def test_killing_the_main_process_ends_every_worker(tmp_path: Path) -> None:
    # Two long files: each worker is in the middle of one task (tens of seconds) when the
    # main process is killed. A worker that outlived it would finish that task first; one
    # that has a parent-death signal is gone at once, well inside the bound below.
    folder = tmp_path / "long"
    folder.mkdir()
    for index in range(2):
        (folder / f"long{index}.txt").write_text(PARAGRAPH * 40000, encoding="utf-8")
    process, children = _start(folder, tmp_path)
    time.sleep(0.5)  # both workers busy with their file
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    _no_orphans(children, limit=10.0)


def test_a_worker_whose_parent_is_gone_ends_itself(tmp_path: Path) -> None:
    """The portable fallback: a process started as a 'worker' of a parent that has already exited."""
    script = (
        "import os, sys, time\n"
        "from disclint.run.signals import worker_started\n"
        "worker_started(int(sys.argv[1]))\n"
        "time.sleep(60)\n"
    )
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    orphan = subprocess.Popen([sys.executable, "-c", script, str(gone.pid)])
    try:
        assert orphan.wait(timeout=30) == 1
    finally:
        orphan.kill()


@pytest.mark.parametrize(
    ("raised", "language", "line"),
    [
        ("KeyboardInterrupt", "zh", "disclint：已中断"),
        ("KeyboardInterrupt", "en", "disclint: interrupted"),
        ("__import__('disclint.run.signals').run.signals.Terminated", "zh", "disclint：已终止"),
    ],
)
def test_a_signal_while_still_importing_is_said_in_the_users_language(raised: str, language: str, line: str) -> None:
    """A signal that comes before the command line is built (a loaded machine: well after half a
    second) printed English to a Chinese user. The import of disclint.cli is made to raise here."""
    program = (
        "import sys, types\n"
        "cli = types.ModuleType('disclint.cli')\n"
        "def main():\n"
        f"    raise {raised}\n"
        "cli.main = main\n"
        "sys.modules['disclint.cli'] = cli\n"
        "sys.argv = ['disclint', 'check', 'x.txt']\n"
        "from disclint.launch import main as launch\n"
        "launch()\n"
    )
    environment = {key: value for key, value in os.environ.items() if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    environment.update(DISCLINT_LANG=language, LANG="C.UTF-8")
    completed = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=environment, timeout=60
    )
    assert completed.returncode == (130 if "Keyboard" in raised else 143)
    assert completed.stderr == line + "\n"


def test_a_worker_terminated_before_its_initializer_dies_of_the_signal_without_a_traceback() -> None:
    # Under load, Pool.terminate can reach a worker that is forked but has not yet reset the
    # parent's SIGTERM handler: it must die of the signal, not raise the parent's exception.
    script = (
        "import os, signal, sys, time\n"
        "from disclint.run import signals\n"
        "with signals.handled():\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        time.sleep(30)\n"
        "        os._exit(0)\n"
        "    time.sleep(0.2)\n"
        "    os.kill(pid, signal.SIGTERM)\n"
        "    _, status = os.waitpid(pid, 0)\n"
        "    print(os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGTERM)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "True", result.stderr
    assert "Traceback" not in result.stderr
