"""Select missing words (Moodle's "gapselect"), the question type added through the registry alone:
authored in the bank, answered in a quiz (page and API) with partial credit marked on the server,
read from and written to Moodle XML, left out of GIFT, and counted by the item analysis."""

import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from assessments.analysis import item_analysis
from assessments.exporting import NothingToExport, export_category, to_parsed
from assessments.formats.moodle_xml import parse_moodle_xml
from assessments.importing import GIFT, MOODLE_XML, questions_import
from assessments.models import Attempt, AttemptAnswer, Question, QuestionCategory
from assessments.question_types.select_missing_words import SELECT_MISSING_WORDS
from assessments.services import answer_save, attempt_start, attempt_submit
from courses.services import enrolment_create
from tests.factories import UserFactory, add_quiz, choice, question, with_totp

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile("[А-Яа-яӨөҮүЁё]")
TEXT = "Хүүхэдтэй [[1]] өрөөнд, [[2]] үгээр ярилцана."


@pytest.fixture
def gaps():
    return question(
        SELECT_MISSING_WORDS,
        TEXT,
        [
            choice("тайван", "0", "Тийм: тайван өрөө.", "g-calm"),
            choice("энгийн", "0", block_id="g-plain"),
            choice("чанга", "0", block_id="g-loud"),  # a distractor: it fills no gap
        ],
    )


@pytest.fixture
def gap_quiz(course, gaps):
    return add_quiz(course, [gaps], slug="gaps", pass_mark=Decimal(50))


def _start(client, learner, quiz) -> Attempt:
    client.force_login(learner)
    client.post(reverse("quiz_start", args=[quiz.pk]))
    return Attempt.objects.get(learner=learner)


def test_the_learner_sees_numbered_gaps_and_labelled_lists_but_not_which_word_fills_which(
    client, learner, gap_quiz, gaps
):
    attempt = _start(client, learner, gap_quiz)
    page = client.get(reverse("attempt", args=[attempt.pk])).content.decode()
    assert "[[1]]" not in page and "[[2]]" not in page  # the answer's number would give it away
    assert "<strong>(1)</strong>" in page and "<strong>(2)</strong>" in page
    name = f"q-{gaps.translation_key}"
    for place in ("1", "2"):
        assert f'<label for="gap-1-{place}">' in page
        assert f'name="{name}-{place}"' in page
    assert page.count('<option value="g-loud"') == 2  # every word offered in every gap
    assert 'data-response="map:gaps"' in page  # quiz.js reads it as it reads matching

    served = client.get(f"/api/v1/attempts/{attempt.pk}").json()
    [public] = served["questions"]
    assert public["gaps"] == [{"gap": "1"}, {"gap": "2"}]
    assert "g-calm" not in json.dumps(public["gaps"]) and "feedback" not in json.dumps(public)


def test_a_learner_fills_the_gaps_on_the_page_and_gets_a_share_for_each_right_one(client, learner, gap_quiz, gaps):
    attempt = _start(client, learner, gap_quiz)
    name = f"q-{gaps.translation_key}"
    url = reverse("attempt", args=[attempt.pk])
    client.post(url, {f"{name}-1": "g-calm", f"{name}-2": "g-loud", "action": "submit"})
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    answer = AttemptAnswer.objects.get(attempt=attempt)
    assert answer.response == {"gaps": {"1": "g-calm", "2": "g-loud"}}
    assert answer.fraction == Decimal("0.5")  # one gap of two, as Moodle gives partial credit
    assert attempt.percent == Decimal(50)
    review = client.get(url).content.decode()
    assert "Тийм: тайван өрөө." in review  # the chosen word's feedback, after submitting
    assert "(1) тайван; (2) энгийн" in review  # the right answer in words


