"""The learner's own label spellings: ``labels:`` in ``sessions/vocabulary.yml``, read with
the line of each problem, and added to the table that ships (labels.py)."""
from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .diagnostics import Diagnostic, warning
from .labels import USER_KINDS, Labels, make_labels, shipped_labels


def load_user_labels(path: Path, display: str) -> tuple[Labels, list[Diagnostic]]:
    """``labels:`` of the user's vocabulary file: kind -> spellings, added to the table.

    Its other sections, and a file that is not valid YAML, are the vocabulary's to report.
    """
    labels = shipped_labels()
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return labels, []
    node = _section(root, "labels")
    if node is None:
        return labels, []
    if not isinstance(node, MappingNode):
        return labels, [warning(display, _line(node), "`labels:` should map a kind to its spellings "
                                                      "(e.g. `watchlist: [Parking lot]`); ignored")]
    user, problems = [], []
    for key, value in node.value:
        kind = key.value if isinstance(key, ScalarNode) else None
        if kind not in USER_KINDS:
            problems.append(warning(display, _line(key), f"unknown label kind {kind!r} (expected one of "
                                                         f"{', '.join(USER_KINDS)}); ignored"))
            continue
        spellings = _spellings(value)
        if spellings is None:
            problems.append(warning(display, _line(value), f"`{kind}:` should be a list of spellings; ignored"))
            continue
        user.append((kind, spellings))
    return make_labels(labels.builtin, tuple(user)), problems


def _section(root: Node | None, name: str) -> Node | None:
    if not isinstance(root, MappingNode):
        return None
    return next((value for key, value in root.value if isinstance(key, ScalarNode) and key.value == name), None)


def _spellings(node: Node) -> tuple[str, ...] | None:
    if isinstance(node, ScalarNode):
        return (node.value,) if node.value.strip() else ()
    if isinstance(node, SequenceNode) and all(isinstance(item, ScalarNode) for item in node.value):
        return tuple(item.value for item in node.value if item.value.strip())
    return None


def _line(node: Node) -> int:
    return node.start_mark.line + 1
