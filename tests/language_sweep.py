"""Every screen a user can reach, run in one language, and the English words left on it.

:func:`scenarios` lays out a folder of drafts and broken inputs and lists the
command lines a user can type: the help of every command, each command on
good and broken input, every kind of bad config, team lexicon and baseline,
the limits, the time budget and usage errors. :func:`sweep` runs them
in-process and returns, for each, the Latin words that are not names — the
English a Chinese user would have to read. ``tests/test_language_sweep.py``
asserts that none are left; ``python tests/language_sweep.py`` prints them
by command, for a report.

What may stay Latin: rule codes, paths and file names, option names,
metavars and acronyms (all capitals), and the names a user types or reads
in a config (formats, document types, exchanges, config keys, commands).
Values of the fixed vocabularies (``error``, ``warning``) count as names
only when quoted or in a list of choices: anywhere else they are English.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from cli_runner import invoke


def _names() -> set[str]:
    from disclint.model.findings import Category
    from disclint.report import OUTPUT_FORMATS
    from disclint.rules import all_rules
    from disclint.startup import config
    from disclint.structure import DOC_TYPES

    words = {
        "disclint", "pre-commit", "pyproject", "toml", "docx", "pdf", "txt", "md", "doc", "wps", "docm", "rtf",
        "stdin", "Word", "Excel", "PowerPoint", "GitHub", "Actions", "ruff",
        "check", "init", "annotate", "rules", "explain",
        # the lexicon's tables and keys, which the init template tells a team how to write, and TOML's literals
        "term", "allow", "phrases", "section", "source", "true", "false",
        # the suppression comments' directives (<!-- disclint-disable-next-line HY001 -->)
        "disable", "enable", "line", "next",
        # proper names in the rules' own content (hot topics, a valuation model), not interface words
        "ChatGPT", "HarmonyOS", "OpenHarmony", "Sora", "DeepSeek", "eVTOL", "Web", "Black-Scholes",
    }  # fmt: skip
    words |= set(OUTPUT_FORMATS) | set(DOC_TYPES) | set(config.EXCHANGE_CHOICES) | set(config.BOARD_CHOICES)
    words |= set(config.PRESETS) | set(config.KNOWN_KEYS) | set(config._SUPPRESSION_KEYS)
    words |= {category.value for category in Category} | {spec.name for spec in all_rules()}
    words |= _section_ids()
    return words


def _section_ids() -> set[str]:
    """The section ids of the required-section packs (the contract's ids, and the packs' own)."""
    import tomllib

    sections = tomllib.loads((Path(__file__).parents[1] / "lexicons" / "sections.toml").read_text(encoding="utf-8"))
    return {section["id"] for section in sections.get("section", [])}


_A = r"(?<![A-Za-z0-9_])"  # word boundaries for Latin only: 问答Q2 holds the word Q2
_Z = r"(?![A-Za-z0-9_])"
_STRIPPED = [
    re.compile(r"https?://\S+"),  # addresses of the sources
    re.compile(r"UTF-\d+(?:LE|BE)?"),  # text encodings
    re.compile(r"'[\x20-\x7e]*?'|\"[\x20-\x7e]*?\"|`[^`]*`"),  # quoted names and values
    re.compile(_A + r"--?[A-Za-z][\w-]*(?:=\S*)?"),  # option names
    re.compile(r"[\w./~$\\:-]*[/\\.~][\w./~$\\-]*"),  # paths and file names
    re.compile(r"\[\[?[\w.-]+\]\]?"),  # TOML tables ([tool.disclint], [[term]])
    re.compile(r"\[\^?(?:[A-Za-z0-9]-[A-Za-z0-9]|\\\w)+\]"),  # classes of regular expressions ([A-Za-z])
    re.compile(_A + r"[a-z_]+(?:(?:\s*[|/]\s*|,)[a-z_]+)+" + _Z),  # choices: error|warning|info, amount,percent
    re.compile(_A + r"[a-z][\w-]*(?=[（：])"),  # a name glossed: warning（警告）, negated：同一分句……
    re.compile(r"@\w+|〔数量：[^〕]*〕|[A-Za-z]+…"),  # explain: word classes, quantity kinds, cut-off terms
    re.compile(_A + r"[A-Za-z0-9]*_[\w-]*"),  # identifiers (section ids, word classes): prose has no '_'
    re.compile(_A + r"[A-Z][A-Z0-9_]*" + _Z),  # rule codes, metavars, acronyms, variables
]
_LATIN = re.compile(r"[A-Za-z][A-Za-z_]*(?:-[A-Za-z_]+)*")


def english_words(text: str, allowed: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The Latin words in ``text`` that are not names, in order of appearance (each once)."""
    for pattern in _STRIPPED:
        text = pattern.sub(" ", text)
    names = _names() | set(allowed)
    found: list[str] = []
    for word in _LATIN.findall(text):
        if len(word) == 1 or word in names or word.lower() in names:
            continue
        if all(part in names for part in re.split(r"[-_]", word) if part):
            continue
        if word not in found:
            found.append(word)
    return found


