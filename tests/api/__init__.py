"""Helpers for the API tests: people with personal tokens, and requests that carry them."""

from __future__ import annotations

from dataclasses import dataclass

from django.test import Client

from api.tokens import token_create
from tests.factories import make_user


@dataclass
class Person:
    user: object
    read_token: str
    write_token: str

    def headers(self, scope: str = "write") -> dict:
        token = self.write_token if scope == "write" else self.read_token
        return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def person(username: str, roles: tuple[str, ...] = ()) -> Person:
    user = make_user(username, roles=roles)
    _, read = token_create(user=user, name="reader", scope="read")
    _, write = token_create(user=user, name="writer", scope="write")
    return Person(user=user, read_token=read, write_token=write)


def get(client: Client, url: str, who: Person | None = None, scope: str = "read", **extra):
    headers = who.headers(scope) if who else {}
    return client.get(url, **headers, **extra)


def post(client: Client, url: str, data: dict, who: Person | None = None, scope: str = "write", **extra):
    headers = who.headers(scope) if who else {}
    return client.post(url, data, content_type="application/json", **headers, **extra)
