"""The watchlist of logs written without blanks between words (Chinese, Japanese), and the
words that only look like a part's or a mark's: log text in, items out.

A resolving line resolves the item it names and is no new confusion; a later line that says a
confusion is still there ("still", 还是, 아직) joins the item it names, even short; a word that
holds a watchlist word (困惑度, perplexity, holds 困惑) names no watchlist."""
from __future__ import annotations

import pytest

from studykb.aliases import paired_aliases
from studykb.labels import shipped_labels
from studykb.link import link
from studykb.parse import parse_log
from studykb.session_lines import lines_of
from studykb.sources import LogText
from studykb.vocabulary import Term, build_lexicon
from studykb.watchlist import content_words

LABELS = shipped_labels()
TERMS = [Term("truncated BPTT"), Term("hidden state", aliases=("隐藏状态", "은닉 상태")),
         Term("memory cell", aliases=("记忆单元", "기억 셀")), Term("backpropagation", aliases=("反向传播",)),
         Term("embedding"), Term("perplexity"), Term("epoch"), Term("gradient", aliases=("勾配",))]


def log_of(*sessions: dict[str, list[str]]) -> str:
    """A log of one session a day, each with its parts (name -> lines)."""
    out = []
    for day, parts in enumerate(sessions, 1):
        out += [f"## Session: 2026-03-{day:02d} 10:00 KST", ""]
        for name, lines in parts.items():
            out += [f"### {name}", *(f"- {line}" for line in lines), ""]
    return "\n".join(out)


def items_of(text: str) -> set[tuple[str, int, str, str | None]]:
    """Each item: its first line, how many sessions flagged it, its status, its resolving line."""
    parsed, _ = parse_log(LogText("sessions/log.md", tuple(text.splitlines())), LABELS)
    knowledge, _ = link([parsed], build_lexicon(TERMS, frozenset()), 3)
    texts = {line.source: line.text for s in knowledge.sessions for line in lines_of(s)}
    return {(texts[w.sources[0]], len(w.flagged_in), w.status, w.resolution.text if w.resolution else None)
            for w in knowledge.watchlist}


