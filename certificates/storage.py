"""Private files: certificates are served only through a view that checks who asks, never from
``MEDIA_URL``. The ``private`` storage is configured in settings (a directory outside the public
media by default; S3-compatible storage in a larger installation)."""

from django.core.files.storage import storages


def private_storage():
    return storages["private"]
