"""The site speaks the language its logs are written in: its headings, sentences, facts and
the questions cards make up, from data/ui.yml; ``extra: studykb: language:`` chooses it."""
from __future__ import annotations

import re
import string
from datetime import datetime

import pytest

from studykb.card_phrases import LANGUAGE_NAMES, PHRASES, prose_lines, site_language
from studykb.cards import split_question
from studykb.config import load_config, written_theme_language
from studykb.diagnostics import Level
from studykb.labels import shipped_labels
from studykb.link import link
from studykb.model import Line, Source
from studykb.parse import parse_log
from studykb.render import render_site
from studykb.render.words import LANGUAGES, ui_table, words_for
from studykb.sources import LogText
from studykb.vocabulary import build_lexicon

KO = """## 2026-03-05 19:00 세션
### 배운 것
- 어텐션은 인코더의 모든 은닉 상태를 가중합한다
- `np.sum(hs * a, axis=1)` 로 맥락 벡터를 구한다
### 헷갈리는 것
- softmax vs sigmoid 차이
### 질문
- Q: 왜 내적으로 유사도를 재나? A: 방향이 비슷하면 값이 크다
"""
JA = """## 2026-03-05 19:00 学習
### 学んだこと
- アテンションはエンコーダの全ての隠れ状態の重み付き和をとる
- 学習内容
### 混乱した概念
- PMI と PPMI の違い
"""
ZH = """## 2026-03-05 19:00 学习
### 今天学到
- 注意力机制对编码器的所有隐藏状态做加权求和
### 易混淆
- 梯度裁剪和权重衰减
"""
EN_WITH_KOREAN_TERMS = """## Session: 2026-03-05 19:00 KST
### What I learned
- attention (어텐션) takes a weighted sum of every encoder hidden state
- the context vector is `np.sum(hs * a, axis=1)`
- softmax turns the scores into weights that sum to one
### Watchlist
- softmax vs sigmoid
"""


def site_of(logs: dict[str, str], language: str | None = None):
    """The model and the pages of a project of these logs (name -> text)."""
    parsed = [parse_log(LogText(f"sessions/{name}", tuple(text.splitlines())), shipped_labels())[0]
              for name, text in logs.items()]
    knowledge, diagnostics = link(parsed, build_lexicon([], frozenset()), 3, language=language)
    files, _ = render_site(knowledge, {}, 3)
    return knowledge, diagnostics, files


def headings(page: str) -> list[str]:
    return re.findall(r"^#+ (.+)$", page, flags=re.MULTILINE)


@pytest.mark.parametrize("log, language, learned, watchlist, timeline", [
    (KO, "ko", "배운 것", "헷갈리는 개념", "타임라인"),
    (JA, "ja", "学んだこと", "混乱しやすい概念", "タイムライン"),
    (ZH, "zh", "学到的内容", "易混淆的概念", "时间线"),
    (EN_WITH_KOREAN_TERMS, "en", "What you learned", "Watchlist", "Timeline"),
])
def test_the_pages_speak_the_language_of_the_log(log, language, learned, watchlist, timeline):
    knowledge, _, files = site_of({"log.md": log})
    assert knowledge.language == language
    session_page = next(text for path, text in files.items() if "/sessions/" in path)
    assert headings(session_page)[:2] == [learned, watchlist]
    assert headings(files["generated/timeline.md"])[0] == timeline
    assert headings(files["generated/watchlist.md"]) == [watchlist]


@pytest.mark.parametrize("setting, log, learned", [
    ("en", KO, "What you learned"),
    ("ko", EN_WITH_KOREAN_TERMS, "배운 것"),
    ("ja", ZH, "学んだこと"),
])
def test_the_setting_chooses_the_language_whatever_the_logs_are_in(setting, log, learned):
    knowledge, diagnostics, files = site_of({"log.md": log}, setting)
    assert knowledge.language == setting and not diagnostics
    session_page = next(text for path, text in files.items() if "/sessions/" in path)
    assert learned in headings(session_page)


