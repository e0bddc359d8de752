"""Synthetic study logs shaped like the seed log, deterministic from a seed.

Sessions fall on consecutive days with realistic clock times (mostly KST, some
UTC), a time log of varying length, 3-8 topics drawn from the field's vocabulary,
learned lines that define terms, watchlist items that recur for a while and then
settle, Q/A lines and a resume point. Wording varies from session to session so
no cache sees the same line twice more often than a real log would.
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml

VOCABULARY = Path(__file__).resolve().parent.parent / "studykb" / "data" / "vocabulary.yml"
FIRST_DAY = date(2023, 1, 2)

# Terms a learner picks up beyond the starter vocabulary (they become concepts too).
EXTRA_TERMS = [
    "weight decay", "momentum", "Adam", "batch normalization", "layer normalization",
    "warmup steps", "gradient accumulation", "beam search", "greedy decoding", "label smoothing",
    "early stopping", "learning rate schedule", "Xavier initialization", "He initialization",
    "residual connection", "positional encoding", "masked attention", "tokenizer", "vocabulary size",
    "unknown token", "padding mask", "truncated BPTT", "peephole connection", "forget gate",
    "input gate", "output gate", "cell state", "subsampling", "unigram distribution", "hierarchical softmax",
]
FILES = ["train.py", "train_custom_loop.py", "common/layers.py", "common/optimizer.py", "common/trainer.py",
         "dataset/spiral.py", "dataset/ptb.py", "ch04/cbow.py", "ch05/simple_rnnlm.py", "ch06/rnnlm.py",
         "ch07/seq2seq.py", "ch08/attention_layer.py", "common/time_layers.py", "common/util.py"]
ASIDE = ["", "", " — seen again in run {n}", " (my note from exercise {ch}.{ex})", " — this is what tripped me up with {u}",
         " (page {page})", " — checked with a tiny example of {n} samples"]
DEFINE = [
    "`{t}` is {d}", "{T} means {d}", "`{t}` is, in my words, {d}", "{T} means, roughly, {d}",
    "`{t}` is {d} (checked against the book, p. {page})", "{T} means {d} — clearer after exercise {ex}",
]
TOPIC = [
    "Ch{ch:02d} {t}: worked through `{f}`", "Reviewed {t} and {u} with the notebook", "Re-derived {t} on paper ({n} steps)",
    "Implemented {t} forward/backward in `{f}`", "Read section {ch}.{sec} on {t}", "Debugged {t} in `{f}` (line {line})",
    "Compared {t} against {u} on the spiral data", "Plotted {t} over {n} epochs", "Exercise {ch}.{ex}: {t}",
    "Summarised {t} in my own words",
]
WATCH = [
    "Difference between `{t}` and `{u}`.", "When {t} helps and when it hurts.", "Why {t} needs {u} to be fair.",
    "Mixing up {t} with {u} when reading the loss curve.", "Order of operations in {t} vs {u}.",
    "Shape of the arrays in {t} (batch first or time first).",
]
QA = [
    "Q/A: Why does {t} matter here? Because {d}", "Q/A: Is {t} the same as {u}? No — {d}",
    "Q/A: What goes wrong without {t}? Training on run {n} stalled until I added it.",
    "Q/A: When do I check {t} first? When the loss plateaus after epoch {n}.",
]
RESUME = ["Continue Ch{ch:02d} with `{t}`, then {u}.", "Redo exercise {ch}.{ex} on {t} before moving on.",
          "Start Ch{ch:02d}: read about {t} and {u}.", "Run the {t} experiment again with {n} epochs."]
LR_VALUES = ["0.01", "0.03", "0.1", "0.3", "1.0", "3.0", "10.0"]
BATCH_VALUES = ["5", "10", "30", "100"]


def load_terms() -> list[tuple[str, str]]:
    """(term, lower-cased definition) from the shipped vocabulary, plus the extra terms."""
    data = yaml.safe_load(VOCABULARY.read_text("utf-8"))
    terms = [(t["term"], _lower_first(t.get("definition") or "a term from the book.")) for t in data["terms"]]
    return terms + [(t, f"a technique I met while reading about {t.split()[-1]}.") for t in EXTRA_TERMS]


def _lower_first(text: str) -> str:
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


class _Writer:
    """One learner's log, session after session; the watchlist drifts slowly."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.terms = load_terms()
        self.watch: list[str] = []

    def fill(self, template: str, ch: int) -> str:
        rng = self.rng
        (t, d), (u, _) = rng.sample(self.terms, 2)
        return template.format(t=t, T=t[:1].upper() + t[1:], u=u, d=d, ch=ch, sec=rng.randint(1, 9),
                               ex=rng.randint(1, 30), n=rng.randint(2, 400), f=rng.choice(FILES),
                               page=rng.randint(10, 380), line=rng.randint(5, 420))

    def session(self, index: int) -> list[str]:
        rng = self.rng
        day = FIRST_DAY + timedelta(days=index)
        zone = "UTC" if rng.random() < 0.1 else "KST"
        minutes = rng.choice([20, 25, 30, 35, 40, 45, 50, 60, 75, 90, 105, 120, 150])
        start = datetime.combine(day, datetime.min.time()) + timedelta(hours=rng.randint(7, 21), minutes=rng.randint(0, 59))
        end = start + timedelta(minutes=minutes)
        ch = 1 + index // 45 if index < 360 else rng.randint(1, 8)  # the book once, then review
        lines = [f"## Session: {end:%Y-%m-%d %H:%M}:{rng.randint(0, 59):02d} {zone}",
                 "- Repository: /Users/learner/Study/deep-learning-from-scratch-2/repo",
                 f"- Time log (today): Start ~{start:%H:%M} {zone} | End {end:%H:%M} {zone} | Duration ~{minutes} minutes"]
        if rng.random() < 0.2:
            lines.append(f"- Study mode: {rng.choice(['Beginner-first, concept-first', 'Review', 'Exercises', 'Reading'])}")
        lines.append("- Topics covered:")
        lines += [f"- {self.fill(rng.choice(TOPIC), ch)}" for _ in range(rng.randint(3, 8))]
        if rng.random() < 0.05:
            lines.append(f"- LR sweep executed: `{', '.join(sorted(rng.sample(LR_VALUES, rng.randint(2, 4)), key=float))}`")
        if rng.random() < 0.03:
            lines.append(f"- Batch sweep executed: `{', '.join(sorted(rng.sample(BATCH_VALUES, rng.randint(2, 3)), key=int))}`")
        lines.append("- What we learned today:")
        lines += [f"- {self.fill(rng.choice(DEFINE), ch)}{self.fill(rng.choice(ASIDE), ch)}" for _ in range(rng.randint(1, 4))]
        lines.append("- Key concepts repeatedly confused (watchlist):")
        lines += [f"- {item}" for item in self.watchlist(ch)]
        lines.append("- Resume point for next session:")
        lines.append(f"- {self.fill(rng.choice(RESUME), ch)}")
        lines += [f"- {self.fill(rng.choice(QA), ch)}" for _ in range(rng.randint(0, 2))]
        return lines + [""]

    def watchlist(self, ch: int) -> list[str]:
        """1-3 items from a small set that changes now and then, so items recur."""
        rng = self.rng
        if not self.watch or rng.random() < 0.15:
            self.watch = (self.watch + [self.fill(rng.choice(WATCH), ch)])[-4:]
        return rng.sample(self.watch, min(len(self.watch), rng.randint(1, 3)))


def synth_logs(sessions: int, seed: int = 0, one_file: bool = False) -> dict[str, str]:
    """Log file name -> text: ``sessions`` sittings, one file per month of study (``one_file``:
    all in one, as the seed log keeps them)."""
    writer = _Writer(seed)
    months: dict[str, list[str]] = {}
    for index in range(sessions):
        day = FIRST_DAY + timedelta(days=index)
        months.setdefault("all" if one_file else f"{day:%Y-%m}", []).extend(writer.session(index))
    return {f"log-{month}.md": f"# Study log {month}\n\nOne entry per sitting.\n\n" + "\n".join(lines)
            for month, lines in months.items()}


def write_logs(sessions_dir: Path, sessions: int, seed: int = 0, one_file: bool = False) -> list[Path]:
    sessions_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in synth_logs(sessions, seed, one_file).items():
        path = sessions_dir / name
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths
