"""The demo's report: the coordinator and the master trainer who sign in to it read real figures
(people enrolled, completed, certified; the master's cascade with its trainers and trainees), not
an empty page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from reports.cascade import cascade
from reports.filters import ReportFilterForm
from reports.indicators import indicators
from tests.factories import with_totp

pytestmark = pytest.mark.django_db


def last_twelve_months() -> dict:
    # The demo's records are dated from today: the last twelve months hold them whatever the day
    # (in early January this year would not).
    today = timezone.localdate()
    return {"date_from": (today - timedelta(days=365)).isoformat(), "date_to": today.isoformat()}


def read(viewer):
    form = ReportFilterForm(last_twelve_months(), user=viewer)
    assert form.is_valid(), form.errors
    return indicators(viewer, form.filters()), cascade(viewer, form.filters())


@pytest.fixture
def rendered(demo):
    """The demo's certificates as the demo site has them: its render tasks (which run on commit,
    never inside the shared demo's transaction) turned each pending one issued."""
    Certificate.objects.filter(state=Certificate.State.PENDING).update(state=Certificate.State.ISSUED)
    return demo


def test_the_demo_coordinator_reads_real_figures(rendered, client):
    demo = rendered
    coordinator = demo["coordinator@demo.mn"]
    found, cascaded = read(coordinator)
    for name in ("enrolled", "active", "completed", "certified_valid", "pass_rate", "attendance_rate"):
        assert found.headline[name].value, name
    (master,) = cascaded.masters
    assert master.levels and master.total.trainers.value and master.total.reached.value
    client.force_login(with_totp(coordinator))  # a coordinator signs in with an authenticator app
    response = client.get(reverse("reports"), last_twelve_months())
    assert response.status_code == 200
    assert response.context["report"].headline["enrolled"].value
    assert response.context["cascade"].masters


def test_the_demo_master_trainer_reads_their_cascade(demo):
    found, cascaded = read(demo["master@demo.mn"])
    assert found.headline["enrolled"].value
    (master,) = cascaded.masters
    assert master.master_id == demo["master@demo.mn"].pk
    assert master.total.trainers.value == 2  # trainer@ and trainer2@
    assert master.total.cohorts.value and master.total.reached.value
