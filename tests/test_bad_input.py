"""Bad input a learner could write: each is reported as ``file:line: level: message``,
never a traceback, and the rest of the site is still built."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from studykb import sources
from studykb.config import Config, load_config
from studykb.pipeline import load
from studykb.slugs import check_slug, log_slugs, make_slug
from tests.conftest import make_project, mkdocs_build

GOOD = "## Session: 2026-03-01 10:00 UTC\n- User language: English\n- Topics covered:\n- `epoch` basics\n"
LATER = GOOD.replace("10:00", "11:00")
VOCABULARY = "sessions/vocabulary.yml"


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studykb", "check", "--root", str(project)],
                          capture_output=True, text=True)


def reported(project: Path) -> list[str]:
    """What ``make check`` reports, as load() finds it (mkdocs.yml's settings included)."""
    return [str(d) for d in load(load_config(project)).diagnostics]


# --- experiment parameters ---------------------------------------------------------

def test_a_5000_digit_parameter_is_reported_and_its_run_cannot_run(tmp_path):
    project = make_project(tmp_path, {"a.md": GOOD + "- LR sweep executed: `" + "1" * 5000 + "`\n"})
    result = check(project)
    assert "Traceback" not in result.stderr and result.returncode == 0
    assert ("sessions/a.md:5: warning: ch01-lr-sweep: cannot run: learning rate >1e308 > 100"
            in result.stderr.splitlines())
    (ref,) = load(Config(root=project)).knowledge.experiment_refs
    assert ref.run_id == "lr-inf"


def test_parameters_out_of_bounds_are_reported_on_their_line(tmp_path):
    line = "- LR sweep executed: `0.1, 1` `epochs=1e9` `n_seeds=100000`\n"
    project = make_project(tmp_path, {"a.md": GOOD + line})
    assert reported(project) == [
        "sessions/a.md:5: warning: ch01-lr-sweep: cannot run: epochs 1000000000 > 5000",
        "sessions/a.md:5: warning: ch01-lr-sweep: cannot run: seeds 100000 > 50",
    ]
    (ref,) = load(Config(root=project)).knowledge.experiment_refs
    assert ref.run_id == "lr-0.1-1_epochs-1000000000_seeds-100000"


# --- logs whose names make the same page name ---------------------------------------

def test_logs_whose_names_slug_alike_get_distinct_source_pages(tmp_path):
    project = make_project(tmp_path, {"week 1.md": GOOD, "week-1.md": LATER})
    knowledge = load(Config(root=project)).knowledge
    assert knowledge.log_slugs == {"sessions/week-1.md": "week-1", "sessions/week 1.md": "week-1-2"}
    result = check(project)
    assert result.returncode == 0
    assert ("sessions/week 1.md:1: warning: its name makes the same page name as sessions/week-1.md (week-1); "
            "its source page is week-1-2") in result.stderr.splitlines()


def test_a_log_already_named_as_its_slug_keeps_it_and_the_others_follow_in_path_order():
    paths = ["sessions/Week 1.md", "sessions/week 1.md", "sessions/week-1.md", "sessions/a/b.md", "sessions/a b.md"]
    assert log_slugs(paths) == {"sessions/week-1.md": "week-1", "sessions/Week 1.md": "week-1-2",
                                "sessions/week 1.md": "week-1-3", "sessions/a b.md": "a-b", "sessions/a/b.md": "a-b-2"}


@pytest.mark.parametrize("name", ["con", "CON", "Nul", "aux", "prn", "com0", "com1", "COM9", "lpt0", "lpt1", "lpt9", "com\u00b9"])
def test_names_windows_cannot_create_are_suffixed(name):
    base = re.sub(r"\W", "", name.lower().replace("\u00b9", "1"))
    assert make_slug(name) == f"{base}-page"
    with pytest.raises(ValueError):
        check_slug(base)


@pytest.mark.parametrize("name, slug", [("con.txt", "con-txt"), ("console", "console"), ("com10", "com10"),
                                        ("lpt", "lpt"), ("my con", "my-con")])
def test_names_that_only_contain_a_windows_name_are_left_alone(name, slug):
    assert make_slug(name) == slug


def test_a_log_named_con_gets_a_source_page_windows_can_create(tmp_path):
    knowledge = load(Config(root=make_project(tmp_path, {"con.md": GOOD, "AUX.md": LATER}))).knowledge
    assert sorted(knowledge.log_slugs.values()) == ["aux-page", "con-page"]


# --- the vocabulary file --------------------------------------------------------------

@pytest.mark.parametrize("vocabulary, expected", [
    ("terms:\n  - term: foo\n    definition: 42\n",
     ["3: warning: `definition:` is a number (42), not text; read as written (quote it to say it is text)"]),
    ("- a\n- b\n", ["1: error: expected `terms:` and `ignore:`, not a list; the file is not used"]),
    ("terms:\n  - term: foo\n    aliases: 5\n",
     ["3: warning: `aliases:` is a number (5), not text; read as written (quote it to say it is text)"]),
    ("terms:\n  - term: foo\n    aliases: {a: 1}\n",
     ["3: warning: `aliases:` should be a list of text, not a mapping; ignored"]),
    ("terms: foo\n", ["1: error: `terms:` should be a list of `- term: ...` entries, not text; not used"]),
    ("terms:\n  foo: a fruit\n", ["2: error: `terms:` should be a list of `- term: ...` entries, not a mapping; not used"]),
    ("terms:\n  - foo\n  - 7\n  - term: bar\n",
     ["2: warning: a terms entry should be a mapping like `- term: epoch`, not text; skipped",
      "3: warning: a terms entry should be a mapping like `- term: epoch`, not a number; skipped"]),
    ("terms:\n  - definition: no name\n", ["2: warning: terms entry has no `term:`; skipped"]),
    ("terms:\n  - term: [a, b]\n",
     ["2: warning: `term:` should be text, not a list; ignored", "2: warning: terms entry has no `term:`; skipped"]),
    ("ignore: 5\n", ["1: warning: `ignore:` is a number (5), not text; read as written (quote it to say it is text)"]),
    ("ignore:\n  - {a: 1}\n", ["2: warning: `ignore:` should be text, not a mapping; ignored"]),
    ("terms:\n  - term: foo\n    chapter: one\n", ["3: warning: `chapter:` should be a whole number, not 'one'; ignored"]),
    ("terms:\n  - term: foo\n    alias: bar\n",
     ["3: warning: unknown key 'alias' in a terms entry (expected term, aliases, definition, chapter); ignored"]),
    ("glossary:\n  - term: foo\n", ["1: warning: unknown section 'glossary' (expected `terms:`, `ignore:` or `labels:`); ignored"]),
    ("terms:\n  - term: step size\n  - term: Step Size\n    definition: how far\n",
     ["3: warning: term 'Step Size' is also at line 2; the two entries are merged"]),
    ("terms: [\n", ["2: error: vocabulary file is not valid YAML: did not find expected node content"]),
    ("terms:\n\t- term: x\n", ["2: error: vocabulary file is not valid YAML: found character that cannot start any token"]),
    ("", []),
    ("# nothing yet\n", []),
    ("terms:\nignore:\n", []),
])
def test_vocabulary_problems_are_reported_at_their_line(tmp_path, vocabulary, expected):
    project = make_project(tmp_path, {"a.md": GOOD})
    (project / VOCABULARY).write_text(vocabulary, encoding="utf-8")
    loaded = load(Config(root=project))
    assert [str(d) for d in loaded.diagnostics] == [f"{VOCABULARY}:{e}" for e in expected]


def test_vocabulary_values_are_used_as_written(tmp_path):
    vocabulary = ("terms:\n  - term: zorb rate\n    aliases: ZR\n"
                  "  - term: 1984\n    definition: 42\n  - term: blorp size\n  - term: Blorp Size\n"
                  "    definition: how far one update moves\n    aliases: [blorp]\n")
    project = make_project(tmp_path, {"a.md": GOOD})
    (project / VOCABULARY).write_text(vocabulary, encoding="utf-8")
    concepts = {c.name: c for c in load(Config(root=project)).knowledge.concepts}
    assert concepts["zorb rate"].aliases == ("ZR",)
    assert [(d.text, str(d.source)) for d in concepts["1984"].definitions] == [("42", f"{VOCABULARY}:4")]
    assert "Blorp Size" not in concepts
    assert concepts["blorp size"].aliases == ("blorp",)
    assert [(d.text, str(d.source)) for d in concepts["blorp size"].definitions] == [
        ("how far one update moves", f"{VOCABULARY}:6")]


def test_a_vocabulary_file_that_cannot_be_read_is_reported(tmp_path):
    project = make_project(tmp_path, {"a.md": GOOD})
    (project / VOCABULARY).mkdir()
    assert reported(project) == [f"{VOCABULARY}:1: error: cannot read the vocabulary file: Is a directory"]
    (project / VOCABULARY).rmdir()
    (project / VOCABULARY).write_bytes(b"terms:\n  - term: caf\xe9\n")
    assert reported(project) == [f"{VOCABULARY}:1: error: vocabulary file is not UTF-8 text (invalid continuation byte); "
                                 "not used"]


def test_a_vocabulary_file_linked_from_outside_sessions_is_not_followed(tmp_path):
    outside = tmp_path / "private.yml"
    outside.write_text("terms:\n  - term: hunter2\n", encoding="utf-8")
    (tmp_path / "p").mkdir()
    project = make_project(tmp_path / "p", {"a.md": GOOD})
    os.symlink(outside, project / VOCABULARY)
    result = check(project)
    assert f"{VOCABULARY}:1: error: symbolic link pointing outside sessions/; not followed" in result.stderr.splitlines()
    assert result.returncode == 1
    assert "hunter2" not in {c.name for c in load(Config(root=project)).knowledge.concepts}


def test_a_vocabulary_file_linked_inside_sessions_is_read(tmp_path):
    project = make_project(tmp_path, {"a.md": GOOD})
    (project / "sessions" / "terms.yml").write_text("terms:\n  - term: zorblax\n", encoding="utf-8")
    os.symlink(project / "sessions" / "terms.yml", project / VOCABULARY)
    assert "zorblax" in {c.name for c in load(Config(root=project)).knowledge.concepts}


# --- settings in mkdocs.yml -------------------------------------------------------------

def with_settings(project: Path, settings: str) -> Path:
    """mkdocs.yml with ``settings`` (YAML lines) as its ``extra: studykb:`` section."""
    config = project / "mkdocs.yml"
    text = re.sub(r"\n  studykb:\n(?:    .*\n)*", "\n  studykb:\n" + "".join(f"    {s}\n" for s in settings.splitlines()),
                  config.read_text(encoding="utf-8"))
    assert "  studykb:\n    " + settings.splitlines()[0] in text
    config.write_text(text, encoding="utf-8")
    return project


def line_of(project: Path, text: str) -> int:
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


@pytest.mark.parametrize("settings, at, level, message, used", [
    ("watchlist_window: three", "watchlist_window", "error",
     'watchlist_window should be a whole number of sessions, 1 or more, not "three"; the default 3 is used',
     {"watchlist_window": 3}),
    ("watchlist_window: 0", "watchlist_window", "error",
     "watchlist_window should be a whole number of sessions, 1 or more, not 0; the default 3 is used",
     {"watchlist_window": 3}),
    ("watchlist_window: true", "watchlist_window", "error",
     "watchlist_window should be a whole number of sessions, 1 or more, not true; the default 3 is used",
     {"watchlist_window": 3}),
    ("redact_paths: 'no'", "redact_paths", "error",
     'redact_paths should be true or false, not "no"; the default true is used', {"redact_paths": True}),
    ("redact_patterns: secret", "redact_patterns", "warning",
     "redact_patterns should be a list of regular expressions; 'secret' is read as a list of one",
     {"redact_patterns": ("secret",)}),
    ("redact_patterns: {a: 1}", "redact_patterns", "error",
     'redact_patterns should be a list of regular expressions, not {"a": 1}; the default [] is used',
     {"redact_patterns": ()}),
    ("redact_patterns:\n  - 'sk-[a-z]+'\n  - '(unclosed'", "(unclosed", "error",
     "redact pattern '(unclosed' is not a valid regular expression (missing ), unterminated subpattern at "
     "position 0); it is left out, and what it should hide is shown", {"redact_patterns": ("sk-[a-z]+",)}),
    ("redact_patterns: [5]", "redact_patterns", "error",
     "redact pattern 5 is not a regular expression; it is left out, and what it should hide is shown",
     {"redact_patterns": ()}),
    ("sessions_dir: 5", "sessions_dir", "error",
     'sessions_dir should be a folder inside the project (a relative path), not 5; the default "sessions" is used',
     {"sessions_dir": "sessions"}),
    ("generated_dir: ../elsewhere", "generated_dir", "error",
     'generated_dir should be a folder inside the project (a relative path), not "../elsewhere"; '
     'the default "docs/generated" is used', {"generated_dir": "docs/generated"}),
    ("generated_dir: /tmp/x", "generated_dir", "error",
     'generated_dir should be a folder inside the project (a relative path), not "/tmp/x"; '
     'the default "docs/generated" is used', {"generated_dir": "docs/generated"}),
    ("watchlist_windows: 4", "watchlist_windows", "warning",
     "unknown setting 'watchlist_windows' under extra: studykb: (known: sessions_dir, generated_dir, "
     "watchlist_window, redact_paths, redact_patterns", {"watchlist_window": 3}),
])
def test_a_setting_of_the_wrong_kind_is_reported_at_its_line_and_its_default_used(
        tmp_path, settings, at, level, message, used):
    project = with_settings(make_project(tmp_path, {"a.md": GOOD}), settings)
    config = load_config(project)
    (problem,) = [str(d) for d in config.problems]
    assert problem.startswith(f"mkdocs.yml:{line_of(project, at)}: {level}: {message}")
    assert {name: getattr(config, name) for name in used} == used
    assert [str(d) for d in load(config).diagnostics] == [str(d) for d in config.problems]


def test_a_single_redact_pattern_hides_what_it_names_not_every_letter_of_it(tmp_path):
    log = GOOD + "- Note: the secret is out, said Tess\n"
    project = with_settings(make_project(tmp_path, {"a.md": log}), "redact_patterns: secret")
    text = "\n".join(load(load_config(project)).knowledge.logs[0].lines)
    assert "secret" not in text and "said Tess" in text


def test_the_studykb_section_itself_of_the_wrong_kind(tmp_path):
    project = make_project(tmp_path, {"a.md": GOOD})
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"\n  studykb:\n(?:    .*\n)*", "\n  studykb: 5\n", config.read_text()), encoding="utf-8")
    assert [str(d) for d in load_config(project).problems] == [
        f"mkdocs.yml:{line_of(project, 'studykb: 5')}: error: extra: studykb: should be a mapping of settings; "
        "the defaults are used"]


