"""A learner's answer is checked against its question's type before anything is stored: a wrongly
shaped answer is refused with a reason in the learner's language, through the API (autosave) and
through the quiz page alike, and nothing is saved. A bad answer stored before these checks, or a
deadline passing, never leaves an attempt that cannot be saved, submitted or restarted."""

import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.formats import base as formats
from assessments.grading import ResponseError, mark, validate_response
from assessments.models import Attempt, AttemptAnswer
from assessments.selectors import quiz_of
from assessments.services import attempt_start
from tests.factories import add_quiz, choice, question

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile("[а-яөүё]", re.IGNORECASE)


@pytest.fixture
def every_type(db) -> dict[str, object]:
    """One question of each type a learner answers, with known answer ids."""
    return {
        formats.SINGLE_CHOICE: question(
            formats.SINGLE_CHOICE,
            "Нэгийг сонгоно уу",
            [choice("А", "1", block_id="sc-a"), choice("Б", "0", block_id="sc-b")],
        ),
        formats.TRUE_FALSE: question(
            formats.TRUE_FALSE,
            "Үнэн үү?",
            [choice("true", "1", block_id="tf-t"), choice("false", "0", block_id="tf-f")],
        ),
        formats.MULTIPLE_RESPONSE: question(
            formats.MULTIPLE_RESPONSE,
            "Бүгдийг сонго",
            [choice("А", "1", block_id="mr-a"), choice("Б", "0", block_id="mr-b")],
        ),
        formats.SHORT_ANSWER: question(formats.SHORT_ANSWER, "Нэрийг бич", [choice("Палермо", "1", block_id="sa-a")]),
        formats.NUMERIC: question(
            formats.NUMERIC,
            "Хэдэн нас хүртэл хүүхэд вэ?",
            [
                {
                    "type": "numeric",
                    "value": {"value": Decimal(18), "tolerance": Decimal(0), "fraction": Decimal(1), "feedback": ""},
                    "id": "nu-a",
                }
            ],
        ),
        formats.MATCHING: question(
            formats.MATCHING,
            "Тааруулна уу",
            [
                {"type": "pair", "value": {"prompt": "<p>Нэг</p>", "answer": "One"}, "id": "ma-1"},
                {"type": "pair", "value": {"prompt": "<p>Хоёр</p>", "answer": "Two"}, "id": "ma-2"},
            ],
        ),
        formats.ORDERING: question(
            formats.ORDERING,
            "Дараалуулна уу",
            [{"type": "item", "value": {"text": f"<p>{n}</p>"}, "id": f"or-{n}"} for n in (1, 2, 3)],
        ),
        formats.ESSAY: question(formats.ESSAY, "Тайлбарлана уу"),
    }


