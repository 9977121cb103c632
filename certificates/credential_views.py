"""The signed Open Badges 3.0 credential of a certificate, and the issuer's profile, public key and
revocation lists that anyone verifying it fetches (public, no language prefix: read by machines)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from .credentials import issuer_profile, public_jwk, published_keys, signed_credential, signed_status_list
from .models import Certificate
from .permissions import certificates_visible_to


def _public_json(data: dict, content_type: str) -> JsonResponse:
    response = JsonResponse(data, content_type=content_type, json_dumps_params={"ensure_ascii": False})
    # Verifiers run in other sites' pages too; there is nothing private here.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@cache_control(public=True, max_age=300)  # a rotated key reaches verifiers within five minutes
def issuer(request):
    return _public_json(issuer_profile(), "application/ld+json")


@require_safe
@cache_control(public=True, max_age=300)  # a rotated key reaches verifiers within five minutes
def issuer_jwks(request):
    return _public_json({"keys": [public_jwk(key) for key in published_keys().values()]}, "application/jwk-set+json")


@require_safe
# A revocation reaches verifiers that cache the list within five minutes.
@cache_control(public=True, max_age=300)
def status_list(request, number: int):
    token = signed_status_list(number)
    if token is None:
        raise Http404
    response = HttpResponse(token, content_type="application/jwt")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@never_cache
@login_required
def download_credential(request, certificate_id: int):
    certificate = get_object_or_404(
        certificates_visible_to(request.user).filter(state=Certificate.State.ISSUED), pk=certificate_id
    )
    response = HttpResponse(signed_credential(certificate), content_type="application/jwt")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.display_code}.jwt"'
    return response