def test_check_reports_settings_and_exits_non_zero_on_an_error(tmp_path):
    project = with_settings(make_project(tmp_path, {"a.md": GOOD}), "watchlist_window: -1")
    result = check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"mkdocs.yml:{line_of(project, 'watchlist_window')}: error: watchlist_window" in result.stderr


# --- the log files themselves ---------------------------------------------------------------

@pytest.mark.parametrize("before", ["", "x" * 20_000 + "\n"], ids=["early", "late"])
def test_a_nul_byte_early_or_late_in_a_log_keeps_the_log(tmp_path, before):
    log = before + GOOD.replace("English", "Eng\x00lish")
    project = make_project(tmp_path, {"a.md": log})
    loaded = load(Config(root=project))
    line = 3 if before else 2
    assert [str(d) for d in loaded.diagnostics] == [
        f"sessions/a.md:{line}: warning: control character in the line; shown as its symbol (e.g. \u241f)"]
    assert loaded.knowledge.sessions[0].fields[0].value == "Eng\u2400lish"


def test_a_file_of_mostly_nul_bytes_is_still_binary():
    assert sources.is_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert sources.is_binary("log".encode("utf-16-le"))
    assert not sources.is_binary(GOOD.replace("English", "Eng\x00lish").encode())
    assert not sources.is_binary(GOOD.encode())


