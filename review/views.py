"""Review pages and the thread/comment actions.

Each action works as a plain form post (redirect back to the review page, at the thread) and
in place with htmx (the thread or clause fragment of ``review/review_detail.html``). Access
checks raise 404 so that people without the right learn nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import replace_url, reswap, retarget

from accounts import roles
from licenses.models import LicenseVersion
from review import listing, page_cache, rules, selectors, services
from review.forms import CommentForm, DecisionForm, HideForm, ReviewForm, ThreadForm
from review.models import Comment, Review, Thread
from review.notify.selectors import watching_in_review
from review.ratelimit import comment_rate_limited

PAGE = "review/review_detail.html"


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _get_thread_for_user(request: HttpRequest, pk: int, thread_id: int) -> Thread:
    review = selectors.review_for(pk, request.user)
    return selectors.thread_for(review, thread_id)


def _get_comment_for_user(request: HttpRequest, pk: int) -> Comment:
    comment = get_object_or_404(
        Comment.objects.select_related(
            "thread__clause", "thread__criterion__set", "thread__started_by", "author__profile"
        ),
        pk=pk,
    )
    comment.thread.review = selectors.review_for(comment.thread.review_id, request.user)
    return comment


def _with_counts(request: HttpRequest, response: HttpResponse, review: Review, clause=None, cv=None):
    """Append the page's counts and the clause's marks out of band (``#oob``): a new or changed
    thread changes them, and they would otherwise stay stale until a reload."""
    if clause is not None and cv is None and clause.version_id == review.version_id:
        cv = selectors.clause_block(review, clause, user=request.user)
    context = {"totals": selectors.review_totals(review), "cv": cv, "review": review, "oob": True}
    response.content += render(request, f"{PAGE}#oob", context).content
    return response


def _at(request: HttpRequest, anchor: str) -> str:
    """The page the person is on, at ``anchor``: what Back and Reload should come back to."""
    here = (request.htmx.current_url_abs_path or "").split("#", 1)[0]
    return f"{here or request.path}#{anchor}"


def _thread_response(request: HttpRequest, thread: Thread, *, extra: dict | None = None, status: int = 200):
    """The thread fragment for htmx, else a redirect to it on the review page."""
    if request.htmx:
        context = {
            "tv": selectors.thread_view(thread, user=request.user),
            "review": thread.review,
            **(extra or {}),
        }
        context["viewer"] = selectors.viewer_for(request.user, thread.review)
        if request.user.is_authenticated:
            context["watch_state"] = watching_in_review(request.user, thread.review)
        response = render(request, f"{PAGE}#thread", context, status=status)
        if status == 200:
            _with_counts(request, response, thread.review, clause=thread.clause)
        return response
    return redirect(thread.get_absolute_url())


# --- reviews ------------------------------------------------------------------------------------


@require_GET
def review_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in Review.Status.values:
        status = ""
    counts = listing.review_status_counts()
    return render(
        request,
        "review/review_list.html",
        {
            "reviews": listing.review_list(status=status),
            "status": status,
            "statuses": [(value, label, counts.get(value, 0)) for value, label in Review.Status.choices],
            "total": sum(counts.values()),
            "nav": "reviews",
        },
    )


def _int(value) -> int | None:
    value = str(value or "")
    return int(value) if value.isdigit() and len(value) < 18 else None


@login_required
def review_create(request: HttpRequest) -> HttpResponse:
    if not request.GET.get("version") and (
        roles.is_moderator(request.user) or roles.is_steward(request.user)
    ):
        # Reviews start from a version's page, where the text is in front of the person opening it.
        messages.info(
            request, "Choose a license version, then use “Open a review of this version” on its page."
        )
        return redirect("licenses:license-list")
    version = (
        LicenseVersion.objects.select_related("license").filter(pk=_int(request.GET.get("version"))).first()
    )
    if version is None or not rules.may_open_review(request.user, version.license):
        raise Http404("No such license version.")
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.review_open(version=version, opened_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "The review is open. Reviewers can now comment clause by clause.")
            return redirect(review)
    return render(request, "review/review_form.html", {"form": form, "version": version, "nav": "reviews"})


def _has_messages(request: HttpRequest) -> bool:
    """A message waits to be shown (it is in no cached page and no validator)."""
    return bool(request.COOKIES.get("messages")) or bool(
        getattr(request, "session", None) and request.session.get("_messages")
    )


@require_GET
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    anonymous = not request.user.is_authenticated
    fragment = request.htmx and request.htmx.target == "review-clauses"
    etag, whole_key = None, ""
    if anonymous and not request.htmx and not _has_messages(request):
        # A visitor's reload is a 304 until the review changes (review.stamps); the stamp is
        # read first, alone (one small query), before anything it keys.
        stamp = selectors.public_stamp(pk)
        if stamp is not None:
            etag = page_cache.etag(stamp, request)
            if page_cache.matches(request, etag):
                return page_cache.not_modified(etag)
            # A visitor's whole page is kept per change of the review and shared, at the review's
            # own address and its filters only (a bounded set). It is rendered with marks for the
            # CSRF token and CSP nonce, and each visitor gets their own back (config.http_cache).
            if set(request.GET) <= {"show"}:
                whole_key = page_cache.page_key("review", request, etag)
                whole = page_cache.get_page(request, whole_key)
                if whole is not None:
                    return page_cache.validated(whole, etag)
    review = selectors.review_for(pk, request.user)
    show = request.GET.get("show", "all")
    show = show if show in selectors.FILTERS else "all"
    expanded = _int(request.GET.get("thread"))
    opened = _int(request.GET.get("clause"))  # a big review's list of threads on one clause
    viewer = selectors.viewer_for(request.user, review)
    # Which of the review and its threads the person watches: one query, whatever the threads.
    watch_state = None if anonymous else watching_in_review(request.user, review)
    key = page_cache.layout_key(review, viewer=viewer, filter=show)
    own_key = (
        ""
        if anonymous
        else page_cache.own_layout_key(review, viewer=viewer, filter=show, watching=watch_state)
    )
    own = fragment or expanded or opened or request.GET.get("folded")
    layout = None
    if not own:
        layout = page_cache.get_fragment(key)
        if layout is None and own_key:
            layout = page_cache.get_marked(request, own_key)
    if layout is not None:
        page = selectors.review_head(review, user=request.user, filter=show, viewer=viewer)
    else:
        page = selectors.review_page(review, user=request.user, filter=show, expanded=expanded, clause=opened)
    context = {
        "page": page,
        "review": review,
        "viewer": page.viewer,
        "criteria": page.criteria,
        "filters": selectors.FILTERS,
        "nav": "reviews",
        # After a mail import: every thread folded to its first line (review.mail.views).
        "folded": request.GET.get("folded") == "1",
        # The page sets these with {% with %}; fragments rendered alone need them too.
        "version": review.version,
        "license": review.version.license,
        "watch_state": watch_state,
    }
    if fragment:
        return _no_store(render(request, f"{PAGE}#clauses", context))
    if opened and request.htmx:  # review.js opening a clause's list: its folded threads alone
        context["cv"] = next((cv for cv in page.all_clauses if cv.clause.pk == opened), None)
        if context["cv"] is None:
            raise Http404("No such clause in this review.")
        return _no_store(render(request, f"{PAGE}#clause_threads", context))
    if layout is None and not own:
        if page_cache.may_share(viewer=page.viewer, lazy=page.lazy, expanded=None):
            layout = render_to_string(f"{PAGE}#layout", context, request=request)
            page_cache.set_fragment(key, layout)
        elif own_key:
            # This reader's own clause list (their forms, links and watch buttons): kept for them
            # alone with the CSRF mark, so that their next reload costs no template work.
            marked = render_to_string(f"{PAGE}#layout", context | page_cache.MARKS, request=request)
            page_cache.set_marked(own_key, marked)
            layout = mark_safe(page_cache.personalise(request, marked))  # noqa: S308 - our own render
    context["layout"] = layout
    if whole_key:
        response = render(request, PAGE, context | page_cache.MARKS)
        return page_cache.validated(page_cache.set_page(request, whole_key, response), etag)
    response = render(request, PAGE, context)
    if etag:
        return page_cache.validated(response, etag)
    return _no_store(response)


def _no_store(response: HttpResponse) -> HttpResponse:
    # Back to this page after an htmx post must not show the copy cached before it (without the
    # new thread, inviting a second post): the browser asks again.
    patch_cache_control(response, no_store=True, private=True)
    return response


@login_required
def review_decide(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.review_for(pk, request.user)
    if not rules.may_decide(request.user):
        raise Http404("No such review.")
    initial = {"status": review.status, "rationale": review.decision_rationale}
    form = DecisionForm(request.POST or None, review=review, initial=initial)
    if not form.is_bound:
        form.initial["threads"] = list(review.decision_threads.values_list("pk", flat=True))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        was_decided = review.decided_at is not None
        try:
            services.review_decide(
                review=review,
                user=request.user,
                status=data["status"],
                rationale=data["rationale"],
                threads=data["threads"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _decision_notice(review, was_decided))
            return redirect(review)
    return render(request, "review/review_decide.html", {"form": form, "review": review, "nav": "reviews"})


def _decision_notice(review: Review, was_decided: bool) -> str:
    """What the moderator is told: "Open" records no decision, it withdraws one."""
    if review.status != Review.Status.OPEN:
        return f"Decision recorded: {review.get_status_display()}."
    if was_decided:
        return "Decision withdrawn: the review is open again."
    return "No decision recorded: the review stays open. Choose a status to decide it."


# --- threads ------------------------------------------------------------------------------------


@login_required
@comment_rate_limited
def thread_create(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.review_for(pk, request.user)
    if not rules.may_comment(request.user, review):
        raise Http404("No such review.")
    given = request.POST if request.method == "POST" else request.GET
    # A selection made in the page arrives with offsets; otherwise offer a field to type the quote.
    typed_quote = not request.htmx and not given.get("quote_start")
    form = ThreadForm(
        request.POST or None,
        review=review,
        initial=request.GET.dict() if request.method == "GET" else None,
        typed_quote=typed_quote,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            thread = services.thread_start(
                review=review,
                clause=data["clause"],
                author=request.user,
                body=data["body"],
                stance=data["stance"],
                criterion=data["criterion"],
                quote=form.quote(),
                suggested_wording=data["suggested_wording"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            if request.htmx:
                block = selectors.clause_block(review, thread.clause, user=request.user)
                context = {
                    "cv": block,
                    "review": review,
                    "viewer": selectors.viewer_for(request.user, review),
                    "criteria": selectors.criteria_for(review),
                    "watch_state": watching_in_review(request.user, review),
                }
                response = _with_counts(request, render(request, f"{PAGE}#clause", context), review, cv=block)
                return replace_url(response, _at(request, thread.dom_id))
            messages.success(request, "Thread started.")
            return redirect(thread.get_absolute_url())
    clause_id = _int((form.data if form.is_bound else form.initial).get("clause"))
    clause = form.fields["clause"].queryset.filter(pk=clause_id).first() if clause_id else None
    context = {"form": form, "review": review, "clause": clause, "nav": "reviews"}
    if request.htmx and request.method == "POST":
        response = render(request, "review/thread_new.html#form", context, status=422)
        return reswap(retarget(response, f"#new-thread-{clause.pk if clause else 'x'}"), "outerHTML")
    if request.method == "POST":
        return render(request, "review/thread_new.html", context, status=422)
    return render(request, "review/thread_new.html", context)


@require_GET
def thread_detail(request: HttpRequest, pk: int, thread_id: int) -> HttpResponse:
    thread = _get_thread_for_user(request, pk, thread_id)
    # Asked for by opening a folded thread: it comes open, whatever its status.
    return _thread_response(request, thread, extra={"opened": True})


@require_POST
@login_required
@comment_rate_limited
def thread_reply(request: HttpRequest, pk: int, thread_id: int) -> HttpResponse:
    thread = _get_thread_for_user(request, pk, thread_id)
    if not rules.may_comment(request.user, thread.review):
        raise Http404("No such thread.")
    form = CommentForm(request.POST, prefix_id=f"r{thread.pk}-")
    if form.is_valid():
        try:
            comment = services.comment_add(thread=thread, author=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            if not request.htmx:
                messages.success(request, "Reply posted.")
                return redirect(f"{thread.review.get_absolute_url()}#{comment.dom_id}")
            return replace_url(_thread_response(request, thread), _at(request, comment.dom_id))
    if request.htmx:
        return _thread_response(request, thread, extra={"reply_form": form}, status=422)
    return render(
        request,
        "review/comment_form.html",
        {"form": form, "thread": thread, "review": thread.review, "action": "reply"},
        status=422,
    )


def _thread_status_change(request: HttpRequest, pk: int, thread_id: int, change, done: str) -> HttpResponse:
    thread = _get_thread_for_user(request, pk, thread_id)
    try:
        change(thread=thread, user=request.user)
    except services.NotAllowed:
        raise Http404("No such thread.") from None
    if not request.htmx:
        messages.success(request, done)
    return _thread_response(request, thread)


@require_POST
@login_required
def thread_resolve(request: HttpRequest, pk: int, thread_id: int) -> HttpResponse:
    return _thread_status_change(request, pk, thread_id, services.thread_resolve, "Thread resolved.")


@require_POST
@login_required
def thread_reopen(request: HttpRequest, pk: int, thread_id: int) -> HttpResponse:
    return _thread_status_change(request, pk, thread_id, services.thread_reopen, "Thread reopened.")


# --- comments -----------------------------------------------------------------------------------


@login_required
@comment_rate_limited
def comment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _get_comment_for_user(request, pk)
    if not rules.may_edit(request.user, comment):
        raise Http404("No such comment.")
    initial = {"body": comment.body, "stance": comment.stance, "suggested_wording": comment.suggested_wording}
    form = CommentForm(request.POST or None, initial=initial, prefix_id=f"e{comment.pk}-")
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(comment=comment, editor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            if not request.htmx:
                messages.success(request, "Comment updated; the previous text is kept in its history.")
                return redirect(f"{comment.thread.review.get_absolute_url()}#{comment.dom_id}")
            return _thread_response(request, comment.thread)
    context = {
        "form": form,
        "comment": comment,
        "thread": comment.thread,
        "review": comment.thread.review,
        "action": "edit",
    }
    status = 422 if request.method == "POST" else 200
    if request.htmx:
        return render(request, "review/comment_form.html#form", context, status=status)
    return render(request, "review/comment_form.html", context, status=status)


@require_POST
@login_required
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _comment_action(
        request,
        pk,
        services.comment_delete,
        "Comment deleted. Replies keep a placeholder; a moderator can restore it.",
    )


@require_POST
@login_required
def comment_restore(request: HttpRequest, pk: int) -> HttpResponse:
    return _comment_action(request, pk, services.comment_restore, "Comment restored.")


def _comment_action(request: HttpRequest, pk: int, action, done: str) -> HttpResponse:
    """Delete or restore: the service checks the right; anyone without it gets 404."""
    comment = _get_comment_for_user(request, pk)
    try:
        action(comment=comment, user=request.user)
    except services.NotAllowed:
        raise Http404("No such comment.") from None
    if not request.htmx:
        messages.success(request, done)
    return _thread_response(request, comment.thread)


@login_required
def comment_hide(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _get_comment_for_user(request, pk)
    if not roles.is_moderator(request.user):
        raise Http404("No such comment.")
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_hide(comment=comment, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            if not request.htmx:
                messages.success(request, "Comment hidden; the reason shows in its place.")
            return _thread_response(request, comment.thread)
    context = {"form": form, "comment": comment, "thread": comment.thread, "review": comment.thread.review}
    status = 422 if request.method == "POST" else 200
    if request.htmx:
        return render(request, "review/comment_hide.html#form", context, status=status)
    return render(request, "review/comment_hide.html", context, status=status)


@require_GET
def comment_history(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _get_comment_for_user(request, pk)
    if comment.is_hidden and not roles.is_moderator(request.user):
        raise Http404("No such comment.")
    if comment.is_deleted and not roles.is_moderator(request.user):
        raise Http404("No such comment.")
    revisions = list(comment.revisions.select_related("editor__profile").order_by("-edited_at", "-pk"))
    return render(
        request,
        "review/comment_history.html",
        {"comment": comment, "revisions": revisions, "review": comment.thread.review, "nav": "reviews"},
    )
