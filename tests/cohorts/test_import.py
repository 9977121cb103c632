"""Importing trainees from CSV or XLSX (architecture §4.6 and §4.7): every bad row reported by row
and column, all or nothing, a second import of the same file changes nothing, and an existing
account is invited (never put in the cohort by the importer) and never edited."""

import csv
import io
import unicodedata

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from accounts import roles
from cohorts import importing
from cohorts.importing import applying
from cohorts.models import Cohort, CohortMembership, TraineeImport
from cohorts.services import membership_add
from cohorts.tasks import import_trainees
from tests.factories import OrganisationFactory, UserFactory, authorise, make_user, open_cohort, region

pytestmark = pytest.mark.django_db
User = get_user_model()

HEADER = list(importing.COLUMN_KEYS)


def person(n: int, **values) -> dict:
    """A good row for trainee ``n``; ``values`` override columns."""
    return {
        "email": f"trainee.{n}@police.mn",
        "family_name": "Дорж",
        "given_name": "Сарнай",
        "latin_family_name": "Dorj",
        "latin_given_name": "Sarnai",
        "organisation": "",
        "position": "Байцаагч",
        "region": "Дархан-Уул",
        "gender": "эмэгтэй",
        "preferred_language": "mn",
        **values,
    }


def csv_bytes(rows: list, *, header=HEADER, encoding="utf-8", errors="strict", delimiter=",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(key, "") for key in importing.COLUMN_KEYS] if header is HEADER else row)
    return buffer.getvalue().encode(encoding, errors)


def xlsx_bytes(rows: list[list], header: list[str]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def check(cohort, data: bytes, file_name="trainees.csv") -> TraineeImport:
    with translation.override("en"):
        return importing.check(cohort=cohort, file_name=file_name, data=data, by=cohort.lead_trainer)


def located(trainee_import: TraineeImport) -> set[tuple[int, str]]:
    return {(problem["row"], problem["column"]) for problem in trainee_import.errors}


def state() -> dict:
    """Everything an import may write, to compare before and after."""
    return {
        "users": list(User.objects.values().order_by("pk")),
        "groups": list(User.groups.through.objects.values().order_by("pk")),
        "emails": list(EmailAddress.objects.values().order_by("pk")),
        "memberships": list(CohortMembership.objects.values().order_by("pk")),
    }


@pytest.fixture
def imported(cohort):
    """Run a checked import and return it fresh from the database."""

    def do(data: bytes, file_name="trainees.csv") -> TraineeImport:
        trainee_import = check(cohort, data, file_name)
        assert trainee_import.errors == []
        return importing.run(trainee_import=trainee_import)

    return do


# --- Reading -------------------------------------------------------------------------------------


def test_a_utf8_file_with_a_bom_creates_accounts_with_nfc_names(cohort, imported):
    decomposed = unicodedata.normalize("NFD", "Өлзий")  # й as и followed by a combining breve
    assert decomposed != "Өлзий"
    data = csv_bytes(
        [person(1, given_name="  Номин  "), person(2, given_name=decomposed)],
        encoding="utf-8-sig",
        delimiter=";",
    )
    assert data.startswith(b"\xef\xbb\xbf")
    done = imported(data)
    assert (done.status, done.created_accounts, done.invited_accounts) == (TraineeImport.Status.DONE, 2, 0)
    first = User.objects.get(email="trainee.1@police.mn")
    assert (first.last_name, first.first_name, first.latin_first_name) == ("Дорж", "Номин", "Sarnai")
    assert first.region == region("darkhan-uul")
    assert (first.gender, first.preferred_language, first.position) == ("female", "mn", "Байцаагч")
    assert first.organisation == cohort.organisation  # blank organisation: the cohort's
    assert not first.has_usable_password()
    assert not first.groups.exists()
    assert EmailAddress.objects.get(user=first).verified is False
    assert User.objects.get(email="trainee.2@police.mn").first_name == "Өлзий"
    assert set(cohort.memberships.values_list("source", flat=True)) == {CohortMembership.Source.IMPORT}


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("cp1251", "\t"), ("cp1251", ";"), ("utf-16", "\t")],  # utf-16: Excel's "Unicode text"
)
def test_windows_1251_and_utf16_files_are_read(cohort, imported, encoding, delimiter):
    data = csv_bytes([person(1, family_name="Бат", given_name="Сарнай")], encoding=encoding, delimiter=delimiter)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    done = imported(data)
    assert done.created_accounts == 1
    assert User.objects.get(email="trainee.1@police.mn").last_name == "Бат"


