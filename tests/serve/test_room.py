"""The room's door and the trainer's view, without a browser: the rules in serve/room.py,
the command each session runs, and the server's pages and answers over HTTP (aiohttp's
test client against the real handlers)."""

from __future__ import annotations

import re
import shlex
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from carbon_glossary import i18n
from carbon_glossary.serve.room import (
    MAX_WRONG_CODES,
    WRONG_CODE_WINDOW,
    Refusal,
    Room,
    RoomRow,
    Seat,
    clean_field,
    new_room_code,
    normalise_code,
    room_rows,
)
from carbon_glossary.serve.server import (
    COOKIE,
    RoomServer,
    SessionCommand,
    clock_time,
    room_urls,
)
from carbon_glossary.store import AnswerRecord, Attempt, ExamResult, ProgressStore, open_store
from carbon_glossary.subcommands.serve import is_loopback, table_lines

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def test_a_wrong_code_is_refused_before_anything_else_is_looked_at() -> None:
    room = Room(code="246810", max_sessions=5)
    assert room.sign_in("", "", "111111", NOW) is Refusal.WRONG_CODE
    assert room.sign_in("王小明", "财政局", "", NOW) is Refusal.WRONG_CODE
    assert room.seats == {}
    seat = room.sign_in("王小明", "财政局", "２４６ ８-１０", NOW)  # full-width, spaced
    assert isinstance(seat, Seat)


def test_five_wrong_codes_in_five_minutes_lock_that_address_until_the_window_ends() -> None:
    room = Room(code="246810", max_sessions=5)
    here, there = "192.168.1.7", "192.168.1.8"
    assert MAX_WRONG_CODES == 5
    assert timedelta(minutes=5) == WRONG_CODE_WINDOW
    for minute in range(4):
        at = NOW + timedelta(minutes=minute)
        assert room.sign_in("甲", "一科", "111111", at, here) is Refusal.WRONG_CODE
        assert room.locked_until(here, at) is None
    fifth = NOW + timedelta(minutes=4)
    assert room.sign_in("甲", "一科", "222222", fifth, here) is Refusal.TOO_MANY_TRIES
    assert room.locked_until(here, fifth) == NOW + WRONG_CODE_WINDOW  # the first one's window
    # The right code does not get in while the lock lasts, and is not counted as a try.
    just_before = NOW + WRONG_CODE_WINDOW - timedelta(seconds=1)
    assert room.sign_in("甲", "一科", "246810", just_before, here) is Refusal.TOO_MANY_TRIES
    assert room.seats == {}
    # Another address is not affected.
    assert isinstance(room.sign_in("乙", "二科", "246810", fifth, there), Seat)
    # When the lock ends the right code gets in.
    ended = NOW + WRONG_CODE_WINDOW
    assert room.locked_until(here, ended) is None
    assert isinstance(room.sign_in("甲", "一科", "246810", ended, here), Seat)


def test_wrong_codes_spread_over_more_than_five_minutes_do_not_lock() -> None:
    room = Room(code="246810", max_sessions=5)
    for step in range(12):  # one wrong code every 80 s: at most 4 in any 5 minutes
        at = NOW + timedelta(seconds=80 * step)
        assert room.sign_in("甲", "一科", "000000", at, "10.0.0.2") is Refusal.WRONG_CODE
    # A room without a code has no wrong codes to count.
    open_room = Room(code=None, max_sessions=5)
    for _ in range(MAX_WRONG_CODES + 1):
        assert isinstance(open_room.sign_in("甲", "一科", "x", NOW, "10.0.0.2"), Seat)


