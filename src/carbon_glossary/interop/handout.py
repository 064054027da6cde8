"""A printable handout: one self-contained HTML page, pinyin over the characters.

Nothing is fetched from outside (no fonts, scripts or images from the web): the page works
offline and prints the same everywhere. Terms are grouped by category in pinyin order; each
shows its reading as ``<ruby>`` over its hanzi, its traditional form, English names,
definition and source. The print CSS sets A4 pages and keeps each term on one page.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from carbon_glossary.core.pinyin import is_hanzi
from carbon_glossary.i18n import t

if TYPE_CHECKING:
    from carbon_glossary.core.model import Term
    from carbon_glossary.interop.formats import ExportRequest

__all__ = ["CSS", "handout_html", "ruby", "write_handout"]

CSS = """
@page { size: A4; margin: 16mm 15mm 18mm; }
html { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
       font-size: 11pt; line-height: 1.6; color: #000; background: #fff; }
body { max-width: 180mm; margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
.meta { color: #444; margin: 0 0 6mm; }
h2 { font-size: 14pt; border-bottom: 1px solid #888; margin: 7mm 0 3mm;
     break-after: avoid; page-break-after: avoid; }
.term { break-inside: avoid; page-break-inside: avoid; margin: 0 0 4mm; }
.term h3 { font-size: 15pt; font-weight: bold; margin: 0; line-height: 2.2; }
ruby { ruby-position: over; }
rt { font-size: 0.5em; font-weight: normal; padding: 0 0.12em;
     font-family: "Noto Sans", "DejaVu Sans", sans-serif; }
.traditional { font-size: 10pt; font-weight: normal; color: #444; margin-left: 3mm; }
.english { font-style: italic; margin: 0; }
.definition { margin: 1mm 0; text-align: justify; }
.source { font-size: 9pt; color: #444; margin: 0; }
@media print { a { color: inherit; text-decoration: none; } }
"""


def ruby(text: str, marks: tuple[str, ...]) -> str:
    """The term as HTML with each hanzi's syllable over it; other characters plain.

    ``碳达峰`` → ``<ruby>碳<rt>tàn</rt></ruby><ruby>达<rt>dá</rt></ruby>…``: one ruby per
    character, so a long syllable widens its own character only and syllables never run
    together.
    """
    out: list[str] = []
    syllable = 0
    for char in text:
        if is_hanzi(char) and syllable < len(marks):
            out.append(f"<ruby>{html.escape(char)}<rt>{html.escape(marks[syllable])}</rt></ruby>")
            syllable += 1
        else:
            out.append(html.escape(char))
    return "".join(out)


def _term_html(term: Term) -> list[str]:
    heading = ruby(term.term, term.marks)
    if term.traditional and term.traditional != term.term:
        heading += f'<span class="traditional">{html.escape(term.traditional)}</span>'
    lines = [
        f'<article class="term" id="{html.escape(term.id, quote=True)}">',
        f"<h3>{heading}</h3>",
    ]
    if term.english:
        lines.append(f'<p class="english">{html.escape("; ".join(term.english))}</p>')
    if term.definition:
        lines.append(f'<p class="definition">{html.escape(term.definition)}</p>')
    if term.source:
        label = html.escape(t("interop.handout.source"))
        lines.append(f'<p class="source">{label}{html.escape(term.source)}</p>')
    return [*lines, "</article>"]


def _groups(terms: Iterable[Term], categories: list[str]) -> list[tuple[str, list[Term]]]:
    from carbon_glossary.core.collate import sort_terms

    by_category: dict[str, list[Term]] = {}
    for term in terms:
        by_category.setdefault(term.category, []).append(term)
    order = [c for c in categories if c in by_category]
    if "" in by_category:
        order.append("")
    return [(name, sort_terms(by_category[name])) for name in order]


def handout_html(request: ExportRequest) -> str:
    """The whole page."""
    glossary = request.glossary
    title = html.escape(glossary.title)
    meta = t("interop.handout.meta", count=len(request.terms), version=glossary.version or "-")
    lines = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
        f'<p class="meta">{html.escape(meta)}</p>',
    ]
    for name, terms in _groups(request.terms, glossary.categories()):
        label = name or t("interop.handout.no_category")
        lines += ['<section class="category">', f"<h2>{html.escape(label)}</h2>"]
        for term in terms:
            lines += _term_html(term)
        lines.append("</section>")
    lines += ["</body>", "</html>"]
    return "\n".join(lines) + "\n"


def write_handout(request: ExportRequest, path: Path) -> None:
    path.write_text(handout_html(request), encoding="utf-8")
