"""English interface text.

Keys are grouped by area; every key here must also exist in the other catalogue with the
same {placeholders} (tests/test_i18n.py checks this).
"""

MESSAGES: dict[str, str] = {
    # --- common ---
    "severity.error": "error",
    "severity.warning": "warning",
    # --- glossary checking (core/loader.py) ---
    # --- command line (cli.py) ---
    # --- browse TUI (ui/) ---
    # --- quiz, exams, progress (core/quiz, store/, ui quiz screens) ---
    "store.corrupt_moved": (
        "The progress file {path} was damaged. It was moved, unchanged, to {moved} "
        "and a new, empty progress file was started."
    ),
    "store.too_new": (
        "The progress file {path} was written by a newer version of this program "
        "(format {found}; this version knows up to {supported}). "
        "Upgrade carbon-glossary, or choose another file with --db."
    ),
    "store.is_directory": "The progress file path {path} is a folder; choose a file with --db.",
    "store.cannot_open": "Cannot open the progress file {path}: {reason}",
    "store.cannot_move": (
        "The progress file {path} is damaged and could not be moved aside ({reason}). "
        "It was left unchanged; move it away yourself and try again."
    ),
    "store.read_failed": "Cannot read the progress file {path}: {reason}",
    "store.write_failed": "Cannot save the answer to the progress file {path}: {reason}",
    "stats.uncategorised": "Uncategorised",
    "stats.removed_term": "(removed from the glossary)",
}
