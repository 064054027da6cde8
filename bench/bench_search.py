"""Search benchmark: index build time and each query form at 1k, 10k and 100k terms.

    python bench/bench_search.py [--sizes 1000,10000,100000] [--queries 40] [--general 5000]
                                 [--via-loader]

Glossaries come from bench/synthetic.py: real domain words, so readings are realistic,
mixed by default with 5,000 general words so that a large glossary has a real one's variety
(``--general 0``: domain words only, where a two-character query hits 2–4% of all terms).
Terms are built with core.readings directly; ``--via-loader`` parses the synthetic TOML with
the real loader instead (slower to set up, same index). For each query form, queries are
drawn from the glossary's own terms; each is timed three times and the best kept, then the
median and 95th percentile over the queries are shown, with all results (as the browse
screen asks) and with a limit of 50 (as ``search`` on the command line asks). A naive
baseline in the same run, a linear scan over every term and field, gives the ratio.

A pure-Python calibration loop is timed first: figures scale with it across machines.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.pinyin import format_marks, split_tone
from carbon_glossary.core.readings import resolve_reading
from carbon_glossary.core.search import SearchIndex
from carbon_glossary.core.text import fold, to_simplified, to_traditional
from synthetic import make_glossary_toml, make_terms

FORMS = (
    "hanzi",
    "traditional",
    "joined pinyin",
    "tone numbers",
    "tone marks",
    "initials",
    "mixed prefix",
    "English",
    "definition text",
)


def calibration_ms() -> float:
    """A fixed pure-Python workload (1M dict inserts), to compare machines."""
    start = time.perf_counter()
    table: dict[int, list[int]] = {}
    for i in range(1_000_000):
        table.setdefault(i, []).append(i)
    return (time.perf_counter() - start) * 1000


def build_glossary(n: int, general: int, via_loader: bool) -> Glossary:
    if via_loader:
        from carbon_glossary.core.loader import load_glossary_bytes

        text = make_glossary_toml(n, seed=1, general=general)
        return load_glossary_bytes(text.encode(), f"synthetic-{n}")
    terms = []
    phrases = {"调峰": ("tiao2", "feng1")}
    for index, item in enumerate(make_terms(n, seed=1, general=general)):
        reading = resolve_reading(item.term, None, phrases)
        terms.append(
            Term(
                id=f"syn-{index}",
                term=item.term,
                syllables=reading.syllables,
                marks=reading.marks,
                traditional=to_traditional(item.term),
                english=item.english,
                definition=item.definition,
                category=item.category,
                tags=item.tags,
                position=index,
            )
        )
    return Glossary("synthetic", "zh-CN", "1", tuple(terms), phrases)


def queries_for(glossary: Glossary, count: int, rng: random.Random) -> dict[str, list[str]]:
    """``count`` queries of each form, derived from randomly chosen terms."""
    chosen = [t for t in rng.sample(glossary.terms, min(count * 3, len(glossary.terms)))]
    chosen = [t for t in chosen if len(t.syllables) >= 3][:count]
    forms: dict[str, list[str]] = {form: [] for form in FORMS}
    for term in chosen:
        head = term.term[:2]
        letters = [split_tone(s)[0] for s in term.syllables]
        forms["hanzi"].append(head)
        forms["traditional"].append(to_traditional(head))
        forms["joined pinyin"].append("".join(letters[:2]))
        forms["tone numbers"].append(" ".join(term.syllables[:2]))
        forms["tone marks"].append(format_marks(term.syllables[:2]))
        forms["initials"].append("".join(s[0] for s in letters[:3]))
        forms["mixed prefix"].append(letters[0][0] + letters[1][0] + letters[2])
        forms["English"].append(term.english[0].split()[0])
        start = rng.randrange(max(1, len(term.definition) - 4))
        forms["definition text"].append(term.definition[start : start + 4])
    return forms


class NaiveIndex:
    """The baseline: per query, a Python loop over every term and field."""

    def __init__(self, glossary: Glossary) -> None:
        self.rows = [
            (
                term,
                fold(term.term),
                "".join(split_tone(s)[0] for s in term.syllables),
                "".join(term.syllables),
                "".join(s[0] for s in term.syllables),
                fold("; ".join(term.english)),
                fold(term.definition),
            )
            for term in glossary.terms
        ]

    def search(self, query: str) -> list[Term]:
        folded = fold(query)
        simplified = to_simplified(folded)
        compact = "".join(folded.split())
        found: list[tuple[int, Term]] = []
        for term, text, letters, numbered, initials, english, definition in self.rows:
            if simplified in text:
                found.append((0, term))
            elif compact in letters or compact in numbered or compact in initials:
                found.append((1, term))
            elif folded in english:
                found.append((2, term))
            elif simplified in definition:
                found.append((3, term))
        found.sort(key=lambda pair: pair[0])
        return [term for _, term in found]


def best_of(function: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run(size: int, count: int, general: int, via_loader: bool) -> None:
    rng = random.Random(size)
    setup = time.perf_counter()
    glossary = build_glossary(size, general, via_loader)
    setup_s = time.perf_counter() - setup
    builds = []
    index = SearchIndex.build(glossary)
    for _ in range(3):
        start = time.perf_counter()
        index = SearchIndex.build(glossary)
        builds.append((time.perf_counter() - start) * 1000)
    naive = NaiveIndex(glossary)
    print(
        f"\n## {size:,} terms  (glossary set up in {setup_s:.1f} s; "
        f"index build median {statistics.median(builds):.0f} ms)"
    )
    header = (
        f"{'query form':16} {'example':14} {'hits':>6} {'all med':>8} {'all p95':>8} "
        f"{'50 med':>7} {'50 p95':>7} {'naive med':>10} {'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    for form, queries in queries_for(glossary, count, rng).items():
        every = [best_of(lambda q=q: index.search(q)) for q in queries]
        limited = [best_of(lambda q=q: index.search(q, limit=50)) for q in queries]
        baseline = [best_of(lambda q=q: naive.search(q), repeat=1) for q in queries[:10]]
        hits = statistics.median(len(index.search(q)) for q in queries)
        ratio = statistics.median(baseline) / statistics.median(every)
        print(
            f"{form:16} {queries[0]:14} {hits:6.0f} {statistics.median(every):8.2f} "
            f"{percentile(every, 0.95):8.2f} {statistics.median(limited):7.2f} "
            f"{percentile(limited, 0.95):7.2f} {statistics.median(baseline):10.2f} "
            f"{ratio:6.0f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--general", type=int, default=5000)
    parser.add_argument("--via-loader", action="store_true")
    args = parser.parse_args()
    print(f"calibration: 1M dict inserts take {calibration_ms():.0f} ms on this machine")
    print("times in ms; 'all' = every result, '50' = limit 50; naive = linear scan")
    print(f"vocabulary: domain words and {args.general} general words")
    for size in (int(s) for s in args.sizes.split(",")):
        run(size, args.queries, args.general, args.via_loader)


if __name__ == "__main__":
    main()
