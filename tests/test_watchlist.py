"""The watchlist read as a learner means it: an item flagged again, an item marked resolved
(struck through, or "got it now", "이제 이해함"), two confusions that share a concept kept
apart, and a resume line inside a watchlist part read as the resume point.

Each case is a log, one list of watchlist lines per session, and the items it makes:
(the item's first line, how many sessions flagged it, its status, the line that resolved it).
"""
from __future__ import annotations

import re

import pytest

from studykb.labels import shipped_labels
from studykb.labels_file import load_user_labels
from studykb.link import link
from studykb.model import SectionKind
from studykb.session_lines import lines_of
from studykb.parse import parse_log
from studykb.render import render_site
from studykb.render.common import page
from studykb.resolution import resolved_item
from studykb.sources import LogText
from studykb.vocabulary import build_lexicon

LABELS = shipped_labels()


def log_of(*sessions: list[str], part: str = "- Watchlist:") -> str:
    """A log of one session a day, each with its watchlist lines under ``part``."""
    out = []
    for day, lines in enumerate(sessions, 1):
        out += [f"## Session: 2026-03-{day:02d} 10:00 KST", "- Topics covered:", f"  - chapter {day}"]
        out += [part, *(f"  - {line}" for line in lines)] if lines else []
        out.append("")
    return "\n".join(out)


def knowledge_of(text: str, labels=LABELS, window: int = 3):
    parsed, _ = parse_log(LogText("sessions/log.md", tuple(text.splitlines())), labels)
    knowledge, _ = link([parsed], build_lexicon([], frozenset()), window, labels)
    return knowledge


def items_of(knowledge) -> set[tuple[str, int, str, str | None]]:
    """Each item: its first line (the part of it that names the item, where the line names
    several), how many sessions flagged it, its status and the line that resolved it."""
    texts = {line.source: line.text for s in knowledge.sessions for line in lines_of(s)}
    return {(w.text if w.part and len(w.sources) == 1 else texts[w.sources[0]], len(w.flagged_in), w.status,
             w.resolution.text if w.resolution else None) for w in knowledge.watchlist}


