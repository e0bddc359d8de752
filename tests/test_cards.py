"""Recall cards read as questions: one for every definition, Q/A line and watchlist item."""
from __future__ import annotations

import pytest

from studykb.card_phrases import language_of
from studykb.cards import definition_question, split_question
from studykb.config import Config
from studykb.model import Line, Source
from studykb.pipeline import load
from tests.conftest import SEED, make_project


def watch_fronts(tmp_path, part: str, item: str) -> list[str]:
    """The questions of the watchlist cards of a one-session log with ``item`` under ``part``,
    on a site in the language of the item's line (the rest of the log is a stub)."""
    root = make_project(tmp_path, {"x.md": f"## Session: 2026-03-05 09:00 KST\n### {part}\n- {item}\n"})
    knowledge = load(Config(root=root, language=language_of(item))).knowledge
    return [card.front for card in knowledge.cards if card.kind == "watch"]


def cards_of(tmp_path):
    root = make_project(tmp_path, {"dlfs2.md": SEED.read_bytes()})
    return load(Config(root=root)).knowledge


def test_every_watchlist_item_has_a_card_asked_as_a_question(tmp_path):
    knowledge = cards_of(tmp_path)
    fronts = {card.front: card for card in knowledge.cards if card.kind == "watch"}
    assert len(fronts) == len(knowledge.watchlist)
    assert "What is the difference between batch size and updates per epoch?" in fronts
    rule = fronts["What does your note “Fair comparison rule” say?"]
    assert rule.back.startswith("do not compare only by epochs when update counts differ.")
    difference = fronts["What is the difference between batch size and updates per epoch?"]
    assert "samples per update step" in difference.back  # the learner's own definitions in the answer


def test_a_watchlist_item_that_names_no_concept_gets_a_card_of_its_own(tmp_path):
    log = ("## Session: 2026-03-05 09:00 KST\n- Watchlist:\n"
           "  - does the sampler need to exclude the positive target? the book's version does\n"
           "  - why my second run never finishes on the old laptop at home\n"
           "  - 샘플러가 정답 단어를 빼야 하나？ 책에서는 뺀다\n")
    root = make_project(tmp_path, {"x.md": log})
    fronts = sorted(card.front for card in load(Config(root=root)).knowledge.cards if card.kind == "watch")
    assert fronts == ["Does the sampler need to exclude the positive target?",
                      "What did you flag as confusing in “why my second run never finishes on the…”?",
                      "샘플러가 정답 단어를 빼야 하나？"]


def test_a_qa_line_without_a_question_asks_what_was_settled(tmp_path):
    fronts = [card.front for card in cards_of(tmp_path).cards if card.kind == "qa"]
    assert "What did you settle about data quality and objective mismatch?" in fronts
    assert not any(front.endswith("What follows?") for front in fronts)
    assert "When model performs badly: what then?" in fronts


def test_the_learners_own_quiz_markers_split_cards_into_question_and_answer(tmp_path):
    log = ("## Session: 2026-03-05 09:00 KST\n- Learned:\n  - epochs\n"
           "- Frage 1: What is an epoch? Antwort 1: One pass over the training data.\n"
           "- Frage 2: Why shuffle each epoch?\n- Antwort 2: So that batches differ between passes.\n")
    root = make_project(tmp_path, {"x.md": log})
    (root / "sessions" / "vocabulary.yml").write_text("labels:\n  question: [Frage]\n  answer: [Antwort]\n")
    cards = {card.front: card.back for card in load(Config(root=root)).knowledge.cards if card.kind == "qa"}
    assert cards == {"What is an epoch?": "One pass over the training data.",
                     "Why shuffle each epoch?": "So that batches differ between passes."}



