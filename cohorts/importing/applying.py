"""Applying a checked trainee spreadsheet: all of it or nothing, in the request or in a Celery worker
behind a progress bar (architecture §4.6)."""

from dataclasses import asdict

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.enqueue import enqueue_on_commit

from .. import tasks
from ..models import Cohort, CohortMembership, TraineeImport
from ..services import CohortError, invitations_send_many, memberships_add_many
from .checking import Plan, Trainee, check, plan_for
from .problems import Problem

# A file with more rows than this goes to a Celery worker instead of being imported in the request.
QUEUE_ABOVE = 500
# New accounts are created this many at a time; the progress bar moves after each batch.
CHUNK = 500

Status = TraineeImport.Status

# A run holds its import's row locked in one transaction, so the ``processed`` it writes is seen
# by nobody until the end. The progress bar reads the count from the cache, which every web
# process shares, while the run lasts. While Redis is down the count stays in the importing
# process (core/cache.py): the bar stands still, and the page shows the result once the run ends.
LIVE_FOR = 60 * 60


def _live_key(trainee_import: TraineeImport) -> str:
    return f"cohorts:trainee-import:{trainee_import.pk}:processed"


def progress(trainee_import: TraineeImport) -> dict:
    """Status, rows done and percent for the progress bar, as JSON-ready values."""
    status, processed = trainee_import.status, trainee_import.processed
    if status == Status.QUEUED:
        live = cache.get(_live_key(trainee_import))
        if live is not None:
            status, processed = Status.RUNNING, live
    total = trainee_import.total
    percent = 100 if status == Status.DONE else (min(100, round(100 * processed / total)) if total else 0)
    return {
        "status": str(status),
        "label": str(Status(status).label),
        "processed": processed,
        "total": total,
        "percent": percent,
        "finished": status in (Status.DONE, Status.FAILED),
    }


def _new_user(trainee: Trainee):
    """An account as :meth:`User.save` would store it (``bulk_create`` does not call ``save``)."""
    User = get_user_model()
    return User(
        email=trainee.email,
        first_name=trainee.given_name,
        last_name=trainee.family_name,
        # Left empty rather than transliterated: a stored guess would look like the passport
        # spelling. The profile form suggests one for the trainee to correct.
        latin_first_name=trainee.latin_given_name,
        latin_last_name=trainee.latin_family_name,
        position=trainee.position,
        organisation_id=trainee.organisation_id,
        region_id=trainee.region_id,
        gender=trainee.gender,
        preferred_language=trainee.preferred_language,
        # Validation refuses a name with letters of the other alphabet, so none needs review.
        name_needs_review=False,
        # No password until the trainee sets one through the invitation the import e-mails them
        # (or through "forgot password" with their address).
        password=make_password(None),
    )


# What a committed row did, for the import's report.
CREATED, INVITED, INVITED_BEFORE, ALREADY = "created", "invited", "invited_before", "already"
OUTCOME_LABELS = {
    CREATED: gettext_lazy("account created"),
    INVITED: gettext_lazy("invited (existing account)"),
    INVITED_BEFORE: gettext_lazy("invitation already waiting (existing account)"),
    ALREADY: gettext_lazy("already in the cohort"),
}
# The report's rows shown on the page; the command prints them all.
REPORT_ROWS = 1000


def _commit(trainee_import: TraineeImport, plan: Plan) -> tuple[int, int, int, list[dict]]:
    """Create and enrol new accounts; invite existing ones. Returns (accounts created, existing
    accounts invited, already members, the report: one entry per row, in the file's order)."""
    User = get_user_model()
    created = []
    for start in range(0, len(plan.create), CHUNK):
        users = User.objects.bulk_create([_new_user(trainee) for trainee in plan.create[start : start + CHUNK]])
        # Unverified: the address is the trainer's word for it until the trainee confirms it.
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=user, email=user.email, verified=False, primary=True) for user in users]
        )
        created.extend(users)
        cache.set(_live_key(trainee_import), len(created), LIVE_FOR)
    # Only the accounts made just now join directly. The importer has no say over anyone else's
    # account, be it a learner of another trainer or a coordinator: they are asked instead.
    _joined, already = memberships_add_many(
        cohort=trainee_import.cohort, learners=created, source=CohortMembership.Source.IMPORT
    )
    existing = list(User.objects.filter(pk__in=[trainee.user_id for trainee in plan.invite]))
    # The new accounts are invited too: they are already in, but have no password, and the
    # invitation's link is how they set one. One task e-mails the lot after commit.
    _sent, invited_before = invitations_send_many(
        cohort=trainee_import.cohort, people=[*existing, *created], by=trainee_import.uploaded_by
    )
    waiting = {person.pk for person in invited_before}
    outcome = {trainee.row: CREATED for trainee in plan.create}
    outcome.update({trainee.row: ALREADY for trainee in plan.already})
    outcome.update({trainee.row: INVITED_BEFORE if trainee.user_id in waiting else INVITED for trainee in plan.invite})
    emails = {trainee.row: trainee.email for trainee in (*plan.create, *plan.invite, *plan.already)}
    report = [{"row": row, "email": emails[row], "outcome": outcome[row]} for row in sorted(outcome)]
    invited = len(existing) - len(waiting & {person.pk for person in existing})
    return len(created), invited, len(plan.already) + len(already), report


