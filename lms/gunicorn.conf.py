"""gunicorn's settings for Cascade. The systemd unit of docs/deploy.md and the load test
(bench/load/run.py) both start it with ``--config lms/gunicorn.conf.py``, so that what is measured
is what runs; options on the command line (``--bind``, ``--workers``) win over these.

- **Workers**: 2 × cores + 1 processes (``WEB_CONCURRENCY`` sets another number), each answering
  one request at a time, behind nginx, which buffers slow clients. A request mostly runs Python,
  which holds one core per process, and waits a little on PostgreSQL and Redis: one process more
  than twice the cores keeps the cores busy while some wait.
- **The application is loaded once, before the workers start** (``preload_app``): Django, Wagtail
  and every view are imported in the master, and the URL patterns and both languages'
  translations read there (``when_ready``); each worker starts as a copy of it, answering at once
  and sharing that memory. Before, every worker imported everything itself (several CPU seconds
  each, at every start) and spent seconds more on its first requests. Nothing connects to
  PostgreSQL, Redis or the broker before the fork: each worker opens its own connections on its
  first request. A code update needs a restart of the service, not a reload (docs/deploy.md).
- **A worker is replaced after 2,000 to 2,200 requests**, so that memory a long-lived process
  gathers is given back; the jitter keeps the workers from being replaced all at once, and with
  the application loaded in the master a replacement starts at once.
- **What the master loaded is frozen for the garbage collector** (``pre_fork``): the workers'
  collections no longer walk the hundreds of thousands of objects every worker inherits and never
  frees, and by not touching them keep the memory pages shared with the master (Python's advice for
  a program that forks without exec: ``gc.freeze``).
"""

import gc
import os

wsgi_app = "lms.wsgi:application"
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1) + 1)
preload_app = True
timeout = 60
graceful_timeout = 30
max_requests = 2000
max_requests_jitter = 200
# nginx in front logs every request (docs/deploy.md §5). gunicorn's own line for the same request
# cost its worker 0.3 ms of CPU (measured: a lesson page 7.1 ms with it, 6.7 without), so it is off
# unless asked for: GUNICORN_ACCESS_LOG=- writes it to standard output (the journal).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
# systemd starts, stops and restarts the service; gunicorn's control socket (a second way to change
# the workers or stop them, at a path shared by every gunicorn of the user) is not used.
control_socket_disable = True


def when_ready(server) -> None:
    """In the master, before the first worker is forked: what Django otherwise reads on each
    worker's first requests, the URL patterns (importing every view) and the translations."""
    from django.conf import settings
    from django.db import connections
    from django.urls import get_resolver
    from django.utils import translation

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            get_resolver()._populate()
            translation.gettext("Cascade")
    # No worker may inherit a connection of the master's (none is expected to be open here).
    connections.close_all()


def pre_fork(server, worker) -> None:
    # Before each fork, so that a worker replaced later inherits the same frozen objects.
    gc.freeze()
