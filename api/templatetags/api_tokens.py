"""``{% api_tokens %}``: the person's API tokens and the form to make one, for the profile page.

A tag rather than a context variable, so that the accounts app need not import this one."""

from __future__ import annotations

from django import template

from api import tokens
from api.views import TokenForm

register = template.Library()


@register.inclusion_tag("api/_tokens.html", takes_context=True)
def api_tokens(context) -> dict:
    request = context["request"]
    return {
        "tokens": tokens.tokens_of(request.user),
        "form": TokenForm(auto_id="id_token_%s"),
        "csrf_token": context.get("csrf_token"),
        "max_tokens": tokens.MAX_ACTIVE_TOKENS,
    }
