"""The room's web server: textual-serve's :class:`~textual_serve.server.Server`, with a door.

textual-serve starts one app process per browser websocket. This subclass adds what a
training room needs around that:

- its own page (``templates/room.html``): no font CDN or any other request off the server,
  CJK text in the browser's local fonts, title and loading text in the interface language;
- a sign-in form before anything starts (姓名, 部门, 房间码): a POST to ``/`` checks it
  (:class:`~carbon_glossary.serve.room.Room`) and sets a seat cookie; the websocket starts an
  app only for a seat, under that person's profile; a wrong code gets no cookie and no process;
- a limit on guessing the code: an address locked for too many wrong codes gets 429;
- a cap on live sessions, an idle timeout, and a kill for an app that does not quit;
- with a paper, the store asked before a person's app starts, as the app will ask it: a
  person who has used up the paper's sittings reads why on the page, and no app starts
  (it would refuse them on stderr, which is the trainer's terminal);
- the trainer's view, printed in the serving terminal as people come, work and leave,
  in the third person (``陈一（财政局）接着考 15:44 开始的试卷``). textual-serve copies what an
  app writes on stderr into this terminal when the app ends, so a session's app tells its
  person things on their screen, never on stderr;
- every refusal and error as our page, in the interface language, with its HTTP status.

The routes are built here (:meth:`RoomServer.make_app`) rather than by textual-serve,
which has no public way to add the sign-in POST; the handlers are Server's public ones
where they fit (``handle_download``), and ours where they do not (index, websocket).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import secrets
import shlex
import socket
import subprocess
import sys
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from carbon_glossary import i18n
from carbon_glossary.i18n import t
from carbon_glossary.serve.room import (
    MAX_FIELD,
    MAX_WRONG_CODES,
    Refusal,
    Room,
    RoomRow,
    Seat,
    room_rows,
)
from carbon_glossary.session.sitter import Admission, Sitter, admit

if TYPE_CHECKING:
    from carbon_glossary.session.decks import ResumedSitting
    from carbon_glossary.store.location import StoreLocation

__all__ = ["RoomServer", "SessionCommand", "clock_time", "room_urls"]

log = logging.getLogger("carbon_glossary.serve")

COOKIE = "cg_seat"
TEMPLATES = Path(__file__).parent / "templates"
TEXTUAL_SERVE_STATIC = Path(textual_serve.__file__).parent / "static"
STOP_GRACE_S = 5.0
"""How long a session's app gets to quit after its tab closed, before it is killed."""
REPORT_EVERY_S = 15.0
"""How often the trainer's table is printed again, when something changed."""

# No request leaves the server: the page, its script, styles and fonts are all ours.
_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)


_ERROR_MESSAGES = {
    400: "serve.http.bad_request",
    403: "serve.http.forbidden",
    404: "serve.http.not_found",
    405: "serve.http.method",
    413: "serve.http.too_large",
    500: "serve.http.failed",
    503: "serve.http.full",
}
"""What an error page says, by HTTP status; any other status gets ``serve.http.other``."""


@dataclass(frozen=True, slots=True)
class SessionCommand:
    """What one browser session runs: this Python, this program, with the room's options."""

    glossary: Path
    lang: str
    db: StoreLocation
    paper: Path | None = None

    def argv(self, seat: Seat) -> list[str]:
        base = [sys.executable, "-m", "carbon_glossary", "--lang", self.lang]
        base += ["--glossary", str(self.glossary)]
        whose = ["--profile", seat.profile, "--db", str(self.db)]
        if self.paper is None:
            # The browser's study rounds are the person's; its language and 简/繁 choices
            # are the tab's own, never written to the trainer's settings file (--served).
            return [*base, "browse", *whose, "--served"]
        return [*base, "exam", str(self.paper), *whose]

    def shell(self, seat: Seat) -> str:
        """The command line textual-serve hands to the shell, every word quoted (a name is
        data, never shell syntax); ``exec`` so the app is the shell's own process and
        nothing is left behind when it ends."""
        argv = self.argv(seat)
        if os.name == "nt":
            return subprocess.list2cmdline(argv)
        return "exec " + shlex.join(argv)