WATCHLISTS = [
    # Resolved: struck through, or a word that says so after the item, ending it, or naming it.
    ("struck through", [["softmax vs sigmoid"], ["~~softmax vs sigmoid~~ got it now: softmax is one-of-many"]],
     {("softmax vs sigmoid", 1, "resolved", "~~softmax vs sigmoid~~ got it now: softmax is one-of-many")}),
    ("wholly struck through", [["PMI vs PPMI"], ["~~PMI vs PPMI~~"]],
     {("PMI vs PPMI", 1, "resolved", "~~PMI vs PPMI~~")}),
    ("after an arrow", [["teacher forcing vs greedy decoding at test time"],
                        ["teacher forcing vs greedy decoding → ok now, teacher forcing only in training"]],
     {("teacher forcing vs greedy decoding at test time", 1, "resolved",
       "teacher forcing vs greedy decoding → ok now, teacher forcing only in training")}),
    ("ending the item", [["CBOW vs skip-gram"], ["CBOW vs skip-gram finally clear"]],
     {("CBOW vs skip-gram", 1, "resolved", "CBOW vs skip-gram finally clear")}),
    ("a later clause", [["PMI vs PPMI"], ["PMI vs PPMI — the tutor drew it, understood"]],
     {("PMI vs PPMI", 1, "resolved", "PMI vs PPMI — the tutor drew it, understood")}),
    ("naming it", [["CBOW vs skip-gram"], ["Resolved: CBOW vs skip-gram"]],
     {("CBOW vs skip-gram", 1, "resolved", "Resolved: CBOW vs skip-gram")}),
    ("in parentheses", [["PMI vs PPMI"], ["PMI vs PPMI (resolved)"]],
     {("PMI vs PPMI", 1, "resolved", "PMI vs PPMI (resolved)")}),
    ("only the item it names", [["softmax vs sigmoid", "clip by norm vs clip by value"],
                                ["clip by norm vs clip by value — solved"]],
     {("softmax vs sigmoid", 1, "open", None),
      ("clip by norm vs clip by value", 1, "resolved", "clip by norm vs clip by value — solved")}),
    ("in the session that flagged it", [["dropout at test time", "~~dropout at test time~~ got it"]],
     {("dropout at test time", 1, "resolved", "~~dropout at test time~~ got it")}),
    ("flagged nowhere before", [["~~weight tying~~ got it"]],
     {("~~weight tying~~ got it", 1, "resolved", "~~weight tying~~ got it")}),
    ("said resolved today", [["PMI vs PPMI", "softmax vs sigmoid"],
                             ["PMI vs PPMI -> resolved today: PPMI clips the negatives",
                              "softmax vs sigmoid — fixed (today)"]],
     {("PMI vs PPMI", 1, "resolved", "PMI vs PPMI -> resolved today: PPMI clips the negatives"),
      ("softmax vs sigmoid", 1, "resolved", "softmax vs sigmoid — fixed (today)")}),
    ("flagged and resolved on one line", [["Difference between `batch size` and `updates per epoch`. -> resolved "
                                           "today (explained back with the spiral data)", "PMI와 PPMI 차이 → 해결함 (오늘)"]],
     {("Difference between `batch size` and `updates per epoch`. -> resolved today (explained back with the spiral "
       "data)", 1, "resolved", "Difference between `batch size` and `updates per epoch`. -> resolved today "
       "(explained back with the spiral data)"),
      ("PMI와 PPMI 차이 → 해결함 (오늘)", 1, "resolved", "PMI와 PPMI 차이 → 해결함 (오늘)")}),
    # Not resolved: a negation, a word inside the item, a word that goes on.
    ("negated", [["PMI vs PPMI"], ["PMI vs PPMI — still not resolved"]], {("PMI vs PPMI", 2, "open", None)}),
    ("negated by a contraction", [["PMI vs PPMI"], ["PMI vs PPMI: isn't clear now"]],
     {("PMI vs PPMI", 2, "open", None)}),
    ("a word that goes on", [["dropout: understood in theory, unsure in practice"]],
     {("dropout: understood in theory, unsure in practice", 1, "open", None)}),
    ("flagged again after", [["PMI vs PPMI"], ["~~PMI vs PPMI~~ got it"], ["PMI vs PPMI again"]],
     {("PMI vs PPMI", 2, "open", None)}),
    ("not flagged lately", [["PMI vs PPMI"], [], [], []], {("PMI vs PPMI", 1, "quiet", None)}),
    # One confusion or two.
    ("one concept in common, other words apart", [["hidden state vs output"], ["memory cell vs hidden state"]],
     {("hidden state vs output", 1, "open", None), ("memory cell vs hidden state", 1, "open", None)}),
    ("one concept in common, other words alike", [["hidden state vs output of the layer"],
                                                  ["output of the layer vs hidden state — still"]],
     {("hidden state vs output of the layer", 2, "open", None)}),
    ("two concepts each, one in common", [["softmax vs sigmoid in the output layer"],
                                          ["softmax vs cross-entropy error in the output layer"]],
     {("softmax vs sigmoid in the output layer", 1, "open", None),
      ("softmax vs cross-entropy error in the output layer", 1, "open", None)}),
    ("the same two concepts, other words apart", [["Difference between PMI and PPMI"],
                                                  ["PPMI vs PMI: why negatives are clipped"]],
     {("Difference between PMI and PPMI", 2, "open", None)}),
    ("the resolving line resolves the one it names", [["hidden state vs output", "memory cell vs hidden state"],
                                                      ["~~memory cell vs hidden state~~ got it now"]],
     {("hidden state vs output", 1, "open", None),
      ("memory cell vs hidden state", 1, "resolved", "~~memory cell vs hidden state~~ got it now")}),
    # Korean and Japanese.
    ("ko struck through", [["기억 셀과 은닉 상태 — 둘 다 넘어가는데 역할이 다른지"],
                           ["~~기억 셀과 은닉 상태~~ → 이제 이해함: 셀은 LSTM 내부 전용"]],
     {("기억 셀과 은닉 상태 — 둘 다 넘어가는데 역할이 다른지", 1, "resolved",
       "~~기억 셀과 은닉 상태~~ → 이제 이해함: 셀은 LSTM 내부 전용")}),
    ("ko after a dash", [["은닉 상태(hidden state)와 출력의 차이"], ["은닉 상태(hidden state)와 출력의 차이 — 아직도 조금"],
                         ["은닉 상태와 출력의 차이 — 이것도 해결"]],
     {("은닉 상태(hidden state)와 출력의 차이", 2, "resolved", "은닉 상태와 출력의 차이 — 이것도 해결")}),
    ("ko a conjugated word", [["에폭과 배치 크기의 차이"], ["에폭과 배치 크기: 해결됨"]],
     {("에폭과 배치 크기의 차이", 1, "resolved", "에폭과 배치 크기: 해결됨")}),
    ("ko negated", [["PMI와 PPMI의 차이"], ["PMI와 PPMI — 아직 해결 못함"]], {("PMI와 PPMI의 차이", 2, "open", None)}),
    ("ko a word inside the item", [["기울기 소실 해결 방법이 헷갈림"]], {("기울기 소실 해결 방법이 헷갈림", 1, "open", None)}),
    ("ko one concept in common, other words apart", [["은닉 상태와 출력의 차이"], ["기억 셀과 은닉 상태"]],
     {("은닉 상태와 출력의 차이", 1, "open", None), ("기억 셀과 은닉 상태", 1, "open", None)}),
    ("ja", [["PMIとPPMIの違い"], ["PMIとPPMIの違い — 理解した"]],
     {("PMIとPPMIの違い", 1, "resolved", "PMIとPPMIの違い — 理解した")}),
    ("ko an adverb inside the phrase", [["CBOW와 skip-gram의 입력/출력 방향"], ["CBOW와 skip-gram의 입력/출력 방향 → 이제 확실히 알겠음"]],
     {("CBOW와 skip-gram의 입력/출력 방향", 1, "resolved", "CBOW와 skip-gram의 입력/출력 방향 → 이제 확실히 알겠음")}),
    ("ko not understood yet", [["CBOW와 skip-gram"], ["CBOW와 skip-gram → 아직 이해 못함"]],
     {("CBOW와 skip-gram", 2, "open", None)}),
    # A task list: a ticked box resolves the item, an empty one is no word of it.
    ("task boxes", [["[ ] PMI vs PPMI", "[ ] why clip gradients"], ["[x] PMI vs PPMI → PPMI drops the negatives"]],
     {("[ ] PMI vs PPMI", 1, "resolved", "[x] PMI vs PPMI → PPMI drops the negatives"),
      ("[ ] why clip gradients", 1, "open", None)}),
    ("ko task boxes", [["[ ] `stateful=True` 가 정확히 뭘 하는지"], ["[x] `stateful=True` → 이전 배치의 h 를 이어받음"]],
     {("[ ] `stateful=True` 가 정확히 뭘 하는지", 1, "resolved", "[x] `stateful=True` → 이전 배치의 h 를 이어받음")}),
    ("an unticked box is no resolution", [["[ ] PMI vs PPMI"], ["[ ] PMI vs PPMI — still"]],
     {("[ ] PMI vs PPMI", 2, "open", None)}),
    # A resolving line names its item short: all its words are the item's, or its concepts
    # are and it shares a word with it.
    ("named short", [["why the mini-batch rows in truncated BPTT start at different offsets"],
                     ["offsets → every row reads its own stretch of the corpus, got it"]],
     {("why the mini-batch rows in truncated BPTT start at different offsets", 1, "resolved",
       "offsets → every row reads its own stretch of the corpus, got it")}),
    ("ko named short", [["Truncated BPTT 에서 미니배치 데이터를 옮겨서(offset) 주는 이유"],
                        ["[x] offset 이유 → 각 행이 다른 위치를 읽게"]],
     {("Truncated BPTT 에서 미니배치 데이터를 옮겨서(offset) 주는 이유", 1, "resolved",
       "[x] offset 이유 → 각 행이 다른 위치를 읽게")}),
    ("ko named short by its concept", [["네거티브 샘플링에서 긍정적 예의 손실과 오답의 손실을 어떻게 합치는지"],
                                       ["[x] 네거티브 샘플링 손실 합치기 → 다 더함"]],
     {("네거티브 샘플링에서 긍정적 예의 손실과 오답의 손실을 어떻게 합치는지", 1, "resolved",
       "[x] 네거티브 샘플링 손실 합치기 → 다 더함")}),
    ("fixed in a session", [["Embedding backward = slice", "window size vs context size"],
                            ["Embedding backward = slice — fixed in session 2", "why the window size is fixed"]],
     {("Embedding backward = slice", 1, "resolved", "Embedding backward = slice — fixed in session 2"),
      ("window size vs context size", 1, "open", None),
      ("why the window size is fixed", 1, "open", None)}),
    # A line that comes back to an earlier question names it by a key word: it resolves the
    # one open item whose lines hold that word, none if several do.
    ("by a key word", [["mini-batch with TBPTT: each row starts at a different offset", "why dh accumulates"],
                       ["the offsets question from last time → every row reads its own part. Got it now ✔"]],
     {("mini-batch with TBPTT: each row starts at a different offset", 1, "resolved",
       "the offsets question from last time → every row reads its own part. Got it now ✔"),
      ("why dh accumulates", 1, "open", None)}),
    ("by a key word that two items hold", [["mini-batch rows: each starts at a different offset",
                                            "Embedding lookup: the offset into W_in"],
                                           ["the offsets question from last time → got it now"]],
     {("mini-batch rows: each starts at a different offset", 1, "open", None),
      ("Embedding lookup: the offset into W_in", 1, "open", None),
      ("the offsets question from last time → got it now", 1, "resolved",
       "the offsets question from last time → got it now")}),
    ("ko by a key word", [["TBPTT 미니배치: 각 행이 다른 offset 에서 시작하는 이유", "stateful 이 뭔지"],
                          ["지난번 offset 질문 → 이제 이해함"]],
     {("TBPTT 미니배치: 각 행이 다른 offset 에서 시작하는 이유", 1, "resolved", "지난번 offset 질문 → 이제 이해함"),
      ("stateful 이 뭔지", 1, "open", None)}),
    # Two items on one line, held apart by a semicolon: each is flagged and resolved alone.
    ("two on one line", [["PMI vs PPMI; window size vs context size"], ["PMI vs PPMI — got it now"]],
     {("PMI vs PPMI", 1, "resolved", "PMI vs PPMI — got it now"), ("window size vs context size", 1, "open", None)}),
    ("a semicolon in parentheses or code", [["PMI vs PPMI (PPMI clips; PMI does not)", "why `a; b` parses"]],
     {("PMI vs PPMI (PPMI clips; PMI does not)", 1, "open", None), ("why `a; b` parses", 1, "open", None)}),
    ("one sentence with a semicolon", [["training loss alone is not enough; validation is needed for claims"]],
     {("training loss alone is not enough; validation is needed for claims", 1, "open", None)}),
    ("can now explain", [["why the forward pass is not cut"], ["why the forward pass is not cut — can now explain"]],
     {("why the forward pass is not cut", 1, "resolved", "why the forward pass is not cut — can now explain")}),
    ("ko can now explain", [["왜 순전파는 안 끊는지"], ["왜 순전파는 안 끊는지 — 설명할 수 있게 됨"]],
     {("왜 순전파는 안 끊는지", 1, "resolved", "왜 순전파는 안 끊는지 — 설명할 수 있게 됨")}),
    ("ja can now explain", [["なぜ順伝播は切らないのか"], ["なぜ順伝播は切らないのか — 説明できるようになった"]],
     {("なぜ順伝播は切らないのか", 1, "resolved", "なぜ順伝播は切らないのか — 説明できるようになった")}),
    ("two questions on one line", [["why sigmoid-with-loss backward is exactly y - t; why 0.75"],
                                   ["why 0.75 — got it now, it is empirical"]],
     {("why sigmoid-with-loss backward is exactly y - t", 1, "open", None),
      ("why 0.75", 1, "resolved", "why 0.75 — got it now, it is empirical")}),
    ("ko two questions on one line", [["왜 0.75제곱인지; 어떻게 부정적 예를 뽑는지"]],
     {("왜 0.75제곱인지", 1, "open", None), ("어떻게 부정적 예를 뽑는지", 1, "open", None)}),
    ("a question and a remark", [["why 0.75; the book does not say"]], {("why 0.75; the book does not say", 1, "open", None)}),
    ("ko two on one line", [["PMI와 PPMI 차이； 윈도우 크기와 문맥 크기"], ["PMI와 PPMI 차이 — 해결"]],
     {("PMI와 PPMI 차이", 1, "resolved", "PMI와 PPMI 차이 — 해결"), ("윈도우 크기와 문맥 크기", 1, "open", None)}),
    # A line that says its confusion is still there, naming the concept of an earlier item
    # but words of its own, is another confusion about that concept.
    ("still, about another side of a concept", [["negative sampling — how many negatives per positive"],
                                                 ["still not sure where EmbeddingDot ends and negative sampling begins"]],
     {("negative sampling — how many negatives per positive", 1, "open", None),
      ("still not sure where EmbeddingDot ends and negative sampling begins", 1, "open", None)}),
    ("still, named short", [["negative sampling — how many negatives per positive"], ["negative sampling (still)"]],
     {("negative sampling — how many negatives per positive", 2, "open", None)}),
    # A note after it that says it is still open makes a line an earlier item, named short in
    # words of its own; without one, those words make it another confusion (above).
    ("still-open note, own words", [["where exactly does dropout go in an LSTM LM"], ["dropout placement (still)"]],
     {("where exactly does dropout go in an LSTM LM", 2, "open", None)}),
    ("ko still-open note, own words", [["LSTM에서 드롭아웃을 정확히 어디에 넣는지"], ["드롭아웃 위치 (아직)"]],
     {("LSTM에서 드롭아웃을 정확히 어디에 넣는지", 2, "open", None)}),
    ("still-open note, another concept", [["where exactly does dropout go in an LSTM LM"], ["weight tying (still)"]],
     {("where exactly does dropout go in an LSTM LM", 1, "open", None), ("weight tying (still)", 1, "open", None)}),
    # An item that says there is none flags nothing; what its comment says is resolved is.
    ("none today, and what clicked", [["dropout placement"],
                                      ["none today — dropout placement finally clicked: it goes between layers"]],
     {("dropout placement", 1, "resolved", "none today — dropout placement finally clicked: it goes between layers")}),
    ("nothing alone", [["why clip gradients"], ["Nothing new.", "n/a"]], {("why clip gradients", 1, "open", None)}),
    ("ko none, and what clicked", [["드롭아웃 위치"], ["오늘은 없음 — 드롭아웃 위치 이제 이해함"]],
     {("드롭아웃 위치", 1, "resolved", "오늘은 없음 — 드롭아웃 위치 이제 이해함")}),
    ("ja none", [["特になし"]], set()),
    ("none as a word of an item", [["why none of the rows is zeroed"]], {("why none of the rows is zeroed", 1, "open", None)}),
    ("a short name with a word of no item resolves none", [["why clip gradients"], ["[x] dropout masks"]],
     {("why clip gradients", 1, "open", None), ("[x] dropout masks", 1, "resolved", "[x] dropout masks")}),
]


