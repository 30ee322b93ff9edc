from django import template

from catalog.hooks import templates_for

register = template.Library()


@register.simple_tag
def hook_templates(hook):
    """Templates other apps registered for ``hook`` (see catalog/hooks.py); include each."""
    return templates_for(hook)
