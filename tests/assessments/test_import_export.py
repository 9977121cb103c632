"""Importing a bank into the database and exporting it back (architecture §4.6: all or nothing,
every problem reported by line, the same file twice changes nothing)."""

from pathlib import Path

import pytest

from assessments.exporting import export_category, to_parsed
from assessments.formats.gift import parse_gift
from assessments.formats.moodle_xml import parse_moodle_xml
from assessments.importing import GIFT, MOODLE_XML, questions_import
from assessments.models import Question, QuestionCategory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = "::Сайн:: Хүүхэд хэдэн настай вэ? {#12:1}\n\n::Эвдэрсэн:: Хаалт хаагдаагүй {=тийм ~үгүй\n"


def comparable(parsed):
    return {**vars(parsed), "line": 0, "category": parsed.category.split("/", 1)[-1]}


@pytest.mark.parametrize(("name", "file_format"), [("mongolian_bank.gift", GIFT), ("mongolian_bank.xml", MOODLE_XML)])
def test_a_bank_imports_once_into_its_categories(name, file_format):
    data = (FIXTURES / name).read_bytes()
    report = questions_import(data=data, file_format=file_format)
    assert report.committed and not report.issues
    assert len(report.created) == Question.objects.count() > 0
    assert QuestionCategory.objects.exists()
    again = questions_import(data=data, file_format=file_format)
    assert again.created == [] and again.unchanged == len(report.created)
    assert Question.objects.count() == len(report.created)


def test_a_file_with_one_bad_question_imports_nothing_unless_told_to_skip():
    report = questions_import(data=BROKEN.encode(), file_format=GIFT)
    assert not report.committed
    assert [issue.line for issue in report.issues] == [3]
    assert not Question.objects.exists()
    skipped = questions_import(data=BROKEN.encode(), file_format=GIFT, skip_errors=True)
    assert skipped.committed
    assert list(Question.objects.values_list("name", flat=True)) == ["Сайн"]


def test_a_dry_run_reports_and_writes_nothing():
    report = questions_import(data=(FIXTURES / "mongolian_bank.gift").read_bytes(), file_format=GIFT, dry_run=True)
    assert report.created and not report.committed
    assert not Question.objects.exists() and not QuestionCategory.objects.exists()


def test_questions_go_under_the_chosen_category_in_the_chosen_language():
    root = QuestionCategory.objects.create(name_mn="Импорт")
    questions_import(
        data=(FIXTURES / "mongolian_bank.gift").read_bytes(), file_format=GIFT, category=root, language="en"
    )
    assert all(q.category.pk in root.descendant_ids() for q in Question.objects.all())
    assert set(Question.objects.values_list("locale__language_code", flat=True)) == {"en"}


@pytest.mark.parametrize(
    ("name", "file_format", "parse"),
    [
        ("mongolian_bank.gift", GIFT, lambda data: parse_gift(data.decode())),
        ("mongolian_bank.xml", MOODLE_XML, parse_moodle_xml),
    ],
)
def test_an_exported_category_imports_as_the_same_questions(name, file_format, parse):
    root = QuestionCategory.objects.create(name_mn="Банк")
    questions_import(data=(FIXTURES / name).read_bytes(), file_format=file_format, category=root)
    originals = [comparable(to_parsed(q)) for q in Question.objects.order_by("category__name_mn", "pk")]
    exported = export_category(root, file_format=file_format)
    result = parse(exported)
    assert not result.issues
    assert [comparable(q) for q in result.questions] == originals
