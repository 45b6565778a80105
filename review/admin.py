"""Admin: reviews, threads and comments for moderators; profiles on the user page.

Roles are Django groups (reviewer, steward, moderator): admins grant them on the user page.
"""

from __future__ import annotations

from django.contrib import admin

from review.models import Comment, CommentRevision, Position, Review, Thread


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "criterion_set", "is_public", "opened_by", "opened_at"]
    list_filter = ["status", "is_public", "criterion_set"]
    search_fields = ["version__license__name", "version__label"]
    raw_id_fields = ["version", "opened_by", "decided_by", "previous_round"]
    filter_horizontal = ["decision_threads"]


class CommentInline(admin.StackedInline):
    model = Comment
    fields = ["author", "stance", "body", "suggested_wording", "hidden_reason", "deleted_at", "source"]
    readonly_fields = ["author", "deleted_at", "source"]
    extra = 0
    show_change_link = True


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["__str__", "review", "criterion", "status", "started_by", "created_at"]
    list_filter = ["status", "outdated", "orphaned"]
    raw_id_fields = ["review", "clause", "started_by", "resolved_by", "carried_from"]
    inlines = [CommentInline]


class RevisionInline(admin.TabularInline):
    model = CommentRevision
    fields = ["edited_at", "editor", "stance", "body"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "stance", "thread", "created_at", "edited_at", "hidden_at", "deleted_at"]
    list_filter = [
        "stance",
        "source",
        ("hidden_at", admin.EmptyFieldListFilter),
        ("deleted_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["body", "author__username", "author_name"]
    raw_id_fields = ["thread", "author", "deleted_by", "hidden_by"]
    readonly_fields = ["body_html"]
    inlines = [RevisionInline]

    def save_model(self, request, obj, form, change):
        # The admin edits the Markdown; keep the stored HTML in step (sanitised as on the site).
        from review.markup import render_markdown

        obj.body_html = render_markdown(obj.body)
        super().save_model(request, obj, form, change)


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "review", "verdict", "reviewer", "updated_at"]
    list_filter = ["verdict"]
    raw_id_fields = ["review", "clause", "criterion", "reviewer", "threads"]
