"""A trainer runs a cohort in the browser: invites a trainee, who creates an account from the
e-mail's link; takes attendance on a phone; follows the trainee in the progress matrix; exports it.
axe-core checks each page on the way."""

import csv
import io
import re
import uuid
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from .pages import sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def cohort_setting(demo, django_db_blocker):
    from cohorts.services import authorisation_grant, cohort_create, membership_add, session_create
    from tests.factories import UserFactory, build_course

    with django_db_blocker.unblock():
        trainer = demo["trainer@demo.mn"]
        suffix = uuid.uuid4().hex[:8]
        course = build_course(slug=f"cohort-course-{suffix}", modules=2, lessons=2, self_enrolment=False)
        authorisation_grant(trainer=trainer, course=course, by=None, evidence="Browser test")
        cohort = cohort_create(
            course=course,
            lead_trainer=trainer,
            by=trainer,
            name=f"Сургалт {suffix}",
            organisation=trainer.organisation,
            starts_on=date.today(),
            status="running",
            mode="in_person",
            location="Сургалтын танхим 2",
        )
        present = UserFactory(last_name="Ирсэн", first_name="Суралцагч")
        membership_add(cohort=cohort, learner=present, source="trainer")
        session = session_create(cohort=cohort, starts_at=timezone.now() - timedelta(hours=1), title="Нэгдүгээр өдөр")
    return trainer, cohort, session, suffix


def test_a_trainer_invites_takes_attendance_on_a_phone_follows_progress_and_exports(
    browser, page, site_server, cohort_setting
):
    trainer, cohort, session, suffix = cohort_setting
    base = site_server.url
    invited = f"invited-{suffix}@example.mn"
    mail.outbox.clear()

    sign_in(page, base, trainer.email)
    page.goto(f"{base}/mn/cohorts/")
    page.get_by_role("link", name=cohort.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(cohort.name)
    assert_accessible(page)

    # Invite: the e-mail carries a link that creates the account and enrols.
    page.get_by_role("link", name=re.compile("Урих|Invite")).click()
    page.locator("textarea[name=emails]").fill(invited)
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".message-success")).to_be_visible()
    link = re.search(r"https?://\S+/invitations/\S+/", mail.outbox[-1].body).group(0)
    link = base + link[link.index("/invitations/") :]

    newcomer = browser.new_context().new_page()
    newcomer.goto(link)
    newcomer.locator("input[name=family_name]").fill("Уригдсан")
    newcomer.locator("input[name=given_name]").fill("Шинэ")
    newcomer.locator("input[name=password]").fill("a-long-and-new-password-42")
    newcomer.locator("main form button[type=submit]").click()
    expect(newcomer.get_by_role("heading", level=1)).to_contain_text(str(suffix))  # the course page
    newcomer.context.close()

    # Attendance on a phone: everyone is present by default, one tap marks the exception.
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/mn/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/")
    rows = page.locator("fieldset.attendance-row")
    expect(rows).to_have_count(2)
    newcomer_row = rows.filter(has_text="Уригдсан")
    expect(newcomer_row.locator("input[value=present]")).to_be_checked()
    newcomer_row.locator("label", has_text=re.compile("Тасалсан|Absent")).click()
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".message-success")).to_be_visible()

    # The matrix shows both trainees, states in words as well as symbols, and the attendance.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base}/mn/cohorts/{cohort.pk}/")
    row = page.locator("table.matrix tbody tr", has_text="Уригдсан")
    expect(row).to_contain_text("0/1")
    expect(row.locator(".cell .visually-hidden").first).to_have_text(re.compile("Эхлээгүй|Not started"))
    assert_accessible(page)

    # The other pages a trainer uses: each passes axe too.
    for path in (
        "/mn/cohorts/",
        f"/mn/cohorts/{cohort.pk}/sessions/",
        f"/mn/cohorts/{cohort.pk}/import/",
        f"/mn/cohorts/{cohort.pk}/remind/",
        f"/mn/cohorts/{cohort.pk}/edit/",
        "/mn/authorisations/",
    ):
        page.goto(base + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
    page.goto(f"{base}/mn/cohorts/{cohort.pk}/")
    page.locator("table.matrix tbody tr", has_text="Уригдсан").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Уригдсан")
    assert_accessible(page)
    page.goto(f"{base}/mn/cohorts/{cohort.pk}/")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    content = download_info.value.path().read_bytes().decode("utf-8-sig")
    names = [line[0] for line in csv.reader(io.StringIO(content))]
    assert "Уригдсан" in names and "Ирсэн" in names


def test_the_master_trainers_cascade_has_no_serious_accessibility_problems(page, site_server, demo):
    sign_in(page, site_server.url, "master@demo.mn")
    page.goto(f"{site_server.url}/mn/cascade/")
    expect(page.locator(".cascade-tree summary").first).to_be_visible()
    assert_accessible(page)


def test_the_dashboard_pages_its_trainees_on_a_phone(page, site_server, demo, monkeypatch):
    """A page at a time, the count shown; the links between pages keep the chosen sort; 360 px, axe."""
    from cohorts.views import cohorts as cohort_views

    from .pages import demo_cohort

    monkeypatch.setattr(cohort_views, "DASHBOARD_PAGE_SIZE", 1)  # the demo's cohort is small
    cohort = demo_cohort(demo["trainer@demo.mn"])
    page.set_viewport_size({"width": 360, "height": 780})
    sign_in(page, site_server.url, "trainer@demo.mn")
    expect(page.locator("header form[action='/accounts/logout/']")).to_be_attached()
    page.goto(f"{site_server.url}/mn/cohorts/{cohort.pk}/?sort=-progress")
    expect(page.locator("main nav.pagination")).to_be_visible()
    expect(page.locator("main .page-count")).to_be_visible()
    # The matrix scrolls inside its own box; the rest of the page fits the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    page.locator("main nav.pagination a").last.click()
    expect(page).to_have_url(re.compile(r"\?sort=-progress&page=2$"))
    expect(page.locator("table.matrix tbody tr")).to_have_count(1)
    assert_accessible(page)


@pytest.mark.parametrize("rows", ["good", "with-problems"])
def test_the_trainee_import_preview_has_no_serious_accessibility_problems_on_a_phone(
    page, site_server, cohort_setting, rows, tmp_path
):
    """The preview a trainer checks before importing: the rows to import, or each problem by row and column."""
    trainer, cohort, _session, suffix = cohort_setting
    header = "email,family_name,given_name,latin_family_name,latin_given_name,position,region,gender,preferred_language"
    lines = [header, f"new-{suffix}@police.mn,Дорж,Сарнай,Dorj,Sarnai,Байцаагч,Дархан-Уул,эмэгтэй,mn"]
    if rows == "with-problems":
        lines.append("not-an-address,,Бат,,,,Марс,?,xx")
    upload = tmp_path / "trainees.csv"
    upload.write_text("\n".join(lines) + "\n", encoding="utf-8")

    page.set_viewport_size(PHONE)
    sign_in(page, site_server.url, trainer.email)
    page.goto(f"{site_server.url}/mn/cohorts/{cohort.pk}/import/")
    page.locator("input[type=file]").set_input_files(str(upload))
    page.get_by_role("button", name="Файлыг шалгах").click()
    expect(page).to_have_url(re.compile(rf"/cohorts/{cohort.pk}/import/\d+/"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