@pytest.mark.parametrize("name, sessions, expected", WATCHLISTS, ids=[case[0] for case in WATCHLISTS])
def test_watchlist_items(name, sessions, expected):
    assert items_of(knowledge_of(log_of(*sessions))) == expected


RESOLVED_ITEMS = [
    ("~~softmax vs sigmoid~~ got it now: softmax is one-of-many", "softmax vs sigmoid"),
    ("**~~PMI vs PPMI~~**", "PMI vs PPMI"),
    ("teacher forcing vs greedy decoding → ok now, only in training", "teacher forcing vs greedy decoding"),
    ("PMI vs PPMI finally clear!", "PMI vs PPMI"),
    ("Got it: PMI vs PPMI", "PMI vs PPMI"),
    ("은닉 상태와 출력의 차이 — 이것도 해결", "은닉 상태와 출력의 차이"),
    ("배치 크기 vs 에폭 → 이제 알겠다", "배치 크기 vs 에폭"),
    ("PMIとPPMIの違い：解決した", "PMIとPPMIの違い"),
    ("PMI和PPMI的区别 — 明白了", "PMI和PPMI的区别"),
    ("배치 크기 vs 에폭 → 이제 확실히 알겠음", "배치 크기 vs 에폭"),
    ("배치 크기 vs 에폭 — 이제 좀 더 알겠다", "배치 크기 vs 에폭"),
    ("배치 크기 vs 에폭: 이해 드디어 완료", "배치 크기 vs 에폭"),
    ("[x] PMI vs PPMI → PPMI drops the negatives", "PMI vs PPMI"),
    ("[X] 은닉 상태와 출력의 차이", "은닉 상태와 출력의 차이"),
    ("[ ] PMI vs PPMI", None),
    ("why P(w)^0.75 — resolved session 4", "why P(w)^0.75"),
    ("sample_size vs window_size → got it in lesson 3.", "sample_size vs window_size"),
    ("softmax vs sigmoid — understood on 12/10", "softmax vs sigmoid"),
    # Said resolved in the session the line is written in: today, now, this session.
    ("Training loss alone is insufficient; validation is required. -> resolved today: ppl 5.6 on train data "
     "says nothing", "Training loss alone is insufficient; validation is required."),
    ("PMI vs PPMI -> resolved today.", "PMI vs PPMI"),
    ("PMI vs PPMI — resolved now", "PMI vs PPMI"),
    ("PMI vs PPMI — resolved (today)", "PMI vs PPMI"),
    ("PMI vs PPMI (resolved today)", "PMI vs PPMI"),
    ("why the window is fixed — got it this session", "why the window is fixed"),
    ("dropout at test time — fixed today", "dropout at test time"),
    ("PMI와 PPMI 차이 → 해결함 (오늘)", "PMI와 PPMI 차이"),
    ("PMI와 PPMI 차이 — 오늘 해결", "PMI와 PPMI 차이"),
    ("PMIとPPMIの違い → 今日解決", "PMIとPPMIの違い"),
    ("PMIとPPMIの違い — 解決（今日）", "PMIとPPMIの違い"),
    ("PMI和PPMI的区别 — 今天解决了", "PMI和PPMI的区别"),
    ("PMI vs PPMI — not resolved today", None),
    ("PMI vs PPMI — still open today", None),
    ("PMI와 PPMI 차이 → 오늘도 해결 못함", None),
    ("why the gradient is resolved today at step 3", None),
    ("sample_size vs window_size — still open in session 5", None),
    ("PMI vs PPMI: still unsure", None),
    ("배치 크기 vs 에폭 → 아직 이해 못함", None),
    ("배치 크기 vs 에폭 → 잘 모르겠음", None),
    ("배치 크기 vs 에폭 → 이해가 안 됨", None),
    ("배치 크기 vs 에폭 → 이해 아직 완료", None),  # a negation between the words of the phrase
    ("배치 크기 vs 에폭 → 이제 다시 한 번 더 봐야 알겠음", None),  # more than two words between
    ("PMI vs PPMI — got it wrong again now", None),  # no words between in Latin letters
    ("PMI vs PPMI — not understood yet", None),
    ("why the gradient is not well understood", None),
    ("Fair comparison rule: do not compare only by epochs when update counts differ.", None),
    ("the tutor said clipping solved it for the RNN layers", None),
    ("배치 크기 vs 에폭 — 또 헷갈림", None),
    ("PMI와 PPMI — 해결 안 됨", None),
    ("PMIとPPMIの違い — まだ理解していない", None),
    # A sign before the resolving word says the same; it does not hide the word.
    ("✅ got it: PMI vs PPMI", "PMI vs PPMI"),
    ("✔ resolved: clip by norm vs clip by value", "clip by norm vs clip by value"),
    ("👍 이해함: 은닉 상태와 출력의 차이", "은닉 상태와 출력의 차이"),
    ("❌ got it: PMI vs PPMI", "PMI vs PPMI"),
    ("✅ not resolved: PMI vs PPMI", None),
    # "fixed" is a status with when after it, or alone as a clause of the comment: the
    # item's, not a word inside it.
    ("Embedding backward = slice (it's a scatter-add: `np.add.at(dW, idx, dout)`) — fixed in session 2",
     "Embedding backward = slice (it's a scatter-add: `np.add.at(dW, idx, dout)`)"),
    ("positive example = context word (it's the target) — fixed (session 3)",
     "positive example = context word (it's the target)"),
    ("dropout at test time — corrected on 12/10", "dropout at test time"),
    ("PMI와 PPMI 차이 — 고침 (3회차)", "PMI와 PPMI 차이"),
    ("why the window is fixed", None),
    ("the window is fixed — why?", None),
    ("PMI vs PPMI — fixed", "PMI vs PPMI"),
    ("Analogy arithmetic — fixed, she explained normalisation back to me.", "Analogy arithmetic"),
    ("the second bottleneck — now OK", "the second bottleneck"),
    ("learning rate — fixed at 0.1 in the book", None),
    ("PMI vs PPMI — not fixed", None),
    ("sample_size vs window_size — not fixed in session 5", None),
    ("why the window size is fixed in session 2", None),
]


