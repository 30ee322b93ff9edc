import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.local")

app = Celery("marketplace")
# Every CELERY_* Django setting configures the app (broker, eager mode, acks_late, beat).
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
