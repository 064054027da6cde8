"""The answer key gives every written answer that marking accepts (QA findings 2, item 8:
``12. C　可再生能源`` while a sheet with 非化石能源 scored 100 %, so a trainer marking by
hand from the printed key marked a right answer wrong)."""

from __future__ import annotations

from pathlib import Path

from carbon_glossary import i18n
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.paper import build_paper, load_paper, render_paper_text
from carbon_glossary.interop.paper_html import answer_key_html
from carbon_glossary.session.marking import answer_key_text, grade_answer

ROOT = Path(__file__).resolve().parent.parent.parent
GLOSSARY = load_glossary(ROOT / "glossary.toml")
PAPER = build_paper(GLOSSARY, load_paper(ROOT / "papers" / "example.toml", GLOSSARY))


def _renewables() -> int:
    """The number of the cloze question of the example paper keyed 可再生能源."""
    return next(
        n
        for n, q in enumerate(PAPER.questions, start=1)
        if q.kind == "cloze" and q.answer == "可再生能源"
    )


def test_the_key_lists_the_broader_term_marking_accepts() -> None:
    number = _renewables()
    question = PAPER.questions[number - 1]
    assert grade_answer(question, "非化石能源").correct  # as --mark does
    line = next(x for x in answer_key_text(PAPER).splitlines() if x.startswith(f"{number}. "))
    assert line.startswith(f"{number}. C　可再生能源（也算对：非化石能源")
    assert line.endswith("）")
    assert f"{number}. C　可再生能源（也算对：非化石能源" in render_paper_text(PAPER)


def test_every_answer_the_key_lists_is_marked_right_and_no_other_form() -> None:
    """Each written answer the key gives is accepted; the term in traditional characters
    (the same word) is not listed."""
    listed = 0
    for number, question in enumerate(PAPER.questions, start=1):
        line = next(x for x in answer_key_text(PAPER).splitlines() if x.startswith(f"{number}. "))
        if "也算对：" not in line:
            continue
        others = line.split("也算对：", 1)[1].rstrip("）").split("、")
        for other in others:
            assert grade_answer(question, other).correct, (number, other)
            assert other != question.answer
        listed += 1
    assert listed >= 1


def test_the_printable_key_and_the_english_key_say_so_too() -> None:
    number = _renewables()
    html = answer_key_html(PAPER, answer_key_text(PAPER))
    assert "可再生能源（也算对：非化石能源" in html
    i18n.set_language("en")
    try:
        line = next(x for x in answer_key_text(PAPER).splitlines() if x.startswith(f"{number}. "))
    finally:
        i18n.set_language("zh")
    assert "可再生能源 (also right: 非化石能源" in line
