"""The recall cards as an Anki deck (``.apkg``), made with genanki.

Each note's id (genanki's ``guid``) comes from the card's id, so importing a newer deck
updates the notes already in Anki instead of adding them again. The file is the same
bytes for the same cards: its time stamps are the last session's start, not the clock,
so the build writes it only when the cards change.
"""
from __future__ import annotations

import io
import itertools
import os
import sqlite3
import tempfile
import zipfile
from datetime import datetime, timezone

import genanki

from ..model import Card, Knowledge
from . import html

MODEL_ID = 1_607_392_319  # fixed: Anki matches a note type by this id
DECK_ID = 2_059_400_110
MODEL = genanki.Model(
    MODEL_ID, "studykb recall card",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
    templates=[{"name": "Card 1", "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<p><small>{{Source}}</small></p>'}])


def anki_deck(knowledge: Knowledge, title: str) -> bytes:
    """The ``.apkg`` file of every recall card."""
    deck = genanki.Deck(DECK_ID, title)
    for card in knowledge.cards:
        deck.add_note(_note(card))
    return _package(genanki.Package(deck), _timestamp(knowledge))


def _note(card: Card) -> genanki.Note:
    tags = [card.kind] + (["watchlist"] if card.watch else [])
    return genanki.Note(model=MODEL, fields=[html.inline(card.front), html.inline(card.back), html.text(_where(card))],
                        guid=genanki.guid_for("studykb", card.id), tags=tags)


def _where(card: Card) -> str:
    """Where the card comes from, without a line number: lines move as the log grows."""
    return f"{card.source.path}, session {card.session}" if card.session else card.source.path


def _timestamp(knowledge: Knowledge) -> float:
    started = [s.started for s in knowledge.sessions if s.started is not None]
    moment = max(started) if started else datetime(2000, 1, 1)
    return moment.replace(tzinfo=timezone.utc).timestamp()


def _package(package: genanki.Package, timestamp: float) -> bytes:
    """What ``Package.write_to_file`` writes, with fixed dates inside the zip file."""
    handle, db_path = tempfile.mkstemp(suffix=".anki2")
    os.close(handle)
    try:
        with sqlite3.connect(db_path) as conn:
            conn.execute("PRAGMA synchronous = OFF")  # a scratch file, read back at once: no need to wait for the disk
            package.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
        conn.close()
        with open(db_path, "rb") as db:
            collection = db.read()
    finally:
        os.remove(db_path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("collection.anki2", collection), ("media", b"{}")):
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return out.getvalue()
