"""Whether a line asks for a run, and not only names what an experiment is about.

A line whose words an experiment answers asks for a run of it when it

- says something was run or measured, or is to be ("Ran ...", "re-run with ...", "실행",
  "그려 봄", "학습시킴");
- states settings (``name=value``, "hidden size 300", a settings table after it) or the data
  it ran on ("on PTB");
- runs a script (``ch04/train.py``);
- reports a figure the experiment measures ("test perplexity 136.8", "퍼플렉서티 약 136"); or
- names an experiment that is itself something done, not something studied (a sweep, a fair
  comparison, a hold-out split, the baseline run).

It asks for nothing when it says the run is skipped ("skipping X, too slow", "건너뜀") or
when it is a question. A line of what was learned asks only when it says something was run
or measured: "CBOW with window 5 means 10 context words" explains, it does not run.
A figure a line reports also says which experiment it is about: "test perplexity 136.8 with
clipping" is a language model's, not the gradient-norm plot's.
"""

from __future__ import annotations

import re

from experiments.spec import Spec

# Experiments whose names are procedures: a line that names one asks for it.
PROCEDURES = frozenset({"ch01-baseline", "ch01-lr-sweep", "ch01-batch-sweep", "ch01-fixed-updates",
                        "ch01-validation"})

# The words of the English answers in the other languages logs are written in, by experiment.
OTHER_LANGUAGES = {
    "ch01-lr-sweep": (r"학습률\s*(?:스윕|탐색|비교)",),
    "ch01-batch-sweep": (r"배치\s*(?:크기\s*)?(?:스윕|탐색|비교)",),
    "ch01-validation": (r"검증\s*(?:세트|분할|데이터)",),
    "ch03-simple-word2vec": (r"스킵\s?그램",),
    "ch04-word2vec": (r"네거티브\s*샘플링", r"부정적\s*샘플링", r"임베딩\s*계층", r"유추", r"負例サンプリング", r"负采样"),
    "ch05-rnnlm": (r"rnn\s*언어\s*모델", r"순환\s*신경망\s*언어\s*모델"),
    "ch06-gradient-norms": (r"기울기\s*(?:노름|클리핑|폭발|소실)", r"(?:그래디언트|경사)\s*(?:노름|클리핑|폭발|소실)",
                            r"클리핑", r"勾配(?:クリッピング|爆発|消失)", r"梯度(?:裁剪|爆炸|消失)"),
    "ch06-better-lstm-lm": (r"드롭아웃", r"가중치\s*공유", r"개선판", r"학습률\s*감소", r"ドロップアウト", r"重み共有",
                            r"改良版", r"权重共享", r"改进版", r"丢弃(?:法|率)", r"暂退法"),
    "ch07-seq2seq": (r"덧셈", r"입력\s*(?:을\s*)?(?:반전|뒤집)", r"엿보기", r"인코더\s*[-–]?\s*디코더", r"足し算",
                     r"反転", r"逆順", r"覗き見", r"加法", r"反转", r"逆序", r"偷窥", r"编码器\s*[-–]?\s*解码器"),
    "ch08-attention": (r"어텐션", r"날짜\s*(?:형식|포맷)", r"アテンション", r"日付", r"注意力", r"日期"),
}

# Words in other languages that say a script or a run was run ("`ch01/train.py` 실행", "を実行").
RUN_WORDS_OTHER_LANGUAGES = r"실행|돌려|돌렸|돌림|돌리|実行|走らせ|回し|运行|跑了"

# The flags of the book's scripts that switch an experiment's variants on: "`is_reverse = True`
# にして再学習" asks for the seq2seq runs (``is_peeky`` is found by its word, peeky).
BOOK_FLAGS = {
    "ch07-seq2seq": (r"\bis_reverse\b",),
}

