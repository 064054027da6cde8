"""A practice round with fewer questions than asked for says how many and why."""

from __future__ import annotations

import random
from pathlib import Path

from carbon_glossary import i18n
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.session.decks import PracticePlan, practice_deck

SHIPPED = Path(__file__).resolve().parent.parent.parent / "glossary.toml"


def test_too_many_pinyin_questions_for_a_category_say_how_many_and_why() -> None:
    """QA: practice --count 30 --kinds pinyin --category 能源 silently gave 26."""
    glossary = load_glossary(SHIPPED)
    energy = [t for t in glossary.terms if t.category == "能源"]
    too_long = [t for t in energy if len(t.syllables) > 6]
    assert too_long  # the shipped glossary has energy terms too long to ask as pinyin
    plan = PracticePlan(kinds=("pinyin",), count=30, category="能源")
    deck = practice_deck(glossary, None, "p", plan, random.Random(1))
    made = len(energy) - len(too_long)
    assert len(deck.questions) == made < 30
    assert deck.notice == (
        f"只能出 {made} 道题，不是 30 道：“能源”类共有 {len(energy)} 个术语，每个术语每种题型"
        f"只出一次（{len(too_long)} 个术语不能出写拼音题：读音超过 6 个音节 {len(too_long)} 个）。"
    )
    i18n.set_language("en")
    deck = practice_deck(glossary, None, "p", plan, random.Random(1))
    assert deck.notice.startswith(f"Only {made} questions could be made, not 30:")
    assert f"reading longer than 6 syllables ({len(too_long)})" in deck.notice


def test_a_round_with_all_its_questions_says_nothing() -> None:
    glossary = load_glossary(SHIPPED)
    deck = practice_deck(glossary, None, "p", PracticePlan(count=20), random.Random(1))
    assert len(deck.questions) == 20 and deck.notice == "" and deck.empty_message == ""


def test_a_selection_that_gives_no_question_says_why(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_text(
        '[glossary]\ntitle = "t"\nlanguage = "zh-CN"\n'
        '[[term]]\nterm = "碳达峰"\ndefinition = "甲"\ncategory = "甲类"\nsource = "s"\n'
        '[[term]]\nterm = "碳中和"\ndefinition = "乙"\ncategory = "甲类"\nsource = "s"\n',
        encoding="utf-8",
    )
    glossary = load_glossary(path)
    plan = PracticePlan(kinds=("en-term",), count=5, category="甲类")
    deck = practice_deck(glossary, None, "p", plan, random.Random(1))
    assert deck.questions == ()
    assert deck.empty_message == (
        "按这些条件出不了题：“甲类”类共有 2 个术语"
        "（2 个术语不能出英文→术语题：没有英文名称 2 个）。"
    )


def test_every_reason_a_kind_gives_has_words_in_both_languages() -> None:
    from typing import get_args

    from carbon_glossary.core.kinds.question import SkipReason
    from carbon_glossary.i18n import en, zh

    for reason in get_args(SkipReason):
        assert f"shortfall.reason.{reason}" in zh.MESSAGES
        assert f"shortfall.reason.{reason}" in en.MESSAGES


def test_a_mistake_book_shorter_than_the_count_asked_for_says_so(tmp_path: Path) -> None:
    """Session 3 left this: `practice --mistakes --count 10` with two mistakes gave two
    questions without a word."""
    from datetime import UTC, datetime

    from carbon_glossary.store import open_store
    from carbon_glossary.store.records import AnswerRecord

    glossary = load_glossary(SHIPPED)
    store = open_store(tmp_path / "p.db")
    try:
        for term in glossary.terms[:2]:
            store.record_answer(
                AnswerRecord(
                    profile="p",
                    term_id=term.id,
                    term_text=term.term,
                    category=term.category,
                    kind="term-def",
                    mode="practice",
                    given="C",
                    expected="B",
                    correct=False,
                    elapsed_ms=3000,
                    answered_at=datetime.now(UTC),
                )
            )
        plan = PracticePlan(count=10, mistakes=True)
        deck = practice_deck(glossary, store, "p", plan, random.Random(1))
        assert len(deck.questions) == 2
        assert deck.notice == "错题本里只有 2 道可以重做的题，不是 10 道：每个做错的术语出一次。"
        deck = practice_deck(
            glossary, store, "p", PracticePlan(count=2, mistakes=True), random.Random(1)
        )
        assert len(deck.questions) == 2 and deck.notice == ""
    finally:
        store.close()
