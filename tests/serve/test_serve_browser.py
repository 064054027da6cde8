"""``carbon-glossary serve`` end to end: a real server process, real headless Chromium.

Chromium is Debian's (``/usr/bin/chromium``, with ``fonts-noto-cjk``), driven by Playwright
through ``executable_path``: no browser is downloaded. In CI (``CI=true``) a missing browser
or Playwright fails these tests; elsewhere it skips them.

The terminal in the page is drawn on a canvas, so what the person sees is checked in what
the server sent to the page (the websocket's frames); a 1280×800 screenshot of each page
is kept under ``tests/artifacts/serve/`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from carbon_glossary.core.cache import load_glossary_cached
from carbon_glossary.core.paper import build_paper, load_paper
from carbon_glossary.session.decks import exam_id_for
from carbon_glossary.store import open_store

ROOT = Path(__file__).resolve().parents[2]
PAPER = ROOT / "papers" / "example.toml"
GLOSSARY = ROOT / "glossary.toml"
ARTIFACTS = ROOT / "tests" / "artifacts" / "serve"
IN_CI = os.environ.get("CI") == "true"
CODE = "246810"
WAIT_S = 60.0  # a loaded 2-core CI machine starts a Textual app in seconds, not minutes
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        path = None
    if path is None:
        message = "Chromium and Playwright are needed (.ci/run installs chromium)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(what: str, check: Callable[[], Any], timeout: float = WAIT_S, page: Any = None) -> Any:
    """Poll ``check``; with a ``page``, by waiting in Playwright (its sync API delivers
    events, such as websocket frames, only while one of its calls runs)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        if page is not None:
            page.wait_for_timeout(200)
        else:
            time.sleep(0.2)


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text()
            # pid (comm) state ppid ...: comm may hold spaces, so split after its ")".
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@dataclass
class Served:
    """A running ``serve`` and what it printed."""

    process: subprocess.Popen[str]
    url: str
    db: Path
    output: list[str] = field(default_factory=list)
    reader: threading.Thread | None = None

    def apps(self) -> list[int]:
        return _children(self.process.pid)


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    started: list[Served] = []

    def start(*options: str) -> Served:
        port = _free_port()
        db = tmp_path / f"room-{port}.sqlite"
        command = [sys.executable, "-m", "carbon_glossary", "serve", "--port", str(port)]
        process = subprocess.Popen(
            [*command, "--db", str(db), "--glossary", str(GLOSSARY), *options],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
        )
        served = Served(process, f"http://127.0.0.1:{port}/", db)
        started.append(served)

        def read() -> None:  # what the trainer sees in the serving terminal
            assert process.stdout is not None
            for line in process.stdout:
                served.output.append(line)

        served.reader = threading.Thread(target=read, daemon=True)
        served.reader.start()

        def listening() -> bool:
            try:
                with urllib.request.urlopen(served.url, timeout=2):
                    return True
            except (urllib.error.URLError, OSError):
                assert process.poll() is None, "".join(served.output)
                return False

        _wait("the server to listen", listening)
        return served

    yield start
    for served in started:
        served.process.terminate()
        try:
            served.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            served.process.kill()
            served.process.wait()
        if served.reader is not None:
            served.reader.join(timeout=10)
        if served.process.stdout is not None:
            served.process.stdout.close()


@pytest.fixture
def browser() -> Iterator[Any]:
    path = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """One browser tab: every URL it asked for, and the text the server sent its terminal."""

    page: Any
    requests: list[str] = field(default_factory=list)
    frames: list[str] = field(default_factory=list)
    sockets: list[str] = field(default_factory=list)

    def screen_text(self, since: int = 0) -> str:
        return ANSI.sub("", "".join(self.frames[since:]))

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _open_tab(browser: Any, url: str) -> Tab:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    tab = Tab(page)
    page.on("request", lambda request: tab.requests.append(request.url))

    def on_socket(ws: Any) -> None:
        tab.sockets.append(ws.url)

        def received(payload: str | bytes) -> None:
            text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
            tab.frames.append(text)

        ws.on("framereceived", received)

    page.on("websocket", on_socket)
    page.goto(url)
    return tab


def _sign_in(tab: Tab, name: str, department: str, code: str | None) -> None:
    """Type into the form as a person does: the name field has the focus, Tab moves on,
    Enter submits."""
    page = tab.page
    page.wait_for_selector("#name:focus")
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    page.keyboard.type(department)
    if code is not None:
        page.keyboard.press("Tab")
        page.keyboard.type(code)
    page.keyboard.press("Enter")
    page.wait_for_load_state()