# A sentence that says a run was skipped or not done: "Skipping the better LSTM, too slow", "Read it
# without running anything.", "no runs today", "(didn't revisit)" is no run, "안 돌림", "実行せず", "没跑".
_SKIPPED = re.compile(
    r"\bskip(?:s|ped|ping)?\b(?![ _-]?(?:\([^)]*\)\s*)?(?:gram|connection))|\b(?:(?:did|do|does|have|has|had) ?n[o']t|won't|will not|"
    r"not going to|no time to|never|could ?n[o']t|can'?t|cannot|unable to|too (?:slow|big|heavy|long) to|not|without)"
    r" (?:yet )?(?:re-?)?(?:run|runs|running|train|trained|training|execut\w+)\b"
    r"|\bno time for\b|\bno (?:re-?)?runs?\b|\b(?:ran|trained) nothing\b|\bnothing (?:was |got )?(?:run|ran|trained)\b"
    r"|건너뛰|건너뜀|건너뛸|건너 뜀|생략|스킵(?!\s?그램)|안 돌|못 돌|돌릴 수 없|돌리(?:지|진)\s*(?:않|못)|"
    r"(?:실행|학습|훈련)(?:은|을|는)?\s*(?:안\s*(?:함|했|해|하)|하지\s*(?:않|못)|못\s*(?:함|했|해))|"
    r"スキップ|省略|回せない|回せなかった|実行できな|(?:実行|学習)(?:は|を)?(?:せず|しな|して(?:い)?ない)|"
    r"(?:回さ|走らせ|動かさ|学習させ)(?:ず|ない|なかった)|(?:回し|走らせ|動かし|学習させ)て(?:い)?ない|"
    r"跳过|跑不动|跑不了|没法跑|无法运行|运行不了|没有?(?:跑(?!通)|运行|训练|执行)|未(?:运行|训练|执行)|不跑")
# Where a sentence (or a clause after ";") of a paragraph ends: not inside "train.py", "0.5" or "8.5:".
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|(?<=[。！？；])")
# "repeated" before a noun describes it ("so repeated ids accumulate", "repeated matmul with W_h"); as a
# verb it is followed by what was repeated, how often or with what ("repeated the run", "repeated 3 times").
_NOT_BEFORE_A_NOUN = (r"(?!\s+(?!(?:the|it|this|that|them|with|for|on|using|over|at|runs?|training|experiments?|"
                      r"once|twice|each|every|everything|all)\b)[a-z_])")
_RUN = re.compile(
    r"\b(?:ran|run|runs|running|re-?ran|re-?run|rerun|executed?|executing|launched|tried|try|trying|"
    r"(?<!the )(?<!a )(?<!my )(?<!our )(?:re-?)?trained|measured|reproduced?|repeated" + _NOT_BEFORE_A_NOUN + r"|redid|redo|"
    r"plotted|plot|"
    r"swept|finish(?:ed)?|start(?:s|ed|ing)? (?:the )?training)\b"
    r"|" + RUN_WORDS_OTHER_LANGUAGES + r"|실험|측정|재현|그려\s*(?:봄|봤|보)|그렸|시도|"
    r"(?:재|다시\s*)?(?:학습|훈련)(?:시키|시켜|시켰|시킴|했|함|해\s*봄|\s*완료|을\s*돌)|(?:학습|훈련)\W*$|"
    r"再学習|再訓練|学習させ|训练了|(?:重新|再)训练|实验")
# A note on how long the sitting itself took ("Lesson ran 15 min over", "started 20 minutes late",
# "20분 늦게 시작", "15分延長", "超时15分钟"): no run, whatever verb it uses.
_SITTING_TIME = re.compile(
    r"\b(?:ran|went|started|began|ended|finished|stopped)\s+(?:about\s+|~\s*)?\d+\s*(?:minutes?|mins?|min|m|hours?|hrs?|h)"
    r"\s+(?:over|late|early|short|overtime)\b|\b(?:ran|went)\s+over\s+(?:by\s+)?(?:about\s+|~\s*)?\d+\s*(?:minutes?|mins?|min|m)\b"
    r"|\d+\s*분\s*(?:늦게|일찍|더|초과|연장)|\d+\s*分\s*(?:延長|遅れ|早く|オーバー|押し)|(?:延长|超时|晚了|推迟)\s*了?\s*\d+\s*分钟"
    r"|\d+\s*分钟\s*(?:超时|延长)")
_A_DIGIT = re.compile(r"\d")
# Words that say a setting was changed from the run before ("changed `lr=1.0`", "학습률을 0.5로 바꿨더니").
_CHANGED = re.compile(
    r"\b(?:chang(?:e|es|ed|ing)|switch(?:ed|ing)?|bumped|lowered|raised|increased|decreased|doubled|halved|"
    r"reduced|set\s+[a-z_]+\s*(?:=|to\b))"
    r"|바꿔|바꾸|바꿨|바꿈|변경|낮춰|낮췄|낮춤|높여|높였|높임|줄여|줄였|줄임|늘려|늘렸|늘림|変え|変更|増や|減ら|改成|改为|换成")
