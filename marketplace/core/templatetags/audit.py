from django import template

from marketplace.core.selectors import timeline_for

register = template.Library()


@register.inclusion_tag("core/partials/timeline.html")
def audit_timeline(subject, limit: int = 50):
    """The audit events of ``subject``, newest first."""
    return {"events": timeline_for(subject=subject)[:limit]}


@register.filter
def verb_label(verb: str) -> str:
    """``company.verified`` → ``Company verified``: readable without a table of verbs."""
    return verb.replace(".", " ").replace("_", " ").capitalize()
