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


WARNINGS_ONLY = "关于召开2025年半年度业绩说明会的公告\n公司产品技术水平遥遥领先，为国内唯一的供应商。\n"


def _install(tmp_path: Path, env: dict[str, str], hook: str = "disclint") -> Path:
    source = tmp_path / "disclint-src"
    source.mkdir()
    rev = _snapshot(source, env)
    drafts = tmp_path / "drafts-repo"
    drafts.mkdir()
    _git(drafts, env, "init", "-q")
    (drafts / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {source.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: {hook}\n", encoding="utf-8"
    )
    pre_commit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*pre_commit, "install"], cwd=drafts, env=env, capture_output=True, text=True, check=True)
    installed = subprocess.run(
        [*pre_commit, "install-hooks"], cwd=drafts, env=env, capture_output=True, text=True, timeout=900
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return drafts


def _commit(drafts: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "commit", "-m", message], cwd=drafts, env=env, capture_output=True, text=True)


@pytest.mark.slow
def test_hook_refuses_a_faulty_draft_and_accepts_a_clean_one(tmp_path: Path) -> None:
    assert (ROOT / ".pre-commit-hooks.yaml").is_file()
    env = _env(tmp_path)
    drafts = _install(tmp_path, env)
    (drafts / "公告").mkdir()
    (drafts / "notes.csv").write_text("not a draft,市值迈上300亿元\n", encoding="utf-8")  # not passed to the hook
    (drafts / "公告" / "plan.txt").write_text(FAULTY, encoding="utf-8")
    _git(drafts, env, "add", ".pre-commit-config.yaml", "公告/plan.txt", "notes.csv")
    refused = _commit(drafts, env, "faulty draft")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "disclint" in output and "PT001" in output and "plan.txt" in output and "notes.csv" not in output
    assert (
        subprocess.run(["git", "rev-parse", "--verify", "HEAD"], cwd=drafts, env=env, capture_output=True).returncode
        != 0
    )
    (drafts / "公告" / "plan.txt").write_text(CLEAN, encoding="utf-8")
    _git(drafts, env, "add", "公告/plan.txt")
    accepted = _commit(drafts, env, "clean draft")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    hook_line = [line for line in (accepted.stdout + accepted.stderr).splitlines() if line.startswith("disclint")]
    assert hook_line and hook_line[0].endswith("Passed")
    assert _git(drafts, env, "log", "--format=%s").stdout.split("\n")[0] == "clean draft"


@pytest.mark.slow
def test_strict_preset_blocks_warnings_and_shows_them(tmp_path: Path) -> None:
    """The drafts repository's own disclint.toml says preset = "strict": a draft with only
    warnings is refused and the warnings are shown; README, requirements and an empty draft do not block."""
    env = _env(tmp_path)
    drafts = _install(tmp_path, env)
    (drafts / "disclint.toml").write_text('preset = "strict"\n', encoding="utf-8")
    (drafts / "drafts").mkdir()
    (drafts / "drafts" / "说明会公告.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    (drafts / "drafts" / "新建.txt").write_text("", encoding="utf-8")
    (drafts / "README.md").write_text("# 草稿库\n\n本库的工具遥遥领先。\n", encoding="utf-8")
    (drafts / "requirements.txt").write_text("disclint\n", encoding="utf-8")
    _git(drafts, env, "add", "-A")
    refused = _commit(drafts, env, "warnings only")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "HY00" in output and "说明会公告.txt" in output and "警告" in output
    assert "README.md" not in output and "requirements.txt" not in output
    assert "新建.txt" in output and "空文件" in output  # named, as a warning
    (drafts / "drafts" / "说明会公告.txt").write_text(CLEAN, encoding="utf-8")
    _git(drafts, env, "add", "-A")
    accepted = _commit(drafts, env, "clean draft")
    shown = accepted.stdout + accepted.stderr
    assert accepted.returncode == 0, shown
    assert "未发现问题" in shown  # verbose: true shows a passing hook's output too


def test_hook_manifest_is_valid() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: disclint" in text and "id: disclint-strict" in text and "require_serial: false" in text
    assert text.count("\n  verbose: true") == 2 and "--allow-empty" in text


@pytest.mark.parametrize(
    ("path", "linted"),
    [
        ("plan.docx", True),
        ("a/b/plan.PDF", True),
        ("drafts/plan.txt", True),
        ("公告/2025/说明会.md", True),
        ("project/草稿/x.txt", True),
        ("README.md", False),
        ("requirements.txt", False),
        ("docs/notes.md", False),
        ("审阅/plan.reviewed.docx", False),
        ("drafts/plan.reviewed.docx", False),
    ],
)
def test_hook_files_patterns(path: str, linted: bool) -> None:
    """What the hook lints of a staged file: not excluded by the manifest, and kept by its ``--drafts-in``."""
    import re

    from disclint.parse.formats import is_draft

    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    folders = re.search(r"^  entry: .*--drafts-in (\S+)", text, re.MULTILINE)
    exclude = re.search(r"^  exclude: (.+)$", text, re.MULTILINE)
    assert folders and exclude
    chosen = is_draft(path, folders.group(1).split(",")) and not re.search(exclude.group(1), path)
    assert chosen is linted


def test_drafts_in_lints_the_drafts_named_and_passes_over_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cli_runner import invoke

    monkeypatch.chdir(tmp_path)
    (tmp_path / "公告").mkdir()
    (tmp_path / "公告" / "plan.txt").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "README.md").write_text("# 草稿库\n\n本库的工具遥遥领先。\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not a draft,市值迈上300亿元\n", encoding="utf-8")
    hook = ["check", "--no-config", "--jobs", "1", "--drafts-in", "drafts,公告"]
    result = invoke([*hook, "README.md", "notes.csv", "公告/plan.txt"])
    assert result.exit_code == 1 and "PT001" in result.stdout and "plan.txt" in result.stdout
    assert "README" not in result.stdout + result.stderr and "notes.csv" not in result.stdout + result.stderr
    nothing = invoke([*hook, "README.md", "notes.csv"])
    assert (nothing.exit_code, nothing.stdout, nothing.stderr) == (0, "", "")
    # A user's own folders: the last --drafts-in wins, as pre-commit appends a hook's args to its entry.
    moved = invoke([*hook, "--drafts-in", "申报材料", "公告/plan.txt"])
    assert (moved.exit_code, moved.stdout) == (0, "")