def test_letters_windows_1251_cannot_hold_are_reported_not_imported(cohort):
    # Excel saves Ө and Ү as "?" in Windows-1251: the name is damaged, and the import says so.
    data = csv_bytes([person(1, given_name="Өлзий")], encoding="cp1251", errors="replace")
    assert located(check(cohort, data)) == {(2, "given_name")}


def test_an_xlsx_file_is_read_with_numbers_as_text(cohort, imported):
    data = xlsx_bytes([["trainee.1@police.mn", "Бат", "Болд", "", "", "", 12, "orkhon", "male", "en"]], header=HEADER)
    done = imported(data, file_name="trainees.xlsx")
    trainee = User.objects.get(email="trainee.1@police.mn")
    assert (done.created_accounts, trainee.position, trainee.region, trainee.gender) == (
        1, "12", region("orkhon"), "male",
    )  # fmt: skip
    assert trainee.preferred_language == "en"


def test_mongolian_headers_are_understood_and_other_columns_left_out(cohort, organisation, imported):
    unit = OrganisationFactory(parent=organisation, code="darkhan-police", name_mn="Дархан-Уул аймгийн ЦГ")
    header = ["№", "И-мэйл", "Овог", "Нэр", "Латин овог", "Латин нэр", "Байгууллага", "Албан тушаал",
              "Аймаг/дүүрэг", "Хүйс", "Хэл", "Тэмдэглэл"]  # fmt: skip
    data = xlsx_bytes(
        [[1, "Trainee.1@Police.MN", "Бат", "Болд", "Bat", "Bold", "дархан-уул аймгийн цг", "Ахлах байцаагч",
          "Баянзүрх дүүрэг", "Эр", "монгол", "anything"]],
        header=header,
    )  # fmt: skip
    done = imported(data, file_name="сургалт.xlsx")
    trainee = User.objects.get(email="trainee.1@police.mn")
    assert done.created_accounts == 1
    assert (trainee.organisation, trainee.region, trainee.gender) == (unit, region("ub-bayanzurkh"), "male")


def test_an_old_xls_file_or_a_broken_workbook_is_refused_with_a_reason(cohort):
    old = check(cohort, b"\xd0\xcf\x11\xe0" + b"\0" * 100, file_name="trainees.xls")
    broken = check(cohort, b"PK\x03\x04 not really a zip", file_name="trainees.xlsx")
    assert "XLSX" in old.errors[0]["reason"] and old.errors[0]["row"] == 0
    assert broken.errors[0]["row"] == 0 and broken.rows == []


def test_a_file_without_a_header_or_a_required_column_is_refused_at_row_1(cohort):
    no_header = check(cohort, "a@police.mn,Бат,Болд\n".encode())
    missing = check(cohort, csv_bytes([["a@police.mn", "Бат"]], header=["email", "family_name"]))
    assert located(no_header) == {(1, "")}
    # The rows are not checked against a broken header: one problem, not one per row.
    assert located(missing) == {(1, "given_name")}


# --- Bad rows ------------------------------------------------------------------------------------


def test_every_bad_row_is_reported_by_row_column_and_reason_and_nothing_is_written(cohort, organisation):
    UserFactory(email="gone@police.mn", is_active=False)
    OrganisationFactory(code="elsewhere")  # another tree: not the cohort's organisation's
    rows = [
        person(1),  # row 2: good
        person(2, given_name=""),  # 3: required value missing
        person(3, email="not-an-address"),  # 4: malformed address
        person(4, email="TRAINEE.1@police.mn"),  # 5: the address of row 2 again
        person(5, family_name="Dorj"),  # 6: Latin letters in a Cyrillic name
        person(6, latin_given_name="Сарнай"),  # 7: Cyrillic letters in a Latin name
        person(7, region="Атлантис"),  # 8: unknown region
        person(8, gender="x"),  # 9: unknown gender
        person(9, preferred_language="français"),  # 10: unknown language
        person(10, organisation="elsewhere"),  # 11: organisation outside the cohort's
        person(11, position="х" * 201),  # 12: too long for its field
        person(12, email="gone@police.mn"),  # 13: a deactivated account
        dict.fromkeys(importing.COLUMN_KEYS, ""),  # 14: blank, skipped
        person(13, email=importing.EXAMPLE_EMAIL),  # 15: the template's example row left in
        person(14, gender="Э"),  # 16: эмэгтэй or эрэгтэй?
    ]
    before = state()
    trainee_import = check(cohort, csv_bytes(rows))
    assert located(trainee_import) == {
        (3, "given_name"), (4, "email"), (5, "email"), (6, "family_name"), (7, "latin_given_name"),
        (8, "region"), (9, "gender"), (10, "preferred_language"), (11, "organisation"), (12, "position"),
        (13, "email"), (15, "email"), (16, "gender"),
    }  # fmt: skip
    reasons = {(p["row"], p["column"]): p["reason"] for p in trainee_import.errors}
    assert "row 2" in reasons[(5, "email")]
    assert "deactivated" in reasons[(13, "email")]
    assert "Latin letters" in reasons[(6, "family_name")]
    assert "200" in reasons[(12, "position")]
    # A file with problems cannot be imported, not even its good row.
    assert importing.run(trainee_import=trainee_import).status == TraineeImport.Status.CHECKED
    assert state() == before


