from django import template

from events import selectors

register = template.Library()


@register.simple_tag
def upcoming_registrations(person):
    """The person's registrations for events still ahead (one query)."""
    return list(selectors.upcoming_registrations(person))
