"""How long opening a glossary takes, cold and from the cache, at 1k, 10k and 100k terms.

    python bench/bench_load.py            # 1k, 10k, 100k
    python bench/bench_load.py 1000 5000  # chosen sizes

Columns (seconds, best of a few runs; 100k cold runs once):
  parse     tomllib on the file's text
  readings  resolve_reading for every term (pypinyin already imported)
  cold      a full load_glossary: read, parse, check, readings, traditional forms
  warm      load_glossary_cached with the cache filled: read, hash, unpickle
  fresh     a new Python process doing a warm load, imports included (what a user waits)
  ratio     cold / warm
The synthetic glossaries come from bench/synthetic.py.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from carbon_glossary.core.cache import cache_file_for, load_glossary_cached
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.pinyin import parse_syllables
from carbon_glossary.core.readings import resolve_reading
from synthetic import make_glossary_toml

SIZES = (1_000, 10_000, 100_000)


def best(function: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def fresh_process_warm_load(path: Path, cache_dir: Path) -> float:
    code = (
        "import time; start = time.perf_counter()\n"
        "from pathlib import Path\n"
        "from carbon_glossary.core.cache import load_glossary_cached\n"
        f"load_glossary_cached({str(path)!r}, Path({str(cache_dir)!r}))\n"
        "print(time.perf_counter() - start)\n"
    )
    results = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        results.append(float(out))
    return min(results)


def measure(n: int, folder: Path) -> dict[str, float]:
    text = make_glossary_toml(n, seed=1)
    path = folder / f"glossary-{n}.toml"
    path.write_text(text, encoding="utf-8")
    cache_dir = folder / f"cache-{n}"
    repeats = 1 if n >= 100_000 else 3

    parse = best(lambda: tomllib.loads(text), repeats)
    data = tomllib.loads(text)
    phrases = {k: parse_syllables(v) for k, v in data.get("phrase_pinyin", {}).items()}
    terms = [item["term"] for item in data["term"]]
    resolve_reading("碳达峰", None, phrases)  # import pypinyin outside the timing
    readings = best(lambda: [resolve_reading(t, None, phrases) for t in terms], repeats)
    cold = best(lambda: load_glossary(path), repeats)
    load_glossary_cached(path, cache_dir)
    warm = best(lambda: load_glossary_cached(path, cache_dir), 3)
    fresh = fresh_process_warm_load(path, cache_dir)
    return {
        "size_mb": path.stat().st_size / 1e6,
        "cache_mb": cache_file_for(path, cache_dir).stat().st_size / 1e6,
        "parse": parse,
        "readings": readings,
        "cold": cold,
        "warm": warm,
        "fresh": fresh,
        "ratio": cold / warm,
    }


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or list(SIZES)
    header = (
        f"{'terms':>8} {'file MB':>8} {'cache MB':>9} {'parse':>8} {'readings':>9} "
        f"{'cold':>8} {'warm':>8} {'fresh':>8} {'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            r = measure(n, Path(folder))
            print(
                f"{n:>8} {r['size_mb']:>8.1f} {r['cache_mb']:>9.1f} {r['parse']:>8.3f} "
                f"{r['readings']:>9.3f} {r['cold']:>8.3f} {r['warm']:>8.3f} {r['fresh']:>8.3f} "
                f"{r['ratio']:>6.0f}x",
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
