from django.db import models
from django.db.models import QuerySet

from marketplace.core.models import AuditEvent


def timeline_for(*, subject: models.Model) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.for_subject(subject)