CASES = [
    ("zh: resolved on the watchlist, a tick after it",
     [{"易混淆": ["把 batch 方向和时间方向搞混：xs 的形状 (N, T, D) 里 N 和 T 分不清"]},
      {"易混淆": ["N 和 T 这次分清了 ✔"]}],
     {("把 batch 方向和时间方向搞混：xs 的形状 (N, T, D) 里 N 和 T 分不清", 1, "resolved", "N 和 T 这次分清了 ✔")}),
    ("zh: still there, then understood among what was learned",
     [{"易混淆": ["学生还是把 Truncated BPTT 的“截断反向传播”和“重置隐藏状态”搞混，以为每个块开始时 h 要清零"]},
      {"易混淆": ["学生还是把 Truncated BPTT 和“h 清零”搞混——讲了 `reset_state()` 只在新 epoch 调用"]},
      {"学到": ["Truncated BPTT 终于搞懂了：正向的 h 连着，反向在块边界断开 ✔"]}],
     {("学生还是把 Truncated BPTT 的“截断反向传播”和“重置隐藏状态”搞混，以为每个块开始时 h 要清零", 2, "resolved",
       "Truncated BPTT 终于搞懂了：正向的 h 连着，反向在块边界断开 ✔")}),
    ("zh: named short while still there, then said right",
     [{"易混淆": ["记忆单元 c 和隐藏状态 h 的作用分不清：为什么要两个？"]},
      {"易混淆": ["c 和 h 还是有点混：说反了"]},
      {"学到": ["c 和 h 的关系这次说对了：h 是对外输出"]}],
     {("记忆单元 c 和隐藏状态 h 的作用分不清：为什么要两个？", 2, "resolved", "c 和 h 的关系这次说对了：h 是对外输出")}),
    ("zh: not yet thought through is no resolution",
     [{"易混淆": ["为什么 g 用 tanh"]}, {"易混淆": ["为什么 g 用 tanh：还没完全想通"]}],
     {("为什么 g 用 tanh", 2, "open", None)}),
    ("en: still there, named short",
     [{"Watchlist": ["memory cell c vs hidden state h: why two?"]}, {"Watchlist": ["S. still mixes up c and h"]}],
     {("memory cell c vs hidden state h: why two?", 2, "open", None)}),
    ("en: a later line naming part of it without 'still' is its own item",
     [{"Watchlist": ["memory cell c vs hidden state h: why two?"]}, {"Watchlist": ["c and h shapes"]}],
     {("memory cell c vs hidden state h: why two?", 1, "open", None), ("c and h shapes", 1, "open", None)}),
    ("ko: still there, named short",
     [{"헷갈리는 것": ["기억 셀 c 와 은닉 상태 h 의 역할 구분"]}, {"헷갈리는 것": ["c 와 h 아직 헷갈림"]}],
     {("기억 셀 c 와 은닉 상태 h 의 역할 구분", 2, "open", None)}),
    ("ja: no longer foggy, in parentheses",
     [{"混同": ["Embedding の backward で「代入」と「加算」のどちらが正しいか"]},
      {"わかったこと": ["Embedding の backward は「代入」ではなく「加算」。（もうモヤモヤしていない）"]}],
     {("Embedding の backward で「代入」と「加算」のどちらが正しいか", 1, "resolved",
       "Embedding の backward は「代入」ではなく「加算」。（もうモヤモヤしていない）")}),
    ("ja: the resolving line names the whole item and says more",
     [{"混同": ["Embedding の backward の代入 vs 加算"]},
      {"わかったこと": ["Embedding の backward は「加算」で確定。同じIDなら勾配を合計する。（もうモヤモヤしていない）"]}],
     {("Embedding の backward の代入 vs 加算", 1, "resolved",
       "Embedding の backward は「加算」で確定。同じIDなら勾配を合計する。（もうモヤモヤしていない）")}),
    ("en: the resolving line names the whole item and says more",
     [{"Watchlist": ["Embedding backward: assign vs add"]},
      {"What I learned": ["Embedding backward adds the gradients of a repeated id, got it"]}],
     {("Embedding backward: assign vs add", 1, "resolved",
       "Embedding backward adds the gradients of a repeated id, got it")}),
    ("ja: all right now",
     [{"混同": ["Truncated BPTT で順伝播はつなぐ、逆伝播は切る"]},
      {"わかったこと": ["Truncated BPTT の件、順伝播はつなぐ。もう大丈夫。"]}],
     {("Truncated BPTT で順伝播はつなぐ、逆伝播は切る", 1, "resolved", "Truncated BPTT の件、順伝播はつなぐ。もう大丈夫。")}),
    ("ja: a tutor's note that ends a sentence in 解消 after what it names",
     [{"つまずいた点": ["output ゲート o と forget ゲート f の役割がまだ曖昧"]},
      {"生徒の理解": ["前回の o と f の混同は解消。f は何を忘れるか。"]}],
     {("output ゲート o と forget ゲート f の役割がまだ曖昧", 1, "resolved", "前回の o と f の混同は解消。f は何を忘れるか。")}),
    ("ja: a negation inside what it names does not undo the resolution",
     [{"つまずいた点": ["勾配クリッピングは勾配消失には効かない、という点を混同"]},
      {"生徒の理解": ["コードは読めた。勾配クリッピングは勾配消失には効かない件は解消（自分で言えた）。"]}],
     {("勾配クリッピングは勾配消失には効かない、という点を混同", 1, "resolved",
       "コードは読めた。勾配クリッピングは勾配消失には効かない件は解消（自分で言えた）。")}),
    ("ja: still not resolved",
     [{"つまずいた点": ["o と f の役割"]}, {"生徒の理解": ["o と f の件はまだ解消していない。"]}],
     {("o と f の役割", 1, "open", None)}),
    ("ja: carried over from last time joins the item it repeats",
     [{"つまずいた点": ["「なぜ順番に読む必要があるか」は少しあやふや"]},
      {"つまずいた点": ["順番に読む理由（前回から継続）"]},
      {"つまずいた点": ["順番に読む理由（第1回から継続）"]}],
     {("「なぜ順番に読む必要があるか」は少しあやふや", 3, "open", None)}),
    ("en: carried over joins the item it repeats",
     [{"Watchlist": ["why batches are read in order"]},
      {"Watchlist": ["batches read in order (carried over from last time), new example next"]}],
     {("why batches are read in order", 2, "open", None)}),
    ("ko: 지난번에 이어 joins the item it repeats",
     [{"헷갈리는 것": ["배치를 순서대로 읽는 이유"]}, {"헷갈리는 것": ["배치를 순서대로 읽는 이유 (지난번에 이어)"]}],
     {("배치를 순서대로 읽는 이유", 2, "open", None)}),
    ("zh: 上次遗留 joins the item it repeats",
     [{"易混淆": ["为什么按顺序读 batch"]}, {"易混淆": ["按顺序读 batch（上次遗留），换个例子"]}],
     {("为什么按顺序读 batch", 2, "open", None)}),
    ("ja: a compound named short by its end",
     [{"つまずいた点": ["Truncated BPTT で勾配消失は防げない、という点"]},
      {"生徒の理解": ["消失は防げない件は解消（自分で言えた）。"]}],
     {("Truncated BPTT で勾配消失は防げない、という点", 1, "resolved", "消失は防げない件は解消（自分で言えた）。")}),
    ("ko: a sentence that ends in 해소",
     [{"헷갈리는 것": ["기억 셀 c 와 은닉 상태 h 의 역할 구분"]},
      {"배운 점": ["예제를 다시 풀었다. 기억 셀 c 와 은닉 상태 h 구분은 해소됨."]}],
     {("기억 셀 c 와 은닉 상태 h 의 역할 구분", 1, "resolved", "예제를 다시 풀었다. 기억 셀 c 와 은닉 상태 h 구분은 해소됨.")}),
]


