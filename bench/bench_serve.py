"""What a served room costs: memory and CPU per browser session, page open → first frame,
and N sessions opened at once. Loopback only; at most 40 sessions.

Two servers run side by side in the same run, on 127.0.0.1:

- **bare**: textual-serve's own ``Server`` serving a bare Textual app (a Label), the
  baseline: what any textual-serve session costs here;
- **room**: ``carbon-glossary serve`` (browse, or ``--exam`` with ``--exam``), each session
  signed in through the form, as a browser does.

A session is driven by a plain websocket client (aiohttp), as textual.js drives it:
connect with a size, count time to the first frame of more than 10 bytes (what the page
waits for before it shows the terminal), then wait 3 s more and read each app process's
resident memory and CPU time from /proc (Linux). With ``--browser``
one session is also opened in headless Chromium (Debian's, through Playwright) from page
load to first frame.

    python bench/bench_serve.py [--sessions 20] [--exam papers/example.toml] [--browser]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")
SETTLE_S = 3.0
MAX_SESSIONS = 40

BARE_SERVER = """
import sys
from textual_serve.server import Server
app = "from textual.app import App\\nfrom textual.widgets import Label\\n" \\
      "class Bare(App):\\n    def compose(self):\\n        yield Label('bare')\\nBare().run()\\n"
import shlex
Server(f"exec {shlex.quote(sys.executable)} -c {shlex.quote(app)}", host="127.0.0.1",
       port=int(sys.argv[1])).serve()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def rss_mb(pid: int) -> float:
    fields = Path(f"/proc/{pid}/statm").read_text().split()
    return int(fields[1]) * PAGE / 2**20


def cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


async def wait_listening(url: str, process: subprocess.Popen[bytes]) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(300):
            if process.poll() is not None:
                raise SystemExit(f"the server at {url} ended: exit {process.returncode}")
            try:
                async with http.get(url) as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit(f"the server at {url} did not start")


class Session:
    """One browser's worth of session: sign in (room only), open the socket, time the
    first frame, keep it open until closed."""

    def __init__(self, base: str, signs_in: bool, number: int) -> None:
        self.base = base
        self.signs_in = signs_in
        self.number = number
        self.first_frame_s = 0.0
        self.http: aiohttp.ClientSession | None = None
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.reader: asyncio.Task[None] | None = None

    async def open(self) -> None:
        loop = asyncio.get_running_loop()
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        started = loop.time()
        async with self.http.get(self.base):
            pass
        if self.signs_in:
            form = {"name": f"测试{self.number:02d}", "department": "测试科"}
            async with self.http.post(self.base, data=form) as response:
                assert response.status == 200, response.status  # after the redirect
        self.ws = await self.http.ws_connect(
            self.base + "ws", params={"width": "120", "height": "36"}
        )
        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY and len(message.data) > 10:
                self.first_frame_s = loop.time() - started
                break
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        """Keep reading, as a page does, so the app is never held up by a full socket."""
        assert self.ws is not None
        async for _message in self.ws:
            pass

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            await self.reader
        if self.http is not None:
            await self.http.close()


async def settle(sessions: list[Session]) -> None:
    """Let the apps finish their start (workers, the first search index) before reading
    memory and CPU: a fixed time, since a blinking cursor keeps sending frames forever."""
    await asyncio.sleep(SETTLE_S)


async def measure(name: str, base: str, server_pid: int, signs_in: bool, count: int) -> dict:
    """One session alone, then ``count`` at once."""
    one = Session(base, signs_in, 0)
    await one.open()
    await settle([one])
    (pid,) = children(server_pid)
    alone = {"first_frame_s": one.first_frame_s, "rss_mb": rss_mb(pid), "cpu_s": cpu_s(pid)}
    await one.close()
    await wait_gone(server_pid)

    loop = asyncio.get_running_loop()
    load_before = os.getloadavg()[0]
    started = loop.time()
    many = [Session(base, signs_in, n + 1) for n in range(count)]
    await asyncio.gather(*(s.open() for s in many))
    all_first = loop.time() - started
    await settle(many)
    pids = children(server_pid)
    assert len(pids) == count, (len(pids), count)
    firsts = sorted(s.first_frame_s for s in many)
    together = {
        "first_frame_median_s": statistics.median(firsts),
        "first_frame_max_s": firsts[-1],
        "all_first_frames_s": all_first,
        "rss_total_mb": sum(rss_mb(p) for p in pids),
        "rss_median_mb": statistics.median(rss_mb(p) for p in pids),
        "cpu_median_s": statistics.median(cpu_s(p) for p in pids),
        "server_rss_mb": rss_mb(server_pid),
        "load_before": load_before,
    }
    closing = loop.time()
    await asyncio.gather(*(s.close() for s in many))
    await wait_gone(server_pid)
    together["all_gone_s"] = loop.time() - closing
    return {"name": name, "alone": alone, "together": together}