@pytest.mark.parametrize("name, question", [
    ("epoch", "What is an epoch?"), ("one-hot vector", "What is a one-hot vector?"),
    ("updates per epoch", "What are updates per epoch?"), ("bias", "What is a bias?"), ("corpus", "What is a corpus?"),
    ("SGD", "What is SGD?"), ("truncated BPTT", "What is truncated BPTT?"), ("Adam", "What is Adam?"),
    ("W_in", "What is W_in?"), ("hidden_size", "What is hidden_size?"), ("seq2seq", "What is seq2seq?"),
    ("게이트", "What is 게이트?"),
    # a method or a quantity, not one thing of a kind
    ("negative sampling", "What is negative sampling?"), ("teacher forcing", "What is teacher forcing?"),
    ("overfitting", "What is overfitting?"), ("perplexity", "What is perplexity?"), ("attention", "What is attention?"),
    ("dimensionality reduction", "What is dimensionality reduction?"), ("beam search", "What is beam search?"),
    ("embedding", "What is an embedding?"), ("word embedding", "What is a word embedding?"),
    ("distributed representation", "What is a distributed representation?"),
])
def test_a_definition_card_asks_with_the_article_the_name_takes(name, question):
    assert definition_question(name) == question


@pytest.mark.parametrize("item, front", [
    ("[ ] forget 게이트와 output 게이트가 곱해지는 위치", "“forget 게이트와 output 게이트가 곱해지는 위치”에서 헷갈린다고 적은 것은 무엇인가요?"),
    ("- [ ] why does the sampler skip the target? the book's does", "Why does the sampler skip the target?"),
    ("[x] PMI vs PPMI", "What is the difference between PMI and PPMI?"),
])
def test_a_task_list_items_card_asks_without_its_box(tmp_path, item, front):
    assert watch_fronts(tmp_path, "헷갈리는 것", item.removeprefix("- ")) == [front]


# The cards studykb words itself ask in the site's language, here the one of the line they come from.
@pytest.mark.parametrize("part, item, front", [
    ("Watchlist", "softmax vs sigmoid", "What is the difference between softmax and sigmoid?"),
    ("헷갈리는 것", "학습률이 너무 크면 왜 발산하는지", "학습률에서 계속 헷갈리는 점은 무엇인가요?"),
    ("헷갈리는 것", "softmax vs sigmoid 차이", "softmax, sigmoid 두 가지의 차이는 무엇인가요?"),
    ("헷갈리는 것", "오늘 실습 코드의 흐름 전체", "“오늘 실습 코드의 흐름 전체”에서 헷갈린다고 적은 것은 무엇인가요?"),
    ("混乱した概念", "学習率が大きすぎると発散する理由", "学習率について、何がいつも混乱しますか？"),
    ("易混淆", "学习率太大为什么会发散", "关于学习率，总是混淆的是什么？"),
])
def test_a_watchlist_card_asks_in_the_language_of_its_item(tmp_path, part, item, front):
    assert watch_fronts(tmp_path, part, item) == [front]


@pytest.mark.parametrize("text, front, back", [
    ('User asked "is Embedding a different model or just faster?" -> Same math, less memory.',
     "Is Embedding a different model or just faster?", "Same math, less memory."),
    ("User guessed doubling time_size would double speed. -> No: same tokens per epoch.",
     "What did you note after “User guessed doubling time_size would double speed.”?", "No: same tokens per epoch."),
    ("Why 0.75? -> Empirical.", "Why 0.75?", "Empirical."),
    ('학생이 "Embedding은 다른 모델인가?"라고 물음 → 같은 계산', "Embedding은 다른 모델인가?", "같은 계산"),
])
def test_a_qa_line_asks_its_own_question(text, front, back):
    assert split_question(Line(text, Source("log.md", 1), None, None, "qa")) == (front, back)


