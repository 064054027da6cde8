"""A paper never shows one sentence in two questions that each tie it to a term, nor swaps
a true/false pair (QA on 6392bbe: the example paper with seed 7 showed 能源消费's definition
with 化石能源, keyed 错, and with 能源消费, keyed 对; each answered the other)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary
from carbon_glossary.core.paper import PaperSection, PaperSpec, build_paper, load_paper
from fairness import repeated

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(ROOT / "glossary.toml")


def _problems(glossary: Glossary, spec: PaperSpec) -> list[str]:
    questions = build_paper(glossary, spec).questions
    return [
        f"Q{n + 1} {found[0][1]}"
        for n, q in enumerate(questions)
        if (found := repeated(glossary, q, list(questions[:n])))
    ]


def test_the_reported_paper_shows_each_definition_once(shipped: Glossary) -> None:
    example = load_paper(ROOT / "papers" / "example.toml", shipped)
    paper = build_paper(shipped, replace(example, seed=7))
    assert len(paper.questions) == 20
    statements = [q.statement for q in paper.questions if q.statement]
    assert len(set(statements)) == len(statements)
    assert _problems(shipped, replace(example, seed=7)) == []


def test_no_paper_ties_a_sentence_twice_over_many_seeds(shipped: Glossary) -> None:
    example = load_paper(ROOT / "papers" / "example.toml", shipped)
    for seed in range(40):
        spec = replace(example, seed=seed)
        assert _problems(shipped, spec) == [], seed
        assert len(build_paper(shipped, spec).questions) == 20, seed


@pytest.mark.parametrize("seed", [5, 23])
def test_a_long_mixed_paper_is_filled_without_repeats(shipped: Glossary, seed: int) -> None:
    """Questions that would repeat are made again or replaced by other terms, so a long
    paper still has the questions it asks for (match takes five definitions at a time)."""
    sections = tuple(
        PaperSection(None, kind, count)  # type: ignore[arg-type]
        for kind, count in (
            ("truefalse", 20),
            ("term-def", 10),
            ("def-term", 10),
            ("cloze", 10),
            ("match", 1),
        )
    )
    spec = PaperSpec(title="长卷", seed=seed, sections=sections)
    assert _problems(shipped, spec) == []
    assert len(build_paper(shipped, spec).questions) == 51