def test_answers_through_the_api_are_marked_on_the_server(client, learner, gap_quiz, gaps):
    attempt = _start(client, learner, gap_quiz)
    url = f"/api/v1/attempts/{attempt.pk}/answers/{gaps.translation_key}"
    response = {"gaps": {"1": "g-calm", "2": "g-plain"}, "fraction": 1}
    assert client.put(url, json.dumps({"response": response}), content_type="application/json").status_code == 200
    assert AttemptAnswer.objects.get().response == {"gaps": {"1": "g-calm", "2": "g-plain"}}  # nothing else kept
    result = client.post(f"/api/v1/attempts/{attempt.pk}/submit").json()["result"]
    assert Decimal(str(result["percent"])) == Decimal(100)


@pytest.mark.parametrize(
    "response",
    [
        {"gaps": {"1": "forged"}},  # a word not offered
        {"gaps": {"3": "g-calm"}},  # a gap the text does not have
        {"gaps": ["g-calm"]},
        {"gaps": {"1": 7}},
        {"choice": "g-calm"},
    ],
)
def test_a_word_not_offered_is_refused_with_a_translated_reason_and_changes_nothing(
    client, learner, gap_quiz, gaps, response
):
    attempt = _start(client, learner, gap_quiz)
    answer_save(attempt=attempt, question_id=str(gaps.translation_key), response={"gaps": {"1": "g-calm"}})
    url = f"/api/v1/attempts/{attempt.pk}/answers/{gaps.translation_key}"
    refused = client.put(url, json.dumps({"response": response}), content_type="application/json")
    assert refused.status_code == 400
    assert refused.json()["code"] == "bad_answer"
    assert CYRILLIC.search(refused.json()["detail"])
    assert AttemptAnswer.objects.get().response == {"gaps": {"1": "g-calm"}}  # what was saved stays


def test_a_forged_word_from_the_page_comes_back_as_a_message(client, learner, gap_quiz, gaps):
    attempt = _start(client, learner, gap_quiz)
    name = f"q-{gaps.translation_key}"
    page = client.post(reverse("attempt", args=[attempt.pk]), {f"{name}-1": "forged", "action": "next"}, follow=True)
    assert not AttemptAnswer.objects.exists()
    [message] = [str(m) for m in page.context["messages"]]
    assert CYRILLIC.search(message)


@pytest.mark.parametrize(
    ("text", "answers", "field"),
    [
        ("Хоосон зайгүй өгүүлбэр.", [choice("а", "0"), choice("б", "0")], "text"),  # no gap
        ("Зай [[3]] байна.", [choice("а", "0"), choice("б", "0")], "text"),  # no third answer
        ("Зай [[1]] байна.", [choice("а", "1"), choice("б", "0")], "answers"),  # marks belong to the gaps
        ("Зай [[1]] байна.", [choice("а", "0")], "answers"),  # one word is no choice
    ],
)
def test_editors_are_told_what_a_gap_question_lacks(text, answers, field):
    with pytest.raises(ValidationError) as raised:
        question(SELECT_MISSING_WORDS, text, answers)
    assert field in raised.value.message_dict


def test_an_editor_writes_one_in_the_question_bank(client):
    category = QuestionCategory.objects.create(name_mn="Ярилцлага")
    client.force_login(with_totp(UserFactory(roles=["editor"])))
    add = reverse("wagtailsnippets_assessments_question:add")
    assert f'value="{SELECT_MISSING_WORDS}"' in client.get(add).content.decode()
    words = [("choice", {"text": rich_text(f"<p>{w}</p>"), "fraction": "0", "feedback": rich_text("")}) for w in "аб"]
    fields = {
        "category": category.pk,
        "qtype": SELECT_MISSING_WORDS,
        "name": "Зай",
        "tags": "",
        "scenario": "",
        "text": rich_text("<p>Эхлээд [[1]], дараа нь [[2]].</p>"),
        "answers": streamfield(words),
        "general_feedback": rich_text(""),
        "default_mark": "1",
        "idnumber": "",
    }
    response = client.post(add, nested_form_data(fields))
    assert response.status_code == 302, response.content.decode()[:2000]
    made = Question.objects.get(name="Зай")
    assert made.qtype == SELECT_MISSING_WORDS and len(made.answers) == 2