def test_a_utf16_log_is_read(tmp_path):
    project = make_project(tmp_path, {"a.md": GOOD.encode("utf-16")})
    loaded = load(Config(root=project))
    assert [str(d) for d in loaded.diagnostics] == ["sessions/a.md:1: info: UTF-16 text; read as such (UTF-8 is expected)"]
    assert loaded.knowledge.sessions[0].fields[0].value == "English"


def test_a_folder_named_like_a_log_is_a_folder(tmp_path):
    project = make_project(tmp_path, {"x.md/inner.md": GOOD})
    loaded = load(Config(root=project))
    assert [log.path for log in loaded.knowledge.logs] == ["sessions/x.md/inner.md"] and not loaded.diagnostics


def test_a_pipe_or_a_dangling_link_named_like_a_log_is_skipped_with_an_error(tmp_path):
    project = make_project(tmp_path, {"a.md": GOOD})
    os.mkfifo(project / "sessions" / "pipe.md")  # reading it would wait forever
    os.symlink(project / "sessions" / "gone.txt", project / "sessions" / "dangling.md")
    assert reported(project) == ["sessions/dangling.md:1: error: symbolic link to nothing; skipped",
                                 "sessions/pipe.md:1: error: not a regular file; skipped"]
    assert len(load(Config(root=project)).knowledge.sessions) == 1