def test_after_a_lock_ends_the_wrong_codes_still_in_the_window_count() -> None:
    room = Room(code="246810", max_sessions=5)
    times = [NOW + timedelta(minutes=m) for m in (0, 1, 2, 3, 4)]
    results = [room.sign_in("甲", "一科", "1", at, "a") for at in times]
    assert results[-1] is Refusal.TOO_MANY_TRIES
    # At 5:00 the first wrong code has left the window: the lock ends, four remain in it,
    # so one more wrong code locks again until the second one's window ends (6:00).
    again = NOW + timedelta(minutes=5)
    assert room.sign_in("甲", "一科", "1", again, "a") is Refusal.TOO_MANY_TRIES
    assert room.locked_until("a", again) == NOW + timedelta(minutes=6)


def test_names_are_cleaned_and_profiles_normalised() -> None:
    room = Room(code=None, max_sessions=5)
    seat = room.sign_in("  Alice   Wang ", " 财政局 ", "", NOW)
    assert isinstance(seat, Seat)
    assert (seat.name, seat.department, seat.profile) == ("Alice Wang", "财政局", "alice wang")
    assert room.sign_in(" ", "财政局", "", NOW) is Refusal.NAME_MISSING
    assert room.sign_in("王小明", "", "", NOW) is Refusal.DEPARTMENT_MISSING
    assert room.sign_in("王\x1b[31m小明", "财政局", "", NOW) is Refusal.NAME_INVALID
    assert room.sign_in("王小明", "财\u202e政局", "", NOW) is Refusal.DEPARTMENT_INVALID
    assert room.sign_in("王" * 41, "财政局", "", NOW) is Refusal.NAME_INVALID
    assert clean_field("e\u0301") == "é"  # NFC


def test_the_cap_counts_live_sessions_and_a_reload_replaces_its_own() -> None:
    room = Room(code=None, max_sessions=2)
    first = room.sign_in("甲", "一科", "", NOW)
    second = room.sign_in("乙", "二科", "", NOW)
    assert isinstance(first, Seat) and isinstance(second, Seat)
    room.opened(first)
    room.opened(second)
    assert room.full
    assert room.sign_in("丙", "三科", "", NOW) is Refusal.FULL
    assert room.may_open(first)  # a reload of a live page needs no new place
    room.closed(second, NOW)
    assert second.left_at == NOW and not room.full
    assert isinstance(room.sign_in("丙", "三科", "", NOW), Seat)


def test_room_codes_are_six_digits_and_compared_loosely() -> None:
    codes = {new_room_code() for _ in range(50)}
    assert all(re.fullmatch(r"\d{6}", code) for code in codes)
    assert len(codes) > 40
    assert normalise_code(" ab-12 ３ ") == "AB123"
    with pytest.raises(ValueError):
        Room(code=" - ", max_sessions=1)


def test_loopback_and_the_addresses_to_give_the_room() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    assert room_urls("127.0.0.1", 8000, None) == ["http://127.0.0.1:8000/"]
    assert room_urls("0.0.0.0", 8000, "https://room.example/") == ["https://room.example/"]
    wildcard = room_urls("0.0.0.0", 8123, None)
    assert wildcard and all(u.startswith("http://") and u.endswith(":8123/") for u in wildcard)
    assert not any("0.0.0.0" in u for u in wildcard)


def test_a_session_command_quotes_the_name_as_data(tmp_path: Path) -> None:
    seat = Seat("t", "o'neil; rm -rf ~ $(x)", "O'Neil; rm -rf ~ $(x)", "科", NOW)
    command = SessionCommand(tmp_path / "g.toml", "zh", tmp_path / "p.sqlite", tmp_path / "e.toml")
    line = command.shell(seat)
    assert line.startswith("exec ")
    argv = shlex.split(line.removeprefix("exec "))
    assert argv[0] == sys.executable
    assert argv[argv.index("--profile") + 1] == seat.profile
    browse = SessionCommand(tmp_path / "g.toml", "zh", "x.sqlite").argv(seat)
    assert browse[browse.index("browse") :] == [
        "browse",
        "--profile",
        seat.profile,
        "--db",
        "x.sqlite",
        "--served",
    ]