@pytest.mark.parametrize("sessions, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_items(sessions, expected):
    assert items_of(log_of(*sessions)) == expected


@pytest.mark.parametrize("text, words", [
    ("c 和 h 还是有点混", {"c", "h"}),
    ("学生把 batch 方向和时间方向搞混", {"batch", "方向", "时间方向"}),
    ("Embedding の backward の代入 vs 加算", {"embedding", "backward", "代入", "加算"}),
    ("パープレキシティの意味", {"パープレキシティ", "意味"}),
    ("출력의 차이", {"출력"}),
])
def test_content_words_split_chinese_and_japanese_runs(text, words):
    assert content_words(text) == words


@pytest.mark.parametrize("label, kind", [
    ("验证集困惑度", None),  # perplexity on the validation set
    ("Confusion matrix", None),
    ("혼동 행렬", None),
    ("困惑", "watchlist"),
    ("Still confused", "watchlist"),
])
def test_a_word_holding_a_watchlist_word_names_no_watchlist(label, kind):
    found = LABELS.label_part_kind(label)
    assert (found.value if found else None) == kind


def test_a_compound_opens_no_watchlist_in_a_log():
    text = log_of({"实验": ["验证集困惑度：epoch1 242.3 → epoch6 131.5"]})
    assert items_of(text) == set()


@pytest.mark.parametrize("text, aliases", [
    ("讲 5.5 RNNLM 和困惑度（perplexity）", [("perplexity", "困惑度")]),
    ("RNNLMとパープレキシティ(perplexity)", [("perplexity", "パープレキシティ")]),
    ("模型与困惑度（perplexity）的关系", [("perplexity", "模型与困惑度")]),  # only a joining word that starts it
    ("和度（perplexity）", [("perplexity", "和度")]),  # too short a rest: the word is the name's
])
def test_a_name_before_parentheses_drops_the_word_joining_it(text, aliases):
    lexicon = build_lexicon([Term("perplexity"), Term("loss function")], frozenset())
    assert paired_aliases(text, lexicon) == aliases


@pytest.mark.parametrize("text, aliases", [
    ("같은 데이터에서 Seq2seq(기본): epoch 10 약 2%", []),  # the default seq2seq, not its Korean name
    ("RNNLM（例）を回した", []),
    ("Seq2seq(시퀀스 투 시퀀스)를 구현", [("seq2seq", "시퀀스 투 시퀀스")]),
])
def test_a_note_in_parentheses_after_a_name_is_no_other_name_of_it(text, aliases):
    lexicon = build_lexicon([Term("seq2seq"), Term("RNNLM")], frozenset())
    assert paired_aliases(text, lexicon) == aliases
