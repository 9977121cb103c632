"""Importing and exporting the bank say what happened, and change only what they say: a dry run or a
refused import leaves no category behind, a file without questions is not "imported", an export
with nothing in it is not written, and a bank exported and imported back gains nothing."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from assessments.exporting import NothingToExport, export_category
from assessments.formats import base as formats
from assessments.importing import GIFT, MOODLE_XML, questions_import
from assessments.models import Question, QuestionCategory
from tests.factories import UserFactory, choice, question, translate, with_totp

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = "::Нээлттэй асуулт:: Аль нь нээлттэй асуулт вэ? {=Юу болсныг ярина уу? ~Тэр чамайг цохисон уу?}\n"
BROKEN = GOOD + "\n::Эвдэрсэн:: Хаалт хаагдаагүй {=тийм ~үгүй\n"


def run(command, *args, **options) -> str:
    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command(command, *[str(arg) for arg in args], stdout=out, stderr=err, **options)
    return out.getvalue() + err.getvalue()


# --- The --category of import_questions ------------------------------------------------------------


@pytest.mark.parametrize(("text", "options"), [(GOOD, {"dry_run": True}), (BROKEN, {})])
def test_a_dry_run_or_a_refused_import_leaves_no_new_category_behind(tmp_path, text, options):
    path = tmp_path / "bank.gift"
    path.write_text(text)
    if options:
        assert "Dry run, nothing written" in run(
            "import_questions", path, file_format=GIFT, category="Шинэ ангилал", **options
        )
    else:
        with pytest.raises(CommandError, match="Nothing was imported"):
            run("import_questions", path, file_format=GIFT, category="Шинэ ангилал")
    assert not QuestionCategory.objects.exists()
    assert not Question.objects.exists()


def test_a_real_import_creates_the_category_and_a_second_one_uses_it(tmp_path):
    path = tmp_path / "bank.gift"
    path.write_text(GOOD)
    run("import_questions", path, file_format=GIFT, category="Шинэ ангилал")
    run("import_questions", path, file_format=GIFT, category="Шинэ ангилал")
    assert list(QuestionCategory.objects.values_list("name_mn", flat=True)) == ["Шинэ ангилал"]
    assert Question.objects.get().category.name_mn == "Шинэ ангилал"


# --- A file without questions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "file_format"),
    [(b"", GIFT), (b"// only a comment\n\n$CATEGORY: $course$/top/A\n", GIFT), (b"\xef\xbb\xbf\n  \n", GIFT),
     (b'<?xml version="1.0" encoding="UTF-8"?><quiz></quiz>', MOODLE_XML)],
)  # fmt: skip
def test_a_file_without_questions_is_an_error_not_an_import(data, file_format):
    with translation.override("en"):
        report = questions_import(data=data, file_format=file_format)
    assert not report.committed
    assert [issue.message for issue in report.issues] == ["The file holds no questions."]
    assert not QuestionCategory.objects.exists()


def test_the_command_fails_on_an_empty_gift_file(tmp_path):
    path = tmp_path / "bank.gift"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="Nothing was imported"):
        run("import_questions", path, file_format=GIFT)


def test_the_admin_page_says_an_empty_file_imported_nothing(client):
    client.force_login(with_totp(UserFactory(roles=["editor"])))
    # (An empty upload is refused by the form itself; this one has only a comment.)
    data = {"file": SimpleUploadedFile("bank.gift", b"// no questions yet\n"), "file_format": GIFT, "language": "mn"}
    page = client.post(reverse("assessments_import"), data)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Файлд асуулт алга байна." in text  # the admin speaks Mongolian first


# --- Exporting nothing -----------------------------------------------------------------------------


def test_exporting_a_category_without_questions_in_the_language_is_an_error_and_writes_no_file(bank, tmp_path):
    category = QuestionCategory.objects.get(name_mn="Ерөнхий")  # Mongolian questions only
    empty = QuestionCategory.objects.create(name_mn="Хоосон")
    with pytest.raises(NothingToExport):
        export_category(category, file_format=GIFT, language="en")
    for target, language in ((category, "en"), (empty, "mn")):
        output = tmp_path / f"{target.pk}-{language}.gift"
        with pytest.raises(CommandError, match=r"no questions in (English|Mongolian)"):
            run("export_questions", target.pk, file_format=GIFT, language=language, output=output)
        assert not output.exists()
    stdout = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError):
        call_command("export_questions", empty.pk, file_format=MOODLE_XML, stdout=stdout)
    assert stdout.getvalue() == ""


def test_an_english_export_has_the_translated_questions(bank, tmp_path):
    translate(bank["single"], name="Open question", text="<p>Which is an open question?</p>")
    output = tmp_path / "en.gift"
    run("export_questions", bank["single"].category.pk, file_format=GIFT, language="en", output=output)
    assert "Open question" in output.read_text()


# --- An export imported back into the same bank ----------------------------------------------------


@pytest.fixture
def hand_made_bank(bank):
    """The bank as editors build it in the admin (no import digest; rich text as the editor saves it;
    marks and shuffling that GIFT cannot carry), with a nested category."""
    nested = QuestionCategory.objects.create(
        name_mn="Дэд ангилал", parent=QuestionCategory.objects.get(name_mn="Ерөнхий")
    )
    question(
        formats.SINGLE_CHOICE,
        "Хүүхэдтэй ярилцахад юу чухал вэ?",
        [choice('<p data-block-key="a1">Тайван байх</p>', "1"), choice("Яаравчлах", "0")],
        category=nested,
        mark="2",
        shuffle=False,
        idnumber="calm",
    )
    bank["essay"].tags.add("ярилцлага")
    bank["essay"].save()
    return bank


@pytest.mark.parametrize("file_format", [GIFT, MOODLE_XML])
@pytest.mark.parametrize("under_the_category", [False, True])
def test_an_exported_category_imported_back_into_the_same_bank_adds_no_duplicate(
    hand_made_bank, file_format, under_the_category
):
    root = QuestionCategory.objects.get(name_mn="Ерөнхий")
    before = Question.objects.count()
    exported = export_category(root, file_format=file_format)
    report = questions_import(data=exported, file_format=file_format, category=root if under_the_category else None)
    assert report.committed and not report.issues
    assert report.created == []
    assert report.unchanged == len(parse_count(exported, file_format))
    assert Question.objects.count() == before
    assert QuestionCategory.objects.count() == 2


def parse_count(data: bytes, file_format: str) -> list:
    from assessments.importing import parse

    return parse(data, file_format).questions


@pytest.mark.parametrize(("name", "file_format"), [("mongolian_bank.gift", GIFT), ("mongolian_bank.xml", MOODLE_XML)])
def test_a_bank_imported_from_a_file_then_exported_and_imported_again_changes_nothing(name, file_format):
    root = QuestionCategory.objects.create(name_mn="Банк")
    first = questions_import(data=(FIXTURES / name).read_bytes(), file_format=file_format, category=root)
    categories = QuestionCategory.objects.count()
    exported = export_category(root, file_format=file_format)
    for category in (None, root):
        again = questions_import(data=exported, file_format=file_format, category=category)
        assert (len(again.created), again.unchanged) == (0, len(first.created))
    assert Question.objects.count() == len(first.created)
    assert QuestionCategory.objects.count() == categories


def test_a_changed_question_is_still_imported_as_a_new_one(hand_made_bank):
    root = QuestionCategory.objects.get(name_mn="Ерөнхий")
    exported = export_category(root, file_format=MOODLE_XML).replace("Палермо".encode(), "Палермогийн".encode(), 1)
    report = questions_import(data=exported, file_format=MOODLE_XML)
    assert len(report.created) == 1
