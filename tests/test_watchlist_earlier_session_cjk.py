"""A line that comes back to the confusion of an earlier session, in Chinese, Japanese or
Korean: "yesterday's problem is solved" (昨天那个问题解决了, 어제 그 문제), "the one from last time"
(上次那个, 前回の, 지난번) resolves, or flags again, the item flagged then; of several, the one
its words (those it quotes first) are about, Chinese and Japanese compared two letters at a
time, as they are written without blanks; none where it cannot tell. A day the log says was
no study is no session to come back to. Log text in, items out."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.link import link
from studykb.parse import parse_log
from studykb.session_lines import lines_of
from studykb.sources import LogText
from studykb.vocabulary import Term, build_lexicon

LABELS = shipped_labels()
TERMS = [Term("CBOW"), Term("PPMI"), Term("softmax", aliases=("Softmax",)), Term("perplexity", aliases=("困惑度",))]


def log_of(*sessions: tuple[int, dict[str, list[str]] | str]) -> str:
    """A log of sessions on the given days of March, each with its parts (name -> lines), or
    only a line of prose."""
    out = []
    for day, parts in sessions:
        out += [f"## Session: 2026-03-{day:02d} 10:00 KST", ""]
        if isinstance(parts, str):
            out += [parts, ""]
            continue
        for name, lines in parts.items():
            out += [f"### {name}", *(f"- {line}" for line in lines), ""]
    return "\n".join(out)


def items_of(text: str) -> set[tuple[str, int, str | None]]:
    """Each item: its first line, how many sessions flagged it, its resolving line."""
    parsed, _ = parse_log(LogText("sessions/log.md", tuple(text.splitlines())), LABELS)
    knowledge, _ = link([parsed], build_lexicon(TERMS, frozenset()), 5)
    texts = {line.source: line.text for s in knowledge.sessions for line in lines_of(s)}
    return {(texts[w.sources[0]], len(w.flagged_in), w.resolution.text if w.resolution else None)
            for w in knowledge.watchlist}


RAW = "为什么共现矩阵用的是原始次数？高频词会把相似度带偏"
AVERAGE = "为什么 CBOW 里两个上下文要取平均，而不是拼起来？"
CHEAT = "负采样把多分类变成二分类，听起来像作弊"
CASES = [
    ("zh: yesterday's problem, a day without study between",
     [(3, {"还没懂": [RAW]}), (5, {"理解了": ["昨天那个问题解决了：PMI 会除以单词自己的出现次数"]})],
     {(RAW, 1, "昨天那个问题解决了：PMI 会除以单词自己的出现次数")}),
    ("zh: yesterday, but the last session was a week before",
     [(3, {"还没懂": [RAW]}), (12, {"理解了": ["昨天那个问题解决了：PMI 会除以单词自己的出现次数"]})],
     {(RAW, 1, None)}),
    ("zh: two items from last time, the quoted words pick one",
     [(3, {"还没懂": [AVERAGE, CHEAT]}), (4, {"理解了": ['终于懂了上次那个"二分类像作弊"：只算正例和少量负例的得分']})],
     {(AVERAGE, 1, None), (CHEAT, 1, '终于懂了上次那个"二分类像作弊"：只算正例和少量负例的得分')}),
    ("zh: two items from last time, no word about either: none",
     [(3, {"还没懂": [AVERAGE, CHEAT]}), (4, {"理解了": ["上次那个问题解决了"]})],
     {(AVERAGE, 1, None), (CHEAT, 1, None)}),
    ("zh: still there from last time in other words, then understood",
     [(3, {"还没懂": [AVERAGE, "另外 W_out 里也有单词的向量，为什么只用 W_in？"]}),
      (5, {"还没懂": ['上次那个"为什么取平均不拼接"还是没完全想通。']}),
      (7, {"理解了": ["「终于懂了」CBOW 为什么取平均而不拼接：拼接的话输入维度会随窗口变化"]})],
     {(AVERAGE, 2, "「终于懂了」CBOW 为什么取平均而不拼接：拼接的话输入维度会随窗口变化"),
      ("另外 W_out 里也有单词的向量，为什么只用 W_in？", 1, None)}),
    ("zh: last time means the last session studied, not a day off",
     [(3, {"还没懂": [AVERAGE]}), (4, "今天太累，没学。"), (5, {"还没懂": ['上次那个"取平均不拼接"还是没想通']})],
     {(AVERAGE, 2, None)}),
    ("zh: still about another thing from last time is a new item",
     [(3, {"还没懂": [AVERAGE]}), (5, {"还没懂": ["上次讲的困惑度还是没想通"]})],
     {(AVERAGE, 1, None), ("上次讲的困惑度还是没想通", 1, None)}),
    ("zh: what was learned about the same concept resolves nothing it does not name",
     [(3, {"还没懂": [AVERAGE]}), (5, {"理解了": ["CBOW 的损失是各个上下文损失的平均"]})],
     {(AVERAGE, 1, None)}),
    ("ja: the quoted words of last time's item pick one of two",
     [(3, {"混乱した概念": ["負例サンプリングで多値分類を二値分類にするのはずるい気がする", "CBOW で平均を取る理由"]}),
      (4, {"理解したこと": ["前回の「二値分類にするのはずるい」件は解決：正例と少数の負例だけ計算する"]})],
     {("負例サンプリングで多値分類を二値分類にするのはずるい気がする", 1, "前回の「二値分類にするのはずるい」件は解決：正例と少数の負例だけ計算する"),
      ("CBOW で平均を取る理由", 1, None)}),
    ("ko: yesterday's question, a day without study between",
     [(3, {"헷갈리는 것": ["왜 원래 횟수를 그대로 쓰는지"]}), (5, {"헷갈리는 것": ["어제 그 문제 해결됨"]})],
     {("왜 원래 횟수를 그대로 쓰는지", 1, "어제 그 문제 해결됨")}),
]


@pytest.mark.parametrize("sessions, items", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_line_about_an_earlier_sessions_confusion(sessions, items):
    assert items_of(log_of(*sessions)) == items