@dataclass
class Scenario:
    command: str  # the group it is reported under ("check", "check: config", "help", …)
    label: str
    argv: list[str]
    stdin: str | None = None
    stdout_is_data: bool = False  # json, sarif…: only stderr is for people, and what ``people`` takes out
    allowed: frozenset[str] = frozenset()
    before: Callable[[], None] | None = None
    extra: Callable[[], str] | None = None  # more text the command wrote (a report file, a template)
    people: Callable[[str], str] | None = None  # the text people read in a data format's output
    html: str | None = None  # an HTML report the command wrote (relative to the run's folder)


@dataclass
class Outcome:
    scenario: Scenario
    status: int
    text: str
    english: list[str] = field(default_factory=list)
    people: str = ""  # what ``Scenario.people`` took out of a data format's output


def _html_text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    html = re.sub(r"(?s)<[^>]+>", " ", html)
    return re.sub(r"&\w+;", " ", html)


def html_interface(html: str) -> str:
    """The interface of an HTML report: its text and aria-labels less the document's own words (the
    article, the findings' messages, excerpts, places, clauses and suggestions, file paths and names,
    the part titles, and the reason the type was chosen). Type and section names are left: see
    :func:`report_names`."""
    labels = " ".join(re.findall(r'aria-label="([^"]*)"', html))
    html = re.sub(r"(?s)<(script|style|article|title)\b.*?</\1>", " ", html)
    html = re.sub(r'(?s)<(span|p|dd|h1) class="(?:msg|snip|place|name|quote|suggest|path)"[^>]*>.*?</\1>', " ", html)
    html = re.sub(r"(?s)<dd>.*?</dd>", " ", html)
    html = re.sub(r'(<span class="sug"><b>[^<]*</b>)[^<]*', r"\1", html)
    html = re.sub(r'(<p class="reason">[^<]*?(?:：|: ))[^<]*', r"\1", html)
    html = re.sub(r"<li>[^<]*(<span class=\"muted\">)", r"<li>\1", html)
    return labels + "\n" + _html_text(html)


def report_names() -> tuple[str, ...]:
    """Chinese names an English report may show: document types and their sections."""
    import tomllib

    from disclint.structure import doctypes

    sections = tomllib.loads((Path(__file__).parents[1] / "lexicons" / "sections.toml").read_text(encoding="utf-8"))
    names = [doctypes.get(name).label for name in doctypes.names()]
    names += [section["name"] for section in sections.get("section", [])]
    return tuple(names)


def sarif_text(data: str) -> str:
    """What people read in a SARIF log: the rules' descriptions and help, messages, notifications, page names."""
    import json

    found: list[str] = []

    def walk(node: object, key: str = "") -> None:
        if isinstance(node, dict):
            for name, value in node.items():
                if (name == "text" and key in ("message", "shortDescription", "fullDescription", "help")) or (
                    name == "name" and key == "logicalLocations"
                ):
                    found.append(str(value))
                else:
                    walk(value, name)
        elif isinstance(node, list):
            for value in node:
                walk(value, key)

    walk(json.loads(data))
    return "\n".join(found)


def junit_text(data: str) -> str:
    """What people read in a JUnit report: the failure and error messages and bodies, and system-out."""
    import xml.etree.ElementTree as ET

    found: list[str] = []
    for element in ET.fromstring(data).iter():
        if element.tag in ("failure", "error"):
            found.append(element.get("message", ""))
        if element.tag in ("failure", "error", "system-out"):
            found.append(element.text or "")
    return "\n".join(found)


def github_text(data: str) -> str:
    """What people read in GitHub annotations: the message after ``::``, unescaped."""
    messages = [line.split("::", 2)[2] for line in data.splitlines() if line.startswith("::") and line.count("::") >= 2]
    return "\n".join(m.replace("%0A", "\n").replace("%0D", "").replace("%25", "%") for m in messages)


PEOPLE = {"sarif": sarif_text, "junit": junit_text, "github": github_text}


def reviewed_text(path: Path) -> str:
    """What a reviewer reads of a reviewed copy besides the draft: its comments and its header."""
    import docx

    document = docx.Document(str(path))
    texts = [comment.text for comment in document.comments]
    texts += [paragraph.text for section in document.sections for paragraph in section.header.paragraphs]
    return "\n".join(texts)


