"""Human labels for audit verbs; each app registers its own in its AppConfig.ready()."""

from django.utils.functional import Promise

VERB_LABELS: dict[str, str | Promise] = {}


def register_verbs(labels: dict[str, str | Promise]) -> None:
    VERB_LABELS.update(labels)
