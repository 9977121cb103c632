"""Form fields whose help and errors are tied to the input, for screen readers."""

from django import template

register = template.Library()


@register.simple_tag
def field_widget(field):
    """Render ``field``'s input with aria-describedby naming its help text and errors."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_errors")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
