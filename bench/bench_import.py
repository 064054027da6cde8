"""How long importing a spreadsheet takes: a 10k-row XLSX (and CSV) into a checked glossary.

    python bench/bench_import.py            # 10,000 rows
    python bench/bench_import.py 1000 20000 # chosen sizes

Columns (seconds, best of three runs, in this process; the sheets are written once first):
  openpyxl  reading the XLSX alone: load_workbook(read_only) and iterating its rows — the
            baseline no XLSX import can beat
  xlsx      the whole import of the XLSX: read_sheet + import_sheet (headers, rows, TOML
            written with tomli-w, the loader's full check, readings and 多音字 warnings,
            problems placed at their rows)
  csv       the same import of the same rows saved as CSV with a BOM
  load      load_glossary of the TOML the import produced (the check alone, for comparison)
  ratio     xlsx / openpyxl
The rows come from bench/synthetic.py (real domain words, nonsense as facts).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from openpyxl import load_workbook

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.interop.fields import join_list
from carbon_glossary.interop.importer import import_sheet
from carbon_glossary.interop.sheets import read_sheet, write_csv, write_xlsx
from synthetic import make_terms

SIZES = (10_000,)
HEADER = ["术语", "英文", "释义", "类别", "标签", "出处"]


def best(function: Callable[[], object], repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def rows(n: int) -> list[list[str]]:
    return [
        [t.term, join_list(t.english), t.definition, t.category, join_list(t.tags), "合成数据"]
        for t in make_terms(n, general=2000)
    ]


def openpyxl_only(path: Path) -> int:
    book = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return count


def import_file(path: Path, out: Path) -> str:
    result = import_sheet(read_sheet(path), title="bench", output_path=str(out))
    assert result.text is not None, [p.format() for p in result.errors[:3]]
    return result.text


def measure(n: int, folder: Path) -> str:
    data = rows(n)
    xlsx, csv, out = (folder / f"{n}.{suffix}" for suffix in ("xlsx", "csv", "toml"))
    write_xlsx(xlsx, HEADER, data)
    write_csv(csv, HEADER, data)
    out.write_text(import_file(xlsx, out), encoding="utf-8")
    reading = best(lambda: openpyxl_only(xlsx))
    whole = best(lambda: import_file(xlsx, out))
    plain = best(lambda: import_file(csv, out))
    check = best(lambda: load_glossary(out))
    return (
        f"{n:>7} {reading:>9.2f} {whole:>8.2f} {plain:>8.2f} {check:>8.2f} {whole / reading:>6.2f}"
    )


def main(sizes: tuple[int, ...]) -> None:
    print(f"{'rows':>7} {'openpyxl':>9} {'xlsx':>8} {'csv':>8} {'load':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            print(measure(n, Path(folder)), flush=True)


if __name__ == "__main__":
    main(tuple(int(arg) for arg in sys.argv[1:]) or SIZES)
