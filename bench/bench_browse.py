"""What a keystroke costs in the browser at 1k, 10k and 100k terms.

    python bench/bench_browse.py              # 1k, 10k, 100k
    python bench/bench_browse.py 100000       # chosen sizes

The app runs headless (120×40) on a synthetic glossary (bench/synthetic.py). Queries are
typed one character at a time; after each character the bench waits until the list shows
that query's results. Per keystroke it records, in milliseconds:

  ui       time on the UI thread: the search box taking the key, reacting to the new
           query, applying the results to the list, and every screen refresh and redraw
           until the list is drawn (must be ≤ 16)
  search   the search in its worker thread (off the UI thread; typing never waits on it)
  latency  from the key press to the list drawn with the results (what a person sees)

Also: the time to open the glossary (load from a warm cache, list and index in workers)
and whether input was accepted while it loaded. Medians and worst cases are printed.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from textual import events
from textual.screen import Screen
from textual.widgets import Input

from carbon_glossary.core.cache import load_glossary_cached
from carbon_glossary.ui.app import CarbonGlossaryApp
from carbon_glossary.ui.listing import Browser
from carbon_glossary.ui.screens.browse import BrowseScreen
from synthetic import make_glossary_toml

SIZES = (1_000, 10_000, 100_000)
QUERIES = ("tandafeng", "tdf", "nengyuan", "碳达峰", "能源结构", "carbon peak", "储能调峰")


class Meter:
    """Adds up time spent inside wrapped functions on the UI thread."""

    def __init__(self) -> None:
        self.ui = 0.0
        self.search: list[float] = []
        self._depth = 0

    def wrap(self, owner: Any, name: str) -> None:
        """Count time in ``owner.name`` (not again when called from another wrapped one)."""
        original: Callable[..., Any] = getattr(owner, name)
        meter = self

        def timed(*args: Any, **kwargs: Any) -> Any:
            meter._depth += 1
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                meter._depth -= 1
                if meter._depth == 0:
                    meter.ui += time.perf_counter() - start

        setattr(owner, name, timed)

    def wrap_search(self) -> None:
        original = Browser.listing
        meter = self

        def timed(self: Browser, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                meter.search.append(time.perf_counter() - start)

        Browser.listing = timed  # type: ignore[method-assign]


def send_key(app: CarbonGlossaryApp, char: str) -> None:
    """Deliver a key as the terminal driver would (Pilot.press also waits for idleness,
    which would be counted as latency)."""
    key = "space" if char == " " else char
    event = events.Key(key, char)
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)


async def measure(path: Path, meter: Meter) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {"ui": [], "search": [], "latency": [], "open": []}
    app = CarbonGlossaryApp(path, "zh")
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen_stack[0]
        assert isinstance(screen, BrowseScreen)
        while screen.term_list.listing is None:
            await asyncio.sleep(0.001)
        await pilot.pause()
        results["open"].append(time.perf_counter() - started)
        while screen.browser is None or not screen.browser.indexed:
            await asyncio.sleep(0.005)
        for query in QUERIES:
            screen.search_box.value = ""
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            typed = ""
            for char in query:
                typed += char
                meter.ui = 0.0
                searches = len(meter.search)
                start = time.perf_counter()
                send_key(app, char)
                while (shown := screen.term_list.listing) is None or shown.query != typed.strip():
                    await asyncio.sleep(0.0002)
                drawn = asyncio.Event()
                screen.call_after_refresh(drawn.set)
                await drawn.wait()
                results["latency"].append(time.perf_counter() - start)
                results["ui"].append(meter.ui)
                results["search"].extend(meter.search[searches:])
    return results


def main() -> None:
    sizes = tuple(int(arg) for arg in sys.argv[1:]) or SIZES
    meter = Meter()
    meter.wrap(BrowseScreen, "watch_query_text")
    meter.wrap(BrowseScreen, "on_browse_screen_searched")
    meter.wrap(Screen, "_refresh_layout")
    meter.wrap(Screen, "_compositor_refresh")
    meter.wrap(Input, "_on_key")
    meter.wrap_search()
    print(
        f"{'terms':>7} {'open':>8} {'ui med':>8} {'ui max':>8} {'search med':>11} "
        f"{'search max':>11} {'latency med':>12} {'latency max':>12}   (ms)"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"g{size}.toml"
            path.write_text(make_glossary_toml(size, seed=1), encoding="utf-8")
            load_glossary_cached(path)  # warm the cache, as a second start would find it
            results = asyncio.run(measure(path, meter))

            med = {key: statistics.median(values) * 1000 for key, values in results.items()}
            worst = {key: max(values) * 1000 for key, values in results.items()}
            print(
                f"{size:>7} {worst['open']:>8.0f} {med['ui']:>8.1f} {worst['ui']:>8.1f} "
                f"{med['search']:>11.1f} {worst['search']:>11.1f} {med['latency']:>12.1f} "
                f"{worst['latency']:>12.1f}"
            )


if __name__ == "__main__":
    main()
