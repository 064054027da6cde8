"""Anki decks: an ``.apkg`` package (genanki) and Anki's plain-text import (TSV).

Ids are derived, never random: the note type's from a fixed name, the deck's from the
glossary's title, each note's guid from its term's id. Importing a newer export of the same
glossary therefore updates the notes a person already has (and keeps their review history)
instead of adding copies. Both forms give a note the same guid, so a deck started from one
can be updated from the other.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from carbon_glossary.core.pinyin import display_pinyin

if TYPE_CHECKING:
    from carbon_glossary.core.model import Term
    from carbon_glossary.interop.formats import ExportRequest

__all__ = [
    "ANKI_FIELDS",
    "MODEL_NAME",
    "deck_id",
    "model_id",
    "note_fields",
    "note_guid",
    "write_apkg",
    "write_tsv",
]

MODEL_NAME = "carbon-glossary 术语"
ANKI_FIELDS = ("term", "pinyin", "definition", "English", "source")
_CSS = """.card { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
 sans-serif; font-size: 22px; text-align: center; }
.pinyin { color: #555; } .definition { text-align: left; } .source { font-size: 14px; color: #777; }
"""
_FRONT = '<div class="term">{{term}}</div>'
_BACK = (
    '{{FrontSide}}<hr id="answer"><div class="pinyin">{{pinyin}}</div>'
    '<div class="definition">{{definition}}</div><div>{{English}}</div>'
    '<div class="source">{{source}}</div>'
)


def _stable_number(text: str) -> int:
    """A positive 31-bit number from text (Anki ids must fit its integer columns)."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big") >> 1 | 1 << 30


def model_id() -> int:
    """The note type's id: the same in every export, so Anki sees one note type."""
    return _stable_number("carbon-glossary model " + MODEL_NAME)


def deck_id(title: str) -> int:
    """The deck's id, from the glossary's title."""
    return _stable_number("carbon-glossary deck " + title)


def note_guid(term_id: str) -> str:
    """The note's guid, from the term's id (ids are stable; progress follows them too)."""
    import genanki

    return str(genanki.guid_for("carbon-glossary", term_id))


def note_fields(term: Term) -> list[str]:
    """The note's fields (HTML, as Anki stores them): term, pinyin, definition, English,
    source."""
    values = (
        term.term,
        display_pinyin(term.term, term.marks),
        term.definition,
        "; ".join(term.english),
        term.source,
    )
    return [html.escape(value).replace("\n", "<br>") for value in values]


def _tags(term: Term) -> list[str]:
    # Anki tags cannot hold spaces.
    return ["_".join(tag.split()) for tag in (term.category, *term.tags) if tag.strip()]


def write_apkg(request: ExportRequest, path: Path) -> None:
    """One note per term in a deck named after the glossary."""
    import genanki

    model = genanki.Model(
        model_id(),
        MODEL_NAME,
        fields=[{"name": name} for name in ANKI_FIELDS],
        templates=[{"name": "术语 → 释义", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
    )
    deck = genanki.Deck(deck_id(request.glossary.title), request.glossary.title)
    for term in request.terms:
        deck.add_note(
            genanki.Note(
                model=model, fields=note_fields(term), guid=note_guid(term.id), tags=_tags(term)
            )
        )
    genanki.Package(deck).write_to_file(str(path))


def tsv_lines(request: ExportRequest) -> Sequence[str]:
    """Anki's text import with its file headers (Anki 2.1.55+): the guid column lets a
    re-import update the notes instead of adding copies."""
    title = request.glossary.title
    lines = [
        "#separator:tab",
        "#html:true",
        f"#notetype:{MODEL_NAME}",
        f"#deck:{title}",
        "#guid column:1",
        "#tags column:7",
        "#columns:guid\t" + "\t".join(ANKI_FIELDS) + "\ttags",
    ]
    for term in request.terms:
        fields = [note_guid(term.id), *note_fields(term), " ".join(_tags(term))]
        lines.append("\t".join(field.replace("\t", " ") for field in fields))
    return lines


def write_tsv(request: ExportRequest, path: Path) -> None:
    """The TSV form, UTF-8."""
    path.write_text("\n".join(tsv_lines(request)) + "\n", encoding="utf-8")
