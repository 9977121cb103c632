"""The progress export: what a trainer downloads must open cleanly and never run as a formula."""

import csv
import io
import re

import pytest
from django.utils import translation
from openpyxl import load_workbook

from cohorts.exporting import filename, matrix_csv, matrix_rows, matrix_xlsx
from cohorts.models import CohortMembership
from cohorts.selectors import progress_matrix
from cohorts.services import membership_add
from core.spreadsheets import neutralise
from courses.models import LessonPage, ModulePage
from courses.services import lesson_complete
from tests.factories import UserFactory

HOSTILE = '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize("value", ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx"])
def test_a_string_that_could_start_a_formula_gets_an_apostrophe(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Дорж", "a=b", "", 42, -2, 85.5])
def test_plain_text_and_numbers_are_left_alone(value):
    assert neutralise(value) == value
    assert type(neutralise(value)) is type(value)


@pytest.fixture
def members(cohort, organisation):
    """Three trainees; the first one's family name is an Excel formula."""
    people = [
        UserFactory(organisation=organisation, email="a@example.mn", last_name="Болд", first_name="Сарангэрэл"),
        UserFactory(organisation=organisation, email="b@example.mn", last_name="Цэцэг", first_name="Өлзий"),
        UserFactory(organisation=organisation, email="c@example.mn", last_name="Баатар", first_name="Тэмүүлэн"),
    ]
    # Set after creation, as an attacker editing their own profile would: the factory is not the point.
    people[0].last_name = HOSTILE
    people[0].save()
    for person in people:
        membership_add(cohort=cohort, learner=person, source=CohortMembership.Source.TRAINER)
    return people


def _english_rows(cohort) -> list[list]:
    with translation.override("en"):
        return matrix_rows(progress_matrix(cohort, language="en"))


def test_the_csv_has_a_bom_cyrillic_names_and_one_row_per_trainee(cohort, members):
    data = matrix_csv(progress_matrix(cohort))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 1 + len(members)
    family_names = {row[0] for row in rows[1:]}
    assert {"Цэцэг", "Баатар"} <= family_names
    assert {row[3] for row in rows[1:]} == {person.email for person in members}


def test_a_formula_in_a_name_is_neutralised_in_the_csv(cohort, members):
    rows = list(csv.reader(io.StringIO(matrix_csv(progress_matrix(cohort)).decode("utf-8-sig"))))
    hostile = next(row for row in rows if row[3] == "a@example.mn")
    assert hostile[0] == "'" + HOSTILE


def test_a_formula_in_a_name_is_stored_as_plain_text_in_the_xlsx(cohort, members):
    sheet = load_workbook(io.BytesIO(matrix_xlsx(progress_matrix(cohort)))).active
    assert sheet.max_row == 1 + len(members)
    hostile = next(row for row in sheet.iter_rows(min_row=2) if row[3].value == "a@example.mn")
    assert hostile[0].value.startswith("'=")
    assert hostile[0].data_type == "s"
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b


def test_text_that_looks_like_an_excel_error_stays_text_in_the_xlsx(cohort, members):
    members[2].position = "#N/A"  # openpyxl would otherwise store this as an error value
    members[2].save()
    sheet = load_workbook(io.BytesIO(matrix_xlsx(progress_matrix(cohort)))).active
    row = next(row for row in sheet.iter_rows(min_row=2) if row[3].value == "c@example.mn")
    assert (row[5].value, row[5].data_type) == ("#N/A", "s")
    assert row[7].data_type == "n"  # progress stays a number


def test_a_completed_module_reads_complete_in_words(cohort, members, course):
    module = ModulePage.objects.child_of(course).order_by("path").first()
    for lesson in LessonPage.objects.child_of(module).live():
        lesson_complete(learner=members[1], lesson=lesson)
    header, *rows = _english_rows(cohort)
    column = header.index("M1 Module 1")
    by_email = {row[3]: row for row in rows}
    assert by_email["b@example.mn"][column] == "Complete 2/2"
    assert by_email["c@example.mn"][column] == "Not started 0/2"
    assert by_email["b@example.mn"][header.index("Progress (%)")] == 50


def test_the_file_name_is_ascii_whatever_the_cohort_is_called(cohort):
    cohort.name = "Дархан-Уул: сургалт"
    matrix = progress_matrix(cohort)
    name = filename(matrix, "CSV")
    assert name.isascii()
    assert name.startswith(f"cohort-{cohort.pk}-progress-")
    assert name.endswith(".csv")


def test_the_export_writes_latin_names_given_name_first_and_local_times_without_an_offset(cohort, members, course):
    members[1].latin_first_name, members[1].latin_last_name = "Ulzii", "Tsetseg"
    members[1].save()
    module = ModulePage.objects.child_of(course).order_by("path").first()
    lesson_complete(learner=members[1], lesson=LessonPage.objects.child_of(module).live().order_by("path").first())
    data = matrix_csv(progress_matrix(cohort)).decode("utf-8-sig")
    row = next(row for row in csv.reader(io.StringIO(data)) if row[3] == "b@example.mn")
    assert row[2] == "Ulzii Tsetseg"  # as on the certificate and the passport
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row[8]), row[8]
    assert not re.search(r"T\d\d:\d\d|\+08:00", data)


def test_the_export_lists_trainees_by_the_mongolian_alphabet(cohort, members, organisation):
    # Өлзийбаяр after Оюун and before Пүрэв, where code point order puts Ө after every other letter.
    for email, family in (("d@example.mn", "Өлзийбаяр"), ("e@example.mn", "Пүрэв"), ("f@example.mn", "Оюун")):
        person = UserFactory(organisation=organisation, email=email, last_name=family, first_name="Нэр")
        membership_add(cohort=cohort, learner=person, source=CohortMembership.Source.TRAINER)
    families = [row[0] for row in _english_rows(cohort)[1:] if row[0] != HOSTILE]
    assert families == ["Баатар", "Оюун", "Өлзийбаяр", "Пүрэв", "Цэцэг"]