@pytest.mark.parametrize("text, item", RESOLVED_ITEMS)
def test_where_a_line_names_the_item_it_resolves(text, item):
    span = resolved_item(text, LABELS)
    assert (text[span[0]:span[1]] if span else None) == item


RESUME_LINES = [
    ("confused:\n- softmax vs sigmoid\n\nnext: run ch06 train.py with clipping", "run ch06 train.py with clipping"),
    ("**Watchlist**\n- softmax vs sigmoid\n- Next: run train.py", "run train.py"),
    ("- Watchlist:\n- softmax vs sigmoid\n- Next time: implement CBOW", "implement CBOW"),
    ("### 헷갈리는 개념\n- PMI와 PPMI의 차이\n다음: 3장 word2vec", "3장 word2vec"),
    ("### 헷갈리는 개념\n- PMI와 PPMI의 차이\n- 다음: 3장 word2vec", "3장 word2vec"),
]


# A part named by a resolving word (``Understood now``, ``**Got it** ✅``, ``### 해결``):
# each of its lines resolves the item it names.
@pytest.mark.parametrize("part", ["**Understood now**", "**Understood now** ✅", "### Resolved", "- Got it:",
                                  "### 해결"])
def test_a_part_named_by_a_resolving_word_resolves_what_its_lines_name(part):
    text = ("## Session: 2026-03-01 10:00 KST\n- Watchlist:\n  - I keep mixing up `sample_size` and `window_size`\n"
            "  - Truncated BPTT: forward kept, backward cut?\n\n"
            f"## Session: 2026-03-02 10:00 KST\n{part}\n- `sample_size` vs `window_size` — negatives vs context\n"
            "- Truncated BPTT forward/backward: backward stops at the block edge\n")
    assert {(status, resolution is not None) for _, _, status, resolution in items_of(knowledge_of(text))} == {
        ("resolved", True)}
    assert len(knowledge_of(text).watchlist) == 2


