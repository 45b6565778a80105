"""The OpenAPI 3.1 schema validates and describes every endpoint; the docs page serves its own
assets under the site's Content-Security-Policy."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from api.main import api

pytestmark = pytest.mark.django_db


def test_schema_is_valid_openapi_3_1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    schema = response.json()
    assert schema["openapi"] == "3.1.0"
    validate(schema, cls=OpenAPIV31SpecValidator)


def test_schema_lists_every_endpoint_with_security_and_error_shapes(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert set(paths) == {
        "/api/v1/licenses/",
        "/api/v1/licenses/{slug}/",
        "/api/v1/licenses/{slug}/versions/{label}/",
        "/api/v1/compare/",
        "/api/v1/criteria/",
        "/api/v1/reviews/",
        "/api/v1/reviews/{review_id}/",
        "/api/v1/reviews/{review_id}/threads/",
        "/api/v1/reviews/{review_id}/threads/{thread_id}/",
        "/api/v1/reviews/{review_id}/threads/{thread_id}/comments/",
        "/api/v1/reviews/{review_id}/positions/",
        "/api/v1/reviews/{review_id}/mail-imports/",
    }
    assert set(schema["components"]["securitySchemes"]) == {"TokenAuth", "SessionCookie"}
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    for path, methods in paths.items():
        for method, operation in methods.items():
            anonymous = {} in operation["security"]
            assert anonymous == (method == "get"), (path, method)
            assert "404" in operation["responses"], (path, method)
            assert operation["operationId"] and operation["summary"], (path, method)
    position = paths["/api/v1/reviews/{review_id}/positions/"]["post"]
    assert {"200", "201", "409", "422"} <= set(position["responses"])
    clause = schema["components"]["schemas"]["ClauseOut"]["properties"]
    assert {"path", "anchor", "heading", "text", "parent", "permalink"} <= set(clause)


def test_the_schema_is_generated_from_the_code():
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    assert schema["info"]["title"] == "Clausewise API"
    assert "Bearer" in schema["info"]["description"]


def test_docs_page_serves_its_assets_from_the_site_with_the_csp_nonce(client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    csp = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert "script-src 'self' 'nonce-" in csp
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    for attrs, body in scripts:
        assert not body.strip(), "no inline script"
        src = re.search(r'src="([^"]+)"', attrs).group(1)
        assert src.startswith("/static/"), src
        assert f'nonce="{nonce}"' in attrs
    for href in re.findall(r'(?:href|src)="([^"]+)"', html):
        assert not href.startswith(("http:", "https:", "//")), f"external asset {href}"
    # The files exist in the app (no CDN): Swagger UI from django-ninja, the init script ours.
    for path in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui.css", "api/docs.js", "api/docs.css"):
        assert finders.find(path), path
    assert 'data-openapi-url="/api/v1/openapi.json"' in html


def test_docs_page_gives_a_logged_in_visitor_the_csrf_token_for_try_it_out(client, django_user_model):
    user = django_user_model.objects.create_user("docs-reader", password="x" * 12)
    client.force_login(user)
    html = client.get(reverse("api:docs")).content.decode()
    token = re.search(r'data-csrf-token="([^"]*)"', html).group(1)
    assert len(token) >= 32
    assert 'data-csrf-token=""' in Client_anonymous_docs()


def Client_anonymous_docs() -> str:  # noqa: N802 - reads as a phrase in the assertion above
    from django.test import Client

    return Client().get(reverse("api:docs")).content.decode()


def test_unknown_api_address_is_a_json_404(client):
    response = client.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_the_api_root_leads_to_the_docs(client):
    response = client.get("/api/")
    assert response.status_code == 302
    assert response["Location"] == reverse("api:docs")
    assert client.get(response["Location"]).status_code == 200
