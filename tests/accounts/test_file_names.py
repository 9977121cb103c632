"""Names people typed, made into file names that cannot climb out of a folder or pass for a device."""

import pytest

from core.text import safe_filename, unique_filename


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Дорж Бат", "Дорж Бат.pdf"),
        ("..\\..\\Windows\\win.ini", "Windows-win.ini.pdf"),
        ("../../etc/passwd", "etc-passwd.pdf"),
        ("Бат\x00\r\nБолд", "Бат Болд.pdf"),
        ("Болд\u202egpj.exe", "Болд gpj.exe.pdf"),
        ("CON", "_CON.pdf"),
        ("lpt1.txt", "_lpt1.txt.pdf"),
        ("...", "file.pdf"),
        ("", "file.pdf"),
    ],
)
def test_a_typed_name_becomes_one_plain_file_name(typed, expected):
    assert safe_filename(typed, extension="pdf") == expected


def test_a_very_long_cyrillic_name_is_cut_to_what_file_systems_take_on_a_letter_boundary():
    name = safe_filename("Сүхбаатар" * 100, extension="pdf", max_bytes=150)
    assert len(name.encode()) <= 150 and name.endswith(".pdf") and name.startswith("Сүхбаатар")


def test_names_equal_but_for_case_are_numbered_so_that_none_overwrites_another():
    taken: set[str] = set()
    assert [unique_filename(name, taken) for name in ("Бат.pdf", "БАТ.pdf", "Бат.pdf")] == [
        "Бат.pdf",
        "БАТ (2).pdf",
        "Бат (3).pdf",
    ]
