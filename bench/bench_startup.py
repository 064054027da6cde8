"""Start-up time of the browser against a bare Textual app, from process start to first frame.

    python bench/bench_startup.py               # 15 rounds on the shipped glossary
    python bench/bench_startup.py --rounds 30 --glossary my.toml
    python bench/bench_startup.py --instructions   # each once under valgrind: instructions

Each round starts four fresh Python processes, in rotating order:

  bare  a Textual app with the same Header, Input and Footer and a static 82-line list
        (no glossary, no carbon_glossary import): the floor set by Python and Textual.
  app   the browser alone: the glossary read through the warm cache, then ``run_browser``
        (what the UI costs, without argument parsing).
  cli   ``carbon-glossary browse`` through ``cli.main``, as a person starts it (the
        shipped glossary found by the program, not named with ``--glossary``), with the
        glossary cache warm (a first, untimed run fills it) and no settings file: the
        configuration folder is the run's own, as the cache and data folders are, so the
        figures do not depend on what this machine's user once chose.
  saved the same, with a settings file holding a language and script choice, as after
        a person pressed L or t once (reading it imports a TOML parser).

Both run with ``app.run(headless=True)``, standard input and output on a pseudo-terminal
(the browser refuses to start without a terminal). A process records CLOCK_MONOTONIC
(shared by all processes) when its first frame is drawn, for ours the first frame that
shows the terms (the later of Textual's ``Ready`` and the refresh after the list is
filled), and its CPU time so far, reports both on its standard error and exits. The
figure is that moment minus the moment the parent started the process, so interpreter
start and every import count. Medians are printed, with their ratio (the limit is ≤ 1.15),
and whether pypinyin or opencc were imported (they should not be on a warm start).
Bytecode is compiled once (as an installed package would have it), not on every start.
A child imports nothing of this script's own tools (argparse, statistics): only the code
it measures.
"""

from __future__ import annotations

# Only what the interpreter has loaded anyway: a child must pay for what it imports itself,
# not start with the parent's argparse, statistics and tempfile already loaded (that gave
# the bare app, which needs none of them, time it would not spend, and the CLI its argparse).
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHIPPED = os.path.join(ROOT, "glossary.toml")
HEAVY = ("pypinyin", "opencc")
KINDS = ("bare", "app", "cli", "saved")
# Unset in the children: bytecode is wanted; the glossary, cache and language are the defaults.
_UNSET = (
    "PYTHONDONTWRITEBYTECODE",
    "CARBON_GLOSSARY_FILE",
    "CARBON_GLOSSARY_CACHE_DIR",
    "CARBON_GLOSSARY_LANG",
)
LABELS = (
    "bare textual app",
    "browser (warm cache, app only)",
    "carbon-glossary browse (via cli.main)",
    "the same, with a saved settings file",
)


def child_bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Input, Static

    lines = "\n".join(f"术语 {n:02d}    shù yǔ    term {n}" for n in range(82))

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Input(placeholder="搜索")
            yield Static(lines)
            yield Footer()

        def on_ready(self) -> None:
            report(time.monotonic())
            self.exit()

    Bare().run(headless=True)


def child_ours(glossary: str, through_cli: bool) -> None:
    import carbon_glossary.ui.app as app_module
    from carbon_glossary.ui.screens.browse import BrowseScreen

    class Timed(app_module.CarbonGlossaryApp):
        ready: float | None = None
        listed: float | None = None

        def on_ready(self) -> None:
            self.ready = time.monotonic()
            screen = self.screen_stack[0]
            if isinstance(screen, BrowseScreen) and screen.term_list.listing is not None:
                self.listed = 0.0  # the first frame already shows the terms
            self._done()

        def on_browse_screen_glossary_loaded(self, message: BrowseScreen.GlossaryLoaded) -> None:
            super().on_browse_screen_glossary_loaded(message)
            if self.listed is not None:
                return

            def stamp() -> None:
                self.listed = time.monotonic()
                self._done()

            self.call_after_refresh(stamp)

        def _done(self) -> None:
            if self.ready is not None and self.listed is not None:
                report(max(self.ready, self.listed))
                self.exit()

        def run(self, *args: object, **kwargs: object) -> object:
            return super().run(headless=True)

    app_module.CarbonGlossaryApp = Timed  # type: ignore[misc]
    if through_cli:
        from carbon_glossary.cli import main

        # As a person types it: the shipped glossary is found by the program, not named.
        main(["browse"] if glossary == SHIPPED else ["--glossary", glossary, "browse"])
    else:
        from pathlib import Path

        from carbon_glossary.core.cache import load_glossary_cached

        app_module.run_browser(Path(glossary), "zh", load_glossary_cached(glossary))


def report(moment: float) -> None:
    heavy = ",".join(name for name in HEAVY if name in sys.modules) or "-"
    # CPU time (user + system, all threads) the process spent until its first frame: on a
    # machine shared with other work the wall time swings with the load, the CPU time much
    # less, so both are reported.
    cpu = time.process_time()
    print(f"FRAME {moment!r} HEAVY {heavy} CPU {cpu!r}", file=sys.__stderr__, flush=True)
    if os.environ.get("BENCH_EXIT_AT_FRAME"):
        os._exit(0)  # --instructions: count up to the first frame, not the app's ending


