"""``{% watch_controls obj %}``: the watch button and the Atom feed link for a license or a
family, for pages of the licenses app (which imports nothing from review). One query."""

from __future__ import annotations

from django import template
from django.urls import reverse

from review.notify.selectors import watches

register = template.Library()


@register.inclusion_tag("notify/_watch_controls.html", takes_context=True)
def watch_controls(context, obj):
    kind = type(obj).__name__.lower()
    request = context["request"]
    feed = reverse(f"notify:feed-{kind}", args=[obj.slug])
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "user": request.user,
        "kind": kind,
        "pk": obj.pk,
        "watching": watches(request.user, **{kind: obj}),
        "next": request.get_full_path(),
        "feed": feed,
    }
