"""Wrapped lines: a line right after a list item, with no blank line and no marker of its
own, is more of that item, as Markdown shows it; a line of plain text goes on the one
before only where the break is plainly inside a sentence. Every line still reaches the page.
"""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.link import link
from studykb.model import QA, Field, Note, Section
from studykb.parse import parse_log
from studykb.sources import LogText
from studykb.vocabulary import build_lexicon
from tests.test_session_page import assert_every_line_shown, built

LABELS = shipped_labels()
HEADER = "## Session: 2026-03-05 09:00:00 KST"


def read(body: str) -> list:
    """What a one-session log's lines are read as: a part's kind and items, a note, a field, a Q/A."""
    log, _ = parse_log(LogText("sessions/t.md", (HEADER, *body.splitlines())), LABELS)
    found = []
    for block in log.entries[0].blocks:
        if isinstance(block, Section):
            found.append((block.kind.name, [item.text for item in block.items]))
        elif isinstance(block, Note):
            found.append(("note", block.text))
        elif isinstance(block, Field):
            found.append(("field", f"{block.name}: {block.value}"))
        elif isinstance(block, QA):
            found.append(("qa", block.question, block.answer))
    return found


GOES_ON = [
    pytest.param("- Key concepts repeatedly confused (watchlist):\n- Difference between batch size and\nupdates per epoch.",
                 [("WATCHLIST", ["Difference between batch size and updates per epoch."])], id="lazy, mid-sentence"),
    pytest.param("- What we learned today:\n- `epoch` is one full pass over\n  all samples.\n- a batch is a slice",
                 [("LEARNED", ["`epoch` is one full pass over all samples.", "a batch is a slice"])],
                 id="indented to the item's text"),
    pytest.param("- Topics covered:\n- Ran `ch04/train.py` with `window_size=3,\nmax_epoch=5` on PTB",
                 [("TOPICS", ["Ran `ch04/train.py` with `window_size=3, max_epoch=5` on PTB"])],
                 id="code span across the break"),
    pytest.param("- Watchlist:\n- why the sampler needs\n  the 0.75 power. Still unsure.\n  Asked the tutor",
                 [("WATCHLIST", ["why the sampler needs the 0.75 power. Still unsure. Asked the tutor"])],
                 id="three lines"),
    pytest.param("- Watchlist:\n- PMI vs PPMI: when does it\nmatter",
                 [("WATCHLIST", ["PMI vs PPMI: when does it matter"])], id="lower case after a full stop-less line"),
    pytest.param("- Watchlist:\n- mini-batch rows start at a different offset\n  — why the offsets?",
                 [("WATCHLIST", ["mini-batch rows start at a different offset — why the offsets?"])],
                 id="indented under the item, opening with a dash"),
    pytest.param("- 헷갈리는 개념(워치리스트):\n- 에폭과 배치 크기의\n차이",
                 [("WATCHLIST", ["에폭과 배치 크기의 차이"])], id="Korean item"),
    pytest.param("### What I learned\nPPMI keeps only the positive values and\nzeroes the rest.\nSVD factorizes a matrix",
                 [("LEARNED", ["PPMI keeps only the positive values and zeroes the rest.", "SVD factorizes a matrix"])],
                 id="plain line cut on a word no sentence ends on"),
    pytest.param("### What I learned\nsoftmax, cross entropy,\nand the loss layer",
                 [("LEARNED", ["softmax, cross entropy, and the loss layer"])], id="plain line cut on a comma"),
    pytest.param("### Next\nTrain the RNNLM on the first 1000 words\nof PTB.",
                 [("RESUME", ["Train the RNNLM on the first 1000 words of PTB."])],
                 id="plain line going on with a word no statement starts on"),
    pytest.param("Still unclear: does the sampler need to exclude the positive target? The book's\n"
                 "version does it per row.",
                 [("WATCHLIST", ["does the sampler need to exclude the positive target? The book's version does it per row."])],
                 id="a line cut where an editor wraps"),
    pytest.param("헷갈림: 네거티브 샘플링에서 정답 단어를 샘플에서 빼야 하는지, 책의 GPU 버전은 빼고\n"
                 "cpu 버전도 마찬가지",
                 [("WATCHLIST", ["네거티브 샘플링에서 정답 단어를 샘플에서 빼야 하는지, 책의 GPU 버전은 빼고 cpu 버전도 마찬가지"])],
                 id="Korean line cut where an editor wraps"),
    # Japanese and Chinese lines meet without a space; Korean ones, written with spaces, with one
    pytest.param("### わかったこと\n- 結局Wの特定の行を取り出しているだけ。\n  だから行列積をやめる。",
                 [("LEARNED", ["結局Wの特定の行を取り出しているだけ。だから行列積をやめる。"])], id="Japanese, no space"),
    pytest.param("### わかったこと\n- 同じ単語IDが\n  バッチ内に2回出ると上書きされる\n- 勾配を\n  sigmoid に掛ける",
                 [("LEARNED", ["同じ単語IDがバッチ内に2回出ると上書きされる", "勾配を sigmoid に掛ける"])],
                 id="Japanese, a space before a Latin word"),
    pytest.param("### 学到的\n- 困惑度等于平均交叉熵的\n  指数。", [("LEARNED", ["困惑度等于平均交叉熵的指数。"])],
                 id="Chinese, no space"),
    pytest.param("### 배운 것\n- 같은 단어 ID가\n  배치 안에 두 번 나오면 덮어쓴다.",
                 [("LEARNED", ["같은 단어 ID가 배치 안에 두 번 나오면 덮어쓴다."])], id="Korean keeps its space"),
    # a sentence with a colon in it is no named line
    pytest.param("### わかったこと\n- 0.75 乗してから正規化し直す。\n  こうすると低頻度の単語が選ばれやすくなる。例: 0.7 → 0.64\n- 次",
                 [("LEARNED", ["0.75 乗してから正規化し直す。こうすると低頻度の単語が選ばれやすくなる。例: 0.7 → 0.64", "次"])],
                 id="a Japanese sentence with 例: in it"),
    pytest.param("- What we learned today:\n- the sampler draws by frequency\n  to the 0.75. Example: 0.7 -> 0.64",
                 [("LEARNED", ["the sampler draws by frequency to the 0.75. Example: 0.7 -> 0.64"])],
                 id="an English sentence with Example: in it"),
    pytest.param("Tried `hidden_size=50,\nbatch_size=20` today",
                 [("note", "Tried `hidden_size=50, batch_size=20` today")], id="note with a code span across"),
    pytest.param("**Q:** Why PPMI? **A:** Frequent words co-occur with\neverything.",
                 [("qa", "Why PPMI?", "Frequent words co-occur with everything.")], id="quiz answer"),
]