def run_child(
    kind: str, glossary: str, env: dict[str, str], prefix: tuple[str, ...] = ()
) -> tuple[float, float, str]:
    """Start one child; (seconds to its first frame, its CPU seconds, heavy modules).
    ``prefix``: a program to run it under (valgrind, for --instructions)."""
    import pty
    import re
    import subprocess

    command = [*prefix, sys.executable, __file__, "--child", kind, glossary]
    # Standard input and output are a terminal, as when a person starts the browser (it
    # refuses to start without one); the child reports on its standard error.
    controller, terminal = pty.openpty()
    try:
        start = time.monotonic()
        result = subprocess.run(
            command,
            stdin=terminal,
            stdout=terminal,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    for line in result.stderr.splitlines():
        if line.startswith("FRAME "):
            _, moment, _, heavy, _, cpu = line.split()
            instructions = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
            if instructions:  # valgrind's count stands in for the CPU time
                cpu = instructions[1].replace(",", "")
            return float(moment) - start, float(cpu), heavy
    raise SystemExit(f"{kind} run failed:\n{result.stderr}")


VALGRIND = ("valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null")


def count_instructions(glossary: str, envs: dict[str, dict[str, str]]) -> None:
    """Each kind once under valgrind: the machine instructions to the first frame. Unlike
    time, the count does not move with the machine's load or clock (it varies by ~0.1 %
    between runs), so it shows a change of a few milliseconds that timing cannot."""
    counts = {}
    for kind in KINDS:
        env = dict(envs[kind], BENCH_EXIT_AT_FRAME="1")
        counts[kind] = run_child(kind, glossary, env, VALGRIND)[1]
    print(f"start-up to first frame, machine instructions ({os.path.basename(glossary)})")
    for kind, label in zip(KINDS, LABELS, strict=True):
        count = counts[kind]
        print(f"  {label:<36} {count / 1e6:9.1f} M   {count / counts['bare']:5.3f}")
    print("  limit: ratio ≤ 1.15 (issue 8)")


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        kind, glossary = sys.argv[2:4]
        if kind == "bare":
            child_bare()
        else:
            child_ours(glossary, through_cli=kind in ("cli", "saved"))
        return

    import argparse
    import statistics
    import tempfile
    from pathlib import Path

    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--glossary", default=SHIPPED)
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count machine instructions under valgrind instead of timing rounds",
    )
    args = parser.parse_args()
    if Path(args.glossary).resolve() == Path(SHIPPED).resolve():
        args.glossary = SHIPPED

    with tempfile.TemporaryDirectory() as home:
        # An installed package has compiled bytecode; a source tree run with
        # PYTHONDONTWRITEBYTECODE would recompile every module each start. Keep the
        # bytecode in the temporary folder so the tree stays clean.
        env = dict(os.environ, XDG_CACHE_HOME=home, XDG_DATA_HOME=home, TERM="xterm-256color")
        for name in _UNSET:
            env.pop(name, None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
        # Each kind's configuration folder: none holds settings but that of "saved", which
        # holds what the browser writes after a person chose Chinese and simplified (L, t).
        envs = {kind: dict(env, XDG_CONFIG_HOME=str(Path(home) / "config")) for kind in KINDS}
        saved = Path(home) / "saved-config"
        (saved / "carbon-glossary").mkdir(parents=True)
        (saved / "carbon-glossary" / "settings.toml").write_text(
            'traditional = false\nlanguage = "zh"\n', encoding="utf-8"
        )
        envs["saved"]["XDG_CONFIG_HOME"] = str(saved)
        for kind in KINDS:  # fill the glossary cache and the bytecode cache
            run_child(kind, args.glossary, envs[kind])
        if args.instructions:
            count_instructions(args.glossary, envs)
            return
        times: dict[str, list[float]] = {kind: [] for kind in KINDS}
        cpus: dict[str, list[float]] = {kind: [] for kind in KINDS}
        heavy = set()
        for number in range(args.rounds):
            order = KINDS[number % len(KINDS) :] + KINDS[: number % len(KINDS)]
            for kind in order:
                elapsed, cpu, loaded = run_child(kind, args.glossary, envs[kind])
                times[kind].append(elapsed)
                cpus[kind].append(cpu)
                if kind != "bare":
                    heavy.add(loaded)

    bare = statistics.median(times["bare"])
    bare_cpu = statistics.median(cpus["bare"])
    print(f"start-up to first frame, median of {args.rounds} rounds ({Path(args.glossary).name})")
    print(f"  {'':<36} {'wall':>10}   {'ratio':>5}   {'CPU':>10}   {'ratio':>5}")
    for kind, label in zip(KINDS, LABELS, strict=True):
        median = statistics.median(times[kind])
        cpu = statistics.median(cpus[kind])
        print(
            f"  {label:<36} {median * 1000:7.1f} ms   {median / bare:5.3f}"
            f"   {cpu * 1000:7.1f} ms   {cpu / bare_cpu:5.3f}"
        )
    # Each round's three processes run back to back, so a round's own ratio is less
    # disturbed by the machine's load changing during the run than the ratio of medians.
    if args.rounds > 1:
        print("  CPU ratio to the bare app within each round: median (quartiles)")
    for kind, label in zip(KINDS[1:], LABELS[1:], strict=True):
        ratios = [ours / bare for ours, bare in zip(cpus[kind], cpus["bare"], strict=True)]
        if len(ratios) > 1:
            low, middle, high = statistics.quantiles(ratios, n=4)
            print(f"  {label:<36} {middle:5.3f} ({low:5.3f}–{high:5.3f})")
    print("  limit: ratio ≤ 1.15 (issue 8); the earlier goal was 1.10")
    print(f"  pypinyin/opencc imported on a warm start: {', '.join(sorted(heavy))}")


if __name__ == "__main__":
    main()
