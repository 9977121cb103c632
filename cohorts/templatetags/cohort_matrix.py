"""The progress matrix's rows, rendered in Python.

A cohort of 200 trainees × 50 items is 10,000 cells; through the template engine they cost more
than everything else on the page together (architecture §6: the dashboard within 8 times the floor).
What is the same on every row (each state's symbol and word, the labels) is escaped once per
request; only the trainee's own values are escaped per row.
"""

from django import template
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from assessments.models import PracticalAssessmentPage
from cohorts.models import CohortMembership
from core.formatting import percent, short_date
from courses.outline import course_outline

from ..courses_lookup import course_for_key
from ..selectors import STATES

register = template.Library()


@register.simple_tag
def cohort_has_practical(cohort) -> bool:
    """Whether the cohort's course has a practical assessment (from the cached outline: no query)."""
    course = course_for_key(cohort.course_key)
    if course is None:
        return False
    return any(isinstance(item.page, PracticalAssessmentPage) for item in course_outline(course).lessons)


def _parts() -> dict:
    return {
        "cells": {
            state: (
                f'<td class="cell cell-{state}"><span aria-hidden="true">{escape(symbol)}</span>'
                f'<span class="visually-hidden">{escape(label)}</span>'
            )
            for state, (symbol, label) in STATES.items()
        },
        "completed": f' <span class="badge">{escape(_("Completed"))}</span>',
        "choose": _("Choose %(name)s"),
    }


@register.simple_tag(takes_context=True)
def matrix_row(context, row, *, trainee_base: str, sessions_taken: int, can_manage: bool) -> str:
    parts = context.render_context.get("cohort_matrix_parts")
    if parts is None:
        parts = context.render_context["cohort_matrix_parts"] = _parts()
    learner = row.learner
    name = escape(learner.get_full_name() or learner.email)
    html = ["<tr>"]
    if can_manage:
        label = escape(parts["choose"] % {"name": learner.get_full_name() or learner.email})
        html.append(
            f'<td><input type="checkbox" name="learner" value="{learner.pk}" id="pick-{learner.pk}" '
            f'aria-label="{label}"></td>'
        )
    completed = parts["completed"] if row.membership.status == CohortMembership.Status.COMPLETED else ""
    html.append(f'<th scope="row"><a href="{escape(trainee_base)}{learner.pk}/">{name}</a>{completed}</th>')
    html.append(f"<td>{percent(row.percent)}</td>")
    for cell in row.cells:
        detail = f' <span class="cell-detail">{escape(cell.detail)}</span>' if cell.detail else ""
        html.append(f"{parts['cells'][cell.state]}{detail}</td>")
    if row.last_activity:
        moment = timezone.localtime(row.last_activity)
        html.append(f'<td><time datetime="{moment.isoformat()}">{short_date(moment)}</time></td>')
    else:
        html.append("<td>—</td>")
    html.append(f"<td>{row.attended}/{sessions_taken}</td>")
    html.append(f"<td>{row.gain:+.0f}</td>" if row.gain is not None else "<td>—</td>")
    risks = " ".join(f'<span class="badge badge-warning">{escape(risk)}</span>' for risk in row.risks)
    html.append(f"<td>{risks}</td></tr>")
    return mark_safe("".join(html))  # every value above is escaped, or a number