# For each question type, answers that must be refused: wrong types for the type, nested values,
# ids the served question does not hold, numbers no one can compare, text over its cap.
MALFORMED = {
    formats.SINGLE_CHOICE: [
        {"choice": ["sc-a"]},
        {"choice": {"id": "sc-a"}},
        {"choice": 1},
        {"choice": None},
        {"choice": True},
        {"choice": "nope"},
        {"choices": ["sc-a"]},
        {},
    ],
    formats.TRUE_FALSE: [{"choice": ["tf-t"]}, {"choice": [["tf-t"]]}, {"choice": 0}, {"choice": "true"}, {}],
    formats.MULTIPLE_RESPONSE: [
        {"choices": "mr-a"},
        {"choices": [["mr-a"]]},
        {"choices": [{"id": "mr-a"}]},
        {"choices": [1, "mr-a"]},
        {"choices": ["mr-a", None]},
        {"choices": ["nope"]},
        {"choices": {"mr-a": True}},
        {"choice": "mr-a"},
    ],
    formats.SHORT_ANSWER: [
        {"text": 5},
        {"text": None},
        {"text": ["Палермо"]},
        {"text": {"t": "Палермо"}},
        {"text": "я" * 501},
        {"text": "Пал\x00ермо"},
        {"value": "Палермо"},
    ],
    formats.ESSAY: [{"text": 5}, {"text": ["эссэ"]}, {"text": "я" * 20_001}, {"text": "a\x00b"}, {}],
    formats.NUMERIC: [
        {"value": "1e999999999"},
        {"value": "-1E+999999999"},
        {"value": "1e-999999999"},
        {"value": "inf"},
        {"value": "-Infinity"},
        {"value": "nan"},
        {"value": "sNaN"},
        {"value": "арван найм"},
        {"value": ""},
        {"value": "9" * 41},
        {"value": ["18"]},
        {"value": {"v": 18}},
        {"value": True},
        {"value": None},
        {"value": 10**200},
        {},
    ],
    formats.MATCHING: [
        {"pairs": ["ma-1"]},
        {"pairs": "ma-1"},
        {"pairs": {"ma-1": ["One"]}},
        {"pairs": {"ma-1": {"x": "One"}}},
        {"pairs": {"ma-1": 1}},
        {"pairs": {"nope": "One"}},
        {"pairs": {"ma-1": "not an option"}},
        {},
    ],
    formats.ORDERING: [
        {"order": ["or-1", "or-2"]},
        {"order": ["or-1", "or-1", "or-2"]},
        {"order": ["or-1", 2, "or-3"]},
        {"order": [1, 2, 3]},
        {"order": [["or-1"], "or-2", "or-3"]},
        {"order": [None, None, None]},
        {"order": ["or-1", "or-2", "or-3", "or-4"]},
        {"order": "or-1"},
        {"order": {"0": "or-1"}},
        {},
    ],
}

# Raw JSON bodies whose numbers Python reads as infinities or NaN (JSON has no such numbers, but
# the parser takes them): the attack of a numeric answer of 1e999999999 sent as a number.
RAW_NUMERIC_BODIES = [
    '{"response": {"value": 1e999999999}}',
    '{"response": {"value": -1e999999999}}',
    '{"response": {"value": NaN}}',
    '{"response": {"value": Infinity}}',
]

CASES = [(qtype, response) for qtype, responses in MALFORMED.items() for response in responses]


@pytest.fixture
def attempt(every_type, course, learner):
    quiz = add_quiz(course, every_type.values(), slug="every-type", time_limit_minutes=30, questions_per_page=20)
    return attempt_start(learner=learner, quiz=quiz)


def _put(client, attempt, question, body: str):
    return client.put(
        f"/api/v1/attempts/{attempt.pk}/answers/{question.translation_key}", body, content_type="application/json"
    )


def _refused(response):
    assert response.status_code == 400, response.content[:300]
    body = response.json()
    assert body["code"] == "bad_answer"
    assert CYRILLIC.search(body["detail"]), body["detail"]  # the reason, in the learner's language


@pytest.mark.parametrize(("qtype", "response"), CASES, ids=[f"{q}-{i}" for i, (q, _r) in enumerate(CASES)])
def test_a_malformed_answer_through_the_api_is_refused_with_a_reason_and_saves_nothing(
    client, learner, attempt, every_type, qtype, response
):
    client.force_login(learner)
    _refused(_put(client, attempt, every_type[qtype], json.dumps({"response": response})))
    assert not AttemptAnswer.objects.exists()
    assert client.post(f"/api/v1/attempts/{attempt.pk}/submit").status_code == 200


@pytest.mark.parametrize("body", RAW_NUMERIC_BODIES)
def test_an_infinite_number_sent_as_json_is_refused_and_the_attempt_still_submits(
    client, learner, attempt, every_type, body
):
    client.force_login(learner)
    _refused(_put(client, attempt, every_type[formats.NUMERIC], body))
    assert not AttemptAnswer.objects.exists()
    assert client.post(f"/api/v1/attempts/{attempt.pk}/submit").json()["state"] == Attempt.State.SUBMITTED


def test_an_answer_that_is_not_an_object_keeps_the_apis_own_shape_error(client, learner, attempt, every_type):
    client.force_login(learner)
    response = _put(client, attempt, every_type[formats.SINGLE_CHOICE], json.dumps({"response": ["sc-a"]}))
    assert response.status_code == 422
    assert not AttemptAnswer.objects.exists()


