"""The page renderers' fast paths give what their general forms give."""
from __future__ import annotations

import json
import random
import re
from datetime import datetime, timedelta, timezone

import pytest

from studykb.render import html
from studykb.render import text as text_md
from studykb.render.common import _json, clock
from studykb.concepts import is_term_like
from studykb.vocabulary import Match, Term, build_lexicon


def _docs_paths(rng: random.Random) -> list[str]:
    out = []
    for _ in range(3000):
        parts = [rng.choice(["a", "b", "ab", "sessions", "x"]) for _ in range(rng.randint(0, 3))]
        name = rng.choice(["index.md", "README.md", "p.md", "x.md", "chart.svg", ""])
        path = "/".join(["generated", *parts, name] if rng.random() < 0.9 else [*parts, name])
        out.append(path + rng.choice(["", "", "#L3"]))
    return out


def _general_href(from_page: str, to_path: str) -> str:
    """Up from the page's folder to the folder it shares with the target, then down: segment by segment."""
    target, _, anchor = to_path.partition("#")
    from_url, to_url = html.permalink(from_page), html.permalink(target)
    base = from_url[:-1] if from_url.endswith("/") else from_url.rpartition("/")[0]
    folder, name = (to_url[:-1], "") if to_url.endswith("/") or not to_url else to_url.rsplit("/", 1) \
        if "/" in to_url else ("", to_url)
    here, there = base.split("/") if base else [], folder.split("/") if folder else []
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    up = "/".join([".."] * (len(here) - common) + there[common:])
    url = f"{up}/{name}" if up else (name or "./")
    return f"{url}#{anchor}" if anchor else url


def test_links_go_up_to_the_nearest_common_folder_and_down():
    rng = random.Random(7)
    for from_page, to_path in zip(_docs_paths(rng), _docs_paths(rng)):
        assert html.href(from_page, to_path) == _general_href(from_page, to_path), (from_page, to_path)


def test_a_flat_list_is_what_the_nesting_writes():
    for ordered in (False, True):
        for n in (1, 2, 5):
            items = [(2, ordered, f"item <b>{i}</b>") for i in range(n)]
            for attrs in ("", ' class="x"'):
                assert html.nested_list(items, attrs) == html._nested(items, attrs)


@pytest.mark.parametrize("line", ["a plain line about Adam and SGD, Adam again", "Adam & SGD <b> > x",
                                  "<Adam>&<SGD>", "SGD"])
def test_lines_with_and_without_characters_to_escape_link_alike(line):
    mentions = sorted(Match(m.start(), m.end(), m[0]) for m in re.finditer("Adam|SGD", line))
    urls = {"Adam": "../adam/", "SGD": "../sgd/"}
    expected = html._escaped_with_mentions(line, urls, mentions)
    linker = html.Linker(None, {"Adam": "adam", "SGD": "sgd"}, "../", "/")
    assert html._with_mentions(line, linker, mentions) == expected


@pytest.mark.parametrize("value", ["plain", 'quo"te \\ </script> é 日本 😀 \u2028 \x00 \x7f', "", 3, True, None])
def test_front_matter_values_are_their_json(value):
    assert _json(value) == json.dumps(value, ensure_ascii=False)


@pytest.mark.parametrize("moment", [datetime(2024, 5, 1, 2, 3, 4), datetime(999, 1, 2, 3, 4, 5), datetime(1000, 1, 1),
                                    datetime(2024, 5, 1, 2, 3, 4, 567), datetime(9999, 12, 31, 23, 59, 59),
                                    datetime(2024, 5, 1, 2, 3, 4, tzinfo=timezone(timedelta(hours=9)))])
def test_a_clock_time_is_what_strftime_writes(moment):
    assert clock(moment) == f"{moment:%Y-%m-%d %H:%M:%S}"


def _held_inline(line: str) -> str:
    """html.inline's general way for a line with tokens: every token behind a placeholder."""
    tokens = html._tokens(line, html.NO_LINKS, None)
    if not tokens:
        return html._emphasis(html.text(line))
    pieces, last = [], 0
    for i, (start, end, _) in enumerate(tokens):
        pieces += (html.text(line[last:start]), f"{html.HOLD}{i}{html.HOLD}")
        last = end
    pieces.append(html.text(line[last:]))
    return html.HELD_RE.sub(lambda m: tokens[int(m[1])][2], html._emphasis("".join(pieces)))


def test_emphasis_is_looked_for_only_where_a_mark_lies_outside_the_tokens():
    rng = random.Random(11)
    bits = ["a", " ", "`", "``", "*", "**", "_", "__", "x_y", "[l](https://e.org/a_b*c)", "<", "&", "![i](x)", "é"]
    for _ in range(5000):
        line = "".join(rng.choice(bits) for _ in range(rng.randint(1, 12)))
        if "*" in line or "_" in line:
            assert html.inline(line) == _held_inline(line), line


def test_a_code_spans_concept_is_what_the_lexicon_says():
    lexicon = build_lexicon([Term("batch size", origin="user")], frozenset())
    linker = html.Linker(lexicon, {"batch size": "batch-size", "epoch": "epoch"}, "../", "/")
    for code in ["batch size", " epoch ", "epochs", "train.py", "np.int", "x -= 1", "epoch", "batch size", "SGD"]:
        expected = lexicon.lookup(code) if is_term_like(code, lexicon) else None
        assert linker.code_name(code) == expected, code
    assert html.NO_LINKS.code_name("epoch") is None


def test_plain_text_is_what_inline_markdown_gives_it():
    rng = random.Random(5)
    bits = ["a", " ", "1.", "2)", "# ", "> ", "- ", "**", "_", "\\", "&", "<", "{", "}", "`", "[l](https://x)", "]", "!!!", "é"]
    for _ in range(5000):
        line = "".join(rng.choice(bits) for _ in range(rng.randint(0, 6)))
        assert text_md.plain(line) == text_md.inline(line, text_md.NO_LINKS), line
