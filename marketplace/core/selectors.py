from django.db import models

from marketplace.core.models import AuditEvent


def timeline_for(*, subject: models.Model):
    return AuditEvent.objects.for_subject(subject)
