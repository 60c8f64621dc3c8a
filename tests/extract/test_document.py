"""The document model's own operations."""

from __future__ import annotations

from extract.document import combine
from extract.readers.text import parse_text


def test__combine__two_files_are_one_document_numbered_in_order():
    first = parse_text("2019年部门预算\n收入预算13,377.11万元。\n", "a.txt", "a" * 64)
    second = parse_text("收支预算总表\n单位：万元\n项目名称\t金额\n收入合计\t13,377.11\n", "b.txt", "b" * 64)
    document = combine([first, second])
    assert [line.number for line in document.lines] == [1, 2, 3, 4, 5, 6]
    (table,) = document.tables
    assert (table.number, table.line_numbers) == (1, (5, 6))
    assert document.line(6).table == 1 and document.line(6).text == "收入合计\t13,377.11"
    assert document.path == "a.txt" and document.sha256 not in (first.sha256, second.sha256)
    assert combine([first]) is first
