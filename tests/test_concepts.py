"""Concept extraction: definitions, backticked terms, the starter and user vocabularies."""
from __future__ import annotations

import pytest

from studykb.code_terms import is_term_like
from studykb.concepts import definition_subject, term_name
from studykb.config import Config
from studykb.labels import shipped_labels
from studykb.link import link
from studykb.parse import parse_log
from studykb.pipeline import load
from studykb.sources import LogText
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
    # How much, not what: a value after "is" defines nothing.
    ("PTB is ~1M tokens; word2vec was trained on billions.", None),
    ("`sample_size` is 5 negatives per positive.", None),
    ("Perplexity is 1 when the model is always right.", None),
    ("`PTB` is a corpus of about 1M words.", "PTB"),
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


@pytest.mark.parametrize("line, mentions", [
    # names of chapters 4-6 in Japanese, Chinese and Korean
    ("パープレキシティ = exp(平均の交差エントロピー誤差)",
     [("パープレキシティ", "perplexity"), ("交差エントロピー誤差", "cross-entropy error")]),
    ("困惑度 = exp(平均交叉熵)", [("困惑度", "perplexity"), ("交叉熵", "cross-entropy error")]),
    ("퍼플렉서티는 교차 엔트로피 오차의 exp", [("퍼플렉서티", "perplexity"), ("교차 엔트로피 오차", "cross-entropy error")]),
    ("単語の分散表現を学ぶ", [("単語の分散表現", "word vector")]),
    ("負例はunigram分布に従う", [("負例", "negative sample"), ("unigram分布", "unigram distribution")]),
    ("ユニグラム分布と 负样本", [("ユニグラム分布", "unigram distribution"), ("负样本", "negative sample")]),
    ("아날로지 대신 유추 문제, アナロジー, 类比", [("유추 문제", "analogy"), ("アナロジー", "analogy"), ("类比", "analogy")]),
    ("遗忘门 f、输入门 i、输出门 o", [("遗忘门", "forget gate"), ("输入门", "input gate"), ("输出门", "output gate")]),
    ("忘却ゲートと망각 게이트", [("忘却ゲート", "forget gate"), ("망각 게이트", "forget gate")]),
    ("变分 Dropout 和 Dropout", [("变分 Dropout", "variational dropout"), ("Dropout", "dropout")]),
    ("TimeRNN and TimeLSTM, then a GRU", [("TimeRNN", "TimeRNN"), ("TimeLSTM", "TimeLSTM"), ("GRU", "GRU")]),
    # the longest name wins: one term, not its parts
    ("勾配クリッピングで勾配爆発を防ぐ", [("勾配クリッピング", "gradient clipping"), ("勾配爆発", "exploding gradient")]),
    ("学生把梯度裁剪和权重衰减搞混", [("梯度裁剪", "gradient clipping"), ("权重衰减", "weight decay")]),
    ("荷重減衰 and 가중치 감쇠 are weight decay",
     [("荷重減衰", "weight decay"), ("가중치 감쇠", "weight decay"), ("weight decay", "weight decay")]),
    ("Sigmoid with Loss の逆伝播", [("Sigmoid with Loss", "Sigmoid with Loss")]),
    ("the SoftmaxWithLoss layer", [("SoftmaxWithLoss", "Softmax with Loss")]),
    ("네거티브 샘플링에서 네거티브 샘플 5개", [("네거티브 샘플링", "negative sampling"), ("네거티브 샘플", "negative sample")]),
    # a count right after a Korean, Japanese or Chinese name; two acronyms sharing a slash
    ("正例1個 + 負例5個", [("正例", "positive sample"), ("負例", "negative sample")]),
    ("改结构（LSTM/GRU）", [("LSTM", "LSTM"), ("GRU", "GRU")]),
    ("ran ch04/train.py, lr/SGD", []),
    # co-occurrence counts are the matrix's; other co-occurrence talk is not
    ("raw co-occurrence counts overrate frequent words", [("co-occurrence counts", "co-occurrence matrix")]),
    ("more co-occurrence evidence from a bigger corpus", [("corpus", "corpus")]),
])
def test_the_starter_vocabulary_names_terms_in_every_language_the_longest_first(line, mentions):
    lexicon = build_lexicon([], frozenset())
    assert [(line[m.start:m.end], m.term) for m in lexicon.find(line)] == mentions


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
           "- Tried `warmup` and the `cosine schedule` with WD on.\n- Looked at `dataset` sizes after `warmup`.\n"
           "- `dataset` again.\n")
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