def _toml_comments(path: Path) -> str:
    return "\n".join(line.split("#", 1)[1] for line in path.read_text(encoding="utf-8").splitlines() if "#" in line)


HYPE = "公司技术水平遥遥领先，力争三年内市值突破千亿元。\n"
FAIL_ON = frozenset({"error", "warning", "info", "never"})


def _config_cases() -> list[tuple[str, str, str]]:
    """(label, file name, content): a bad config of each kind."""
    return [
        ("unknown key", "disclint.toml", 'selekt = ["HY"]\n'),
        ("close key", "disclint.toml", 'fail_on = "warning"\n'),
        ("invalid TOML", "disclint.toml", "select = [\n"),
        ("invalid TOML in pyproject", "pyproject.toml", "[tool.disclint\n"),
        ("not UTF-8", "disclint.toml", "\xff\xfe"),
        ("unknown rule", "disclint.toml", 'select = ["XX999"]\n'),
        ("select not a list", "disclint.toml", "select = 3\n"),
        ("bad fail-on", "disclint.toml", 'fail-on = "sometimes"\n'),
        ("bad exchange", "disclint.toml", 'exchange = "nyse"\n'),
        ("bad board", "disclint.toml", 'board = "moon"\n'),
        ("bad preset", "disclint.toml", 'preset = "paranoid"\n'),
        ("bad type", "disclint.toml", 'type = "novel"\n'),
        ("severity not a table", "disclint.toml", 'severity = "error"\n'),
        ("bad severity", "disclint.toml", '[severity]\nHY001 = "fatal"\n'),
        ("per-file-ignores not a table", "disclint.toml", 'per-file-ignores = "x"\n'),
        ("bad glob", "disclint.toml", '[per-file-ignores]\n"[" = ["HY"]\n'),
        ("glob not a string", "disclint.toml", "[per-file-types]\n\"*.txt\" = 3\n"),
        ("lexicons not a list", "disclint.toml", "lexicons = 3\n"),
        ("lexicon missing", "disclint.toml", 'lexicons = ["nowhere.toml"]\n'),
        ("lexicon empty", "disclint.toml", 'lexicons = ["empty-lexicon.toml"]\n'),
        ("lexicon bad TOML", "disclint.toml", 'lexicons = ["broken-lexicon.toml"]\n'),
        ("lexicon unknown rule", "disclint.toml", 'lexicons = ["badrule-lexicon.toml"]\n'),
        ("lexicon bad entry", "disclint.toml", 'lexicons = ["badentry-lexicon.toml"]\n'),
        ("suppressions not a list", "disclint.toml", 'suppressions = "x"\n'),
        ("suppression missing key", "disclint.toml", '[[suppressions]]\nfile = "*.txt"\n'),
        ("suppression unknown key", "disclint.toml", '[[suppressions]]\nfile = "*.txt"\ncode = "HY"\nexcerpt = "x"\nwhy = "y"\n'),
        ("suppression bad date", "disclint.toml", '[[suppressions]]\nfile = "*.txt"\ncode = "HY"\nexcerpt = "x"\nexpires = "soon"\n'),
        ("bad path", "disclint.toml", "baseline = 3\n"),
        ("bad review folder", "disclint.toml", 'review-folder = ""\n'),
        ("baseline in config missing", "disclint.toml", 'baseline = "nowhere.json"\n'),
    ]  # fmt: skip


TERM = '[[term]]\nrule = "HY001"\nmatch = "工艺领跑"\nreason = "绝对化表述"\nsource = "内部规定"\n'
SECTION = "[[section]]\npack = 'action_plan'\nid = 'outlook'\nname = '展望'\nsource = '000'\nexpects = '未来安排'\n"


