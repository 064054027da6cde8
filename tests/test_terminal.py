"""Issue 12, items 7 and 8: the full-screen commands and the terminal they need.

Without a terminal they used to wait for keys forever; on a terminal that sends GBK they
ended with a traceback and exit status 0. Both run here as a user meets them: the program in
a process, on a pipe or on a pseudo-terminal."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from carbon_glossary import i18n
from carbon_glossary.ui.terminal import terminal_missing

DATA = Path(__file__).parent / "data"
GLOSSARY = DATA / "cli_glossary.toml"
QUIZ_GLOSSARY = DATA / "quiz_ui_glossary.toml"
SCRIPT = Path(sys.executable).parent / "carbon-glossary"


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LC_", "LANG", "CARBON_", "TEXTUAL"))
    }
    env.update(
        CARBON_GLOSSARY_CACHE_DIR=str(tmp_path / "cache"),
        CARBON_GLOSSARY_DB=str(tmp_path / "progress.sqlite3"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        LANG="C.UTF-8",
        TERM="xterm-256color",
    )
    env.update(extra)
    return env


@pytest.mark.parametrize(
    "args",
    [
        ("--glossary", GLOSSARY, "browse"),
        ("--glossary", GLOSSARY, "practice"),
        ("--glossary", GLOSSARY, "study"),
        ("--glossary", QUIZ_GLOSSARY, "exam", DATA / "quiz_ui_paper.toml"),
    ],
)
def test_full_screen_commands_without_a_terminal_say_so_at_once(
    tmp_path: Path, args: tuple[str | Path, ...]
) -> None:
    result = subprocess.run(
        [str(SCRIPT), *map(str, args), "--lang", "en"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=environment(tmp_path),
        timeout=60,  # it used to wait here for keys that never come
        check=False,
    )
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert "needs a terminal" in stderr and "Traceback" not in stderr


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_an_app_run_through_another_driver_is_not_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """textual-serve starts the app over pipes with TEXTUAL_DRIVER set to its web driver."""
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.setattr(sys, "stdin", _Stream(tty=False))
    monkeypatch.setattr(sys, "stdout", _Stream(tty=False))
    i18n.set_language("en")
    assert "browse" in (terminal_missing("browse") or "")
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    assert terminal_missing("browse") is None


def test_a_terminal_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.setattr(sys, "stdin", _Stream(tty=True))
    monkeypatch.setattr(sys, "stdout", _Stream(tty=True))
    assert terminal_missing("browse") is None


def _read_until(
    fd: int, wanted: bytes, deadline: float, process: subprocess.Popen[bytes] | None = None
) -> bytes:
    """What the program writes to the terminal until ``wanted`` appears, the deadline
    passes or ``process`` has ended and written everything."""
    seen = b""
    while time.monotonic() < deadline and wanted not in seen:
        if process is not None and process.poll() is not None:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                break
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    return seen


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_gbk_keyboard_input_ends_the_app_with_a_message_and_status_2(tmp_path: Path) -> None:
    import pty

    controller, terminal = pty.openpty()
    os.set_blocking(controller, True)
    process = subprocess.Popen(
        [str(SCRIPT), "--glossary", str(GLOSSARY), "browse", "--lang", "en"],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=environment(tmp_path),
        start_new_session=True,
    )
    os.close(terminal)
    try:
        # The app is up once it has switched to the alternate screen and drawn.
        started = _read_until(controller, b"\x1b[?1049h", time.monotonic() + 90)
        assert b"\x1b[?1049h" in started, started[-500:]
        time.sleep(1.0)
        os.write(controller, "碳汇".encode("gbk"))  # CC BC BB E3: BB E3 is not UTF-8
        # Read everything until the app has gone (a full terminal would block its writes).
        seen = _read_until(controller, b"\x00never", time.monotonic() + 60, process)
        code = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(controller)
    text = seen.decode("utf-8", "replace")
    assert code == 2
    assert "Traceback" not in text and "UnicodeDecodeError" not in text
    assert "not UTF-8" in text
