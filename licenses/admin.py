from django.contrib import admin

from licenses.models import (
    Clause,
    ClauseCorrection,
    ClauseLink,
    Criterion,
    CriterionSet,
    Family,
    License,
    LicenseAlias,
    LicenseVersion,
)


class VersionInline(admin.TabularInline):
    model = LicenseVersion
    fields = ["label", "source", "previous", "created_at"]
    readonly_fields = ["created_at"]
    extra = 0
    show_change_link = True


@admin.register(License)
class LicenseAdmin(admin.ModelAdmin):
    list_display = ["name", "spdx_id", "osi_status", "fsf_libre", "deprecated"]
    list_filter = ["osi_status", "fsf_libre", "deprecated"]
    search_fields = ["name", "spdx_id", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["stewards"]
    inlines = [VersionInline]


class ClauseInline(admin.TabularInline):
    model = Clause
    fields = ["ordinal", "path", "label", "heading", "depth"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(LicenseVersion)
class LicenseVersionAdmin(admin.ModelAdmin):
    list_display = ["license", "label", "source", "created_at"]
    list_filter = ["source"]
    search_fields = ["license__name", "label"]
    raw_id_fields = ["license", "previous", "created_by"]
    readonly_fields = ["text_hash", "segmenter"]
    inlines = [ClauseInline]


@admin.register(Clause)
class ClauseAdmin(admin.ModelAdmin):
    list_display = ["path", "heading", "version"]
    search_fields = ["path", "heading", "text"]
    raw_id_fields = ["version", "parent"]


class CriterionInline(admin.StackedInline):
    model = Criterion
    extra = 0


@admin.register(CriterionSet)
class CriterionSetAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "slug"]
    inlines = [CriterionInline]


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "set", "key"]
    list_filter = ["set"]


@admin.register(ClauseCorrection)
class ClauseCorrectionAdmin(admin.ModelAdmin):
    list_display = ["summary", "version", "action", "actor", "created_at", "undone_at"]
    list_filter = ["action"]
    search_fields = ["summary", "version__license__name"]
    raw_id_fields = ["version", "actor", "undoes", "undone_by"]
    # The history is a record: it is read here and changed only through licenses.corrections.services.
    readonly_fields = [
        "version",
        "action",
        "summary",
        "actor",
        "created_at",
        "before",
        "after",
        "undoes",
        "undone_at",
        "undone_by",
    ]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(LicenseAlias)
class LicenseAliasAdmin(admin.ModelAdmin):
    list_display = ["slug", "license"]
    search_fields = ["slug", "license__slug", "license__name"]
    raw_id_fields = ["license"]


@admin.register(Family)
class FamilyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "base"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["members"]
    raw_id_fields = ["base", "created_by"]


@admin.register(ClauseLink)
class ClauseLinkAdmin(admin.ModelAdmin):
    list_display = ("version_a", "a_anchor", "kind", "version_b", "b_anchor", "created_by", "created_at")
    list_filter = ("kind",)
    raw_id_fields = ("version_a", "version_b", "created_by")