# --- a name set before what it is, in a learned part ----------------------------------------

@pytest.mark.parametrize("line, subject", [
    ("Encoder: reads the input sequence into one vector.", "Encoder"),
    ("Subsampling = dropping frequent words at random, the more frequent the more often.", "Subsampling"),
    ("Beam search — keeps the k best partial outputs at each step.", "Beam search"),
    ("Attention weights: how much each encoder state counts.", "Attention weights"),
    ("Weighted sum: the context vector, `c = sum_t a_t * hs_t`", "Weighted sum"),
    ("Weighted sum: `c = sum_t a_t * hs_t`", None),  # code alone: no definition in the learner's words
    ("게이트: 흐름을 얼마나 통과시킬지 정하는 값", "게이트"),
    # a label, a note, a number, a sentence or a list: no name of a thing
    ("Result: loss went down.", None),
    ("Note: the book uses float32 throughout.", None),
    ("Tip: plot the loss before tuning anything.", None),
    ("Key takeaway: clip by norm, not by value.", None),
    ("Today I learned: masks hide the padding.", None),
    ("Time: 20:00", None),
    ("Epochs: 10", None),
    ("Speed-up: 3x with the row lookup", None),
    ("Step 2: build the vocabulary.", None),
    ("ValueError: shapes not aligned", None),
    ("Loss went down: slowly at first.", None),
    ("Perplexity dropped: from 400 to 130.", None),
    ("Improvements: deeper LSTM, dropout, weight tying.", None),
    ("실험: 스케일을 바꿔 가며 기울기 노름을 그려 봄", None),
    ("개선 방법: 다층화, 드롭아웃, 가중치 공유", None),
    ("The distributional hypothesis again: similar contexts, similar vectors.", None),
])
def test_a_name_then_colon_equals_or_dash_defines_it_in_a_learned_part(line, subject):
    lexicon = build_lexicon([], frozenset())
    assert definition_subject(line, lexicon, colon_allowed=True) == subject
    if subject:  # outside a learned part, an unknown name needs "is" or "means"
        assert definition_subject(line, lexicon, colon_allowed=False) is None


def link_log(*lines: str):
    """The knowledge of a one-session log of ``lines``."""
    text = ("## Session: 2026-03-01 10:00 UTC",) + lines
    log, _ = parse_log(LogText("sessions/log.md", text), shipped_labels())
    return link([log], build_lexicon([], frozenset()), 3)[0]


LEARNED = "- What I learned:"
TOPICS = "- Topics covered:"


@pytest.mark.parametrize("lines, concepts, questions", [
    ((LEARNED, "  - Beam search: keeps the k best partial outputs at each step."),
     {"beam search"}, ["What is beam search?"]),
    ((LEARNED, "  - Encoder: reads the input into one vector.", "  - Decoder — writes the output from it."),
     {"encoder", "decoder"}, ["What is an encoder?", "What is a decoder?"]),
    ((LEARNED, "  - Analogy = vector arithmetic on word vectors.", "  - analogies need a big corpus"),
     {"analogy", "word vector", "corpus"}, ["What is an analogy?"]),
    ((LEARNED, "  - `W_in` is the input-side weight matrix; `W_in` rows are word vectors."),
     {"W_in", "weight", "word vector"}, ["What is W_in?"]),
    ((LEARNED, "  - Result: loss went down.", "  - Note: the book uses float32."), {"loss function"}, []),
    (("### 배운 것", "- 어텐션 가중치: 인코더 상태마다 얼마나 볼지 정하는 값"),
     {"attention weight", "encoder"}, ["어텐션 가중치란 무엇인가요?"]),
])
def test_a_learned_line_in_makes_its_concepts_and_definition_cards(lines, concepts, questions):
    knowledge = link_log(*lines)
    assert {c.name for c in knowledge.concepts} == concepts
    assert [c.front for c in knowledge.cards if c.kind == "definition"] == questions