# Words that say the other settings are those of the run before ("with everything else the same").
_SAME_SETTINGS = re.compile(
    r"\b(?:everything|all) else (?:(?:is|was|kept|stays|stayed) )?(?:the )?same\b|\bsame (?:settings|config(?:uration)?|"
    r"setup|hyper-?parameters)\b|\botherwise (?:the )?same\b|\b(?:the )?rest (?:is |was |kept )?(?:the same|unchanged)\b"
    r"|나머지(?:는|도)?\s*(?:같|동일|그대로)|같은\s*설정|동일한\s*설정|설정(?:은|는)?\s*그대로|他は同じ|同じ設定|"
    r"其他不变|其余不变|相同(?:的)?设置")
# Words that say the run before was run again ("re-ran with `hidden_size=10`", "다시 학습", "もう一度").
_AGAIN = re.compile(r"\bagain\b|\bre-?(?:ran|run|trained|did)\b|\brerun\b|다시|재실행|재학습|もう一度|再学習|再実行|重新|再次")
_SETTINGS = re.compile(r"(?<![\w-])(?:--)?[a-z_][\w-]*(?:=[\w.'\"-]|\s*=\s*[-+.\d'\"])")
_DATA = re.compile(r"\bon (?:the )?(?:ptb|penn treebank|wikitext|mnist|toy (?:corpus|sentence)|spiral|stand-?in)\b")
METRICS = {  # the words of each metric
    "perplexity": (r"\bperplexity\b", r"\bppl\b", "퍼플렉서티", "퍼플렉시티", "パープレキシティ", "困惑度"),
    "accuracy": (r"\baccuracy\b", r"\bacc\b", "정확도", "正解率", "正答率", "精度", "准确率", "正确率"),
    "loss": (r"\bloss\b", "손실", "損失", "损失"),
}
_METRIC_WORDS = {metric: re.compile("|".join(words)) for metric, words in METRICS.items()}
# A metric's word, maybe inside a longer word: a line without one reports no figure.
_ANY_METRIC_WORD = re.compile("|".join(word.removeprefix(r"\b") for words in METRICS.values() for word in words))
# A question, and maybe its answer after it: "why lr=20, isn't that huge? -> ...", "...나요?".
# Words before a metric that say which figure, not whose: "test perplexity", "최종 정확도".
_QUALIFIERS = frozenset({"test", "validation", "valid", "val", "train", "training", "final", "the", "a", "its", "my",
                         "with", "and", "epoch", "에폭", "エポック", "테스트", "검증", "최종", "학습", "훈련", "テスト", "検証", "最終", "最終的な",
                         "学習", "訓練", "テストデータ", "测试", "测试集", "验证", "验证集", "最终", "训练", "训练集"})
# What may join a qualifier to its metric in Japanese and Chinese: "テストの", "测试集上的".
_JOINING = re.compile(r"(?:での|上的|の|的)$")
# What ends a clause before a figure: "4エポック、パープレキシティは136.8", "反转后，准确率 50%".
_CLAUSE_END = (":", "：", "、", "，", "；", "。")
_QUESTION = re.compile(
    r"^\W*(?:\d+[.)]\s*)?(?:(?:why|how|what|when|where|which|who|is|are|does|do|did|can|could|should|would|will)"
    r"\b[^?？]*[?？]|[^.;:!?？]*[?？]\W*$|[^?？]*(?:나요|까요|까|가요|죠|니|습니까)\s*[?？])", re.IGNORECASE)
# What follows each value of a Korean enumeration of outcomes: "0.5면 소실, 2면 폭발" lists 0.5 and 2.
_OUTCOME = re.compile(r"(?<=\d)\s*(?:이?면|일 때|에서는?)\s+[가-힣]+(?=\s*(?:[,，.;]|$))")
# A point in training, not a setting: "the loss went to nan in epoch 1".
_POSITION = re.compile(r"\b(?:in|at|after|by|until|from|during|before|through|into|of) (?:the )?(?:epoch|step|iteration|iter) \d+"
                       r"|\b(?:after|by|until|within) \d+ (?:epochs?|steps?|iterations?|iters?)\b", re.IGNORECASE)
