"""A master trainer's view down the cascade: whom they trained, and whom those trained."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from .. import selectors
from ..permissions import can_view_cascade


@login_required
def tree(request):
    if not can_view_cascade(request.user):
        raise Http404
    nodes = selectors.cascade_tree(request.user)
    return render(
        request,
        "cohorts/cascade.html",
        {
            "nodes": nodes,
            "trainers": len(selectors.cascade_trainers(nodes)),
            "totals": selectors.cascade_totals(nodes),
        },
    )
