"""The printable attendance sheet: who should sign, and what was recorded once attendance is taken."""

import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from cohorts.attendance_sheet import attendance_sheet_pdf
from cohorts.models import CohortMembership
from cohorts.services import attendance_record, membership_add, membership_withdraw, session_create
from tests.factories import UserFactory

PLACE = "Дархан, Цагдаагийн газрын хурлын танхим"


def pdf_text(pdf: bytes) -> str:
    """The PDF's text in reading order row by row (without -layout, pdftotext reads a table by column)."""
    assert pdf.startswith(b"%PDF-")
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


@pytest.fixture
def members(cohort, organisation):
    people = [
        UserFactory(organisation=organisation, last_name="Цэцэг", first_name="Өлзий", latin_last_name="Tsetseg"),
        UserFactory(organisation=organisation, last_name="Болд", first_name="Сарангэрэл", latin_last_name="Bold"),
        UserFactory(organisation=organisation, last_name="Баатар", first_name="Тэмүүлэн", latin_last_name="Baatar"),
    ]
    for person in people:
        membership_add(cohort=cohort, learner=person, source=CohortMembership.Source.TRAINER)
    return people


@pytest.fixture
def session(cohort):
    starts_at = datetime(2026, 11, 29, 10, 0, tzinfo=ZoneInfo("Asia/Ulaanbaatar"))
    return session_create(cohort=cohort, starts_at=starts_at, place=PLACE)


def sheet(cohort, session) -> str:
    with translation.override("en"):
        return pdf_text(attendance_sheet_pdf(cohort=cohort, session=session, course_title="Course course"))


def test_the_sheet_lists_every_trainee_by_family_name_with_the_cohort_and_place(cohort, session, members):
    text = sheet(cohort, session)
    assert cohort.name in text
    assert PLACE in text
    assert "Course course" in text
    assert "2026-11-29" in text
    assert "10:00" in text
    positions = [text.index(f"{p.last_name} {p.first_name}") for p in members]
    # Баатар, Болд, Цэцэг: alphabetical by family name, not the order they joined.
    assert positions[2] < positions[1] < positions[0]
    assert "Absent" not in text


def test_a_trainee_who_left_is_not_on_the_sheet(cohort, session, members):
    membership_withdraw(membership=CohortMembership.objects.get(learner=members[0]), by=cohort.lead_trainer)
    text = sheet(cohort, session)
    assert "Цэцэг" not in text
    assert "Болд Сарангэрэл" in text


def test_once_attendance_is_taken_the_sheet_shows_each_mark(cohort, session, members, trainer):
    attendance_record(session=session, marks={members[1].pk: "absent"}, by=trainer)
    text = sheet(cohort, session)
    assert text.count("Absent") == 1
    assert text.count("Present") == 2
    # With -layout the text runs row by row: the mark sits between Болд's name and the next trainee's.
    assert text.index("Болд Сарангэрэл") < text.index("Absent") < text.index("Цэцэг Өлзий")


def test_the_sheet_prints_in_the_fonts_shipped_with_cascade(cohort, session, members):
    from tests.certificates.test_printed_certificate import SHIPPED, printed_fonts

    with translation.override("mn"):
        pdf = attendance_sheet_pdf(cohort=cohort, session=session, course_title="Сургалт")
    fonts = printed_fonts(pdf)
    assert fonts and fonts <= SHIPPED, fonts


def test_latin_names_are_printed_given_name_first_as_on_the_certificate(cohort, session, members):
    text = sheet(cohort, session)
    assert "Batbold Tsetseg" in text and "Tsetseg Batbold" not in text


def test_the_sheet_follows_the_mongolian_alphabet_for_o_and_u_with_a_bar(cohort, session, organisation):
    for family in ("Үнэнбат", "Өлзийбаяр", "Пүрэв", "Ухнаа", "Оюун", "Фаина"):
        person = UserFactory(organisation=organisation, last_name=family, first_name="Нэр")
        membership_add(cohort=cohort, learner=person, source=CohortMembership.Source.TRAINER)
    text = sheet(cohort, session)
    positions = [text.index(family) for family in ("Оюун", "Өлзийбаяр", "Пүрэв", "Ухнаа", "Үнэнбат", "Фаина")]
    assert positions == sorted(positions)