MOODLE = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Ярилцлага</text></category></question>
  <question type="gapselect">
    <name><text>Өрөө</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Хүүхэдтэй [[1]] өрөөнд, [[2]] үгээр ярилцана.</p>]]></text>
    </questiontext>
    <generalfeedback format="html"><text></text></generalfeedback>
    <defaultgrade>2</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber>gap-1</idnumber>
    <shuffleanswers>1</shuffleanswers>
    <correctfeedback format="html"><text>Зөв.</text></correctfeedback>
    <selectoption><text>тайван</text><group>1</group></selectoption>
    <selectoption><text>энгийн &amp; ойлгомжтой</text><group>1</group></selectoption>
    <selectoption><text>чанга</text><group>1</group></selectoption>
  </question>
</quiz>
"""


def test_moodle_xml_imports_exports_and_imports_again_as_the_same_question():
    report = questions_import(data=MOODLE.encode(), file_format=MOODLE_XML)
    assert report.committed and not report.issues
    [made] = report.created
    assert made.qtype == SELECT_MISSING_WORDS and made.default_mark == Decimal(2)
    assert [block.value["text"].source for block in made.answers] == ["тайван", "энгийн &amp; ойлгомжтой", "чанга"]

    exported = export_category(made.category, file_format=MOODLE_XML).decode()
    assert '<question type="gapselect">' in exported
    assert "<selectoption>" in exported and "<group>1</group>" in exported
    assert "[[1]]" in exported and "[[2]]" in exported
    [read] = parse_moodle_xml(exported.encode()).questions
    original = to_parsed(made)
    assert (read.qtype, read.text, read.choices, read.idnumber) == (
        original.qtype,
        original.text,
        original.choices,
        original.idnumber,
    )
    again = questions_import(data=exported.encode(), file_format=MOODLE_XML)
    assert again.created == [] and again.unchanged == 1


def test_a_moodle_question_with_several_groups_is_reported_not_changed():
    grouped = MOODLE.replace("<text>чанга</text><group>1</group>", "<text>чанга</text><group>2</group>")
    report = questions_import(data=grouped.encode(), file_format=MOODLE_XML)
    [issue] = report.issues
    assert "2" in issue.message and not Question.objects.exists()


def test_gift_has_no_such_type_so_its_export_says_there_is_nothing_it_can_hold(gaps):
    with pytest.raises(NothingToExport) as raised:
        export_category(gaps.category, file_format=GIFT)
    assert "GIFT" in raised.value.message


def test_the_item_analysis_counts_each_word_in_each_gap(client, course, gaps):
    quiz = add_quiz(course, [gaps], slug="analysed-gaps")
    for first, second in [("g-calm", "g-plain"), ("g-calm", "g-loud"), ("g-loud", "g-loud")]:
        learner = UserFactory()
        enrolment_create(learner=learner, course=course)
        attempt = attempt_start(learner=learner, quiz=quiz)
        answer_save(
            attempt=attempt, question_id=str(gaps.translation_key), response={"gaps": {"1": first, "2": second}}
        )
        attempt_submit(attempt=attempt)
    [item] = item_analysis(quiz.translation_key)
    assert item.attempts == 3
    assert item.facility == 50.0  # 1 + 0.5 + 0 out of 3
    counts = dict(item.choices)
    assert counts["(1) тайван"] == 2 and counts["(1) чанга"] == 1
    assert counts["(2) энгийн"] == 1 and counts["(2) чанга"] == 2 and counts["(2) тайван"] == 0
    client.force_login(with_totp(UserFactory(roles=["editor"])))
    page = client.get(reverse("assessments_quiz_analysis", args=[quiz.pk])).content.decode()
    assert "(1) тайван: 2" in page
