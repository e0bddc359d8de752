"""Private local paths and the user names inside them stay off the site by default.

The rule (redact.py, SECURITY.md): a home path is shown as ``~``; a user name found in
one is hidden wherever it stands as a word of its own, but a name that is also a common
English word is hidden only inside paths, URLs, addresses and identifiers.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from studykb.cli import main as studykb_main
from studykb.config import Config
from studykb.diagnostics import Level
from studykb.pipeline import load
from studykb.redact import make_redactor, user_names
from tests.conftest import SEED, make_project, mkdocs_build, visible_text


@pytest.mark.parametrize("line, shown", [
    ("- Repository: /Users/lukelee/Study/repo", "- Repository: ~/Study/repo"),
    ("see /home/alice/code and /homework/a", "see ~/code and /homework/a"),
    (r"- Repository: C:\Users\bob\study\repo", r"- Repository: ~\study\repo"),
    ("/root/.cache/x", "~/.cache/x"),
    ("https://example.org/Users/bob/a", "https://example.org/Users/bob/a"),
    ("~/already/relative", "~/already/relative"),
    # the shapes that got through before
    ("WSL: /mnt/c/Users/lukelee/proj", "WSL: ~/proj"),
    (r"share: \\fileserver\Users\lukelee\proj", r"share: ~\proj"),
    (r"share: \\fileserver\c$\Users\lukelee\proj", r"share: ~\proj"),
    ("?path=%2FUsers%2Flukelee%2Fproj", "?path=~%2Fproj"),
    ("C%3A%5CUsers%5CJohn%20Smith%5Cproj", "~%5Cproj"),
    ("<file:///Users/lukelee/proj/a.py>", "<file://~/proj/a.py>"),
    (r"C:\Users\John Smith\Documents\a.py", r"~\Documents\a.py"),
    ("C:/Users/lukelee/proj", "~/proj"),
    (r'"C:\\Users\\lukelee\\proj"', r'"~\\proj"'),
    (r"C:\Users\bob is where it was", "~ is where it was"),
])
def test_home_paths_are_redacted(line, shown):
    assert make_redactor(Config(root=None))(line) == shown


def test_the_names_are_taken_from_every_shape_of_home_path():
    lines = ["/mnt/c/Users/wslname/x", r"\\server\Users\uncname\x", "a=%2Fhome%2Fencname%2Fx",
             "file:///Users/fileurlname/x", r"C:\Users\John Smith\x", "C:/Users/FwdName/x",
             "/home/user/x", "/Users/Shared/x", "/home/pi/x"]
    assert user_names(lines) == {"wslname", "uncname", "encname", "fileurlname", "john smith", "john", "smith",
                                 "fwdname"}


def test_user_names_from_paths_are_hidden_elsewhere_but_generic_ones_are_not():
    lines = ["- Repository: /Users/lukelee/Study/repo", "- Host: /home/user/x", "ssh lukelee@box, User language"]
    redact = make_redactor(Config(root=None), user_names(lines))
    assert redact(lines[2]) == "ssh [user]@box, User language"


@pytest.mark.parametrize("line, shown", [
    ("LUKELEE wrote this, as did Lukelee", "[user] wrote this, as did [user]"),
    ("backups in lukelee_2 and lukelee2, mail lukelee@box", "backups in [user]_2 and [user]2, mail [user]@box"),
    ("a=%2Flukelee%2Fx and a%2flukelee", "a=%2F[user]%2Fx and a%2f[user]"),
    ("lukelee's notes (lukelee).", "[user]'s notes ([user])."),
    ("lukeleeish and mylukelee are other words", "lukeleeish and mylukelee are other words"),
])
def test_a_distinctive_name_is_hidden_wherever_it_is_a_word_of_its_own(line, shown):
    assert make_redactor(Config(root=None), {"lukelee"})(line) == shown


@pytest.mark.parametrize("line, shown", [
    ("It will be passed on. Will it? WILL IT!", "It will be passed on. Will it? WILL IT!"),
    ("**will**, _will_, `will`, (will), will-power, willing", "**will**, _will_, `will`, (will), will-power, willing"),
    ("ssh will@laptop; @will said so", "ssh [user]@laptop; @[user] said so"),
    ("~/will/notes, D:\\data\\will\\x, github.com/will/repo", "~/[user]/notes, D:\\data\\[user]\\x, github.com/[user]/repo"),
    ("will_2, will2, a%2Fwill", "[user]_2, [user]2, a%2F[user]"),
    ("it will/won't work", "it [user]/won't work"),  # a slash makes a path: the rule's cost
])
def test_a_name_that_is_a_common_word_is_hidden_only_in_paths_and_identifiers(line, shown):
    redact = make_redactor(Config(root=None), user_names(["/Users/will/x"]))
    assert redact(line) == shown


def test_the_path_a_log_is_published_under_hides_every_name():
    redact = make_redactor(Config(root=None), {"lukelee", "will"})
    assert redact.path("sessions/lukelee/notes-LukeLee.md") == "sessions/[user]/notes-[user].md"
    assert redact.path("sessions/will/will-it-work.md") == "sessions/[user]/[user]-it-work.md"
    assert redact.path("sessions/willpower.md") == "sessions/willpower.md"
    assert redact.path("/Users/lukelee/notes/a.md") == "~/notes/a.md"


def test_redaction_can_be_turned_off(tmp_path):
    root = make_project(tmp_path, {"dlfs2.md": SEED.read_bytes()})
    shown = load(Config(root=root, redact_paths=False)).knowledge.sessions[0].fields[0].value
    hidden = load(Config(root=root)).knowledge.sessions[0].fields[0].value
    assert shown == "/Users/lukelee/Study/deep-learning-from-scratch-2/repo"
    assert hidden == "~/Study/deep-learning-from-scratch-2/repo"


def test_extra_patterns_are_redacted(tmp_path):
    root = make_project(tmp_path, {"a.md": "## Session: 2026-01-01 10:00 UTC\n- Token: sk-abc123secret\n"})
    value = load(Config(root=root, redact_patterns=(r"sk-[A-Za-z0-9]+",))).knowledge.sessions[0].fields[0].value
    assert value == "[redacted]"


NAMED_LOG = """# Notes of lukelee
## Session: 2026-01-01 10:00 UTC
- Repository: /Users/lukelee/Study/repo
- Goal: ask LUKELEE_bot
- Planned: something
"""


def test_a_log_is_published_under_its_path_with_the_names_hidden(tmp_path):
    root = make_project(tmp_path, {"lukelee/notes-lukelee.md": NAMED_LOG, "notes-[user].md": "# Other\n"})
    loaded = load(Config(root=root))
    log = next(log for log in loaded.knowledge.logs if log.entries)
    assert log.path == "sessions/[user]/notes-[user].md" and log.title == "Notes of [user]"
    assert loaded.knowledge.sessions[0].source.path == log.path
    assert sorted(l.path for l in loaded.knowledge.logs) == ["sessions/[user]/notes-[user].md",
                                                              "sessions/notes-[user].md"]


def test_two_logs_that_would_be_published_under_one_path_are_told_apart(tmp_path):
    root = make_project(tmp_path, {"a/notes-lukelee.md": NAMED_LOG, "a/notes-bobbyjoe.md": "- x: /home/bobbyjoe/x\n"})
    paths = sorted(log.path for log in load(Config(root=root)).knowledge.logs)
    assert paths == ["sessions/a/notes-[user]-2.md", "sessions/a/notes-[user].md"]


def test_diagnostics_name_the_real_file_and_where_a_name_is_hidden_outside_a_path(tmp_path):
    root = make_project(tmp_path, {"lukelee/notes-lukelee.md": NAMED_LOG})
    diagnostics = load(Config(root=root)).diagnostics
    real = "sessions/lukelee/notes-lukelee.md"
    assert {d.path for d in diagnostics} == {real}
    infos = {(d.line, d.message) for d in diagnostics if d.level is Level.INFO}
    assert (1, "the path holds private text; published as sessions/[user]/notes-[user].md") in infos
    assert {line for line, message in infos if "user name" in message} == {1, 4}  # not line 3: a home path


def test_make_check_prints_where_a_name_is_hidden_outside_a_path(tmp_path, capsys):
    root = make_project(tmp_path, {"a.md": NAMED_LOG})
    studykb_main(["check", "--root", str(root)])
    assert "sessions/a.md:4: info: a user name from a home path is also here; shown as [user]" in capsys.readouterr().err


VOCABULARY = r"""terms:
  - term: vocabname trick
    aliases: [lukelee method]
    definition: kept in C:\Users\vocabname\notes, and lukelee's