def test_every_session_command_is_one_the_command_line_accepts(tmp_path: Path) -> None:
    from carbon_glossary.cli import build_parser

    seat = Seat("t", "王小明", "王小明", "科", NOW)
    for paper in (None, tmp_path / "e.toml"):
        argv = SessionCommand(tmp_path / "g.toml", "en", tmp_path / "p.sqlite", paper).argv(seat)
        args = build_parser().parse_args(argv[3:])  # after "python -m carbon_glossary"
        assert (args.profile, args.db, args.lang) == ("王小明", str(tmp_path / "p.sqlite"), "en")
        # The tab's app keeps nothing in the trainer's settings file (QA findings 2, item 21).
        assert paper is not None or args.served


def _record(profile: str, question: int, attempt: str, at: datetime) -> AnswerRecord:
    return AnswerRecord(
        profile=profile,
        term_id="tan-da-feng",
        term_text="碳达峰",
        category="核心概念",
        kind="term-def",
        mode="exam",
        given="A",
        correct=question % 2 == 0,
        elapsed_ms=1000,
        answered_at=at,
        exam_id="paper1",
        exam_title="测验",
        attempt_id=attempt,
        question=question,
    )


def _start(store: ProgressStore, profile: str, attempt: str, at: datetime) -> None:
    """A sitting begun in a browser, as the app records it the moment it starts."""
    store.start_attempt(
        Attempt(
            attempt_id=attempt,
            exam_id="paper1",
            exam_title="测验",
            profile=profile,
            display_name=profile,
            department="",
            started_at=at,
            time_limit_s=None,
            handed_in_at=None,
            source="browser",
        )
    )


def _hand_in(store: ProgressStore, profile: str, attempt: str, score: int, at: datetime) -> None:
    """Handing in, as the sitting writes it: the result, and the sitting closed."""
    started = next(a.started_at for a in store.attempts(profile=profile) if a.attempt_id == attempt)
    store.record_exam_result(
        ExamResult(
            profile=profile,
            exam_id="paper1",
            exam_title="测验",
            attempt_id=attempt,
            score=score,
            max_score=4,
            pass_mark=3,
            passed=score >= 3,
            started_at=started,
            finished_at=at,
        )
    )
    store.hand_in(attempt, at)


def test_the_trainers_view_reads_how_far_each_person_got(tmp_path: Path) -> None:
    room = Room(code=None, max_sessions=5)
    wang = room.sign_in("王小明", "发改局", "", NOW)
    li = room.sign_in("李华", "财政局", "", NOW + timedelta(seconds=1))
    zhao = room.sign_in("赵六", "办公室", "", NOW + timedelta(seconds=2))
    assert isinstance(wang, Seat) and isinstance(li, Seat) and isinstance(zhao, Seat)
    room.opened(li)
    yesterday = NOW - timedelta(days=1)
    with open_store(tmp_path / "p.sqlite") as store:
        # Wang sat and handed in the paper before signing in today: that sitting does not count.
        _start(store, "王小明", "old", yesterday)
        store.record_answer(_record("王小明", 1, "old", yesterday))
        _hand_in(store, "王小明", "old", 1, yesterday + timedelta(minutes=5))
        _start(store, "李华", "s1", NOW + timedelta(minutes=1))
        for question in (1, 2, 3):
            store.record_answer(_record("李华", question, "s1", NOW + timedelta(minutes=1)))
        store.record_answer(_record("李华", 2, "s1", NOW + timedelta(minutes=2)))  # changed
        _start(store, "赵六", "s2", NOW + timedelta(minutes=1))
        for question in (1, 2):
            store.record_answer(_record("赵六", question, "s2", NOW + timedelta(minutes=1)))
        for question in (3, 4):  # left open, written blank at hand-in
            blank = replace(_record("赵六", question, "s2", NOW + timedelta(minutes=3)), given="")
            store.record_answer(blank)
        _hand_in(store, "赵六", "s2", 1, NOW + timedelta(minutes=3))
        rows = room_rows(store, list(room.seats.values()), "paper1", 4)
    assert [(r.name, r.online, r.answered, r.handed_in, r.score_percent) for r in rows] == [
        ("王小明", False, 0, False, None),
        ("李华", True, 3, False, None),
        ("赵六", False, 2, True, 25.0),
    ]
    text = "\n".join(table_lines(rows, exam=True))
    assert "3 人登记，1 人在线，1 人已交卷" in text
    assert "李华" in text and "3/4" in text and "2/4" in text and "已交卷 25.0%" in text


