"""How fast the quiz engine is on synthetic glossaries of 1k, 10k and 100k terms: the first
question (per-glossary facts are computed then), one question of each kind about many terms,
a 200-question mixed quiz, and checking and building a 20-question exam paper; each with
distractor candidates from indexes ("index") and, as the baseline in the same run, with every
term scored for every question ("scan").

Run: python bench/bench_quiz.py [SIZES…]   (prints a table; writes only to a temporary folder)
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from carbon_glossary.core import quiz
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.paper import build_paper, parse_paper
from carbon_glossary.core.quiz import KINDS, make_question, make_quiz
from synthetic import make_glossary_toml  # bench/ is on the path when this script runs

SAMPLE = 40
QUIZ_COUNT = 200
PAPER = """\
[paper]
title = "基准测试卷"
seed = 1

[[section]]
category = "核心概念"
kind = "term-def"
count = 5

[[section]]
category = "能源"
kind = "def-term"
count = 5

[[section]]
kind = "pinyin"
count = 5

[[section]]
category = "技术"
kind = "match"
count = 5
"""


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    """Milliseconds per call (the best of ``repeat`` calls)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def fresh(glossary: Glossary) -> Glossary:
    """An equal glossary object that the engine has not seen (so nothing is cached)."""
    return Glossary(glossary.title, glossary.language, glossary.version, glossary.terms)


def per_question(glossary: Glossary, kind: str, terms: list[Term]) -> float:
    """Median ms to make one question of ``kind``, over ``terms`` (each asked once, its
    facts and its candidates' computed then, as a quiz meets them the first time)."""
    times = []
    for index, term in enumerate(terms):
        rng = random.Random(index)
        start = time.perf_counter()
        make_question(glossary, term, kind, rng)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(size: int, folder: Path, sample: int) -> list[list[str]]:
    path = folder / f"g{size}.toml"
    path.write_text(make_glossary_toml(size, seed=1), encoding="utf-8")
    glossary = load_glossary(path)
    term = glossary.terms[size // 2]
    rng = random.Random(0)
    first = timed(lambda: make_question(fresh(glossary), term, "term-def", rng))
    picks = random.Random(size).sample(list(glossary.terms), min(sample, size))
    rows = []
    # the baseline: every term scored for every question, as before the candidate indexes
    for label, limit in (("scan", size + 1), ("index", quiz._SCORE_ALL_LIMIT)):
        saved, quiz._SCORE_ALL_LIMIT = quiz._SCORE_ALL_LIMIT, limit
        try:
            row = [f"{size:>7,}", label, f"{first:9.1f}"]
            for kind in KINDS:  # each on a fresh engine: every kind meets the terms cold
                engine = fresh(glossary)
                make_question(engine, term, "term-def", rng)  # per-glossary set-up
                row.append(f"{per_question(engine, kind, picks):8.2f}")
            engine = fresh(glossary)
            make_question(engine, term, "term-def", rng)
            start = time.perf_counter()
            made = make_quiz(engine, [], QUIZ_COUNT, random.Random(1))
            each = (time.perf_counter() - start) * 1000 / max(1, len(made))
            row.append(f"{each:8.2f}")
            spec = parse_paper(PAPER, engine)
            row.append(f"{timed(lambda e=engine: parse_paper(PAPER, e)):8.1f}")
            row.append(f"{timed(lambda e=engine, p=spec: build_paper(e, p)):8.1f}")
        finally:
            quiz._SCORE_ALL_LIMIT = saved
        rows.append(row)
    return rows


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000]
    header = ["terms", "ranking", "first ms", *KINDS, f"quiz{QUIZ_COUNT}/q", "check", "paper20"]
    print("  ".join(f"{h:>8}" for h in header))
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            for row in run(size, Path(folder), SAMPLE):
                print("  ".join(f"{c:>8}" for c in row), flush=True)
    print(
        f"ms; per kind: median over {SAMPLE} random terms, one question each; "
        f"quiz{QUIZ_COUNT}/q: a {QUIZ_COUNT}-question mixed quiz, per question; "
        "first: the first question on a glossary (per-glossary facts built then); "
        "scan: every term scored for every question (the baseline); "
        "index: candidates from the category, character and syllable indexes"
    )


if __name__ == "__main__":
    main()