async def wait_gone(server_pid: int) -> None:
    for _ in range(300):
        if not children(server_pid):
            return
        await asyncio.sleep(0.1)
    raise SystemExit("sessions were left running after their sockets closed")


def browser_first_frame(base: str) -> float | None:
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if chromium is None:
        return None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        started = time.perf_counter()
        page.goto(base)
        page.fill("#name", "浏览器")
        page.fill("#department", "测试科")
        page.keyboard.press("Enter")
        page.wait_for_selector("body.-first-byte", timeout=60_000)
        elapsed = time.perf_counter() - started
        browser.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--exam", type=Path, help="serve this paper instead of browsing")
    parser.add_argument("--browser", action="store_true", help="also time headless Chromium")
    args = parser.parse_args()
    count = max(1, min(args.sessions, MAX_SESSIONS))
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, XDG_CONFIG_HOME=folder, XDG_DATA_HOME=folder, XDG_CACHE_HOME=folder)
        bare_port, room_port = free_port(), free_port()
        bare = subprocess.Popen(
            [sys.executable, "-c", BARE_SERVER, str(bare_port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        room_command = [sys.executable, "-m", "carbon_glossary", "serve", "--port", str(room_port)]
        room_command += ["--db", str(Path(folder) / "room.sqlite")]
        room_command += ["--max-sessions", str(count + 1)]
        if args.exam:
            room_command += ["--exam", str(args.exam)]
        room = subprocess.Popen(
            room_command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            results = asyncio.run(run(bare, bare_port, room, room_port, count))
            chromium_s = (
                browser_first_frame(f"http://127.0.0.1:{room_port}/") if args.browser else None
            )
        finally:
            for process in (bare, room):
                process.terminate()
                process.wait(timeout=30)
    report(results, count, chromium_s, args.exam)


async def run(
    bare: subprocess.Popen[bytes],
    bare_port: int,
    room: subprocess.Popen[bytes],
    room_port: int,
    count: int,
) -> list[dict]:
    bare_url, room_url = f"http://127.0.0.1:{bare_port}/", f"http://127.0.0.1:{room_port}/"
    await wait_listening(bare_url, bare)
    await wait_listening(room_url, room)
    return [
        await measure("bare textual-serve app", bare_url, bare.pid, False, count),
        await measure("carbon-glossary serve", room_url, room.pid, True, count),
    ]


def report(results: list[dict], count: int, chromium_s: float | None, exam: Path | None) -> None:
    base = results[0]
    print(
        f"cpus: {os.cpu_count()}, sessions at once: {count}, room: {'exam' if exam else 'browse'}"
    )
    print()
    print(
        "| one session alone | first frame | ratio | RSS | ratio"
        " | CPU to first frame + 3 s | ratio |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        a, b = r["alone"], base["alone"]
        print(
            f"| {r['name']} | {a['first_frame_s']:.2f} s"
            f" | {a['first_frame_s'] / b['first_frame_s']:.2f}"
            f" | {a['rss_mb']:.0f} MB | {a['rss_mb'] / b['rss_mb']:.2f}"
            f" | {a['cpu_s']:.2f} s | {a['cpu_s'] / b['cpu_s']:.2f} |"
        )
    print()
    print(
        f"| {count} at once | first frame median / max | all up | RSS per app (median)"
        " | all apps | CPU per app (median) | server RSS | all gone after close |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        t = r["together"]
        print(
            f"| {r['name']} | {t['first_frame_median_s']:.2f} / {t['first_frame_max_s']:.2f} s"
            f" | {t['all_first_frames_s']:.2f} s | {t['rss_median_mb']:.0f} MB"
            f" | {t['rss_total_mb']:.0f} MB | {t['cpu_median_s']:.2f} s"
            f" | {t['server_rss_mb']:.0f} MB | {t['all_gone_s']:.2f} s |"
        )
    if chromium_s is not None:
        print()
        print(f"headless Chromium, page load → sign in → first frame: {chromium_s:.2f} s")


if __name__ == "__main__":
    main()