def test_one_person_signed_in_twice_is_one_row_with_the_sitting_they_carry_on(
    tmp_path: Path,
) -> None:
    """QA finding 12: 陈一 answered 2 questions in one browser, closed it, and signed in
    again from another as `` 陈一 ``; the app carried the sitting on, but the room listed
    two 陈一, the live one at 0/20. The room keys people as the store keys sittings."""
    room = Room(code=None, max_sessions=5)
    first = room.sign_in("陈一", "财政局", "", NOW)
    assert isinstance(first, Seat)
    room.opened(first)
    with open_store(tmp_path / "p.sqlite") as store:
        _start(store, "陈一", "s1", NOW + timedelta(minutes=1))
        for question in (1, 2):
            store.record_answer(_record("陈一", question, "s1", NOW + timedelta(minutes=2)))
        room.closed(first, NOW + timedelta(minutes=3))
        later = NOW + timedelta(minutes=5)
        second = room.sign_in("  陈一 ", "财政局", "", later)
        assert isinstance(second, Seat) and second.profile == first.profile
        room.opened(second)
        # Latin names fold case as the store's profile ids do; a new name is a new row.
        alice = room.sign_in("Alice  Wang", "办公室", "", later)
        again = room.sign_in("alice wang ", "发改局", "", later + timedelta(seconds=1))
        assert isinstance(alice, Seat) and isinstance(again, Seat)
        room.opened(alice)
        rows = room_rows(store, list(room.seats.values()), "paper1", 20)
    assert [(r.name, r.department, r.online, r.answered) for r in rows] == [
        ("陈一", "财政局", True, 2),
        ("alice wang", "发改局", True, 0),  # as last given; online from the first browser
    ]
    assert re.search(r"陈一\s+财政局\s+在线\s+2/20", "\n".join(table_lines(rows, exam=True)))
    assert "2 人登记，2 人在线" in "\n".join(table_lines(rows, exam=True))


def test_a_sitting_left_open_before_the_room_is_the_one_shown_and_a_new_one_after_hand_in(
    tmp_path: Path,
) -> None:
    """The row shows the sitting the person's app carries on, even one begun before they
    signed in (yesterday's, interrupted); once handed in, the result; then a new sitting."""
    room = Room(code=None, max_sessions=5)
    seat = room.sign_in("陈一", "财政局", "", NOW)
    assert isinstance(seat, Seat)
    with open_store(tmp_path / "p.sqlite") as store:
        _start(store, "陈一", "s1", NOW - timedelta(days=1))
        store.record_answer(_record("陈一", 1, "s1", NOW - timedelta(days=1)))
        (row,) = room_rows(store, [seat], "paper1", 4)
        assert (row.answered, row.handed_in) == (1, False)
        store.record_answer(_record("陈一", 2, "s1", NOW + timedelta(minutes=1)))
        _hand_in(store, "陈一", "s1", 2, NOW + timedelta(minutes=2))
        (row,) = room_rows(store, [seat], "paper1", 4)
        assert (row.answered, row.handed_in, row.score_percent) == (2, True, 50.0)
        _start(store, "陈一", "s2", NOW + timedelta(minutes=3))
        (row,) = room_rows(store, [seat], "paper1", 4)
        assert (row.answered, row.handed_in) == (0, False)
        # Without a paper (the browser only), who is there and nothing else.
        (row,) = room_rows(None, [seat], None, 0)
        assert (row.name, row.answered, row.handed_in) == ("陈一", 0, False)


