"""The API fuzzed from its own OpenAPI schema: whatever a learner, a trainer, a coordinator or an
anonymous caller sends, the answer is never a server error, its status is one the schema declares,
and its body and content type are the ones declared for that status.

Requests go in-process through Django's own WSGI handler (inside the test's transaction, CSRF
enforced as for a browser) against a small world of real objects. Path ids, attendance sessions and
answers are drawn partly from that world, so that the fuzz gets past "not found" and "unknown
question" into the code behind them. Hypothesis is derandomised and bounded per operation: the same
requests on every run, in a few seconds per role."""

import secrets
from datetime import date, timedelta
from decimal import Decimal

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts import roles
from assessments.formats import base as formats
from tests.assessments.conftest import bank  # noqa: F401  (the question bank fixture: one question of each kind)
from tests.conftest import clear_cache
from tests.factories import make_user

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Per operation, role and mode (well-formed, then malformed requests): about 30 s for all four roles.
EXAMPLES_PER_OPERATION = 15
FUZZ = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,  # the same requests on every run: a failure is reproduced by running the test again
    database=None,
    deadline=None,  # the bound is the number of examples; a time limit would fail on a busy machine
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure is reported as it was found
    suppress_health_check=list(HealthCheck),
)

# Answers that broke grading once (unhashable choices, nested lists, mixed-type orderings, a number
# too large for a float): they must be refused with a reason, never fail the attempt.
MALFORMED_ANSWERS = [
    {"choice": ["x"]},
    {"choice": {"id": "s-right"}},
    {"choices": [["m-a"], "m-b"]},
    {"choices": [{"id": "m-a"}]},
    {"order": [1, "a", None]},
    {"order": [["a"], ["b"]]},
    {"value": ["18"]},
    {"value": 1e308},
    {"value": "1e999999999"},  # the last numeric one, so it is the one the submit then grades
    {"pairs": {"p": ["1"]}},
    {"text": ["many", "texts"]},
]


