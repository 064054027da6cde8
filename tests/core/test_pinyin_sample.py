"""The example beside a pinyin question never gives any of the answer away."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypinyin import Style, lazy_pinyin

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary
from carbon_glossary.core.pinyin import SAMPLE_WORDS, sample_reading, split_tone

SHIPPED_GLOSSARY = Path(__file__).resolve().parents[2] / "glossary.toml"


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(SHIPPED_GLOSSARY)


def toneless(syllables: tuple[str, ...]) -> set[str]:
    return {split_tone(syllable)[0] for syllable in syllables}


def test_the_sample_shares_no_syllable_with_the_reading_asked() -> None:
    asked = ("tan4", "da2", "feng1", "tan4", "zhong1", "he2")  # 碳达峰碳中和
    word, reading = sample_reading(asked)
    assert not toneless(reading) & toneless(asked)
    # A sample whose syllable is in the answer gives way to the next one.
    first_word, first = SAMPLE_WORDS[0]
    word, reading = sample_reading((first[0].rstrip("12345") + "1", "ke1"))
    assert word != first_word and not toneless(reading) & {split_tone(first[0])[0], "ke"}


def test_when_every_sample_shares_a_syllable_the_one_sharing_least_is_taken() -> None:
    asked = tuple(reading[0] for _, reading in SAMPLE_WORDS) + SAMPLE_WORDS[-1][1][1:]
    word, _ = sample_reading(asked)
    assert word != SAMPLE_WORDS[-1][0]  # it shares two syllables, the others one


def test_no_shipped_term_has_its_reading_given_away(shipped: Glossary) -> None:
    for term in shipped.terms:
        _, reading = sample_reading(term.syllables)
        assert not toneless(reading) & toneless(term.syllables), term.term


def test_the_samples_are_everyday_words_read_right(shipped: Glossary) -> None:
    texts = [t.term for t in shipped.terms] + [a for t in shipped.terms for a in t.aliases]
    for word, reading in SAMPLE_WORDS:
        assert tuple(lazy_pinyin(word, style=Style.TONE3)) == reading
        assert not any(word in text for text in texts)