def _server(tmp_path: Path, room: Room) -> RoomServer:
    return RoomServer(
        SessionCommand(tmp_path / "g.toml", "zh", tmp_path / "p.sqlite"),
        room,
        host="127.0.0.1",
        port=0,
        public_url=None,
        idle_minutes=30,
        title="培训",
    )


async def test_the_door_over_http(tmp_path: Path) -> None:
    room = Room(code="246810", max_sessions=1)
    server = _server(tmp_path, room)
    async with TestClient(TestServer(server.make_app())) as client:
        page = await client.get("/")
        html = await page.text()
        assert page.status == 200
        assert "default-src 'self'" in page.headers["Content-Security-Policy"]
        # The fields in the order, and nothing fetched from anywhere else.
        assert html.index('id="name"') < html.index('id="department"') < html.index('id="code"')
        assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html)
        assert "googleapis" not in html

        wrong = await client.post(
            "/", data={"name": "张三", "department": "办公室", "code": "1"}, allow_redirects=False
        )
        assert wrong.status == 403
        assert COOKIE not in wrong.cookies
        assert "房间码不对" in await wrong.text()
        assert (await client.get("/ws")).status == 403
        assert room.seats == {}

        # Text typed into the form comes back escaped, never as markup.
        bad = await client.post("/", data={"name": "<b>x</b>", "department": "", "code": "246810"})
        assert bad.status == 400
        assert "&lt;b&gt;x&lt;/b&gt;" in await bad.text()

        right = await client.post(
            "/",
            data={"name": "王小明", "department": "发改局", "code": "246810"},
            allow_redirects=False,
        )
        assert right.status == 303
        assert COOKIE in right.cookies
        app_page = await (await client.get("/")).text()
        assert 'class="textual-terminal"' in app_page and "王小明" in app_page

        # The trainer's page: only with the key printed in the serving terminal.
        assert (await client.get("/room")).status == 403
        assert (await client.get("/room", params={"key": "guess"})).status == 403
        trainer = await client.get("/room", params={"key": server.trainer_key})
        listing = await trainer.text()
        assert trainer.status == 200
        assert "王小明" in listing and "发改局" in listing and "1 人登记，0 人在线" in listing

        (seat,) = room.seats.values()
        room.opened(seat)  # the one place is taken
        full = await client.post("/", data={"name": "李华", "department": "财", "code": "246810"})
        assert full.status == 503
        assert "请稍候" in await full.text()


async def test_the_trainers_page_shows_a_score_with_one_decimal_as_the_report(
    tmp_path: Path,
) -> None:
    """The room list's 已交卷 figure is the report's per-cent rule (one decimal: a paper with a
    matching question scores in thirds), on the page as in the serving terminal."""
    server = _server(tmp_path, Room(code=None, max_sessions=5))
    row = RoomRow("赵六", "财政局", False, 3, 3, True, 200 / 3)
    server.exam_id = "paper1"
    server.rows = lambda: [row]  # type: ignore[method-assign]
    async with TestClient(TestServer(server.make_app())) as client:
        page = await (await client.get("/room", params={"key": server.trainer_key})).text()
    assert "已交卷 66.7%" in page
    assert "已交卷 66.7%" in "\n".join(table_lines([row], exam=True))


