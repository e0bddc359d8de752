"""Which runs a log line asks for: the one question the site generator asks the experiments.

``answer(line, chapter)`` takes a line's raw Markdown and the chapter the log is in
there, and returns the runs it asks for (with the values it states), why any of them
cannot run, and, when no experiment answers a line that looks like one, why it looks
like one. An experiment answers only lines of its own chapter, or lines about its
chapter ("Ch01 ...", ``ch01/train.py``, "6장"); with no chapter known, any experiment may.
Its words alone are not enough: the line must ask for a run (experiments.asking), as
"Re-ran CBOW with hidden size 300" does and "Why the ch.3 CBOW does not scale" does not.
Words found only in what the line compares with ask for nothing ("way faster than peeky
seq2seq"); words inside an identifier count (``is_peeky = True``). A run over two values
or more of a setting ("배치 크기 32, 64, 128로 바꿔가며 학습했더니") asks for the chapter's
sweep of it, and a script run with settings ("`ch01/train.py` 실행 — 은닉층 10, 학습률 1.0")
for the plainest experiment of the chapter that takes them.

A line may follow a run a line before it asked for (``following``): "changed ``lr=1.0`` → ppl
nan", "tried ``hidden_size=50`` with everything else the same → ppl 9.4", a row of a table of
results under the line that ran. When no experiment answers it on its own and it states a
setting that run's experiment takes, and says it ran, tried or changed something, reports a
figure the experiment measures or says the rest is the same, it asks for that run with the
values it states: the other settings stay as the run before had them. A line that only
reports a figure that run measures ("验证集困惑度：epoch1 242.3 → epoch6 131.5", "final perplexity
5.2"), saying nothing was run or changed and naming no experiment, is that run's result: it asks
for the same run. A line that only discusses a setting ("lr 1.0 is too large in general") or is
about another chapter asks for nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from experiments import asking, gallery
from experiments.catalog import EXPERIMENTS
from experiments.chapters import chapters_named, chapters_studied
from experiments.patterns import answers_search, any_search, patterns
from experiments.runs import Run, make_run, problems
from experiments.settings_choice import by_settings, may_sweep, of_chapters, swept
from experiments.spec import Spec
from experiments.tiers import is_heavy, uses_corpus
from experiments.looks_like import LOOKS_LIKE, SAID_RUN, WORKS_ON, looks_like
from experiments.book_scripts import book_script_values
from experiments.untrained import untrained_named, untrained_reason
from experiments.values import read_values

__all__ = ["Answer", "answer", "chapters_named", "chapters_studied"]

_PY_FILE = re.compile(r"[\w./-]+\.py\b")  # a file a line names: "`ch01/train_custom_loop.py`"
# "on the same data": what another chapter's model ran on is this chapter's data.
_SAME_DATA = re.compile(r"\bsame (?:data|dataset|data set|corpus)\b|(?:같은|동일한)\s*데이터|同じデータ|(?:相同|同样)的?数据")
_DIGIT = re.compile(r"\d")
_CORPUS = re.compile(r"\b(?:ptb|penn treebank|wikitext)\b")  # a text corpus: only a run that reads one runs on it
_NAMED_MODEL = re.compile(r"\bthe ((?:[a-z][\w-]* ){1,3}?)(?:experiment|model)s?\b")
_NAMING_NOTHING = frozenset({"same", "previous", "last", "first", "whole", "full", "original", "old", "new", "this",
                             "that", "my", "our", "small", "big", "bigger", "smaller"})
_IDENTIFIER = re.compile(r"(?<![\w./-])[a-z]\w*_\w+(?![\w./-])")  # is_peeky; not ch08/attention_layer.py


@dataclass(frozen=True)
class Answer:
    runs: tuple[Run, ...] = ()  # experiments first (by id), then the learner's scripts
    problems: tuple[str, ...] = ()  # "ch01-batch-sweep: cannot run: batch size 1000 > 300 training points"
    unanswered: str = ""  # why the line looks like an experiment that none answers ("" otherwise)
    follows: bool = False  # its run is the run before it, with the settings it changes


def answer(line: str, chapter: int | None, attached: Sequence[str] = (), learned: bool = False,
           following: Run | None = None) -> Answer:
    """The runs `line` asks for, given the `chapter` the log is in there.

    `attached`: the lines of a settings table or code block right after the line, which
    may state the values. `learned`: the line is one of what was learned, which asks for a
    run only when it says something was run or measured. `following`: the run a line before
    it asked for, which the line may change a setting of.
    """
    if asking.asks_nothing(line):
        return Answer()
    line = asking.without_runs_not_done(asking.spaced(line))
    lowered = line.lower()
    may_ask = _may_ask(lowered)
    if not (may_ask or following):
        return Answer()  # most lines name no experiment
    own = _own_answer(line, lowered, chapter, attached, learned) if may_ask else Answer()
    if following is None or not _may_follow(line, lowered, own, following):
        return own
    followed = _follow_up(line, lowered, chapter, attached, learned, following)
    if followed is None:
        return own
    scripts = tuple(run for run in own.runs if run.experiment == gallery.SPEC.id)
    return Answer((followed, *scripts), tuple(_problems([followed])), "", follows=True)


def _may_follow(line: str, lowered: str, own: Answer, following: Run) -> bool:
    """Whether the line may follow the run before: no experiment answers it on its own, or only
    that run's experiment does, and by a figure it reports ("perplexity 4.1 (same settings as
    session 3, ``max_epoch=10``)") or for a run again ("re-ran ``train.py`` with lr=0.5"), not
    by its words or a script it runs (a run of its own)."""
    experiments = {run.experiment for run in own.runs if run.experiment != gallery.SPEC.id}
    if not experiments:
        return True
    if experiments != {following.experiment}:
        return _reports_only(line, lowered, following) or _chosen_by_figure(line, lowered, experiments, following)
    return asking.says_again(lowered) or _reports_only(line, lowered, following) or not (
        gallery.scripts_run(line) or _asked_by_words(following.spec, _with_identifiers_split(lowered)))


def _chosen_by_figure(line: str, lowered: str, experiments: set[str], following: Run) -> bool:
    """Whether the line's own experiment was chosen only by a figure the run before also measures
    ("let it run the full 40 epochs (book's test perplexity ≈ 75.76)" after a BetterRnnlm run is
    no run of the plain LSTM, the chapter's one light experiment with a perplexity): no word of
    the line names it and it runs no script, so the line goes on with the run before."""
    split = _with_identifiers_split(lowered)
    return (asking.measures(following.spec, asking.figures(lowered)) and not gallery.scripts_run(line)
            and not any(_asked_by_words(EXPERIMENTS[experiment], split) for experiment in experiments))


def _own_answer(line: str, lowered: str, chapter: int | None, attached: Sequence[str], learned: bool) -> Answer:
    """The runs the line asks for by what it says alone."""
    scripts = gallery.scripts_run(line)
    named = _chapters_run(chapters_studied(line), scripts)
    asked = _answering(line, _with_identifiers_split(lowered), named, chapter, attached, learned, scripts)
    runs = [make_run(spec.id, **values) for spec, values in asked]
    found = _problems(runs)
    runs += _script_runs(scripts, named, chapter)
    unanswered = "" if any(run.experiment != gallery.SPEC.id for run in runs) else _why(line, lowered, named, chapter,
                                                                                          scripts)
    return Answer(tuple(runs), tuple(found), unanswered)


def _chapters_run(named: tuple[int, ...], scripts: list[str]) -> tuple[int, ...]:
    """The chapters a line is about: those of the book's folders of the scripts it runs, when it runs
    one ("Ran `ch07/generate_text.py` with the LSTM language model from chapter 6" runs chapter 7's
    code: no chapter 6 training), else those it names."""
    folders = {chapter for chapter in map(gallery.chapter_of_script, scripts) if chapter is not None}
    if not folders:
        return named
    return tuple(chapter for chapter in named if chapter in folders) or tuple(sorted(folders))


def _why(line: str, lowered: str, named: tuple[int, ...], chapter: int | None, scripts: list[str]) -> str:
    """Why a line no experiment answers looks like one: the most specific reason found."""
    untrained = untrained_reason(_specs_for(named, chapter), line, lowered)
    if untrained:  # "try skip-gram instead of CBOW" says first what it does not run
        return _instead(line, lowered, named, chapter) or untrained
    looks = looks_like(line, lowered, scripts)
    if looks.startswith(WORKS_ON) and _remarks_on_data(line, lowered, named, chapter):
        return ""
    if looks and looks != SAID_RUN:
        return looks
    return _instead(line, lowered, named, chapter) or _elsewhere(line, lowered, named, chapter) or looks


def _remarks_on_data(line: str, lowered: str, named: tuple[int, ...], chapter: int | None) -> bool:
    """Whether a line that names data and says nothing was run is a section's title or a remark on a
    model an experiment of its chapter runs on other data ("simple CBOW from ch3 is too slow on
    PTB"): it describes, it does not look like a run no experiment reproduces."""
    if asking.says_run(lowered):
        return False
    return asking.is_section_title(line) or any(_asked_by_words(spec, lowered) for spec in _specs_for(named, chapter))


def _elsewhere(line: str, lowered: str, named: tuple[int, ...], chapter: int | None) -> str:
    """Why a line that says it runs an experiment of another chapter on the same data as this
    chapter's ("비교용으로 `Seq2seq`도 같은 데이터로 돌림" in chapter 8) looks like an experiment:
    that experiment runs on its own chapter's data, so the log's run is not reproduced."""
    if named or chapter is None or not asking.says_run(lowered) or not _SAME_DATA.search(lowered):
        return ""
    for spec in EXPERIMENTS.values():
        place = _named_at(spec, lowered) if spec.chapter != chapter else None
        if place is not None and _asked_by_words(spec, _with_identifiers_split(lowered)):
            name = re.match(r"[\w-]+", lowered[place:])
            written = line[place: place + len(name.group(0))] if name and len(line) == len(lowered) else spec.id
            return (f"it runs {written} in a chapter {chapter} session; {spec.id} reproduces it only as "
                    f"chapter {spec.chapter} runs it, on that chapter's data")
    return ""


def _instead(line: str, lowered: str, named: tuple[int, ...], chapter: int | None) -> str:
    """Why a line that says it runs something, and names an experiment only as what it compares
    with ("Try skip-gram instead of CBOW"), looks like an experiment: what it runs is another."""
    if not asking.says_run(lowered):
        return ""
    for spec in _specs_for(named, chapter):
        match = _ANSWERS[spec.id].search(lowered)
        if match and asking.compared_only(lowered, _ANSWERS[spec.id]):
            written = line[match.start(): match.end()] if len(line) == len(lowered) else match.group(0)
            return f"it runs something other than {written}"
    return ""


def _problems(runs: list[Run]) -> list[str]:
    return [f"{run.experiment}: cannot run: {problem}" for run in runs for problem in problems(run)]


def _follow_up(line: str, lowered: str, chapter: int | None, attached: Sequence[str], learned: bool,
               before: Run) -> Run | None:
    """The run `before` with the settings the line changes, if the line follows it: it states a
    setting `before`'s experiment takes and says it changed one, reports a figure the experiment
    measures, says the other settings are the same, or says it ran something again or with
    ``name=value`` ("Plotted subsampling over 168 epochs" ran something else)."""
    if not attached and "=" not in lowered and not _DIGIT.search(lowered):
        return None  # no value: most lines
    spec = before.spec
    named = chapters_studied(line)
    if spec.chapter not in named if named else chapter not in (None, spec.chapter):
        return None  # about another chapter
    if not _follows(spec, lowered, learned) or _names_another(spec, lowered) or untrained_named(spec, line, lowered):
        return None
    changed = read_values(spec, asking.settings_text(line), attached, bare_lists=False)
    if not changed:
        return before if _reports_only(line, lowered, before) else None
    return make_run(spec.id, **{**before.params_dict(), **changed})


def _reports_only(line: str, lowered: str, before: Run) -> bool:
    """Whether the line only reports a figure the run before measures ("验证集困惑度：epoch1 242.3 →
    epoch6 131.5", "test perplexity 136.8"): the figure is bare (not "GRU perplexity 400", nor
    "re-derived perplexity on paper (243 steps)"), it says nothing was run or changed, runs no
    script and names no other experiment by its words ("Loss ended at 1.75; analogy ... gives queen"
    after a CBOW run is that run's result). It is that run's result, not a run of its own
    (which the figure alone would otherwise choose: the plainest experiment that measures it)."""
    reported = asking.figures(lowered)
    return (asking.measures(before.spec, reported) and asking.of_no_named_model(lowered, reported)
            and not asking.says_run(lowered)
            and not asking.says_changed(lowered) and not gallery.scripts_run(line)
            and not any(_asked_by_words(spec, lowered) for spec in EXPERIMENTS.values()
                        if spec.id != before.experiment))


def _names_another(spec: Spec, lowered: str) -> bool:
    """Whether the line names what it ran, and not as `spec`'s words do ("Ran the GRU model again
    with hidden 200" follows no LSTM run); "the same model", "the 10-epoch run" name none."""
    for match in _NAMED_MODEL.finditer(lowered):
        words = [word for word in match.group(1).split() if word not in _NAMING_NOTHING]
        if words and not _ANSWERS[spec.id].search(" ".join(words)):
            return True
    return False


def _follows(spec: Spec, lowered: str, learned: bool) -> bool:
    if asking.says_changed(lowered) or asking.measures(spec, asking.figures(lowered)):
        return True
    if asking.says_run(lowered) and (asking.says_again(lowered) or asking.states_settings(lowered)):
        return True
    return not learned and asking.says_same_settings(lowered)


def _may_ask(lowered: str) -> bool:
    """Whether any experiment's words, a metric, a script or what makes a line look like an
    experiment is in the line, or a setting named in another language."""
    return (any(pattern.search(lowered) for pattern in _ANY)
            or asking.may_name_metric(lowered) and any(pattern.search(lowered) for pattern in _ANY_METRIC)
            or asking.names_setting_in_other_language(lowered))


def _answering(line: str, lowered: str, named: tuple[int, ...], chapter: int | None, attached: Sequence[str],
               learned: bool, scripts: list[str]) -> list[tuple[Spec, dict]]:
    """The experiments the line asks for, with the values it states for each."""
    reported = asking.figures(lowered)
    specs = [spec for spec in _specs_for(named, chapter) if _asked_by_words(spec, lowered)]
    scripted = book_script_values(scripts, chapter)  # the values of the model a book's script trains
    specs += [EXPERIMENTS[experiment] for experiment in scripted if EXPERIMENTS[experiment] not in specs]
    if reported:  # a figure says whose it is: a perplexity is no gradient-norm plot's
        measuring = [spec for spec in specs if asking.measures(spec, reported)]
        specs = measuring or _measuring(named, chapter, reported, lowered)
    if not specs and not scripts and not may_sweep(named, chapter):
        return []  # nothing to choose from
    said_run = asking.says_run(lowered)
    if learned and not (said_run or reported):
        return []  # what was learned asks only when it says something was run or measured
    worded = asking.settings_text(line)
    chosen = [(spec, {**scripted.get(spec.id, {}), **values}) for spec, values in _read_each(specs, worded, attached)]
    if not chosen and said_run and may_sweep(named, chapter):
        chosen = swept(worded, attached, named, chapter)
    if not chosen and scripts:
        chosen = by_settings(worded, attached, named, chapter)
    chosen = [(spec, values) for spec, values in chosen if not untrained_named(spec, line, lowered)]
    if not chosen or said_run or reported or scripts:
        return chosen
    # Otherwise the line asks only by the data the experiment runs on ("PPMI + SVD on PTB") or by
    # settings it takes: "(`train_flg=False`)" sets none.
    return [(spec, values) for spec, values in chosen
            if _names_procedure(spec, lowered, scripts) or values or _on_its_data(spec, line, lowered)]


def _names_procedure(spec: Spec, lowered: str, scripts: list[str]) -> bool:
    """Whether the line names a procedure (the baseline run) as something done: by its words ("the
    baseline"), or by its script when it runs it ("Ran `train_custom_loop.py`"). A script the line
    names only as where code is ("Implemented the lr schedule in `train_custom_loop.py`") asks for no run."""
    if spec.id not in asking.PROCEDURES:
        return False
    if any(_ANSWERS[spec.id].search(script.lower()) for script in scripts):
        return True
    return _asked_by_words(spec, _PY_FILE.sub(" ", lowered))


def _on_its_data(spec: Spec, line: str, lowered: str) -> bool:
    """Whether the line names data `spec` runs on, as what it ran on: PTB is no data of an experiment
    that reads no corpus ("simple CBOW from ch3 is too slow on PTB" runs nothing of ch. 3's toy
    sentence), and a section's title names what the book's section is about ("4.3 improved CBOW on PTB")."""
    if not asking.names_data(lowered) or asking.is_section_title(line):
        return False
    return uses_corpus(spec) or not _CORPUS.search(lowered)


def _read_each(specs: list[Spec], worded: str, attached: Sequence[str]) -> list[tuple[Spec, dict]]:
    """The values the line states for each experiment it asks for. A line that names two reads
    each one's from where it names it up to where it names the next ("``ch06/train_rnnlm.py``:
    hidden_size=100, max_epoch=4, then ``BetterRnnlm`` with dropout 0.5" runs no BetterRnnlm of
    4 epochs); what comes before the first name goes with the first."""
    places = [_named_at(spec, worded.lower()) for spec in specs]
    if len(specs) < 2 or None in places:
        return [(spec, read_values(spec, worded, attached)) for spec in specs]
    cuts = sorted(set(places))
    read = []
    for spec, place in zip(specs, places):
        after = [cut for cut in cuts if cut > place]
        start, end = (0 if place == cuts[0] else place), (after[0] if after else len(worded))
        read.append((spec, read_values(spec, " " * start + worded[start:end], attached)))
    return read


def _named_at(spec: Spec, lowered: str) -> int | None:
    """Where the line first names `spec` (by a pattern that finds the name itself, not the
    whole line from its start), with its identifiers split as `_asked_by_words` reads them."""
    split = _with_identifiers_split(lowered)[len(lowered) + 1:] or lowered  # as long as `lowered`
    found = [match.start() for pattern in patterns(spec) if not pattern.startswith("^")
             for text in (lowered, split) for match in [re.search(pattern, text)] if match]
    return min(found) if found else None


def _asked_by_words(spec: Spec, lowered: str) -> bool:
    """Whether the line names `spec` by its words, other than only as what it compares with
    ("way faster than peeky seq2seq" runs no seq2seq)."""
    if not any(loose.search(lowered) for loose in _MAY_ANSWER[spec.id]):
        return False  # most lines have no word of most experiments: a quicker search says so first
    pattern = _ANSWERS[spec.id]
    return pattern.search(lowered) is not None and not asking.compared_only(lowered, pattern)


def _with_identifiers_split(lowered: str) -> str:
    """The line, and after it again with its identifiers split at ``_``, so that a word of an
    experiment is found inside one (``is_peeky = True``) as well as a file it names
    (``train_seq2seq.py``); a file's or folder's name is not split (``ch08/attention_layer.py``
    names no attention run), nor is a setting's own name (``batch_size=300`` names no batch sweep)."""
    if "_" not in lowered:
        return lowered
    split = _IDENTIFIER.sub(lambda match: match.group(0) if match.group(0) in _SETTING_NAMES
                            else match.group(0).replace("_", " "), lowered)
    return lowered if split == lowered else f"{lowered}\n{split}"


def _measuring(named: tuple[int, ...], chapter: int | None, reported: frozenset[str], lowered: str) -> list[Spec]:
    """A figure no experiment's words answer: the one light experiment of the chapter that
    measures it ("test perplexity 136.8" in chapter 6 is the LSTM language model's), unless
    it is the figure of something the line names ("GRU perplexity 400")."""
    if not asking.of_no_named_model(lowered, reported):
        return []
    found = [spec for spec in of_chapters(named, chapter) if asking.measures(spec, reported) and not is_heavy(spec)]
    return found if len(found) == 1 else []


def _specs_for(named: tuple[int, ...], chapter: int | None) -> tuple[Spec, ...]:
    if named:
        return tuple(spec for spec in EXPERIMENTS.values() if spec.chapter in named)
    return _ANSWERING.get(chapter, ())


def _script_runs(scripts: list[str], named: tuple[int, ...], chapter: int | None) -> list[Run]:
    runs = []
    for script in scripts:
        script_chapter = gallery.chapter_of_script(script) or (named[0] if len(named) == 1 else chapter) or 0
        runs.append(make_run(gallery.SPEC.id, chapter=script_chapter, script=script))
    return runs


_ANY = any_search([r"\.py\b", *(pattern for spec in EXPERIMENTS.values() for pattern in patterns(spec)),
                      *(pattern.pattern for pattern, _, _ in LOOKS_LIKE)])
_ANY_METRIC = any_search(["|".join(words) for words in asking.METRICS.values()])
_ANSWERS = {spec.id: answers_search(spec) for spec in EXPERIMENTS.values()}
_MAY_ANSWER = {spec.id: any_search(list(patterns(spec))) for spec in EXPERIMENTS.values()}
# The experiments that may answer a line of each chapter (of any, when the chapter is not known).
_ANSWERING = {chapter: tuple(spec for spec in EXPERIMENTS.values() if spec.answers and chapter in (None, spec.chapter))
              for chapter in {None, *(spec.chapter for spec in EXPERIMENTS.values())}}
_SETTING_NAMES = frozenset(param.name for spec in EXPERIMENTS.values() for param in spec.params)
