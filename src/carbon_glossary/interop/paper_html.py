"""A paper as printable HTML: the student copy (no answers) and the answer key.

The same page style as the glossary handout (A4, offline, nothing fetched), and the same
content as the text forms of ``exam --print`` / ``--key``: the words come from the same
catalogue messages, and the key is the text of ``--key`` (the session layer owns the
answer-sheet notation). A pinyin question shows no reading: that is what it asks for.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from carbon_glossary.core.paper import Paper
from carbon_glossary.core.quiz import Question, instruction, kind_name, option_label
from carbon_glossary.i18n import t
from carbon_glossary.interop.handout import CSS

__all__ = ["answer_key_html", "student_copy_html"]

_PAPER_CSS = """
.question { break-inside: avoid; page-break-inside: avoid; margin: 0 0 5mm; }
.question ol { list-style: none; padding-left: 6mm; margin: 1mm 0; }
.statement { margin: 1mm 0 1mm 6mm; }
.blank { display: inline-block; min-width: 50mm; border-bottom: 1px solid #000; }
.blanks { margin: 0 0 6mm; }
.instruction { color: #444; margin: 0 0 3mm; }
.key li { margin: 0 0 1mm; }
"""


def _page(title: str, body: Sequence[str]) -> str:
    head = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{CSS}{_PAPER_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{html.escape(title)}</h1>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"


def _options(labels: Sequence[str], texts: Sequence[str]) -> list[str]:
    items = [
        f"<li>{html.escape(label)}. {html.escape(text)}</li>"
        for label, text in zip(labels, texts, strict=True)
    ]
    return ["<ol>", *items, "</ol>"]


def _question(number: int, question: Question) -> list[str]:
    lines = ['<div class="question">']
    mode = question.mode
    if mode == "typed-reading":
        lines.append(
            f'<p>{number}. {html.escape(question.prompt)}　<span class="blank"></span></p>'
        )
    elif mode == "match":
        lines.append(f"<p>{number}.</p>")
        items = [f"({i + 1})" for i in range(len(question.items))]
        lines += _options(items, question.items)
        lines += _options([option_label(i) for i in range(len(question.options))], question.options)
    else:
        lines.append(f"<p>{number}. {html.escape(question.prompt)}</p>")
        if question.statement:
            lines.append(f'<p class="statement">{html.escape(question.statement)}</p>')
        if mode == "truefalse":
            lines.append(f'<p class="statement">{html.escape(" / ".join(question.options))}</p>')
        else:
            labels = [option_label(i) for i in range(len(question.options))]
            lines += _options(labels, question.options)
    return [*lines, "</div>"]


def student_copy_html(paper: Paper) -> str:
    """The paper as handed to the room: blanks for name, department and date, the
    questions by section, no answers."""
    spec = paper.spec
    body = [f'<p class="blanks">{html.escape(t("training.print.blanks"))}</p>']
    if spec.time_limit_minutes is not None:
        body.append(
            f"<p>{html.escape(t('quiz.paper.print.time', minutes=spec.time_limit_minutes))}</p>"
        )
    number = 0
    for index, section in enumerate(spec.sections):
        questions = [
            q for q, s in zip(paper.questions, paper.section_of, strict=True) if s == index
        ]
        if not questions:
            continue
        heading = t(
            "quiz.paper.print.section",
            number=index + 1,
            kind=kind_name(section.kind),
            category=section.category or t("quiz.paper.all_categories"),
            count=len(questions),
        )
        body += [
            "<section>",
            f"<h2>{html.escape(heading)}</h2>",
            f'<p class="instruction">{html.escape(instruction(section.kind))}</p>',
        ]
        for question in questions:
            number += 1
            # a question asked otherwise than its section says (a quoted sentence to fill)
            own = instruction(question.kind, question.prompt)
            if own != instruction(section.kind):
                body.append(f'<p class="instruction">{html.escape(own)}</p>')
            body += _question(number, question)
        body.append("</section>")
    return _page(paper.title, body)


def answer_key_html(paper: Paper, key_text: str) -> str:
    """The answer key as ``exam --key`` words it: its first line (the title) becomes the
    page's heading, the next the sub-heading, then one item per question."""
    lines = [line for line in key_text.splitlines()[1:] if line.strip()]
    heading, answers = (lines[0], lines[1:]) if lines else (t("training.key.heading"), [])
    items = [f"<li>{html.escape(line)}</li>" for line in answers]
    body = [f"<h2>{html.escape(heading)}</h2>", '<ul class="key">', *items, "</ul>"]
    return _page(paper.title, body)
