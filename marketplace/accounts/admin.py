from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from marketplace.accounts.models import Company, Membership, SupplierAuthorisation, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "is_staff", "is_active")
    search_fields = ("email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "language")}),
        (
            _("Permissions"),
            {
                "fields": (
                    "is_active",
                    "email_confirmed",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ("user",)


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "verification_status", "created_at")
    list_filter = ("kind", "verification_status", "country")
    search_fields = ("name", "registration_number", "customs_code")
    # Verification goes through the operator pages so every decision is recorded.
    readonly_fields = ("verification_status", "verification_reason", "verified_at", "verified_by")
    inlines = [MembershipInline]


@admin.register(SupplierAuthorisation)
class SupplierAuthorisationAdmin(admin.ModelAdmin):
    list_display = ("supplier", "firm", "granted_at", "revoked_at")
    readonly_fields = ("supplier", "firm", "granted_by", "granted_at", "revoked_at", "revoked_by")