def _app_ready(tab: Tab, marker: str) -> None:
    """The app has drawn ``marker`` and has the keyboard, with no click (the page gives
    the terminal the focus: textual-serve left it on the body until a click)."""
    tab.page.wait_for_selector("body.-first-byte", timeout=WAIT_S * 1000)
    _wait(f"{marker!r} on the page", lambda: marker in tab.screen_text(), page=tab.page)
    _wait("the keyboard focus in the terminal", lambda: _terminal_focused(tab), page=tab.page)


def _terminal_focused(tab: Tab) -> bool:
    return bool(
        tab.page.evaluate(
            "() => document.activeElement !== null"
            " && document.activeElement.classList.contains('xterm-helper-textarea')"
            " && document.getElementById('terminal').contains(document.activeElement)"
        )
    )


def _local_only(tabs: list[Tab]) -> None:
    for tab in tabs:
        for url in tab.requests + tab.sockets:
            assert urlsplit(url).hostname == "127.0.0.1", url


def test_a_room_signs_in_sits_the_exam_and_a_wrong_code_gets_nothing(
    serve: Callable[..., Served], browser: Any
) -> None:
    glossary = load_glossary_cached(GLOSSARY)
    paper = build_paper(glossary, load_paper(PAPER, glossary))
    exam_id = exam_id_for(paper)
    served = serve("--exam", str(PAPER), "--code", CODE)

    wang = _open_tab(browser, served.url)
    wang.page.wait_for_selector("#name:focus")
    wang.shot("sign-in")
    _sign_in(wang, "王小明", "发展改革局", CODE)
    li = _open_tab(browser, served.url)
    _sign_in(li, "李华", "财政局", "24 68 10")  # spaces as read out are fine
    for tab in (wang, li):
        _app_ready(tab, "术语测验")
    assert len(served.apps()) == 2

    # Wang answers the first question, goes on, and hands the paper in.
    wang.page.keyboard.press("1")
    wang.page.keyboard.press("Enter")
    _wait("question 2", lambda: "2/20" in wang.screen_text(), page=wang.page)
    before = len(wang.frames)
    wang.page.keyboard.press("Control+s")
    _wait("the hand-in question", lambda: "继续作答" in wang.screen_text(before), page=wang.page)
    before = len(wang.frames)
    wang.page.keyboard.press("y")
    _wait("the result", lambda: "考试成绩" in wang.screen_text(before), page=wang.page)
    # Li answers the first question only.
    li.page.keyboard.press("2")

    def stored() -> bool:
        with open_store(served.db, read_only=True) as store:
            return bool(store.exam_results("王小明", exam_id=exam_id)) and bool(
                [a for a in store.answers("李华") if a.exam_id == exam_id]
            )

    _wait("both sittings in the store", stored, page=li.page)
    with open_store(served.db, read_only=True) as store:
        (result,) = store.exam_results("王小明", exam_id=exam_id)
        assert result.max_score > 0
        first = [a for a in store.answers("王小明") if a.exam_id == exam_id and a.question == 1]
        assert first and first[0].given
        li_answers = [a for a in store.answers("李华") if a.exam_id == exam_id]
        assert {a.question for a in li_answers} == {1}
        assert not store.exam_results("李华", exam_id=exam_id)
        # Both sat in a browser, and the store says so (the trainer's report shows it).
        assert {a.source for a in store.attempts(exam_id=exam_id)} == {"browser"}
        info = store.profile_info("王小明")
        assert info is not None and (info.display_name, info.department) == (
            "王小明",
            "发展改革局",
        )

    # A wrong code: the form again with the reason, no seat, no socket, no app.
    stranger = _open_tab(browser, served.url)
    _sign_in(stranger, "张三", "办公室", "135790")
    assert "房间码不对" in stranger.page.locator("#error").inner_text()
    assert not [c for c in stranger.page.context.cookies() if c["name"] == "cg_seat"]
    assert stranger.sockets == []
    assert len(served.apps()) == 2
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(served.url + "ws", timeout=5)
    assert refused.value.code == 403

    # The trainer's view: in the serving terminal, and as a page opened with its key.
    printed = "".join(served.output)
    assert "已登记：王小明（发展改革局）" in printed and "已登记：李华（财政局）" in printed
    assert "房间码不对，已拒绝" in printed
    (trainer_url,) = re.findall(r"http://\S+/room\?key=\S+", printed)
    trainer = _open_tab(browser, trainer_url)
    listing = trainer.page.locator("table").inner_text()
    assert re.search(r"王小明\s+发展改革局\s+在线\s+1/20\s+已交卷 \d+\.\d%", listing), listing
    assert re.search(r"李华\s+财政局\s+在线\s+1/20", listing), listing

    for name, tab in (
        ("exam-wang", wang),
        ("exam-li", li),
        ("wrong-code", stranger),
        ("trainer", trainer),
    ):
        tab.shot(name)
    _local_only([wang, li, stranger, trainer])

    # Closing the tabs ends their apps.
    wang.page.close()
    li.page.close()
    _wait("no app left", lambda: served.apps() == [], timeout=30)