# A note at the end of an item that says it is still open is its status, not part of what it asks.
@pytest.mark.parametrize("part, item, front", [
    ("Watchlist", "`time_size` vs `batch_size` in the RNN data layout (N x T). (still open)",
     "What is the difference between time_size and batch_size in the RNN data layout (N x T)?"),
    ("Watchlist", "dropout vs weight decay (still)", "What is the difference between dropout and weight decay?"),
    ("Watchlist", "why clip by norm and not by value? (open)", "Why clip by norm and not by value?"),
    ("Watchlist", "Why 0.75 specifically. (still open, parked)", "What did you flag as confusing in “Why 0.75 specifically.”?"),
    ("Watchlist", "PMI vs PPMI (explained on p. 80)", "What is the difference between PMI and PPMI (explained on p. 80)?"),
    ("Watchlist", "`window_size` vs `hidden_size` (mixed them up when editing train.py: window = context words per side)",
     "What is the difference between window_size and hidden_size?"),
    ("헷갈리는 것", "`window_size` vs `hidden_size` (train.py 고칠 때 헷갈림: window = 한쪽 문맥 단어 수)",
     "window_size, hidden_size 두 가지의 차이는 무엇인가요?"),
    ("헷갈리는 것", "softmax vs sigmoid 차이 (아직)", "softmax, sigmoid 두 가지의 차이는 무엇인가요?"),
    ("混乱した概念", "PMI vs PPMIの違い（まだ）", "PMIとPPMIの違いは何ですか？"),
])
def test_a_watchlist_card_asks_without_the_note_that_the_item_is_still_open(tmp_path, part, item, front):
    assert watch_fronts(tmp_path, part, item) == [front]


# Words at an item's start that say how it stands are no side of it; two things set against each
# other in a parenthesis after what they are about are asked about that.
@pytest.mark.parametrize("part, item, front", [
    ("Watchlist", "still mixing up Embedding backward (add vs assign)",
     "What is the difference between add and assign in Embedding backward?"),
    ("Watchlist", "confused about the CBOW context (sum vs average)",
     "What is the difference between sum and average in the CBOW context?"),
    ("Watchlist", "still mixing up softmax vs sigmoid", "What is the difference between softmax and sigmoid?"),
    ("Watchlist", "sigmoid loss for positives vs negatives (labels 1 vs 0)",
     "What is the difference between sigmoid loss for positives and negatives (labels 1 vs 0)?"),
    ("헷갈리는 것", "Embedding 역전파 (더하기 vs 대입)", "Embedding 역전파에서 더하기와 대입의 차이는 무엇인가요?"),
    ("混乱した概念", "Embedding の逆伝播（加算 vs 代入）", "Embedding の逆伝播で、加算と代入の違いは何ですか？"),
])
def test_a_watchlist_card_asks_what_the_item_sets_against_each_other(tmp_path, part, item, front):
    assert watch_fronts(tmp_path, part, item) == [front]


# On a Korean, Japanese or Chinese site a card names a concept as its line writes it (its
# spelling too), else by the name the site shows it by.
@pytest.mark.parametrize("log, front", [
    ("## 1회차 (2026-03-05)\n### 배운 것\n- 행렬곱은 내적을 모은 것\n- 행렬곱 연습\n"
     "### 헷갈리는 것\n- matrix multiplication 과 embedding 차이\n",
     "matrix multiplication, embedding 두 가지는 어떻게 관련되고, 어디서 다른가요?"),
    ("## 1회차 (2026-03-05)\n### 배운 것\n- 역전파는 연쇄 법칙\n- Backprop 구현\n"
     "### 헷갈리는 것\n- Backprop 은 왜 거꾸로 가는지\n", "Backprop에서 계속 헷갈리는 점은 무엇인가요?"),
])
def test_a_watchlist_card_names_a_concept_as_the_site_does(tmp_path, log, front):
    root = make_project(tmp_path, {"x.md": log})
    knowledge = load(Config(root=root, language="ko")).knowledge
    assert [card.front for card in knowledge.cards if card.kind == "watch"] == [front]