def test_well_formed_answers_of_every_type_are_saved_and_marked(client, learner, attempt, every_type):
    client.force_login(learner)
    right = {
        formats.SINGLE_CHOICE: {"choice": "sc-a"},
        formats.TRUE_FALSE: {"choice": "tf-t"},
        formats.MULTIPLE_RESPONSE: {"choices": ["mr-a"]},
        formats.SHORT_ANSWER: {"text": "палермо"},
        formats.NUMERIC: {"value": "18,0"},
        formats.MATCHING: {"pairs": {"ma-1": "One", "ma-2": "Two"}},
        formats.ORDERING: {"order": ["or-1", "or-2", "or-3"]},
        formats.ESSAY: {"text": "Тайван өрөө"},
    }
    for qtype, response in right.items():
        assert _put(client, attempt, every_type[qtype], json.dumps({"response": response})).status_code == 200
    result = client.post(f"/api/v1/attempts/{attempt.pk}/submit").json()["result"]
    assert result["needs_grading"]  # the essay waits for a trainer; every other answer was marked
    marks = dict(AttemptAnswer.objects.values_list("slot", "mark"))
    assert sorted(m for m in marks.values() if m is not None) == [Decimal(1)] * 7


# What the quiz page's form can send wrongly for each type: the form's fields are text, so the
# shapes are fewer, but every one must come back as a message, not an error page.
FORM_CASES = [
    (formats.SINGLE_CHOICE, {"": "nope"}),
    (formats.TRUE_FALSE, {"": "true"}),
    (formats.MULTIPLE_RESPONSE, {"": ["mr-a", "nope"]}),
    (formats.SHORT_ANSWER, {"": "я" * 501}),
    (formats.SHORT_ANSWER, {"": "Пал\x00ермо"}),
    (formats.ESSAY, {"": "я" * 20_001}),
    (formats.NUMERIC, {"": "1e999999999"}),
    (formats.NUMERIC, {"": "inf"}),
    (formats.NUMERIC, {"": "NaN"}),
    (formats.NUMERIC, {"": "арван найм"}),
    (formats.MATCHING, {"-ma-1": "not an option"}),
    (formats.ORDERING, {"-or-1": "1", "-or-2": "1", "-or-3": "2"}),
    (formats.ORDERING, {"-or-1": "1", "-or-2": "x", "-or-3": "2"}),
    (formats.ORDERING, {"-or-1": "1", "-or-2": "2", "-or-3": "1e9"}),
    (formats.ORDERING, {"-or-1": "1", "-or-2": "2", "-or-3": "99"}),
]


@pytest.mark.parametrize(("qtype", "fields"), FORM_CASES, ids=[f"{q}-{i}" for i, (q, _f) in enumerate(FORM_CASES)])
def test_a_malformed_answer_through_the_quiz_page_is_refused_with_a_message_and_saves_nothing(
    client, learner, attempt, every_type, qtype, fields
):
    client.force_login(learner)
    name = f"q-{every_type[qtype].translation_key}"
    data = {f"{name}{suffix}": value for suffix, value in fields.items()}
    response = client.post(reverse("attempt", args=[attempt.pk]), {**data, "action": "submit"}, follow=True)
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert any(CYRILLIC.search(message) for message in shown), shown
    assert not AttemptAnswer.objects.exists()
    attempt.refresh_from_db()
    assert attempt.is_open  # a refused answer does not submit the page


MALFORMED_STORED = {
    formats.SINGLE_CHOICE: {"choice": ["x"]},
    formats.MULTIPLE_RESPONSE: {"choices": [["mr-a"]]},
    formats.NUMERIC: {"value": "1e999999999"},
    formats.MATCHING: {"pairs": {"ma-1": ["One"]}},
    formats.ORDERING: {"order": [1, "or-2", "or-3"]},
    formats.SHORT_ANSWER: {"text": {"nested": True}},
}