@pytest.mark.parametrize("body, resume", RESUME_LINES)
def test_a_resume_line_inside_a_watchlist_part_is_the_resume_point(body, resume):
    text = "## Session: 2026-03-01 10:00 KST\n" + body + "\n"
    knowledge = knowledge_of(text)
    session = knowledge.sessions[0]
    assert [i.text for i in session.items_of(SectionKind.RESUME)] == [resume]
    assert [w.text for w in knowledge.watchlist] == [session.items_of(SectionKind.WATCHLIST)[0].text]
    assert not any("What does your note" in card.front for card in knowledge.cards)


@pytest.mark.parametrize("name, kind", [
    ("Next", SectionKind.RESUME), ("다음", SectionKind.RESUME), ("Watchlist", SectionKind.WATCHLIST),
    ("Next-word prediction", SectionKind.OTHER), ("다음 단어 예측", SectionKind.OTHER),
])
def test_a_heading_named_next_is_the_resume_point_but_not_one_that_only_starts_so(name, kind):
    session = knowledge_of(f"## Session: 2026-03-01 10:00 KST\n### {name}\n- a line\n").sessions[0]
    assert session.sections[0].kind is kind


def test_a_part_named_alone_on_its_line_opens_it():
    session = knowledge_of("## Session: 2026-03-01 10:00 KST\nWatchlist\n- PMI vs PPMI\n").sessions[0]
    assert [i.text for i in session.items_of(SectionKind.WATCHLIST)] == ["PMI vs PPMI"]