@dataclass
class _Live:
    """A running session: its seat, its socket, and when its person last typed or clicked."""

    seat: Seat
    websocket: web.WebSocketResponse
    service: AppService
    last_input: float
    idle_closed: bool = False


@dataclass
class _View:
    """What the trainer was last shown, so the table is printed again only when it changed."""

    rows: list[RoomRow] = field(default_factory=list)


def room_urls(host: str, port: int, public_url: str | None) -> list[str]:
    """The addresses to give the room: the public URL when one is given; for a wildcard
    bind, this machine's own addresses (found without sending anything); else the host."""
    if public_url:
        return [public_url.rstrip("/") + "/"]
    if host in ("0.0.0.0", "::", ""):
        addresses: set[str] = set()
        with contextlib.suppress(OSError):
            for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
                addresses.add(str(info[4][0]))
        with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            # A UDP "connect" only picks the outgoing interface; no packet is sent.
            s.connect(("192.0.2.1", 9))
            addresses.add(s.getsockname()[0])
        addresses = {a for a in addresses if not a.startswith("127.")} or {"127.0.0.1"}
        return [f"http://{a}:{port}/" for a in sorted(addresses)]
    shown = f"[{host}]" if ":" in host else host
    return [f"http://{shown}:{port}/"]


class RoomServer(Server):
    """textual-serve's server with a sign-in door, a cap, an idle timeout and a trainer's view."""

    def __init__(
        self,
        command: SessionCommand,
        room: Room,
        *,
        host: str,
        port: int,
        public_url: str | None,
        idle_minutes: float,
        exam_id: str | None = None,
        exam_title: str | None = None,
        questions: int = 0,
        attempts: int | None = None,
        open_store: Callable[[], Any] | None = None,
        table: Callable[[Sequence[RoomRow], bool], list[str]] | None = None,
        title: str = "",
    ) -> None:
        super().__init__(
            command="carbon-glossary",
            host=host,
            port=port,
            title=title,
            public_url=public_url,
            statics_path=TEXTUAL_SERVE_STATIC,
            templates_path=TEMPLATES,
        )
        self.session_command = command
        self.room = room
        self.idle_s = idle_minutes * 60
        self.exam_id = exam_id
        self.exam_title = exam_title
        self.questions = questions
        self.attempts = attempts
        """The paper's sittings per person (None: no limit)."""
        self.open_store = open_store
        self.table = table
        self.given_public_url = public_url
        self.trainer_key = secrets.token_urlsafe(12)
        """Opens the trainer's page (``/room?key=…``), printed only in the serving terminal."""
        self.live: list[_Live] = []
        self._view = _View()
        self._tasks: list[asyncio.Task[None]] = []
        self.templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True
        )

    # --- the web application ---

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._error_pages])
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.post("/", self.handle_sign_in, name="sign_in"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/room", self.handle_room, name="room"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.get("/static/{path:.+}", self.handle_static, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C (or SIGTERM); every session is closed on the way out."""
        self.debug = debug
        self.initialize_logging()
        web.run_app(
            self.make_app(),
            host=self.host,
            port=self.port,
            access_log=None,  # the terminal is the trainer's view, not a request log
            print=lambda *args: None,
            shutdown_timeout=STOP_GRACE_S,
        )

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        self.say(t("serve.started", count=self.room.max_sessions))
        for url in room_urls(self.host, self.port, self.given_public_url):
            self.say("  " + url)
        if self.room.code is not None:
            self.say(t("serve.code", code=self.room.code))
        if self.exam_title is not None:
            self.say(t("serve.exam", title=self.exam_title, count=self.questions))
        first = room_urls(self.host, self.port, self.given_public_url)[0]
        self.say(t("serve.trainer_page", url=f"{first}room?key={self.trainer_key}"))
        self.say(t("serve.stop_hint"))
        self._tasks.append(asyncio.create_task(self._watch()))

    async def on_shutdown(self, app: web.Application) -> None:
        for task in self._tasks:
            task.cancel()
        for live in list(self.live):
            with contextlib.suppress(Exception):
                await live.websocket.close()

    def say(self, text: str) -> None:
        """One line to the trainer's terminal (text from people is plain: see
        :func:`~carbon_glossary.serve.room.clean_field`)."""
        print(text, flush=True)

    # --- pages ---

    def _page(self, view: str, status: int = 200, **context: Any) -> web.Response:
        template = self.templates.get_template("room.html")
        html = template.render(
            view=view,
            lang="zh-CN" if i18n.get_language() == "zh" else "en",
            title=t("serve.page.title"),
            heading=self.title,
            t=t,
            code_asked=self.room.code is not None,
            max_field=MAX_FIELD,
            base=self._base(),
            static=self._base() + "static/",
            websocket=self._websocket_url(),
            **context,
        )
        response = web.Response(text=html, content_type="text/html", status=status)
        response.headers["Content-Security-Policy"] = _CSP
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @web.middleware
    async def _error_pages(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Every refusal and error the server answers with (a wrong trainer's key, an
        unknown address, a socket without a seat, a download that is gone, a failure)
        is our page saying what is wrong in the interface language, with the same HTTP
        status and headers (``Allow``, ``Retry-After``) as aiohttp's plain-text one."""
        try:
            return await handler(request)
        except web.HTTPException as error:
            if error.status < 400:
                raise
            page = self._error_page(error.status)
            for header in ("Allow", "Retry-After"):
                if header in error.headers:
                    page.headers[header] = error.headers[header]
            return page
        except Exception as error:
            log.exception(error)
            return self._error_page(500)

    def _error_page(self, status: int, message: str | None = None) -> web.Response:
        if message is None:
            key = _ERROR_MESSAGES.get(status)
            message = t(key) if key else t("serve.http.other", status=status)
        return self._page("error", status=status, error=message)

    def _base(self) -> str:
        """Where the page finds the server: relative to the page itself unless a public URL
        was given (so binding 0.0.0.0 works without one; textual-serve issue 42)."""
        if self.given_public_url:
            return self.given_public_url.rstrip("/") + "/"
        return "/"

    def _websocket_url(self) -> str:
        """The websocket's URL, or "" for the page to derive it from its own address."""
        if not self.given_public_url:
            return ""
        url = self.given_public_url.rstrip("/") + "/ws"
        return ("wss:" if url.startswith("https:") else "ws:") + url.split(":", 1)[1]

    async def handle_index(self, request: web.Request) -> web.Response:
        seat = self.room.seat_for(request.cookies.get(COOKIE))
        if seat is None:
            return self._page("sign_in")
        admission = await self._admission(seat)
        if admission is not None and admission.refused is not None:
            self._tell_refused(seat, admission)
            return self._error_page(403, admission.refused)
        return self._page("app", name=seat.name)

    async def handle_static(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's script, styles and fonts. Not ``web.static``: for a file that is
        not there it answers an empty 404 that no middleware sees, and this one says what
        is wrong (:meth:`_error_pages`), as every other page does."""
        root = Path(self.statics_path).resolve()
        try:
            path = (root / request.match_info["path"]).resolve(strict=True)
        except (OSError, RuntimeError):  # not there; a symlink loop
            raise web.HTTPNotFound() from None
        if not path.is_file() or not path.is_relative_to(root):
            raise web.HTTPNotFound()
        return web.FileResponse(path)

    async def handle_sign_in(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        name = str(form.get("name", ""))
        department = str(form.get("department", ""))
        code = str(form.get("code", ""))
        address = request.remote or "?"
        now = datetime.now().astimezone()
        was_locked = self.room.locked_until(address, now) is not None
        result = self.room.sign_in(name, department, code, now, address)
        if isinstance(result, Refusal):
            if result is Refusal.WRONG_CODE:
                self.say(t("serve.event.wrong_code", address=address))
            until = self.room.locked_until(address, now)
            if until is not None and not was_locked:  # the lockout is told once
                self.say(
                    t(
                        "serve.event.locked_out",
                        address=address,
                        count=MAX_WRONG_CODES,
                        until=until.strftime("%H:%M:%S"),
                    )
                )
            status = {
                Refusal.WRONG_CODE: 403,
                Refusal.TOO_MANY_TRIES: 429,
                Refusal.FULL: 503,
            }.get(result, 400)
            page = self._page(
                "sign_in",
                status=status,
                error=t("serve.refused." + result.value, count=self.room.max_sessions),
                waiting=result is Refusal.FULL,
                code_wrong=result in (Refusal.WRONG_CODE, Refusal.TOO_MANY_TRIES),
                code=code if result is Refusal.FULL else "",
                name=name[:MAX_FIELD],
                department=department[:MAX_FIELD],
            )
            if until is not None:
                page.headers["Retry-After"] = str(max(1, math.ceil((until - now).total_seconds())))
            return page
        self.say(t("serve.event.signed_in", name=result.name, department=result.department))
        await self._save_profile(result)
        response = web.HTTPSeeOther("/")
        response.set_cookie(COOKIE, result.token, httponly=True, samesite="Strict", path="/")
        raise response

    async def _save_profile(self, seat: Seat) -> None:
        """Keep how the person is shown with their profile, for the report."""
        if self.open_store is None:
            return

        def save() -> None:
            assert self.open_store is not None
            with self.open_store() as store:
                store.save_profile(seat.profile, seat.name, seat.department)

        try:
            await asyncio.to_thread(save)
        except Exception as error:  # the sitting still works; the report shows the id
            self.say(t("serve.store_failed", reason=str(error)))

    async def handle_room(self, request: web.Request) -> web.Response:
        """The trainer's view as a page that refreshes itself: who is in, how far, handed in."""
        key = request.query.get("key", "")
        if not secrets.compare_digest(key.encode(), self.trainer_key.encode()):
            return self._error_page(403, t("serve.http.wrong_key"))
        rows = await asyncio.to_thread(self.rows)
        return self._page(
            "room",
            rows=rows,
            exam=self.exam_id is not None,
            online=sum(1 for r in rows if r.online),
            handed_in=sum(1 for r in rows if r.handed_in),
        )

    # --- sessions ---

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        seat = self.room.seat_for(request.cookies.get(COOKIE))
        if seat is None:
            raise web.HTTPForbidden()
        if not self.room.may_open(seat):
            raise web.HTTPServiceUnavailable()
        admission = await self._admission(seat)
        if admission is not None and admission.refused is not None:
            raise web.HTTPForbidden()  # the page said why; no app is started to say it again
        for old in [live for live in self.live if live.seat is seat]:
            await old.websocket.close()  # a reloaded page replaces its own session
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _int(request.query.get("width"), 80)
        height = _int(request.query.get("height"), 24)
        await websocket.prepare(request)

        async def close() -> None:
            await websocket.close()

        service = AppService(
            self.session_command.shell(seat),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        if admission is not None and admission.resume is not None:
            self._tell_resuming(seat, admission.resume)
        live = _Live(seat, websocket, service, asyncio.get_running_loop().time())
        self.room.opened(seat)
        self.live.append(live)
        try:
            await service.start(width, height)
            await self._relay(live)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            await self._stop(live)
            self.live.remove(live)
            self.room.closed(seat, datetime.now().astimezone())
            key = "serve.event.idle" if live.idle_closed else "serve.event.left"
            self.say(t(key, name=seat.name, department=seat.department))
        return websocket

    async def _admission(self, seat: Seat) -> Admission | None:
        """What the store says about this person and the room's paper, as their app will
        ask it (:func:`~carbon_glossary.session.sitter.admit`): a sitting to carry on, or
        a refusal when they have used up the paper's sittings. None without a paper, or
        when the store cannot be read (the app opens it and shows the person the problem)."""
        if self.open_store is None or self.exam_id is None:
            return None
        open_store, exam_id = self.open_store, self.exam_id
        sitter = Sitter(seat.profile, seat.name, seat.department)

        def read() -> Admission:
            with open_store() as store:
                return admit(store, sitter, exam_id, self.attempts)

        try:
            return await asyncio.to_thread(read)
        except Exception:
            return None

    def _tell_resuming(self, seat: Seat, resumed: ResumedSitting) -> None:
        """One line for the trainer, in the third person, when this person's app is about
        to carry on their interrupted sitting (the app tells the person, in their tab)."""
        self.say(
            t(
                "serve.event.resumed",
                name=seat.name,
                department=seat.department,
                started=clock_time(resumed.attempt.started_at),
                answered=resumed.answered,
            )
        )

    def _tell_refused(self, seat: Seat, admission: Admission) -> None:
        """One line for the trainer when a person who has used up the paper is refused
        (the person reads why on their page)."""
        self.say(
            t(
                "serve.event.over_limit",
                name=seat.name,
                department=seat.department,
                used=admission.used,
                limit=admission.limit,
            )
        )

    async def _relay(self, live: _Live) -> None:
        """Pass the browser's messages to the app, noting when the person last did something
        (keys and mouse: the page's own pings and resizes do not count)."""
        loop = asyncio.get_running_loop()
        async for message in live.websocket:
            if message.type != WSMsgType.TEXT:
                continue
            envelope = message.json()
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                live.last_input = loop.time()
                await live.service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await live.service.set_terminal_size(
                    _int(data.get("width"), 80), _int(data.get("height"), 24)
                )
            elif kind == "ping":
                await live.websocket.send_json(["pong", data])
            elif kind == "blur":
                await live.service.blur()
            elif kind == "focus":
                await live.service.focus()

    async def _stop(self, live: _Live) -> None:
        """Ask the app to quit; kill it if it has not within :data:`STOP_GRACE_S`."""
        try:
            await asyncio.wait_for(asyncio.shield(live.service.stop()), STOP_GRACE_S)
        except (TimeoutError, asyncio.CancelledError):
            # AppService has no public handle on its process; this is the one place that
            # needs it, so that a hung app never outlives its tab.
            process = getattr(live.service, "_process", None)
            if process is not None and process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()
        except Exception as error:
            log.exception(error)

    # --- the trainer's view ---

    async def _watch(self) -> None:
        """Every few seconds: close idle sessions; print the room's table when it changed."""
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(min(REPORT_EVERY_S, max(1.0, self.idle_s / 4)))
            now = loop.time()
            for live in list(self.live):
                if now - live.last_input >= self.idle_s:
                    live.idle_closed = True
                    await live.websocket.close()
            with contextlib.suppress(Exception):
                await self.print_table()

    async def print_table(self) -> None:
        rows = await asyncio.to_thread(self.rows)
        if rows == self._view.rows:
            return
        self._view.rows = rows
        if self.table is not None:
            for line in self.table(rows, self.exam_id is not None):
                self.say(line)

    def rows(self) -> list[RoomRow]:
        seats = list(self.room.seats.values())
        if self.open_store is None or self.exam_id is None:
            return room_rows(None, seats, None, 0)
        with self.open_store() as store:
            return room_rows(store, seats, self.exam_id, self.questions)


def clock_time(at: datetime, now: datetime | None = None) -> str:
    """``15:44`` for a time today (local time), ``2026-11-29 15:44`` for another day."""
    local = at.astimezone()
    today = (now or datetime.now()).astimezone().date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default
