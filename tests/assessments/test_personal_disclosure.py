"""No graded personal disclosure: editors are warned when a quiz that counts has an essay asking
learners about themselves, and a quiz can carry a content note that learners read before starting."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale, Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from assessments.disclosure import asks_about_the_learner
from assessments.formats import base as formats
from courses.models import ModulePage, SupportContact, SupportSettings
from tests.factories import UserFactory, add_quiz, build_course, question, with_totp

pytestmark = pytest.mark.django_db

PERSONAL = "Энэ ажил танд нөлөөлж эхэлснийг илтгэх өөрийн хоёр шинж тэмдгийг нэрлэнэ үү."
NEUTRAL = "Хамт ажиллагчид илэрсэн хоёрдогч сэтгэл зүйн гэмтлийн шинж тэмдгийг нэрлэж, хэрхэн дэмжихээ бичнэ үү."


@pytest.mark.parametrize(
    "text",
    [
        PERSONAL,
        "Та өөрөө хүнд ярилцлагын дараа юу мэдэрдэг вэ?",
        "Name two of your own early warning signs.",
        "Describe a time the work affected you.",
        "How do you look after yourself after a hard case?",
    ],
)
def test_a_question_about_the_learner_is_recognised(text):
    assert asks_about_the_learner(f"<p>{text}</p>")


@pytest.mark.parametrize(
    "text",
    [
        NEUTRAL,
        "Таны бодлоор хүүхэд яагаад болсон явдлаа шууд ярьдаггүй вэ?",  # "in your opinion": about the work
        "Describe how you would raise it with your colleague.",
        "What should the interviewer do before the child leaves?",
    ],
)
def test_a_question_about_the_work_is_not_flagged(text):
    assert not asks_about_the_learner(f"<p>{text}</p>")


def save_quiz_in_the_admin(client, course, essay, *, required: bool):
    """An editor adds and publishes a quiz holding ``essay`` through the Wagtail admin; returns the
    warnings the admin shows them."""
    client.force_login(with_totp(UserFactory(roles=["editor"])))
    module = ModulePage.objects.child_of(course).order_by("path").first()
    fields = {
        "title": "Модулийн сорил",
        "slug": "module-quiz",
        "introduction": "",
        "content_note": "",
        "role": "quiz",
        "questions": streamfield([("question", {"question": essay.pk, "mark": ""})]),
        "pass_mark": "70",
        "attempts_allowed": "0",
        "grading_method": "highest",
        "questions_per_page": "5",
        "feedback_policy": "after_submission",
        "review_policy": "full",
        "estimated_minutes": "10",
        "shuffle_choices": "on",
    }
    if required:
        fields["required"] = "on"
    url = reverse("wagtailadmin_pages:add", args=["assessments", "quizpage", module.pk])
    response = client.post(url, {**nested_form_data(fields), "action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_an_editor_is_warned_of_a_personal_essay_in_a_required_quiz(client, course):
    essay = question(formats.ESSAY, PERSONAL, name="Өөрийн шинж тэмдэг")
    warnings = save_quiz_in_the_admin(client, course, essay, required=True)
    assert len(warnings) == 1 and "Өөрийн шинж тэмдэг" in warnings[0]
    assert "эргэцүүлэл" in warnings[0]  # points to the private reflection instead


def test_no_warning_for_a_neutral_essay_or_a_quiz_that_does_not_count(client, course):
    neutral = question(formats.ESSAY, NEUTRAL, name="Хамт ажиллагч")
    assert save_quiz_in_the_admin(client, course, neutral, required=True) == []
    personal = question(formats.ESSAY, PERSONAL, name="Өөрийн шинж тэмдэг")
    other = build_course(modules=1, lessons=1, slug="practice")
    assert save_quiz_in_the_admin(client, other, personal, required=False) == []


def edit_essay_in_the_admin(client, essay, text: str) -> list[str]:
    """An editor rewrites ``essay`` in the question bank; returns the warnings the admin shows them."""
    client.force_login(with_totp(UserFactory(roles=["editor"])))
    fields = {
        "category": essay.category_id,
        "qtype": formats.ESSAY,
        "name": essay.name,
        "tags": "",
        "scenario": "",
        "text": rich_text(f"<p>{text}</p>"),
        "answers": streamfield([]),
        "general_feedback": rich_text(""),
        "default_mark": "2",
        "idnumber": "",
    }
    url = reverse("wagtailsnippets_assessments_question:edit", args=[essay.pk])
    response = client.post(url, nested_form_data(fields))
    assert response.status_code == 302, response.content.decode()[:2000]
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_an_editor_is_warned_when_a_bank_essay_asks_about_the_learner(client, course):
    essay = question(formats.ESSAY, NEUTRAL, name="Эссэ")
    assert edit_essay_in_the_admin(client, essay, NEUTRAL) == []
    [warning] = edit_essay_in_the_admin(client, essay, "Name two of your own early warning signs.")
    assert "reflection" in warning or "эргэцүүлэл" in warning


def test_a_quiz_shows_its_content_note_with_whom_to_call_before_the_learner_starts(client, course, bank, learner):
    helpline = SupportContact.objects.create(
        locale=Locale.objects.get(language_code="mn"), name="Хүүхдийн тусламжийн утас", phone="108"
    )
    settings = SupportSettings.for_site(Site.objects.get(is_default_site=True))
    settings.helpline = helpline
    settings.save()
    quiz = add_quiz(course, [bank["single"]], content_note="Асуултууд хүчирхийллийн зохиомол тохиолдолд суурилсан.")
    client.force_login(learner)
    html = client.get(quiz.url).content.decode()
    note = html.split('class="content-note-panel"')[1]
    assert "Асуултууд хүчирхийллийн зохиомол тохиолдолд суурилсан." in note and 'href="tel:108"' in note
    assert html.index("content-note-panel") < html.index(reverse("quiz_start", args=[quiz.pk]))