RESOLVED_LOG = log_of(["softmax vs sigmoid", "PMI vs PPMI"], ["~~softmax vs sigmoid~~ got it now"])


def test_the_dashboard_lists_only_the_open_items():
    knowledge = knowledge_of(RESOLVED_LOG)
    _, home = render_site(knowledge, {}, 3)
    assert home["open_watchlist"] == 1
    assert "PPMI</a> (flagged 1×)" in home["html"]["watchlist"] and "softmax" not in home["html"]["watchlist"]


def test_the_watchlist_page_shows_a_resolved_item_resolved_on_its_date():
    files, _ = render_site(knowledge_of(RESOLVED_LOG), {}, 3)
    watchlist = files[page("watchlist.md")]
    assert "1 open (flagged in the last 3 sessions), 0 quiet, 1 resolved." in watchlist
    assert 'resolved <a href="../sessions/2026-03-02-1000/">2026-03-02 10:00 KST</a>' in watchlist
    assert "flagged 2×" not in watchlist


@pytest.mark.parametrize("sessions, item, said", [
    ([["Why 0.75 specifically. (still open)"], ["Why 0.75 specifically. -> resolved: it is empirical"]],
     "Why 0.75 specifically. (still open)", "→ resolved: it is empirical"),
    ([["Sigmoid vs softmax: when each is used."], ["Sigmoid vs softmax: when each is used. — got it: one of many"]],
     "Sigmoid vs softmax: when each is used.", "→ got it: one of many"),
    ([["PMI vs PPMI (아직)"], ["~~PMI vs PPMI~~ 이제 이해함"]], "PMI vs PPMI (아직)", "→ <del>PMI vs PPMI</del> 이제 이해함"),
])
def test_the_watchlist_page_shows_the_line_that_resolved_an_item_with_its_resolution(sessions, item, said):
    """An item's wording may still say it is open: what the resolving line says comes with it,
    without the item's wording where the line repeats it."""
    files, _ = render_site(knowledge_of(log_of(*sessions)), {}, 3)
    watchlist = files[page("watchlist.md")]
    unlinked = re.sub(r"</?a\b[^>]*>", "", watchlist).replace("&gt;", ">")
    assert f'{item}<br><span class="studykb-resolving">{said}</span>' in unlinked


