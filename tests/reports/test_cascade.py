"""The cascade on the report: whose cascades each viewer reads, to every depth, with the small-cell
rule; in the files and the API too."""

import csv
import io

import pytest
from django.urls import reverse

from accounts import roles
from accounts.models import User
from cohorts.models import TeachingAuthorisation
from reports.cascade import cascade
from reports.filters import ReportFilterForm
from tests.factories import authorise, build_course, make_user, open_cohort
from tests.reports.conftest import YEAR, build_known, deepen_cascade

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """The known data set three levels deep below its master, and another organisation's master
    with a cascade of their own."""
    known = build_known()
    deepen_cascade(known, levels=2, trainees=3)
    other_master = make_user(roles.MASTER_TRAINER, organisation=known.other_org, email="other-master@known.mn",
                             last_name="Өөр", first_name="Мастер")  # fmt: skip
    authorise(other_master, known.course)
    tot = open_cohort(known.course, other_master, name="Other ToT", organisation=known.other_org)
    authorise(known.staff["other_trainer"], known.course, basis=TeachingAuthorisation.Basis.TOT_COHORT,
              source_cohort=tot)  # fmt: skip
    known.staff["other_master"] = other_master
    return known


def read(viewer, **params):
    form = ReportFilterForm({**YEAR, **params}, user=viewer)
    assert form.is_valid(), form.errors
    return cascade(viewer, form.filters())


def masters(found) -> dict:
    return {master.master_id: master for master in found.masters}


def test_a_master_trainer_reads_their_own_cascade_to_every_depth(world):
    found = read(world.staff[roles.MASTER_TRAINER])
    assert set(masters(found)) == {world.staff[roles.MASTER_TRAINER].pk}
    (master,) = found.masters
    assert master.depth == 3
    assert [level.trainers.value for level in master.levels] == [1, 1, 1]
    assert found.hide_small


def test_a_coordinator_reads_the_cascades_of_their_organisations_masters(world):
    assert set(masters(read(world.staff[roles.COORDINATOR]))) == {world.staff[roles.MASTER_TRAINER].pk}


def test_an_administrator_reads_every_masters_cascade(world):
    found = read(world.staff[roles.ADMIN])
    assert set(masters(found)) == {world.staff[roles.MASTER_TRAINER].pk, world.staff["other_master"].pk}
    # The organisation filter keeps that organisation's masters.
    assert set(masters(read(world.staff[roles.ADMIN], organisation=world.other_org.pk))) == {
        world.staff["other_master"].pk
    }


def test_a_trainer_reads_the_subtree_below_them_and_a_trainer_who_trained_nobody_reads_none(world):
    found = read(world.staff[roles.TRAINER])
    (subtree,) = found.masters
    assert subtree.master_id == world.staff[roles.TRAINER].pk and subtree.depth == 2
    assert [level.reached.value for level in subtree.levels] == [3, 3]
    assert found.hide_small
    alone = read(world.staff["other_trainer"])
    assert alone.masters == [] and not alone.hide_small


def test_a_learner_reads_nothing(world):
    form = ReportFilterForm(YEAR, user=world.staff[roles.ADMIN])
    assert form.is_valid()
    assert cascade(world.people["u1"], form.filters()).masters == []


def test_a_co_trainer_of_the_training_of_trainers_cohort_trained_its_graduates(world):
    co = make_user(roles.MASTER_TRAINER, organisation=world.unit, email="co@known.mn")
    tot = TeachingAuthorisation.objects.get(trainer=world.staff[roles.TRAINER]).source_cohort
    tot.co_trainers.add(co)
    (mine,) = read(co).masters
    assert mine.depth == 3


def test_someone_trained_by_someone_they_trained_ends_the_walk(world):
    """A cycle below the master: the level-3 trainer leads a ToT cohort of another course that the
    level-1 trainer completed. The walk ends, each trainer at their shortest depth."""
    other_course = build_course(modules=1, lessons=1, translate=False, slug="second")
    last = User.objects.get(email="level1@known.mn")
    authorise(last, other_course)
    loop = open_cohort(other_course, last, name="Loop ToT", organisation=world.unit)
    authorise(world.staff[roles.TRAINER], other_course, basis=TeachingAuthorisation.Basis.TOT_COHORT,
              source_cohort=loop)  # fmt: skip
    (master,) = read(world.staff[roles.MASTER_TRAINER]).masters
    assert master.depth == 3
    assert [level.trainers.value for level in master.levels] == [1, 1, 1]


def test_small_counts_are_hidden_on_the_page_and_in_the_files(client, world):
    client.force_login(world.staff[roles.MASTER_TRAINER])
    html = client.get(reverse("reports"), YEAR).content.decode()
    assert "Түвшин0 Сургагч" in html and "Өөр Мастер" not in html
    assert "&lt;5" in html
    response = client.get(reverse("reports_export", args=["csv"]), YEAR)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    start = rows.index(["Сургагч багш нарын шаталсан сургалт", *[""] * (len(rows[0]) - 1)])
    section = rows[start:]
    assert any(row[:2] == ["Мастер Сургагч", "1-р түвшин"] for row in section)
    assert not any(value.strip() in {"1", "2", "3", "4"} for row in section for value in row)


def test_the_api_gives_the_cascade_with_small_counts_null(client, world):
    client.force_login(world.staff[roles.MASTER_TRAINER])
    body = client.get("/api/v1/reports/indicators", YEAR).json()
    (master,) = body["cascade"]
    assert master["levels"] == 3 and [level["level"] for level in master["by_level"]] == [1, 2, 3]
    first = master["by_level"][0]
    assert first["trainees_reached"] == {"shown": "6", "value": 6, "suppressed": False}
    assert master["by_level"][1]["trainees_reached"] == {"shown": "<5", "value": None, "suppressed": True}
    assert master["total"]["level"] == 0 and master["total"]["trainees_reached"]["value"] == 12
    assert body["trainers_by_course"][0]["authorised"]["suppressed"] is True  # four trainers: <5


def test_a_coordinator_does_not_read_the_name_of_a_trainer_outside_their_organisation(world):
    """The master's ToT also trained a trainer of another organisation: the coordinator's tree
    shows that a trainer is there, not who; the administrator's names them."""
    outsider = make_user(roles.TRAINER, organisation=world.other_org, email="outsider@known.mn",
                         last_name="Гадны", first_name="Сургагч")  # fmt: skip
    tot = TeachingAuthorisation.objects.get(trainer=world.staff[roles.TRAINER]).source_cohort
    authorise(outsider, world.course, basis=TeachingAuthorisation.Basis.TOT_COHORT, source_cohort=tot)

    def names(found):
        def walk(nodes):
            for node in nodes:
                yield node["name"]
                yield from walk(node["children"])

        return set(walk(found.tree))

    seen = names(read(world.staff[roles.COORDINATOR]))
    assert "Гадны Сургагч" not in seen and "Өөр байгууллагын сургагч багш" in seen
    assert "Сургагч Нэгдүгээр" in seen
    assert "Гадны Сургагч" in names(read(world.staff[roles.ADMIN]))