def _store_malformed(attempt) -> None:
    """Answers saved as they were before they were checked against their type."""
    slots = {entry["qtype"]: entry["slot"] for entry in attempt.snapshot}
    for qtype, response in MALFORMED_STORED.items():
        AttemptAnswer.objects.create(attempt=attempt, slot=slots[qtype], response=response)


def test_an_attempt_holding_answers_stored_malformed_can_still_be_read_saved_and_submitted(
    client, learner, attempt, every_type
):
    _store_malformed(attempt)
    client.force_login(learner)
    assert client.get(f"/api/v1/attempts/{attempt.pk}").status_code == 200
    assert client.get(reverse("attempt", args=[attempt.pk])).status_code == 200
    single = every_type[formats.SINGLE_CHOICE]
    assert _put(client, attempt, single, json.dumps({"response": {"choice": "sc-a"}})).status_code == 200
    submitted = client.post(f"/api/v1/attempts/{attempt.pk}/submit")
    assert submitted.status_code == 200
    assert submitted.json()["state"] == Attempt.State.SUBMITTED
    marks = {entry["qtype"]: entry["slot"] for entry in attempt.snapshot}
    stored = dict(AttemptAnswer.objects.values_list("slot", "mark"))
    assert stored[marks[formats.SINGLE_CHOICE]] == Decimal(1)  # the good answer counts
    assert stored[marks[formats.NUMERIC]] == Decimal(0)  # the malformed one counts as unanswered
    assert client.get(reverse("attempt", args=[attempt.pk])).status_code == 200  # the review too


@pytest.mark.parametrize("way", ["api", "page"])
def test_a_timed_attempt_with_malformed_answers_past_its_deadline_is_submitted_and_restarts(
    client, learner, attempt, every_type, way
):
    _store_malformed(attempt)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    client.force_login(learner)
    single = every_type[formats.SINGLE_CHOICE]
    quiz_id = client.get(f"/api/v1/attempts/{attempt.pk}").json()["quiz_id"]
    if way == "api":
        late = _put(client, attempt, single, json.dumps({"response": {"choice": "sc-a"}}))
        assert late.status_code == 409 and late.json()["code"] == "time_up"
        assert client.post(f"/api/v1/attempts/{attempt.pk}/submit").status_code == 200
        restarted = client.post(f"/api/v1/quizzes/{quiz_id}/attempts")
        assert restarted.status_code == 201
    else:
        page = reverse("attempt", args=[attempt.pk])
        assert client.post(page, {f"q-{single.translation_key}": "sc-a", "action": "save"}).status_code == 302
        assert client.post(reverse("attempt_submit", args=[attempt.pk])).status_code == 302
        assert client.post(reverse("quiz_start", args=[quiz_id])).status_code == 302
        assert Attempt.objects.filter(learner=learner).count() == 2
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    assert attempt.submitted_at == attempt.deadline  # as it stood when its time ran out
    assert not AttemptAnswer.objects.filter(attempt=attempt, response={"choice": "sc-a"}).exists()


def test_restarting_submits_an_expired_attempt_holding_malformed_answers(learner, attempt):
    _store_malformed(attempt)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    fresh = attempt_start(learner=learner, quiz=quiz_of(attempt))
    assert fresh.pk != attempt.pk and fresh.is_open
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED


# A small fuzzer over the one validation every path goes through: whatever JSON arrives, the
# answer is either refused with a reason or cleaned into something marking takes without error.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["sc-a", "tf-t", "mr-a", "ma-1", "One", "or-1", "or-2", "or-3", "1e999999999", "18"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
KEYS = st.sampled_from(["choice", "choices", "text", "value", "pairs", "order"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(response=st.dictionaries(KEYS, json_values, max_size=2) | json_values)
def test_no_answer_whatever_its_shape_breaks_validation_or_marking(served_entries, response):
    for entry in served_entries:
        try:
            cleaned = validate_response(entry, response)
        except ResponseError as refused:
            assert refused.message
            continue
        json.dumps(cleaned, allow_nan=False)  # storable as it is
        mark(entry, cleaned)
        mark(entry, response)  # and marking the raw value, as if stored before, never raises


@pytest.fixture
def served_entries(attempt):
    return attempt.snapshot
