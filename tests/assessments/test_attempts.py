"""Attempts, marked on the server (architecture §4.3): what is served, what is saved, how it is marked."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.audit import AuditAction
from assessments.models import Attempt, AttemptAnswer
from assessments.services import AssessmentError, answer_mark, answer_save, attempt_start, attempt_submit
from courses.services import lesson_complete
from tests.factories import UserFactory, add_quiz, lessons_of, with_totp

pytestmark = pytest.mark.django_db

SECRETS = ("fraction", "feedback", "Зөв: нээлттэй", "correct", "general_feedback", "right_answer", "mark")


def qid(bank, name) -> str:
    return str(bank[name].translation_key)


def test_starting_through_the_api_reveals_no_answer_mark_or_feedback(client, learner, quiz):
    client.force_login(learner)
    response = client.post(f"/api/v1/quizzes/{quiz.pk}/attempts")
    assert response.status_code == 201
    body = response.content.decode()
    for secret in SECRETS:
        assert secret not in body, secret
    questions = response.json()["questions"]
    assert [q["qtype"] for q in questions] == ["single_choice", "multiple_response", "short_answer", "essay"]
    assert {a["id"] for a in questions[0]["answers"]} == {"s-right", "s-wrong"}
    assert "answers" not in questions[2]  # a short answer's accepted answers stay on the server


def test_a_second_start_resumes_the_attempt_in_progress(client, learner, quiz):
    client.force_login(learner)
    first = client.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()
    second = client.post(f"/api/v1/quizzes/{quiz.pk}/attempts")
    assert second.status_code == 200
    assert second.json()["id"] == first["id"]
    assert Attempt.objects.count() == 1


def test_a_start_that_loses_the_race_to_a_parallel_start_answers_200_not_201(client, learner, quiz, monkeypatch):
    # Another tab's start lands while this one builds its questions: this one then finds the
    # other's attempt in progress and resumes it, so it must not say it created one.
    from assessments import services

    build = services.build_snapshot
    raced = []

    def build_while_another_tab_starts(*args, **kwargs):
        if not raced:
            raced.append(None)
            raced[0] = attempt_start(learner=learner, quiz=quiz)
        return build(*args, **kwargs)

    monkeypatch.setattr(services, "build_snapshot", build_while_another_tab_starts)
    client.force_login(learner)
    response = client.post(f"/api/v1/quizzes/{quiz.pk}/attempts")
    assert response.status_code == 200, response.content
    assert response.json()["id"] == raced[0].pk
    assert Attempt.objects.count() == 1


def test_answers_are_marked_on_submission_and_submitting_again_gives_the_same_result(client, learner, quiz, bank):
    client.force_login(learner)
    attempt = client.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()
    answers = {
        "single": {"choice": "s-right"},
        "multiple": {"choices": ["m-a", "m-c"]},  # +0.5 - 1: no marks, never below zero
        "short": {"text": "  палермогийн   ПРОТОКОЛ "},  # case and spaces do not matter
    }
    for name, response in answers.items():
        saved = client.put(
            f"/api/v1/attempts/{attempt['id']}/answers/{qid(bank, name)}",
            json.dumps({"response": response}),
            content_type="application/json",
        )
        assert saved.status_code == 200, saved.content
    first = client.post(f"/api/v1/attempts/{attempt['id']}/submit").json()
    again = client.post(f"/api/v1/attempts/{attempt['id']}/submit").json()
    assert first["result"] == again["result"]
    # The essay was left empty: it gets no marks, and nothing waits for a trainer.
    assert first["result"]["needs_grading"] is False
    assert (first["result"]["score"], first["result"]["max_score"], first["result"]["percent"]) == (
        "2.000",
        "5.000",
        "40.00",
    )
    marks = {item["id"]: item["mark"] for item in first["review"]}
    assert marks[qid(bank, "single")] == "1.000"
    assert marks[qid(bank, "multiple")] == "0.000"
    assert marks[qid(bank, "short")] == "1.000"


def test_an_essay_marked_by_a_trainer_completes_the_grade(learner, quiz):
    attempt = attempt_start(learner=learner, quiz=quiz)
    essay = next(e for e in attempt.snapshot if e["qtype"] == "essay")
    answer_save(attempt=attempt, question_id=essay["id"], response={"text": "<script>alert(1)</script> Тайван өрөө"})
    attempt = attempt_submit(attempt=attempt)
    assert attempt.needs_grading and attempt.passed is None
    trainer = UserFactory(roles=["trainer"])
    answer = AttemptAnswer.objects.get(attempt=attempt, slot=essay["slot"])
    answer_mark(answer=answer, mark_value=Decimal(2), by=trainer, comment="Сайн")
    attempt.refresh_from_db()
    assert not attempt.needs_grading
    assert attempt.score == Decimal(2) and attempt.max_score == Decimal(5)
    assert attempt.percent == Decimal("40.00") and attempt.passed is False


def test_changing_a_mark_needs_a_reason_and_is_kept_and_audited(learner, quiz, bank):
    from accounts.models import AuditEvent

    attempt = attempt_start(learner=learner, quiz=quiz)
    answer_save(attempt=attempt, question_id=qid(bank, "single"), response={"choice": "s-wrong"})
    attempt = attempt_submit(attempt=attempt)
    answer = AttemptAnswer.objects.get(attempt=attempt, slot=1)
    trainer = UserFactory(roles=["trainer"])
    with pytest.raises(AssessmentError):
        answer_mark(answer=answer, mark_value=Decimal(1), by=trainer)
    answer_mark(answer=answer, mark_value=Decimal(1), by=trainer, reason="Асуулт хоёрдмол утгатай байсан")
    assert answer.overrides.get().previous_mark == Decimal(0)
    assert AuditEvent.objects.filter(action=AuditAction.MARK_OVERRIDDEN).count() == 1


def test_an_answer_to_a_question_outside_the_attempt_is_refused_with_400(client, learner, quiz):
    client.force_login(learner)
    attempt = client.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()
    response = client.put(
        f"/api/v1/attempts/{attempt['id']}/answers/00000000-0000-0000-0000-000000000000",
        json.dumps({"response": {"choice": "s-right"}}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "unknown_question"
    assert not AttemptAnswer.objects.exists()


@pytest.mark.parametrize(
    ("name", "response"),
    [("single", {"choice": "nope"}), ("multiple", {"choices": "m-a"}), ("short", {"text": 5}), ("single", [])],
)
def test_an_answer_of_the_wrong_shape_is_refused_and_changes_nothing(learner, quiz, bank, name, response):
    attempt = attempt_start(learner=learner, quiz=quiz)
    with pytest.raises(AssessmentError) as refused:
        answer_save(attempt=attempt, question_id=qid(bank, name), response=response)
    assert refused.value.code == "bad_answer"
    assert not AttemptAnswer.objects.exists()


def test_an_answer_after_the_time_limit_is_not_counted(learner, course, bank):
    quiz = add_quiz(course, [bank["single"]], time_limit_minutes=10, slug="timed")
    attempt = attempt_start(learner=learner, quiz=quiz)
    answer_save(attempt=attempt, question_id=qid(bank, "single"), response={"choice": "s-wrong"})
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    with pytest.raises(AssessmentError) as late:
        answer_save(attempt=attempt, question_id=qid(bank, "single"), response={"choice": "s-right"})
    assert late.value.code == "time_up"
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED  # submitted as it stood at the deadline
    assert attempt.score == Decimal(0)
    assert attempt.submitted_at <= timezone.now()


def test_attempts_are_limited_and_a_closed_quiz_cannot_be_started(learner, course, bank):
    quiz = add_quiz(course, [bank["single"]], attempts_allowed=1, slug="once")
    attempt_submit(attempt=attempt_start(learner=learner, quiz=quiz))
    with pytest.raises(AssessmentError) as used_up:
        attempt_start(learner=learner, quiz=quiz)
    assert used_up.value.code == "no_attempts_left"
    closed = add_quiz(course, [bank["single"]], closes_at=timezone.now() - timedelta(days=1), slug="closed")
    with pytest.raises(AssessmentError) as too_late:
        attempt_start(learner=learner, quiz=closed)
    assert too_late.value.code == "closed"


def test_a_learner_not_enrolled_cannot_start(quiz):
    with pytest.raises(AssessmentError) as refused:
        attempt_start(learner=UserFactory(), quiz=quiz)
    assert refused.value.code == "not_enrolled"


def test_an_attempt_started_in_mongolian_is_resumed_through_the_english_quiz(client, learner, quiz, bank):
    english_quiz = quiz.copy_for_translation(
        quiz.get_parent()
        .specific.get_translation(
            __import__("wagtail.models", fromlist=["Locale"]).Locale.objects.get(language_code="en")
        )
        .locale
    )
    english_quiz.save_revision().publish()
    client.force_login(learner)
    first = client.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()
    resumed = client.post(f"/api/v1/quizzes/{english_quiz.pk}/attempts").json()
    assert resumed["id"] == first["id"]


def test_other_people_cannot_see_or_answer_an_attempt(client, learner, quiz, bank):
    attempt = attempt_start(learner=learner, quiz=quiz)
    client.force_login(UserFactory())
    assert client.get(f"/api/v1/attempts/{attempt.pk}").status_code == 404
    assert client.post(f"/api/v1/attempts/{attempt.pk}/submit").status_code == 404
    put = client.put(
        f"/api/v1/attempts/{attempt.pk}/answers/{qid(bank, 'single')}",
        json.dumps({"response": {"choice": "s-right"}}),
        content_type="application/json",
    )
    assert put.status_code == 404
    client.force_login(with_totp(UserFactory(roles=["admin"])))
    assert client.get(f"/api/v1/attempts/{attempt.pk}").status_code == 200


def test_passing_a_required_quiz_completes_it_in_the_course(client, learner, course, bank):
    quiz = add_quiz(course, [bank["single"]], slug="check")
    attempt = attempt_start(learner=learner, quiz=quiz)
    answer_save(attempt=attempt, question_id=qid(bank, "single"), response={"choice": "s-right"})
    attempt_submit(attempt=attempt)
    client.force_login(learner)
    rows = [row for module in client.get(course.url).context["modules"] for row in module.lessons]
    assert next(row for row in rows if row.lesson.pk == quiz.pk).complete


def test_a_failed_quiz_leaves_the_module_incomplete(client, learner, course, bank):
    quiz = add_quiz(course, [bank["single"]], slug="check")
    for lesson in lessons_of(course):
        lesson_complete(learner=learner, lesson=lesson)
    attempt = attempt_start(learner=learner, quiz=quiz)
    answer_save(attempt=attempt, question_id=qid(bank, "single"), response={"choice": "s-wrong"})
    attempt_submit(attempt=attempt)
    client.force_login(learner)
    modules = client.get(course.url).context["modules"]
    assert modules[1].complete  # every lesson of the second module is done...
    assert not modules[0].complete  # ...but the first holds a required quiz not yet passed


def test_the_gain_from_pre_test_to_post_test_is_shown_to_the_learner(client, learner, course, bank):
    pre = add_quiz(course, [bank["single"], bank["short"]], slug="pre", role="pre_test")
    post = add_quiz(course, [bank["single"], bank["short"]], slug="post", role="post_test")
    single, short = qid(bank, "single"), qid(bank, "short")
    before = attempt_start(learner=learner, quiz=pre)
    answer_save(attempt=before, question_id=single, response={"choice": "s-wrong"})
    answer_save(attempt=before, question_id=short, response={"text": "Палермо"})
    attempt_submit(attempt=before)  # 0.5 of 2: 25 %
    after = attempt_start(learner=learner, quiz=post)
    answer_save(attempt=after, question_id=single, response={"choice": "s-right"})
    answer_save(attempt=after, question_id=short, response={"text": "Палермогийн протокол"})
    attempt_submit(attempt=after)  # 100 %
    from assessments.selectors import course_gain

    gain = course_gain(learner=learner, course_key=course.translation_key)
    assert (gain["pre"], gain["post"], gain["gain"]) == (Decimal(25), Decimal(100), Decimal(75))
    client.force_login(learner)
    assert "75" in client.get(post.url).content.decode()


def test_the_course_structure_in_the_api_lists_the_quiz_beside_the_lessons(client, learner, course, quiz):
    client.force_login(learner)
    modules = client.get(f"/api/v1/courses/{course.pk}").json()["modules"]
    items = [(item["kind"], item["id"]) for item in modules[0]["lessons"]]
    assert items[-1] == ("quiz", quiz.pk)
    assert {kind for kind, _id in items[:-1]} == {"lesson"}