def test_logs_in_two_languages_make_a_site_in_the_one_most_lines_are_in_and_check_says_so():
    knowledge, diagnostics, _ = site_of({"a.md": KO, "b.md": KO.replace("03-05", "03-06"),
                                         "c.md": EN_WITH_KOREAN_TERMS.replace("03-05", "03-07")})
    assert knowledge.language == "ko"
    said = [d for d in diagnostics if "language" in d.message]
    assert [(d.path, d.level) for d in said] == [("sessions/c.md", Level.INFO)]
    assert "written in English" in said[0].message and "pages are in Korean" in said[0].message


@pytest.mark.parametrize("lines, counts", [
    (["- 어텐션은 가중합이다", "- softmax vs sigmoid 차이", "- `x_train[:, ::-1]`"], {"ko": 2}),
    (["- attention (어텐션) is a weighted sum", "- the context vector", "- softmax", "```", "# 주석", "```"],
     {"en": 2, "ko": 1}),
    (["- 学習内容", "- アテンションは重み付き和", "---", "12:00"], {"ja": 2}),
    (["- 学习内容", "- 注意力机制"], {"zh": 2}),
])
def test_a_line_of_prose_counts_for_its_language_code_and_lines_without_letters_for_none(lines, counts):
    assert dict(prose_lines(lines)) == counts


def test_without_logs_the_site_is_english():
    assert site_language(None, {}) == ("en", [])


def test_every_key_of_the_page_words_is_in_every_language_with_the_same_blanks():
    for key, texts in ui_table().items():
        assert set(texts) == set(LANGUAGES), key
        if key == "month":  # English names the month ("March 2026"), the others number it ("2026년 3월")
            continue
        blanks = {language: _blanks(text) for language, text in texts.items()}
        assert len(set(map(frozenset, blanks.values()))) == 1, (key, blanks)


def test_no_korean_page_word_puts_a_particle_written_both_ways_after_a_value():
    """A value (a file name, a command) is read however its spelling is: the sentence names
    what it is instead ("{files} 파일을", "{command} 명령으로"), so no "(을)를" follows it."""
    both_ways = re.compile(r"\}\)?(\(으\)로|을\(를\)|\(이\)란|와\(과\)|은\(는\)|이\(가\))")
    for key, texts in ui_table().items():
        for text in _forms(texts["ko"]):
            assert not both_ways.search(text), (key, text)


def _forms(text: str | dict) -> list[str]:
    return list(text.values()) if isinstance(text, dict) else [text]


def test_every_card_phrase_is_in_every_language():
    keys = set(PHRASES["ko"])
    assert set(PHRASES) == set(LANGUAGE_NAMES)
    assert all(set(PHRASES[language]) | {"definition"} == keys for language in PHRASES)


def _blanks(text) -> set[str]:
    forms = text.values() if isinstance(text, dict) else [text]
    return {name for form in forms for _, name, _, _ in string.Formatter().parse(form) if name}


@pytest.mark.parametrize("language, minutes, month, count", [
    ("en", ["not logged", "45 min", "1 h 05 min"], "March 2026", "flagged 2×"),
    ("ko", ["기록 없음", "45분", "1시간 05분"], "2026년 3월", "2회 표시"),
    ("ja", ["記録なし", "45分", "1時間05分"], "2026年3月", "2回印"),
    ("zh", ["未记录", "45分钟", "1小时05分钟"], "2026年3月", "标记 2 次"),
])
def test_durations_months_and_counts_are_said_in_the_sites_language(language, minutes, month, count):
    words = words_for(language)
    assert [words.minutes(m) for m in (None, 45, 65)] == minutes
    assert words.month(datetime(2026, 3, 5)) == month
    assert words("flagged_count", n=2) == count


def test_the_words_are_escaped_and_the_values_put_in_are_not():
    words = words_for("en", {"k": {"en": "a < b: {link}"}})
    assert words("k", link='<a href="x">x</a>') == 'a &lt; b: <a href="x">x</a>'


@pytest.mark.parametrize("text, language, front", [
    ("When the gradient explodes, clip it", "ko", "When the gradient explodes: 그러면 어떻게 되나요?"),
    ("When the gradient explodes, clip it", "en", "When the gradient explodes: what then?"),
    ("When the gradient explodes, clip it", "zh", "When the gradient explodes：会怎样？"),
    ("User guessed it doubles. -> No.", "ja", "「User guessed it doubles.」の後に何を書きましたか？"),
    ("clipping", "ko", "이 Q/A를 떠올려 보세요."),
    ("clipping", "en", "Recall this Q/A."),
])
def test_a_cards_made_up_question_is_in_the_sites_language(text, language, front):
    assert split_question(Line(text, Source("log.md", 1), None, None, "qa"), language)[0] == front


