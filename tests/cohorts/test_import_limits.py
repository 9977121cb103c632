"""A trainee file that is too big to read, or whose cells do not line up with its header, is
refused before it costs the server anything, with a reason a trainer can act on, through the
upload page and the command alike."""

import io
import struct
import time
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from cohorts import importing
from cohorts.importing import checking, reading
from cohorts.models import TraineeImport

from .test_import import HEADER, check, csv_bytes, located, person, xlsx_bytes

pytestmark = pytest.mark.django_db

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SMALL_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
        "</Relationships>"
    ),
}


def _deflated(head: bytes, chunk: bytes, repeat: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of head + chunk × repeat + tail, its CRC and size, without compressing the
    repeats: after a full flush the compressor forgets what came before, so the same chunk
    compresses to the same bytes every time and one copy of them is written ``repeat`` times."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(repeat):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    return start + block * repeat + end, crc & 0xFFFFFFFF, len(head) + len(chunk) * repeat + len(tail)


def crafted_xlsx(head: str, chunk: str, repeat: int, tail: str) -> bytes:
    """A workbook whose sheet is head + chunk × repeat + tail, written as a zip archive by hand so
    that a sheet of a gigabyte is built in a second and never held in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in SMALL_PARTS.items():
            archive.writestr(name, text)
    small = buffer.getvalue()
    # Keep the small archive's parts and directory, and put the sheet in front of its directory.
    directory_at = struct.unpack("<I", small[-6:-2])[0]
    parts, directory = small[:directory_at], small[directory_at:-22]
    packed, crc, size = _deflated(head.encode(), chunk.encode(), repeat, tail.encode())
    name = b"xl/worksheets/sheet1.xml"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(packed), size, len(name), 0)
    entry = struct.pack(
        "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(packed), size, len(name), 0, 0, 0, 0, 0,
        len(parts),
    )  # fmt: skip
    sheet_directory = entry + name
    count = len(SMALL_PARTS) + 1
    directory = directory + sheet_directory
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), len(parts) + 30 + len(name) + len(packed), 0
    )
    return parts + local + name + packed + directory + end


SHEET_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
SHEET_TAIL = "</sheetData></worksheet>"


def header_row() -> str:
    cells = "".join(f'<c t="inlineStr"><is><t>{key}</t></is></c>' for key in HEADER)
    return f'<row r="1">{cells}</row>'


@pytest.fixture
def never_parsed(monkeypatch):
    """Fails the test if openpyxl is asked to parse the workbook at all."""

    def refuse(*args, **kwargs):
        raise AssertionError("the workbook was handed to openpyxl")

    monkeypatch.setattr(reading, "load_workbook", refuse)


def gigabyte_bomb() -> bytes:
    cells = '<c t="inlineStr"><is><t>AAAAAAAAAAAAAAAA</t></is></c>' * 1024  # about 48 KB
    rows = "".join(f"<row>{cells}</row>" for _ in range(21))  # about 1 MB
    return crafted_xlsx(SHEET_HEAD + header_row(), rows, 1024, SHEET_TAIL)


def test_the_crafted_workbook_really_holds_a_gigabyte_in_a_few_megabytes():
    data = gigabyte_bomb()
    unpacked = sum(part.file_size for part in zipfile.ZipFile(io.BytesIO(data)).infolist())
    assert len(data) < importing.MAX_FILE_BYTES
    assert unpacked > 1_000_000_000
    with zipfile.ZipFile(io.BytesIO(data)).open("xl/worksheets/sheet1.xml") as sheet:
        assert sheet.read(len(SHEET_HEAD)).decode() == SHEET_HEAD  # a real, readable sheet


def test_an_upload_of_a_zip_bomb_workbook_is_refused_before_it_is_parsed(client, trainer, cohort, never_parsed):
    data = gigabyte_bomb()
    client.force_login(trainer)
    started = time.monotonic()
    response = client.post(
        reverse("cohort_import", args=[cohort.pk]),
        {"file": SimpleUploadedFile("trainees.xlsx", data)},
    )
    assert time.monotonic() - started < 5  # a generous guard: refused from the archive's directory
    assert response.status_code == 302
    trainee_import = TraineeImport.objects.get()
    assert located(trainee_import) == {(0, "")}
    assert "Энэ файл задлахад 50 MB-аас их" in trainee_import.errors[0]["reason"]  # the site's Mongolian
    assert trainee_import.rows == []


def test_the_command_refuses_a_zip_bomb_workbook_with_the_same_reason(cohort, tmp_path, never_parsed):
    path = tmp_path / "trainees.xlsx"
    path.write_bytes(gigabyte_bomb())
    err = io.StringIO()
    started = time.monotonic()
    with translation.override("en"), pytest.raises(CommandError, match="1 problem"):
        call_command("import_trainees", str(path), cohort=cohort.pk, dry_run=True, stderr=err)
    assert time.monotonic() - started < 5
    assert "unpacks to more than 50 MB" in err.getvalue()
    with translation.override("mn"), pytest.raises(CommandError):
        call_command("import_trainees", str(path), cohort=cohort.pk, stderr=err)
    assert not cohort.memberships.exists()


def test_the_refusal_is_in_mongolian_for_a_mongolian_trainer(cohort, never_parsed):
    with translation.override("mn"):
        trainee_import = importing.check(
            cohort=cohort, file_name="trainees.xlsx", data=gigabyte_bomb(), by=cohort.lead_trainer
        )
    assert "50 MB" in trainee_import.errors[0]["reason"]
    assert "unpacks" not in trainee_import.errors[0]["reason"]


def endless_row() -> bytes:
    # 40 MB unpacked, one row that never ends.
    cell = '<c t="inlineStr"><is><t>x</t></is></c>'
    return crafted_xlsx(SHEET_HEAD + header_row() + '<row r="2">', cell * 1024, 1024, "</row>" + SHEET_TAIL)


def test_one_endless_row_is_refused_without_building_it(cohort, never_parsed):
    started = time.monotonic()
    trainee_import = check(cohort, endless_row(), file_name="trainees.xlsx")
    assert time.monotonic() - started < 5
    assert located(trainee_import) == {(0, "")} and trainee_import.rows == []


def test_an_endless_row_is_caught_while_streaming_even_when_the_archive_looks_ordinary(
    cohort, never_parsed, monkeypatch
):
    monkeypatch.setattr(reading, "MAX_RATIO", 10**9)  # the archive's measures let it through
    started = time.monotonic()
    trainee_import = check(cohort, endless_row(), file_name="trainees.xlsx")
    assert time.monotonic() - started < 5
    assert "Row 2 has values in more than 50 columns" in trainee_import.errors[0]["reason"]


def test_a_sheet_of_a_million_empty_cells_is_refused_before_openpyxl_builds_them(cohort, never_parsed, monkeypatch):
    monkeypatch.setattr(reading, "MAX_RATIO", 10**9)
    row = "<row>" + '<c s="1"/>' * 1000 + "</row>"  # formatted, empty: each one a cell to build
    trainee_import = check(cohort, crafted_xlsx(SHEET_HEAD + header_row(), row, 1100, SHEET_TAIL), "trainees.xlsx")
    assert "more than 1000000 cells" in trainee_import.errors[0]["reason"]


def test_a_sheet_with_too_many_columns_is_refused_not_cut(cohort):
    row = [*person(1).values(), *(f"note {n}" for n in range(60))]
    trainee_import = check(cohort, xlsx_bytes([row], header=HEADER), file_name="trainees.xlsx")
    assert located(trainee_import) == {(0, "")}
    assert "more than 50 columns" in trainee_import.errors[0]["reason"]


def test_a_sheet_that_claims_a_million_rows_is_refused_without_reading_them(cohort, never_parsed):
    dimension = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><dimension ref="A1:J1048576"/>'
    data = crafted_xlsx(dimension + "<sheetData>" + header_row(), "", 0, SHEET_TAIL)
    far = crafted_xlsx(SHEET_HEAD + header_row(), "", 0, '<row r="1048576"><c><v>1</v></c></row>' + SHEET_TAIL)
    for workbook in (dimension, far):
        trainee_import = check(cohort, data if workbook is dimension else far, file_name="trainees.xlsx")
        assert "goes past row 40000" in trainee_import.errors[0]["reason"]


def test_a_good_workbook_of_the_largest_allowed_size_is_still_read(cohort):
    rows = [list(person(n).values()) for n in range(2000)]
    trainee_import = check(cohort, xlsx_bytes(rows, header=HEADER), file_name="trainees.xlsx")
    assert trainee_import.errors == [] and trainee_import.total == 2000


def test_a_csv_file_with_a_line_of_a_megabyte_is_refused_by_its_line_number(cohort):
    data = csv_bytes([person(1)]) + b"x" * 1_000_000 + b"\n"
    trainee_import = check(cohort, data)
    assert located(trainee_import) == {(0, "")}
    assert "Line 3 is longer than 20000 characters" in trainee_import.errors[0]["reason"]


def test_a_csv_file_of_endless_empty_lines_or_commas_is_refused(cohort):
    empty_lines = check(cohort, csv_bytes([person(1)]) + b"\r\n" * 100_000)
    commas = check(cohort, csv_bytes([person(1)]) + b"," * 15_000 + b"x\n")
    assert "goes past row 40000" in empty_lines.errors[0]["reason"]
    assert "Row 3 has values in more than 50 columns" in commas.errors[0]["reason"]


def test_a_csv_file_with_more_rows_than_allowed_is_refused(cohort, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    trainee_import = check(cohort, csv_bytes([person(n) for n in range(5)]))
    assert "more than 3 trainees" in trainee_import.errors[0]["reason"]


def test_the_command_reads_no_more_of_a_huge_file_than_the_limit(cohort, tmp_path, monkeypatch):
    path = tmp_path / "trainees.csv"
    with path.open("wb") as file:
        file.write(csv_bytes([person(1)]))
        file.truncate(importing.MAX_FILE_BYTES * 3)  # a sparse file: large on paper, nothing on disk
    seen = []
    real = importing.inspect_file

    def watching(**kwargs):
        seen.append(len(kwargs["data"]))
        return real(**kwargs)

    monkeypatch.setattr(checking, "inspect_file", watching)
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError):
        call_command("import_trainees", str(path), cohort=cohort.pk, dry_run=True, stderr=err)
    assert "larger than 10 MB" in err.getvalue()
    assert seen == [importing.MAX_FILE_BYTES + 1]


# --- Rows that do not line up with the header ------------------------------------------------------


def test_a_csv_row_split_by_an_unquoted_comma_is_reported_not_cut(cohort):
    header = ",".join(HEADER)
    good = ",".join(person(1).values())
    split = ",".join(person(2, position="Ахлах, байцаагч").values()).replace('"', "")
    assert split.count(",") == len(HEADER)  # one cell too many
    trainee_import = check(cohort, f"{header}\n{good}\n{split}\n".encode())
    reasons = {(p["row"], p["column"]): p["reason"] for p in trainee_import.errors}
    assert (3, "K") in reasons
    assert "11 cells" in reasons[(3, "K")] and "10 columns" in reasons[(3, "K")]
    assert importing.run(trainee_import=trainee_import).status == TraineeImport.Status.CHECKED
    assert not cohort.memberships.exists()


def test_a_csv_row_with_too_few_cells_is_reported_by_row_and_column(cohort):
    header = ",".join(HEADER)
    short = ",".join(list(person(1).values())[:8])  # no gender, no language: two delimiters lost
    trainee_import = check(cohort, f"{header}\n{short}\n".encode())
    assert located(trainee_import) == {(2, "gender")}
    assert "8 cells" in trainee_import.errors[0]["reason"]


def test_a_value_in_an_unnamed_column_of_a_workbook_is_reported(cohort):
    row = [*person(1).values(), "", "Ахлах байцаагч"]
    trainee_import = check(cohort, xlsx_bytes([row], header=HEADER), file_name="trainees.xlsx")
    assert located(trainee_import) == {(2, "L")}
    assert "Ахлах байцаагч" in trainee_import.errors[0]["reason"]


def test_a_trailing_delimiter_or_an_empty_unnamed_column_is_not_a_problem(cohort):
    header = ",".join(HEADER) + ","
    row = ",".join(person(1).values()) + ","
    assert check(cohort, f"{header}\n{row}\n".encode()).errors == []
    short_header = ",".join(HEADER)
    assert check(cohort, f"{short_header}\n{row}\n".encode()).errors == []
