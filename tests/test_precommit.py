"""The pre-commit hook, end to end, with the real `pre-commit` tool.

A snapshot of this checkout (committed in a temporary repository, so that
uncommitted work is included) is the hook's `repo:`; a temporary drafts
repository installs the hook; a faulty draft's commit is refused and a clean
one accepted. pre-commit pip-installs disclint and its dependencies into its
own environment, which needs the package index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_SKIP_PARTS = {".git", ".venv", "venv", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build", "dist"}

FAULTY = "关于2025年度“提质增效重回报”行动方案的公告\n一、提升经营质量\n公司力争到2027年末公司市值迈上300亿元台阶。\n"
CLEAN = "关于召开2025年半年度业绩说明会的公告\n公司将于2025年8月28日召开2025年半年度业绩说明会。\n"

try:
    import pre_commit  # noqa: F401

    HAVE_PRE_COMMIT = True
except ImportError:  # pragma: no cover
    HAVE_PRE_COMMIT = False

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(not HAVE_PRE_COMMIT, reason="pre-commit is not installed (pip install '.[test]')"),
]


def _env(home: Path) -> dict[str, str]:
    gitconfig = home / "gitconfig"
    gitconfig.write_text(
        "[user]\n\tname = disclint test\n\temail = test@example.invalid\n[init]\n\tdefaultBranch = main\n"
    )
    env = dict(os.environ)
    env.update(
        {
            "GIT_CONFIG_GLOBAL": str(gitconfig),
            "GIT_CONFIG_NOSYSTEM": "1",
            "PRE_COMMIT_HOME": str(home / "pre-commit"),
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "NO_COLOR": "1",
        }
    )
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(key, None)
    return env


def _git(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)


def _source_files() -> list[Path]:
    """The checkout's files as git would commit them (tracked and untracked, not ignored)."""
    if (ROOT / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        return [ROOT / name for name in listed.split("\0") if name and (ROOT / name).is_file()]
    return [
        path
        for path in ROOT.rglob("*")
        if path.is_file() and not _SKIP_PARTS.intersection(path.relative_to(ROOT).parts)
    ]


def _snapshot(target: Path, env: dict[str, str]) -> str:
    """Copy the working tree to ``target``, commit it there, return the commit id."""
    for source in _source_files():
        destination = target / source.relative_to(ROOT)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
    _git(target, env, "init", "-q")
    _git(target, env, "add", "-A")
    _git(target, env, "commit", "-q", "-m", "disclint snapshot for the pre-commit test")
    return _git(target, env, "rev-parse", "HEAD").stdout.strip()


@pytest.mark.slow
def test_hook_refuses_a_faulty_draft_and_accepts_a_clean_one(tmp_path: Path) -> None:
    assert (ROOT / ".pre-commit-hooks.yaml").is_file()
    env = _env(tmp_path)
    source = tmp_path / "disclint-src"
    source.mkdir()
    rev = _snapshot(source, env)

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    _git(drafts, env, "init", "-q")
    (drafts / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {source.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: disclint\n", encoding="utf-8"
    )
    pre_commit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*pre_commit, "install"], cwd=drafts, env=env, capture_output=True, text=True, check=True)
    installed = subprocess.run(
        [*pre_commit, "install-hooks"], cwd=drafts, env=env, capture_output=True, text=True, timeout=900
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    (drafts / "notes.csv").write_text("not a draft,市值迈上300亿元\n", encoding="utf-8")  # not passed to the hook
    (drafts / "plan.txt").write_text(FAULTY, encoding="utf-8")
    _git(drafts, env, "add", ".pre-commit-config.yaml", "plan.txt", "notes.csv")
    refused = subprocess.run(
        ["git", "commit", "-m", "faulty draft"], cwd=drafts, env=env, capture_output=True, text=True
    )
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "disclint" in output and "PT001" in output and "plan.txt" in output and "notes.csv" not in output
    assert (
        subprocess.run(["git", "rev-parse", "--verify", "HEAD"], cwd=drafts, env=env, capture_output=True).returncode
        != 0
    )

    (drafts / "plan.txt").write_text(CLEAN, encoding="utf-8")
    (drafts / "readme.md").write_text("# 说明\n\n" + CLEAN, encoding="utf-8")
    _git(drafts, env, "add", "plan.txt", "readme.md")
    accepted = subprocess.run(
        ["git", "commit", "-m", "clean draft"], cwd=drafts, env=env, capture_output=True, text=True
    )
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    hook_line = [line for line in (accepted.stdout + accepted.stderr).splitlines() if line.startswith("disclint")]
    assert hook_line and hook_line[0].endswith("Passed")
    assert _git(drafts, env, "log", "--format=%s").stdout.split("\n")[0] == "clean draft"


def test_hook_manifest_is_valid() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: disclint" in text and "require_serial: false" in text and r"\.(txt|md|markdown|docx|pdf)$" in text
