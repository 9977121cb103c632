"""Certificate pages: public verification (bilingual, no language prefix: it is printed on paper),
a learner's own certificates, and the list that trainers and coordinators work from."""

import io

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.models import AuditEvent
from accounts.services import audit_record
from cohorts.permissions import cohorts_visible_to

from . import exporting
from .codes import display, normalise
from .forms import ReasonForm
from .models import Certificate
from .permissions import (
    can_list_certificates,
    certificates_approvable_by,
    certificates_managed_by,
    certificates_visible_to,
)
from .selectors import EXPIRING, certificate_by_code, certificates_listed, public_facts
from .services import CertificateError, certificate_approve, certificate_reissue, certificate_revoke
from .throttle import lookup_allowed


def _too_many(request):
    return render(request, "429.html", status=429)


@never_cache
def verify(request):
    """The form to type a code; a typed code goes to its page, in its tidy form when it is one."""
    typed = request.GET.get("code", "").strip()
    if typed:
        code = normalise(typed)
        return HttpResponseRedirect(reverse("certificate_verify_code", args=[display(code) if code else typed[:40]]))
    return render(request, "certificates/verify.html", {"facts": None, "asked": False})


@never_cache
def verify_code(request, code: str):
    if not lookup_allowed(request):
        return _too_many(request)
    certificate = certificate_by_code(code)
    if certificate is None:
        # The same page and status whatever the cause: unknown, mistyped, not yet issued.
        return render(request, "certificates/verify.html", {"facts": None, "asked": True}, status=404)
    return render(request, "certificates/verify.html", {"facts": public_facts(certificate), "asked": True})


@login_required
def my_certificates(request):
    certificates = Certificate.objects.filter(learner=request.user).exclude(replaced_by__isnull=False)
    return render(request, "certificates/my_certificates.html", {"certificates": certificates.order_by("-issued_on")})


@login_required
def download(request, certificate_id: int):
    certificate = get_object_or_404(
        certificates_visible_to(request.user).filter(state=Certificate.State.ISSUED).exclude(pdf=""),
        pk=certificate_id,
    )
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certificate-{certificate.display_code}.pdf",
        content_type="application/pdf",
    )


def _listed(request):
    """The certificates the viewer's filters select (state, cohort), with the filters' own context for the page."""
    state = request.GET.get("state", "")
    certificates, cohort = certificates_listed(request.user, state=state, cohort_id=request.GET.get("cohort"))
    cohorts = cohorts_visible_to(request.user).order_by("-starts_on", "name")
    return certificates, {"state": state, "cohorts": cohorts, "cohort": cohort}


@login_required
def certificate_list(request):
    """Certificates of the people in the viewer's scope, with what each may do about them."""
    if not can_list_certificates(request.user):
        raise Http404
    certificates, filters = _listed(request)
    page = list(certificates.select_related("learner")[:200])
    ids = [c.pk for c in page]
    return render(
        request,
        "certificates/certificate_list.html",
        {
            **filters,
            "certificates": page,
            "more": len(page) == 200,
            "export_query": request.GET.urlencode(),
            "states": [*Certificate.State.choices, (EXPIRING, _("Expiring within 90 days"))],
            "managed": set(certificates_managed_by(request.user).filter(pk__in=ids).values_list("pk", flat=True)),
            "approvable": set(certificates_approvable_by(request.user).filter(pk__in=ids).values_list("pk", flat=True)),
        },
    )


@login_required
def certificate_export(request, file_format: str):
    """Every certificate the list's filters select, as a spreadsheet. Personal data: audited.

    Up to ``CASCADE_EXPORT_INLINE_ROWS`` rows the file is the answer; beyond, a worker prepares it
    and the viewer is sent to its page, which shows the progress and then the link."""
    if not can_list_certificates(request.user) or file_format not in exporting.FORMATS:
        raise Http404
    certificates, filters = _listed(request)
    count = certificates.count()
    audit_record(
        action=AuditEvent.Action.DATA_EXPORTED,
        data={
            "what": "certificates",
            "format": file_format,
            "rows": count,
            "state": filters["state"],
            "cohort": filters["cohort"].pk if filters["cohort"] else None,
        },
    )
    if count > settings.CASCADE_EXPORT_INLINE_ROWS:
        download = exporting.export_request(
            by=request.user,
            file_format=file_format,
            state=filters["state"],
            cohort=filters["cohort"],
            total=count,
        )
        return HttpResponseRedirect(reverse("prepared_download", args=[download.pk]))
    buffer = io.BytesIO()
    exporting.certificates_write(certificates, file_format, buffer)
    response = HttpResponse(buffer.getvalue(), content_type=exporting.FORMATS[file_format])
    response["Content-Disposition"] = f'attachment; filename="{exporting.filename(file_format)}"'
    return response


ACTIONS = {
    "revoke": (certificates_managed_by, certificate_revoke),
    "reissue": (certificates_managed_by, certificate_reissue),
}


@login_required
def certificate_action(request, certificate_id: int, action: str):
    """Revoke or reissue (coordinators, administrators) with a reason; approve (the holder's trainer)."""
    if action == "approve":
        certificate = get_object_or_404(certificates_approvable_by(request.user), pk=certificate_id)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        try:
            certificate_approve(certificate=certificate, by=request.user)
        except CertificateError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Approved: the certificate is being prepared and will be e-mailed."))
        return HttpResponseRedirect(reverse("certificate_list"))
    if action not in ACTIONS:
        raise Http404
    scope, service = ACTIONS[action]
    certificate = get_object_or_404(scope(request.user).select_related("learner"), pk=certificate_id)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(certificate=certificate, by=request.user, reason=form.cleaned_data["reason"])
        except CertificateError as error:
            form.add_error(None, error.message)
        else:
            done = (
                _("The certificate is revoked.") if action == "revoke" else _("A corrected certificate is on its way.")
            )
            messages.success(request, done)
            return HttpResponseRedirect(reverse("certificate_list"))
    return render(
        request, "certificates/certificate_action.html", {"certificate": certificate, "form": form, "action": action}
    )
