"""中文界面文字。

Keys are grouped by area; every key here must also exist in the other catalogue with the
same {placeholders} (tests/test_i18n.py checks this).
"""

MESSAGES: dict[str, str] = {
    # --- common ---
    "severity.error": "错误",
    "severity.warning": "警告",
    # --- glossary checking (core/loader.py) ---
    # --- command line (cli.py) ---
    # --- browse TUI (ui/) ---
    # --- quiz, exams, progress (core/quiz, store/, ui quiz screens) ---
}
