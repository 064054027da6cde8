"""Who is sitting an exam, and whether they may: the rules of signing in, without a screen.

A sitter is named by what they type (or pick from a roster): the display name and the
department as written, and the profile id their answers are kept under, made by the one
rule of :func:`carbon_glossary.core.people.profile_id`. :func:`sign_in` checks the fields
(the terminal's sign-in form and ``exam --name/--department`` both call it);
:func:`admit` looks in the store for an interrupted sitting to carry on, and refuses a
person who has used up the paper's attempts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from carbon_glossary.core.people import MAX_FIELD, clean_field, profile_id
from carbon_glossary.i18n import t

if TYPE_CHECKING:
    from carbon_glossary.session.decks import ExamPlan, ResumedSitting
    from carbon_glossary.session.roster import Roster
    from carbon_glossary.store import ProgressStore

__all__ = [
    "Admission",
    "Refusal",
    "SignInPlan",
    "Sitter",
    "admit",
    "refusal_message",
    "sign_in",
]


@dataclass(frozen=True, slots=True)
class Sitter:
    """The person sitting: ``profile`` is the normalised id, the others as shown."""

    profile: str
    display_name: str
    department: str
    staff_id: str = ""

    @property
    def label(self) -> str:
        """``张三（发改局）``, or the name alone when there is no department."""
        if not self.department:
            return self.display_name
        return t("sitting.label", name=self.display_name, department=self.department)


class Refusal(StrEnum):
    """Why a sign-in was refused; the value is the message's catalogue key suffix."""

    NAME_MISSING = "name_missing"
    NAME_INVALID = "name_invalid"
    DEPARTMENT_MISSING = "department_missing"
    DEPARTMENT_INVALID = "department_invalid"
    NOT_ON_ROSTER = "not_on_roster"


def refusal_message(refusal: Refusal) -> str:
    return t(f"sitting.refused.{refusal.value}", limit=MAX_FIELD)


def sign_in(
    name: str, department: str, roster: Roster | None = None, *, department_required: bool = True
) -> Sitter | Refusal:
    """The sitter these fields name, or why not. With a roster, the name must be on it
    (compared as profile ids, so ``alice`` finds ``Alice``); the roster's spelling and
    department are kept, and a department typed differently from the roster's is ignored."""
    clean_name = clean_field(name)
    if clean_name is None:
        return Refusal.NAME_INVALID
    if not clean_name:
        return Refusal.NAME_MISSING
    if roster is not None:
        entry = roster.find(clean_name)
        if entry is None:
            return Refusal.NOT_ON_ROSTER
        return Sitter(profile_id(entry.name), entry.name, entry.department, staff_id=entry.staff_id)
    clean_department = clean_field(department)
    if clean_department is None:
        return Refusal.DEPARTMENT_INVALID
    if not clean_department and department_required:
        return Refusal.DEPARTMENT_MISSING
    return Sitter(profile_id(clean_name), clean_name, clean_department)


@dataclass(frozen=True, slots=True)
class Admission:
    """What the store says about this person and paper: an interrupted sitting to carry
    on (``resume``), or a fresh one; ``refused`` (a message) when the person has used up
    the paper's attempts. ``used``: their sittings of this paper so far."""

    resume: ResumedSitting | None
    used: int
    limit: int | None
    refused: str | None = None


def admit(store: ProgressStore, sitter: Sitter, exam_id: str, limit: int | None) -> Admission:
    """Whether ``sitter`` may sit the paper now (blocks on the store).

    An interrupted sitting is always carried on: it is an attempt already counted. Else,
    with a limit, every sitting of the paper counts (handed in, abandoned, or marked from an
    answer sheet), and one past the limit is refused."""
    from carbon_glossary.session.exam import interrupted_sitting

    resume = interrupted_sitting(store, sitter.profile, exam_id)
    used = len(store.attempts(exam_id=exam_id, profile=sitter.profile))
    if resume is not None or limit is None or used < limit:
        return Admission(resume, used, limit)
    message = t("sitting.over_limit", name=sitter.display_name, used=used, limit=limit)
    return Admission(None, used, limit, refused=message)


@dataclass(frozen=True, slots=True)
class SignInPlan:
    """Ask who is sitting, then sit ``exam`` as them: the fields start as ``name`` and
    ``department`` (what the command line gave); ``roster``, if any, lists who may sit;
    ``limit`` is the paper's number of attempts per person (None: no limit)."""

    exam: ExamPlan
    name: str = ""
    department: str = ""
    roster: Roster | None = None
    limit: int | None = None
