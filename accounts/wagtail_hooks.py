"""The Wagtail admin's picture of a person: their initials, drawn here as an inline SVG. No picture
is ever fetched from a third party (Gravatar would learn who uses the admin, and the content security
policy blocks it anyway)."""

import base64

from django.utils.html import escape
from wagtail import hooks

# Colours with white text at a contrast of at least 4.5:1, chosen by the person's id so that two
# people side by side are told apart.
_BACKGROUNDS = ("#0b5a8a", "#1d6b35", "#7a4b00", "#a2202a", "#5b3f8c", "#2f4858")


def initials(user) -> str:
    names = [user.first_name, user.last_name] if (user.first_name or user.last_name) else [user.email]
    return "".join(name.strip()[0].upper() for name in names if name and name.strip())[:2] or "?"


@hooks.register("get_avatar_url")
def initials_avatar(user, size):
    if not getattr(user, "pk", None):
        return None
    background = _BACKGROUNDS[user.pk % len(_BACKGROUNDS)]
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" fill="{background}"/>'
        '<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="42" '
        f'fill="#fff">{escape(initials(user))}</text></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