def test_a_resolved_items_card_is_kept_but_not_watched():
    cards = {card.front: card for card in knowledge_of(RESOLVED_LOG).cards if card.kind == "watch"}
    resolved = cards["What is the difference between softmax and sigmoid?"]
    assert not resolved.watch and "~~softmax vs sigmoid~~ got it now" in resolved.back
    assert cards["What is the difference between PMI and PPMI?"].watch


def test_an_item_flagged_and_resolved_on_one_line_has_a_resolved_card_that_says_it_once():
    line = "Difference between batch size and updates per epoch -> resolved today (explained back)"
    card, = (card for card in knowledge_of(log_of([line])).cards if card.kind == "watch")
    assert not card.watch
    assert card.back.count("resolved today") == 1


def test_a_learner_adds_spellings_of_resolved(tmp_path):
    path = tmp_path / "vocabulary.yml"
    path.write_text("labels:\n  resolved: [erledigt]\n  negation: [nicht]\n", encoding="utf-8")
    labels, problems = load_user_labels(path, "sessions/vocabulary.yml")
    assert problems == []
    knowledge = knowledge_of(log_of(["PMI vs PPMI", "CBOW vs skip-gram"],
                                    ["PMI vs PPMI — erledigt", "CBOW vs skip-gram — nicht erledigt"]), labels)
    assert {(w.text, w.status) for w in knowledge.watchlist} == {("PMI vs PPMI", "resolved"),
                                                                  ("CBOW vs skip-gram — nicht erledigt", "open")}


@pytest.mark.parametrize("text", ["**Resolved**", "Resolved:", "~~", "→ got it", "got it", "해결"])
def test_a_resolving_word_alone_names_no_item(text):
    assert resolved_item(text, LABELS) is None


@pytest.mark.parametrize("part", ["## Misconceptions", "**Common misconceptions**", "### 오개념"])
def test_a_list_of_misconceptions_is_a_watchlist(part):
    text = (f"## Session: 2026-03-01 10:00 KST\n- Topics:\n  - ch4\n{part}\n"
            "- positive example = context word (it's the target) — resolved session 3\n"
            "- `sample_size` vs `window_size` — still open\n")
    assert items_of(knowledge_of(text)) == {
        ("positive example = context word (it's the target) — resolved session 3", 1, "resolved",
         "positive example = context word (it's the target) — resolved session 3"),
        ("`sample_size` vs `window_size` — still open", 1, "open", None)}


# A learned line that starts with a sign and a resolving word resolves the open item it
# names, and is no item of its own.
@pytest.mark.parametrize("learned, item", [
    ("- Learned:\n  - ✅ got it: PMI vs PPMI", "PMI vs PPMI"),
    ("✅ got it: PMI vs PPMI", "PMI vs PPMI"),
    ("### Learned\n- ✔ PMI vs PPMI — resolved now", "PMI vs PPMI"),
    ("### 배운 것\n- 👍 이해함: 은닉 상태와 출력의 차이", "은닉 상태와 출력의 차이"),
])
def test_a_sign_before_a_resolving_word_still_resolves(learned, item):
    text = (f"## Session: 2026-03-01 10:00 KST\n- Watchlist:\n  - {item}\n  - softmax vs sigmoid\n\n"
            f"## Session: 2026-03-02 10:00 KST\n{learned}\n")
    assert {(w.text, w.status) for w in knowledge_of(text).watchlist} == {(item, "resolved"),
                                                                           ("softmax vs sigmoid", "open")}


# A bullet nested under a watchlist item comments on it (the tutor's answer); the next
# top-level bullet is an item again.
@pytest.mark.parametrize("lines, items", [
    (["- why np.add.at and the loop give the same dW", "  - → the tutor: both accumulate, ok."],
     {"why np.add.at and the loop give the same dW"}),
    (["- Truncated BPTT 에서 offset 을 주는 이유", "  - 배치의 각 행이 다른 위치를 읽게 하려고?", "    - 다음에 다시"],
     {"Truncated BPTT 에서 offset 을 주는 이유"}),
    (["- why dh accumulates", "  - from the next step", "- what stateful=True keeps"],
     {"why dh accumulates", "what stateful=True keeps"}),
])
def test_a_bullet_nested_under_a_watchlist_item_is_a_comment_on_it(lines, items):
    text = "## Session: 2026-03-01 10:00 KST\n**Got stuck on**\n" + "\n".join(lines) + "\n"
    assert {w.text for w in knowledge_of(text).watchlist} == items


def prose_log(*bodies: str) -> str:
    """A log of one session a day, each with ``body`` as it is written (no watchlist part)."""
    return "\n".join(f"## Session: 2026-03-{day:02d} 10:00 KST\n{body}\n" for day, body in enumerate(bodies, 1))