def test_a_huge_file_is_skipped_unread(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"a.md": GOOD, "dump.md": "x" * (3 * 2**20)})
    monkeypatch.setattr(sources, "MAX_LOG_BYTES", 2 * 2**20)
    assert reported(project) == ["sessions/dump.md:1: error: file of 3 MiB, larger than a log can be (2 MiB); skipped"]


@pytest.mark.parametrize("stamp, message", [
    ("0001-01-01 00:00 +14:00", "year 1 is out of range (1970 to 2199); the session is kept undated"),
    ("9999-12-31 23:59 -12:00", "year 9999 is out of range (1970 to 2199); the session is kept undated"),
    ("99999-03-01 10:00 UTC", "session header has a broken timestamp '99999-03-01 10:00 UTC' "
                              "(expected 'YYYY-MM-DD HH:MM:SS TZ')"),
])
def test_an_absurd_date_leaves_the_session_undated(tmp_path, stamp, message):
    project = make_project(tmp_path, {"a.md": GOOD.replace("2026-03-01 10:00 UTC", stamp), "b.md": LATER})
    loaded = load(Config(root=project))
    assert f"sessions/a.md:1: error: {message}" in [str(d) for d in loaded.diagnostics]
    assert [s.id for s in loaded.knowledge.sessions] == ["2026-03-01-1100", "undated"]