@pytest.mark.parametrize("lines, concepts", [
    ((TOPICS, '  - is the target word `say`? yes/no'), set()),  # a word quoted as data
    ((TOPICS, "  - 각 배치의 시작 위치를 `offset`으로 옮긴다"), set()),  # a variable
    ((TOPICS, "  - shift each row by `offset`", "  - then `offset` wraps around"), {"offset"}),  # named twice
    ((LEARNED, "  - `warmup` is a slow start of the learning rate"), {"warmup", "learning rate"}),  # defined
    ((TOPICS, "  - tried `beam search` once"), {"beam search"}),  # two words: no variable
    ((TOPICS, "  - `은닉층`을 하나 더 둔다"), {"은닉층"}),  # a name in another script: no variable
    # A common English word quoted as data, however often, is no concept unless defined.
    ((TOPICS, "  - nearest words of `you`: we, they", "  - `you` and `we` are close"), set()),
    ((TOPICS, "  - `you`와 `i`의 유사도 0.7071", "  - `you`의 최근접은 `i`"), set()),
    ((LEARNED, "  - `value` is the vector that attention averages"), {"value", "attention"}),
    # Capitalised, it names a node or a class.
    ((TOPICS, "  - `Repeat` node copies its input", "  - `Repeat` backward sums"), {"repeat"}),
])
def test_a_lone_code_word_is_a_concept_only_when_named_again_or_defined(lines, concepts):
    assert {c.name for c in link_log(*lines).concepts} == concepts


@pytest.mark.parametrize("lines, concepts, questions", [
    (("### 배운 것", "- Embedding 계층: 가중치 행렬에서 행을 뽑는 계층"), {"embedding", "weight"}, ["Embedding의 뜻은 무엇인가요?"]),
    (("### 学んだこと", "- Embeddingレイヤ：重みの行を取り出す"), {"embedding", "weight"}, ["Embeddingとは何ですか？"]),
    (("### 学んだこと", "- Affine レイヤー：行列の積とバイアス"), {"affine layer", "matrix multiplication"},
     ["Affineとは何ですか？"]),
    # Before a generic head noun, a word that is no term keeps it: "은닉" alone names nothing.
    (("### 배운 것", "- 은닉층: 은닉 상태를 만드는 층"), {"은닉층", "hidden state"}, ["은닉층이란 무엇인가요?"]),
])
def test_a_known_term_before_a_generic_head_noun_is_the_term_defined(lines, concepts, questions):
    knowledge = link_log(*lines)
    assert {c.name for c in knowledge.concepts} == concepts
    assert [c.front for c in knowledge.cards if c.kind == "definition"] == questions


