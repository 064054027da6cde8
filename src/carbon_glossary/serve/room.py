"""Who may come into a served room, and who is in it: the rules, without a web server.

A person signs in with a name, a department and, when the room has one, the room code.
Signing in gives a *seat*: a secret token (kept in a browser cookie) that names the person
for the server, so that the app the server starts for that browser runs under the person's
profile. A seat holds at most one live session (a reloaded page replaces its own session);
the room holds at most ``max_sessions`` live sessions at once.

A six-digit code could be found by trying every value, so wrong codes are counted per client
address: after :data:`MAX_WRONG_CODES` wrong codes within :data:`WRONG_CODE_WINDOW`, that
address is refused, even with the right code, until the window that began with the first of
them has passed (at most :data:`MAX_WRONG_CODES` guesses in any such window).

:func:`room_rows` reads the trainer's view from the store: one row per person (keyed, as the
store keys sittings, by profile id, however many browsers they signed in from), how many of
the paper's questions they have answered in their sitting and whether it is handed in.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from carbon_glossary.core.people import MAX_FIELD, clean_field, profile_id
from carbon_glossary.core.text import percent_figure
from carbon_glossary.i18n import t
from carbon_glossary.session.exam import interrupted_sitting

if TYPE_CHECKING:
    from carbon_glossary.store import ProgressStore

__all__ = [
    "MAX_FIELD",
    "MAX_WRONG_CODES",
    "WRONG_CODE_WINDOW",
    "Refusal",
    "Room",
    "RoomRow",
    "Seat",
    "clean_field",
    "current_sitting",
    "new_room_code",
    "normalise_code",
    "room_rows",
]

_CODE_DIGITS = 6

MAX_WRONG_CODES = 5
"""How many wrong room codes one address may give within :data:`WRONG_CODE_WINDOW`."""
WRONG_CODE_WINDOW = timedelta(minutes=5)


class Refusal(StrEnum):
    """Why a sign-in was refused (the value is the message's catalogue key suffix)."""

    NAME_MISSING = "name_missing"
    NAME_INVALID = "name_invalid"
    DEPARTMENT_MISSING = "department_missing"
    DEPARTMENT_INVALID = "department_invalid"
    WRONG_CODE = "wrong_code"
    FULL = "full"
    TOO_MANY_TRIES = "too_many_tries"


def new_room_code() -> str:
    """A fresh room code: six digits, easy to read out and to type on any keyboard."""
    return "".join(str(secrets.randbelow(10)) for _ in range(_CODE_DIGITS))


def normalise_code(text: str) -> str:
    """A typed room code as compared: full-width digits and letters made plain (NFKC),
    spaces and dashes dropped, letters upper-cased (``12 34-56`` is ``123456``)."""
    return re.sub(r"[\s\-]+", "", unicodedata.normalize("NFKC", text)).upper()


@dataclass(slots=True)
class Seat:
    """One signed-in person; ``token`` is the secret their browser shows to the server."""

    token: str
    profile: str
    name: str
    department: str
    signed_in_at: datetime
    live: int = 0
    """How many sessions of this seat are running (0 or 1, briefly 2 while a reload
    replaces one)."""
    left_at: datetime | None = None


@dataclass
class Room:
    """The room's door: the code (None: no code asked), the session cap and the seats."""

    code: str | None
    max_sessions: int
    seats: dict[str, Seat] = field(default_factory=dict)
    wrong_codes: dict[str, list[datetime]] = field(default_factory=dict)
    """Per client address, when it gave a wrong code within the last window."""
    locks: dict[str, datetime] = field(default_factory=dict)
    """Per client address, until when it is refused."""

    def __post_init__(self) -> None:
        if self.max_sessions < 1:
            raise ValueError("max_sessions must be at least 1")
        if self.code is not None:
            self.code = normalise_code(self.code)
            if not self.code:
                raise ValueError("a room code must not be blank")

    @property
    def live_sessions(self) -> int:
        return sum(seat.live for seat in self.seats.values())

    @property
    def full(self) -> bool:
        return self.live_sessions >= self.max_sessions

    def locked_until(self, address: str, now: datetime) -> datetime | None:
        """Until when ``address`` is refused for too many wrong codes, or None if it is not."""
        until = self.locks.get(address)
        if until is None or until <= now:
            return None
        return until

    def _wrong_code(self, address: str, now: datetime) -> Refusal:
        """Count a wrong code from ``address``; the one that reaches the limit locks it."""
        self._forget(now)
        times = self.wrong_codes.setdefault(address, [])
        times.append(now)
        if len(times) < MAX_WRONG_CODES:
            return Refusal.WRONG_CODE
        self.locks[address] = times[-MAX_WRONG_CODES] + WRONG_CODE_WINDOW
        return Refusal.TOO_MANY_TRIES

    def _forget(self, now: datetime) -> None:
        """Drop wrong codes older than the window and locks that have ended."""
        since = now - WRONG_CODE_WINDOW
        for address, times in list(self.wrong_codes.items()):
            times[:] = [at for at in times if at > since]
            if not times:
                del self.wrong_codes[address]
        for address, until in list(self.locks.items()):
            if until <= now:
                del self.locks[address]

    def sign_in(
        self, name: str, department: str, code: str, now: datetime, address: str = ""
    ) -> Seat | Refusal:
        """A seat for this person, or why not. An address locked for too many wrong codes
        is refused first, whatever it sent; then the code is checked, so a wrong code learns
        nothing about the other fields; a full room says so before a seat is made.
        ``address`` is the client's (the wrong codes are counted per address)."""
        if self.locked_until(address, now) is not None:
            return Refusal.TOO_MANY_TRIES
        if self.code is not None and not secrets.compare_digest(
            normalise_code(code).encode(), self.code.encode()
        ):
            return self._wrong_code(address, now)
        clean_name = clean_field(name)
        if clean_name is None:
            return Refusal.NAME_INVALID
        if not clean_name:
            return Refusal.NAME_MISSING
        clean_department = clean_field(department)
        if clean_department is None:
            return Refusal.DEPARTMENT_INVALID
        if not clean_department:
            return Refusal.DEPARTMENT_MISSING
        if self.full:
            return Refusal.FULL
        seat = Seat(
            token=secrets.token_urlsafe(24),
            profile=profile_id(clean_name),
            name=clean_name,
            department=clean_department,
            signed_in_at=now,
        )
        self.seats[seat.token] = seat
        return seat

    def seat_for(self, token: str | None) -> Seat | None:
        """The seat a browser's token names, or None (no token, or not one of ours)."""
        if not token:
            return None
        return self.seats.get(token)

    def may_open(self, seat: Seat) -> bool:
        """Whether a session may start for ``seat`` now: a seat replacing its own session
        does not need a free place; any other needs one under the cap."""
        return seat.live > 0 or not self.full

    def opened(self, seat: Seat) -> None:
        seat.live += 1
        seat.left_at = None

    def closed(self, seat: Seat, now: datetime) -> None:
        seat.live = max(0, seat.live - 1)
        if seat.live == 0:
            seat.left_at = now


@dataclass(frozen=True, slots=True)
class RoomRow:
    """One line of the trainer's view."""

    name: str
    department: str
    online: bool
    answered: int
    questions: int
    handed_in: bool
    score_percent: float | None

    @property
    def handed_in_text(self) -> str:
        """``已交卷 66.7%`` once handed in with a score (one decimal, as the room report
        prints a per cent), else empty: the page and the serving terminal show this."""
        if not self.handed_in or self.score_percent is None:
            return ""
        return t("serve.table.handed_in", percent=percent_figure(self.score_percent))


def room_rows(
    store: ProgressStore | None, seats: list[Seat], exam_id: str | None, questions: int
) -> list[RoomRow]:
    """The trainer's view of ``seats``: one row per person, in the order they first signed
    in. A person is their profile id, the key the store keeps their sittings under
    (:func:`~carbon_glossary.core.people.profile_id`), so ``陈一`` and `` 陈一 `` signed in
    from two browsers are one row, online if either browser is, under the department they
    gave last. With a paper (``exam_id``) and a store, the row shows the person's sitting
    (:func:`current_sitting`): how many of its ``questions`` are answered, and whether (and
    how well) it is handed in. Without them, only who is there."""
    people: dict[str, list[Seat]] = {}
    for seat in sorted(seats, key=lambda s: s.signed_in_at):
        people.setdefault(seat.profile, []).append(seat)
    rows = []
    for profile, theirs in people.items():
        answered, handed_in, percent = 0, False, None
        if store is not None and exam_id is not None:
            answered, handed_in, percent = current_sitting(
                store, profile, exam_id, since=theirs[0].signed_in_at
            )
        latest = theirs[-1]
        rows.append(
            RoomRow(
                name=latest.name,
                department=latest.department,
                online=any(seat.live > 0 for seat in theirs),
                answered=answered,
                questions=questions,
                handed_in=handed_in,
                score_percent=percent,
            )
        )
    return rows


def current_sitting(
    store: ProgressStore, profile: str, exam_id: str, since: datetime
) -> tuple[int, bool, float | None]:
    """How far the person is in the sitting the room sees them in: the interrupted one
    their app carries on (whenever it began), else the latest one handed in since they
    first signed in (``since``); a sitting ended before the room does not count. Returns
    the questions answered, whether it is handed in, and its score in percent. A question
    counts by its latest answer, and the blanks a hand-in writes for the questions left
    open do not count."""
    resumed = interrupted_sitting(store, profile, exam_id)
    if resumed is not None:
        return resumed.answered, False, None
    ended = [
        attempt
        for attempt in store.attempts(exam_id=exam_id, profile=profile)
        if attempt.handed_in_at is not None and attempt.handed_in_at >= since
    ]
    if not ended:
        return 0, False, None
    sitting = ended[-1]  # oldest first
    answered = len({a.question for a in store.attempt_answers(sitting.attempt_id) if a.given})
    result = next(
        (
            r
            for r in store.exam_results(profile, exam_id=exam_id)
            if r.attempt_id == sitting.attempt_id
        ),
        None,
    )
    if result is None:
        return answered, True, None
    percent = 100 * result.score / result.max_score if result.max_score else 0.0
    return answered, True, percent