def test_the_same_name_for_two_organisations_asks_for_the_code(cohort, organisation):
    OrganisationFactory(parent=organisation, code="unit-a", name_mn="Хүүхдийн хэлтэс")
    OrganisationFactory(parent=organisation, code="unit-b", name_mn="Хүүхдийн хэлтэс")
    ambiguous = check(cohort, csv_bytes([person(1, organisation="Хүүхдийн хэлтэс")]))
    by_code = check(cohort, csv_bytes([person(1, organisation="unit-b")]))
    assert located(ambiguous) == {(2, "organisation")}
    assert by_code.errors == []


# --- Committing ----------------------------------------------------------------------------------


def test_a_full_cohort_refuses_the_whole_file(cohort):
    cohort.capacity = 1
    cohort.save()
    before = state()
    trainee_import = check(cohort, csv_bytes([person(1), person(2)]))
    assert trainee_import.errors == []
    with translation.override("en"):
        failed = importing.run(trainee_import=trainee_import)
    assert failed.status == TraineeImport.Status.FAILED
    assert "full" in failed.errors[0]["reason"]
    assert state() == before  # not even the first trainee's account


def test_importing_the_same_file_again_adds_nobody_and_changes_nothing(cohort, imported):
    data = csv_bytes([person(1), person(2), person(3)])
    first = imported(data)
    before = state()
    again = imported(data)
    assert (first.created_accounts, first.already_members) == (3, 0)
    assert (again.status, again.created_accounts, again.invited_accounts, again.already_members) == (
        TraineeImport.Status.DONE, 0, 0, 3,
    )  # fmt: skip
    assert state() == before


def test_an_existing_account_is_invited_and_left_exactly_as_it_was(cohort, organisation, imported):
    elsewhere = OrganisationFactory()
    coordinator = make_user(roles.COORDINATOR, email="boss@police.mn", organisation=elsewhere,
                            last_name="Түмэн", first_name="Оюун")  # fmt: skip
    trainee = UserFactory(email="known@police.mn", organisation=elsewhere)
    account = {pk: User.objects.filter(pk=pk).values().get() for pk in (coordinator.pk, trainee.pk)}
    groups = set(coordinator.groups.values_list("name", flat=True))
    rows = [
        person(1, email="BOSS@police.mn", family_name="Өөр", given_name="Нэр", organisation=""),
        person(2, email="known@police.mn", gender="male", region="orkhon", preferred_language="en"),
        person(3),
    ]
    done = imported(csv_bytes(rows))
    assert (done.created_accounts, done.invited_accounts, done.already_members) == (1, 2, 0)
    for pk, values in account.items():
        assert User.objects.filter(pk=pk).values().get() == values
    assert set(coordinator.groups.values_list("name", flat=True)) == groups
    assert set(cohort.memberships.values_list("learner__email", flat=True)) == {"trainee.3@police.mn"}
    # The new account is invited too: its invitation is how the trainee sets a password.
    assert set(cohort.invitations.values_list("email", flat=True)) == {
        "boss@police.mn", "known@police.mn", "trainee.3@police.mn",
    }  # fmt: skip


def test_a_trainee_who_left_the_cohort_is_invited_back_and_a_current_one_is_counted(cohort, trainees, imported):
    membership_add(cohort=cohort, learner=trainees[0], source=CohortMembership.Source.TRAINER)
    left = membership_add(cohort=cohort, learner=trainees[1], source=CohortMembership.Source.TRAINER)
    left.status = CohortMembership.Status.WITHDRAWN
    left.save()
    done = imported(csv_bytes([person(1, email=trainees[0].email), person(2, email=trainees[1].email)]))
    assert (done.created_accounts, done.invited_accounts, done.already_members) == (0, 1, 1)
    left.refresh_from_db()
    assert left.status == CohortMembership.Status.WITHDRAWN  # until they accept the invitation
    assert list(cohort.invitations.values_list("email", flat=True)) == [trainees[1].email]