# A line of prose outside a watchlist (a tutor's notes, a learner's sentence) that says a
# confusion is still there flags it; one that says it is understood resolves the item it
# names. A learned sentence that only mentions being confused flags nothing.
PROSE = [
    ("a tutor's note", ["S. still mixes up the forward slice with the backward scatter-add."],
     {("S. still mixes up the forward slice with the backward scatter-add.", 1, "open", None)}),
    ("flagged, then understood", ["- S. still confuses \"positive example\" and \"target\", asked twice.",
                                  "- S. now keeps positive vs target straight 👍"],
     {("- S. still confuses \"positive example\" and \"target\", asked twice.".removeprefix("- "), 1, "resolved",
       "S. now keeps positive vs target straight 👍")}),
    ("understood by name", ["S. still unsure why the distribution is raised to 0.75 — gave intuition.",
                            "S. understood why the distribution is raised to 0.75."],
     {("S. still unsure why the distribution is raised to 0.75 — gave intuition.", 1, "resolved",
       "S. understood why the distribution is raised to 0.75.")}),
    ("no longer", ["I keep mixing up epochs and iterations", "no longer mixes up epochs and iterations"],
     {("I keep mixing up epochs and iterations", 1, "resolved", "no longer mixes up epochs and iterations")}),
    ("only the one it names", ["- S. still mixes up PMI and PPMI\n- S. still confuses CBOW and skip-gram",
                               "- S. understood PMI vs PPMI"],
     {("S. still mixes up PMI and PPMI", 1, "resolved", "S. understood PMI vs PPMI"),
      ("S. still confuses CBOW and skip-gram", 1, "open", None)}),
    ("said in prose and listed in one session", [
        "- S. still mixes `sample_size` with `window_size` under time pressure.\n"
        "- Misconceptions:\n  - `sample_size` vs `window_size` — still open"],
     {("S. still mixes `sample_size` with `window_size` under time pressure.", 1, "open", None)}),
    ("ko said in prose and listed in one session", [
        "- 아직도 PMI와 PPMI를 헷갈림\n- 헷갈리는 것:\n  - PMI와 PPMI", "- 헷갈리는 것:\n  - 윈도우 크기"],
     {("아직도 PMI와 PPMI를 헷갈림", 1, "open", None), ("윈도우 크기", 1, "open", None)}),
    ("a learned sentence", ["- Learned:\n  - I was confused before, now the softmax is clear",
                            "I kept mixing up PMI and PPMI, but now it is clear",
                            "S. understood that the embedding just slices rows of W."], set()),
    ("not confused", ["S. is still not confused by PMI and PPMI"], set()),
    ("a resume point", ["- Next:\n  - keep mixing up less: review PMI vs PPMI"], set()),
    ("ko still confused", ["아직도 forget 게이트와 output 게이트를 헷갈림", "이제 forget 게이트와 output 게이트 구분함"],
     {("아직도 forget 게이트와 output 게이트를 헷갈림", 1, "resolved", "이제 forget 게이트와 output 게이트 구분함")}),
    ("ko keeps confusing", ["- 계속 PMI와 PPMI를 혼동함", "- PMI와 PPMI 차이를 이해함"],
     {("계속 PMI와 PPMI를 혼동함", 1, "resolved", "PMI와 PPMI 차이를 이해함")}),
    ("ko a learned sentence", ["- 배운 것:\n  - 처음엔 헷갈렸는데 이제 softmax 가 이해됨"], set()),
]


@pytest.mark.parametrize("name, bodies, expected", PROSE, ids=[case[0] for case in PROSE])
def test_prose_that_says_a_confusion_flags_it_and_prose_that_says_it_is_understood_resolves_it(
        name, bodies, expected):
    assert items_of(knowledge_of(prose_log(*bodies))) == expected


def test_each_item_of_a_line_shows_its_own_text_on_the_watchlist_page_and_cards():
    knowledge = knowledge_of(log_of(["PMI vs PPMI; softmax vs sigmoid"], ["PMI vs PPMI — got it now"]))
    files, _ = render_site(knowledge, {}, 3)
    watchlist = files[page("watchlist.md")]
    assert '<li><a href="../concepts/pmi/">PMI</a> vs <a href="../concepts/ppmi/">PPMI</a><br>' in watchlist
    assert '<li><a href="../concepts/softmax/">softmax</a> vs <a href="../concepts/sigmoid/">sigmoid</a><br>' in watchlist
    assert {w.text: w.concepts for w in knowledge.watchlist} == {"PMI vs PPMI": ("pmi", "ppmi"),
                                                                 "softmax vs sigmoid": ("softmax", "sigmoid")}
    fronts = {card.front for card in knowledge.cards if card.kind == "watch"}
    assert fronts == {"What is the difference between PMI and PPMI?", "What is the difference between softmax and sigmoid?"}


def test_one_of_two_items_on_a_line_flagged_again_is_that_item():
    knowledge = knowledge_of(log_of(["PMI vs PPMI; window size vs context size"], ["window size vs context size — still"]))
    assert {(w.text, len(w.flagged_in), w.status) for w in knowledge.watchlist} == {
        ("PMI vs PPMI", 1, "open"), ("window size vs context size — still", 2, "open")}