@pytest.mark.parametrize("body, wanted", GOES_ON)
def test_a_wrapped_line_goes_on_the_line_before(body, wanted):
    assert read(body) == wanted


APART = [
    pytest.param("### What I learned\nSVD factorizes a matrix\nPPMI drops negative values",
                 [("LEARNED", ["SVD factorizes a matrix", "PPMI drops negative values"])], id="a fact per line"),
    pytest.param("### 배운 것\n은닉 상태는 과거의 정보를 요약해서 다음 시점으로 넘겨주는 벡터임\n`tanh`는 값을 -1과 1 사이로 만든다",
                 [("LEARNED", ["은닉 상태는 과거의 정보를 요약해서 다음 시점으로 넘겨주는 벡터임", "`tanh`는 값을 -1과 1 사이로 만든다"])],
                 id="Korean fact per line, long"),
    pytest.param("### 学んだこと\nエポックは全データを1回見ること\nバッチはその一部",
                 [("LEARNED", ["エポックは全データを1回見ること", "バッチはその一部"])], id="Japanese fact per line"),
    pytest.param("- Watchlist:\n- PMI vs PPMI\nNext session: CBOW forward pass",
                 [("WATCHLIST", ["PMI vs PPMI"]), ("RESUME", ["CBOW forward pass"])], id="a named line"),
    pytest.param("- Resume point for next session:\n- Finish Ch01.\nGood session overall.",
                 [("RESUME", ["Finish Ch01."]), ("note", "Good session overall.")], id="a new sentence"),
    pytest.param("### What I learned\nsoftmax turns the scores into probabilities that sum to one.\n"
                 "cross entropy compares them with the answer",
                 [("LEARNED", ["softmax turns the scores into probabilities that sum to one.",
                               "cross entropy compares them with the answer"])], id="a long line ended by a full stop"),
    pytest.param("- What we learned today:\n- softmax\n- cross entropy",
                 [("LEARNED", ["softmax", "cross entropy"])], id="list items"),
    pytest.param("- Watchlist:\n- PMI vs PPMI\n\nlater that day",
                 [("WATCHLIST", ["PMI vs PPMI"]), ("note", "later that day")], id="a blank line"),
    pytest.param("- Watchlist:\n- PMI vs PPMI\n✅ got it: the window size",
                 [("WATCHLIST", ["PMI vs PPMI"]), ("note", "✅ got it: the window size")], id="a line opening with a sign"),
    pytest.param("- Q: What is an epoch?\n  A: one pass over the data",
                 [("qa", "What is an epoch?", ""), ("qa", "", "one pass over the data")], id="an answer line"),
    pytest.param("- Watchlist:\n- PMI vs PPMI\n### Extra reading",
                 [("WATCHLIST", ["PMI vs PPMI"]), ("OTHER", [])], id="a heading"),
    pytest.param("- Time log: 19:00-20:00\nStarted late",
                 [("field", "Time log: 19:00-20:00"), ("note", "Started late")], id="a field"),
]


