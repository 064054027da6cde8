"""A progress store location a person writes (``--db``, ``CARBON_GLOSSARY_DB``) is used as
meant or refused with a message and exit 2: a mistyped server address never becomes a local
SQLite file that nobody's report reads, and a folder that does not exist is not made."""

from __future__ import annotations

from pathlib import Path

import pytest

from carbon_glossary.cli import main
from carbon_glossary.store import StoreError, db_location_from, open_store

POSTGRES_FORM = "应写成 postgresql://用户@主机:端口/数据库。"

MISTYPED_POSTGRES = [
    "postgresql:/broken",  # one slash missing
    "postgresql:x",
    "postgres:/x",
    "POSTGRESQL:/host/db",  # a scheme is any case
    "Postgres:x",
    "postgresql//host/db",  # the colon missing
    "postgresq://glossary@host/db",  # the scheme misspelt
    "postgre://glossary@host/db",
    "posgresql:/host/db",
]


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder, as on an office PC: nothing may appear in it."""
    folder = tmp_path / "office"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("value", MISTYPED_POSTGRES)
def test_a_mistyped_server_address_is_refused_not_made_a_file(
    value: str, office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["stats", "--db", value], capsys)
    assert (code, out) == (2, "")
    assert err.strip() == f"进度库地址 {value} 写错了：{POSTGRES_FORM}"
    assert list(office.iterdir()) == []


def test_the_same_from_the_environment_variable_and_in_english(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARBON_GLOSSARY_DB", "postgresql:/broken")  # as set on every PC
    code, out, err = run(["stats", "--lang", "en"], capsys)
    assert (code, out) == (2, "")
    assert err.strip() == (
        "The progress store address postgresql:/broken is mistyped: write it as"
        " postgresql://user@host:port/database."
    )
    assert list(office.iterdir()) == []


def test_a_password_in_a_mistyped_address_is_not_shown(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["stats", "--db", "postgresql:/alice:s3cret-pw@db.example/carbon"], capsys)
    assert code == 2
    assert "s3cret-pw" not in err and "postgresql:/alice:***@db.example/carbon" in err


@pytest.mark.parametrize("value", ["sqlite:/progress.db", "sqlite://progress.db", "sqlite3:x.db"])
def test_a_mistyped_sqlite_address_is_refused(
    value: str, office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["stats", "--db", value], capsys)
    assert code == 2
    assert "写错了：SQLite 文件应写成 sqlite:///路径（三条斜杠），或直接写文件路径。" in err
    assert list(office.iterdir()) == []


def test_another_word_and_a_colon_is_refused_and_says_how_to_name_such_a_file(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["stats", "--db", "notes:2024.db"], capsys)
    assert code == 2 and "请写成 ./notes:2024.db" in err
    assert list(office.iterdir()) == []
    code, _, _ = run(["stats", "--db", "./notes:2024.db"], capsys)
    assert code == 0 and (office / "notes:2024.db").is_file()


@pytest.mark.parametrize(
    "value",
    [
        "C:progress.db",  # one letter before the colon: a Windows drive, so a path
        "C:\\carbon\\progress.db",  # (on this system, a file name with backslashes)
        "progress//p.db",  # a doubled slash in a path, after a word unlike postgresql
        "postgres/progress.db",  # a folder that happens to be called postgres
    ],
)
def test_paths_that_only_resemble_an_address_are_paths(
    value: str, office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("progress", "postgres"):
        (office / folder).mkdir()
    code, _, err = run(["stats", "--db", value], capsys)
    assert code == 0, err
    assert (office / value.replace("//", "/")).is_file()


def test_a_folder_that_does_not_exist_is_not_made(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["stats", "--db", "progres/我的进度.sqlite3"], capsys)
    assert (code, out) == (2, "")
    assert err.strip() == (
        "进度文件 progres/我的进度.sqlite3 所在的文件夹 progres 不存在："
        "请检查路径是否写错，或先建好这个文件夹。"
    )
    assert list(office.iterdir()) == []


@pytest.mark.parametrize("command", ["stats", "practice"])
def test_the_same_for_the_environment_variable_and_a_sqlite_address(
    command: str,
    office: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CARBON_GLOSSARY_DB", str(office / "missing" / "progress.sqlite3"))
    code, _, err = run([command, "--lang", "en"], capsys)
    assert code == 2 and "does not exist: check the path for a typo" in err
    code, _, err = run(["stats", "--db", f"sqlite:///{office}/missing/progress.sqlite3"], capsys)
    assert code == 2 and "不存在" in err
    assert list(office.iterdir()) == []


def test_the_default_location_in_the_data_folder_is_still_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["stats"], capsys)
    assert code == 0, err
    made = list((tmp_path / "xdg_data_home").rglob("progress.sqlite3"))
    assert len(made) == 1


def test_a_location_written_by_a_person_is_checked_a_path_the_program_chose_is_made(
    tmp_path: Path,
) -> None:
    chosen = str(tmp_path / "missing" / "progress.sqlite3")
    assert db_location_from(chosen) == chosen  # kept as written: checked when opened
    with pytest.raises(StoreError) as caught:
        open_store(chosen)
    assert caught.value.key == "store.no_folder"
    assert not (tmp_path / "missing").exists()
    with open_store(Path(chosen)):  # the program's own choice (the data folder): made
        assert (tmp_path / "missing").is_dir()


def test_a_mistyped_address_is_kept_as_written_not_folded_into_a_path() -> None:
    assert db_location_from(" postgresql:/broken ") == "postgresql:/broken"
    assert db_location_from("postgresql//host/db") == "postgresql//host/db"


@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh", "文件路径，或 postgresql://"), ("en", "a file path, or a postgresql://")],
)
@pytest.mark.parametrize("command", ["practice", "stats", "serve"])
def test_the_db_help_says_it_takes_a_file_or_a_server_address(
    lang: str, words: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run([command, "--help", "--lang", lang], capsys)
    assert code == 0
    assert words in " ".join(out.split())  # argparse wraps the help text
