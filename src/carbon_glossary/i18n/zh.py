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
    "store.corrupt_moved": "进度文件 {path} 已损坏，已原样移到 {moved}，并新建了空白进度文件。",
    "store.too_new": (
        "进度文件 {path} 由较新版本的程序写入（格式版本 {found}，本程序最高支持 {supported}）。"
        "请升级 carbon-glossary，或用 --db 指定另一个文件。"
    ),
    "store.is_directory": "进度文件路径 {path} 是一个文件夹；请用 --db 指定一个文件。",
    "store.cannot_open": "无法打开进度文件 {path}：{reason}",
    "store.cannot_move": (
        "进度文件 {path} 已损坏，且无法移开（{reason}）。文件未改动；请手动移走后重试。"
    ),
    "store.read_failed": "无法读取进度文件 {path}：{reason}",
    "store.write_failed": "无法把答题记录写入进度文件 {path}：{reason}",
    "stats.uncategorised": "未分类",
    "stats.removed_term": "（已从术语表删除）",
}