@pytest.mark.parametrize("body, wanted", APART)
def test_a_line_that_starts_its_own_stays_apart(body, wanted):
    assert read(body) == wanted


def test_a_wrapped_watchlist_item_is_one_item_and_one_card_and_every_line_is_shown():
    body = ("- Key concepts repeatedly confused (watchlist):\n"
            "- Difference between `batch size` and\n"
            "  `updates per epoch` when the data set\n"
            "grows.")
    knowledge, page = built(body)
    assert [item.text for item in knowledge.watchlist] == [
        "Difference between `batch size` and `updates per epoch` when the data set grows."]
    assert len([card for card in knowledge.cards if card.watch]) == 1
    assert_every_line_shown(body, page)


def test_settings_in_a_code_span_wrapped_across_lines_reach_the_run():
    log, _ = parse_log(LogText("sessions/t.md", (
        "## Session: 2026-03-05 09:00 KST — Ch.4 word2vec",
        "- Ran `ch04/train.py` with `window_size=3, hidden_size=50,",
        "  max_epoch=5` on PTB; loss fell to 2.9")), LABELS)
    knowledge, _ = link([log], build_lexicon([], frozenset()), 3)
    params = {ref.experiment: dict(ref.params) for ref in knowledge.experiment_refs}
    assert {name: params["ch04-word2vec"][name] for name in ("window_size", "hidden_size", "epochs")} == {
        "window_size": 3, "hidden_size": 50, "epochs": 5}


@pytest.mark.parametrize("body, wanted", [
    pytest.param("✅ got it: `Embedding.forward` is `W[idx]`\n✅ got it: the 0.75 power flattens the counts",
                 [("LEARNED", ["`Embedding.forward` is `W[idx]`", "the 0.75 power flattens the counts"])],
                 id="a learned label line, twice"),
    pytest.param("Understood: negative sampling turns one softmax into binary classifications",
                 [("LEARNED", ["negative sampling turns one softmax into binary classifications"])], id="understood"),
    pytest.param("- Watchlist:\n- PMI vs PPMI\n- got it: window size vs context size",
                 [("WATCHLIST", ["PMI vs PPMI", "got it: window size vs context size"])],
                 id="in a watchlist it marks an item resolved"),
])
def test_a_line_saying_it_was_understood_is_learned_outside_a_watchlist(body, wanted):
    assert read(body) == wanted
