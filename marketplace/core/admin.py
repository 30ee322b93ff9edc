from django.contrib import admin, messages
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from marketplace.core import outbox
from marketplace.core.models import EmailNotification, OutboxMessage
from marketplace.core.services import resend_notifications


class OutboxStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"
    STATES = {
        "pending": Q(done_at__isnull=True, next_attempt_at__isnull=False, last_error=""),
        "failing": Q(done_at__isnull=True, next_attempt_at__isnull=False) & ~Q(last_error=""),
        "given_up": Q(done_at__isnull=True, next_attempt_at__isnull=True),
        "done": Q(done_at__isnull=False),
    }

    def lookups(self, request, model_admin):
        return [
            ("pending", _("Pending")),
            ("failing", _("Failing (retrying)")),
            ("given_up", _("Given up")),
            ("done", _("Done")),
        ]

    def queryset(self, request, queryset):
        condition = self.STATES.get(self.value())
        return queryset if condition is None else queryset.filter(condition)


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ("pk", "task", "kwargs", "state", "attempts", "next_attempt_at", "created_at", "done_at")
    list_filter = (OutboxStateFilter, "task")
    search_fields = ("task", "key", "last_error")
    readonly_fields = [field.name for field in OutboxMessage._meta.fields]
    actions = ["retry_now"]

    @admin.display(description=_("State"))
    def state(self, message):
        return message.state

    @admin.action(description=_("Retry now"))
    def retry_now(self, request, queryset):
        ids = list(queryset.filter(done_at__isnull=True).values_list("pk", flat=True))
        outbox.retry_now(queryset=queryset)
        sent = sum(outbox.dispatch(message_id=message_id) for message_id in ids)
        self.message_user(request, _("%(n)s messages handed to the broker.") % {"n": sent}, messages.SUCCESS)

    def has_add_permission(self, request):
        return False


@admin.register(EmailNotification)
class EmailNotificationAdmin(admin.ModelAdmin):
    list_display = ("pk", "template", "recipient", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status", "template")
    search_fields = ("recipient__email", "template", "last_error")
    list_select_related = ("recipient",)
    readonly_fields = [field.name for field in EmailNotification._meta.fields]
    actions = ["send_again"]

    @admin.action(description=_("Send again (after checking it did not arrive)"))
    def send_again(self, request, queryset):
        count = resend_notifications(notifications=queryset)
        self.message_user(request, _("%(n)s notifications queued again.") % {"n": count}, messages.SUCCESS)

    def has_add_permission(self, request):
        return False
