"""The report takes the same number of queries whatever the data's size (architecture §6)."""

import pytest
from django.urls import reverse

from accounts import roles
from tests.reports.conftest import YEAR, build_known

pytestmark = pytest.mark.django_db

# The session and user, the filter form's choices, five indicator queries for the headline and
# five for the grouped table, the labels of the groups.
BOUND = 22


@pytest.mark.parametrize("extra", [0, 25])
@pytest.mark.parametrize("role", [roles.COORDINATOR, roles.MASTER_TRAINER, roles.TRAINER, roles.ADMIN])
@pytest.mark.parametrize("group_by", ["none", "organisation", "month", "course"])
def test_the_report_page_query_count_does_not_grow_with_the_data(client, django_assert_max_num_queries, extra, role,
                                                                  group_by):  # fmt: skip
    known = build_known(extra_learners=extra)
    client.force_login(known.staff[role])
    client.get(reverse("reports"), YEAR)  # warms the page-tree cache the course choices come from
    with django_assert_max_num_queries(BOUND):
        response = client.get(reverse("reports"), {**YEAR, "group_by": group_by})
    assert response.status_code == 200