# A Korean, Japanese or Chinese name with a known term's English name in parentheses, half-
# or full-width, defines that term and is its alias; a generic head noun after the
# parentheses is still the name's (``注意力（attention）机制：``).
@pytest.mark.parametrize("lines, name, alias, questions", [
    (("### 今天学到", "- 填充（padding）：把不同长度的问题补成相同长度"), "padding", "填充", ["什么是填充？"]),
    (("### 学んだこと", "- パディング（padding）：長さをそろえるために埋める"), "padding", "パディング",
     ["パディングとは何ですか？"]),
    (("### 배운 것", "- 패딩(padding)은 길이를 맞추려고 채우는 것"), "padding", "패딩", ["패딩이란 무엇인가요?"]),
    (("### 学んだこと", "- 埋め込み（embedding）：単語IDからベクトルを取り出す"), "embedding", "埋め込み",
     ["埋め込みとは何ですか？"]),
    (("### 学んだこと", "- 符号化器（encoder）は入力をベクトルにまとめる"), "encoder", "符号化器", ["符号化器とは何ですか？"]),
    (("### 今天学到", "- 注意力（attention）机制：每个时刻选择需要的信息"), "attention", "注意力", ["什么是注意力？"]),
    (("### 배운 것", "- 주의(attention) 메커니즘: 필요한 정보를 고른다"), "attention", "주의", ["주의란 무엇인가요?"]),
    (("### 今天学到", "- padding（填充）：把不同长度的问题补成相同长度"), "padding", "填充", ["什么是填充？"]),
])
def test_a_name_beside_a_known_terms_english_name_defines_that_term(lines, name, alias, questions):
    knowledge = link_log(*lines, "### 疑问", f"- {alias}和 mask 有什么区别？")
    concept = next(c for c in knowledge.concepts if c.name == name)
    assert (concept.slug, alias in concept.aliases) == (name, True)
    assert [c.front for c in knowledge.cards if c.kind == "definition"] == questions
    assert len(concept.mentions) == 2  # the other spelling, later, is a mention of it


@pytest.mark.parametrize("spelling, name", [
    ("Encoder", "encoder"), ("Beam search", "beam search"), ("W_in", "W_in"), ("hidden_size", "hidden_size"),
    ("TimeRNN", "TimeRNN"), ("LSTM", "LSTM"), ("게이트", "게이트"),
])
def test_a_new_terms_name_keeps_the_case_of_code_and_acronyms(spelling, name):
    assert term_name(spelling) == name


# --- a verb phrase before a colon is no term -------------------------------------------------

@pytest.mark.parametrize("line, subject", [
    # what was done to a formula's variable, or how often: a verb phrase
    ("反复乘 W_h：最大奇异值 > 1 容易爆炸，< 1 容易消失", None),
    ("每次乘以 W_x：梯度会越来越小", None),
    ("反复相乘：梯度指数级变化", None),
    ("繰り返し W_h を掛ける：勾配が指数的に変わる", None),
    ("毎回 dW を足す：上書きしない", None),
    ("반복해서 W_h 곱하기: 기울기가 폭발하거나 소실됨", None),
    ("multiply W_h: the gradient grows or shrinks each step", None),
    ("multiply by W_h: the gradient grows or shrinks each step", None),
    ("Repeatedly multiply: the gradient explodes or vanishes", None),
    ("h_t update: tanh of the weighted sum", None),
    # real definitions stay
    ("困惑度：平均分支数", "困惑度"),
    ("记忆单元：LSTM 专用的记忆", "记忆单元"),
    ("`梯度裁剪`：范数超过阈值时按比例缩小梯度", "梯度裁剪"),
    ("`Embedding`：按索引取出 W 的行", "Embedding"),
    ("変分 Dropout：時間方向で同じマスクを使う", "変分 Dropout"),
    ("은닉 상태: 시각마다 넘겨주는 벡터", "은닉 상태"),
    ("Encoder: reads the input sequence into one vector.", "Encoder"),
    ("Truncated BPTT: cut the backward pass into blocks", "Truncated BPTT"),
    ("W_in: the input-side weight matrix", "W_in"),
    ("First-order optimizer: uses only the gradient", "First-order optimizer"),
])
def test_a_verb_phrase_or_a_phrase_about_a_variable_defines_no_term(line, subject):
    lexicon = build_lexicon([], frozenset())
    assert definition_subject(line, lexicon, colon_allowed=True) == subject


@pytest.mark.parametrize("lines, concepts", [
    (("### 学生已掌握", "- 反复乘 W_h：最大奇异值 > 1 容易爆炸，< 1 容易消失", "- 困惑度：平均分支数"), {"perplexity", "singular value"}),
    ((LEARNED, "  - multiply W_h: the gradient grows or shrinks each step", "  - Encoder: reads the input."),
     {"encoder", "gradient"}),
])
def test_a_learned_verb_phrase_makes_no_concept_page(lines, concepts):
    assert {c.name for c in link_log(*lines).concepts} == concepts


@pytest.mark.parametrize("line, subject", [
    ("`car` neighbors were noisy (`window` 0.45?) vs the book's `luxury`.", None),  # the neighbours, not `car`
    ("`cat` vectors looked random after one epoch.", None),
    ("`W_in` rows are the word vectors.", "W_in"),
    ("`CBOW` predicts the center word from its context.", "CBOW"),
    ("가중치 a (어텐션 가중치) = softmax(hs · h)", "어텐션 가중치"),  # the known name in parentheses
    ("weights W (attention weights) = softmax of the scores", "attention weights"),
    ("skip connection은 기울기 소실에 왜 좋나? → 기울기가 그대로 흐른다", None),  # a question defines nothing
    ("Why is `epoch` a full pass? -> every sample once", None),
    # A reading at an epoch after the colon is a result, not what the name is.
    ("같은 데이터에서 Seq2seq(기본): epoch 10 약 2%, PeekySeq2seq: epoch 3에 97%", None),
    ("AttentionSeq2seq: epoch 1: 0% / epoch 2: 51.5%", None),
])
def test_what_a_line_defines_when_it_only_seems_to(line, subject):
    assert definition_subject(line, build_lexicon([], frozenset()), colon_allowed=True) == subject


@pytest.mark.parametrize("spelling, term", [
    ("SimpleCBOW", "CBOW"), ("SimpleSkipGram", "skip-gram"), ("PeekySeq2seq", "Peeky decoder"),
    ("weight sharing", "weight sharing"), ("가중치 공유", None), ("权重共享", None), ("어텐션 가중치", "attention weight"),
    ("셀프 어텐션", "self-attention"), ("입력 반전", "input reversal"), ("reversing the input", "input reversal"),
])
def test_the_books_class_names_and_chapter_7_8_terms_are_known(spelling, term):
    assert build_lexicon([], frozenset()).lookup(spelling) == term


@pytest.mark.parametrize("line, subject", [
    # a setting, not what the flag is
    ("is_reverse=True: epoch 5: 8% / epoch 25: 54%", None),
    ("use_dropout = False: loss 5.1", None),
    # a formula's variable, not a concept
    ("h_t = tanh(h_{t-1} W_h + x_t W_x + b), shared over time.", None),
    ("c = sum of a_t hs_t", None),
    # what belongs to a known term ("TimeRNN's stateful"), not a name of its own
    ("TimeRNN의 stateful=True 는 블록 사이에 h를 유지한다는 뜻.", None),
    ("Embedding의 W_out: 출력 쪽 가중치", None),
    ("신경망의 추론: 입력에서 점수까지 계산하는 과정", "신경망의 추론"),
    # still definitions
    ("Encoder = reads the input sentence into a vector", "Encoder"),
    ("hidden_size = the width of the hidden state", "hidden_size"),
])
def test_settings_variables_and_parts_of_a_term_define_nothing(line, subject):
    assert definition_subject(line, build_lexicon([], frozenset()), colon_allowed=True) == subject


@pytest.mark.parametrize("spelling, term", [
    ("입력 데이터 반전", "input reversal"), ("is_reverse", "input reversal"), ("is_peeky", "Peeky decoder"),
])
def test_a_flag_the_vocabulary_knows_names_its_concept(spelling, term):
    assert build_lexicon([], frozenset()).lookup(spelling) == term