def test_browsing_in_the_room_finds_tdf(serve: Callable[..., Served], browser: Any) -> None:
    served = serve()
    tab = _open_tab(browser, served.url)
    sign_in_page = tab.page.content()
    assert 'id="code"' not in sign_in_page  # loopback without --code: no code asked
    tab.shot("sign-in-without-code")
    _sign_in(tab, "王小明", "发展改革局", None)
    _app_ready(tab, "术语")
    before = len(tab.frames)
    tab.page.keyboard.type("tdf")
    _wait("碳达峰 after typing tdf", lambda: "碳达峰" in tab.screen_text(before), page=tab.page)
    tab.page.wait_for_timeout(500)  # let the list settle for the screenshot
    tab.shot("browse-tdf")
    _local_only([tab])
    tab.page.close()
    _wait("no app left", lambda: served.apps() == [], timeout=30)


def test_the_keyboard_works_after_sign_in_and_after_a_reload_without_a_click(
    serve: Callable[..., Served], browser: Any
) -> None:
    """QA: after signing in, document.activeElement was BODY, keys did nothing and the
    footer stayed blank until a click."""
    glossary = load_glossary_cached(GLOSSARY)
    exam_id = exam_id_for(build_paper(glossary, load_paper(PAPER, glossary)))
    served = serve("--exam", str(PAPER), "--code", CODE)
    tab = _open_tab(browser, served.url)
    _sign_in(tab, "赵六", "办公室", CODE)
    _app_ready(tab, "术语测验")  # no click: the terminal has the focus
    _wait("the footer's keys", lambda: "交卷" in tab.screen_text(), page=tab.page)
    tab.page.keyboard.press("1")

    def answered(number: int) -> bool:
        with open_store(served.db, read_only=True) as store:
            return any(
                a.exam_id == exam_id and a.question == number and a.given
                for a in store.answers("赵六")
            )

    _wait("the answer typed without a click", lambda: answered(1), page=tab.page)
    tab.page.keyboard.press("Enter")
    _wait("question 2", lambda: "2/20" in tab.screen_text(), page=tab.page)
    # A reload (the page's restart after a lost connection does the same) starts a new app
    # that carries the sitting on: the keyboard is in the terminal again.
    tab.frames.clear()
    tab.page.reload()
    _app_ready(tab, "术语测验")
    tab.page.keyboard.press("Enter")  # the sitting carries on: Enter goes to question 2
    _wait("question 2 after the reload", lambda: "2/20" in tab.screen_text(), page=tab.page)
    tab.page.keyboard.press("2")
    _wait("the answer typed after the reload", lambda: answered(2), page=tab.page)
    tab.page.close()
    _wait("no app left", lambda: served.apps() == [], timeout=30)


