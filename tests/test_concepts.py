"""Concept extraction: definitions, backticked terms, the starter and user vocabularies."""
from __future__ import annotations

import pytest

from studykb.concepts import definition_subject, is_term_like
from studykb.config import Config
from studykb.pipeline import load
from studykb.vocabulary import Match, Term, build_lexicon
from tests.conftest import SEED, make_project


@pytest.fixture(scope="module")
def seed_knowledge(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("seed"), {"dlfs2.md": SEED.read_bytes()})
    return load(Config(root=root)).knowledge


@pytest.mark.parametrize("code, term_like", [
    ("batch size", True), ("epoch", True), ("validation split", True),
    ("iterations/updates per epoch", True), ("fixed-total-update", True),
    ("train.py", False), ("np.int", False), ("int", False), ("dataset/spiral.py", False),
    ("param -= lr * grad", False), ("0.01, 0.1, 1.0", False),
    ("updates per epoch = dataset_size / batch_size", False),
])
def test_backticked_words_are_terms_and_code_is_not(code, term_like):
    assert is_term_like(code, build_lexicon([], frozenset())) is term_like


@pytest.mark.parametrize("line, subject", [
    ("`epoch` is one full pass over all samples.", "epoch"),
    ("`batch size` is samples per update step, not total dataset size.", "batch size"),
    ("`updates per epoch = dataset_size / batch_size`.", "updates per epoch"),
    ("LR controls update step size (`param -= lr * grad`), and too high LR causes unstable oscillation.", "LR"),
    ("Sweep means changing one variable across multiple values while holding others fixed.", "Sweep"),
    ("Gradient clipping refers to rescaling large gradients.", "Gradient clipping"),
    ("Training loss alone is insufficient; validation is required.", None),
    ("Difference between `batch size` and `updates per epoch`.", None),
    ("The model is bad today.", None),
])
def test_definition_subjects(line, subject):
    assert definition_subject(line, build_lexicon([], frozenset()), colon_allowed=False) == subject


@pytest.mark.parametrize("line, subject, in_learned_section", [
    ("Epoch is one pass.", "Epoch", "Epoch"),
    ("Epoch\tis one pass.", "Epoch", "Epoch"),
    ("Epoch is\u00a0one pass.", "Epoch", "Epoch"),
    ("Epoch is, roughly, a pass.", None, None),
    ("`epoch = passes`", "epoch", "epoch"),
    ("Epoch: one pass.", None, "Epoch"),  # a colon defines only in a "learned" section
    ("Epoch :\tone pass", None, "Epoch"),
    ("Sweep means\nchanging one value", "Sweep", "Sweep"),
    ("Sweep stands for a loop", "Sweep", "Sweep"),
    ("Sweep stands  for a loop", None, None),
    ("LR controls\u2003the step", "LR", "LR"),
    ("This is it", None, None),
    ("`epoch` is, in my words, one pass", None, None),
])
def test_a_definition_needs_its_verb_between_blanks_or_a_colon(line, subject, in_learned_section):
    lexicon = build_lexicon([], frozenset())
    assert definition_subject(line, lexicon, colon_allowed=False) == subject
    assert definition_subject(line, lexicon, colon_allowed=True) == in_learned_section


USER_TERMS = ["C++", "(A)", "x-ray", "K-means", "AB/CD"]


@pytest.mark.parametrize("line, mentions", [
    ("C++(A) and C++ (A)", [(0, 3, "C++"), (3, 6, "(A)"), (11, 14, "C++"), (15, 18, "(A)")]),
    ("Learning Rates and the learning rate", [(0, 14, "learning rate"), (23, 36, "learning rate")]),
    ("epochs, Epoch, EPOCH", [(0, 6, "epoch"), (8, 13, "epoch"), (15, 20, "epoch")]),
    ("softmaxes", [(0, 9, "softmax")]),
    ("batch-size's batch sizes", [(13, 24, "batch size")]),  # no mention inside a joined word
    ("LR-sweep, lr/SGD: it's SGDs' x-rays\u2014\u212a-means", [(29, 35, "x-ray"), (36, 43, "K-means")]),
    ("ab/cd AB/CD", [(6, 11, "AB/CD")]),  # an acronym only as written
    ("x-rayed x-ray's", []),
])
def test_mentions_are_whole_words_in_any_case_and_acronyms_as_written(line, mentions):
    lexicon = build_lexicon([Term(name, origin="user") for name in USER_TERMS], frozenset())
    assert [(m.start, m.end, m.term) for m in lexicon.find(line)] == mentions


