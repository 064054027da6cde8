"""Is a path on a network drive? SQLite's locking does not hold over SMB/CIFS or NFS, so a
progress file there can be damaged by two PCs writing at once: the store warns and points to
a database server instead.

Linux: the filesystem type of the longest mount point above the path, from ``/proc/mounts``.
Windows: a UNC path (``\\\\server\\share``) or a drive letter Windows reports as remote.
Elsewhere (macOS) nothing is detected; the README says the same in words.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

__all__ = ["NETWORK_FILESYSTEMS", "network_filesystem", "network_filesystem_in"]

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.cephfs",
    }
)

_DRIVE_REMOTE = 4  # GetDriveTypeW


def network_filesystem(path: Path) -> str | None:
    """The network filesystem ``path`` (or the folder it would be created in) is on, or
    None when it is local or we cannot tell."""
    target = Path(os.path.abspath(path.expanduser()))
    if sys.platform == "win32":
        return _windows_network_drive(target)
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return network_filesystem_in(mounts, os.path.realpath(target))


def network_filesystem_in(mounts: str, path: str) -> str | None:
    """The type of the network filesystem holding ``path`` (absolute, resolved) according to
    ``mounts`` (the text of ``/proc/mounts``), or None. The longest mount point wins, so a
    local disk mounted inside a network share is local, and the other way round."""
    best, best_type = "", ""
    target = PurePosixPath(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        under = target == PurePosixPath(point) or PurePosixPath(point) in target.parents
        if under and len(point) >= len(best):
            best, best_type = point, fields[2]
    if best_type in NETWORK_FILESYSTEMS or best_type.startswith(("nfs", "smb")):
        return best_type
    return None


def _unescape(field: str) -> str:
    """``/proc/mounts`` writes space, tab, newline and backslash in octal (``\\040``)."""
    for code in ("\\040", "\\011", "\\012", "\\134"):
        field = field.replace(code, chr(int(code[1:], 8)))
    return field


def _windows_network_drive(path: Path) -> str | None:  # pragma: no cover - Windows only
    windows = PureWindowsPath(path)
    if windows.drive.startswith("\\\\"):
        return "SMB"
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None or not windows.drive:
        return None
    if windll.kernel32.GetDriveTypeW(f"{windows.drive}\\") == _DRIVE_REMOTE:
        return "SMB"
    return None
