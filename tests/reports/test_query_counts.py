"""The report takes the same number of queries whatever the data's size and the cascade's depth
(architecture §6)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import roles
from tests.reports.conftest import YEAR, add_learners, build_known, deepen_cascade

pytestmark = pytest.mark.django_db

# The session and user, the filter form's choices, five indicator queries for the headline and
# five for the grouped table, the labels of the groups; the cascade: one query for every level,
# trainer and branch, one for the names, two for the trainers by course and by region, and the
# names of their regions.
BOUND = 27


@pytest.mark.parametrize("role", [roles.COORDINATOR, roles.MASTER_TRAINER, roles.TRAINER, roles.ADMIN])
@pytest.mark.parametrize("group_by", ["none", "organisation", "month", "course", "region_gender"])
def test_the_report_page_query_count_does_not_grow_with_the_data_or_the_cascades_depth(
    client, django_assert_max_num_queries, role, group_by
):
    known = build_known()
    client.force_login(known.staff[role])
    client.get(reverse("reports"), YEAR)  # warms the page-tree cache the course choices come from

    def measured() -> int:
        with django_assert_max_num_queries(BOUND), CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("reports"), {**YEAR, "group_by": group_by})
        assert response.status_code == 200
        return len(queries)

    # Every viewer has a cascade to read from the start (the master's two levels deep, the trainer's
    # one): with none at all, the page asks one query fewer (no names to read).
    deepen_cascade(known, levels=1, trainees=2)
    small_shallow = measured()
    add_learners(known, 25)
    large_shallow = measured()
    deepen_cascade(known, levels=2, trainees=6)  # the master's four levels deep, the trainer's three
    large_deep = measured()
    assert small_shallow == large_shallow == large_deep, (small_shallow, large_shallow, large_deep)
    print(f"{role} {group_by}: {large_deep} queries")
