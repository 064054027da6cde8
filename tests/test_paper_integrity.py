"""A paper's integrity settings: ``attempts`` (per person) and ``shuffle = "options"``,
checked like its other fields, with FILE:LINE:COL."""

from __future__ import annotations

import pytest

from carbon_glossary.core.paper import build_paper, paper_to_json, parse_paper
from carbon_glossary.core.problems import FileProblemError
from carbon_glossary.session.decks import exam_id_for
from test_paper import GLOSSARY, SPEC_TEXT


def with_settings(lines: str) -> str:
    return SPEC_TEXT.replace("pass_mark_percent = 60\n", f"pass_mark_percent = 60\n{lines}")


def test_attempts_and_shuffle_are_read() -> None:
    spec = parse_paper(with_settings('attempts = 1\nshuffle = "options"\n'), GLOSSARY)
    assert (spec.attempts, spec.shuffle) == (1, "options")
    plain = parse_paper(SPEC_TEXT, GLOSSARY)
    assert (plain.attempts, plain.shuffle) == (None, None)


@pytest.mark.parametrize(
    ("lines", "column", "key"),
    [
        ("attempts = 0\n", 12, "sitting.paper.attempts"),
        ("attempts = 101\n", 12, "sitting.paper.attempts"),
        ('attempts = "一次"\n', 12, "quiz.paper.wrong_type"),
        ("attempts = 1.5\n", 12, "quiz.paper.wrong_type"),
        ('shuffle = "questions"\n', 11, "sitting.paper.shuffle"),
        ("shuffle = true\n", 11, "quiz.paper.wrong_type"),
    ],
)
def test_bad_settings_name_file_line_col(lines: str, column: int, key: str) -> None:
    with pytest.raises(FileProblemError) as caught:
        parse_paper(with_settings(lines), GLOSSARY, "p.toml")
    [problem] = caught.value.problems
    assert (problem.line, problem.column, problem.key) == (6, column, key)
    assert problem.format().startswith(f"p.toml:6:{column}: ")


def test_the_settings_show_in_the_json_but_do_not_make_another_paper() -> None:
    plain = build_paper(GLOSSARY, parse_paper(SPEC_TEXT, GLOSSARY))
    limited = build_paper(
        GLOSSARY, parse_paper(with_settings('attempts = 2\nshuffle = "options"\n'), GLOSSARY)
    )
    assert "attempts" not in paper_to_json(plain)
    assert paper_to_json(limited)["attempts"] == 2
    assert paper_to_json(limited)["shuffle"] == "options"
    # One room, one paper: the report and the attempts count keep the same id.
    assert exam_id_for(limited) == exam_id_for(plain)
