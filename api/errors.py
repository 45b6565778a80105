"""API errors: JSON with a machine-readable ``code`` and a ``message`` for people.

Every refusal the API makes goes through :class:`ApiError` or one of the exceptions the services
already raise, mapped here once:

==========================  ======  ======================
raised                      status  code
==========================  ======  ======================
Http404, NotAllowed,        404     ``not_found``
PermissionDenied
django ValidationError      422     ``invalid``
ninja ValidationError       422     ``invalid_request``
PositionConflict            409     ``conflict`` (with ``current``)
ApiError                    its own its own
==========================  ======  ======================

A right the requester lacks answers 404, as on the site, so nobody learns that an object they
may not touch exists.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from review.matrix.services import PositionConflict
from review.services import NotAllowed


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.extra = extra


def not_found(what: str = "No such object.") -> ApiError:
    return ApiError(404, "not_found", what)


def error_response(api: NinjaAPI, request: HttpRequest, err: ApiError) -> HttpResponse:
    response = api.create_response(
        request, {"code": err.code, "message": err.message, **err.extra}, status=err.status
    )
    for name, value in err.headers.items():
        response[name] = value
    return response


def _messages(exc: DjangoValidationError) -> tuple[str, dict[str, list[str]]]:
    if hasattr(exc, "error_dict"):
        fields = {
            name: [str(m) for e in errors for m in e.messages] for name, errors in exc.error_dict.items()
        }
        flat = [m for messages in fields.values() for m in messages]
        return " ".join(flat), fields
    return " ".join(exc.messages), {}


def install(api: NinjaAPI, *, position_json) -> None:
    """Register the handlers on ``api``. ``position_json`` turns a Position into its API form."""

    @api.exception_handler(ApiError)
    def _api_error(request, exc: ApiError):
        return error_response(api, request, exc)

    @api.exception_handler(Http404)
    def _http404(request, exc):
        return error_response(api, request, not_found(str(exc) or "Not found."))

    @api.exception_handler(NotAllowed)
    def _not_allowed(request, exc):
        return error_response(api, request, not_found())

    @api.exception_handler(PermissionDenied)
    def _denied(request, exc):
        return error_response(api, request, not_found())

    @api.exception_handler(DjangoValidationError)
    def _invalid(request, exc: DjangoValidationError):
        message, fields = _messages(exc)
        return error_response(api, request, ApiError(422, "invalid", message, errors=fields))

    @api.exception_handler(NinjaValidationError)
    def _invalid_request(request, exc: NinjaValidationError):
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "message": e.get("msg", "Invalid value.")}
            for e in exc.errors
        ]
        where = ", ".join(".".join(e["loc"][1:] or e["loc"]) for e in errors)
        message = (
            f"The request does not match the schema ({where})." if where else "The request is malformed."
        )
        return error_response(api, request, ApiError(422, "invalid_request", message, errors=errors))

    @api.exception_handler(PositionConflict)
    def _conflict(request, exc: PositionConflict):
        current = position_json(exc.current) if exc.current is not None else None
        return error_response(api, request, ApiError(409, "conflict", str(exc), current=current))

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request, exc):
        return error_response(
            api,
            request,
            ApiError(
                401,
                "not_authenticated",
                "Send a personal token: Authorization: Bearer cw_…",
                headers={"WWW-Authenticate": 'Bearer realm="clausewise"'},
            ),
        )

    @api.exception_handler(RequestDataTooBig)
    def _too_big(request, exc):
        return error_response(
            api, request, ApiError(413, "too_large", "The request body is over the size limit (6 MiB).")
        )

    @api.exception_handler(HttpError)
    def _http_error(request, exc: HttpError):
        code = {403: "forbidden", 405: "method_not_allowed", 413: "too_large"}.get(exc.status_code, "error")
        return error_response(api, request, ApiError(exc.status_code, code, str(exc)))
