"""Slugs, the names of concept and source pages in their URLs: readable in any script,
the same for any Unicode spelling of a name, and unchanged for names in English."""
from __future__ import annotations

import hashlib
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studykb.config import Config
from studykb.pipeline import load
from studykb.slugs import MAX_BYTES, MAX_LENGTH, check_slug, log_slugs, make_slug, unique_slugs
from studykb.vocabulary import starter_terms
from tests.conftest import SEED, make_project


def ascii_rule(text: str) -> str:
    """How slugs were made before names in other scripts were kept: what a name with
    no letters beyond Latin must still give, so that no page of such a name moves."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    if not slug:
        slug = "term-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    reserved = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
    return slug + "-page" if slug in reserved else slug


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- names in English, or in a Latin script: as before ---------------------------------

@pytest.mark.parametrize("name, slug", [
    ("Batch size", "batch-size"), ("learning rate (LR)", "learning-rate-lr"), ("co-occurrence matrix",
     "co-occurrence-matrix"), ("hidden_size", "hidden-size"), ("word2vec", "word2vec"), ("SVD", "svd"),
    ("Café", "cafe"), ("naïve Bayes", "naive-bayes"), ("don’t stop", "dont-stop"), ("ＬＲ", "lr"),
    ("x² loss", "x2-loss"), ("½ step", "12-step"), ("../../x", "x"), ("CON", "con-page"),
])
def test_a_name_in_english_slugs_as_it_always_has(name, slug):
    assert make_slug(name) == slug == ascii_rule(name)


def test_no_starter_term_in_english_moves():
    names = [n for term in starter_terms() for n in (term.name, *term.aliases)
             if n.isascii()]
    assert len(names) > 100
    assert [make_slug(n) for n in names] == [ascii_rule(n) for n in names]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=80))
def test_any_ascii_name_slugs_as_it_always_has(name):
    assert make_slug(name) == ascii_rule(name)


def test_the_seed_logs_concepts_keep_their_pages(tmp_path):
    concepts = load(Config(root=make_project(tmp_path, {SEED.name: SEED.read_bytes()}))).knowledge.concepts
    assert [c.slug for c in concepts] == [ascii_rule(c.name) for c in concepts]


# --- names in other scripts: readable ----------------------------------------------------

@pytest.mark.parametrize("name, slug", [
    ("학습률", "학습률"), ("코사인 유사도", "코사인-유사도"), ("가중치 공유", "가중치-공유"),
    ("미니배치(mini-batch)", "미니배치-mini-batch"), ("에폭 vs 배치 크기", "에폭-vs-배치-크기"),
    ("勾配降下法", "勾配降下法"), ("コサイン類似度", "コサイン類似度"), ("数据", "数据"), ("共现矩阵", "共现矩阵"),
    ("미니배치、에폭", "미니배치-에폭"), ("학습·에폭", "학습-에폭"), ("（학습률）", "학습률"),
    ("Σίσυφος", "σίσυφος"), ("Größe", "große"), ("हिन्दी शब्द", "हिन्दी-शब्द"),
    ("Café 학습", "cafe-학습"), ("ＬＲ 학습률", "lr-학습률"), ("학습\u200b률", "학습률"),
])
def test_a_name_in_another_script_keeps_its_letters(name, slug):
    assert make_slug(name) == slug


@pytest.mark.parametrize("name", ["학습률", "코사인 유사도", "ガウス分布", "バッチ", "Café 학습", "미니배치(mini-batch)"])
def test_nfd_and_nfc_spellings_of_a_name_give_one_slug(name):
    assert nfd(name) != name  # decomposed: other code points
    assert make_slug(nfd(name)) == make_slug(name)
    assert unicodedata.is_normalized("NFC", make_slug(nfd(name)))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=90))
def test_any_name_gives_a_valid_short_nfc_slug_whatever_its_normal_form(name):
    slug = make_slug(name)
    assert check_slug(slug) == slug == make_slug(nfd(name))
    assert unicodedata.is_normalized("NFC", slug) and slug == slug.lower()
    assert len(slug) <= MAX_LENGTH and len(slug.encode("utf-8")) <= MAX_BYTES


def test_a_long_name_is_cut_by_characters_within_a_byte_budget():
    slug = make_slug("아주 " * 40)
    assert slug.startswith("아주-아주") and len(slug.encode("utf-8")) <= MAX_BYTES and not slug.endswith("-")
    assert slug.encode("utf-8").decode("utf-8") == slug  # no character cut in half


def test_a_cut_never_leaves_a_letter_without_its_marks():
    name = "क" * 39 + "कि"  # the vowel sign belongs to the 40th letter: both go
    assert make_slug(name) == "क" * 39


@pytest.mark.parametrize("name", ["???", "🔥🔥", "→", "\u200b"])
def test_a_name_without_letters_or_digits_still_gets_a_page(name):
    assert re.fullmatch(r"term-[0-9a-f]{8}", make_slug(name))


@pytest.mark.parametrize("slug", ["학습률/", "학습률.md", "Batch", nfd("학습률"), "-학습률", "학습--률", "학습률-", "con", "a_b", ""])
def test_check_slug_refuses_what_make_slug_never_makes(slug):
    with pytest.raises(ValueError):
        check_slug(slug)


# --- collisions ------------------------------------------------------------------------

def test_names_in_another_script_that_slug_alike_get_a_suffix():
    assert unique_slugs(["학습 률", "학습-률", nfd("학습 률")]) == {"학습 률": "학습-률", "학습-률": "학습-률-2",
                                                                    nfd("학습 률"): "학습-률-3"}


def test_slugs_that_differ_only_in_case_folding_do_not_share_a_page():
    """``straße`` and ``strasse`` would be one file on a case-insensitive file system."""
    assert unique_slugs(["Straße", "strasse"]) == {"Straße": "straße", "strasse": "strasse-2"}


def test_a_log_named_in_korean_gets_a_readable_source_page_from_either_normal_form():
    """macOS (HFS+) gives file names back decomposed (NFD)."""
    assert log_slugs(["sessions/딥러닝 5장.md"]) == {"sessions/딥러닝 5장.md": "딥러닝-5장"}
    assert log_slugs([nfd("sessions/딥러닝 5장.md")]) == {nfd("sessions/딥러닝 5장.md"): "딥러닝-5장"}


def test_a_log_and_its_name_in_nfd_give_the_same_addresses_as_in_nfc(tmp_path):
    """Terms and a file name typed or stored decomposed land on the same pages."""
    log = ("## Session: 2026-03-20 20:00 KST\n- What we learned today:\n"
           "- `은닉층` is the layer between input and output\n- `시간 펼침` means drawing the layer along time\n"
           "- 학습률을 0.1로 낮췄다\n")

    def addresses(form: str) -> tuple[dict[str, str], list[str]]:
        (tmp_path / form).mkdir()
        logs = {unicodedata.normalize(form, "딥러닝 5장.md"): unicodedata.normalize(form, log)}
        knowledge = load(Config(root=make_project(tmp_path / form, logs))).knowledge
        concepts = {unicodedata.normalize("NFC", c.name): c.slug for c in knowledge.concepts}
        return concepts, list(knowledge.log_slugs.values())

    (slugs, sources), nfc = addresses("NFD"), addresses("NFC")
    assert (slugs, sources) == nfc
    assert slugs["은닉층"] == "은닉층" and slugs["시간 펼침"] == "시간-펼침" and sources == ["딥러닝-5장"]
    assert slugs["learning rate"] == "learning-rate"  # 학습률, the starter term's Korean name, either way
