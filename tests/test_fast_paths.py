"""The shortcuts taken for speed give the answers the slow paths gave."""
from __future__ import annotations

import dataclasses
import gc
import inspect
import json
import os
import random
import re
from datetime import datetime

import pytest

from studykb import concepts, markup, vocabulary
from studykb.concepts import definition_subject
from studykb.config import Config
from studykb import model
from studykb.model import cycle_collector_paused, record
from studykb.parse import parse_session_header
from studykb.pipeline import load
from studykb import parse, sources, timelog
from studykb.render import html
from studykb.render.common import page
from studykb.render.kbjson import render_kb_json
from studykb.vocabulary import WORD, Match, Term, build_lexicon, caseless, trie_regex
from studykb.write import _existing, write_tree
from tests.conftest import make_project


@pytest.mark.parametrize("rest, started", [
    ("2026-02-14 13:16:07 KST", datetime(2026, 2, 14, 13, 16, 7)),
    ("2026-02-14 13:16 KST", datetime(2026, 2, 14, 13, 16)),
    ("2026-2-4 9:05 KST", datetime(2026, 2, 4, 9, 5)),
    ("2026-2-4 9:05:03 KST", datetime(2026, 2, 4, 9, 5, 3)),
    ("2026-02-30 10:00 KST", None),
    ("2026-02-14 24:00 KST", None),
])
def test_session_times_padded_or_not(rest, started):
    assert parse_session_header(rest, "a.md", 1)[0] == started


def test_a_term_added_after_a_search_is_found_by_the_next():
    lexicon = build_lexicon([], frozenset())
    assert lexicon.find("a zorblax here") == []
    lexicon.add(Term("zorblax", origin="log"))
    assert lexicon.find("a zorblax here, two zorblaxes") == [Match(2, 9, "zorblax"), Match(20, 29, "zorblax")]


def test_the_cycle_collector_resumes_only_if_it_ran():
    assert gc.isenabled()
    with cycle_collector_paused():
        assert not gc.isenabled()
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_existing_files_are_listed_like_rglob(tmp_path):
    owned = tmp_path / "generated"
    (owned / "a" / "b").mkdir(parents=True)
    (owned / "a" / "b" / "x.md").write_text("x")
    (owned / ".hidden").write_text("h")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "y.md").write_text("y")
    os.symlink(tmp_path / "elsewhere", owned / "linked-folder")
    os.symlink(tmp_path / "elsewhere" / "y.md", owned / "linked-file.md")
    expected = {p.relative_to(owned).as_posix() for p in owned.rglob("*") if p.is_file()}
    assert _existing(owned) == expected == {"a/b/x.md", ".hidden", "linked-file.md"}


def test_a_file_new_to_the_tree_is_written_and_others_are_kept(tmp_path):
    write_tree(tmp_path, {"generated/a.md": "a", "generated/s/b.md": "b"}, "generated")
    kept = (tmp_path / "generated" / "a.md").stat().st_ino
    report = write_tree(tmp_path, {"generated/a.md": "a", "generated/s/b.md": "b", "generated/s/c.md": "c"},
                        "generated")
    assert report.written == ("generated/s/c.md",) and report.unchanged == 2
    assert (tmp_path / "generated" / "a.md").stat().st_ino == kept


def test_a_write_the_kernel_cuts_short_is_finished(tmp_path, monkeypatch):
    real = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real(fd, bytes(data[:3])))
    pages = {"generated/a.md": "één page\n" * 50, "generated/s/b.bin": bytes(range(256))}
    write_tree(tmp_path, pages, "generated")
    assert (tmp_path / "generated" / "a.md").read_text(encoding="utf-8") == pages["generated/a.md"]
    assert (tmp_path / "generated" / "s" / "b.bin").read_bytes() == pages["generated/s/b.bin"]


def test_kb_json_lists_each_logs_sessions_in_time_order(tmp_path):
    root = make_project(tmp_path, {
        "a.md": "## Session: 2026-01-03 10:00 UTC\n- Goal: x\n## Session: 2026-01-01 10:00 UTC\n- Goal: y\n",
        "b.md": "## Session: 2026-01-02 10:00 UTC\n- Goal: z\n",
        "c.md": "# Only a title\n",
    })
    data = json.loads(render_kb_json(load(Config(root=root)).knowledge, {}))
    assert {log["path"]: log["sessions"] for log in data["logs"]} == {
        "sessions/a.md": ["2026-01-01-1000", "2026-01-03-1000"],
        "sessions/b.md": ["2026-01-02-1000"],
        "sessions/c.md": [],
    }


