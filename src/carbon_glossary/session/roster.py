"""A training's list of staff (``exam --roster staff.csv|.xlsx``): who may sit, by name.

A roster is a table with the columns 姓名 and 部门 and, optionally, 工号 (staff number); English
headers (name, department, id) are read too. Names are compared as profile ids, so the
roster's ``Alice Wang`` is the ``alice wang`` someone types.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from carbon_glossary.core.people import profile_id

__all__ = ["Roster", "RosterEntry"]


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One person on the roster, as the roster spells them."""

    name: str
    department: str
    staff_id: str = ""


@dataclass(frozen=True)
class Roster:
    """The people who may sit, in the roster's order."""

    entries: tuple[RosterEntry, ...]
    _by_profile: dict[str, RosterEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_by_profile", {profile_id(entry.name): entry for entry in self.entries}
        )

    def find(self, name: str) -> RosterEntry | None:
        """The entry of this name (compared as profile ids), or None."""
        return self._by_profile.get(profile_id(name))
