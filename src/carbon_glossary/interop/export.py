"""Terms as plain data, for ``--json`` output and for other programs.

The keys are a public format (scripts read them), so they change only deliberately.
"""

from __future__ import annotations

from typing import Any

from carbon_glossary.core.model import Term
from carbon_glossary.core.pinyin import display_pinyin

__all__ = ["JSON_KEYS", "term_to_dict"]

JSON_KEYS = (
    "id",
    "term",
    "pinyin",
    "pinyin_numbers",
    "traditional",
    "english",
    "definition",
    "definition_en",
    "category",
    "tags",
    "source",
    "aliases",
    "related",
    "examples",
)


def term_to_dict(term: Term) -> dict[str, Any]:
    """One term as a JSON-ready dict with the keys of :data:`JSON_KEYS`, in that order.

    ``pinyin`` has tone marks (``tàn dá fēng``), ``pinyin_numbers`` tone numbers with ``v`` for
    ü and ``5`` for the neutral tone (``tan4 da2 feng1``); in both, text that is not hanzi is
    kept as its own token (``CCUS jì shù``). ``related`` holds ids.
    """
    return {
        "id": term.id,
        "term": term.term,
        "pinyin": display_pinyin(term.term, term.marks),
        "pinyin_numbers": display_pinyin(term.term, term.syllables),
        "traditional": term.traditional,
        "english": list(term.english),
        "definition": term.definition,
        "definition_en": term.definition_en,
        "category": term.category,
        "tags": list(term.tags),
        "source": term.source,
        "aliases": list(term.aliases),
        "related": list(term.related),
        "examples": list(term.examples),
    }