def test_progress_is_visible_while_the_import_runs(cohort, monkeypatch):
    """The run holds one transaction, so the progress bar reads the count others can see: the cache."""
    monkeypatch.setattr(applying, "CHUNK", 2)
    trainee_import = check(cohort, csv_bytes([person(n) for n in range(5)]))
    trainee_import.status = TraineeImport.Status.QUEUED
    trainee_import.save()
    seen = []
    real = applying.memberships_add_many

    def watching(**kwargs):
        seen.append(importing.progress(TraineeImport.objects.get(pk=trainee_import.pk)))
        return real(**kwargs)

    monkeypatch.setattr(applying, "memberships_add_many", watching)
    done = importing.run(trainee_import=trainee_import)
    assert (seen[0]["status"], seen[0]["processed"], seen[0]["percent"]) == ("running", 5, 100)
    assert importing.progress(done) | {"label": ""} == {
        "status": "done", "label": "", "processed": 5, "total": 5, "percent": 100, "finished": True,
    }  # fmt: skip


def test_the_task_does_nothing_once_the_import_is_done_or_failed(cohort):
    trainee_import = check(cohort, csv_bytes([person(1)]))
    importing.queue(trainee_import=trainee_import)
    import_trainees(trainee_import.pk)
    before = state()
    import_trainees(trainee_import.pk)
    trainee_import.refresh_from_db()
    assert (trainee_import.status, trainee_import.created_accounts) == (TraineeImport.Status.DONE, 1)
    assert state() == before
    import_trainees(0)  # an import that no longer exists: nothing to do, no error


def test_validation_and_import_run_in_bulk_whatever_the_number_of_rows(cohort, trainees, django_assert_max_num_queries):
    for size, existing in ((10, trainees[0]), (200, trainees[1])):
        rows = [person(1000 * size + n) for n in range(size)]
        rows[0]["email"] = existing.email  # an existing account among them
        trainee_import = check(cohort, csv_bytes(rows))
        fresh = Cohort.objects.get(pk=cohort.pk)  # its organisation not yet loaded
        with django_assert_max_num_queries(5):
            plan = importing.validate(cohort=fresh, rows=trainee_import.rows)
        assert (len(plan.problems), len(plan.create), len(plan.invite)) == (0, size - 1, 1)
        # Accounts, addresses, enrolments and memberships are written in batches, not row by row.
        with django_assert_max_num_queries(40):
            done = importing.run(trainee_import=trainee_import)
        assert (done.created_accounts, done.invited_accounts) == (size - 1, 1)


# --- The command ---------------------------------------------------------------------------------


def test_the_command_dry_run_writes_nothing_and_the_real_run_imports(cohort, tmp_path):
    path = tmp_path / "trainees.csv"
    path.write_bytes(csv_bytes([person(1), person(2)]))
    before = state()
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_trainees", str(path), cohort=cohort.pk, dry_run=True, stdout=out)
    assert "New accounts: 2" in out.getvalue()
    assert state() == before
    assert not TraineeImport.objects.exists()
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_trainees", str(path), cohort=cohort.pk, stdout=out)
    assert "New accounts: 2" in out.getvalue()
    assert cohort.memberships.count() == 2


def test_the_command_prints_each_problem_and_fails(cohort, tmp_path):
    path = tmp_path / "trainees.csv"
    path.write_bytes(csv_bytes([person(1), person(2, given_name=""), person(3, email="nope")]))
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="2 problems"):
        call_command("import_trainees", str(path), cohort=cohort.pk, dry_run=True, stderr=err)
    assert err.getvalue().splitlines() == [
        "row 3, column given_name: This value is required.",
        "row 4, column email: “nope” is not an e-mail address.",
    ]
    with translation.override("en"), pytest.raises(CommandError):
        call_command("import_trainees", str(path), cohort=cohort.pk, stderr=io.StringIO())
    assert not cohort.memberships.exists()


# --- The pages -----------------------------------------------------------------------------------


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


def upload(client, cohort, data: bytes, file_name="trainees.csv"):
    return client.post(reverse("cohort_import", args=[cohort.pk]), {"file": SimpleUploadedFile(file_name, data)})


