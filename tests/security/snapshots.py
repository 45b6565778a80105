"""The database before and after a request: a write that should not happen shows as a diff."""

from __future__ import annotations

from django.apps import apps

# --- the database, before and after ---------------------------------------------------------------

SNAPSHOT_APPS = ("accounts", "licenses", "review", "api")


def snapshot() -> dict[str, list[dict]]:
    """Every row of every model of our apps, plus users and their groups (not last_login, nor a
    token's last_used_at: using a credential is not a write)."""
    state: dict[str, list[dict]] = {}
    for app in SNAPSHOT_APPS:
        for model in apps.get_app_config(app).get_models():
            state[model._meta.label] = list(model.objects.order_by("pk").values())
            for row in state[model._meta.label]:
                row.pop("last_used_at", None)
            for m2m in model._meta.many_to_many:
                through = getattr(model, m2m.name).through
                state[through._meta.label] = list(through.objects.order_by("pk").values())
    user_model = apps.get_model("auth", "User")
    state["auth.User"] = list(user_model.objects.order_by("pk").values())
    for row in state["auth.User"]:
        row.pop("last_login", None)
    state["auth.User.groups"] = list(user_model.groups.through.objects.order_by("pk").values())
    return state


def diff(before: dict, after: dict) -> list[str]:
    return [label for label in before.keys() | after.keys() if before.get(label) != after.get(label)]