def _team_lexicon_cases() -> list[tuple[str, str]]:
    """(label, content of team.toml): a team lexicon of each wrong shape a loader refuses."""
    return [
        ("team: cue key in a term table", 'cue = "否认"\n' + TERM),
        ("team: source not a string", 'source = ["000"]\n' + TERM),
        ("team: [[defaults]]", "[[defaults]]\n" + TERM),
        ("team: [source] value", "[source]\n'900' = 5\n" + TERM),
        ("team: cue with a source", "[cue.hedge]\npatterns = ['据悉']\nsource = ['a']\n" + TERM),
        ("team: cue unknown key", "[cue.hedge]\npatterns = ['据悉']\ncolour = 1\n" + TERM),
        ("team: date order missing after", "[[date_order]]\nbefore = '登记日'\n" + TERM),
        ("team: date order bad pattern", "[[date_order]]\nbefore = '登记日'\nafter = '(派息'\n" + TERM),
        ("team: date order strict", "[[date_order]]\nbefore = '登记日'\nafter = '派息日'\nstrict = 'yes'\n" + TERM),
        ("team: section unknown key", SECTION + "severity = 'info'\ntitle_words = ['展望']\n" + TERM),
        ("team: section min_keywords", SECTION + "severity = 'info'\nmin_keywords = 'two'\n" + TERM),
        ("team: section severity", SECTION + "severity = ['info']\n" + TERM),
        ("team: section condition", SECTION + "severity = 'info'\nwhen = 'sometimes'\n" + TERM),
        ("team: exponential pattern", "[[term]]\nrule = 'HY001'\npattern = '(a+)+$'\nreason = '绝对化'\nsource = '000'\n"),
        ("team: alternation pattern", "[[term]]\nrule = 'HY001'\npattern = '(?:领先|领先者)*的'\nreason = '绝对化'\nsource = '000'\n"),
        ("team: pattern that does not compile", "[[term]]\nrule = 'HY001'\npattern = '(领先'\nreason = '绝对化'\nsource = '000'\n"),
        ("team: match and pattern", "[[term]]\nrule = 'HY001'\nmatch = 'a'\npattern = 'b'\nreason = 'r'\nsource = 's'\n"),
        ("team: bad severity", TERM + "severity = 'fatal'\n"),
        ("team: unknown table", "[colours]\nred = 1\n" + TERM),
        ("team: cue override", "[cue.negation]\npatterns = ['(?:不再|没)+有']\n" + TERM),
    ]  # fmt: skip