# A figure right after, read with it: "epoch 5: 8%", "epoch 1 ppl ~ 390", "epoch 10 약 2%", "1에폭 242.3".
# (A printout's next column counts as a figure after: "| epoch 1 |  iter 1 / 9295 | ... | loss 4.16".)
_METRIC_NAME = "(?:" + "|".join(word for words in METRICS.values() for word in words) + r")\s*[:：=]?\s*"
_FIGURE_AFTER = (rf"\s*(?:\||(?:[:：=]\s*(?:{_METRIC_NAME})?|[,，]?\s*{_METRIC_NAME})?"
                 r"(?:(?:[~≈]|about|around|약|約|约)\s*)?[+-]?(?:\d+(?:\.\d*)?|\.\d+)%?)")
_EPOCH_WORD = r"(?:epoch|에폭|에포크|エポック|轮)"
# An epoch as a reading is taken at, or as how often one is taken, not how many epochs ran: "epoch 5: 8%",
# "epoch 1: loss 2.1", "에폭 1 퍼플렉서티 410.5", "第1轮 困惑度 410", "epoch 3에 97%", "epoch 5 時点で", "1에폭 242.3",
# "第5エポック", "the 10th epoch", "every 10 epochs", "10에폭마다", "5エポックごと", "每5个epoch". ("100 에폭에서 손실 약 0.3", a figure after the run's count
# and a particle, is where the run ended: a count.)
# A point inside an epoch: "에폭 1 절반 정도에서", "エポック1の途中で", "第1轮中途时".
_PART_OF_EPOCH = r"\s*の?\s*(?:절반|중간|도중|초반|후반|끝|半ば|途中|中盤|一半|中途)"
_READING = re.compile(
    rf"(?:\bepoch|에폭|에포크|エポック)\s*#?\d+(?:{_FIGURE_AFTER}|{_PART_OF_EPOCH}|\s*(?:에서?|に|時点|时|の時))"
    rf"|\d+\s*(?:에폭|에포크|エポック)\s*(?:째|目)?{_FIGURE_AFTER}|\d+\s*(?:에폭|에포크|エポック)\s*(?:째|目)"
    rf"|第\s*\d+\s*(?:个\s*)?{_EPOCH_WORD}|\b\d+(?:st|nd|rd|th)\s+epoch\b"
    r"|\bevery\s+\d+\s*(?:epochs?|steps?|iterations?|iters?)\b|매\s*\d+\s*(?:에폭|에포크)|\d+\s*(?:에폭|에포크)\s*마다"
    r"|\d+\s*エポック(?:ごと|毎)|每\s*\d+\s*个?\s*epochs?", re.IGNORECASE)
# An epoch written as one word before a figure, which says when it was read: "第1轮" (spaced: "第 1 轮"), "1에폭".
_AT_EPOCH = re.compile(rf"(?:第\s*)?(?:\d+\s*)?(?:个\s*)?{_EPOCH_WORD}(?:째|目)?|{_EPOCH_WORD}\s*\d+", re.IGNORECASE)
_CJK_LETTER = "가-힣ぁ-ヿ一-鿿"  # Hangul syllables, kana, CJK ideographs
_SCRIPT_GLUE = re.compile(rf"(?<=[a-z0-9`)])(?=[{_CJK_LETTER}])|(?<=[{_CJK_LETTER}])(?=[a-z0-9`(])", re.IGNORECASE)

# Words for the settings experiments read in the languages logs are written in, as the English
# words their parameters declare ("은닉층 10" reads as "hidden size 10", "25エポック" as "25
# epochs"); a particle right after one goes with it ("학습률을 0.1로", "学習率を0.1に"), and so does
# a Chinese verb of setting ("学习率改成0.1").
_PARAMETER_WORDS = {
    "batch size": ("미니배치 크기", "미니 배치 크기", "배치 크기", "배치 사이즈", "ミニバッチサイズ", "バッチサイズ", "批量大小",
                   "批大小"),
    "lr": ("학습률", "学習率", "学习率"),
    "hidden size": ("은닉층의 크기", "은닉층 크기", "은닉 상태 크기", "은닉 크기", "은닉층", "隠れ層のサイズ", "隠れ層サイズ",
                    "隠れ層", "隐藏层大小", "隐藏层"),
    "epochs": ("에폭", "에포크", "エポック数", "エポック"),
    "window size": ("윈도우 크기", "ウィンドウサイズ", "窗口大小"),
    "dropout ratio": ("드롭아웃 비율", "드롭아웃 확률", "드롭아웃", "ドロップアウト率", "ドロップアウト比率", "ドロップアウト",
                      "丢弃率", "丢弃概率", "暂退概率"),
    "scale": ("스케일",),
    "time steps": ("스텝",),
}
_PARTICLE = r"(?:을|를|은|는|이|가|を|は|が|の|改成|改为|设为|设成|设置为|调到|调成|为|是)?"
_OTHER_PARAMETER_WORDS = re.compile(
    "(" + "|".join(sorted((w for words in _PARAMETER_WORDS.values() for w in words), key=len, reverse=True)) + ")"
    + _PARTICLE)