def test_a_person_back_in_another_browser_is_one_row_and_told_in_their_own_tab(
    serve: Callable[..., Served], browser: Any
) -> None:
    """QA findings 12-14: 陈一 answers 2 questions, closes the tab, and signs in again from
    another browser as `` 陈一 ``. The app carries the sitting on and tells the person so in
    their tab; the trainer's terminal gets one line naming them, never the person's own
    message; the trainer's page has one 陈一 at 2/20; a wrong key is refused in Chinese."""
    glossary = load_glossary_cached(GLOSSARY)
    exam_id = exam_id_for(build_paper(glossary, load_paper(PAPER, glossary)))
    served = serve("--exam", str(PAPER))

    def answered() -> int:
        with open_store(served.db, read_only=True) as store:
            return len({a.question for a in store.answers("陈一") if a.exam_id == exam_id})

    first = _open_tab(browser, served.url)
    _sign_in(first, "陈一", "财政局", None)
    _app_ready(first, "术语测验")
    first.page.keyboard.press("1")
    first.page.keyboard.press("Enter")
    _wait("question 2", lambda: "2/20" in first.screen_text(), page=first.page)
    first.page.keyboard.press("2")
    _wait("two answers in the store", lambda: answered() == 2, page=first.page)
    first.page.close()
    _wait("no app left", lambda: served.apps() == [], timeout=30)

    second = _open_tab(browser, served.url)  # another browser: its own cookies
    _sign_in(second, "  陈一 ", "财政局", None)
    _app_ready(second, "术语测验")
    _wait("the person told", lambda: "接着考你" in second.screen_text(), page=second.page)
    second.shot("resumed")
    _wait(
        "the trainer's line",
        lambda: "陈一（财政局）接着考 " in "".join(served.output),
        page=second.page,
    )
    assert re.search(
        r"陈一（财政局）接着考 \d\d:\d\d 开始的试卷（已答 2 题）", "".join(served.output)
    )

    (trainer_url,) = re.findall(r"http://\S+/room\?key=\S+", "".join(served.output))
    trainer = _open_tab(browser, trainer_url)
    listing = trainer.page.locator("table").inner_text()
    assert re.search(r"陈一\s+财政局\s+在线\s+2/20", listing), listing
    assert listing.count("陈一") == 1, listing
    assert "1 人登记，1 人在线" in trainer.page.locator("body").inner_text()
    trainer.shot("trainer-one-row")

    # A wrong key, an unknown address: a page in Chinese with the right status.
    refused = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    for path, status, words in (
        ("room?key=wrong", 403, "密钥不对：请用老师终端里显示的完整地址"),
        ("nowhere", 404, "没有这个页面"),
    ):
        response = refused.goto(served.url + path)
        assert response is not None and response.status == status
        shown = refused.locator("body").inner_text()
        assert words in shown and "Forbidden" not in shown and "Not Found" not in shown
    refused.screenshot(path=str(ARTIFACTS / "not-found.png"))

    second.page.close()
    _wait("no app left", lambda: served.apps() == [], timeout=30)
    time.sleep(1)  # textual-serve prints what an app wrote on stderr as it ends
    assert "接着考你" not in "".join(served.output)
    _local_only([second, trainer])


def test_a_students_tab_neither_reads_nor_writes_the_trainers_settings(
    serve: Callable[..., Served], browser: Any
) -> None:
    """QA findings 2, item 21: the trainer once chose 繁体 on their own PC; a student's tab
    opened in 繁体, and the student's F2 rewrote the trainer's settings.toml. The server
    runs under this test's own user directories (tests/conftest.py), so the settings file
    here is the one the tab's app would find."""
    from carbon_glossary.ui.settings import default_settings_path

    trainers = b'language = "zh"\ntraditional = true\n'
    path = default_settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(trainers)
    past = 1_000_000_000_000_000_000  # 2001: a rewrite in the same clock tick still shows
    os.utime(path, ns=(past, past))
    served = serve()
    tab = _open_tab(browser, served.url)
    _sign_in(tab, "吴十", "统计局", None)
    _app_ready(tab, "按拼音排序 · ")
    _wait("the script in the status line", lambda: "简体" in tab.screen_text(), page=tab.page)
    assert "按拼音排序 · 简体" in tab.screen_text()
    assert "按拼音排序 · 繁体" not in tab.screen_text()
    before = len(tab.frames)
    tab.page.keyboard.press("F2")  # from the search box, which has the focus
    _wait("English", lambda: "by pinyin · simplified" in tab.screen_text(before), page=tab.page)
    tab.page.keyboard.press("Tab")  # to the list, where t is a key, not a letter to search
    # The list's own keys in the Footer say the focus is there: a loaded machine could
    # otherwise deliver t to the search box (it failed so once under load).
    _wait("the list's keys", lambda: "g jump" in tab.screen_text(before), page=tab.page)
    tab.page.keyboard.press("t")
    _wait("繁體", lambda: "by pinyin · traditional" in tab.screen_text(before), page=tab.page)
    tab.shot("student-english-traditional")
    tab.page.close()
    _wait("no app left", lambda: served.apps() == [], timeout=30)
    assert path.read_bytes() == trainers
    assert path.stat().st_mtime_ns == past
