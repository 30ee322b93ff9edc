from django.contrib import admin

from catalog.documents.models import ProductDocument


@admin.register(ProductDocument)
class ProductDocumentAdmin(admin.ModelAdmin):
    """Read-only for operators: suppliers upload through the portal or the API (the service)."""

    list_display = ("product", "kind", "version", "visibility", "issue_date", "expiry_date", "created_at")
    list_filter = ("kind", "visibility")
    search_fields = ("product__title", "product__upc", "title")
    list_select_related = ("product",)
    readonly_fields = [field.name for field in ProductDocument._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
