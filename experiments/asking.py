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
    "ch06-better-lstm-lm": (r"드롭아웃", r"가중치\s*공유", r"개선판", r"학습률\s*감소"),
    "ch07-seq2seq": (r"덧셈", r"입력\s*(?:을\s*)?(?:반전|뒤집)", r"엿보기", r"인코더\s*[-–]?\s*디코더"),
    "ch08-attention": (r"어텐션", r"날짜\s*(?:형식|포맷)", r"アテンション", r"注意力"),
}

_SKIPPED = re.compile(
    r"\bskip(?:s|ped|ping)?\b(?![ _-]?(?:gram|connection))|\b(?:did ?n[o']t|won't|will not|not going to|"
    r"no time to|never) (?:re-?)?(?:run|train)|\bno time for\b|건너뛰|건너뜀|건너뛸|건너 뜀|생략|스킵|안 돌|못 돌|"
    r"スキップ|省略|跳过")
_RUN = re.compile(
    r"\b(?:ran|run|runs|running|re-?ran|re-?run|rerun|executed?|executing|launched|tried|try|trying|"
    r"(?<!the )(?<!a )(?<!my )(?<!our )(?:re-?)?trained|measured|reproduced?|repeated|redid|redo|plotted|plot|"
    r"swept|finish(?:ed)?)\b"
    r"|실행|돌려|돌렸|돌림|돌리|실험|측정|재현|그려\s*(?:봄|봤|보)|그렸|시도|"
    r"(?:학습|훈련)(?:시키|시켜|시켰|시킴|했|함|해\s*봄|\s*완료|을\s*돌)|(?:학습|훈련)\W*$|"
    r"実行|走らせ|回し|学習させ|运行|跑了|训练了|实验")
_SETTINGS = re.compile(
    r"(?<![\w-])(?:--)?[a-z_][\w-]*(?:=[\w.'\"-]|\s*=\s*[-+.\d'\"])|\bon (?:the )?(?:ptb|penn treebank|wikitext|mnist|"
    r"toy (?:corpus|sentence)|spiral|stand-?in)\b")
METRICS = {
    "perplexity": r"\bperplexity\b|\bppl\b|퍼플렉서티|퍼플렉시티|パープレキシティ|困惑度",
    "accuracy": r"\baccuracy\b|\bacc\b|정확도|正解率|准确率",
    "loss": r"\bloss\b|손실|損失|损失",
}
_FIGURE = r"(?:{0})[^\d.;!?\n]{{0,12}}\d|\d%?\s*(?:test |validation |val )?(?:{0})"
_FIGURES = {metric: re.compile(_FIGURE.format(words)) for metric, words in METRICS.items()}
# A question, and maybe its answer after it: "why lr=20, isn't that huge? -> ...", "...나요?".
# Words before a metric that say which figure, not whose: "test perplexity", "최종 정확도".
_QUALIFIERS = frozenset({"test", "validation", "valid", "val", "train", "training", "final", "the", "a", "its", "my",
                         "with", "and", "테스트", "검증", "최종", "학습", "훈련"})
_QUESTION = re.compile(
    r"^\W*(?:\d+[.)]\s*)?(?:(?:why|how|what|when|where|which|who|is|are|does|do|did|can|could|should|would|will)"
    r"\b[^?？]*[?？]|[^.;:!?？]*[?？]\W*$|[^?？]*(?:나요|까요|까|가요|죠|니|습니까)\s*[?？])", re.IGNORECASE)
# What follows each value of a Korean enumeration of outcomes: "0.5면 소실, 2면 폭발" lists 0.5 and 2.
_OUTCOME = re.compile(r"(?<=\d)\s*(?:이?면|일 때|에서는?)\s+[가-힣]+(?=\s*(?:[,，.;]|$))")
# A point in training, not a setting: "the loss went to nan in epoch 1".
_POSITION = re.compile(r"\b(?:in|at|after|by|until|from|during|before) (?:the )?(?:epoch|step|iteration|iter) \d+",
                       re.IGNORECASE)
_SCRIPT_GLUE = re.compile(r"(?<=[a-z0-9`)])(?=[가-힣])|(?<=[가-힣])(?=[a-z0-9`(])", re.IGNORECASE)

# Korean words for the settings experiments read, as the English words their parameters declare.
_KOREAN_WORDS = (("스케일", "scale"), ("에폭", "epochs"), ("에포크", "epochs"), ("스텝", "time steps"), ("학습률", "lr"),
                 ("배치 크기", "batch size"), ("은닉층 크기", "hidden size"), ("은닉 상태 크기", "hidden size"))


def spaced(text: str) -> str:
    """`text` with a space where Hangul meets a Latin letter or digit: "CBOW를" reads as the
    word CBOW, "20스텝" as 20 and a unit, as Korean writes particles and units onto words."""
    return _SCRIPT_GLUE.sub(" ", text)


def settings_text(text: str) -> str:
    """`text` as experiments read settings from it: a point in training ("in epoch 1") and the
    outcome after each value ("스케일 0.5면 소실, 2면 폭발") left out, and the Korean words for
    settings in the English words parameters declare."""
    text = _OUTCOME.sub("", _POSITION.sub(lambda match: " " * len(match.group(0)), text))
    for korean, english in _KOREAN_WORDS:
        text = text.replace(korean, f" {english} ")
    return text


def asks_nothing(line: str, lowered: str) -> bool:
    """A question, or a line that says the run is skipped or not done."""
    return _QUESTION.match(line.strip()) is not None or _SKIPPED.search(lowered) is not None


def says_run(lowered: str) -> bool:
    return _RUN.search(lowered) is not None


def states_settings(lowered: str) -> bool:
    """``name=value``, or the data it ran on: settings, even those no experiment reads."""
    return _SETTINGS.search(lowered) is not None


def figures(lowered: str) -> frozenset[str]:
    """The metrics a line reports a number of: "test perplexity 136.8", "~98% accuracy"."""
    return frozenset(metric for metric, pattern in _FIGURES.items() if pattern.search(lowered))


def of_no_named_model(lowered: str, metrics: frozenset[str]) -> bool:
    """Whether a figure is reported bare ("test perplexity 136.8", "결과: 퍼플렉서티가 ...", "~98%
    accuracy") rather than of something the line names ("GRU perplexity 400")."""
    for metric in metrics:
        for match in re.finditer(METRICS[metric], lowered):
            before = lowered[:match.start()].split()
            if not before or before[-1].endswith(":") or before[-1].strip("(~*_") in _QUALIFIERS \
                    or re.search(r"\d%?$", before[-1]):
                return True
    return False


def measures(spec: Spec, metrics: frozenset[str]) -> bool:
    """Whether `spec`'s results table has a column of one of `metrics`."""
    names = " ".join(f"{column.key} {column.heading}" for column in spec.columns).lower()
    return any(metric in names for metric in metrics)