async def test_every_refusal_and_error_is_a_page_in_the_interface_language(
    tmp_path: Path,
) -> None:
    """QA finding 14: a wrong trainer's key got a bare ``403: Forbidden``. Every status the
    server answers with is our page, saying what is wrong in Chinese (English on request),
    with the status (and Allow/Retry-After) unchanged."""
    room = Room(code=None, max_sessions=5)
    server = _server(tmp_path, room)

    def broken() -> list[object]:
        raise RuntimeError("the store went away")

    async with TestClient(TestServer(server.make_app())) as client:
        expected = [
            ("GET", "/room?key=guess", 403, "密钥不对：请用老师终端里显示的完整地址"),
            ("GET", "/room", 403, "密钥不对"),
            ("GET", "/ws", 403, "还没有登记，不能进入"),
            ("GET", "/nowhere", 404, "没有这个页面"),
            ("GET", "/download/nothing", 404, "没有这个页面"),
            ("GET", "/static/nothing.js", 404, "没有这个页面"),
            ("PUT", "/", 405, "这个地址不能这样打开"),
        ]
        for method, path, status, words in expected:
            response = await client.request(method, path)
            html = await response.text()
            assert response.status == status, path
            assert words in html, path
            assert '<html lang="zh-CN">' in html and 'id="error"' in html, path
            assert not re.search(r"Forbidden|Not Found|Not Allowed|not found", html), path
            assert response.headers["Content-Type"].startswith("text/html"), path
        script = await client.get("/static/js/textual.js")
        assert script.status == 200 and "javascript" in script.headers["Content-Type"]
        outside = await client.get("/static/%2E%2E/%2E%2E/textual_serve/server.py")
        assert outside.status == 404 and "没有这个页面" in await outside.text()
        response = await client.put("/")
        assert "GET" in response.headers["Allow"] and "POST" in response.headers["Allow"]
        # A failure inside a handler: a page, not aiohttp's "Server got itself in trouble".
        server.rows = broken  # type: ignore[assignment,method-assign]
        failed = await client.get("/room", params={"key": server.trainer_key})
        assert failed.status == 500
        assert "服务器出错了" in await failed.text()
        i18n.set_language("en")
        english = await client.get("/room", params={"key": "guess"})
        assert english.status == 403
        assert "Wrong key" in await english.text()


async def test_too_many_wrong_codes_over_http_get_429_and_one_line_in_the_log(
    tmp_path: Path,
) -> None:
    room = Room(code="246810", max_sessions=5)
    server = _server(tmp_path, room)
    said: list[str] = []
    server.say = said.append  # type: ignore[method-assign]
    async with TestClient(TestServer(server.make_app())) as client:
        form = {"name": "张三", "department": "办公室", "code": "000000"}
        statuses = []
        for _ in range(MAX_WRONG_CODES + 2):
            response = await client.post("/", data=form, allow_redirects=False)
            statuses.append(response.status)
        assert statuses == [403] * (MAX_WRONG_CODES - 1) + [429] * 3
        html = await response.text()
        assert "房间码输错的次数太多" in html and "向培训老师确认房间码" in html
        assert 'id="code"' in html  # the form again
        assert 0 < int(response.headers["Retry-After"]) <= 300
        # The right code from the locked address does not get in either.
        right = await client.post("/", data={**form, "code": "246810"}, allow_redirects=False)
        assert right.status == 429
        assert COOKIE not in right.cookies and room.seats == {}
    lockouts = [line for line in said if "输错 5 次" in line]
    assert len(lockouts) == 1
    assert "127.0.0.1" in lockouts[0]


class _Command:
    """A session command for the tests: a small program instead of the glossary app."""

    def __init__(self, line: str) -> None:
        self.line = line

    def shell(self, seat: Seat) -> str:
        return self.line


_TEXTUAL_APP = (
    "from textual.app import App\n"
    "from textual.widgets import Label\n"
    "class Tiny(App[None]):\n"
    "    def compose(self):\n"
    "        yield Label('你好')\n"
    "Tiny().run()\n"
)


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


async def _signed_in_socket(client: TestClient, room: Room, **query: int) -> tuple[Seat, object]:
    await client.post("/", data={"name": "王小明", "department": "发改局", "code": ""})
    (seat,) = room.seats.values()
    ws = await client.ws_connect("/ws", params={"width": 80, "height": 24, **query})
    return seat, ws