"""


def test_the_vocabulary_is_redacted_as_the_logs_are(tmp_path):
    root = make_project(tmp_path, {"a.md": NAMED_LOG, "vocabulary.yml": VOCABULARY})
    concept = next(c for c in load(Config(root=root)).knowledge.concepts if c.name == "[user] trick")
    assert concept.aliases == ("[user] method",)
    assert [d.text for d in concept.definitions] == ["kept in ~\\notes, and [user]'s"]
    assert concept.definitions[0].source.path == "sessions/vocabulary.yml"


# --- one real build: nothing of the names anywhere in site/ ---------------------------

PLANTED = {
    "lukelee/notes-lukelee.md": r"""# Notes of lukelee
## Session: 2026-01-01 10:00 UTC
- Repository: /Users/lukelee/Study/repo
- Goal: find every shape of home path
- Topics covered:
- WSL: /mnt/c/Users/wslname/proj
- a share: \\fileserver\Users\uncname\proj
- URL-encoded: http://localhost:8888/tree?path=%2FUsers%2Fencname%2Fproj
- a file URL: file:///Users/fileurlname/proj/a.py
- a profile with a space: C:\Users\Zarah Quillfeather\proj
- forward slashes: C:/Users/fwdname/proj
- the names again: LUKELEE, lukelee_2, a%2Flukelee, ssh lukelee@box, Quillfeather's, fwdname.
""",
    "plans.md": """# Plans