def random_texts(pieces, seed, count=3000, longest=10):
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


def test_a_clean_file_decodes_at_once_as_line_by_line():
    rnd = random.Random(3)
    pieces = [b"a", b"\n", b"\r\n", b"\r", b"\xc3\xa9", b"\xe2\x80\x94", b"\t", b" ", b"\xff", b"\x0b", b"\x7f", b"\xe2\x82"]
    for _ in range(3000):
        data = b"".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        normalised = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        at_once = sources._clean_lines(normalised)
        if at_once is not None:
            assert at_once == sources._checked_lines(normalised, "x", diagnostics := []) and not diagnostics


@pytest.mark.parametrize("cls", [model.Field, model.Item, model.Section, model.QA, model.Note, model.CodeBlock,
                                 model.Table, model.TimeLog, model.Session, model.LogFile, model.Definition,
                                 model.Mention, model.Concept, model.WatchItem, model.Card, model.ExperimentRef])
def test_records_are_built_as_frozen_dataclasses_build_them(cls):
    fields = dataclasses.fields(cls)
    plain = dataclasses.make_dataclass(cls.__name__, [
        (f.name, f.type) if f.default is dataclasses.MISSING else (f.name, f.type, f.default) for f in fields],
        frozen=True)
    assert [(p.name, p.default, p.kind) for p in inspect.signature(cls).parameters.values()] == \
        [(p.name, p.default, p.kind) for p in inspect.signature(plain).parameters.values()]
    values = [object() for _ in fields]
    built = cls(*values)
    assert _field_values(built) == _field_values(plain(*values))
    assert built == cls(**{f.name: v for f, v in zip(fields, values)})
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(built, fields[0].name, None)
    required = [v for f, v in zip(fields, values) if f.default is dataclasses.MISSING]
    assert _field_values(cls(*required)) == _field_values(plain(*required))
    assert hash(cls(*[f.name for f in fields])) == hash(cls(*[f.name for f in fields]))  # immutable, so hashable


def _field_values(built) -> dict:
    return {f.name: getattr(built, f.name) for f in dataclasses.fields(built)}


def test_records_built_per_line_carry_no_instance_dict():
    """Parse makes one per line of the logs: slotted, they take less than half the memory."""
    item = model.Item("text", model.Source("sessions/a.md", 3))
    assert not hasattr(item, "__dict__") and item.depth == 0 and item.ordered is False


def test_a_record_with_a_factory_keeps_the_dataclass_init():
    @record
    class Listed:
        items: list = dataclasses.field(default_factory=list)

    assert Listed().items == [] and Listed().items is not Listed().items


def _case_blind_finder(lexicon):
    """What the matcher finds, by the pattern it replaced: re.IGNORECASE, lookbehinds first."""
    words, exact = trie_regex(sorted(lexicon._keys)), trie_regex(sorted(lexicon._exact))
    body = f"(?P<words>{words})(?:e?s)?|(?-i:(?P<exact>{exact}))"
    pattern = re.compile(rf"(?<![A-Za-z0-9])(?<![A-Za-z0-9]['/-])(?:{body})(?![A-Za-z0-9]|['/-][A-Za-z0-9])",
                         re.IGNORECASE)

    def find(text: str) -> list[Match]:
        found = [(m, lexicon._name_of(m.group(), m.lastgroup == "exact")) for m in pattern.finditer(text)]
        return [Match(m.start(), m.end(), name) for m, name in found if name]
    return find


def _every_character() -> str:
    return "".join(map(chr, range(0x110000)))


def test_the_case_classes_match_what_ignoring_case_matches():
    everything = _every_character()
    assert set(re.findall(f"[{WORD}]", everything)) == set(re.findall("[A-Za-z0-9]", everything, re.IGNORECASE))
    for char in "abcdefghijklmnopqrstuvwxyz0123456789 '/-":
        assert (set(re.findall(caseless(char), everything))
                == set(re.findall(re.escape(char), everything, re.IGNORECASE))), char


