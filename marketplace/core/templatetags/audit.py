from django import template

from marketplace.core.audit import VERB_LABELS
from marketplace.core.selectors import timeline_for

register = template.Library()


@register.inclusion_tag("core/partials/timeline.html")
def audit_timeline(subject, limit: int = 50):
    """The audit events of ``subject``, newest first."""
    return {"events": timeline_for(subject=subject)[:limit]}


@register.filter
def verb_label(verb: str) -> str:
    """The label an app registered for ``verb``; else ``company.verified`` → ``Company verified``."""
    if verb in VERB_LABELS:
        return VERB_LABELS[verb]
    return verb.replace(".", " ").replace("_", " ").capitalize()
