from django.contrib import admin

from search.models import SynonymGroup


@admin.register(SynonymGroup)
class SynonymGroupAdmin(admin.ModelAdmin):
    """Operators keep the trade names buyers use; every backend applies them on the next search."""

    list_display = ("terms", "note", "is_active", "updated_at")
    list_filter = ("is_active",)
    search_fields = ("terms", "note")