## Session: 2026-01-02 10:00 UTC
- Repository: /Users/will/code/project
- Goal: Will it work? It will be passed on, and I will check it.
- Topics covered:
- the model will converge if the rate is small; will-power helps (ssh will@laptop)
""",
    "vocabulary.yml": r"""terms:
  - term: vocabname trick
    aliases: [wslname method]
    definition: kept in C:\Users\vocabname\notes by lukelee
""",
}
PRIVATE = ("lukelee", "wslname", "uncname", "encname", "fileurlname", "zarah", "quillfeather", "fwdname", "vocabname")


def readable_bytes(path: Path) -> bytes:
    """A file's bytes, gzip ones (sitemap.xml.gz, the Pagefind index) decompressed."""
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


@pytest.mark.slow
def test_no_planted_name_reaches_the_built_site_and_prose_keeps_its_words(tmp_path):
    project = make_project(tmp_path, PLANTED)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    site = project / "site"
    for path in site.rglob("*"):
        where = path.relative_to(site).as_posix().lower()
        data = readable_bytes(path).lower() if path.is_file() else b""
        for name in PRIVATE:
            assert name not in where, f"{name} in the name of {where}"
            assert name.encode() not in data, f"{name} in {where}"
    logs = json.loads((site / "kb.json").read_text("utf-8"))["logs"]
    assert {log["path"] for log in logs} == {"sessions/[user]/notes-[user].md", "sessions/plans.md"}
    plans = visible_text((site / "sessions" / "2026-01-02-1000" / "index.html").read_text("utf-8"))
    assert "Will it work? It will be passed on, and I will check it." in plans
    assert "the model will converge if the rate is small; will-power helps (ssh [user]@laptop)" in plans
    assert "will@laptop" not in plans and "/Users/will" not in plans
