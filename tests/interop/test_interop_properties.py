"""Properties of the spreadsheet parsers: list cells give back their values, and any sheet is
either imported as a valid glossary or refused with problems at sheet positions, never a
traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carbon_glossary.core.loader import load_glossary_bytes
from carbon_glossary.interop.fields import FIELDS, join_list, split_list
from carbon_glossary.interop.importer import import_sheet
from carbon_glossary.interop.sheets import Sheet

_TEXT = st.text(
    alphabet=st.sampled_from("碳达峰中和绿色低碳技术能源 ;；,，:：ab1长行重\"'[]{}=#~"),
    max_size=12,
)
_VALUE = _TEXT.map(str.strip).filter(bool)


@given(st.lists(_VALUE, max_size=5))
def test_a_list_cell_gives_back_its_values(values: list[str]) -> None:
    assert split_list(join_list(values)) == values


# Mostly sheets a person could make: the term column first, other known columns once each
# (Chinese or English), now and then an unknown or an empty header; cells with hanzi,
# separators and TOML's and GIFT's own characters.
_OTHER = st.lists(
    st.tuples(st.sampled_from(FIELDS[1:]), st.booleans()), unique_by=lambda p: p[0].key, max_size=5
).map(lambda fields: [f.zh if zh else f.en for f, zh in fields])
_HEADERS = st.tuples(
    st.sampled_from(["术语", "term", "Term", "释义"]),
    _OTHER,
    st.lists(st.sampled_from(["备注", ""]), max_size=1),
).map(lambda parts: [parts[0], *parts[1], *parts[2]])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_HEADERS, st.data())
def test_any_sheet_is_imported_or_refused_at_its_cells(
    header: list[str], data: st.DataObject
) -> None:
    # rows mostly as wide as the header; now and then a cell beyond it
    width = st.integers(0, len(header) + 1).flatmap(
        lambda n: st.lists(_TEXT, min_size=n, max_size=n)
    )
    rows = data.draw(st.lists(width, max_size=6))
    sheet = Sheet(
        "s.csv",
        tuple(header),
        tuple((n, tuple(c.strip() for c in cells)) for n, cells in enumerate(rows, start=2)),
    )
    result = import_sheet(sheet, title="t", output_path="out.toml")
    for problem in result.problems:
        # every problem is on the sheet, where the trainer fixes it
        assert problem.path == "s.csv"
        assert 1 <= problem.line <= len(rows) + 1 and problem.column >= 1
        assert problem.message
    if result.text is None:
        assert result.errors
    else:
        assert not result.errors
        load_glossary_bytes(result.text.encode("utf-8"), "out.toml")  # valid as written