async def _children(server: RoomServer) -> list[int]:
    import asyncio

    for _ in range(100):
        pids = [p for live in server.live if (p := _pid(live)) is not None]
        if pids:
            return pids
        await asyncio.sleep(0.1)
    raise AssertionError("no app started")


def _pid(live: object) -> int | None:
    process = getattr(getattr(live, "service", None), "_process", None)
    return None if process is None else int(process.pid)


async def test_the_trainer_is_told_in_the_third_person_when_a_sitting_is_carried_on(
    tmp_path: Path,
) -> None:
    """QA finding 13: the student's "接着考你 …" reached the trainer's terminal (textual-serve
    prints an app's stderr there). The person is told in their tab; the trainer gets one
    line naming them, from the store, before their app starts."""
    import asyncio

    db = tmp_path / "p.sqlite"
    started = datetime.now().astimezone().replace(hour=15, minute=44, second=0, microsecond=0)
    with open_store(db) as store:
        _start(store, "陈一", "s1", started)
        for question in (1, 2):
            store.record_answer(_record("陈一", question, "s1", started))
        store.record_answer(replace(_record("陈一", 3, "s1", started), given=""))  # blank
    room = Room(code=None, max_sessions=5)
    server = _server(tmp_path, room)
    server.exam_id = "paper1"
    server.open_store = lambda: open_store(db)
    server.session_command = _Command("exec true")  # type: ignore[assignment]
    said: list[str] = []
    server.say = said.append  # type: ignore[method-assign]
    async with TestClient(TestServer(server.make_app())) as client:
        for name, department in (("李华", "发改局"), ("  陈一 ", "财政局")):
            await client.post("/", data={"name": name, "department": department, "code": ""})
            ws = await client.ws_connect("/ws", params={"width": 80, "height": 24})
            await ws.close()
            for _ in range(100):  # the session has ended on the server too
                if any(line.startswith("已离开：" + name.strip()) for line in said):
                    break
                await asyncio.sleep(0.1)
            client.session.cookie_jar.clear()
    assert "陈一（财政局）接着考 15:44 开始的试卷（已答 2 题）" in said
    assert not [line for line in said if "李华" in line and "接着考" in line]  # a new sitting
    assert not [line for line in said if "接着考你" in line]


async def test_a_person_who_has_used_up_the_paper_reads_why_on_their_page_and_no_app_starts(
    tmp_path: Path,
) -> None:
    """The app would refuse them on stderr and end, which textual-serve prints in the
    trainer's terminal while the person's tab shows nothing: the server asks the store
    first, shows the person the reason, and tells the trainer in the third person."""
    db = tmp_path / "p.sqlite"
    with open_store(db) as store:
        _start(store, "陈一", "s1", NOW)
        _hand_in(store, "陈一", "s1", 3, NOW + timedelta(minutes=5))
    room = Room(code=None, max_sessions=5)
    server = _server(tmp_path, room)
    server.exam_id, server.attempts = "paper1", 1
    server.open_store = lambda: open_store(db)
    server.session_command = _Command("exec sleep 600")  # type: ignore[assignment]
    said: list[str] = []
    server.say = said.append  # type: ignore[method-assign]
    async with TestClient(TestServer(server.make_app())) as client:
        form = {"name": "陈一", "department": "财政局", "code": ""}
        await client.post("/", data=form, allow_redirects=False)
        page = await client.get("/")
        assert page.status == 403
        html = await page.text()
        assert "陈一 已参加这份试卷 1 次，每人最多 1 次，不能再参加" in html
        assert 'class="textual-terminal"' not in html
        assert (await client.get("/ws")).status == 403
        assert server.live == []
        client.session.cookie_jar.clear()
        # Someone who has not sat it gets the app's page.
        await client.post("/", data={**form, "name": "李华"}, allow_redirects=False)
        assert 'class="textual-terminal"' in await (await client.get("/")).text()
    assert said.count("陈一（财政局）已参加这份试卷 1 次（每人最多 1 次），未能进入") == 1


