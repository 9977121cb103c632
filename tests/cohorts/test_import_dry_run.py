"""The command's dry run answers what the real run would: a cohort that the import would refuse
(closed, full) fails the dry run too, and nothing is written either way."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from cohorts.models import Cohort, TraineeImport

from .test_import import csv_bytes, person, state

pytestmark = pytest.mark.django_db


def run_command(cohort, path, **options):
    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):
        try:
            call_command("import_trainees", str(path), cohort=cohort.pk, stdout=out, stderr=err, **options)
        except CommandError as error:
            return f"{err.getvalue()}{error}"
    return out.getvalue()


@pytest.fixture
def two_trainees(tmp_path):
    path = tmp_path / "trainees.csv"
    path.write_bytes(csv_bytes([person(1), person(2)]))
    return path


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"capacity": 1}, "This cohort is full (1 places)."),
        ({"status": Cohort.Status.CLOSED}, "This cohort is closed."),
    ],
)
def test_a_dry_run_into_a_cohort_the_import_would_refuse_fails_as_the_real_run_does(
    cohort, two_trainees, change, reason
):
    Cohort.objects.filter(pk=cohort.pk).update(**change)
    before = state()
    rehearsed = run_command(cohort, two_trainees, dry_run=True)
    assert reason in rehearsed and "nothing was imported" in rehearsed
    assert "New accounts" not in rehearsed
    assert state() == before and not TraineeImport.objects.exists()
    real = run_command(cohort, two_trainees)
    assert reason in real
    assert state() == before


def test_a_dry_run_into_an_open_cohort_counts_what_the_import_will_do_and_writes_nothing(
    cohort, two_trainees, django_capture_on_commit_callbacks
):
    before = state()
    with django_capture_on_commit_callbacks() as callbacks:
        rehearsed = run_command(cohort, two_trainees, dry_run=True)
    assert "Dry run, nothing written. New accounts: 2; existing accounts to invite: 0" in rehearsed
    assert state() == before and not TraineeImport.objects.exists()
    assert callbacks == []  # nothing queued to be sent once committed
    assert "Imported. New accounts: 2" in run_command(cohort, two_trainees)
