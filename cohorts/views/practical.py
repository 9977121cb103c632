"""A cohort's practical assessments: who has been observed, with what result, and who is still
waiting; the trainers who run the cohort open the scoring form from here."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from assessments.models import PracticalAssessmentPage
from core.formatting import by_name
from courses.outline import course_outline

from .. import selectors
from ..courses_lookup import course_for_key
from ..models import CohortMembership
from ..services import CURRENT
from .common import can_manage, visible_cohort


@login_required
def practical(request, cohort_id: int):
    cohort = visible_cohort(request, cohort_id)
    course = course_for_key(cohort.course_key)
    assessments = (
        [item.page for item in course_outline(course).lessons if isinstance(item.page, PracticalAssessmentPage)]
        if course
        else []
    )
    memberships = list(
        cohort.memberships.filter(status__in=CURRENT).select_related("learner").order_by(*by_name("learner__"))
    )
    observations = (
        selectors.observations_by_learner(
            [m.learner_id for m in memberships], cohort.course_key, since=selectors.joined_at_of(memberships)
        )
        if assessments
        else {}
    )
    manage = can_manage(request, cohort)
    here = request.get_full_path()
    sections = []
    for assessment in assessments:
        rows = []
        for membership in memberships:
            done = observations.get((membership.learner_id, assessment.translation_key), [])
            rows.append(
                {
                    "learner": membership.learner,
                    "cell": selectors.practical_cell(done),
                    "observations": done,
                    "active": membership.status == CohortMembership.Status.ACTIVE,
                }
            )
        waiting = sum(1 for row in rows if row["cell"].state != "passed" and row["active"])
        sections.append(
            {
                "assessment": assessment,
                "rows": rows,
                "waiting": waiting,
                # The scoring form's address differs only in the learner: built once, not per row.
                "score_base": reverse("observe", args=[assessment.pk, 0])[: -len("0/")],
            }
        )
    return render(
        request,
        "cohorts/practical.html",
        {"cohort": cohort, "sections": sections, "can_manage": manage, "here": here},
    )