def test_the_trainers_times_are_the_clock_today_and_a_date_otherwise() -> None:
    now = datetime(2026, 11, 30, 16, 0).astimezone()
    assert clock_time(now.replace(hour=15, minute=44), now) == "15:44"
    assert clock_time(now - timedelta(days=1), now) == "2026-11-29 16:00"


async def test_an_idle_session_is_closed_and_its_app_ends(tmp_path: Path) -> None:
    import asyncio

    room = Room(code=None, max_sessions=5)
    server = _server(tmp_path, room)
    server.session_command = _Command(
        f"exec {shlex.quote(sys.executable)} -c {shlex.quote(_TEXTUAL_APP)}"
    )  # type: ignore[assignment]
    server.idle_s = 2.0
    async with TestClient(TestServer(server.make_app())) as client:
        seat, ws = await _signed_in_socket(client, room)
        (pid,) = await _children(server)
        assert seat.live == 1
        # No key pressed: within the idle time and one check of the watcher, it is closed
        # (under heavy load that can come before the app's first frame: idle is idle).
        while not ws.closed:  # type: ignore[attr-defined]
            await asyncio.wait_for(ws.receive(), 30)  # type: ignore[attr-defined]
        for _ in range(100):
            if not _alive(pid) and seat.live == 0:
                break
            await asyncio.sleep(0.1)
        assert not _alive(pid)
        assert seat.live == 0


async def test_an_app_that_will_not_quit_is_killed_when_its_tab_closes(tmp_path: Path) -> None:
    import asyncio

    room = Room(code=None, max_sessions=5)
    server = _server(tmp_path, room)
    server.session_command = _Command("exec sleep 600")  # type: ignore[assignment]
    async with TestClient(TestServer(server.make_app())) as client:
        seat, ws = await _signed_in_socket(client, room)
        (pid,) = await _children(server)
        await ws.close()  # type: ignore[attr-defined]
        for _ in range(150):  # the grace time (5 s), then the kill
            if not _alive(pid):
                break
            await asyncio.sleep(0.1)
        assert not _alive(pid)
        for _ in range(50):
            if seat.live == 0:
                break
            await asyncio.sleep(0.1)
        assert seat.live == 0


def test_the_room_report_names_a_served_sitting_as_the_person_signed_in(tmp_path: Path) -> None:
    """A served exam's sitting knows only the profile id; the report takes the name and
    department the person gave at the door, saved with the profile at sign-in."""
    from carbon_glossary.core.cache import load_glossary_cached
    from carbon_glossary.core.paper import build_paper, load_paper
    from carbon_glossary.session.decks import exam_id_for
    from carbon_glossary.session.report import sittings_from_store
    from carbon_glossary.store import Attempt

    root = Path(__file__).resolve().parents[2]
    glossary = load_glossary_cached(root / "glossary.toml")
    paper = build_paper(glossary, load_paper(root / "papers" / "example.toml", glossary))
    exam_id = exam_id_for(paper)
    with open_store(tmp_path / "p.sqlite") as store:
        for profile, attempt_id in (("alice wang", "a1"), ("赵六", "a2")):
            store.start_attempt(
                Attempt(
                    attempt_id=attempt_id,
                    exam_id=exam_id,
                    exam_title=paper.title,
                    profile=profile,
                    display_name=profile,
                    department="",
                    started_at=NOW,
                    time_limit_s=None,
                    handed_in_at=None,
                    source="screen",
                )
            )
        store.save_profile("alice wang", "Alice Wang", "财政局")  # as RoomServer does
        sittings = {s.profile: s for s in sittings_from_store(store, paper, exam_id)}
    assert (sittings["alice wang"].name, sittings["alice wang"].department) == (
        "Alice Wang",
        "财政局",
    )
    assert (sittings["赵六"].name, sittings["赵六"].department) == ("赵六", "")  # nothing saved
