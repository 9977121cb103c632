"""One shape for every error the HTTP API answers, whichever app or layer refuses the request.

A client reads ``detail`` to show a person (in the request's language) and ``code`` to decide what
to do (stable, never translated); a request that does not fit the operation (422) also lists each
field's problem in ``errors``. Operations declare the statuses they can answer with ``errors(...)``
so that the published schema says what a client will really meet."""

import logging
from typing import Annotated

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.responses import Status
from pydantic import Field

from .errors import CascadeError

logger = logging.getLogger(__name__)

# The id of an object in a path or a body. Ids are positive 64-bit integers: a larger number names
# nothing, and SQLite cannot even compare it with a column (OverflowError), so it is refused (422).
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]


class FieldError(Schema):
    loc: list[str | int]  # where: "path", "query" or "body", then the field's name (and index)
    msg: str
    type: str


class Error(Schema):
    detail: str
    code: str
    errors: list[FieldError] = []


def errors(*statuses: int) -> dict[int, type[Error]]:
    """``response={200: ThingOut, **errors(404, 422)}``: these statuses answer an ``Error``."""
    return dict.fromkeys(statuses, Error)


def error_body(detail: str, code: str, field_errors=()) -> dict:
    """An ``Error``, for the few refusals made before the API is reached (in a middleware)."""
    return {"detail": str(detail), "code": code, "errors": list(field_errors)}


def refusal(status: int, detail: str, code: str) -> Status:
    """An operation's own refusal, in the one shape: ``return refusal(404, _("No such thing."), "not_found")``."""
    return Status(status, error_body(detail, code))


def refused(error: CascadeError, status: int = 400) -> Status:
    """A service's refusal (``CascadeError``) as the operation's answer, with its message and code."""
    return refusal(status, error.message, error.code)


def error(api: NinjaAPI, request, status: int, detail: str, code: str, field_errors=()):
    return api.create_response(request, error_body(detail, code, field_errors), status=status)


# The generic code of a status, for refusals that carry no code of their own.
STATUS_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found", 429: "throttled"}


def install_error_handlers(api: NinjaAPI) -> None:
    """Make django-ninja's own refusals (unknown object, no or bad credentials, a missing CSRF token,
    an unreadable body, a request that fails validation, throttling) answer an ``Error``."""

    def not_found(request, exc):
        return error(api, request, 404, _("Not found."), "not_found")

    def unauthenticated(request, exc: AuthenticationError):
        # An authenticator that refuses for a reason of its own (a token of staff without a second
        # factor) says why; otherwise the caller simply has no valid credentials.
        detail = exc.message if exc.message != AuthenticationError().message else None
        return error(
            api, request, 401, detail or _("Sign in first, or send a valid personal token."), "unauthenticated"
        )

    def throttled(request, exc):
        return error(api, request, 429, _("Too many requests; try again in a few minutes."), "throttled")

    def http_error(request, exc: HttpError):
        status = exc.status_code
        if status == 403 and exc.message.startswith("CSRF"):
            return error(api, request, 403, _("The page's security token is missing or old: reload it."), "csrf")
        if status == 400 and exc.message.startswith("Cannot parse request body"):
            return error(api, request, 400, _("The request body could not be read as JSON."), "unreadable")
        return error(api, request, status, exc.message, STATUS_CODES.get(status, "error"))

    def invalid(request, exc: ValidationError):
        field_errors = [
            {"loc": [str(part) if not isinstance(part, int) else part for part in e.get("loc", ())],
             "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors
        ]  # fmt: skip
        return error(api, request, 422, _("Some of what was sent is not valid."), "invalid", field_errors)

    def server_error(request, exc: Exception):
        # Whatever went wrong, a client of the API reads JSON in the one error shape, not an HTML
        # page; the failure is logged as Django logs a failed request. Django's own refusals (403,
        # 400) are left to Django, which answers them with their status as before.
        if isinstance(exc, (PermissionDenied, SuspiciousOperation, BadRequest)):
            raise exc
        logger.error("Internal Server Error: %s", request.path, exc_info=exc)
        return error(api, request, 500, _("Something went wrong on our side. Please try again later."), "server_error")

    api.add_exception_handler(Exception, server_error)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(Throttled, throttled)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(ValidationError, invalid)
