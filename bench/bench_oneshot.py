"""A one-shot ``carbon-glossary search`` on an unchanged glossary (caches warm), beside the
warm load of the glossary alone and beside what ``search`` did before its search table
(issue 7 item 15: load the cached glossary, build the index fields the query reaches, rank
up to 1,000 matches), each in a fresh process: wall time, peak memory (max RSS) and the
time as a multiple of the warm load's, all measured in the same run.

Run: python bench/bench_oneshot.py [TERMS] [ROUNDS]   (100000 and 5 by default)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERIES = ("光伏", "guangfu", "photovoltaics")
LOAD = "from carbon_glossary.core.cache import load_glossary_cached as l; l({path!r})"
BEFORE = (
    "from carbon_glossary.core.cache import load_glossary_cached as l\n"
    "from carbon_glossary.core.search import SearchIndex\n"
    "SearchIndex.build(l({path!r}), whole=False).search({query!r}, 1000)"
)


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak MB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{command} failed: {child.stderr.read() if child.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024  # kB on Linux


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / f"g{size}.toml")
        # made in a child: a child's peak memory counts what it inherits before exec, so
        # this process must stay small
        with open(path, "w", encoding="utf-8") as out:
            subprocess.run(
                [sys.executable, str(Path(__file__).with_name("synthetic.py")), str(size), "5000"],
                stdout=out,
                check=True,
            )
        env = {**os.environ, "CARBON_GLOSSARY_CACHE_DIR": str(Path(folder) / "cache")}
        # An installed package has compiled bytecode; a source tree run with
        # PYTHONDONTWRITEBYTECODE would compile every module at each start (~0.1 s idle).
        # The bytecode goes to the temporary folder, so the tree stays clean.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        python = sys.executable
        measure([python, "-c", LOAD.format(path=path)], env)  # the cold load, once
        cases: dict[str, list[str]] = {"warm load alone": [python, "-c", LOAD.format(path=path)]}
        for query in QUERIES:
            cases[f"search {query}"] = [
                python, "-m", "carbon_glossary", "--glossary", path, "search", query,
            ]  # fmt: skip
            cases[f"  before: load, then index ({query})"] = [
                python, "-c", BEFORE.format(path=path, query=query),
            ]  # fmt: skip
        for command in cases.values():  # the search table and every module's bytecode
            measure(command, env)
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(rounds):  # interleaved, so that machine load hits every case alike
            for name, command in cases.items():
                results[name].append(measure(command, env))
    print(f"{size:,} terms, cache warm, fresh process each; medians of {rounds} rounds")
    load = statistics.median(r[0] for r in results["warm load alone"])
    print(f"{'':<44} {'seconds':>8} {'max RSS MB':>11} {'× load':>7}")
    for name, runs in results.items():
        seconds = statistics.median(r[0] for r in runs)
        memory = statistics.median(r[1] for r in runs)
        print(f"{name:<44} {seconds:>8.2f} {memory:>11.0f} {seconds / load:>7.2f}")


if __name__ == "__main__":
    main()