def test_a_korean_deck_has_no_english_template():
    knowledge, _, files = site_of({"log.md": KO + "### 배운 것\n- attention: 모든 은닉 상태의 가중합\n"})
    fronts = [card.front for card in knowledge.cards]
    assert fronts and not any(front.startswith(("What ", "How ")) for front in fronts), fronts
    assert "Recall cards" not in files["generated/recall.md"]


@pytest.mark.parametrize("setting, language, problems", [
    ("language: ko", "ko", 0), ("language: ZH", "zh", 0), ("", None, 0), ("language: fr", None, 1),
])
def test_the_language_setting_is_read_from_mkdocs_yml(tmp_path, setting, language, problems):
    (tmp_path / "mkdocs.yml").write_text(f"site_name: x\nextra:\n  studykb:\n    {setting or 'watchlist_window: 3'}\n")
    config = load_config(tmp_path)
    assert config.language == language and len(config.problems) == problems
    assert all(p.line == 4 and "en, ko, ja, zh" in p.message for p in config.problems)


@pytest.mark.parametrize("theme, written", [
    ("theme:\n  name: material\n  language: de\n", "de"), ("theme:\n  name: material\n", None), ("", None),
])
def test_the_themes_language_is_the_learners_only_where_mkdocs_yml_writes_one(tmp_path, theme, written):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n" + theme)
    assert written_theme_language(tmp_path / "mkdocs.yml") == written


def test_the_browsers_script_gets_its_words_on_a_site_not_in_english():
    _, _, korean = site_of({"log.md": KO})
    _, _, english = site_of({"log.md": EN_WITH_KOREAN_TERMS})
    assert 'data-practice data-studykb-words="{' in korean["generated/recall.md"]
    assert "&quot;this_week&quot;: &quot;이번 주&quot;" in korean["generated/recall.md"]
    assert "data-studykb-words" not in english["generated/recall.md"]  # the script has the English ones


@pytest.mark.parametrize("logs, language, said", [
    ({}, "en", "No sessions yet: add a log under <code>sessions/</code>."),
    ({"table.md": "# Log\n\n| date | learned |\n|---|---|\n| soon | RNN |\n"}, "en",
     "No session was read from your log <code>sessions/table.md</code>: <code>make check</code> says why, line by line."),
    ({"a.md": "# 기록\n\n그냥 메모\n", "b.md": "# 기록 2\n\n메모\n"}, "ko",
     "로그 <code>sessions/a.md</code>, <code>sessions/b.md</code>에서 읽은 세션이 없어요. 이유는 <code>make check</code> 명령이 줄마다 알려 줘요."),
])
def test_the_home_page_says_whether_no_log_is_there_or_no_session_was_read_from_one(logs, language, said):
    parsed = [parse_log(LogText(f"sessions/{name}", tuple(text.splitlines())), shipped_labels())[0]
              for name, text in logs.items()]
    knowledge, _ = link(parsed, build_lexicon([], frozenset()), 3, language=language)
    _, home = render_site(knowledge, {}, 3)
    assert f"<p>{said}</p>" in home["html"]["last_session"]


@pytest.mark.parametrize("log, h1", [
    ("## Session: 2026-03-05 09:00 KST\n### What I learned\n- softmax turns scores into weights\n",
     "<h1>Session 2026-03-05 09:00 KST</h1>"),
    ("## 2026-03-05 09:00\n### 배운 것\n- 소프트맥스는 점수를 가중치로 바꾼다\n", "<h1>2026-03-05 09:00 세션</h1>"),
    ("## 2026-03-05 09:00\n### 学んだこと\n- ソフトマックスはスコアを重みに変える\n", "<h1>2026-03-05 09:00のセッション</h1>"),
    ("## 1회차 — 2026.03.05\n### 배운 것\n- 소프트맥스\n", "<h1>2026-03-05 — 1회차</h1>"),  # a label names it
])
def test_a_session_page_is_titled_in_the_sites_language(log, h1):
    _, _, files = site_of({"log.md": log})
    assert h1 in next(text for path, text in files.items() if "/sessions/" in path)