@pytest.mark.parametrize("extra", [[], ["C++", "(A)", "x-ray", "K-means", "AB/CD"]])
def test_mentions_are_those_the_case_blind_pattern_finds(extra):
    lexicon = build_lexicon([Term(name, origin="user") for name in extra], frozenset())
    spellings = sorted(lexicon._keys) + sorted(lexicon._exact)
    rng = random.Random(7)
    odd = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}

    def scramble(spelling: str) -> str:
        return "".join(rng.choice(odd[c]) if c in odd and rng.random() < 0.1
                       else c.upper() if rng.random() < 0.2 else c for c in spelling)

    lines = ["C++(A) and C++ (A)", "LR-sweep, lr/SGD: it's SGDs' x-rays\u2014\u212a-means", "batch-size's batch sizes"]
    for _ in range(3000):
        pieces = [scramble(rng.choice(spellings)) + rng.choice(["", "s", "es", "S", "x", "'s", "-", "/b"])
                  if rng.random() < 0.7 else "".join(rng.choices(" -'/.,(+\t\u00e9\u2014sk", k=rng.randint(0, 3)))
                  for _ in range(rng.randint(1, 6))]
        lines.append("".join(piece + rng.choice(["", " ", "-", "/", "'", "(", "\n"]) for piece in pieces))
    case_blind = _case_blind_finder(lexicon)
    for line in lines:
        assert lexicon.find(line) == case_blind(line), line


def test_code_spans_are_records():
    span = markup.code_spans("x `y` z")[0]
    assert span == markup.CodeSpan(2, 5, "`", "y") and hash(span) == hash(markup.CodeSpan(2, 5, "`", "y"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 0


@pytest.mark.parametrize("extra", [[], ["C++", "(A)", "AB\nCD"]])
def test_texts_searched_together_have_the_mentions_each_has_alone(extra):
    lexicon = build_lexicon([Term(name, origin="user") for name in extra], frozenset())
    spellings = sorted(lexicon._keys) + sorted(lexicon._exact)
    rng = random.Random(3)
    texts = ["", "epoch", "epochs", "SGD", "-SGD", "SGD-", "'s epoch", "C++", "(A)", "AB\nCD", "x\nepoch\n"]
    for _ in range(500):
        texts.append("".join(rng.choice([rng.choice(spellings), " ", "\n", "-", "'", "s", "x", "/"])
                             for _ in range(rng.randint(0, 6))))
    together = lexicon.find_each(texts)
    vocabulary._FOUND.clear()  # else the texts alone would be answered from the memo
    alone = build_lexicon([Term(name, origin="user") for name in extra], frozenset())
    assert [list(found) for found in together] == [alone.find(text) for text in texts]


def test_a_quoted_line_links_what_searching_it_again_links(tmp_path):
    """Concept and watchlist pages link a quoted log line with the mentions the link stage
    found on it (in the line with its code spans blanked), not by searching it again."""
    log = ("## Session: 2026-03-01 10:00 UTC\n- What I learned:\n"
           "  - `epoch` is one pass over the data at a fixed learning rate\n"
           "  - `batch size` means how many samples go into one `SGD` step, not the `lr` variable\n"
           "  - LR controls the step size of gradient descent (see `learning rate`)\n"
           "  - `x = learning rate * grad` is not a definition of epoch\n"
           "- Key concepts repeatedly confused (watchlist):\n"
           "  - `epoch` versus iteration at one learning rate\n")
    knowledge = load(Config(root=make_project(tmp_path, {"log.md": log}))).knowledge
    linker = html.concept_linker(knowledge, page("concepts", "x.md"))
    quoted = [(d.text, d.source) for c in knowledge.concepts for d in c.definitions if d.origin == "log"]
    quoted += [(w.text, w.sources[-1]) for w in knowledge.watchlist]
    assert len(quoted) >= 4
    shown = [html.inline(text, linker, knowledge.mention_spans.get(source, ())) for text, source in quoted]
    assert shown == [html.inline(text, linker) for text, _ in quoted]
    assert sum("<a href=" in line for line in shown) >= 3
