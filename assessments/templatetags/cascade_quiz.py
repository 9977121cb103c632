"""Small lookups the question template needs to show a saved answer back."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key, "")


@register.filter
def position_of(order, item_id):
    """The 1-based place of ``item_id`` in a saved ordering, or "" if not saved."""
    order = order or []
    return order.index(item_id) + 1 if item_id in order else ""