@pytest.fixture
def app():
    """Django's own WSGI handler, CSRF checks and all, but kept (as Django's test client keeps it) from
    closing the database connection at each request's start and end, which would end the test's
    transaction. The cache, which holds the lookup limits, is left empty for the tests after."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
    clear_cache()


def _more_questions():
    """Questions of the kinds the bank fixture lacks, with known answers."""
    from tests.factories import choice, question

    return [
        question(formats.TRUE_FALSE, "Хүүхдийг ганцааранг нь ярилцуулж болох уу?",
                 [choice("Үнэн", "1", block_id="tf-true"), choice("Худал", "0", block_id="tf-false")]),
        question(formats.NUMERIC, "Хэдэн насанд хүртэл хүүхэд гэж үзэх вэ?",
                 [{"type": "numeric", "value": {"value": Decimal(18), "tolerance": Decimal(0),
                                                "fraction": Decimal(1), "feedback": ""}, "id": "n-18"}]),
        question(formats.ORDERING, "Ярилцлагын үе шатыг эрэмбэлнэ үү.",
                 [{"type": "item", "value": {"text": f"Алхам {n}"}, "id": f"o-{n}"} for n in range(1, 4)]),
        question(formats.MATCHING, "Тохируулна уу.",
                 [{"type": "pair", "value": {"prompt": "<p>Цагдаа</p>", "answer": "ЦЕГ"}, "id": "p-1"},
                  {"type": "pair", "value": {"prompt": "<p>Байцаагч</p>", "answer": "ГХЯ"}, "id": "p-2"}]),
    ]  # fmt: skip


def _well_formed_answers(snapshot) -> list[dict]:
    """An answer of the right shape for each question served in an attempt."""
    answers = []
    for entry in snapshot:
        qtype = entry["qtype"]
        if qtype in (formats.SINGLE_CHOICE, formats.TRUE_FALSE):
            answers.append({"choice": entry["answers"][0]["id"]})
        elif qtype == formats.MULTIPLE_RESPONSE:
            answers.append({"choices": [answer["id"] for answer in entry["answers"]][:2]})
        elif qtype in (formats.SHORT_ANSWER, formats.ESSAY):
            answers.append({"text": "Палермогийн протокол"})
        elif qtype == formats.NUMERIC:
            answers.extend([{"value": "18"}, {"value": "17,5"}])
        elif qtype == formats.ORDERING:
            answers.append({"order": [item["id"] for item in entry["items"]]})
        elif qtype == formats.MATCHING:
            answers.append({"pairs": {prompt["id"]: entry["options"][0] for prompt in entry["prompts"]}})
    return answers


def _world(questions):
    """A course with a quiz of every question kind (and a timed one under immediate feedback), taught
    in a cohort with a session; a learner in it with a submitted attempt and two in progress; a
    coordinator of their organisation; an issued certificate. Returns the people, and for each path
    parameter and body field the fuzz fills, the real values to draw from."""
    from assessments.services import answer_save, attempt_start, attempt_submit
    from cohorts.scan import scan_token
    from cohorts.services import membership_add, session_create
    from courses.services import enrolment_create
    from tests.factories import add_quiz, authorise, build_course, issued, lessons_of, make_rule, open_cohort

    course = build_course(modules=2, lessons=1, slug="fuzzed")
    items = [*questions.values(), *_more_questions()]
    quiz = add_quiz(course, items, pass_mark=Decimal(50))
    timed = add_quiz(course, items, slug="timed", time_limit_minutes=5, feedback_policy="immediate")
    trainer = make_user(roles.TRAINER)
    authorise(trainer, course)
    cohort = open_cohort(course, trainer, starts_on=date(2026, 11, 1))
    session = session_create(cohort=cohort, starts_at=timezone.now() - timedelta(days=1))
    learner = make_user(roles.LEARNER, organisation=trainer.organisation)
    coordinator = make_user(roles.COORDINATOR, organisation=trainer.organisation)
    enrolment_create(learner=learner, course=course)
    membership_add(cohort=cohort, learner=learner, source="import", by=trainer)
    done = attempt_start(learner=learner, quiz=quiz)
    answer_save(attempt=done, question_id=done.snapshot[0]["id"], response=_well_formed_answers(done.snapshot)[0])
    attempt_submit(attempt=done)
    running = attempt_start(learner=learner, quiz=quiz)
    timed_attempt = attempt_start(learner=learner, quiz=timed)
    certificate = issued(learner, make_rule(course))
    return {
        "people": {"learner": learner, "trainer": trainer, "coordinator": coordinator, "anonymous": None},
        "path": {
            "course_id": [course.pk, course.get_translations().first().pk],
            "lesson_id": [lesson.pk for lesson in lessons_of(course) + lessons_of(course, "en")],
            "module_id": [
                page.pk for translation in (course, *course.get_translations()) for page in translation.get_children()
            ],
            "quiz_id": [quiz.pk, timed.pk],
            "attempt_id": [done.pk, running.pk, timed_attempt.pk],
            "question_id": [entry["id"] for entry in running.snapshot],
            "cohort_id": [cohort.pk],
            "session_id": [session.pk],
            "code": [certificate.code, certificate.code.lower()],
        },
        # Each question of the attempts in progress with an answer of its shape, or a malformed one.
        "answers": [(entry["id"], answer) for entry in running.snapshot for answer in _well_formed_answers([entry])],
        "malformed": [(entry["id"], answer) for entry in running.snapshot for answer in MALFORMED_ANSWERS],
        "snapshot": running.snapshot,
        "session_id": [session.pk],
        "trainee_id": [str(learner.pk)],
        # Roster codes: the trainee's in the session, and one whose signature does not fit.
        "scan_token": [scan_token(session_id=session.pk, learner_id=learner.pk), f"{session.pk}:forged"],
    }


def _schema(app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


def _credentials(user) -> tuple[dict, dict]:
    """The cookies and headers of a browser signed in as ``user`` (or of nobody), CSRF token included."""
    token = secrets.token_hex(16)
    cookies = {"csrftoken": token}
    if user is not None:
        client = Client()
        client.force_login(user)
        cookies["sessionid"] = client.cookies["sessionid"].value
    return cookies, {"X-CSRFToken": token}


def _real_values(operation, world) -> st.SearchStrategy:
    """What to put in place of the generated values, for this operation: real ids in the path, a real
    session and trainee in an attendance sheet, a question of the attempt with an answer of its
    shape (or a known bad one)."""
    path = {
        p.name: st.sampled_from(world["path"][p.name]) for p in operation.path_parameters if p.name in world["path"]
    }
    real = st.fixed_dictionaries({"path": st.fixed_dictionaries(path), "body": st.just({})})
    if operation.path.endswith("/attendance"):
        marks = st.dictionaries(
            st.sampled_from(world["trainee_id"]), st.sampled_from(["absent", "late", "excused", "asleep"]), max_size=1
        )
        body = st.fixed_dictionaries({"session_id": st.sampled_from(world["session_id"]), "marks": marks})
        real = st.fixed_dictionaries({"path": st.fixed_dictionaries(path), "body": body})
    elif operation.path.endswith("/attendance/changes"):
        # A device's marks: real and unknown ones, at a time now, long ago, far ahead or naming no moment.
        moments = ["2001-01-01T09:00:00+08:00", "2999-01-01T09:00:00Z", "0001-01-01T00:00:00+08:00"]
        times = st.sampled_from([timezone.now().isoformat(), *moments])
        change = st.fixed_dictionaries(
            {
                "id": st.uuids().map(str),
                "trainee_id": st.sampled_from([int(pk) for pk in world["trainee_id"]]),
                "status": st.sampled_from(["present", "absent", "late", "excused", "asleep"]),
                "changed_at": times,
            }
        )
        body = st.fixed_dictionaries({"changes": st.lists(change, min_size=1, max_size=3)})
        real = st.fixed_dictionaries({"path": st.fixed_dictionaries(path), "body": body})
    elif operation.path.endswith("/attendance/scans"):
        body = st.fixed_dictionaries(
            {
                "token": st.sampled_from(world["scan_token"]),
                "id": st.uuids().map(str),
                "changed_at": st.sampled_from([timezone.now().isoformat(), "9999-12-31T23:59:59-08:00"]),
            }
        )
        real = st.fixed_dictionaries({"path": st.fixed_dictionaries(path), "body": body})
    elif operation.path.endswith("/answers/{question_id}"):
        answered = st.one_of(st.sampled_from(world["answers"]), st.sampled_from(world["malformed"])).map(
            lambda pair: {"question_id": pair[0], "response": pair[1]}
        )
        real = st.tuples(st.fixed_dictionaries(path), answered).map(
            lambda drawn: {"path": {**drawn[0], "question_id": drawn[1]["question_id"]},
                           "body": {"response": drawn[1]["response"]}}
        )  # fmt: skip
    return real


def _can_be_malformed(operation) -> bool:
    """Whether schemathesis can make a request to this operation that breaks its schema: a body, a
    parameter that is not free text, or credentials to leave out."""
    parameters = [*operation.path_parameters, *operation.query]
    return bool(
        operation.body
        or operation.definition.raw.get("security")
        or any(p.definition.get("schema", {}).get("type") != "string" for p in parameters)
    )


# Ids below this may name real objects; a generated one is moved above it (see _never_real).
REAL_IDS_BELOW = 10**6


def _unreal(value):
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < REAL_IDS_BELOW:
        return value + REAL_IDS_BELOW
    if isinstance(value, str) and value.isdecimal() and 0 < int(value) < REAL_IDS_BELOW:
        return str(int(value) + REAL_IDS_BELOW)
    return value


def _never_real(case) -> None:
    """Move generated ids off the real objects. Which ids the world's objects get depends on the
    database (PostgreSQL's sequences outlive the rollback of each test) and on the tests run before;
    a generated id that happened to hit one would make the run depend on them. Real objects are
    reached only through the values put in on purpose."""
    if case.path_parameters:
        case.path_parameters = {name: _unreal(value) for name, value in case.path_parameters.items()}
    if isinstance(case.body, dict) and "session_id" in case.body:
        body = {**case.body, "session_id": _unreal(case.body["session_id"])}
        if isinstance(body.get("marks"), dict):
            body["marks"] = {_unreal(key): value for key, value in body["marks"].items()}
        case.body = body
    if isinstance(case.body, dict) and isinstance(case.body.get("changes"), list):
        changes = [
            {**change, "trainee_id": _unreal(change.get("trainee_id"))} if isinstance(change, dict) else change
            for change in case.body["changes"]
        ]
        case.body = {**case.body, "changes": changes}


def _fuzzer(operation, mode, real, *, cookies, headers):
    """A test of ``operation``: generated requests (in ``mode``), half of them with real values put in."""
    positive = mode is schemathesis.GenerationMode.POSITIVE

    @FUZZ
    @given(case=operation.as_strategy(generation_mode=mode), use_real=st.booleans(), real=real)
    def call(case, use_real, real):
        _never_real(case)
        if use_real:
            case.path_parameters = {**(case.path_parameters or {}), **real["path"]}
            if positive and isinstance(case.body, dict):  # a malformed body stays malformed
                case.body = {**case.body, **real["body"]}
        case.call_and_validate(headers=headers, cookies=cookies, checks=CHECKS)

    return call


@pytest.mark.parametrize("role", ["learner", "trainer", "coordinator", "anonymous"])
def test_fuzzed_requests_never_fail_and_always_match_the_schema(role, bank, app):  # noqa: F811
    world = _world(bank)
    schema = _schema(app)
    cookies, headers = _credentials(world["people"][role])
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        modes = [schemathesis.GenerationMode.POSITIVE]
        if _can_be_malformed(operation):
            modes.append(schemathesis.GenerationMode.NEGATIVE)
        for mode in modes:
            call = _fuzzer(operation, mode, _real_values(operation, world), cookies=cookies, headers=headers)
            try:
                call()
            except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001  (every operation is fuzzed; all failures are listed)
                failures.append(f"{operation.label} ({mode.value}) as {role}:\n{error}")
    assert not failures, "\n\n".join(failures)


def _failure(case, **kwargs) -> str | None:
    """What went wrong with ``case``'s response, in short; None if nothing did."""
    try:
        case.call_and_validate(checks=CHECKS, **kwargs)
    except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001  (every case is tried; all failures are listed)
        return str(error).split("\n\n")[1] if "\n\n" in str(error) else str(error)
    return None


def test_every_known_malformed_answer_is_refused_within_the_schema(bank, app):  # noqa: F811
    """Answers of the wrong shape for their question (the ones that once broke grading), to every
    question of an attempt in progress, then the submit and the result: a 4xx with the error body,
    never a server error, and the attempt still works."""
    world = _world(bank)
    operations = _schema(app)
    save = operations["/api/v1/attempts/{attempt_id}/answers/{question_id}"]["PUT"]
    submit = operations["/api/v1/attempts/{attempt_id}/submit"]["POST"]
    detail = operations["/api/v1/attempts/{attempt_id}"]["GET"]
    cookies, headers = _credentials(world["people"]["learner"])
    kinds = {entry["id"]: entry["qtype"] for entry in world["snapshot"]}
    failures = []
    for attempt_id in world["path"]["attempt_id"][1:]:  # the two in progress, one of them timed
        for question_id in world["path"]["question_id"]:
            for answer in MALFORMED_ANSWERS:
                case = save.Case(
                    path_parameters={"attempt_id": attempt_id, "question_id": question_id},
                    body={"response": answer},
                    media_type="application/json",
                )
                if error := _failure(case, cookies=cookies, headers=headers):
                    failures.append(f"PUT {case.formatted_path} {case.body} ({kinds[question_id]}): {error}")
        for operation in (submit, detail):
            case = operation.Case(path_parameters={"attempt_id": attempt_id})
            if error := _failure(case, cookies=cookies, headers=headers):
                failures.append(f"{operation.method.upper()} {case.formatted_path}: {error}")
    assert not failures, "\n\n".join(failures)


def test_too_many_certificate_lookups_answer_429_in_the_error_shape(app):
    from certificates.throttle import LOOKUPS_ALLOWED

    verify = _schema(app)["/api/v1/certificates/verify/{code}"]["GET"]
    case = verify.Case(path_parameters={"code": "0000-0000-0000-0000"})
    statuses = [case.call_and_validate(checks=CHECKS).status_code for _ in range(LOOKUPS_ALLOWED + 1)]
    assert statuses == [404] * LOOKUPS_ALLOWED + [429]


@pytest.mark.parametrize(
    ("cookies", "headers"),
    [
        ({}, {}),
        ({"sessionid": "forged", "csrftoken": "a" * 32}, {"X-CSRFToken": "a" * 32}),
        ({}, {"Authorization": "Bearer not-a-token"}),
    ],
    ids=["nothing", "forged-session", "unknown-token"],
)
def test_a_caller_without_valid_credentials_gets_401_in_the_error_shape(app, cookies, headers):
    me = _schema(app)["/api/v1/me"]["GET"]
    response = me.Case().call_and_validate(headers=headers, cookies=cookies, checks=CHECKS)
    assert (response.status_code, response.json()["code"]) == (401, "unauthenticated")


def test_a_coordinator_without_an_authenticator_gets_403_in_the_error_shape(app):
    from tests.factories import UserFactory

    coordinator = UserFactory(roles=[roles.COORDINATOR])  # no TOTP yet: must set it up before anything else
    me = _schema(app)["/api/v1/me"]["GET"]
    cookies, headers = _credentials(coordinator)
    response = me.Case().call_and_validate(headers=headers, cookies=cookies, checks=CHECKS)
    assert (response.status_code, response.json()["code"]) == (403, "mfa_required")


def test_a_write_without_the_csrf_token_answers_403_in_the_error_shape(app, learner):
    complete = _schema(app)["/api/v1/lessons/{lesson_id}/complete"]["POST"]
    cookies, _headers = _credentials(learner)
    response = complete.Case(path_parameters={"lesson_id": 1}).call_and_validate(cookies=cookies, checks=CHECKS)
    assert (response.status_code, response.json()["code"]) == (403, "csrf")


def test_a_request_that_fails_validation_lists_each_field(app, learner):
    course = _schema(app)["/api/v1/courses/{course_id}"]["GET"]
    cookies, headers = _credentials(learner)
    case = course.Case(path_parameters={"course_id": "first"})
    response = case.call_and_validate(headers=headers, cookies=cookies, checks=CHECKS)
    body = response.json()
    assert (response.status_code, body["code"]) == (422, "invalid")
    assert body["errors"][0]["loc"] == ["path", "course_id"]
