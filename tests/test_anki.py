"""The recall cards as an Anki deck: one note per card, ids that stay put across builds."""
from __future__ import annotations

import io
import sqlite3
import zipfile

from studykb.config import Config
from studykb.pipeline import load
from studykb.render.anki import anki_deck
from tests.conftest import SEED, make_project


def notes(deck: bytes, tmp_path) -> list[tuple[str, str]]:
    db = tmp_path / "collection.anki2"
    db.write_bytes(zipfile.ZipFile(io.BytesIO(deck)).read("collection.anki2"))
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("select guid, flds from notes").fetchall())


def test_every_card_is_a_note_and_a_rebuilt_deck_keeps_their_ids(tmp_path):
    root = make_project(tmp_path, {"dlfs2.md": SEED.read_bytes()})
    knowledge = load(Config(root=root)).knowledge
    first = anki_deck(knowledge, "Recall cards")
    assert first == anki_deck(knowledge, "Recall cards")  # same cards, same bytes
    found = notes(first, tmp_path)
    assert len(found) == len(knowledge.cards) > 0
    fronts = " ".join(fields for _, fields in found)
    assert all(card.front.split()[0] in fronts for card in knowledge.cards)
    # A later session adds a card; the notes that were there keep their ids (re-import updates them).
    (root / "sessions" / "dlfs2.md").write_text(
        SEED.read_text() + "\n## Session: 2026-02-20 10:00:00 KST\n- Q/A: What is a sweep? Changing one variable.\n")
    later = notes(anki_deck(load(Config(root=root)).knowledge, "Recall cards"), tmp_path)
    assert {guid for guid, _ in found} < {guid for guid, _ in later}