_ENGLISH_PARAMETER_WORD = {word: english for english, words in _PARAMETER_WORDS.items() for word in words}
# A setting named between a metric and a number: the number is the setting's ("パープレキシティが悪化したら
# 学習率を 1/4 にする", "perplexity got worse, so lr 0.5"). Epochs and steps say when a figure was read.
_SETTING_BETWEEN = "|".join([r"\blr\b", r"\blearning rate\b", r"\bbatch(?:_| )size\b", r"\bhidden(?:_| )size\b",
                             r"\bwindow(?:_| )size\b", r"\bdropout\b",
                             *(word for english in ("batch size", "lr", "hidden size", "window size", "dropout ratio")
                               for word in _PARAMETER_WORDS[english])])
# A count of what was written, not a figure: "パープレキシティの3行説明", "perplexity in 3 lines", "퍼플렉서티 3줄 요약".
_COUNTED = r"(?![\d.]*\s*(?:行|줄|문장|文|lines?\b|sentences?\b|words?\b|bullets?\b))"
# "perplexity 136.8", "98% accuracy", "95%の正解率", "95%的准确率"; not a case an equation defines
# ("ppl 1 = always sure of the next word"), nor a chapter's number ("Ch02 loss function")
_FIGURE = (rf"(?:{{0}})(?:(?!{_SETTING_BETWEEN})[^\d.;!?\n]){{{{0,12}}}}\d(?![\d.]*\s*=){_COUNTED}"
           r"|(?<![a-z_\d.])\d+(?:\.\d+)?%?\s*(?:の|的)?\s*(?:test |validation |val )?(?:{0})")
_FIGURES = {metric: re.compile(_FIGURE.format("|".join(words))) for metric, words in METRICS.items()}
# Words before an experiment's word that make it what the line compares something with, not
# what it ran ("way faster than peeky seq2seq", "converges sooner, unlike the baseline", "try
# skip-gram instead of CBOW"), and words right after it ("peeky seq2seq보다", "seq2seqより",
# "CBOW 대신", "`BetterRnnlm` 대신"). A line that opens with them
# ("Compared with the Ch01 LR sweep ...") names what it ran; "X vs Y" ran both.
_COMPARED_BEFORE = re.compile(r"(?:(?:\bthan|\binstead of|\w\W+(?:compared (?:to|with)|unlike|relative to))\b"
                              r"|而不是|代替|取代)[^,;:.()—–]*$")
_QUOTED = r"[`'\"’”)\]*_]*"  # what closes a name written in code or quotes: "`BetterRnnlm` 대신"
_COMPARED_AFTER = re.compile(rf"^{_QUOTED}(?:\s*[\w+-]+){{0,2}}?\s*{_QUOTED}\s*(?:보다|에 비해|와 비교|과 비교|대신|より|"
                             r"に比べ|と比べ|の代わりに|ではなく|相比)")
_COMPARISON_LOOKBACK = 40


def spaced(text: str) -> str:
    """`text` with a space where Hangul, kana or a CJK ideograph meets a Latin letter or digit:
    "CBOW를" reads as the word CBOW, "20스텝" as 20 and a unit, "0.1に" as 0.1, as Korean and
    Japanese write particles and units onto words."""
    return text if text.isascii() else _SCRIPT_GLUE.sub(" ", text)