def test_a_term_added_after_a_search_is_found_by_the_next():
    lexicon = build_lexicon([], frozenset())
    assert lexicon.find("a zorblax here") == []
    lexicon.add(Term("zorblax", origin="log"))
    assert lexicon.find("a zorblax here, two zorblaxes") == [Match(2, 9, "zorblax"), Match(20, 29, "zorblax")]


def test_seed_log_concepts_carry_the_learners_definitions(seed_knowledge):
    by_name = {c.name: c for c in seed_knowledge.concepts}
    expected = {
        "epoch": "`epoch` is one full pass over all samples.",
        "batch size": "`batch size` is samples per update step, not total dataset size.",
        "updates per epoch": "`updates per epoch = dataset_size / batch_size`.",
        "learning rate": "LR controls update step size",
        "sweep": "Sweep means changing one variable",
    }
    for name, text in expected.items():
        definition = by_name[name].definition
        assert definition.text.startswith(text), name
        assert definition.source.path == "sessions/dlfs2.md" and definition.session == "2026-02-18-1503"
    assert by_name["epoch"].definition.source.line == 28
    assert "LR" in by_name["learning rate"].aliases


def test_seed_log_links_the_concepts_it_mentions(seed_knowledge):
    names = {c.name for c in seed_knowledge.concepts}
    for name in ("validation", "training loss", "generalization", "fair comparison", "data quality", "loss curve"):
        assert name in names
    code_names = {"train.py", "np.int", "int", "train_custom_loop.py", "dataset/spiral.py"}
    assert not code_names & names


def test_iterations_per_epoch_is_an_alias_of_updates_per_epoch(seed_knowledge):
    concept = next(c for c in seed_knowledge.concepts if c.name == "updates per epoch")
    lines = {m.source.line for m in concept.mentions}
    assert {24, 30, 34} <= lines  # `iterations/updates per epoch`, the formula, the watchlist


def test_user_vocabulary_adds_terms_aliases_definitions_and_ignores(tmp_path):
    log = ("## Session: 2026-03-01 10:00 UTC\n- User language: English\n- Topics covered:\n"
           "- Tried `warmup` and the `cosine schedule` with WD on.\n- Looked at `dataset` sizes.\n")
    root = make_project(tmp_path, {"a.md": log})
    (root / "sessions" / "vocabulary.yml").write_text(
        "terms:\n  - term: weight decay\n    aliases: [WD]\n    definition: Shrinks weights each step.\n"
        "  - term: learning rate\n    aliases: [step length]\nignore: [dataset]\n")
    knowledge = load(Config(root=root)).knowledge
    by_name = {c.name: c for c in knowledge.concepts}
    assert by_name["weight decay"].definition.text == "Shrinks weights each step."
    assert by_name["weight decay"].definition.origin == "vocabulary"
    assert by_name["weight decay"].definition.source.path == "sessions/vocabulary.yml"
    assert len(by_name["weight decay"].mentions) == 1  # "WD"
    assert "step length" in by_name["learning rate"].aliases
    assert "warmup" in by_name and "cosine schedule" in by_name
    assert "dataset" not in by_name


def test_a_later_definition_shows_how_understanding_changed(tmp_path):
    log = ("## Session: 2026-03-01 10:00 UTC\n- A: b\n- What we learned today:\n- `epoch` is one batch.\n"
           "## Session: 2026-03-05 10:00 UTC\n- A: b\n- What we learned today:\n- Epoch: one pass over all samples.\n")
    knowledge = load(Config(root=make_project(tmp_path, {"a.md": log}))).knowledge
    epoch = next(c for c in knowledge.concepts if c.name == "epoch")
    assert [d.text for d in epoch.definitions] == ["`epoch` is one batch.", "Epoch: one pass over all samples."]


def test_vocabulary_definitions_name_the_configured_sessions_folder(tmp_path):
    root = make_project(tmp_path, {})
    (root / "logs").mkdir()
    (root / "logs" / "a.md").write_text("## Session: 2026-03-01 10:00 UTC\n- Topic: WD tuning\n")
    (root / "logs" / "vocabulary.yml").write_text("terms:\n  - term: weight decay\n    aliases: [WD]\n"
                                                  "    definition: Shrinks weights.\n")
    concept = next(c for c in load(Config(root=root, sessions_dir="logs")).knowledge.concepts
                   if c.name == "weight decay")
    assert concept.definition.source.path == "logs/vocabulary.yml"
