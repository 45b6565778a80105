"""HTML pages of the API app: making and revoking personal tokens (from the profile page), and
the JSON 404 for addresses under /api/v1/ that name no endpoint."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from api import tokens
from api.models import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="What will use it: “list bot”, “dashboard”.")
    scope = forms.ChoiceField(
        choices=ApiToken.Scope.choices,
        initial=ApiToken.Scope.READ,
        widget=forms.RadioSelect,
        help_text="Read only is enough to read private reviews you may see; writing needs “read and write”.",
    )


def not_found(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(
        {"code": "not_found", "message": "No such endpoint. See /api/v1/docs."}, status=404
    )
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@login_required
def token_create(request: HttpRequest) -> HttpResponse:
    """Make a token: the secret is on this page once, and nowhere else, ever."""
    form = TokenForm(request.POST or None, auto_id="id_token_%s")
    if request.method == "POST" and form.is_valid():
        try:
            token, key = tokens.token_create(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for name, errors in getattr(exc, "error_dict", {None: exc.error_list}).items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            return render(
                request,
                "api/token_created.html",
                {"token": token, "key": key, "docs_url": reverse("api:docs")},
            )
    status = 422 if form.is_bound else 200
    return render(request, "api/token_form.html", {"form": form}, status=status)


@require_POST
@login_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken.objects.active(), pk=pk)
    try:
        tokens.token_revoke(token=token, user=request.user)
    except tokens.NotAllowed:
        raise Http404("No such token.") from None
    messages.success(request, f"Token “{token.name}” revoked. Programs using it are refused from now on.")
    return redirect(reverse("profile") + "#api-tokens")
