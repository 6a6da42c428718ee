"""The command line in-process (tests/cli_runner.py), and once as the installed console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli_runner import invoke
from disclint import __version__

FAULTY = "一、提升经营质量\n公司力争到2027年末公司市值迈上300亿元台阶，技术水平遥遥领先。\n"
CLEAN = "公司将于2025年8月28日召开2025年半年度业绩说明会。\n"


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = invoke(list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "faulty.txt").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    return tmp_path


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"disclint {__version__}"


def test_check_reports_location_code_clause_and_suggestion(drafts: Path) -> None:
    code, out, _ = run("check", str(drafts / "faulty.txt"))
    assert code == 1
    assert f"{drafts / 'faulty.txt'}:2:" in out
    assert "PT001" in out and "HY001" in out
    assert "依据：" in out and "建议：" in out and "^^^" in out
    assert out.strip().splitlines()[-1].startswith("发现 2 个问题")


def test_clean_file_exits_zero(drafts: Path) -> None:
    code, out, _ = run("check", str(drafts / "clean.md"))
    assert code == 0
    assert "未发现问题" in out


def test_folder_is_walked_for_supported_suffixes(drafts: Path) -> None:
    code, out, _ = run("check", str(drafts), "--format", "json")
    data = json.loads(out)
    assert sorted(Path(f["path"]).name for f in data["files"]) == ["clean.md", "faulty.txt"]
    assert code == 1


def test_json_follows_the_contract(drafts: Path) -> None:
    _, out, _ = run("check", str(drafts / "faulty.txt"), "--format", "json")
    data = json.loads(out)
    assert data["schema"] == "disclint/1"
    assert data["tool"] == {"name": "disclint", "version": __version__}
    entry = data["files"][0]
    assert set(entry) >= {"path", "doc_type", "doc_type_source", "error", "findings"}
    assert entry["doc_type_source"] == "auto" and entry["error"] is None
    text = FAULTY
    for finding in entry["findings"]:
        assert set(finding) == {
            "code",
            "category",
            "severity",
            "message",
            "excerpt",
            "start",
            "end",
            "section",
            "suggestion",
            "reference",
        }
        assert set(finding["start"]) == {"offset", "line", "column", "page"}
        assert text[finding["start"]["offset"] : finding["end"]["offset"]] == finding["excerpt"]
        assert finding["severity"] in ("error", "warning", "info")
    assert data["summary"] == {"files": 1, "errors": 1, "warnings": 1, "infos": 0}


def test_type_option_is_reported(drafts: Path) -> None:
    _, out, _ = run("check", str(drafts / "faulty.txt"), "--format", "json", "--type", "voluntary")
    entry = json.loads(out)["files"][0]
    assert entry["doc_type"] == "voluntary" and entry["doc_type_source"] == "option"


def test_stdin_with_filename() -> None:
    code, out, _ = run("check", "-", "--stdin-filename", "draft.txt", "--format", "json", input=FAULTY.encode())
    data = json.loads(out)
    assert code == 1 and data["files"][0]["path"] == "draft.txt"
    assert {f["code"] for f in data["files"][0]["findings"]} == {"PT001", "HY001"}


@pytest.mark.parametrize(
    ("content", "message", "chinese"),
    [
        (b"", "empty file", "空文件"),
        (b"\x00\x01\x02binary\x00", "binary", "二进制文件"),
        ("caf\xe9".encode("latin-1") * 50, "cannot decode", "无法解码"),
    ],
)
def test_unreadable_inputs_exit_2_and_other_files_are_still_linted(
    drafts: Path, content: bytes, message: str, chinese: str
) -> None:
    bad = drafts / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run("check", str(bad), str(drafts / "faulty.txt"), "--format", "json")
    assert code == 2
    # The person reads the reason in Chinese; the JSON keeps the English one that tools match.
    assert f"{bad}:" in err and chinese in err and len(err.strip().splitlines()) == 1
    files = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    assert message in files["bad.txt"]["error"]
    assert files["faulty.txt"]["findings"]


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "nope.txt"))
    assert code == 2 and "文件不存在" in err


@pytest.mark.parametrize(
    "encoded",
    [FAULTY.encode("gb18030"), b"\xef\xbb\xbf" + FAULTY.encode("utf-8"), FAULTY.encode("utf-16")],
    ids=["gb18030", "utf-8-bom", "utf-16"],
)
def test_encodings(tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(encoded)
    code, out, _ = run("check", str(path), "--format", "json")
    findings = json.loads(out)["files"][0]["findings"]
    assert code == 1 and {f["code"] for f in findings} == {"PT001", "HY001"}
    assert {f["excerpt"] for f in findings} >= {"遥遥领先"}


def test_select_and_ignore_by_code_prefix_and_category(drafts: Path) -> None:
    target = str(drafts / "faulty.txt")

    def found(*options: str) -> set[str]:
        _, out, _ = run("check", target, "--format", "json", *options)
        return {f["code"] for f in json.loads(out)["files"][0]["findings"]}

    assert found("--select", "hype") == {"HY001"}
    assert found("--select", "PT") == {"PT001"}
    assert found("--ignore", "PT001") == {"HY001"}
    assert found("--select", "price_target,hype", "--ignore", "HY") == {"PT001"}


def test_unknown_selection_is_a_usage_error(drafts: Path) -> None:
    code, _, err = run("check", str(drafts), "--select", "XX999")
    assert code == 2 and "XX999" in err


def test_fail_on(drafts: Path) -> None:
    warning_only = drafts / "warn.txt"
    warning_only.write_text("公司核心技术遥遥领先。\n", encoding="utf-8")
    assert run("check", str(warning_only))[0] == 0
    assert run("check", str(warning_only), "--fail-on", "warning")[0] == 1
    assert run("check", str(drafts / "faulty.txt"), "--fail-on", "never")[0] == 0
    assert run("check", str(drafts), "--fail-on", "bogus")[0] == 2


def test_output_file(drafts: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run("check", str(drafts / "faulty.txt"), "--format", "json", "--output", str(target))
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["errors"] == 1


def test_inputs_are_never_written(drafts: Path) -> None:
    path = drafts / "faulty.txt"
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    run("check", str(path))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_config_in_pyproject_and_no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.disclint]\nignore = ["hype"]\n', encoding="utf-8")
    (tmp_path / "plan.txt").write_text(FAULTY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run("check", "plan.txt", "--format", "json")
    assert {f["code"] for f in json.loads(out)["files"][0]["findings"]} == {"PT001"}
    _, out, _ = run("check", "plan.txt", "--format", "json", "--no-config")
    assert {f["code"] for f in json.loads(out)["files"][0]["findings"]} == {"PT001", "HY001"}


def test_bad_config_names_file_and_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "disclint.toml").write_text('selekt = ["PT"]\n', encoding="utf-8")
    (tmp_path / "plan.txt").write_text(FAULTY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check", "plan.txt")
    assert code == 2 and "disclint.toml" in err and "selekt" in err


def test_rules_text_and_json() -> None:
    code, out, _ = run("rules")
    assert code == 0 and "PT001" in out and "price_target" in out
    code, out, _ = run("rules", "--format", "json")
    rules = json.loads(out)["rules"]
    assert code == 0
    assert all({"code", "category", "severity", "summary", "reference", "examples"} <= set(r) for r in rules)
    prefixes = {r["category"]: r["code"][:2] for r in rules}
    assert prefixes["price_target"] == "PT" and prefixes["hype"] == "HY"


def test_explain() -> None:
    code, out, _ = run("explain", "pt001")
    assert code == 0
    assert "PT001" in out and "依据" in out and "✗" in out and "✓" in out
    assert run("explain", "ZZ001")[0] == 2


def test_installed_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / ("disclint.exe" if sys.platform == "win32" else "disclint")
    if not script.exists():
        pytest.skip("disclint console script is not installed next to this Python (pip install . first)")
    path = tmp_path / "plan.txt"
    path.write_text(FAULTY, encoding="utf-8")
    completed = subprocess.run([str(script), "check", str(path), "--format", "json"], capture_output=True, text=True)
    assert completed.returncode == 1, completed.stderr
    assert json.loads(completed.stdout)["summary"]["errors"] == 1


def _launch(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    program = "import sys; from disclint.launch import main; sys.argv[0] = 'disclint'; main()"
    return subprocess.run([sys.executable, "-c", program, *arguments], capture_output=True, text=True, cwd=cwd)


def test_entry_point_exit_status_and_complete_output(tmp_path: Path) -> None:
    """The entry point leaves with os._exit after check: statuses and flushed output as before."""
    faulty = tmp_path / "plan.txt"
    faulty.write_text(FAULTY, encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text("公司2024年度实现营业收入8.62亿元。", encoding="utf-8")
    report = _launch("check", str(faulty), "--format", "json")
    assert report.returncode == 1, report.stderr
    assert json.loads(report.stdout)["summary"]["errors"] == 1  # the whole report was flushed
    assert _launch("check", str(clean)).returncode == 0
    missing = _launch("check", str(tmp_path / "missing.txt"), str(clean))
    assert missing.returncode == 2 and "missing.txt" in missing.stderr
    bad_option = _launch("check", "--format", "bogus", str(clean))
    assert bad_option.returncode == 2 and "bogus" in bad_option.stderr
    written = _launch("check", str(faulty), "-o", str(tmp_path / "out.txt"), "--fail-on", "never")
    assert written.returncode == 0 and "PT" in (tmp_path / "out.txt").read_text(encoding="utf-8")
    version = _launch("--version")  # not a check: Python's normal exit
    assert version.returncode == 0 and version.stdout.startswith("disclint ")


def test_parser_usage_errors_and_help(drafts: Path) -> None:
    code, out, _ = run()
    assert code == 2 and "命令" in out and "check" in out
    code, out, _ = run("--help")
    assert code == 0 and "annotate" in out
    code, _, err = run("bogus")
    assert code == 2 and "没有 'bogus' 这个命令" in err
    code, _, err = run("check", "--jobs", "-1", str(drafts))
    assert code == 2 and "应为 0 或更大的整数，而不是 -1" in err and "运行 'disclint check --help' 查看帮助" in err
    code, _, err = run("check", "--form", "json", str(drafts))  # no abbreviations, as before
    assert code == 2 and "--form" in err
    code, out, _ = run("check", "--help")
    assert code == 0 and "--stdin-filename" in out


def test_options_after_paths_and_joined_values(drafts: Path) -> None:
    faulty, clean = str(drafts / "faulty.txt"), str(drafts / "clean.md")
    code, out, _ = run("check", faulty, "--format", "json", clean, "--select=PT", "-j", "1")
    report = json.loads(out)
    assert code == 1 and [Path(entry["path"]).name for entry in report["files"]] == ["faulty.txt", "clean.md"]
    assert {finding["code"][:2] for entry in report["files"] for finding in entry["findings"]} == {"PT"}


def test_ctrl_c_ends_the_run_with_one_line_and_status_130(tmp_path: Path) -> None:
    import signal
    import time

    for index in range(600):
        (tmp_path / f"draft_{index:03d}.txt").write_text(FAULTY * 5, encoding="utf-8")
    program = "import sys; from disclint.launch import main; sys.argv[0] = 'disclint'; main()"
    process = subprocess.Popen(
        [sys.executable, "-c", program, "check", str(tmp_path), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(0.6)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    if process.returncode in (0, 1):
        pytest.skip("the run finished before the interrupt")
    assert process.returncode == 130, err
    assert "Traceback" not in err and err.strip().splitlines()[-1] == "disclint：已中断"


def test_a_folder_without_drafts_is_named(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run("check", str(empty))
    assert code == 2 and err.strip() == f"disclint：错误：在 {empty} 中没有找到 .txt/.md/.docx/.pdf 文件"
