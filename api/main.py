"""The API: version 1, its read endpoints, and the hooks shared by every endpoint.

Writes are in api.writes; who is asking is api.auth; errors are api.errors; caching headers are
api.conditional. The OpenAPI 3.1 schema is generated from these functions and api.schemas.
"""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from ninja import NinjaAPI, Query, Router
from ninja.renderers import JSONRenderer

from api import catalogue, conditional, errors, reviews, writes
from api.auth import read_auth
from api.errors import not_found
from api.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from api.schemas import (
    CompareOut,
    CriterionSetOut,
    Error,
    LicenseDetail,
    LicensePage,
    OsiStatus,
    ReviewDetail,
    ReviewPage,
    ReviewStatus,
    ThreadOut,
    VersionDetail,
)
from licenses.compare.selectors import RefError, resolve_ref
from review import selectors as review_selectors

DESCRIPTION = """\
Licenses split into numbered clauses, comparisons between versions, and the reviews held on
them, as JSON.

**Reading** needs no account for public data. Send a personal token
(`Authorization: Bearer cw_…`, made on your profile page) to read the private reviews you may
read on the site. **Writing** (threads, replies, positions, mail import) needs a token with the
*write* scope, and the same rights as on the site: anything you may not touch answers 404.

Errors are JSON: `{"code": "not_found", "message": "…"}`. Reads carry an `ETag`; send it back
in `If-None-Match` to get a 304. Lists are paginated (`page`, `page_size`) with absolute `next`
links. Every client is rate limited per minute (per token, else per address); over the limit
the answer is 429 with `Retry-After`.
"""


class ClausewiseAPI(NinjaAPI):
    def create_response(self, request: HttpRequest, data, *, status=None, temporal_response=None):
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        return conditional.finish(request, response)

    def get_openapi_operation_id(self, operation) -> str:
        return operation.view_func.__name__

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        # One scheme object for both kinds of operation; reads may also be anonymous ({}), and the
        # browser session works too (with the CSRF token for writes).
        schemes = schema["components"].setdefault("securitySchemes", {})
        schemes["SessionCookie"] = {
            "type": "apiKey",
            "in": "cookie",
            "name": "sessionid",
            "description": "A logged-in browser session; writes also need the X-CSRFToken header.",
        }
        for methods in schema["paths"].values():
            for method, operation in methods.items():
                security = [{"TokenAuth": []}, {"SessionCookie": []}]
                operation["security"] = [*security, {}] if method == "get" else security
        return schema


api = ClausewiseAPI(
    title="Clausewise API",
    version="1",
    description=DESCRIPTION,
    auth=read_auth,
    renderer=JSONRenderer(),
    urls_namespace="api",  # flat in api/urls.py: api:version, api:api-root
    docs_url=None,  # api.docs serves the page, with the site's CSP nonce
    openapi_url="/openapi.json",
)
errors.install(api, position_json=reviews.position_json)

ERRORS = {401: Error, 404: Error, 429: Error}
PageNumber = Query(1, ge=1, description="1 for the first page.")
PageSize = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
OsiFilter = Query("", description="OSI status.")
StatusFilter = Query("", description="Only reviews in this state.")


# --- catalogue ------------------------------------------------------------------------------------

catalogue_router = Router(tags=["catalogue"])


@catalogue_router.get("/licenses/", response={200: LicensePage, **ERRORS}, url_name="licenses")
def list_licenses(
    request,
    search: str = Query("", description="Words in the name, SPDX id, slug or description.", max_length=200),
    osi: OsiStatus | Literal[""] = OsiFilter,
    page: int = PageNumber,
    page_size: int = PageSize,
):
    """The catalogue, by name. Filters as the catalogue page filters."""
    return catalogue.license_page(request, search=search, osi=osi, page=page, page_size=page_size)


@catalogue_router.get("/licenses/{slug}/", response={200: LicenseDetail, **ERRORS}, url_name="license")
def get_license(request, slug: str):
    """A license and its versions, oldest first."""
    data = catalogue.license_detail(request, slug)
    if data is None:
        raise not_found("No such license.")
    return data


@catalogue_router.get(
    "/licenses/{slug}/versions/{label}/", response={200: VersionDetail, **ERRORS}, url_name="version"
)
def get_version(request, slug: str, label: str):
    """A version with its clauses in order, each with its path as cited, anchor and permalink."""
    return catalogue.version_detail(request, slug, label)


@catalogue_router.get("/compare/", response={200: CompareOut, **ERRORS, 422: Error}, url_name="compare")
def compare_versions(
    request,
    a: str = Query(..., description="The old version: slug@label, e.g. mpl@1.1.", max_length=200),
    b: str = Query(..., description="The new version: slug@label.", max_length=200),
    changes: bool = Query(False, description="Leave out the unchanged pairs."),
):
    """Two versions aligned clause by clause, each pair with its redline."""
    try:
        va, vb = resolve_ref(a), resolve_ref(b)
    except RefError as exc:
        raise not_found(exc.message) from None
    return catalogue.comparison(request, va, vb, changes_only=changes)


@catalogue_router.get("/criteria/", response={200: list[CriterionSetOut], **ERRORS}, url_name="criteria")
def list_criteria(request):
    """The criterion sets (OSD, DFSG, the four freedoms) with their items."""
    return catalogue.criterion_sets()


# --- reviews --------------------------------------------------------------------------------------

review_router = Router(tags=["reviews"])


@review_router.get("/reviews/", response={200: ReviewPage, **ERRORS}, url_name="reviews")
def list_reviews(
    request,
    status: ReviewStatus | Literal[""] = StatusFilter,
    license: str = Query("", description="Only reviews of this license (its slug).", max_length=100),
    page: int = PageNumber,
    page_size: int = PageSize,
):
    """Public reviews, newest first, with their counts and last activity (as the reviews page)."""
    return reviews.review_page(request, status=status, license=license, page=page, page_size=page_size)


@review_router.get("/reviews/{review_id}/", response={200: ReviewDetail, **ERRORS}, url_name="review")
def get_review(request, review_id: int):
    """A review with its threads, comments, positions and decision."""
    review = review_selectors.review_for(review_id, request.user)
    return reviews.review_detail(request, review)


@review_router.get(
    "/reviews/{review_id}/threads/{thread_id}/", response={200: ThreadOut, **ERRORS}, url_name="thread"
)
def get_thread(request, review_id: int, thread_id: int):
    """One thread of a review with its comments."""
    review = review_selectors.review_for(review_id, request.user)
    thread = review_selectors.thread_for(review, thread_id)
    return reviews.thread_detail(request, thread)


api.add_router("", catalogue_router)
api.add_router("", review_router)
api.add_router("", writes.router)
