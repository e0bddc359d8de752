"""The user's vocabulary file, ``sessions/vocabulary.yml``: ``terms:`` to add, ``ignore:``
for false positives.

Read from the YAML node tree, so that every problem names its line; each is reported
and skipped over: a wrong entry costs that entry, a wrong section that section, never
the build.

    terms:
      - term: learning rate
        aliases: [LR, step size]
        definition: How far one update moves the weights.
        chapter: 1
    ignore: [cat]
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .diagnostics import Diagnostic, error, warning
from .sources import refuse_link_outside
from .vocabulary import FAST_LOADER, Term, merge_terms, normalise

TERM_KEYS = ("term", "aliases", "definition", "chapter")
TEXT_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
KINDS = {"tag:yaml.org,2002:int": "a number", "tag:yaml.org,2002:float": "a number",
         "tag:yaml.org,2002:bool": "true or false", "tag:yaml.org,2002:timestamp": "a date"}


def load_user_vocabulary(path: Path, display: str) -> tuple[list[Term], frozenset[str], list[Diagnostic]]:
    """The user's terms, the words to ignore, and the problems found, each with its line."""
    if not path.exists() and not path.is_symlink():
        return [], frozenset(), []
    root, problems = _read_yaml(path, display)
    if root is None or _is_null(root):
        return [], frozenset(), problems
    if not isinstance(root, MappingNode):
        problems.append(error(display, _line(root), f"expected `terms:` and `ignore:`, not {_kind(root)}; "
                                                    "the file is not used"))
        return [], frozenset(), problems
    sections = _sections(root, display, problems)
    terms = _terms(sections.get("terms"), display, problems)
    ignored = frozenset(normalise(word) for word in _texts(sections.get("ignore"), "ignore", display, problems))
    return terms, ignored, problems


def _read_yaml(path: Path, display: str) -> tuple[Node | None, list[Diagnostic]]:
    refused = refuse_link_outside(path, display, path.parent)
    if refused:
        return None, [refused]
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=FAST_LOADER), []
    except OSError as exc:
        return None, [error(display, 1, f"cannot read the vocabulary file: {exc.strerror or exc}")]
    except UnicodeDecodeError as exc:
        return None, [error(display, 1, f"vocabulary file is not UTF-8 text ({exc.reason}); not used")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        return None, [error(display, mark.line + 1 if mark else 1, f"vocabulary file is not valid YAML: {problem}")]


def _sections(root: MappingNode, display: str, problems: list[Diagnostic]) -> dict[str, Node]:
    sections = {}
    for key, value in root.value:
        name = key.value if isinstance(key, ScalarNode) else None
        if name in ("terms", "ignore"):
            sections[name] = value
        elif name != "labels":  # the names of a log's parts: read by labels.py
            problems.append(warning(display, _line(key), f"unknown section {_shown(key)} "
                                                         "(expected `terms:`, `ignore:` or `labels:`); ignored"))
    return sections


def _terms(node: Node | None, display: str, problems: list[Diagnostic]) -> list[Term]:
    if node is None or _is_null(node):
        return []
    if not isinstance(node, SequenceNode):
        problems.append(error(display, _line(node), f"`terms:` should be a list of `- term: ...` entries, "
                                                    f"not {_kind(node)}; not used"))
        return []
    terms: dict[str, Term] = {}  # by normalised name: two spellings of one term are one term
    for entry in node.value:
        term = _term(entry, display, problems)
        if term is not None:
            _add(terms, term, display, problems)
    return list(terms.values())


def _add(terms: dict[str, Term], term: Term, display: str, problems: list[Diagnostic]) -> None:
    key = normalise(term.name) or term.name  # a name of no ASCII word is its own key
    first = terms.get(key)
    if first is None:
        terms[key] = term
        return
    problems.append(warning(display, term.line, f"term {term.name!r} is also at line {first.line}; "
                                                "the two entries are merged"))
    terms[key] = merge_terms(first, replace(term, name=first.name, line=first.line))


def _term(entry: Node, display: str, problems: list[Diagnostic]) -> Term | None:
    """One ``- term: ...`` entry, or None (reported) when it names no term."""
    if not isinstance(entry, MappingNode):
        problems.append(warning(display, _line(entry), f"a terms entry should be a mapping like "
                                                       f"`- term: epoch`, not {_kind(entry)}; skipped"))
        return None
    fields: dict[str, Node] = {}
    for key, value in entry.value:
        if isinstance(key, ScalarNode) and key.value in TERM_KEYS:
            fields[key.value] = value
        else:
            problems.append(warning(display, _line(key), f"unknown key {_shown(key)} in a terms entry "
                                                         f"(expected {', '.join(TERM_KEYS)}); ignored"))
    name = _text(fields.get("term"), "term", display, problems)
    if not name or not name.strip():
        problems.append(warning(display, _line(entry), "terms entry has no `term:`; skipped"))
        return None
    aliases = tuple(_texts(fields.get("aliases"), "aliases", display, problems))
    definition = _text(fields.get("definition"), "definition", display, problems)
    chapter = _chapter(fields.get("chapter"), display, problems)
    return Term(name.strip(), aliases, definition, "user", chapter, display, _line(entry))


def _texts(node: Node | None, what: str, display: str, problems: list[Diagnostic]) -> list[str]:
    """A list of text; one text alone is a list of one."""
    if node is None or _is_null(node):
        return []
    if isinstance(node, ScalarNode):
        texts = [_text(node, what, display, problems)]
    elif isinstance(node, SequenceNode):
        texts = [_text(item, what, display, problems) for item in node.value]
    else:
        problems.append(warning(display, _line(node), f"`{what}:` should be a list of text, not {_kind(node)}; ignored"))
        return []
    return [text for text in texts if text]


def _text(node: Node | None, what: str, display: str, problems: list[Diagnostic]) -> str | None:
    """A scalar's text as written (``1e3`` stays ``1e3``); a number or the like is reported."""
    if node is None or _is_null(node):
        return None
    if not isinstance(node, ScalarNode):
        problems.append(warning(display, _line(node), f"`{what}:` should be text, not {_kind(node)}; ignored"))
        return None
    if node.tag != TEXT_TAG:
        problems.append(warning(display, _line(node), f"`{what}:` is {_kind(node)} ({node.value}), not text; "
                                                      "read as written (quote it to say it is text)"))
    return node.value


def _chapter(node: Node | None, display: str, problems: list[Diagnostic]) -> int | None:
    if node is None or _is_null(node):
        return None
    if isinstance(node, ScalarNode) and re.fullmatch(r"\d{1,4}", node.value):
        return int(node.value)
    problems.append(warning(display, _line(node), f"`chapter:` should be a whole number, not {_shown(node)}; ignored"))
    return None


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == NULL_TAG


def _kind(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    return KINDS.get(node.tag, "text")


def _shown(node: Node) -> str:
    return repr(node.value) if isinstance(node, ScalarNode) else _kind(node)


def _line(node: Node) -> int:
    return node.start_mark.line + 1