def scenarios(root: Path) -> list[Scenario]:
    """Lay out the inputs under ``root`` (the working directory of the run) and list the command lines."""
    import fixtures_inputs as fx

    drafts = root / "drafts"
    drafts.mkdir()
    fx.write_txt(drafts / "plan.txt")
    fx.write_docx(drafts / "plan.docx")
    fx.write_pdf(drafts / "plan.pdf")
    (drafts / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0not really")
    bad = root / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02abc\x00")
    (bad / "latin1.txt").write_bytes("caf\xe9 \xff\xfe\xfd".encode("latin-1") * 3)
    (bad / "not.pdf").write_text("hello", encoding="utf-8")
    (bad / "cut.pdf").write_bytes((drafts / "plan.pdf").read_bytes()[:400])
    (bad / "not.docx").write_text("hello", encoding="utf-8")
    (bad / "cut.docx").write_bytes((drafts / "plan.docx").read_bytes()[:2000])
    (bad / "legacy.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    fx.write_pages(bad / "locked.pdf", [[(72, 72, "公司技术水平遥遥领先。", 12)]], encrypt=("secret", "owner"))
    fx.write_pages(bad / "blank.pdf", [[]])
    os.symlink(root / "nowhere.txt", bad / "dangling.txt")
    (bad / "bom.txt").write_bytes(b"\xff\xfe" + "公司".encode("utf-16-le") + b"\x00")  # UTF-16, an odd byte
    import zipfile

    with zipfile.ZipFile(bad / "nodocument.docx", "w") as package:
        package.writestr("notes.txt", "not Word")
    with zipfile.ZipFile(drafts / "plan.docx") as source, zipfile.ZipFile(bad / "sheet.docx", "w") as package:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                )
            package.writestr(item, data)
    empty_docx = bad / "empty.docx"
    fx.write_docx(empty_docx, [], extras=False)
    big = root / "big"
    big.mkdir()
    (big / "long.txt").write_text(HYPE * 3000, encoding="utf-8")
    lexicons = root / "lexicons"
    lexicons.mkdir()
    (lexicons / "empty-lexicon.toml").write_text("# nothing\n", encoding="utf-8")
    (lexicons / "broken-lexicon.toml").write_text("[[term]\n", encoding="utf-8")
    (lexicons / "badrule-lexicon.toml").write_text(
        '[[term]]\nmatch = "遥遥领先"\nrule = "ZZ001"\nreason = "夸大"\nsource = "内部"\n', encoding="utf-8"
    )
    (lexicons / "badentry-lexicon.toml").write_text(
        '[[term]]\nmatch = "遥遥领先"\nrule = "HY001"\nsource = "内部"\n', encoding="utf-8"
    )
    (root / "notes.json").write_text("{}", encoding="utf-8")
    (root / "garbage.json").write_text("not json", encoding="utf-8")
    (root / "out").mkdir()
    plan = "drafts/plan.txt"

    found: list[Scenario] = []
    add = found.append
    # ------------------------------------------------------------------ help
    for command in ([], ["check"], ["init"], ["annotate"], ["rules"], ["explain"]):
        name = " ".join(command) or "disclint"
        allowed = FAIL_ON if command == ["check"] else frozenset()
        add(Scenario("help", f"{name} --help", [*command, "--help"], allowed=allowed))
    add(Scenario("help", "disclint (no command)", []))
    add(Scenario("help", "--version", ["--version"]))
    # ------------------------------------------------------------------ usage errors
    usage = [
        ("unknown command", ["chekc"]),
        ("unknown option", ["check", "--formt", "json", plan]),
        ("option needs a value", ["check", plan, "--format"]),
        ("unknown format", ["check", "--format", "yaml", plan]),
        ("unknown type", ["check", "--type", "novel", plan]),
        ("unknown fail-on", ["check", "--fail-on", "sometimes", plan]),
        ("unknown exchange", ["check", "--exchange", "nyse", plan]),
        ("bad jobs", ["check", "--jobs", "many", plan]),
        ("negative jobs", ["check", "--jobs", "-1", plan]),
        ("bad timeout", ["check", "--timeout", "soon", plan]),
        ("bad max-file-size", ["check", "--max-file-size", "0", plan]),
        ("bad max-pages", ["check", "--max-pages", "0", plan]),
        ("statistics of sarif", ["check", "--statistics", "--format", "sarif", plan]),
        ("baseline and write-baseline", ["check", "--baseline", "a.json", "--write-baseline", "b.json", plan]),
        ("unknown select", ["check", "--select", "XX", plan]),
        ("no drafts in folder", ["check", "lexicons"]),
        ("no such path", ["check", "drafts/nowhere"]),
        ("missing config file", ["check", "--config", "nowhere.toml", plan]),
        ("flag with a value", ["check", "--no-cache=yes", plan]),
        ("rules --format", ["rules", "--format", "yaml"]),
        ("explain unknown", ["explain", "XX999"]),
        ("explain no code", ["explain"]),
        ("explain two codes", ["explain", "HY001", "PT001"]),
        ("annotate no path", ["annotate"]),
        ("annotate unknown type", ["annotate", "--type", "novel", plan]),
        ("init pyproject", ["init", "pyproject.toml"]),
    ]
    for label, argv in usage:
        add(Scenario("usage errors", label, argv, allowed=FAIL_ON if "fail-on" in label else frozenset()))
    # ------------------------------------------------------------------ check
    add(Scenario("check", "txt", ["check", plan]))
    add(Scenario("check", "docx", ["check", "drafts/plan.docx"]))
    add(Scenario("check", "pdf", ["check", "drafts/plan.pdf"]))
    add(Scenario("check", "folder (with a .doc)", ["check", "drafts"]))
    add(Scenario("check", "stdin", ["check", "-"], stdin=HYPE))
    add(Scenario("check", "stdin-filename", ["check", "-", "--stdin-filename", "x.md"], stdin=HYPE))
    add(Scenario("check", "clean", ["check", "-"], stdin="本公司将于2025年5月20日召开业绩说明会。\n"))
    add(Scenario("check", "statistics", ["check", "--statistics", "drafts"]))
    add(Scenario("check", "statistics json", ["check", "--statistics", "--format", "json", plan], stdout_is_data=True))
    add(Scenario("check", "exit-zero", ["check", "--exit-zero", plan]))
    add(Scenario("check", "strict", ["check", "--fail-on", "warning", plan]))
    add(Scenario("check", "select", ["check", "--select", "price_target", plan]))
    add(Scenario("check", "nothing selected", ["check", "--select", "HY", "--ignore", "HY", plan]))
    add(Scenario("check", "show-config", ["check", "--show-config", plan], allowed=FAIL_ON | {"all"}))
    add(Scenario("check", "show-config --type", ["check", "--type", "esop", "--show-config", plan], allowed=FAIL_ON))
    full = root / "full"
    full.mkdir()
    (full / "disclint.toml").write_text(
        'preset = "strict"\nselect = ["HY", "PT"]\nignore = ["ST003"]\ntype = "action_plan"\n'
        'lexicons = ["team.toml"]\nbaseline = "base.json"\ncache-dir = ".cache"\nreview-folder = "review"\n'
        '[severity]\nHY001 = "error"\n[per-file-ignores]\n"*.txt" = ["HY002"]\n'
        '[[suppressions]]\nfile = "*.txt"\ncode = "HY001"\nexcerpt = "遥遥领先"\nreason = "商标"\n',
        encoding="utf-8",
    )
    (full / "team.toml").write_text('[allow]\nphrases = ["领先者X1"]\n', encoding="utf-8")
    (full / "plan.txt").write_text(HYPE, encoding="utf-8")
    add(Scenario("check", "show-config of a full config", ["check", "--show-config", "full/plan.txt"],
                 allowed=FAIL_ON | {"all"}))  # fmt: skip
    for fmt in ("json", "github", "sarif", "junit"):
        add(Scenario("check", fmt, ["check", "--format", fmt, plan], stdout_is_data=True, people=PEOPLE.get(fmt)))
    for fmt in ("github", "sarif", "junit"):  # a Word draft's places and a PDF's pages, a file that cannot be read
        inputs = ["drafts/plan.docx", "drafts/plan.pdf", "bad/cut.docx"]
        add(Scenario("check", f"{fmt} of docx, pdf and unreadable", ["check", "--format", fmt, "--fail-on", "info", *inputs],
                     stdout_is_data=True, people=PEOPLE[fmt]))  # fmt: skip

    add(Scenario("check", "html of a pdf", ["check", "--format", "html", "-o", "out/pdf.html", "drafts/plan.pdf"],
                 html="out/pdf.html"))  # fmt: skip
    add(Scenario("check", "html of a docx", ["check", "--format", "html", "-o", "out/docx.html", "drafts/plan.docx"],
                 html="out/docx.html"))  # fmt: skip
    add(Scenario("check", "html of unreadable", ["check", "--format", "html", "-o", "out/bad.html", "bad"],
                 html="out/bad.html"))  # fmt: skip
    add(Scenario("check", "html of a folder", ["check", "--format", "html", "-o", "out/folder.html", "drafts"],
                 html="out/folder.html"))  # fmt: skip
    add(Scenario("check", "report over an input", ["check", plan, "-o", plan]))
    add(Scenario("check", "report into a folder", ["check", plan, "-o", "out"]))
    add(Scenario("check", "report into a missing folder", ["check", plan, "-o", "nowhere/report.txt"]))
    # ------------------------------------------------------------------ unreadable inputs, one by one
    for path in sorted(bad.iterdir()):
        add(Scenario("check: unreadable", path.name, ["check", f"bad/{path.name}"]))
    add(Scenario("check: unreadable", "a folder of them", ["check", "bad"]))
    add(Scenario("check: unreadable", "allow-empty", ["check", "--allow-empty", "bad/empty.txt", plan]))
    add(Scenario("check: unreadable", "debug", ["check", "--debug", "bad/cut.docx"]))
    # ------------------------------------------------------------------ limits and the time budget
    add(Scenario("check: limits", "max-file-size", ["check", "--max-file-size", "0.01", "big/long.txt"]))
    add(Scenario("check: limits", "max-lines", ["check", "--max-lines", "10", "big/long.txt"]))
    add(Scenario("check: limits", "max-chars", ["check", "--max-chars", "100", "big/long.txt"]))
    add(Scenario("check: limits", "max-pages", ["check", "--max-pages", "1", "drafts/plan.pdf"]))
    add(Scenario("check: limits", "max-page-objects", ["check", "--max-page-objects", "1", "drafts/plan.pdf"]))
    add(Scenario("check: limits", "max-unzipped-size", ["check", "--max-unzipped-size", "0.001", "drafts/plan.docx"]))
    add(Scenario("check: limits", "stdin over the limit", ["check", "--max-file-size", "0.001", "-"], stdin=HYPE * 100))
    add(Scenario("check: limits", "timeout", ["check", "--timeout", "0.000001", "--no-cache", "big/long.txt"]))
    # ------------------------------------------------------------------ configs
    for label, name, content in _config_cases():
        folder = root / "configs" / re.sub(r"\W+", "-", label)
        folder.mkdir(parents=True)
        data = content.encode("latin-1") if label == "not UTF-8" else content.encode("utf-8")
        (folder / name).write_bytes(data)
        for lexicon in lexicons.iterdir():
            (folder / lexicon.name).write_bytes(lexicon.read_bytes())
        (folder / "plan.txt").write_text(HYPE, encoding="utf-8")
        allowed = FAIL_ON | {"all", "default", "strict"}
        add(Scenario("check: config", label, ["check", str((folder / "plan.txt").relative_to(root))], allowed=allowed))
    for label, content in _team_lexicon_cases():
        folder = root / "configs" / re.sub(r"\W+", "-", label)
        folder.mkdir(parents=True)
        (folder / "disclint.toml").write_text('lexicons = ["team.toml"]\n', encoding="utf-8")
        (folder / "team.toml").write_text(content, encoding="utf-8")
        (folder / "plan.txt").write_text(HYPE, encoding="utf-8")
        add(Scenario("check: config", label, ["check", str((folder / "plan.txt").relative_to(root))], allowed=FAIL_ON))
    # ------------------------------------------------------------------ baseline
    add(Scenario("check: baseline", "write", ["check", "--write-baseline", "out/baseline.json", plan]))
    add(Scenario("check: baseline", "read", ["check", "--baseline", "out/baseline.json", plan]))
    add(Scenario("check: baseline", "missing", ["check", "--baseline", "nowhere.json", plan]))
    add(Scenario("check: baseline", "not a baseline", ["check", "--baseline", "notes.json", plan]))
    add(Scenario("check: baseline", "not JSON", ["check", "--baseline", "garbage.json", plan]))
    add(Scenario("check: baseline", "write into a folder", ["check", "--write-baseline", "out", plan]))
    add(
        Scenario(
            "check: baseline", "write into a missing folder", ["check", "--write-baseline", "nowhere/b.json", plan]
        )
    )
    # ------------------------------------------------------------------ rules, explain
    add(Scenario("rules", "rules", ["rules"]))
    add(Scenario("rules", "rules json", ["rules", "--format", "json"], stdout_is_data=True))
    from disclint.rules import all_rules
    from disclint.structure import DOC_TYPES

    for spec in all_rules():
        add(Scenario("explain", spec.code, ["explain", spec.code]))
    for name in DOC_TYPES:
        add(Scenario("explain", name, ["explain", name]))
    # ------------------------------------------------------------------ init
    add(
        Scenario(
            "init", "init", ["init", "out/disclint.toml"], extra=lambda: _toml_comments(root / "out" / "disclint.toml")
        )
    )
    add(Scenario("init", "init again", ["init", "out/disclint.toml"]))
    add(Scenario("init", "init into a folder", ["init", "out", "--force"]))
    add(Scenario("init", "init into a missing folder", ["init", "nowhere/disclint.toml"]))
    # ------------------------------------------------------------------ annotate
    add(Scenario("annotate", "docx", ["annotate", "drafts/plan.docx"]))
    add(Scenario("annotate", "pdf", ["annotate", "drafts/plan.pdf"]))
    add(Scenario("annotate", "txt to a file", ["annotate", plan, "-o", "out/plan.reviewed.docx"],
                 extra=lambda: reviewed_text(root / "out" / "plan.reviewed.docx")))  # fmt: skip
    add(Scenario("annotate", "pdf to a file", ["annotate", "drafts/plan.pdf", "-o", "out/pdf.reviewed.docx"],
                 extra=lambda: reviewed_text(root / "out" / "pdf.reviewed.docx")))  # fmt: skip
    add(Scenario("annotate", "unreadable", ["annotate", "bad/cut.docx"]))
    add(Scenario("annotate", "over the input", ["annotate", "drafts/plan.docx", "-o", "drafts/plan.docx"]))
    add(Scenario("annotate", "no such file", ["annotate", "nowhere.docx"]))
    add(Scenario("annotate", "into a missing folder", ["annotate", plan, "-o", "nowhere/plan.reviewed.docx"]))
    return found


# ------------------------------------------------------------------ the English screens

# Chinese that an English screen may show: names of what a user files or writes, and the review folder.
CHINESE_NAMES = ("提质增效重回报行动方案、估值提升计划、激励计划草案……", "证券代码", "审阅")
# Screens whose every line is interface (no findings, no rule content).
INTERFACE_ONLY = ("help", "usage errors", "check: config", "check: baseline", "check: limits", "check: unreadable")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
_PLURAL = re.compile(
    r"(?<![\d.,])1 (?:files|problems|findings|comments|sections|entries|rules|lines|pages|characters|errors)\b"
)


def chinese_words(text: str, names: tuple[str, ...] = CHINESE_NAMES) -> list[str]:
    """The runs of Chinese in an English screen that are not names (line breaks of wrapped help removed)."""
    joined = re.sub(r"\s*\n\s*", "", re.sub(r"'[^'\n]*'", " ", text))  # quoted: the user's own text
    return [run for run in _CJK.findall(joined) if not any(run in name for name in names)]


def wrong_plurals(text: str) -> list[str]:
    """ "1 files" and the like."""
    return _PLURAL.findall(text)


def english_problems(outcome: Outcome) -> list[str]:
    """What is wrong with a screen in English: a wrong plural anywhere, Chinese in the interface."""
    found = wrong_plurals(outcome.text)
    if outcome.scenario.command in INTERFACE_ONLY:
        text = outcome.text
        if outcome.scenario.command == "check: unreadable":  # the findings of a readable draft are Chinese
            text = "\n".join(line for line in text.splitlines() if line.startswith(("disclint", "Nothing", "No ")))
        found += chinese_words(text)
    found += labels_in_chinese(outcome.people)
    if outcome.scenario.html is not None:
        found += chinese_words(outcome.text.rpartition("\n\x00")[2], CHINESE_NAMES + report_names())
    if outcome.scenario.command in ("explain", "annotate"):  # the rules' content is Chinese, labels interface
        found += labels_in_chinese(outcome.text)
        found += [
            word for line in outcome.text.splitlines() if line.startswith("disclint") for word in chinese_words(line)
        ]
    return found


# A line of a data format's people text that opens with a short Chinese label (依据：, 第3页): the
# finding's own content (its message, clause, suggestion) follows an interface label, never opens a line.
_CHINESE_LABEL = re.compile(
    r"^\s*(?:[\u4e00-\u9fff]{1,4}：|第\d+页$|\[[\u4e00-\u9fff]|[\u4e00-\u9fff]{1,6}（[^）]*）：$)", re.MULTILINE
)


def _rule_content() -> set[str]:
    """The rules' own Chinese (summary, rationale, suggestion, examples): content that may open a line."""
    from disclint.rules import all_rules

    return {
        text.strip()
        for spec in all_rules()
        for text in (spec.summary, spec.rationale, spec.suggestion or "", *spec.bad, *spec.good)
        if text
    }


def labels_in_chinese(people: str) -> list[str]:
    """Chinese interface in the people text of a data format or explain in English: labels, page and
    exchange names, and the whole line that says a file cannot be read."""
    content = _rule_content()
    kept = "\n".join(line for line in people.splitlines() if line.strip() not in content)
    found = [match.group().strip() for match in _CHINESE_LABEL.finditer(kept)]
    for line in people.splitlines():
        if "cut.docx" in line:
            found += chinese_words(line)
    return found


def run_one(scenario: Scenario, *, english: bool = False) -> Outcome:
    """Run one scenario; ``english``: the run is in English (then the template of init, Chinese, is not read)."""
    if scenario.before is not None:
        scenario.before()
    result = invoke(scenario.argv, input=scenario.stdin)
    text = result.stderr if scenario.stdout_is_data else result.stdout + "\n" + result.stderr
    people = scenario.people(result.stdout) if scenario.people is not None else ""
    text += "\n" + people
    if scenario.html is not None:
        try:
            page = Path(scenario.html).read_text(encoding="utf-8")
        except FileNotFoundError:
            text += "\n(missing report)"
        else:  # in Chinese every word of the page counts; in English its interface
            text += "\n\x00" + (html_interface(page) if english else _html_text(page))
    if scenario.extra is not None and not (english and scenario.command == "init"):
        try:
            text += "\n" + scenario.extra()
        except FileNotFoundError:
            text += "\n(missing output)"
    outcome = Outcome(scenario, result.exit_code, text, people=people)
    outcome.english = english_problems(outcome) if english else english_words(text, scenario.allowed)
    return outcome


def sweep(root: Path) -> Iterator[Outcome]:
    """Run every scenario with ``root`` as the working directory (restored afterwards), in the language
    ``DISCLINT_LANG`` sets; each outcome lists what is wrong for that language (English words in
    Chinese; Chinese interface words and wrong plurals in English)."""
    from disclint.i18n import is_chinese

    english = not is_chinese()
    listed = scenarios(root)
    saved = os.getcwd()
    os.chdir(root)
    try:
        for scenario in listed:
            yield run_one(scenario, english=english)
    finally:
        os.chdir(saved)


def main(argv: list[str]) -> int:
    """Print what is left on each screen, by command: English words (or, with ``--lang=en``, Chinese
    interface words and wrong plurals); ``-v`` prints the screens too."""
    import tempfile

    os.environ["DISCLINT_LANG"] = "en" if "--lang=en" in argv else "zh"
    os.environ["DISCLINT_NO_CACHE"] = "1"
    verbose = "-v" in argv
    by_command: dict[str, list[Outcome]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for outcome in sweep(Path(folder)):
            by_command.setdefault(outcome.scenario.command, []).append(outcome)
    total = 0
    for command, outcomes in by_command.items():
        words = sorted({word for outcome in outcomes for word in outcome.english})
        screens = [outcome for outcome in outcomes if outcome.english]
        total += len(screens)
        print(f"{command}: {len(screens)} of {len(outcomes)} screens wrong; {len(words)} words")
        for outcome in screens:
            print(f"  {outcome.scenario.label} (exit {outcome.status}): {' '.join(outcome.english)}")
            if verbose:
                print("    " + outcome.text.strip().replace("\n", "\n    "))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
