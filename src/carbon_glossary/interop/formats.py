"""Export formats, one object each, in a registry: adding a format touches this table and
the module that writes it.

A glossary format writes an :class:`ExportRequest` (the glossary and the terms chosen) to
a path; a paper format writes a built exam paper. The command line reads
names, suffixes and help from here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.pinyin import format_marks
from carbon_glossary.interop.fields import FIELDS, join_list

if TYPE_CHECKING:
    from carbon_glossary.core.paper import Paper

__all__ = [
    "FORMATS",
    "PAPER_FORMATS",
    "ExportFormat",
    "ExportRequest",
    "PaperFormat",
    "PaperRequest",
    "glossary_table",
    "request_for",
    "template_table",
]


# The records here are NamedTuples, immutable like frozen dataclasses: the command line
# reads this registry on every start, and a NamedTuple class is built several times faster
# (a dataclass generates and compiles its methods, ~1.5 ms each here).


class ExportRequest(NamedTuple):
    """What to export: the glossary (for its title, categories and related terms) and the
    terms chosen, in document order (the handout sorts its own)."""

    glossary: Glossary
    terms: tuple[Term, ...]
    lang: str = "zh"


class ExportFormat(NamedTuple):
    name: str
    suffix: str
    help_key: str
    write: Callable[[ExportRequest, Path], None]


class PaperRequest(NamedTuple):
    """A built paper and its answer key as text (``exam --key``'s words: the session layer
    owns the answer-sheet notation, so it is handed in rather than worked out here)."""

    paper: Paper
    key_text: str = ""


class PaperFormat(NamedTuple):
    name: str
    suffix: str
    help_key: str
    write: Callable[[PaperRequest, Path], None]
    printable: bool = False  # an HTML page that --pdf (or -o FILE.pdf) can print


def request_for(glossary: Glossary, category: str | None = None, lang: str = "zh") -> ExportRequest:
    """The glossary's terms (one category's, when given), in document order: an export
    imported again gives the glossary back in its own order."""
    terms = (t for t in glossary.terms if category is None or t.category == category)
    return ExportRequest(glossary, tuple(terms), lang)


def header(lang: str) -> list[str]:
    """Column headers in the interface language (import reads either language)."""
    return [f.zh if lang == "zh" else f.en for f in FIELDS]


def _cell(term: Term, key: str, glossary: Glossary) -> str:
    if key == "pinyin":
        return format_marks(term.marks)
    if key in ("related", "broader", "near"):  # ids, written as the terms' text
        names = [other.term for i in getattr(term, key) if (other := glossary.by_id(i))]
        return join_list(names)
    value = getattr(term, key)
    return join_list(value) if isinstance(value, tuple) else str(value)


def glossary_table(request: ExportRequest) -> tuple[list[str], list[list[str]]]:
    """Header and rows: every field of every term, so that importing the table gives the
    same terms back. Every reading is written out (a trainer reads and edits it there);
    the import keeps as a term's own ``pinyin`` only a reading that differs from the one the
    glossary computes."""
    rows = [[_cell(term, f.key, request.glossary) for f in FIELDS] for term in request.terms]
    return header(request.lang), rows


def template_table(lang: str) -> tuple[list[str], list[list[str]]]:
    """The headers and one example row, a term with its source document's own definition."""
    example = {
        "term": "碳达峰",
        "pinyin": "tàn dá fēng",
        "traditional": "碳達峰",
        "english": "carbon peaking",
        "definition": "指在一定时期内，碳排放量达到历史最高值，并逐渐趋于平稳或下降的过程。",
        "category": "核心概念",
        "source": "《关于〈槐荫区碳达峰工作方案〉的解读》 六、关键词诠释",
        "related": "",
        "tags": "双碳",
    }
    return header(lang), [[example.get(f.key, "") for f in FIELDS]]


def _write_csv(request: ExportRequest, path: Path) -> None:
    from carbon_glossary.interop.sheets import write_csv

    write_csv(path, *glossary_table(request))


def _write_xlsx(request: ExportRequest, path: Path) -> None:
    """The terms on the first sheet, the glossary's title, version and phrase tables on a
    second (:mod:`carbon_glossary.interop.settings`), so that importing the workbook gives
    the whole glossary back."""
    from carbon_glossary.interop.settings import settings_table
    from carbon_glossary.interop.sheets import write_xlsx

    settings = settings_table(request.glossary, request.lang)
    write_xlsx(path, *glossary_table(request), title=request.glossary.title, others=[settings])


def _apkg(request: ExportRequest, path: Path) -> None:
    from carbon_glossary.interop.anki import write_apkg

    write_apkg(request, path)


def _anki_tsv(request: ExportRequest, path: Path) -> None:
    from carbon_glossary.interop.anki import write_tsv

    write_tsv(request, path)


def _moodle_glossary(request: ExportRequest, path: Path) -> None:
    from carbon_glossary.interop.moodle import write_glossary

    write_glossary(request, path)


def _gift_glossary(request: ExportRequest, path: Path) -> None:
    from carbon_glossary.interop.gift import write_glossary

    write_glossary(request, path)


def _handout(request: ExportRequest, path: Path) -> None:
    from carbon_glossary.interop.handout import write_handout

    write_handout(request, path)


def _moodle_paper(request: PaperRequest, path: Path) -> None:
    from carbon_glossary.interop.moodle import write_paper

    write_paper(request.paper, path)


def _gift_paper(request: PaperRequest, path: Path) -> None:
    from carbon_glossary.interop.gift import write_paper

    write_paper(request.paper, path)


def _student_copy(request: PaperRequest, path: Path) -> None:
    from carbon_glossary.interop.paper_html import student_copy_html

    path.write_text(student_copy_html(request.paper), encoding="utf-8")


def _answer_key(request: PaperRequest, path: Path) -> None:
    from carbon_glossary.interop.paper_html import answer_key_html

    path.write_text(answer_key_html(request.paper, request.key_text), encoding="utf-8")


FORMATS: Mapping[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("csv", ".csv", "interop.format.csv", _write_csv),
        ExportFormat("xlsx", ".xlsx", "interop.format.xlsx", _write_xlsx),
        ExportFormat("anki", ".apkg", "interop.format.anki", _apkg),
        ExportFormat("anki-tsv", ".txt", "interop.format.anki_tsv", _anki_tsv),
        ExportFormat("moodle-glossary", ".xml", "interop.format.moodle_glossary", _moodle_glossary),
        ExportFormat("gift", ".gift.txt", "interop.format.gift", _gift_glossary),
        ExportFormat("handout", ".html", "interop.format.handout", _handout),
    )
}

PAPER_FORMATS: Mapping[str, PaperFormat] = {
    f.name: f
    for f in (
        PaperFormat("moodle", ".xml", "interop.format.moodle_paper", _moodle_paper),
        PaperFormat("gift", ".gift.txt", "interop.format.gift_paper", _gift_paper),
        PaperFormat("html", ".html", "interop.format.paper_print", _student_copy, True),
        PaperFormat("html-key", ".key.html", "interop.format.paper_key", _answer_key, True),
    )
}