def test_upload_preview_and_import(trainer_client, cohort):
    page = trainer_client.get(reverse("cohort_import", args=[cohort.pk]))
    assert page.status_code == 200
    assert reverse("cohort_import_template", args=[cohort.pk, "xlsx"]) in page.content.decode()
    response = upload(trainer_client, cohort, csv_bytes([person(1), person(2)]))
    trainee_import = TraineeImport.objects.get()
    preview_url = reverse("cohort_import_preview", args=[cohort.pk, trainee_import.pk])
    assert response.status_code == 302 and response.url == preview_url
    preview = trainer_client.get(preview_url).content.decode()
    assert "trainee.2@police.mn" in preview
    assert '<button type="submit" class="button">' in preview
    assert not cohort.memberships.exists()  # a preview imports nothing
    assert trainer_client.post(preview_url).status_code == 302
    trainee_import.refresh_from_db()
    assert (trainee_import.status, trainee_import.created_accounts) == (TraineeImport.Status.DONE, 2)
    assert cohort.memberships.count() == 2


def test_the_preview_lists_problems_and_offers_no_import(trainer_client, cohort):
    upload(trainer_client, cohort, csv_bytes([person(1), person(2, email="nope")]))
    trainee_import = TraineeImport.objects.get()
    preview_url = reverse("cohort_import_preview", args=[cohort.pk, trainee_import.pk])
    page = trainer_client.get(preview_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<td>3</td><td><code>email</code></td>" in page
    assert '<button type="submit" class="button">' not in page
    trainer_client.post(preview_url)
    assert not cohort.memberships.exists()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_template_has_the_columns_and_its_example_row_is_refused(trainer_client, cohort, file_format):
    response = trainer_client.get(reverse("cohort_import_template", args=[cohort.pk, file_format]))
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if file_format == "xlsx":
        header = [cell.value for cell in next(load_workbook(io.BytesIO(data)).active.iter_rows(max_row=1))]
    else:
        assert data.startswith(b"\xef\xbb\xbf")
        header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header == HEADER
    assert located(check(cohort, data, file_name=f"template.{file_format}")) == {(2, "email")}


def test_a_large_file_is_imported_by_celery_behind_a_progress_bar(
    trainer_client, cohort, monkeypatch, django_capture_on_commit_callbacks
):
    for module in (importing, applying):  # the page's note, and start() that queues it
        monkeypatch.setattr(module, "QUEUE_ABOVE", 2)
    upload(trainer_client, cohort, csv_bytes([person(n) for n in range(3)]))
    trainee_import = TraineeImport.objects.get()
    preview_url = reverse("cohort_import_preview", args=[cohort.pk, trainee_import.pk])
    status_url = reverse("cohort_import_status", args=[cohort.pk, trainee_import.pk])
    with django_capture_on_commit_callbacks() as callbacks:
        trainer_client.post(preview_url)
    assert trainer_client.get(status_url).json() | {"label": ""} == {
        "status": "queued", "label": "", "processed": 0, "total": 3, "percent": 0, "finished": False,
    }  # fmt: skip
    page = trainer_client.get(preview_url).content.decode()
    assert 'id="import-progress"' in page and "js/import_progress.js" in page
    assert not cohort.memberships.exists()
    for callback in callbacks:  # the worker picks the task up
        callback()
    state_now = trainer_client.get(status_url).json()
    assert (state_now["status"], state_now["percent"], state_now["finished"]) == ("done", 100, True)
    assert cohort.memberships.count() == 3


def test_another_trainer_gets_404_everywhere_and_imports_nothing(client, course, cohort, organisation):
    other = make_user(roles.TRAINER, organisation=organisation, email="trainer-b@example.mn")
    authorise(other, course)
    theirs = open_cohort(course, other)
    trainee_import = check(cohort, csv_bytes([person(1)]))
    client.force_login(other)
    urls = [
        ("get", reverse("cohort_import", args=[cohort.pk])),
        ("get", reverse("cohort_import_template", args=[cohort.pk, "csv"])),
        ("get", reverse("cohort_import_preview", args=[cohort.pk, trainee_import.pk])),
        ("post", reverse("cohort_import_preview", args=[cohort.pk, trainee_import.pk])),
        ("get", reverse("cohort_import_status", args=[cohort.pk, trainee_import.pk])),
    ]
    for method, url in urls:
        assert getattr(client, method)(url).status_code == 404, url
    assert upload(client, cohort, csv_bytes([person(2)])).status_code == 404
    # Their own cohort's URL does not reach another cohort's import either.
    assert client.get(reverse("cohort_import_preview", args=[theirs.pk, trainee_import.pk])).status_code == 404
    trainee_import.refresh_from_db()
    assert trainee_import.status == TraineeImport.Status.CHECKED
    assert TraineeImport.objects.count() == 1
    assert not cohort.memberships.exists()