def run(*, trainee_import: TraineeImport, wait: bool = True) -> TraineeImport:
    """Import a checked file: all of it, or, on any problem, nothing (the import is then failed,
    with the reasons in ``errors``). Safe to call twice: once done or failed it does nothing.

    ``wait=False`` (the Celery task) returns at once when another process is running this import."""
    started = False
    try:
        with transaction.atomic():
            locked = (
                TraineeImport.objects.select_for_update(skip_locked=not wait, of=("self",))
                .select_related("cohort__organisation")
                .filter(pk=trainee_import.pk)
                .first()
            )
            if locked is None or locked.status not in (Status.CHECKED, Status.QUEUED) or locked.errors:
                return locked or trainee_import
            started = True
            cache.set(_live_key(locked), 0, LIVE_FOR)
            plan = plan_for(locked)
            failure = None
            if plan.problems:
                failure = plan.problems
            else:
                try:
                    with transaction.atomic():
                        counts = _commit(locked, plan)
                except CohortError as error:
                    failure = [Problem(0, "", error.message)]
                except IntegrityError:  # an address got an account between the check and now
                    failure = [Problem(0, "", _("Accounts changed while importing. Upload the file again."))]
            if failure:
                locked.status, locked.errors = Status.FAILED, [asdict(problem) for problem in failure]
            else:
                locked.status, locked.processed = Status.DONE, locked.total
                (locked.created_accounts, locked.invited_accounts, locked.already_members, locked.report) = counts
                locked.rows = []  # done with: the accounts and memberships are the record now
            locked.finished_at = timezone.now()
            locked.save()
            return locked
    finally:
        # Only the run that started it clears the count: a duplicate that found the import locked
        # must not blank the progress bar of the one still running.
        if started:
            cache.delete(_live_key(trainee_import))


def rehearse(*, cohort: Cohort, file_name: str, data: bytes, by) -> TraineeImport:
    """A dry run: check and import the file for real, then undo all of it, so that the answer is the
    real run's (a closed or full cohort, a missing prerequisite, whatever committing refuses) with
    its counts. Nothing is kept, not even the record of the check; mail is sent only on commit."""
    with transaction.atomic():
        trainee_import = check(cohort=cohort, file_name=file_name, data=data, by=by)
        if not trainee_import.errors:
            trainee_import = run(trainee_import=trainee_import)
        transaction.set_rollback(True)
    return trainee_import


@transaction.atomic
def queue(*, trainee_import: TraineeImport) -> TraineeImport:
    """Hand a checked import to a Celery worker. Queuing again re-sends the task, which is harmless:
    the task does nothing once the import is done."""
    locked = TraineeImport.objects.select_for_update(skip_locked=True).filter(pk=trainee_import.pk).first()
    if locked is None:  # a worker is importing it right now
        return trainee_import
    if locked.status not in (Status.CHECKED, Status.QUEUED) or locked.errors:
        return locked
    if locked.status == Status.CHECKED:
        locked.status = Status.QUEUED
        locked.save(update_fields=["status"])
    enqueue_on_commit(tasks.import_trainees, locked.pk)
    return locked


def start(*, trainee_import: TraineeImport) -> TraineeImport:
    """Import now, or in the background when the file is too large for one request."""
    if trainee_import.total > QUEUE_ABOVE:
        return queue(trainee_import=trainee_import)
    return run(trainee_import=trainee_import)