# A watchlist card's answer adds the learner's definitions of what it asks about: both sides it
# sets against each other, or its first concept; not a concept the item mentions in passing.
@pytest.mark.parametrize("item, defined, not_defined", [
    ("Training loss alone is insufficient; validation is required. (still open; analogy accuracy is the eval)",
     ["loss measured on the training data", "held-out data"], ["vector arithmetic"]),
    ("Fair comparison rule: compare runs by updates, not by epochs or analogy scores.", ["same number of updates"],
     ["vector arithmetic"]),
    ("`time_size` vs `batch_size` in the RNN data layout (N x T).", ["samples per update"], ["hidden state"]),
    ("Difference between `batch size` and `perplexity` (an RNN question)", ["samples per update", "exp of the"],
     ["hidden state"]),
    ("BPTT vs truncated BPTT — where is the cut?", ["cut into blocks"], []),
    ("배치 크기 vs 퍼플렉서티, analogy 때문에 헷갈림", ["samples per update", "exp of the"], ["vector arithmetic"]),
])
def test_a_watchlist_cards_definitions_are_of_what_it_asks_about(tmp_path, item, defined, not_defined):
    log = ("## Session: 2026-03-05 09:00 KST\n- What we learned today:\n"
           "  - Analogy = vector arithmetic on normalized embeddings.\n"
           "  - Training loss = the loss measured on the training data.\n"
           "  - Batch size = the number of samples per update.\n"
           "  - Perplexity = exp of the average cross entropy loss.\n"
           "  - RNN = a layer that carries a hidden state from step to step.\n"
           "  - Validation = a check on held-out data.\n"
           "  - Fair comparison = runs given the same number of updates.\n"
           "  - Truncated BPTT = backprop cut into blocks of time steps.\n"
           f"- Watchlist:\n  - {item}\n")
    root = make_project(tmp_path, {"x.md": log})
    card, = (card for card in load(Config(root=root)).knowledge.cards if card.kind == "watch")
    assert all(d in card.back for d in defined) and not any(d in card.back for d in not_defined), card.back


# A watchlist item "label: what it says" asks what the note says; a colon inside code or
# brackets is no label's end.
@pytest.mark.parametrize("item, front", [
    ("Fair comparison rule: same epochs for both", "What does your note “Fair comparison rule” say?"),
    ("Data layout (N, T): which axis is time", "What does your note “Data layout (N, T)” say?"),
    ("덧셈 데이터에서 `t[:, :-1]` 를 쓰는 이유: 디코더 입력", "디코더에서 계속 헷갈리는 점은 무엇인가요?"),
    ("차원 (a: N×T, c: N×H) 이 헷갈림", "“차원 (a: N×T, c: N×H) 이 헷갈림”에서 헷갈린다고 적은 것은 무엇인가요?"),
])
def test_a_watchlist_note_is_split_at_its_labels_colon_only(tmp_path, item, front):
    assert watch_fronts(tmp_path, "Watchlist", item) == [front]


# An item the learner wrote as a question is asked as written, whatever concepts it names;
# one that quotes the question it comes back to without a question mark asks that.
@pytest.mark.parametrize("part, item, front", [
    ("易混淆", '为什么共现矩阵用的是"原始次数"？像 the 这种高频词会把相似度带偏。', '为什么共现矩阵用的是"原始次数"？'),
    ("易混淆", "PTB 上用的 randomized_svd 和 np.linalg.svd 结果差在哪？只知道快。",
     "PTB 上用的 randomized_svd 和 np.linalg.svd 结果差在哪？"),
    ("易混淆", '上次那个"为什么取平均不拼接"还是没完全想通。', "为什么取平均不拼接？"),
    ("헷갈리는 것", "학습률이 너무 크면 왜 발산하나요? 책에는 한 줄뿐", "학습률이 너무 크면 왜 발산하나요?"),
    ("Watchlist", "why is the gradient zeroed before np.add.at? I keep forgetting", "Why is the gradient zeroed before np.add.at?"),
    ("Watchlist", 'still stuck on "why average the contexts" from last time', "why average the contexts?"),
])
def test_a_watchlist_item_written_as_a_question_is_asked_as_written(tmp_path, part, item, front):
    assert watch_fronts(tmp_path, part, item) == [front]
