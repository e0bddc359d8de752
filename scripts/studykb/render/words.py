"""The site's own words (headings, sentences, facts) in the site's language, from data/ui.yml.

Render modules ask for a text by its key; the template is escaped (html.text) and the
values put into it are HTML already (a number, a link, a date made by html.py), so the
words of every language go through the one escaping renderer. The experiments' titles,
summaries and table headings, which the catalog gives in English, are in data/experiments.yml
(``Words.experiment``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Mapping

import yaml

from . import html

LANGUAGES = ("en", "ko", "ja", "zh")
DATA = Path(__file__).parent.parent / "data" / "ui.yml"
EXPERIMENT_WORDS = DATA.with_name("experiments.yml")
SCRIPT_KEYS = ("js_nothing_due", "js_cards_due", "js_due_today", "js_today", "js_yesterday", "js_days_ago",
               "js_this_week", "hours_minutes", "minutes_only")
"""The words the browser's script says (docs/javascripts/studykb.js); it has the English ones itself."""


@dataclass(frozen=True)
class Words:
    """The table of ``language`` (key -> template, or {one:, other:} for a count)."""

    language: str
    table: Mapping[str, str | Mapping[str, str]]
    experiments: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """``titles``/``summaries`` (experiment id -> text), ``headings`` (English heading -> text)."""

    def __call__(self, key: str, **values: str | int) -> str:
        """The text of ``key`` as HTML: its template escaped, ``values`` (HTML) filled in."""
        return html.text(self._template(key, values.get("n"))).format(**values)

    def plain(self, key: str, **values: str | int) -> str:
        """The text of ``key`` as plain text (front matter, an attribute, a Markdown heading's source)."""
        return self._template(key, values.get("n")).format(**values)

    def _template(self, key: str, count: str | int | None) -> str:
        template = self.table[key]
        if isinstance(template, str):
            return template
        return template["one"] if count == 1 else template["other"]

    def experiment(self, part: str, key: str, english: str) -> str:
        """An experiment's title or summary (``part`` ``titles``/``summaries``, ``key`` its id), or a
        heading of its results table (``headings``, ``key`` the English one), as plain text:
        ``english``, the catalog's own, on an English site or where there is no translation."""
        return self.experiments.get(part, {}).get(key, english)

    def script_words(self) -> str:
        """The attribute that gives the browser's script its words (`` data-studykb-words="{…}"``),
        or nothing on an English site, whose words the script has."""
        if self.language == "en":
            return ""
        said = {key.removeprefix("js_"): self.table[key] for key in SCRIPT_KEYS}
        return f' data-studykb-words="{html.attr(json.dumps(said, ensure_ascii=False, sort_keys=True))}"'

    def minutes(self, total: int | None) -> str:
        """A duration: ``1 h 05 min`` / ``1시간 05분`` / ``1時間05分`` / ``1小时05分钟``."""
        if total is None:
            return self.plain("minutes_none")
        hours, rest = divmod(total, 60)
        return self.plain("hours_minutes", h=hours, m=f"{rest:02d}") if hours else self.plain("minutes_only", m=rest)

    def month(self, started: datetime | None) -> str:
        """The month a session is in: ``December 2026`` / ``2026년 12월``."""
        if started is None:
            return self.plain("undated")
        return self.plain("month", month_name=f"{started:%B}", year=started.year, month=started.month)


def ui_table() -> dict[str, dict]:
    """Every key of data/ui.yml with its text in each language."""
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def experiment_table() -> dict[str, dict]:
    """data/experiments.yml: part (titles, summaries, headings) -> key -> language -> text."""
    return yaml.safe_load(EXPERIMENT_WORDS.read_text(encoding="utf-8"))


def words_for(language: str, table: dict[str, dict] | None = None) -> Words:
    """The site's words in ``language`` (one of LANGUAGES)."""
    table = ui_table() if table is None else table
    experiments = {} if language == "en" else {
        part: {key: texts[language] for key, texts in entries.items() if language in texts}
        for part, entries in experiment_table().items()}
    return Words(language, {key: texts[language] for key, texts in table.items()}, experiments)