def settings_text(text: str) -> str:
    """`text` as experiments read settings from it: a point in training ("in epoch 1", "epoch 5:
    8%", "every 10 epochs") and the outcome after each value ("스케일 0.5면 소실, 2면 폭발") left
    out, and the other languages' words for settings in the English words parameters declare."""
    text = _POSITION.sub(lambda match: " " * len(match.group(0)), text)
    text = _READING.sub(lambda match: " " * len(match.group(0)), text)
    if text.isascii():  # the outcomes and the other languages' words are in Hangul, kana or CJK
        return text
    text = _OUTCOME.sub("", text)
    return _OTHER_PARAMETER_WORDS.sub(lambda match: f" {_ENGLISH_PARAMETER_WORD[match.group(1)]} ", text)


def names_setting_in_other_language(text: str) -> bool:
    """Whether `text` names a setting in a word of another language ("배치 크기", "学習率"); an
    ASCII line, as most are, is not searched."""
    return not text.isascii() and _OTHER_PARAMETER_WORDS.search(text) is not None


def compared_only(lowered: str, pattern: re.Pattern) -> bool:
    """Whether every place `pattern` matches in the line is what the line compares with
    ("way faster than peeky seq2seq", "peeky seq2seq보다 빠르다"), not what it ran."""
    return all(_compared(lowered, match.start(), match.end()) for match in pattern.finditer(lowered))


def _compared(lowered: str, start: int, end: int) -> bool:
    before = lowered[max(0, start - _COMPARISON_LOOKBACK): start]
    return _COMPARED_BEFORE.search(before) is not None or _COMPARED_AFTER.match(lowered[end:]) is not None


def asks_nothing(line: str) -> bool:
    """Whether the line is a question ("How does clipping change the gradient?")."""
    return _is_question(line)


def without_runs_not_done(line: str) -> str:
    """The line with blanks, as long as they were, for each sentence of it that says a run was
    skipped or not done ("Read it without running anything.", "6장 개선판은 건너뜀"): what it names
    asks for nothing, while the other sentences of a paragraph still may ("Ran `ch08/train.py`,
    10 epochs. Skipped the heat maps.")."""
    if not _SKIPPED.search(line.lower()):
        return line
    cuts = [0, *(match.end() for match in _SENTENCE_END.finditer(line)), len(line)]
    sentences = [line[start:end] for start, end in zip(cuts, cuts[1:])]
    return "".join(" " * len(sentence) if _SKIPPED.search(sentence.lower()) else sentence for sentence in sentences)


def _is_question(line: str) -> bool:
    return ("?" in line or "？" in line) and _QUESTION.match(line.strip()) is not None


# Advice the book or a tutor gives, not a run done: "the book says to just try both", "책에서는 둘 다
# 해 보라고 함", "両方試してみるようにと本にある", "书上建议都试试".
_ADVICE = re.compile(r"\b(?:says|said|suggests|suggested|recommends|recommended|advises|advised)\s+(?:to\s+|that\s+"
                     r"(?:you|we|one)\s+(?:should\s+)?)?(?:just\s+)?(?:try|run|train|experiment)\w*"
                     r"|(?:해|돌려|시도해)\s*보라고|試して?(?:みる|みろ)?ように|建议\s*(?:都)?(?:试|跑)")


def says_run(lowered: str) -> bool:
    """Whether the line says something was run; a note on the sitting's own time, and advice to try
    something ("the book says to just try both"), say nothing ran."""
    return _RUN.search(_ADVICE.sub(" ", without_sitting_time(lowered))) is not None


def without_sitting_time(lowered: str) -> str:
    """The line with blanks, as long as they were, for its notes on how long the sitting took
    ("Lesson ran 15 min over"): their verbs say nothing was run. Each note holds a number of minutes."""
    if not _A_DIGIT.search(lowered):
        return lowered
    return _SITTING_TIME.sub(lambda match: " " * len(match[0]), lowered)


def says_changed(lowered: str) -> bool:
    """Whether the line says a setting was changed ("changed `lr=1.0`", "은닉층을 50으로 줄였더니")."""
    return _CHANGED.search(lowered) is not None


def says_again(lowered: str) -> bool:
    """Whether the line says a run was run again ("re-ran with ...", "다시 돌려 봄")."""
    return _AGAIN.search(lowered) is not None


def says_same_settings(lowered: str) -> bool:
    """Whether the line says the other settings are those of a run before ("everything else the same")."""
    return _SAME_SETTINGS.search(lowered) is not None