@pytest.mark.parametrize("duration, shown", [("~" + "9" * 5000 + " minutes", "over 1e308"),
                                             ("9" * 400 + " h", "over 1e308"), ("2000 minutes", "2000")])
def test_a_time_log_longer_than_a_day_is_reported_and_not_counted(tmp_path, duration, shown):
    log = GOOD + f"- Time log (today): Duration {duration}\n"
    loaded = load(Config(root=make_project(tmp_path, {"a.md": log})))
    assert [str(d) for d in loaded.diagnostics] == [
        f"sessions/a.md:5: warning: time log duration of {shown} minutes is more than a day; not counted"]
    assert loaded.knowledge.sessions[0].minutes is None


# --- all of it at once: the site is built ---------------------------------------------------

@pytest.mark.slow
def test_the_site_builds_with_every_kind_of_bad_input_and_check_reports_each(tmp_path):
    logs = {
        "week 1.md": GOOD + "- LR sweep executed: `" + "1" * 5000 + "` `epochs=1e9`\n",
        "week-1.md": LATER,
        "con.md": GOOD.replace("10:00", "12:00").replace("English", "Eng\x00lish"),
        "old.md": GOOD.replace("2026-03-01", "0001-01-01"),
    }
    project = with_settings(make_project(tmp_path, logs), "watchlist_window: three\nredact_patterns: secret")
    (project / VOCABULARY).write_text("terms:\n  - term: foo\n    definition: 42\n  - 5\nignore: 5\n")
    result = check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 10, result.stderr
    built = mkdocs_build(project)  # --strict: a log's errors are shown, the rest builds
    assert built.returncode == 0, built.stderr[-3000:]
    assert "sessions/old.md:1: error: year 1 is out of range" in built.stderr
    site = project / "site"
    assert {p.parent.name for p in (site / "sources").glob("*/index.html")} == {"week-1", "week-1-2", "con-page", "old"}
    assert (site / "concepts" / "foo" / "index.html").is_file()