def sets_values(lowered: str) -> bool:
    """Whether the line sets a value by its name: ``max_epoch = 1``, ``lr=0.1``."""
    return _SETTINGS.search(lowered) is not None


def states_settings(lowered: str) -> bool:
    """``name=value``, or the data it ran on: settings, even those no experiment reads."""
    return sets_values(lowered) or names_data(lowered)


# A line that opens with a section number of the book, then its title: "4.3 improved CBOW on PTB",
# "4.2.6-4.2.7 sampling", "5.5 RNNLM 학습과 평가"; not a value ("0.5 is too small").
_SECTION_TITLE = re.compile(r"^[\s*_#-]*[1-9]\.[1-9]\d?(?:\.\d+)*(?:\s*[-–~]\s*[1-9](?:\.\d+)+)?[:.]?\s+[^\W\d]")


def is_section_title(line: str) -> bool:
    """Whether the line names a section of the book by its number and title: what was studied."""
    return _SECTION_TITLE.match(line) is not None


def names_data(lowered: str) -> bool:
    """Whether the line says what data it ran on ("on PTB")."""
    return _DATA.search(lowered) is not None


def may_name_metric(lowered: str) -> bool:
    """Whether a metric's word may be in the line, maybe inside a longer word: a quick search."""
    return _ANY_METRIC_WORD.search(lowered) is not None


def figures(lowered: str) -> frozenset[str]:
    """The metrics a line reports a number of: "test perplexity 136.8", "~98% accuracy"."""
    if not may_name_metric(lowered):
        return frozenset()
    return frozenset(metric for metric, pattern in _FIGURES.items() if pattern.search(lowered))


def of_no_named_model(lowered: str, metrics: frozenset[str]) -> bool:
    """Whether a figure is reported bare ("test perplexity 136.8", "결과: 퍼플렉서티가 ...", "~98%
    accuracy") rather than of something the line names ("GRU perplexity 400")."""
    for metric in metrics:
        for match in _METRIC_WORDS[metric].finditer(lowered):
            before = lowered[:match.start()].split()
            if not before or before[-1].endswith(_CLAUSE_END) or _qualifies(before[-1]) \
                    or re.search(r"\d%?$", _JOINING.sub("", before[-1])):
                return True
    return False


def _qualifies(word: str) -> bool:
    """Whether the word right before a metric says which figure, not whose ("test", "テストの")."""
    word = word.strip("(~*_|`[")  # "(loss 2.87)", a printout's "| loss 4.16": nothing before it names a model
    return (not word or word in _QUALIFIERS or _JOINING.sub("", word) in _QUALIFIERS
            or _AT_EPOCH.fullmatch(word) is not None)


def measures(spec: Spec, metrics: frozenset[str]) -> bool:
    """Whether `spec`'s results table has a column of one of `metrics`, or its run reports one otherwise."""
    names = " ".join(f"{column.key} {column.heading}" for column in spec.columns).lower()
    return any(metric in names or metric in spec.reports for metric in metrics)


# Words that say a line is for next time, in the languages logs are written in: "Homework: run ...",
# "돌려 올 것", "실행해 볼 것", "やっておく", "次回までに", "下次课前跑一下" ("Homework check" is no plan).
_TO_DO = re.compile(
    r"\b(?:next (?:time|session|lesson|class)|to-?do|before (?:the )?next)\b|^\W*(?:homework|숙제|과제|宿題|作业)\W*[:：]"
    r"|다음\s*(?:시간|수업|세션|번)|(?:올|볼|둘|놓을)\s*것|하기로|해\s*오기|次回|(?:て|で)おく|下次", re.IGNORECASE)
# An item that names a part for next time, its lines under it ("다음 시간", "Next time:", "宿題").
_NEXT_TIME_PART = re.compile(rf"^\W*(?:\d+[.)]\s*)?(?:{_TO_DO.pattern}|homework|숙제|과제|宿題|作业)\W*$", re.IGNORECASE)


def says_to_do(text: str) -> bool:
    """Whether a log line says it is for next time ("Homework: run ...", "돌려 올 것", "次回までに")."""
    return _TO_DO.search(text) is not None


def names_next_time(text: str) -> bool:
    """Whether a line is the name of a part for next time ("6. 다음 시간", "Next time:", "宿題")."""
    return _NEXT_TIME_PART.match(text) is not None
